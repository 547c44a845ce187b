"""One room, one verdict: all the evidence of a room judged once, as codes with parameters.

The evidence, strongest first:
1. the console's own activation answer (``ospp.vbs /dstatus`` / ``/act``, pasted, read from a
   file, run here, or inside a console report);
2. the console's own DNS answers: the KMS host its licensing client found (``KMS machine
   name from DNS`` / ``DNS auto-discovery: KMS name not available`` in ``/dstatus``) and the
   console report's ``nslookup`` answers, one per suffix in the console's order;
3. this computer's KMS check (``check-kms``), made with the inputs it carries.

A weaker piece of evidence never overrules a stronger one: when they disagree, the verdict
says so (``disagreements``) and concludes from the stronger. The headline (``state``), the
warnings, what is proven and the next steps are all here; ``core.present.judge`` words them.
Pure: plain values in, a frozen dataclass out; no words, no Qt, no I/O.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable

from srs_wizard.core import activation as act
from srs_wizard.core import kms

SCHEMA_KEYS = ("state", "evidence", "kms_verdict", "warnings", "proven", "disagreements", "steps", "notes")

# Which evidence decided.
EV_CONSOLE_ACTIVATION = "console_activation"
EV_CONSOLE_DNS = "console_dns"          # /dstatus: the host the console's KMS client found (or none)
EV_CONSOLE_NSLOOKUP = "console_nslookup"
EV_THIS_COMPUTER = "this_computer"
EV_OFFLINE = "offline"                  # the MAK's offline checks, the promo request
EV_NONE = "none"
EVIDENCE = (EV_CONSOLE_ACTIVATION, EV_CONSOLE_DNS, EV_CONSOLE_NSLOOKUP, EV_THIS_COMPUTER, EV_OFFLINE, EV_NONE)

# The headline.
LICENSED = "licensed"
LICENSED_SUITE_ONLY = "licensed_suite_only"   # Office licensed, no Lync block in the answer
ACTIVATION_ERROR = "activation_error"
GRACE = "grace"
NO_KEY = "no_key"
ACTIVATION_NOT_FOUND = "activation_not_found"
ACTIVATION_UNREADABLE = "activation_unreadable"
KMS_PREFIX = "kms_"                           # kms_ready, kms_not_found ...: this computer's verdict
KMS_CONSOLE_FOUND = "kms_console_found"       # the console's own DNS answers name a host
KMS_CONSOLE_NONE = "kms_console_none"         # the console's own DNS answers name none
MAK_READY = "mak_ready"
MAK_KEY_PROBLEM = "mak_key_problem"
PROMO_PENDING = "promo_pending"
NOT_CHECKED = "not_checked"
STATES = (LICENSED, LICENSED_SUITE_ONLY, ACTIVATION_ERROR, GRACE, NO_KEY, ACTIVATION_NOT_FOUND,
          ACTIVATION_UNREADABLE, *(KMS_PREFIX + v for v in kms.VERDICTS), KMS_CONSOLE_FOUND, KMS_CONSOLE_NONE,
          MAK_READY, MAK_KEY_PROBLEM, PROMO_PENDING, NOT_CHECKED)
GOOD_STATES = frozenset({LICENSED})

# Warnings (each its own box, shown first).
W_ROGUE_HOSTS = "rogue_hosts"                    # hosts: unexpected hosts this computer found
W_CONSOLE_HOST_UNEXPECTED = "console_host_unexpected"  # host: the console uses a host not the customer's
WARNINGS = (W_ROGUE_HOSTS, W_CONSOLE_HOST_UNEXPECTED)

# What is proven, and by which evidence.
P_ACTIVATION = "activation"                      # verdict, error: what the console said
P_CONSOLE_DISCOVERY = "console_discovery"        # host: /dstatus names the host found in DNS
P_CONSOLE_NO_DISCOVERY = "console_no_discovery"  # /dstatus: KMS name not available
P_CONSOLE_LOOKUP = "console_lookup"              # domain, hosts: the console's nslookup found records
P_CONSOLE_LOOKUP_NONE = "console_lookup_none"    # domains: the console's nslookup found none
P_DISCOVERY_AGREES = "discovery_agrees"          # host, domain: /dstatus' host is one of our used domain's
P_DISCOVERY_DIFFERS = "discovery_differs"        # host, domain, hosts: it is not
P_KMS_CHECK = "kms_check"                        # verdict: this computer's check
P_OVERRIDE = "override"                          # host: /sethst, DNS discovery off
PROVEN = (P_ACTIVATION, P_CONSOLE_DISCOVERY, P_CONSOLE_NO_DISCOVERY, P_CONSOLE_LOOKUP, P_CONSOLE_LOOKUP_NONE,
          P_DISCOVERY_AGREES, P_DISCOVERY_DIFFERS, P_KMS_CHECK, P_OVERRIDE)

# Disagreements between the console's evidence and this computer's check.
D_CONSOLE_FOUND_HERE_NOT = "console_found_here_not"   # domain, hosts, here (our verdict)
D_CONSOLE_NONE_HERE_FOUND = "console_none_here_found"  # hosts (ours), domain, by (dstatus|nslookup)
DISAGREEMENTS = (D_CONSOLE_FOUND_HERE_NOT, D_CONSOLE_NONE_HERE_FOUND)

# Notes: facts worth a line that ask for nothing.
N_KEY_NOT_THE_MAK = "key_not_the_mak"    # found, expected: licensed with another key than the MAK typed
N_KEY_MATCH = "key_match"                # last5
N_PROMO_REASON = "promo_reason"          # kms (the KMS check's verdict, or null: chosen at the start)
N_MAK_REASON = "mak_reason"              # kms: the KMS check's verdict that made MAK the path
N_KMS_NOT_CHECKED = "kms_not_checked"    # the technician went on without a KMS check
NOTES = (N_KEY_NOT_THE_MAK, N_KEY_MATCH, N_PROMO_REASON, N_MAK_REASON, N_KMS_NOT_CHECKED)

# Next steps.
S_KEEP_RECORD = "keep_record"
S_CHECK_LYNC_BLOCK = "check_lync_block"
S_INSTALL_GVLK = "install_gvlk"          # (the public key is worded in, never stored: records mask keys)
S_INSTALL_MAK = "install_mak"            # last5 (of the MAK typed, or null)
S_ACTIVATE = "activate"                  # mak: bool (internet or phone)
S_DSTATUS = "dstatus"
S_ERROR_ACTION = "error_action"          # error, port, still (after the steps before it)
S_KMS_COUNT = "kms_count"
S_LATER_DOMAIN = "later_domain"          # used, host, domain
S_NOT_KMS = "not_kms"                    # hosts, port
S_BIND_TIMEOUT = "bind_timeout"          # hosts, port, timeout (seconds or null)
S_TEST_CONNECTION = "test_connection"    # port
S_OPEN_PORT = "open_port"                # hosts, port
S_REMOVE_STALE = "remove_stale"
S_SETHST = "sethst"                      # port
S_PUBLISH_SRV = "publish_srv"            # port (the default, no SRV seen)
S_USE_MAK_OR_PROMO = "use_mak_or_promo"
S_CHECK_DNS_SERVERS = "check_dns_servers"
S_CHECK_AGAIN = "check_again"
S_JOIN_DOMAIN = "join_domain"
S_TYPE_DOMAIN = "type_domain"
S_CHECK_FROM_CONSOLE_NETWORK = "check_from_console_network"  # domain, servers
S_CONSOLE_DNS = "console_dns"            # hosts: make the console's DNS find them
S_REMHST = "remhst"
S_REMOVE_ROGUE = "remove_rogue"          # host (the console's)
S_ASK_HOST_OWNER = "ask_host_owner"      # host
S_RETYPE_MAK = "retype_mak"              # gvlk: bool
S_MAK_CHECKLIST = "mak_checklist"
S_SEND_PROMO = "send_promo"
S_PROMO_INSTALL = "promo_install"
S_GIVE_DSTATUS = "give_dstatus"
S_PASTE_WHOLE = "paste_whole"
S_RUN_OFFICE15 = "run_office15"
STEPS = (S_KEEP_RECORD, S_CHECK_LYNC_BLOCK, S_INSTALL_GVLK, S_INSTALL_MAK, S_ACTIVATE, S_DSTATUS, S_ERROR_ACTION,
         S_KMS_COUNT, S_LATER_DOMAIN, S_NOT_KMS, S_BIND_TIMEOUT, S_TEST_CONNECTION, S_OPEN_PORT, S_REMOVE_STALE,
         S_SETHST, S_PUBLISH_SRV, S_USE_MAK_OR_PROMO, S_CHECK_DNS_SERVERS, S_CHECK_AGAIN, S_JOIN_DOMAIN,
         S_TYPE_DOMAIN, S_CHECK_FROM_CONSOLE_NETWORK, S_CONSOLE_DNS, S_REMHST, S_REMOVE_ROGUE, S_ASK_HOST_OWNER,
         S_RETYPE_MAK, S_MAK_CHECKLIST, S_SEND_PROMO, S_PROMO_INSTALL, S_GIVE_DSTATUS, S_PASTE_WHOLE,
         S_RUN_OFFICE15)

# Activation codes that say the console found no working KMS host: MAK and promo are the next path.
KMS_FAILURE_CODES = frozenset({"0xC004F074", "0x8007232B", "0x8007007B", "0x8007251D", "0x80092328",
                               "0x800706BA", "0xC004F039", "0xC004F041", "0xC004F042", "0xC004F038"})
# Codes whose action names the KMS port.
PORT_CODES = frozenset({"0xC004F074", "0x800706BA", "0xC004F039"})
# Codes that mean "this MAK has no activations left": the key must be the MAK first.
MAK_COUNT_CODES = frozenset({"0xC004C020", "0xC004C021", "0xC004C003", "0xC004F051", "0xC004C008",
                             "0xC004B100", "0xC004C001"})
DEFAULT_PORT = 1688


@dataclass(frozen=True)
class Item:
    """One finding, warning, note or step: a code and its parameters (plain JSON values)."""

    code: str
    params: tuple[tuple[str, Any], ...] = ()
    evidence: str | None = None

    def get(self, name: str, default: Any = None) -> Any:
        for key, value in self.params:
            if key == name:
                return value
        return default

    def to_json(self) -> dict:
        out: dict = {"code": self.code}
        if self.evidence is not None:
            out["evidence"] = self.evidence
        for key, value in self.params:
            out[key] = list(value) if isinstance(value, tuple) else value
        return out

    @classmethod
    def from_json(cls, data: Any) -> "Item | None":
        if not isinstance(data, dict) or not isinstance(data.get("code"), str):
            return None
        evidence = data.get("evidence") if data.get("evidence") in EVIDENCE else None
        params = tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in data.items()
                       if k not in ("code", "evidence") and isinstance(k, str) and _plain(v))
        return cls(data["code"], params, evidence)


def _plain(value: Any) -> bool:
    if value is None or isinstance(value, (str, bool, int, float)):
        return True
    return isinstance(value, list) and len(value) <= 64 and all(
        v is None or isinstance(v, (str, bool, int, float)) for v in value)


def item(code: str, evidence: str | None = None, **params: Any) -> Item:
    return Item(code, tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in params.items()), evidence)


@dataclass(frozen=True)
class RoomVerdict:
    state: str
    evidence: str
    kms_verdict: str | None = None     # the KMS verdict the evidence supports (the flow's)
    warnings: tuple[Item, ...] = ()
    proven: tuple[Item, ...] = ()
    disagreements: tuple[Item, ...] = ()
    steps: tuple[Item, ...] = ()
    notes: tuple[Item, ...] = ()

    @property
    def step_codes(self) -> tuple[str, ...]:
        return tuple(s.code for s in self.steps)

    def to_json(self) -> dict:
        return {
            "state": self.state, "evidence": self.evidence, "kms_verdict": self.kms_verdict,
            "warnings": [i.to_json() for i in self.warnings],
            "proven": [i.to_json() for i in self.proven],
            "disagreements": [i.to_json() for i in self.disagreements],
            "steps": [i.to_json() for i in self.steps],
            "notes": [i.to_json() for i in self.notes],
        }

    @classmethod
    def from_json(cls, data: dict) -> "RoomVerdict":
        def items(name: str, known: tuple[str, ...]) -> tuple[Item, ...]:
            out = []
            for raw in data.get(name) or []:
                found = Item.from_json(raw)
                if found is not None and found.code in known:
                    out.append(found)
            return tuple(out)

        state = data.get("state") if data.get("state") in STATES else NOT_CHECKED
        kms_verdict = data.get("kms_verdict") if data.get("kms_verdict") in kms.VERDICTS else None
        return cls(state, data.get("evidence") if data.get("evidence") in EVIDENCE else EV_NONE, kms_verdict,
                   items("warnings", WARNINGS), items("proven", PROVEN), items("disagreements", DISAGREEMENTS),
                   items("steps", STEPS), items("notes", NOTES))


# ---------------------------------------------------------------------------- the console's nslookup

LOOKUP_FOUND = "found"
LOOKUP_NXDOMAIN = "nxdomain"
LOOKUP_NO_RECORDS = "no_records"
LOOKUP_TIMEOUT = "timeout"
LOOKUP_NOT_RUN = "not_run"
LOOKUP_UNKNOWN = "unknown"
LOOKUP_STATUSES = (LOOKUP_FOUND, LOOKUP_NXDOMAIN, LOOKUP_NO_RECORDS, LOOKUP_TIMEOUT, LOOKUP_NOT_RUN, LOOKUP_UNKNOWN)

_SRV_FIELD = re.compile(r"^\s*(priority|weight|port|svr hostname)\s*=\s*(\S+)\s*$", re.IGNORECASE)
_MAX_LOOKUP_HOSTS = 64


@dataclass(frozen=True)
class ConsoleLookup:
    """What the console's own nslookup said for one suffix: a status and the SRV targets."""

    domain: str
    status: str
    hosts: tuple[tuple[str, int, int, int], ...] = ()   # (target, port, priority, weight)

    def to_json(self) -> dict:
        return {"domain": self.domain, "status": self.status,
                "hosts": [{"target": t, "port": p, "priority": pr, "weight": w} for t, p, pr, w in self.hosts]}

    @classmethod
    def from_json(cls, data: Any) -> "ConsoleLookup | None":
        if not isinstance(data, dict) or not isinstance(data.get("domain"), str):
            return None
        status = data.get("status") if data.get("status") in LOOKUP_STATUSES else LOOKUP_UNKNOWN
        hosts = []
        for h in data.get("hosts") or []:
            if isinstance(h, dict) and isinstance(h.get("target"), str):
                hosts.append((h["target"], _int(h.get("port"), DEFAULT_PORT), _int(h.get("priority"), 0),
                              _int(h.get("weight"), 0)))
        return cls(data["domain"], status, tuple(hosts[:_MAX_LOOKUP_HOSTS]))


def _int(value: Any, default: int) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 65535 else default


def read_nslookup(domain: str, output: str | None) -> ConsoleLookup:
    """The console's ``nslookup -type=srv _vlmcs._tcp.<domain>`` output as a status and hosts.

    nslookup's SRV lines (``priority``, ``weight``, ``port``, ``svr hostname``) are English on
    every Windows; its headers and errors are not, so a failure is told by the English words
    Windows keeps in them (``Non-existent domain``, ``timed out``) and otherwise left unknown.
    Linear in the output's length.
    """
    if output is None:
        return ConsoleLookup(domain, LOOKUP_NOT_RUN)
    hosts: list[tuple[str, int, int, int]] = []
    current: dict[str, str] = {}

    def close() -> None:
        target = current.get("svr hostname")
        if target and target.rstrip(".") and len(hosts) < _MAX_LOOKUP_HOSTS:
            hosts.append((target.rstrip(".").lower(), _int(_digits(current.get("port")), DEFAULT_PORT),
                          _int(_digits(current.get("priority")), 0), _int(_digits(current.get("weight")), 0)))
        current.clear()

    for line in output.splitlines():
        match = _SRV_FIELD.match(line)
        if match is None:
            continue
        key, value = match.group(1).lower(), match.group(2)
        if key == "priority" and current:
            close()
        current[key] = value
        if key == "svr hostname":
            close()
    close()
    if hosts:
        return ConsoleLookup(domain, LOOKUP_FOUND, tuple(hosts))
    lower = output.lower()
    if "non-existent domain" in lower or "nxdomain" in lower:
        return ConsoleLookup(domain, LOOKUP_NXDOMAIN)
    if "timed out" in lower or "timed-out" in lower:
        return ConsoleLookup(domain, LOOKUP_TIMEOUT)
    if "no answer" in lower or "no records" in lower:
        return ConsoleLookup(domain, LOOKUP_NO_RECORDS)
    return ConsoleLookup(domain, LOOKUP_UNKNOWN)


def _digits(value: str | None) -> int | None:
    return int(value) if value is not None and value.isdigit() and len(value) <= 5 else None


def console_lookups(console: dict | None) -> tuple[ConsoleLookup, ...]:
    """The console's lookups kept in a record's ``console`` object (``lookups``)."""
    if not isinstance(console, dict):
        return ()
    out = []
    for raw in console.get("lookups") or []:
        found = ConsoleLookup.from_json(raw)
        if found is not None:
            out.append(found)
    return tuple(out)


# ---------------------------------------------------------------------------- the judgement


def _split(host_port: str) -> tuple[str, str | None]:
    """(host, port text or None) by the one host[:port] parser; "[::1" from a console as written."""
    text = host_port.strip()
    try:
        return kms.split_host_port(text)
    except kms.UsageError:
        return text, None


def _host_name(host_port: str) -> str:
    return _split(host_port.strip().lower().rstrip("."))[0].rstrip(".")


def _same(a: str, b: str) -> bool:
    a, b = _host_name(a), _host_name(b)
    return bool(a) and bool(b) and (a == b or a.split(".")[0] == b or b.split(".")[0] == a)


def _port_of(hosts: Iterable[kms.KmsHost]) -> int | None:
    ports = sorted({h.port for h in hosts})
    return ports[0] if ports else None


@dataclass(frozen=True)
class _Dns:
    """The KMS picture the evidence supports, before the activation answer."""

    verdict: str | None                  # the effective KMS verdict (None: no evidence)
    evidence: str
    state: str | None
    proven: tuple[Item, ...] = ()
    disagreements: tuple[Item, ...] = ()
    console_hosts: tuple[str, ...] = ()  # host:port the console's DNS answers named
    port: int | None = None              # the port the evidence names


def _discovery(report: act.StatusReport | None, console: dict | None) -> tuple[str | None, bool]:
    """(the host the console's KMS client found in DNS, or None; whether it said none is
    available): from the console's answer, else from the /dstatus a console report holds."""
    product = report.product if report is not None else None
    if product is not None:
        host = product.kms_dns_host if not product.kms_override else None
        return host, bool(product.kms_name_not_available and not product.kms_host)
    found = console.get("discovery") if isinstance(console, dict) else None
    if isinstance(found, dict):
        host = found.get("host") if isinstance(found.get("host"), str) and found.get("host") else None
        return host, found.get("not_available") is True and host is None
    return None, False


def _dns(check: kms.KmsCheck | None, lookups: tuple[ConsoleLookup, ...],
         report: act.StatusReport | None, console: dict | None = None) -> _Dns:
    dstatus_host, dstatus_none = _discovery(report, console)
    ours_usable = check is not None and check.verdict in kms.USABLE_VERDICTS
    used_hosts = (check.used_hosts() or check.hosts) if check is not None else ()
    ours_port = _port_of(used_hosts)
    proven: list[Item] = []
    disagreements: list[Item] = []
    if check is not None:
        proven.append(item(P_KMS_CHECK, EV_THIS_COMPUTER, verdict=check.verdict, domain=check.used_domain))

    # The console's nslookup: the first suffix (in the console's order) whose answer holds records.
    console_found = next((lk for lk in lookups if lk.status == LOOKUP_FOUND), None)
    asked = [lk for lk in lookups if lk.status != LOOKUP_NOT_RUN]
    console_none = bool(asked) and console_found is None and all(
        lk.status in (LOOKUP_NXDOMAIN, LOOKUP_NO_RECORDS) for lk in asked)
    if console_found is not None:
        proven.append(item(P_CONSOLE_LOOKUP, EV_CONSOLE_NSLOOKUP, domain=console_found.domain,
                           hosts=[f"{t}:{p}" for t, p, _, _ in console_found.hosts]))
    elif console_none:
        proven.append(item(P_CONSOLE_LOOKUP_NONE, EV_CONSOLE_NSLOOKUP, domains=[lk.domain for lk in asked]))

    if dstatus_host is not None:
        proven.append(item(P_CONSOLE_DISCOVERY, EV_CONSOLE_DNS, host=dstatus_host))
        port = _port_from(dstatus_host) or ours_port
        if check is not None and check.hosts:
            ours = [h.target for h in used_hosts]
            if any(_same(dstatus_host, h) for h in ours):
                proven.append(item(P_DISCOVERY_AGREES, EV_CONSOLE_DNS, host=dstatus_host, domain=check.used_domain))
            else:
                proven.append(item(P_DISCOVERY_DIFFERS, EV_CONSOLE_DNS, host=dstatus_host,
                                   domain=check.used_domain, hosts=[f"{h.target}:{h.port}" for h in used_hosts]))
        if check is not None and not ours_usable:
            disagreements.append(item(D_CONSOLE_FOUND_HERE_NOT, EV_CONSOLE_DNS, domain=None, hosts=[dstatus_host],
                                      here=check.verdict))
            return _Dns(kms.FOUND, EV_CONSOLE_DNS, KMS_CONSOLE_FOUND, tuple(proven), tuple(disagreements),
                        (dstatus_host,), port)
        verdict = check.verdict if ours_usable else kms.FOUND
        state = KMS_PREFIX + check.verdict if ours_usable else KMS_CONSOLE_FOUND
        return _Dns(verdict, EV_CONSOLE_DNS, state, tuple(proven), (), (dstatus_host,), port)
    if dstatus_none:
        proven.append(item(P_CONSOLE_NO_DISCOVERY, EV_CONSOLE_DNS))
        if check is not None and check.hosts:
            disagreements.append(item(D_CONSOLE_NONE_HERE_FOUND, EV_CONSOLE_DNS, domain=check.used_domain,
                                      hosts=[f"{h.target}:{h.port}" for h in used_hosts], by="dstatus"))
        lookup_port = min((p for _, p, _, _ in console_found.hosts), default=None) if console_found else None
        return _Dns(kms.NOT_FOUND, EV_CONSOLE_DNS, KMS_CONSOLE_NONE, tuple(proven), tuple(disagreements), (),
                    ours_port or lookup_port)
    if console_found is not None:
        hosts = tuple(f"{t}:{p}" for t, p, _, _ in console_found.hosts)
        port = min(p for _, p, _, _ in console_found.hosts)
        if check is None or ours_usable:
            verdict = check.verdict if check is not None else kms.FOUND
            state = KMS_PREFIX + verdict if check is not None else KMS_CONSOLE_FOUND
            return _Dns(verdict, EV_CONSOLE_NSLOOKUP if check is None else EV_THIS_COMPUTER, state, tuple(proven),
                        (), hosts, ours_port or port)
        disagreements.append(item(D_CONSOLE_FOUND_HERE_NOT, EV_CONSOLE_NSLOOKUP, domain=console_found.domain,
                                  hosts=list(hosts), here=check.verdict))
        return _Dns(kms.FOUND, EV_CONSOLE_NSLOOKUP, KMS_CONSOLE_FOUND, tuple(proven), tuple(disagreements), hosts,
                    port)
    if console_none and check is not None and check.hosts:
        disagreements.append(item(D_CONSOLE_NONE_HERE_FOUND, EV_CONSOLE_NSLOOKUP, domain=check.used_domain,
                                  hosts=[f"{h.target}:{h.port}" for h in used_hosts], by="nslookup"))
        return _Dns(kms.NOT_FOUND, EV_CONSOLE_NSLOOKUP, KMS_CONSOLE_NONE, tuple(proven), tuple(disagreements), (),
                    ours_port)
    if check is None:
        if console_none:
            return _Dns(kms.NOT_FOUND, EV_CONSOLE_NSLOOKUP, KMS_CONSOLE_NONE, tuple(proven))
        return _Dns(None, EV_NONE, None, tuple(proven))
    return _Dns(check.verdict, EV_THIS_COMPUTER, KMS_PREFIX + check.verdict, tuple(proven), (), (), ours_port)


def _port_from(host_port: str) -> int | None:
    return _digits(_split(host_port)[1])


def effective_kms_verdict(check: kms.KmsCheck | None, console: dict | None,
                          activation: act.ActivationResult | None) -> str | None:
    """The KMS verdict the strongest DNS evidence supports: what the flow branches on."""
    return _dns(check, console_lookups(console), activation.report if activation else None, console).verdict


def _kms_steps(check: kms.KmsCheck, port: int | None, timeout: float | None) -> list[Item]:
    """What to do about this computer's KMS check, when nothing stronger decided."""
    verdict = check.verdict
    used_hosts = check.used_hosts() or check.hosts
    steps: list[Item] = []
    later = check.later_domain_host()
    if later is not None:
        steps.append(item(S_LATER_DOMAIN, used=later.used_domain, host=later.host, domain=later.domain))
    if verdict == kms.READY:
        steps += [item(S_INSTALL_GVLK), item(S_KMS_COUNT), item(S_DSTATUS)]
    elif verdict == kms.FOUND:
        steps += [item(S_TEST_CONNECTION, port=port), item(S_INSTALL_GVLK)]
    elif verdict == kms.NOT_KMS:
        reachable = [h for h in used_hosts if h.reachable]
        timed_out = [h for h in reachable if h.protocol == kms.PROTOCOL_TIMEOUT]
        others = [h for h in reachable if h.protocol != kms.PROTOCOL_TIMEOUT]
        if timed_out:
            steps.append(item(S_BIND_TIMEOUT, hosts=[h.target for h in timed_out], port=_port_of(timed_out),
                              timeout=timeout))
        if others:
            steps.append(item(S_NOT_KMS, hosts=[h.target for h in others], port=_port_of(others)))
        steps += [item(S_SETHST, port=port), item(S_USE_MAK_OR_PROMO)]
    elif verdict == kms.UNREACHABLE:
        steps += [item(S_OPEN_PORT, hosts=[h.target for h in used_hosts], port=port), item(S_REMOVE_STALE),
                  item(S_SETHST, port=port), item(S_USE_MAK_OR_PROMO)]
    elif verdict == kms.NOT_FOUND:
        steps += [item(S_PUBLISH_SRV, port=DEFAULT_PORT), item(S_SETHST, port=None), item(S_USE_MAK_OR_PROMO)]
    elif verdict == kms.DNS_ERROR:
        steps += [item(S_CHECK_DNS_SERVERS), item(S_CHECK_AGAIN)]
    else:
        steps += [item(S_JOIN_DOMAIN), item(S_TYPE_DOMAIN)]
    return steps


def _activation_steps(result: act.ActivationResult, path: str, expected_last5: str | None,
                      port: int | None) -> tuple[str, list[Item], list[Item]]:
    """(state, steps, notes) from the console's own answer."""
    report = result.report
    verdict = report.verdict
    product = report.product
    steps: list[Item] = []
    notes: list[Item] = []
    found = product.last5 if product is not None else None
    wrong_key = path == "mak" and result.key_matches is False
    if result.key_matches is True:
        notes.append(item(N_KEY_MATCH, last5=found))
    if verdict == act.LICENSED:
        if product is not None and not product.is_lync:
            return LICENSED_SUITE_ONLY, [item(S_CHECK_LYNC_BLOCK)], notes
        if wrong_key:
            notes.append(item(N_KEY_NOT_THE_MAK, found=found, expected=expected_last5))
        return LICENSED, [item(S_KEEP_RECORD)], notes
    if wrong_key:
        notes.append(item(N_KEY_NOT_THE_MAK, found=found, expected=expected_last5))
    if verdict == act.ERROR:
        code = report.error_code
        if wrong_key:
            # The MAK typed was never installed: that is the cause to fix before anything else.
            steps += [item(S_INSTALL_MAK, last5=expected_last5), item(S_DSTATUS)]
            steps.append(item(S_ERROR_ACTION, error=code, port=port if code in PORT_CODES else None, still=True))
        else:
            steps.append(item(S_ERROR_ACTION, error=code, port=port if code in PORT_CODES else None, still=False))
        if path == "kms" and code in KMS_FAILURE_CODES:
            steps.append(item(S_USE_MAK_OR_PROMO))
        return ACTIVATION_ERROR, steps, notes
    if verdict == act.GRACE:
        if wrong_key:
            steps.append(item(S_INSTALL_MAK, last5=expected_last5))
        steps += [item(S_ACTIVATE, mak=path == "mak"), item(S_DSTATUS)]
        return GRACE, steps, notes
    if verdict == act.NO_KEY:
        if path == "mak":
            steps.append(item(S_INSTALL_MAK, last5=expected_last5))
        else:
            steps.append(item(S_INSTALL_GVLK))
        steps += [item(S_ACTIVATE, mak=path == "mak"), item(S_DSTATUS)]
        return NO_KEY, steps, notes
    if verdict == act.NOT_FOUND:
        return ACTIVATION_NOT_FOUND, [item(S_RUN_OFFICE15)], notes
    return ACTIVATION_UNREADABLE, [item(S_PASTE_WHOLE)], notes


def judge(*, path: str, choice: str | None = None, check: kms.KmsCheck | None = None,
          connect_timeout: float | None = None, expected_hosts: Iterable[str] = (),
          console: dict | None = None, activation: act.ActivationResult | None = None,
          mak: dict | None = None) -> RoomVerdict:
    """All the evidence of a room -> one verdict.

    ``path``: the record's path (kms, mak, promo); ``choice``: what was picked at the start;
    ``check`` with its ``connect_timeout``: this computer's KMS check; ``console``: the
    record's ``console`` object (its ``lookups``: the console's nslookup answers);
    ``activation``: the console's own answer; ``mak``: the record's ``mak`` object.
    """
    report = activation.report if activation is not None else None
    dns = _dns(check, console_lookups(console), report, console)
    warnings: list[Item] = []
    if check is not None and check.unexpected_hosts:
        warnings.append(item(W_ROGUE_HOSTS, EV_THIS_COMPUTER, hosts=list(check.unexpected_hosts)))
    host_check = activation.host_check if activation is not None else None
    if host_check is not None and host_check.code == act.HOST_UNEXPECTED and host_check.host:
        warnings.append(item(W_CONSOLE_HOST_UNEXPECTED, EV_CONSOLE_ACTIVATION, host=host_check.host))
    proven = list(dns.proven)
    notes: list[Item] = []
    expected_last5 = None
    if isinstance(mak, dict) and isinstance(mak.get("masked"), str) and len(mak["masked"]) >= 5:
        expected_last5 = mak["masked"][-5:]
    if path == "promo":
        notes.append(item(N_PROMO_REASON, kms=check.verdict if check is not None and choice != "promo" else None,
                          evidence=dns.evidence if check is not None and choice != "promo" else None))
    if path == "mak" and check is not None and choice != "mak":
        notes.append(item(N_MAK_REASON, kms=dns.verdict))
    if path == "kms" and check is None and not (report is not None):
        notes.append(item(N_KMS_NOT_CHECKED))
    # The port the evidence names: the host the console itself uses (set by hand or found in
    # DNS) first, then the SRV records.
    used = report.product.kms_host if report is not None and report.product is not None else None
    port = (_port_from(used) if used else None) or dns.port

    steps: list[Item] = []
    state: str
    evidence: str
    if activation is not None and path != "promo":
        proven.insert(0, item(P_ACTIVATION, EV_CONSOLE_ACTIVATION, verdict=report.verdict, error=report.error_code))
        if host_check is not None and host_check.override:
            proven.append(item(P_OVERRIDE, EV_CONSOLE_ACTIVATION, host=host_check.host))
        state, steps, more = _activation_steps(activation, path, expected_last5, port)
        notes += more
        evidence = EV_CONSOLE_ACTIVATION
        if state not in (LICENSED, LICENSED_SUITE_ONLY):
            if host_check is not None and host_check.override:
                steps.append(item(S_REMHST))
            if host_check is not None and host_check.code == act.HOST_NOT_IN_DNS and host_check.host:
                steps.append(item(S_ASK_HOST_OWNER, host=host_check.host))
        if host_check is not None and host_check.code == act.HOST_UNEXPECTED and host_check.host:
            steps.insert(0, item(S_REMOVE_ROGUE, host=host_check.host))
        return RoomVerdict(state, evidence, dns.verdict, tuple(warnings), tuple(proven),
                           tuple(dns.disagreements), tuple(steps), tuple(notes))

    # No console answer: the strongest DNS evidence, or the path's own checks.
    if path == "promo":
        state, evidence = PROMO_PENDING, EV_OFFLINE
        steps = [item(S_SEND_PROMO), item(S_PROMO_INSTALL)]
    elif path == "mak":
        evidence = EV_OFFLINE
        key_ok = isinstance(mak, dict) and mak.get("valid") is not False and not mak.get("gvlk") \
            and mak.get("checksum_ok") is not False
        if not isinstance(mak, dict):
            state, steps = NOT_CHECKED, [item(S_INSTALL_MAK, last5=None), item(S_ACTIVATE, mak=True),
                                         item(S_DSTATUS)]
        elif not key_ok:
            state = MAK_KEY_PROBLEM
            steps = [item(S_RETYPE_MAK, gvlk=bool(mak.get("gvlk")))]
        else:
            state = MAK_READY
            steps = [item(S_INSTALL_MAK, last5=expected_last5), item(S_ACTIVATE, mak=True), item(S_DSTATUS)]
            checklist = mak.get("checklist") or {}
            if isinstance(checklist, dict) and not all(checklist.get(k) for k in
                                                       ("vlsc_sign_in", "agreement_confirmed", "mak_downloaded")):
                steps.insert(0, item(S_MAK_CHECKLIST))
    elif dns.state is None:
        state, evidence = NOT_CHECKED, EV_NONE
        steps = [item(S_GIVE_DSTATUS)]
    else:
        state, evidence = dns.state, dns.evidence
        if state == KMS_CONSOLE_FOUND:
            first = dns.disagreements[0] if dns.disagreements else None
            if first is not None:
                steps.append(item(S_CHECK_FROM_CONSOLE_NETWORK, domain=first.get("domain"),
                                  hosts=list(dns.console_hosts)))
            steps += [item(S_INSTALL_GVLK), item(S_DSTATUS)]
        elif state == KMS_CONSOLE_NONE:
            first = dns.disagreements[0] if dns.disagreements else None
            if first is not None:
                steps.append(item(S_CONSOLE_DNS, hosts=list(first.get("hosts") or ())))
            steps += [item(S_PUBLISH_SRV, port=port or DEFAULT_PORT), item(S_USE_MAK_OR_PROMO)]
        else:
            steps = _kms_steps(check, port, connect_timeout) if check is not None else []
    return RoomVerdict(state, evidence, dns.verdict, tuple(warnings), tuple(proven), tuple(dns.disagreements),
                       tuple(steps), tuple(notes))


def judge_record(data: dict, connect_timeout: float | None = None) -> RoomVerdict:
    """The verdict of a record's evidence (records made before the verdict was stored)."""
    check = None
    if isinstance(data.get("kms"), dict):
        check = kms.check_from_json(data["kms"])
    activation = None
    if isinstance(data.get("activation"), dict):
        activation = act.result_from_json(data["activation"])
    return judge(path=data.get("path") or "kms", choice=data.get("choice"), check=check,
                 connect_timeout=connect_timeout, console=data.get("console"), activation=activation,
                 mak=data.get("mak"))


def record_verdict(data: dict) -> RoomVerdict:
    """The record's stored verdict, or, for a record made before it was stored, computed now."""
    stored = data.get("verdict")
    if isinstance(stored, dict) and stored.get("state") in STATES:
        return RoomVerdict.from_json(stored)
    return judge_record(data)


def console_record(report) -> dict:
    """A console report (core.console.ConsoleReport) as the record keeps it, with its own
    nslookup answers read into statuses and hosts (``lookups``) for the judgement."""
    from srs_wizard.core import console as console_mod

    data = report.to_record_json()
    data["lookups"] = [read_nslookup(lookup.domain, lookup.output).to_json()
                       for lookup in report.lookups if lookup.domain]
    text = console_mod.dstatus_text(report)
    if text is not None:
        product = act.read_status(text).product
        if product is not None and not product.kms_override:
            data["discovery"] = {"host": product.kms_dns_host, "not_available": product.kms_name_not_available}
    return data
