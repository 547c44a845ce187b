"""What a KMS check found, as frozen dataclasses holding codes and raw values, and their JSON."""

from __future__ import annotations

from dataclasses import dataclass

from srs_wizard import flow

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

# Verdicts.
READY = "ready"
NOT_KMS = "not_kms"
UNREACHABLE = "unreachable"
FOUND = "found"
NOT_FOUND = "not_found"
DNS_ERROR = "dns_error"
NO_DOMAIN = "no_domain"
VERDICTS = (READY, NOT_KMS, UNREACHABLE, FOUND, NOT_FOUND, DNS_ERROR, NO_DOMAIN)
# The verdicts after which the console can look for its KMS host by itself: defined once, in
# flow (which the wizard loads before the core), and checked against READY and FOUND by a test.
USABLE_VERDICTS = flow.USABLE_VERDICTS

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


def best_protocol(outcomes) -> str | None:
    """The most telling outcome among a host's addresses (``kms`` first), or None."""
    present = [o for o in outcomes if o in PROTOCOLS]
    return min(present, key=PROTOCOLS.index) if present else None


class UsageError(ValueError):
    """A domain, nameserver or timeout the user gave is not usable; the text says why."""


class CheckCancelled(Exception):
    """The check was cancelled before it finished."""


def _ms(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


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
    used: bool = False

    def to_json(self) -> dict:
        return {
            "name": self.name,
            "source": self.source,
            "status": self.status,
            "message": self.message,
            "elapsed_ms": round(self.elapsed_ms, 1),
            "nameserver": self.nameserver,
            "used": self.used,
        }


@dataclass(frozen=True)
class Probe:
    """One TCP connect attempt to one address of a host, and what answered the KMS bind."""

    address: str
    result: str
    connect_ms: float | None
    error: str | None = None
    protocol: str | None = None

    def to_json(self) -> dict:
        return {
            "address": self.address,
            "result": self.result,
            "connect_ms": _ms(self.connect_ms),
            "error": self.error,
            "protocol": self.protocol,
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
    protocol: str | None = None

    @property
    def speaks_kms(self) -> bool:
        return self.protocol == PROTOCOL_KMS

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
            "error": self.error,
            "expected": self.expected,
            "domains": list(self.domains),
            "probes": [p.to_json() for p in self.probes],
            "protocol": self.protocol,
        }


@dataclass(frozen=True)
class LaterDomainHost:
    """A host of a domain after the used one that would have worked (the console never gets there)."""

    used_domain: str
    domain: str
    host: str


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
            "config_problem": self.config_problem,
            "notes": list(self.notes),
        }


@dataclass(frozen=True)
class SystemDnsConfig:
    domains: tuple[SearchDomain, ...]
    nameservers: tuple[Nameserver, ...]
    problem: str | None = None


def _protocol(value) -> str | None:
    """A protocol outcome from a record; anything else (a hand-edited value) is 'not tested'."""
    return value if isinstance(value, str) and value in PROTOCOLS else None


def check_from_json(data: dict) -> KmsCheck:
    """Rebuild a KmsCheck from its JSON (a saved record), for the summary and the PDF.

    Records made before the console's search order was followed have no ``used`` flags:
    the first domain with records is then the used one, as the console would choose.
    """
    domains = [
        DomainResult(d["name"], d.get("source", SOURCE_ARGUMENT), d["status"], d.get("message") or "",
                     float(d.get("elapsed_ms") or 0.0), d.get("nameserver"), d.get("used") is True)
        for d in data.get("domains", ())
    ]
    if domains and not any("used" in d for d in data.get("domains", ())):
        first = next((i for i, d in enumerate(domains) if d.status == OK), None)
        if first is not None:
            old = domains[first]
            domains[first] = DomainResult(old.name, old.source, old.status, old.message, old.elapsed_ms,
                                          old.nameserver, True)
    hosts = tuple(
        KmsHost(h["target"], int(h["port"]), int(h.get("priority", 0)), int(h.get("weight", 0)),
                h.get("domain") or "", tuple(h.get("addresses") or ()), h.get("reachable"),
                h.get("connect_ms"), h.get("error"), h.get("expected"), tuple(h.get("domains") or ()),
                tuple(Probe(p["address"], p["result"], p.get("connect_ms"), p.get("error"), _protocol(p.get("protocol")))
                      for p in h.get("probes") or ()),
                _protocol(h.get("protocol")))
        for h in data.get("hosts", ())
    )
    return KmsCheck(data["verdict"], tuple(domains), hosts, tuple(data.get("unexpected_hosts") or ()),
                    float(data.get("elapsed_ms") or 0.0), tuple(data.get("notes") or ()),
                    tuple(data.get("nameservers") or ()), bool(data.get("connect_tried", True)),
                    data.get("config_problem"), bool(data.get("bind_tried", False)))
