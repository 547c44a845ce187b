"""Find the KMS hosts a console would find through DNS, check that they answer, and judge.

A KMS client looks up ``_vlmcs._tcp.<suffix>`` for each suffix of its resolver, in order,
and uses the first suffix whose answer holds records (the *used* domain); it does not go on
to later suffixes when those hosts fail. This module asks every domain at once (three
silent domains cost one timeout, not three), then judges by the used domain alone, and says
so when a later domain has a host that would have worked.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Sequence

import dns.name
import dns.rcode
import dns.rdatatype

from srs_wizard.core.kms import net
from srs_wizard.core.kms.inputs import (
    is_expected,
    normalise_domain,
    normalise_expected,
    parse_nameserver,
    system_dns_config,
)
from srs_wizard.core.kms.model import (
    DEFAULT_CONNECT_TIMEOUT,
    DEFAULT_TIMEOUT,
    DETAIL_BAD_REPLY,
    DETAIL_NO_SERVER,
    DETAIL_RCODE,
    DETAIL_RECORDS,
    DETAIL_SOCKET,
    DETAIL_TCP_FAILED,
    DETAIL_TOO_MANY_FILES,
    DNS_ERROR,
    ERROR,
    FAULT_STATUSES,
    FOUND,
    MAX_HOSTS,
    NO_ANSWER,
    NO_DOMAIN,
    NOT_AVAILABLE,
    NOT_FOUND,
    NOT_KMS,
    NOTE_HOST_LIMIT,
    NXDOMAIN,
    OK,
    PROBE_ERROR,
    PROBE_OPEN,
    PROBE_REFUSED,
    PROBE_TIMEOUT,
    READY,
    REFUSED,
    SERVFAIL,
    SOURCE_ARGUMENT,
    SRV_PREFIX,
    TIMEOUT,
    TOO_MANY_FILES_ERRNOS,
    UNREACHABLE,
    Detail,
    DomainResult,
    KmsCheck,
    KmsHost,
    Nameserver,
    Note,
    Probe,
    SearchDomain,
    best_protocol,
)

if TYPE_CHECKING:
    from srs_wizard.core.kms import tcp

# CNAMEs followed from an SRV target to its addresses; more is a loop or a broken zone.
MAX_CNAME_HOPS = 8


def _failure_detail(q: net.Query) -> Detail:
    if q.errno in TOO_MANY_FILES_ERRNOS:
        return Detail(DETAIL_TOO_MANY_FILES, errno=q.errno)
    if q.failure == net.FAIL_BAD_REPLY:
        return Detail(DETAIL_BAD_REPLY, reason=q.detail)
    if q.failure == net.FAIL_TCP:
        return Detail(DETAIL_TCP_FAILED, reason=q.detail, errno=q.errno)
    return Detail(DETAIL_SOCKET, reason=q.detail or None, errno=q.errno)


def _name_text(name: dns.name.Name) -> str:
    return name.to_text(omit_final_dot=True).lower()


def _addresses_in(response, target: dns.name.Name) -> tuple[list[str], dns.name.Name | None]:
    """The addresses of ``target`` in a response, following its CNAMEs (bounded). When the
    chain leaves the response, the name still to ask is returned instead."""
    sections = list(response.answer) + list(response.additional)
    name, seen = target, {target}
    for _ in range(MAX_CNAME_HOPS + 1):
        found = [rdata.address for rrset in sections if rrset.name == name
                 and rrset.rdtype in (dns.rdatatype.A, dns.rdatatype.AAAA) for rdata in rrset]
        if found:
            return found, None
        alias = next((rrset[0].target for rrset in sections
                      if rrset.name == name and rrset.rdtype == dns.rdatatype.CNAME and len(rrset)), None)
        if alias is None:
            return [], (name if name != target else None)
        if alias in seen:
            return [], None  # a CNAME loop
        seen.add(alias)
        name = alias
    return [], None


def _domain_status(q: net.Query) -> tuple[str, Detail | None, list]:
    """Classify one SRV query; return (status, detail, [srv rdata])."""
    if q.outcome == net.FAILED:
        return ERROR, _failure_detail(q), []
    if q.outcome == net.TIMED_OUT:
        return TIMEOUT, None, []
    response = q.response
    rcode = response.rcode()
    if rcode == dns.rcode.NXDOMAIN:
        return NXDOMAIN, None, []
    if rcode == dns.rcode.SERVFAIL:
        return SERVFAIL, None, []
    if rcode == dns.rcode.REFUSED:
        return REFUSED, None, []
    if rcode != dns.rcode.NOERROR:
        return ERROR, Detail(DETAIL_RCODE, rcode=dns.rcode.to_text(rcode)), []
    records = []
    for rrset in response.answer:
        if rrset.rdtype == dns.rdatatype.SRV and rrset.name == q.qname:
            records.extend(rrset)
    if not records:
        return NO_ANSWER, None, []
    if len(records) == 1 and records[0].target == dns.name.root:
        return NOT_AVAILABLE, None, []
    real = [r for r in records if r.target != dns.name.root]
    return OK, Detail(DETAIL_RECORDS, count=len(real)), real


def _probe_from(address: str, result: tcp.TcpResult) -> Probe:
    if result.result == net.TCP_OPEN:
        reply = getattr(result.reader, "reply", None)
        return Probe(address, PROBE_OPEN, result.connect_ms, protocol=result.outcome,
                     protocol_reason=reply.reason if reply is not None else None)
    if result.result == net.TCP_REFUSED:
        return Probe(address, PROBE_REFUSED, None, result.errno, result.detail)
    if result.result == net.TCP_TIMEOUT:
        return Probe(address, PROBE_TIMEOUT, None, result.errno, result.detail)
    return Probe(address, PROBE_ERROR, None, result.errno, result.detail)


def _resolve_addresses(loop: net.Loop, entries: list[dict], servers, deadline: float) -> None:
    """Ask A and AAAA for hosts the SRV answer gave no address for, following CNAMEs.

    Every lookup, each CNAME hop included, runs in one ``run_queries`` against the check's
    one deadline: a hop is asked as soon as the answer naming it arrives, so an AAAA that is
    never answered neither delays the A chain nor adds its own time to the budget."""

    def lookup(entry: dict, name: dns.name.Name, rdtype: int, hop: int) -> net.Query:
        entry["aliases"].add((name, rdtype))
        return net.Query((entry, hop), name, rdtype, servers)

    def on_answer(q: net.Query) -> list[net.Query]:
        entry, hop = q.key
        if q.response.rcode() != dns.rcode.NOERROR:
            return []
        found, next_name = _addresses_in(q.response, q.qname)
        for a in found:
            if a not in entry["addresses"]:
                entry["addresses"].append(a)
        if next_name is None or hop >= MAX_CNAME_HOPS or (next_name, q.rdtype) in entry["aliases"]:
            return []
        return [lookup(entry, next_name, q.rdtype, hop + 1)]

    lookups = [lookup(entry, entry["address_name"], rdtype, 0)
               for entry in entries if not entry["addresses"] and entry["address_name"]
               for rdtype in (dns.rdatatype.A, dns.rdatatype.AAAA)]
    if lookups:
        net.run_queries(loop, lookups, deadline, on_answer=on_answer)
    for entry in entries:  # answers arrive in any order: IPv4 first, as the lookups were asked
        entry["addresses"].sort(key=lambda a: ":" in a)


def _judge(hosts: list[KmsHost], used: str | None, domain_results, connect: bool, bind: bool) -> str:
    if not hosts or used is None:
        return DNS_ERROR if any(d.status in FAULT_STATUSES for d in domain_results) else NOT_FOUND
    if not connect:
        return FOUND
    used_hosts = [h for h in hosts if used in h.domains]
    if bind:
        if any(h.speaks_kms for h in used_hosts):
            return READY
        if any(h.reachable for h in used_hosts):
            return NOT_KMS
        return UNREACHABLE
    return READY if any(h.reachable for h in used_hosts) else UNREACHABLE


def find_kms_hosts(
    domains: Sequence[str] | None = None,
    nameservers: Sequence[str | Nameserver] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    connect: bool = True,
    connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
    expect: Sequence[str] | None = None,
    cancel: net.CancelToken | None = None,
    resolv_conf: str | None = None,
    max_hosts: int = MAX_HOSTS,
    bind: bool = True,
) -> KmsCheck:
    """Do what a KMS client does to find its host, for every domain at once, and judge it.

    ``domains`` given win (their order is the search order); otherwise the system's primary
    domain and search list. ``bind`` also asks every open connection for the KMS interface.
    Raises UsageError for an unusable domain or server and CheckCancelled when ``cancel`` fires.
    """
    started = time.perf_counter()
    deadline = started + timeout
    config_problem = None
    notes: list[Note] = []
    bind = bind and connect

    search: list[SearchDomain] = []
    if domains:
        seen = set()
        for text in domains:
            name = normalise_domain(text)
            if name not in seen:
                seen.add(name)
                search.append(SearchDomain(name, SOURCE_ARGUMENT))
    system = None
    if not domains or not nameservers:
        system = system_dns_config(resolv_conf)
        config_problem = system.problem
        if not domains:
            search = list(system.domains)

    servers: list[Nameserver] = []
    for ns in nameservers or ():
        servers.append(ns if isinstance(ns, Nameserver) else parse_nameserver(ns))
    if not servers and system is not None:
        servers = list(system.nameservers)

    def check(verdict, results=(), hosts=(), unexpected=()) -> KmsCheck:
        return KmsCheck(verdict, tuple(results), tuple(hosts), tuple(unexpected),
                        (time.perf_counter() - started) * 1000, tuple(notes),
                        tuple(str(s) for s in servers), connect, config_problem, bind)

    if not search:
        return check(NO_DOMAIN)

    loop = net.Loop(cancel)
    try:
        loop.check_cancel()
        if not servers:
            detail = Detail(DETAIL_NO_SERVER, reason=config_problem.reason if config_problem else None)
            return check(DNS_ERROR, [DomainResult(d.name, d.source, ERROR, detail, 0.0) for d in search])

        # Phase 1: the SRV queries, all at once.
        srv_queries = [
            net.Query(d, dns.name.from_text(f"{SRV_PREFIX}.{d.name}"), dns.rdatatype.SRV, servers)
            for d in search
        ]
        net.run_queries(loop, srv_queries, deadline)

        domain_results: list[DomainResult] = []
        found: dict[tuple[str, int], dict] = {}
        used: str | None = None
        for q in srv_queries:
            status, detail, records = _domain_status(q)
            d: SearchDomain = q.key
            if status == OK and used is None:
                used = d.name  # the console stops at the first suffix whose answer holds records
            domain_results.append(DomainResult(d.name, d.source, status, detail,
                                               (q.finished - q.started) * 1000,
                                               str(q.server_used) if q.server_used else None,
                                               used == d.name))
            for rdata in records:
                target = _name_text(rdata.target)
                key = (target, rdata.port)
                addresses, alias = _addresses_in(q.response, rdata.target)
                entry = found.get(key)
                if entry is None:
                    found[key] = {
                        "target": target, "address_name": alias or rdata.target, "port": rdata.port,
                        "priority": rdata.priority, "weight": rdata.weight, "domain": d.name,
                        "domains": [d.name], "addresses": addresses, "aliases": set(),
                    }
                else:
                    entry["domains"].append(d.name)
                    # The best preference any domain gives this host is the one a client sees first.
                    if (rdata.priority, -rdata.weight) < (entry["priority"], -entry["weight"]):
                        entry["priority"], entry["weight"] = rdata.priority, rdata.weight
                    for a in addresses:
                        if a not in entry["addresses"]:
                            entry["addresses"].append(a)

        ordered = sorted(found.values(), key=lambda e: (e["priority"], -e["weight"], e["target"]))
        if len(ordered) > max_hosts:
            notes.append(Note(NOTE_HOST_LIMIT, len(ordered), max_hosts))
            ordered = ordered[:max_hosts]

        # Phase 2: addresses the server did not send with the SRV answer.
        _resolve_addresses(loop, ordered, servers, deadline)

        # Phase 3: can the console open TCP to the host, and does a KMS service answer there?
        results: dict = {}
        if connect:
            targets = [(entry["target"], a, entry["port"]) for entry in ordered for a in entry["addresses"]]
            if targets:
                from srs_wizard.core.kms import tcp  # only a check that connects loads it

                results = tcp.converse_all(loop, targets, connect_timeout,
                                           _bind_exchange(connect_timeout) if bind else None)

        expected_set = normalise_expected(expect) if expect else None
        hosts: list[KmsHost] = []
        unexpected: list[str] = []
        for entry in ordered:
            addresses = tuple(entry["addresses"])
            host_probes = tuple(_probe_from(a, results[(entry["target"], a)]) for a in addresses
                                if (entry["target"], a) in results)
            reachable = connect_ms = None
            if connect:
                open_probes = [p for p in host_probes if p.result == PROBE_OPEN]
                reachable = bool(open_probes)
                if open_probes:
                    connect_ms = min(p.connect_ms for p in open_probes)
            expected = None
            if expected_set is not None:
                expected = is_expected(entry["target"], addresses, expected_set)
                if not expected:
                    unexpected.append(entry["target"])
            hosts.append(KmsHost(entry["target"], entry["port"], entry["priority"], entry["weight"],
                                 entry["domain"], addresses, reachable, connect_ms, expected,
                                 tuple(entry["domains"]), host_probes,
                                 best_protocol(p.protocol for p in host_probes)))
    finally:
        loop.close()

    # A later domain whose host would answer is a fact of the result (later_domain_host());
    # its sentence is made where it is shown (core.present.kms.notes).
    return check(_judge(hosts, used, domain_results, connect, bind), domain_results, hosts, unexpected)


def _bind_exchange(wait: float) -> tcp.Exchange:
    """The KMS bind: three contexts first, one NDR32 context when nothing at all came back.
    Only binds: a request PDU would add the console to the customer's KMS count."""
    from srs_wizard.core import kms_rpc  # here: a check without the bind never loads it
    from srs_wizard.core.kms import tcp

    return tcp.Exchange(
        ((kms_rpc.bind_pdu(), kms_rpc.BindReplyReader),
         (kms_rpc.bind_pdu_ndr32_only(), lambda: kms_rpc.BindReplyReader(offered=kms_rpc.NDR32_ONLY))),
        wait)
