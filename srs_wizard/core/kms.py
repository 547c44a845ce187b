"""Find the KMS hosts a console would find through DNS, and check that they answer.

A KMS client looks up ``_vlmcs._tcp.<domain>`` SRV records in its primary DNS domain and
then in the suffix search list. This module does the same for every domain at once: all
SRV queries go out together over UDP and one ``select`` loop waits for the answers until a
single deadline, so three silent domains cost one timeout, not three. Cancelling wakes the
loop at once through a socket pair. No Qt here: the wizard runs this on a worker thread.
"""

from __future__ import annotations

import errno
import ipaddress
import os
import selectors
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Iterable, Sequence

import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.query
import dns.rcode
import dns.rdataclass
import dns.rdatatype

from srs_wizard.i18n import translate

SRV_PREFIX = "_vlmcs._tcp"
DEFAULT_TIMEOUT = 5.0
DEFAULT_CONNECT_TIMEOUT = 2.0
MAX_HOSTS = 64
# A UDP query with no answer is sent again (to the next server, if any) after this long.
RETRANSMIT_AFTER = 1.0

# Where a domain to search came from.
SOURCE_ARGUMENT = "argument"
SOURCE_PRIMARY = "primary"
SOURCE_SEARCH_LIST = "search-list"

# Per-domain statuses.
OK = "ok"
NXDOMAIN = "nxdomain"
NO_ANSWER = "no_answer"
NOT_AVAILABLE = "not_available"
TIMEOUT = "timeout"
SERVFAIL = "servfail"
REFUSED = "refused"
ERROR = "error"
FAULT_STATUSES = frozenset({TIMEOUT, SERVFAIL, REFUSED, ERROR})

# Verdicts.
READY = "ready"
UNREACHABLE = "unreachable"
FOUND = "found"
NOT_FOUND = "not_found"
DNS_ERROR = "dns_error"
NO_DOMAIN = "no_domain"
VERDICTS = (READY, UNREACHABLE, FOUND, NOT_FOUND, DNS_ERROR, NO_DOMAIN)

# Probe results for one address.
PROBE_OPEN = "open"
PROBE_REFUSED = "refused"
PROBE_TIMEOUT = "timeout"
PROBE_ERROR = "error"



def status_message(status: str) -> str:
    """The plain sentence for a domain status, in the current language."""
    messages = {
        OK: translate("kms", "KMS SRV records found."),
        NXDOMAIN: translate("kms", "The name does not exist in DNS (NXDOMAIN)."),
        NO_ANSWER: translate("kms", "The DNS server answered, but there is no _vlmcs._tcp SRV record."),
        NOT_AVAILABLE: translate("kms", "The domain says KMS is decidedly not available here (SRV target \".\")."),
        TIMEOUT: translate("kms", "No answer from the DNS server in time (timeout)."),
        SERVFAIL: translate("kms", "The DNS server failed to answer (SERVFAIL)."),
        REFUSED: translate("kms", "The DNS server refused the query (REFUSED)."),
        ERROR: translate("kms", "The DNS query failed."),
    }
    return messages[status]


class UsageError(ValueError):
    """A domain, nameserver or timeout the user gave is not usable; the text says why."""


class CheckCancelled(Exception):
    """The check was cancelled before it finished."""


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class SearchDomain:
    name: str
    source: str


@dataclass(frozen=True)
class Nameserver:
    address: str
    port: int = 53

    def __str__(self) -> str:
        host = f"[{self.address}]" if ":" in self.address else self.address
        return host if self.port == 53 else f"{host}:{self.port}"


@dataclass(frozen=True)
class DomainResult:
    name: str
    source: str
    status: str
    message: str
    elapsed_ms: float
    nameserver: str | None = None

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "source": self.source,
            "status": self.status,
            "message": self.message,
            "elapsed_ms": round(self.elapsed_ms, 1),
            "nameserver": self.nameserver,
        }


@dataclass(frozen=True)
class Probe:
    """One TCP connect attempt to one address of a host."""

    address: str
    result: str
    connect_ms: float | None
    error: str | None = None

    def to_json(self) -> dict:
        return {
            "address": self.address,
            "result": self.result,
            "connect_ms": None if self.connect_ms is None else round(self.connect_ms, 1),
            "error": self.error,
        }


@dataclass(frozen=True)
class KmsHost:
    target: str
    port: int
    priority: int
    weight: int
    domain: str
    addresses: tuple[str, ...] = ()
    reachable: bool | None = None
    connect_ms: float | None = None
    error: str | None = None
    expected: bool | None = None
    domains: tuple[str, ...] = ()
    probes: tuple[Probe, ...] = ()

    def to_json(self) -> dict:
        return {
            "target": self.target,
            "port": self.port,
            "priority": self.priority,
            "weight": self.weight,
            "domain": self.domain,
            "addresses": list(self.addresses),
            "reachable": self.reachable,
            "connect_ms": None if self.connect_ms is None else round(self.connect_ms, 1),
            "error": self.error,
            "expected": self.expected,
            "domains": list(self.domains),
            "probes": [p.to_json() for p in self.probes],
        }


@dataclass(frozen=True)
class KmsCheck:
    verdict: str
    domains: tuple[DomainResult, ...]
    hosts: tuple[KmsHost, ...]
    unexpected_hosts: tuple[str, ...]
    elapsed_ms: float
    notes: tuple[str, ...] = ()
    nameservers: tuple[str, ...] = ()
    connect_tried: bool = True
    config_problem: str | None = None

    def to_json(self) -> dict:
        return {
            "verdict": self.verdict,
            "domains": [d.to_json() for d in self.domains],
            "hosts": [h.to_json() for h in self.hosts],
            "unexpected_hosts": list(self.unexpected_hosts),
            "elapsed_ms": round(self.elapsed_ms, 1),
            "nameservers": list(self.nameservers),
            "connect_tried": self.connect_tried,
            "config_problem": self.config_problem,
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class SystemDnsConfig:
    domains: tuple[SearchDomain, ...]
    nameservers: tuple[Nameserver, ...]
    problem: str | None = None


# --------------------------------------------------------------------------- input


def normalise_domain(text: str) -> str:
    """Return the DNS name to query for what the user typed (A-labels, lower case, no dot).

    Raises UsageError with a plain reason for a name that cannot be queried.
    """
    raw = text.strip()
    if raw.endswith("."):
        raw = raw[:-1]
    if raw.lower() == SRV_PREFIX or raw.lower().startswith(SRV_PREFIX + "."):
        raw = raw[len(SRV_PREFIX) + 1:]  # the whole record name pasted: the domain is the rest
    if not raw:
        raise UsageError(translate("kms", "The domain is empty."))
    try:
        ascii_name = raw.encode("ascii").decode()
    except UnicodeEncodeError:
        try:
            name = dns.name.from_unicode(raw, idna_codec=dns.name.IDNA_2008_Practical)
        except (dns.exception.DNSException, UnicodeError, ValueError) as exc:
            raise UsageError(
                translate("kms", "The domain \"{domain}\" is not a valid international name: {reason}")
                .format(domain=raw, reason=str(exc).strip() or type(exc).__name__)
            ) from None
        ascii_name = name.to_text(omit_final_dot=True)
    labels = ascii_name.split(".")
    for label in labels:
        if not label:
            raise UsageError(
                translate("kms", "The domain \"{domain}\" has an empty label (two dots in a row?).")
                .format(domain=raw)
            )
        if len(label.encode()) > 63:
            raise UsageError(
                translate("kms", "The label \"{label}\" is longer than 63 characters.")
                .format(label=label[:20] + "…")
            )
        bad = sorted({c for c in label if not (c.isascii() and (c.isalnum() or c in "-_"))})
        if bad:
            raise UsageError(
                translate("kms", "The domain \"{domain}\" contains characters DNS names cannot have: {chars}")
                .format(domain=raw, chars=" ".join(repr(c) for c in bad))
            )
    if len(ascii_name) > 253:
        raise UsageError(translate("kms", "The domain is longer than 253 characters."))
    return ascii_name.lower()


def parse_nameserver(text: str, resolve: bool = True) -> Nameserver:
    """``HOST``, ``HOST:PORT``, ``[IPv6]:PORT`` or a bare IPv6 address.

    A host name is looked up only when ``resolve`` is true; the wizard checks the syntax
    as the user types (``resolve=False``) and leaves the lookup to its worker thread.
    """
    raw = text.strip()
    if not raw:
        raise UsageError(translate("kms", "The DNS server is empty."))
    host, port_text = raw, None
    if raw.startswith("["):
        end = raw.find("]")
        if end < 0:
            raise UsageError(translate("kms", "The DNS server \"{server}\" has no closing \"]\".").format(server=raw))
        host, rest = raw[1:end], raw[end + 1:]
        if rest:
            if not rest.startswith(":"):
                raise UsageError(translate("kms", "Write an IPv6 DNS server as [address]:port.").format(server=raw))
            port_text = rest[1:]
    elif raw.count(":") == 1:
        host, port_text = raw.split(":")
    port = 53
    if port_text is not None:
        if not port_text.isdigit() or not 1 <= int(port_text) <= 65535:
            raise UsageError(
                translate("kms", "The DNS server port \"{port}\" is not a number from 1 to 65535.")
                .format(port=port_text)
            )
        port = int(port_text)
    try:
        address = str(ipaddress.ip_address(host))
    except ValueError:
        if all(part.isdigit() for part in host.split(".")):
            raise UsageError(
                translate("kms", "\"{server}\" is not a valid IPv4 address.").format(server=host)
            ) from None
        if ":" in host:
            raise UsageError(
                translate("kms", "\"{server}\" is not a valid IPv6 address.").format(server=host)
            ) from None
        name = normalise_domain(host)
        if not resolve:
            return Nameserver(name, port)
        try:
            address = resolve_nameserver_name(name)
        except OSError:
            raise UsageError(
                translate("kms", "The DNS server name \"{server}\" could not be resolved; give its IP address.")
                .format(server=host)
            ) from None
    return Nameserver(address, port)


def resolve_nameserver_name(name: str) -> str:
    info = socket.getaddrinfo(name, 53, type=socket.SOCK_DGRAM)
    return info[0][4][0]


def parse_seconds(text: str | float, what: str) -> float:
    try:
        value = float(text)
    except (TypeError, ValueError):
        raise UsageError(translate("kms", "The {what} \"{value}\" is not a number of seconds.").format(what=what, value=text)) from None
    if not 0 < value <= 300:  # also false for NaN
        raise UsageError(
            translate("kms", "The {what} must be more than 0 and at most 300 seconds, not {value}.")
            .format(what=what, value=text)
        )
    return value


def system_dns_config(filename: str | None = None) -> SystemDnsConfig:
    """The machine's DNS settings as a KMS client uses them: primary domain, search list, servers.

    ``filename`` reads a resolv.conf-style file instead of the system's (tests, or a room
    console's configuration copied to a laptop). A broken configuration is reported.
    """
    import dns.resolver  # only here: the commands with --domain and --nameserver never need it

    try:
        if filename is None:
            resolver = dns.resolver.Resolver(configure=True)
        else:
            resolver = dns.resolver.Resolver(filename=filename, configure=True)
    except dns.resolver.NoResolverConfiguration as exc:
        return SystemDnsConfig((), (), translate("kms", "The system DNS configuration has no DNS server: {reason}").format(reason=exc))
    except (OSError, dns.exception.DNSException, ValueError) as exc:
        return SystemDnsConfig((), (), translate("kms", "The system DNS configuration could not be read: {reason}").format(reason=exc))

    domains: list[SearchDomain] = []
    seen: set[str] = set()

    def add(name: dns.name.Name | None, source: str) -> None:
        if name is None or name == dns.name.root or name == dns.name.empty:
            return
        text = name.to_text(omit_final_dot=True).lower()
        if text and text not in seen and text != "localdomain":
            seen.add(text)
            domains.append(SearchDomain(text, source))

    add(resolver.domain, SOURCE_PRIMARY)
    for name in resolver.search:
        add(name, SOURCE_SEARCH_LIST)

    servers: list[Nameserver] = []
    for ns in resolver.nameservers:
        address = getattr(ns, "address", None) or str(ns)
        port = getattr(ns, "port", 53) or 53
        try:
            servers.append(Nameserver(str(ipaddress.ip_address(address)), int(port)))
        except ValueError:
            continue
    return SystemDnsConfig(tuple(domains), tuple(servers))


# --------------------------------------------------------------------------- engine


class CancelToken:
    """Lets another thread stop a running check at once."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._wakers: list[socket.socket] = []

    def cancel(self) -> None:
        with self._lock:
            self._event.set()
            for waker in self._wakers:
                try:
                    waker.send(b"x")
                except OSError:
                    pass

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def _attach(self, waker: socket.socket) -> None:
        with self._lock:
            self._wakers.append(waker)
            if self._event.is_set():
                waker.send(b"x")

    def _detach(self, waker: socket.socket) -> None:
        with self._lock:
            if waker in self._wakers:
                self._wakers.remove(waker)


@dataclass
class _Query:
    key: object
    qname: dns.name.Name
    rdtype: int
    servers: Sequence[Nameserver]
    started: float = 0.0
    message: dns.message.Message | None = None
    socks: list = field(default_factory=list)
    next_server: int = 0
    next_send: float = 0.0
    response: dns.message.Message | None = None
    status: str | None = None
    detail: str | None = None
    finished: float = 0.0
    server_used: Nameserver | None = None


class _Loop:
    """One selector, a cancel waker and a deadline, shared by the DNS and TCP phases."""

    def __init__(self, token: CancelToken | None):
        self.selector = selectors.DefaultSelector()
        self.token = token
        self.wake_r, self.wake_w = socket.socketpair()
        self.wake_r.setblocking(False)
        self.selector.register(self.wake_r, selectors.EVENT_READ, None)
        if token is not None:
            token._attach(self.wake_w)

    def close(self) -> None:
        if self.token is not None:
            self.token._detach(self.wake_w)
        self.selector.close()
        self.wake_r.close()
        self.wake_w.close()

    def check_cancel(self) -> None:
        if self.token is not None and self.token.cancelled:
            raise CheckCancelled()

    def wait(self, timeout: float):
        events = self.selector.select(max(0.0, timeout))
        self.check_cancel()
        return [(key, mask) for key, mask in events if key.fileobj is not self.wake_r]


def _family(address: str) -> int:
    return socket.AF_INET6 if ":" in address else socket.AF_INET


def _run_queries(loop: _Loop, queries: list[_Query], deadline: float) -> None:
    """Send every query over UDP, retransmit to the next server, collect until the deadline."""
    pending = {id(q): q for q in queries}

    def send(q: _Query, now: float) -> None:
        server = q.servers[q.next_server % len(q.servers)]
        q.next_server += 1
        sock = None
        try:
            sock = socket.socket(_family(server.address), socket.SOCK_DGRAM)
            sock.setblocking(False)
            sock.sendto(q.message.to_wire(), (server.address, server.port))
        except OSError as exc:
            if sock is not None:
                sock.close()
            if q.next_server >= len(q.servers):
                q.status, q.detail, q.finished = ERROR, str(exc), now
                q.server_used = server
            q.next_send = now
            return
        q.socks.append((sock, server))
        loop.selector.register(sock, selectors.EVENT_READ, (q, server))
        q.next_send = now + RETRANSMIT_AFTER

    now = time.perf_counter()
    for q in queries:
        q.started = now
        q.message = dns.message.make_query(q.qname, q.rdtype, dns.rdataclass.IN)
        q.message.flags |= dns.flags.RD
        send(q, now)
        if q.status is not None:
            pending.pop(id(q), None)

    try:
        while pending:
            now = time.perf_counter()
            if now >= deadline:
                break
            # Retransmit queries whose last attempt went unanswered.
            wake_at = deadline
            for q in list(pending.values()):
                if q.next_send <= now:
                    send(q, now)
                    if q.status is not None:
                        pending.pop(id(q), None)
                        continue
                wake_at = min(wake_at, q.next_send)
            for key, _mask in loop.wait(wake_at - now):
                q, server = key.data
                if id(q) not in pending:
                    continue
                sock = key.fileobj
                try:
                    wire, source = sock.recvfrom(65535)
                except OSError as exc:
                    # ICMP port unreachable shows up here as ECONNREFUSED on some systems.
                    q.status, q.detail = ERROR, _oserror_text(exc)
                    q.server_used, q.finished = server, time.perf_counter()
                    pending.pop(id(q), None)
                    continue
                try:
                    response = dns.message.from_wire(wire, ignore_trailing=True)
                except (dns.exception.DNSException, ValueError, IndexError) as exc:
                    q.status = ERROR
                    q.detail = translate("kms", "The DNS server sent a reply that is not a valid DNS message ({reason}).").format(
                        reason=type(exc).__name__)
                    q.server_used, q.finished = server, time.perf_counter()
                    pending.pop(id(q), None)
                    continue
                if not q.message.is_response(response):
                    continue  # a stray or late datagram: keep waiting for ours
                if response.flags & dns.flags.TC:
                    remaining = deadline - time.perf_counter()
                    try:
                        response = dns.query.tcp(q.message, server.address, timeout=max(0.05, remaining),
                                                 port=server.port)
                    except (dns.exception.Timeout, OSError, dns.exception.DNSException) as exc:
                        q.status, q.detail = ERROR, translate("kms", "The answer was too large for UDP and TCP failed: {reason}").format(
                            reason=_oserror_text(exc))
                        q.server_used, q.finished = server, time.perf_counter()
                        pending.pop(id(q), None)
                        continue
                rcode = response.rcode()
                if rcode in (dns.rcode.SERVFAIL, dns.rcode.REFUSED) and q.next_server < len(q.servers):
                    # Another server may do better: ask it right away.
                    q.response = response
                    send(q, time.perf_counter())
                    continue
                q.response, q.server_used, q.finished = response, server, time.perf_counter()
                pending.pop(id(q), None)
    finally:
        end = time.perf_counter()
        for q in queries:
            for sock, _server in q.socks:
                try:
                    loop.selector.unregister(sock)
                except (KeyError, ValueError):
                    pass
                sock.close()
            q.socks.clear()
            if q.status is None and q.response is None:
                q.status, q.finished = TIMEOUT, end
                q.server_used = q.servers[(q.next_server - 1) % len(q.servers)] if q.servers else None
            elif q.status is None:
                q.finished = q.finished or end


def _oserror_text(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def _name_text(name: dns.name.Name) -> str:
    return name.to_text(omit_final_dot=True).lower()


def _addresses_in(response: dns.message.Message, target: dns.name.Name) -> list[str]:
    found: list[str] = []
    for rrset in list(response.additional) + list(response.answer):
        if rrset.name == target and rrset.rdtype in (dns.rdatatype.A, dns.rdatatype.AAAA):
            found.extend(rdata.address for rdata in rrset)
    return found


def _domain_status(q: _Query) -> tuple[str, str, list]:
    """Classify one SRV query; return (status, message, [srv rdata])."""
    if q.status is not None:
        message = q.detail or status_message(q.status)
        return q.status, message, []
    response = q.response
    rcode = response.rcode()
    if rcode == dns.rcode.NXDOMAIN:
        return NXDOMAIN, status_message(NXDOMAIN), []
    if rcode == dns.rcode.SERVFAIL:
        return SERVFAIL, status_message(SERVFAIL), []
    if rcode == dns.rcode.REFUSED:
        return REFUSED, status_message(REFUSED), []
    if rcode != dns.rcode.NOERROR:
        return ERROR, translate("kms", "The DNS server answered with error {rcode}.").format(
            rcode=dns.rcode.to_text(rcode)), []
    records = []
    for rrset in response.answer:
        if rrset.rdtype == dns.rdatatype.SRV and rrset.name == q.qname:
            records.extend(rrset)
    if not records:
        return NO_ANSWER, status_message(NO_ANSWER), []
    if len(records) == 1 and records[0].target == dns.name.root:
        return NOT_AVAILABLE, status_message(NOT_AVAILABLE), []
    real = [r for r in records if r.target != dns.name.root]
    count = len(real)
    message = translate("kms", "{count} KMS SRV record(s) found.").format(count=count)
    return OK, message, real


def _probe_all(loop: _Loop, targets: list[tuple[object, str, int]], timeout: float) -> dict:
    """Non-blocking TCP connects to (key, address, port); returns {(key, address): Probe}."""
    results: dict = {}
    start = time.perf_counter()
    deadline = start + timeout
    open_socks = []
    for key, address, port in targets:
        try:
            sock = socket.socket(_family(address), socket.SOCK_STREAM)
            sock.setblocking(False)
        except OSError as exc:
            results[(key, address)] = Probe(address, PROBE_ERROR, None, _oserror_text(exc))
            continue
        began = time.perf_counter()
        code = sock.connect_ex((address, port))
        if code in (0,):
            results[(key, address)] = Probe(address, PROBE_OPEN, (time.perf_counter() - began) * 1000)
            sock.close()
        elif code in (errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EAGAIN, getattr(errno, "WSAEWOULDBLOCK", -1)):
            loop.selector.register(sock, selectors.EVENT_WRITE, (key, address, began))
            open_socks.append(sock)
        else:
            results[(key, address)] = _failed_probe(address, code)
            sock.close()
    try:
        waiting = len(open_socks)
        while waiting:
            now = time.perf_counter()
            if now >= deadline:
                break
            for sel_key, _mask in loop.wait(deadline - now):
                sock = sel_key.fileobj
                key, address, began = sel_key.data
                loop.selector.unregister(sock)
                waiting -= 1
                code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                if code == 0:
                    results[(key, address)] = Probe(address, PROBE_OPEN, (time.perf_counter() - began) * 1000)
                else:
                    results[(key, address)] = _failed_probe(address, code)
    finally:
        for sock in open_socks:
            try:
                loop.selector.unregister(sock)
            except (KeyError, ValueError):
                pass
            sock.close()
    for key, address, _port in targets:
        results.setdefault((key, address), Probe(address, PROBE_TIMEOUT, None,
                                                  translate("kms", "timed out")))
    return results


def _failed_probe(address: str, code: int) -> Probe:
    if code in (errno.ECONNREFUSED, getattr(errno, "WSAECONNREFUSED", -1)):
        return Probe(address, PROBE_REFUSED, None, translate("kms", "connection refused"))
    if code in (errno.ETIMEDOUT,):
        return Probe(address, PROBE_TIMEOUT, None, translate("kms", "timed out"))
    return Probe(address, PROBE_ERROR, None, os.strerror(code))


def _is_expected(host_name: str, addresses: Iterable[str], expected: set[str]) -> bool:
    if host_name in expected:
        return True
    short = host_name.split(".")[0]
    return short in expected or any(a in expected for a in addresses)


def check_expected_host(text: str) -> None:
    """Refuse an expected KMS host that is neither a DNS name nor an IP address (a ``:port``
    after it is allowed and ignored), so a typo is not silently matched against nothing."""
    raw = text.strip()
    host = raw
    if raw.startswith("[") and "]" in raw:
        host = raw[1:raw.index("]")]
    elif raw.count(":") == 1:
        host = raw.split(":")[0]
    try:
        ipaddress.ip_address(host)
        return
    except ValueError:
        pass
    try:
        normalise_domain(host)
    except UsageError as exc:
        raise UsageError(translate("kms", "Expected KMS host \"{host}\": {reason}").format(host=raw, reason=exc)) from None


def _normalise_expected(items: Iterable[str]) -> set[str]:
    out = set()
    for item in items:
        text = item.strip().rstrip(".").lower()
        if not text:
            continue
        if ":" in text and text.count(":") == 1 and not text.startswith("["):
            text = text.split(":")[0]  # host:port -> host
        out.add(text)
    return out


def find_kms_hosts(
    domains: Sequence[str] | None = None,
    nameservers: Sequence[str | Nameserver] | None = None,
    timeout: float = DEFAULT_TIMEOUT,
    connect: bool = True,
    connect_timeout: float = DEFAULT_CONNECT_TIMEOUT,
    expect: Sequence[str] | None = None,
    cancel: CancelToken | None = None,
    resolv_conf: str | None = None,
    max_hosts: int = MAX_HOSTS,
) -> KmsCheck:
    """Do what a KMS client does to find its host, for every domain at once, and judge it.

    ``domains`` given win; otherwise the system's primary domain and search list. Raises
    UsageError for an unusable domain or server and CheckCancelled when ``cancel`` fires.
    """
    started = time.perf_counter()
    deadline = started + timeout
    config_problem = None
    notes: list[str] = []

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

    if not search:
        return KmsCheck(NO_DOMAIN, (), (), (), (time.perf_counter() - started) * 1000,
                        tuple(notes), tuple(str(s) for s in servers), connect, config_problem)

    loop = _Loop(cancel)
    try:
        loop.check_cancel()
        if not servers:
            problem = config_problem or translate("kms", "No DNS server is configured.")
            results = tuple(DomainResult(d.name, d.source, ERROR, problem, 0.0) for d in search)
            return KmsCheck(DNS_ERROR, results, (), (), (time.perf_counter() - started) * 1000,
                            tuple(notes), (), connect, config_problem)

        # Phase 1: the SRV queries, all at once.
        srv_queries = [
            _Query(d, dns.name.from_text(f"{SRV_PREFIX}.{d.name}"), dns.rdatatype.SRV, servers)
            for d in search
        ]
        _run_queries(loop, srv_queries, deadline)

        domain_results: list[DomainResult] = []
        found: dict[tuple[str, int], dict] = {}
        for q in srv_queries:
            status, message, records = _domain_status(q)
            d: SearchDomain = q.key
            domain_results.append(DomainResult(d.name, d.source, status, message,
                                               (q.finished - q.started) * 1000,
                                               str(q.server_used) if q.server_used else None))
            for rdata in records:
                target = _name_text(rdata.target)
                key = (target, rdata.port)
                entry = found.get(key)
                if entry is None:
                    found[key] = {
                        "target": target, "target_name": rdata.target, "port": rdata.port,
                        "priority": rdata.priority, "weight": rdata.weight, "domain": d.name,
                        "domains": [d.name],
                        "addresses": _addresses_in(q.response, rdata.target),
                    }
                else:
                    entry["domains"].append(d.name)
                    # The best preference any domain gives this host is the one a client sees first.
                    if (rdata.priority, -rdata.weight) < (entry["priority"], -entry["weight"]):
                        entry["priority"], entry["weight"] = rdata.priority, rdata.weight
                    for a in _addresses_in(q.response, rdata.target):
                        if a not in entry["addresses"]:
                            entry["addresses"].append(a)

        ordered = sorted(found.values(), key=lambda e: (e["priority"], -e["weight"], e["target"]))
        if len(ordered) > max_hosts:
            notes.append(translate("kms", "{total} KMS hosts were found; only the first {shown} are shown and checked.")
                         .format(total=len(ordered), shown=max_hosts))
            ordered = ordered[:max_hosts]

        # Phase 2: addresses the server did not send with the SRV answer.
        lookups = []
        for entry in ordered:
            if not entry["addresses"]:
                for rdtype in (dns.rdatatype.A, dns.rdatatype.AAAA):
                    lookups.append(_Query(entry, entry["target_name"], rdtype, servers))
        if lookups:
            # The address lookups get what is left of the budget, but never less than a moment.
            _run_queries(loop, lookups, max(deadline, time.perf_counter() + 0.5))
            for q in lookups:
                if q.response is not None and q.response.rcode() == dns.rcode.NOERROR:
                    for a in _addresses_in(q.response, q.qname):
                        if a not in q.key["addresses"]:
                            q.key["addresses"].append(a)

        # Phase 3: can the console open TCP to the host?
        probes: dict = {}
        if connect:
            targets = [(entry["target"], a, entry["port"]) for entry in ordered for a in entry["addresses"]]
            if targets:
                probes = _probe_all(loop, targets, connect_timeout)

        expected_set = _normalise_expected(expect) if expect else None
        hosts: list[KmsHost] = []
        unexpected: list[str] = []
        for entry in ordered:
            addresses = tuple(entry["addresses"])
            host_probes = tuple(probes[(entry["target"], a)] for a in addresses if (entry["target"], a) in probes)
            reachable = connect_ms = error = None
            if connect:
                open_probes = [p for p in host_probes if p.result == PROBE_OPEN]
                reachable = bool(open_probes)
                if open_probes:
                    connect_ms = min(p.connect_ms for p in open_probes)
                elif not addresses:
                    error = translate("kms", "no IP address found for this host")
                else:
                    error = "; ".join(f"{p.address}: {p.error or p.result}" for p in host_probes)
            elif not addresses:
                error = translate("kms", "no IP address found for this host")
            expected = None
            if expected_set is not None:
                expected = _is_expected(entry["target"], addresses, expected_set)
                if not expected:
                    unexpected.append(entry["target"])
            hosts.append(KmsHost(entry["target"], entry["port"], entry["priority"], entry["weight"],
                                 entry["domain"], addresses, reachable, connect_ms, error, expected,
                                 tuple(entry["domains"]), host_probes))
    finally:
        loop.close()

    if hosts:
        if not connect:
            verdict = FOUND
        elif any(h.reachable for h in hosts):
            verdict = READY
        else:
            verdict = UNREACHABLE
    elif any(d.status in FAULT_STATUSES for d in domain_results):
        verdict = DNS_ERROR
    else:
        verdict = NOT_FOUND
    return KmsCheck(verdict, tuple(domain_results), tuple(hosts), tuple(unexpected),
                    (time.perf_counter() - started) * 1000, tuple(notes),
                    tuple(str(s) for s in servers), connect, config_problem)



def check_from_json(data: dict) -> KmsCheck:
    """Rebuild a KmsCheck from its JSON (a saved record), for the summary and the PDF."""
    domains = tuple(
        DomainResult(d["name"], d.get("source", SOURCE_ARGUMENT), d["status"], d.get("message") or "",
                     float(d.get("elapsed_ms") or 0.0), d.get("nameserver"))
        for d in data.get("domains", ())
    )
    hosts = tuple(
        KmsHost(h["target"], int(h["port"]), int(h.get("priority", 0)), int(h.get("weight", 0)),
                h.get("domain") or "", tuple(h.get("addresses") or ()), h.get("reachable"),
                h.get("connect_ms"), h.get("error"), h.get("expected"), tuple(h.get("domains") or ()),
                tuple(Probe(p["address"], p["result"], p.get("connect_ms"), p.get("error"))
                      for p in h.get("probes") or ()))
        for h in data.get("hosts", ())
    )
    return KmsCheck(data["verdict"], domains, hosts, tuple(data.get("unexpected_hosts") or ()),
                    float(data.get("elapsed_ms") or 0.0), tuple(data.get("notes") or ()),
                    tuple(data.get("nameservers") or ()), bool(data.get("connect_tried", True)),
                    data.get("config_problem"))
