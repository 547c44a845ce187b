"""What a KMS check found, as frozen dataclasses holding codes and raw values, and their JSON."""

from __future__ import annotations

import dataclasses
import errno as _errno
import re
import reprlib
from dataclasses import dataclass

SRV_PREFIX = "_vlmcs._tcp"
DEFAULT_TIMEOUT = 5.0
DEFAULT_CONNECT_TIMEOUT = 2.0
MAX_HOSTS = 64

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

# Verdicts, and the ones after which the console can look for its KMS host by itself:
# defined in core.verdicts, which the wizard's navigation loads without this package.
from srs_wizard.core.verdicts import (  # noqa: E402,F401
    DNS_ERROR,
    FOUND,
    NO_DOMAIN,
    NOT_FOUND,
    NOT_KMS,
    READY,
    UNREACHABLE,
    USABLE_VERDICTS,
    VERDICTS,
)

# Probe results for one address (the TCP connection).
PROBE_OPEN = "open"
PROBE_REFUSED = "refused"
PROBE_TIMEOUT = "timeout"
PROBE_ERROR = "error"

# What answered on the connection (the KMS bind), best first.
PROTOCOL_KMS = "kms"
PROTOCOL_RPC_REJECTED = "rpc_rejected"
PROTOCOL_NOT_RPC = "not_rpc"
PROTOCOL_CLOSED = "closed"
PROTOCOL_TIMEOUT = "timeout"
PROTOCOLS = (PROTOCOL_KMS, PROTOCOL_RPC_REJECTED, PROTOCOL_NOT_RPC, PROTOCOL_CLOSED, PROTOCOL_TIMEOUT)
# Why the bind's answer was judged as it was (Probe.protocol_reason): kms_rpc's codes, as
# ``PROTOCOL_REASONS`` (see __getattr__: kms_rpc is loaded only by what binds or reads a probe).


def __getattr__(name: str):
    if name == "PROTOCOL_REASONS":
        from srs_wizard.core import kms_rpc

        return kms_rpc.REASONS
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# Why a domain has its status, beyond the status itself (DomainResult.detail).
DETAIL_RECORDS = "records"                # ok: ``count`` SRV records
DETAIL_RCODE = "rcode"                    # error: another DNS error code, ``rcode`` its text
DETAIL_BAD_REPLY = "bad_reply"            # error: no valid DNS message, ``reason`` dnspython's text
DETAIL_TCP_FAILED = "tcp_failed"          # error: truncated over UDP and TCP failed, ``reason`` the OS text
DETAIL_SOCKET = "socket"                  # error: the OS refused the query, ``reason`` the OS text
DETAIL_TOO_MANY_FILES = "too_many_files"  # error: this computer's open-files limit
DETAIL_NO_SERVER = "no_server"            # error: no DNS server to ask
DETAILS = (DETAIL_RECORDS, DETAIL_RCODE, DETAIL_BAD_REPLY, DETAIL_TCP_FAILED, DETAIL_SOCKET,
           DETAIL_TOO_MANY_FILES, DETAIL_NO_SERVER)

# Why a host has no open connection (KmsHost.error_code).
HOST_NO_ADDRESS = "no_address"
HOST_UNREACHABLE = "unreachable"

# What is wrong with the system's DNS configuration (ConfigProblem.code).
CONFIG_NO_SERVER = "no_server"
CONFIG_UNREADABLE = "unreadable"
CONFIG_PROBLEMS = (CONFIG_NO_SERVER, CONFIG_UNREADABLE)

# Note codes (Note.code).
NOTE_HOST_LIMIT = "host_limit"            # ``total`` hosts found, only the first ``shown`` kept
NOTE_CODES = (NOTE_HOST_LIMIT,)

# errno values of "too many open files" (this process's and the system's limit).
TOO_MANY_FILES_ERRNOS = (_errno.EMFILE, _errno.ENFILE)


def best_protocol(outcomes) -> str | None:
    """The most telling outcome among a host's addresses (``kms`` first), or None."""
    present = [o for o in outcomes if o in PROTOCOLS]
    return min(present, key=PROTOCOLS.index) if present else None


class UsageError(ValueError):
    """A domain, nameserver or timeout the user gave is not usable: ``code`` says why (the codes
    are in ``inputs``), ``params`` the raw values; ``core.present.kms_inputs.usage_error_text``
    words it where it is shown."""

    def __init__(self, code: str, **params):
        super().__init__(code)
        self.code = code
        self.params = params


class CheckCancelled(Exception):
    """The check was cancelled before it finished."""


class _Value:
    """The equality, hash and repr that ``@dataclass(frozen=True)`` writes, written once.

    @dataclass compiles each method it writes from source, for every class, when the module
    is imported: for the classes below, about a third of this module's import, which every
    ``check-kms`` start pays. Each class takes these three from here (``_frozen``: no repr,
    no eq of its own) and its __init__ and frozen fields from @dataclass; the behaviour is
    @dataclass's (fields in order, same class only, ``Name(field=value, ...)``)."""

    __slots__ = ()

    def _values(self) -> tuple:
        return tuple(getattr(self, f.name) for f in dataclasses.fields(self))

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return self._values() == other._values()
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self._values())

    @reprlib.recursive_repr()
    def __repr__(self) -> str:
        shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in dataclasses.fields(self))
        return f"{self.__class__.__qualname__}({shown})"


_frozen = dataclass(frozen=True, repr=False, eq=False)


def _ms(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


@_frozen
class SearchDomain(_Value):
    """A domain to search, and where it came from (``source``: argument, primary, search-list)."""

    name: str
    source: str


@_frozen
class Nameserver(_Value):
    """A DNS server to ask: its address and port (``str()``: ``host[:port]``, IPv6 in brackets)."""

    address: str
    port: int = 53

    def __str__(self) -> str:
        host = f"[{self.address}]" if ":" in self.address else self.address
        return host if self.port == 53 else f"{host}:{self.port}"


@_frozen
class Detail(_Value):
    """Why a domain has its status, as a code and raw values (never words).

    ``count``: SRV records found; ``rcode``: a DNS error code's text; ``reason``: the raw text
    of the OS or of dnspython; ``errno``: the OS error number."""

    code: str
    count: int | None = None
    rcode: str | None = None
    reason: str | None = None
    errno: int | None = None

    def to_json(self) -> dict:
        out: dict = {"code": self.code}
        for key in ("count", "rcode", "reason", "errno"):
            if getattr(self, key) is not None:
                out[key] = getattr(self, key)
        return out

    @classmethod
    def from_json(cls, data) -> "Detail | None":
        if not isinstance(data, dict) or data.get("code") not in DETAILS:
            return None
        count, number = data.get("count"), data.get("errno")
        rcode, reason = data.get("rcode"), data.get("reason")
        return cls(data["code"], count if isinstance(count, int) else None,
                   rcode if isinstance(rcode, str) else None, reason if isinstance(reason, str) else None,
                   number if isinstance(number, int) else None)


@_frozen
class ConfigProblem(_Value):
    """The system's DNS configuration is unusable: a code and the raw reason."""

    code: str
    reason: str = ""


@_frozen
class Note(_Value):
    """Something the check says beside its verdict, as a code and counts."""

    code: str
    total: int = 0
    shown: int = 0

    def to_json(self) -> dict:
        return {"code": self.code, "total": self.total, "shown": self.shown}


@_frozen
class DomainResult(_Value):
    """One domain's answer: its status and the detail behind it (worded by core.present.kms)."""

    name: str
    source: str
    status: str
    detail: Detail | None
    elapsed_ms: float
    nameserver: str | None = None
    used: bool = False

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "source": self.source,
            "status": self.status,
            "detail": self.detail.to_json() if self.detail else None,
            "elapsed_ms": round(self.elapsed_ms, 1),
            "nameserver": self.nameserver,
            "used": self.used,
        }


@_frozen
class Probe(_Value):
    """One TCP connect attempt to one address of a host, and what answered the KMS bind.

    ``errno`` and ``os_error`` are the OS's number and raw text for a failed connection."""

    address: str
    result: str
    connect_ms: float | None
    errno: int | None = None
    os_error: str | None = None
    protocol: str | None = None
    protocol_reason: str | None = None  # why the bind's answer was judged so (PROTOCOL_REASONS)

    def to_json(self) -> dict:
        return {
            "address": self.address,
            "result": self.result,
            "connect_ms": _ms(self.connect_ms),
            "errno": self.errno,
            "os_error": self.os_error,
            "protocol": self.protocol,
            "protocol_reason": self.protocol_reason,
        }


@_frozen
class KmsHost(_Value):
    """A host of the SRV records: its DNS preference, addresses, what answered on them (``probes``)
    and whether the customer named it (``expected``)."""

    target: str
    port: int
    priority: int
    weight: int
    domain: str
    addresses: tuple[str, ...] = ()
    reachable: bool | None = None
    connect_ms: float | None = None
    expected: bool | None = None
    domains: tuple[str, ...] = ()
    probes: tuple[Probe, ...] = ()
    protocol: str | None = None

    @property
    def speaks_kms(self) -> bool:
        return self.protocol == PROTOCOL_KMS

    @property
    def error_code(self) -> str | None:
        """Why no connection is open: ``no_address``, ``unreachable`` (see the probes), or None."""
        if not self.addresses:
            return HOST_NO_ADDRESS
        if self.reachable is False:
            return HOST_UNREACHABLE
        return None

    def to_json(self) -> dict:
        return {
            "target": self.target,
            "port": self.port,
            "priority": self.priority,
            "weight": self.weight,
            "domain": self.domain,
            "addresses": list(self.addresses),
            "reachable": self.reachable,
            "connect_ms": _ms(self.connect_ms),
            "error_code": self.error_code,
            "expected": self.expected,
            "domains": list(self.domains),
            "probes": [p.to_json() for p in self.probes],
            "protocol": self.protocol,
        }


@_frozen
class LaterDomainHost(_Value):
    """A host of a domain after the used one that would have worked (the console never gets there)."""

    used_domain: str
    domain: str
    host: str


@_frozen
class KmsCheck(_Value):
    """A whole check: the verdict, each domain's answer, the hosts by DNS preference, and what
    was tried (``connect_tried``, ``bind_tried``)."""

    verdict: str
    domains: tuple[DomainResult, ...]
    hosts: tuple[KmsHost, ...]
    unexpected_hosts: tuple[str, ...]
    elapsed_ms: float
    notes: tuple[Note, ...] = ()
    nameservers: tuple[str, ...] = ()
    connect_tried: bool = True
    config_problem: ConfigProblem | None = None
    bind_tried: bool = False

    @property
    def used_domain(self) -> str | None:
        return next((d.name for d in self.domains if d.used), None)

    def used_hosts(self) -> tuple[KmsHost, ...]:
        """The hosts the console would pick among: those the used domain publishes."""
        used = self.used_domain
        if used is None:
            return ()
        return tuple(h for h in self.hosts if used in (h.domains or (h.domain,)))

    def later_domain_host(self) -> LaterDomainHost | None:
        """A host published only by a later domain that would have worked, when the used one's do not."""
        if self.verdict == READY or self.used_domain is None or not self.connect_tried:
            return None
        used_hosts = set(id(h) for h in self.used_hosts())
        for d in self.domains:
            if d.used:
                continue
            for h in self.hosts:
                if id(h) in used_hosts or d.name not in (h.domains or (h.domain,)):
                    continue
                if h.speaks_kms or (not self.bind_tried and h.reachable):
                    return LaterDomainHost(self.used_domain, d.name, h.target)
        return None

    def to_json(self) -> dict:
        return {
            "verdict": self.verdict,
            "domains": [d.to_json() for d in self.domains],
            "hosts": [h.to_json() for h in self.hosts],
            "unexpected_hosts": list(self.unexpected_hosts),
            "elapsed_ms": round(self.elapsed_ms, 1),
            "nameservers": list(self.nameservers),
            "connect_tried": self.connect_tried,
            "bind_tried": self.bind_tried,
            "config_problem_code": self.config_problem.code if self.config_problem else None,
            "config_problem_reason": self.config_problem.reason if self.config_problem else None,
            "note_codes": [n.to_json() for n in self.notes],
        }


@_frozen
class SystemDnsConfig(_Value):
    """This machine's DNS settings: the domains it searches, its DNS servers, and what stopped
    reading them (``problem``)."""

    domains: tuple[SearchDomain, ...]
    nameservers: tuple[Nameserver, ...]
    problem: ConfigProblem | None = None


def _protocol(value) -> str | None:
    """A protocol outcome from a record; anything else (a hand-edited value) is 'not tested'."""
    return value if isinstance(value, str) and value in PROTOCOLS else None


def _protocol_reason(value) -> str | None:
    from srs_wizard.core import kms_rpc

    return value if isinstance(value, str) and value in kms_rpc.REASONS else None


def _int(value) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _text(value) -> str | None:
    return value if isinstance(value, str) else None


def _notes_from_json(data: dict, shown_hosts: int) -> tuple[Note, ...]:
    """The notes as codes. Records made before notes were codes hold sentences in the language
    they were made in: the one sentence kept then (the host limit) is read back by its numbers,
    so that it is worded in the language chosen now; others were derived facts and are dropped."""
    notes = []
    for item in data.get("note_codes") or ():
        if isinstance(item, dict) and item.get("code") in NOTE_CODES:
            notes.append(Note(item["code"], _int(item.get("total")) or 0, _int(item.get("shown")) or 0))
    if "note_codes" not in data:
        for text in data.get("notes") or ():
            numbers = [int(n) for n in re.findall(r"\d+", text)] if isinstance(text, str) else []
            if len(numbers) == 2 and max(numbers) > min(numbers) == shown_hosts:
                notes.append(Note(NOTE_HOST_LIMIT, max(numbers), min(numbers)))
    return tuple(notes)


def _config_problem_from_json(data: dict) -> ConfigProblem | None:
    code = data.get("config_problem_code")
    if code in CONFIG_PROBLEMS:
        return ConfigProblem(code, _text(data.get("config_problem_reason")) or "")
    if data.get("config_problem"):
        # A record made before problems were codes: its sentence is in the language it was made
        # in, so only the fact that the configuration was unusable is kept.
        return ConfigProblem(CONFIG_UNREADABLE, "")
    return None


def check_from_json(data: dict) -> KmsCheck:
    """Rebuild a KmsCheck from its JSON (a saved record), for the summary and the PDF.

    Records made before the console's search order was followed have no ``used`` flags:
    the first domain with records is then the used one, as the console would choose.
    Records made before the check kept codes hold sentences (``message``, ``error``,
    ``notes``) in the language they were made in; those are not read: the words are derived
    from the statuses, so that a record renders wholly in the language chosen now.
    """
    domains = [
        DomainResult(d["name"], d.get("source", SOURCE_ARGUMENT), d["status"], Detail.from_json(d.get("detail")),
                     float(d.get("elapsed_ms") or 0.0), d.get("nameserver"), d.get("used") is True)
        for d in data.get("domains", ())
    ]
    if domains and not any("used" in d for d in data.get("domains", ())):
        first = next((i for i, d in enumerate(domains) if d.status == OK), None)
        if first is not None:
            old = domains[first]
            domains[first] = DomainResult(old.name, old.source, old.status, old.detail, old.elapsed_ms,
                                          old.nameserver, True)
    hosts = tuple(
        KmsHost(h["target"], int(h["port"]), int(h.get("priority", 0)), int(h.get("weight", 0)),
                h.get("domain") or "", tuple(h.get("addresses") or ()), h.get("reachable"),
                h.get("connect_ms"), h.get("expected"), tuple(h.get("domains") or ()),
                tuple(Probe(p["address"], p["result"], p.get("connect_ms"), _int(p.get("errno")),
                            _text(p.get("os_error")), _protocol(p.get("protocol")),
                            _protocol_reason(p.get("protocol_reason")))
                      for p in h.get("probes") or ()),
                _protocol(h.get("protocol")))
        for h in data.get("hosts", ())
    )
    return KmsCheck(data["verdict"], tuple(domains), hosts, tuple(data.get("unexpected_hosts") or ()),
                    float(data.get("elapsed_ms") or 0.0), _notes_from_json(data, len(hosts)),
                    tuple(data.get("nameservers") or ()), bool(data.get("connect_tried", True)),
                    _config_problem_from_json(data), bool(data.get("bind_tried", False)))
