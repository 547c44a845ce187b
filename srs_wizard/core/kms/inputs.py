"""What the technician typed (domains, DNS servers, expected hosts, seconds) and the
machine's own DNS settings, turned into values the check can use.

One ``host[:port]`` parser (``split_host_port``) serves the DNS servers, the expected hosts
and their normalisation, so ``[::1]:1688`` means the same everywhere.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from typing import Iterable

import dns.exception
import dns.name

from srs_wizard.core.kms.model import (
    CONFIG_NO_SERVER,
    CONFIG_UNREADABLE,
    SOURCE_PRIMARY,
    SOURCE_SEARCH_LIST,
    SRV_PREFIX,
    ConfigProblem,
    Nameserver,
    SearchDomain,
    SystemDnsConfig,
    UsageError,
)

# Why a value typed is refused (UsageError.code; the words are in core.present.kms_inputs).
SERVER_NO_BRACKET = "server_no_bracket"          # server
SERVER_IPV6_FORM = "server_ipv6_form"            # server
BAD_PORT = "bad_port"                            # port
DOMAIN_EMPTY = "domain_empty"
DOMAIN_BAD_IDNA = "domain_bad_idna"              # domain, reason (the IDNA codec's raw text)
DOMAIN_EMPTY_LABEL = "domain_empty_label"        # domain
LABEL_TOO_LONG = "label_too_long"                # label (its first 20 characters)
DOMAIN_BAD_CHARACTERS = "domain_bad_characters"  # domain, chars
DOMAIN_TOO_LONG = "domain_too_long"
SERVER_EMPTY = "server_empty"
SERVER_BAD_IPV4 = "server_bad_ipv4"              # server
SERVER_BAD_IPV6 = "server_bad_ipv6"              # server
SERVER_UNRESOLVED = "server_unresolved"          # server
SECONDS_NOT_A_NUMBER = "seconds_not_a_number"    # what (TIMEOUT or CONNECT_TIMEOUT), value
SECONDS_OUT_OF_RANGE = "seconds_out_of_range"    # what, value
EXPECTED_HOST = "expected_host"                  # host, reason (the UsageError about its name)
# What a number of seconds is for (parse_seconds' ``what``).
TIMEOUT = "timeout"
CONNECT_TIMEOUT = "connect_timeout"


def _ascii_digits(text: str) -> bool:
    # str.isdigit() is true for "٣" or "³" as well; a port is written in ASCII digits.
    return bool(text) and text.isascii() and text.isdigit()


def split_host_port(raw: str) -> tuple[str, str | None]:
    """``HOST``, ``HOST:PORT``, ``[IPv6]``, ``[IPv6]:PORT`` or a bare IPv6 address ->
    (host without brackets, port text or None). Raises UsageError for broken brackets."""
    if raw.startswith("["):
        end = raw.find("]")
        if end < 0:
            raise UsageError(SERVER_NO_BRACKET, server=raw)
        host, rest = raw[1:end], raw[end + 1:]
        if not rest:
            return host, None
        if not rest.startswith(":"):
            raise UsageError(SERVER_IPV6_FORM, server=raw)
        return host, rest[1:]
    if raw.count(":") == 1:
        host, port = raw.split(":")
        return host, port
    return raw, None


def parse_port(port_text: str | None, default: int) -> int:
    if port_text is None:
        return default
    if not _ascii_digits(port_text) or not 1 <= int(port_text) <= 65535:
        raise UsageError(BAD_PORT, port=port_text)
    return int(port_text)


_LABEL_CHARS = re.compile(r"[A-Za-z0-9_-]*")  # what a label may hold, checked in one step


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
        raise UsageError(DOMAIN_EMPTY)
    try:
        ascii_name = raw.encode("ascii").decode()
    except UnicodeEncodeError:
        try:
            name = dns.name.from_unicode(raw, idna_codec=dns.name.IDNA_2008_Practical)
        except (dns.exception.DNSException, UnicodeError, ValueError) as exc:
            raise UsageError(DOMAIN_BAD_IDNA, domain=raw, reason=str(exc).strip() or type(exc).__name__) from None
        ascii_name = name.to_text(omit_final_dot=True)
    labels = ascii_name.split(".")
    for label in labels:
        if not label:
            raise UsageError(DOMAIN_EMPTY_LABEL, domain=raw)
        if len(label.encode()) > 63:
            raise UsageError(LABEL_TOO_LONG, label=label[:20] + "…")
        if _LABEL_CHARS.fullmatch(label):
            continue
        bad = sorted({c for c in label if not (c.isascii() and (c.isalnum() or c in "-_"))})
        if bad:
            raise UsageError(DOMAIN_BAD_CHARACTERS, domain=raw, chars=" ".join(repr(c) for c in bad))
    if len(ascii_name) > 253:
        raise UsageError(DOMAIN_TOO_LONG)
    return ascii_name.lower()


def parse_nameserver(text: str, resolve: bool = True) -> Nameserver:
    """``HOST``, ``HOST:PORT``, ``[IPv6]:PORT`` or a bare IPv6 address.

    A host name is looked up only when ``resolve`` is true; the wizard checks the syntax
    as the user types (``resolve=False``) and leaves the lookup to its worker thread.
    """
    raw = text.strip()
    if not raw:
        raise UsageError(SERVER_EMPTY)
    host, port_text = split_host_port(raw)
    port = parse_port(port_text, 53)
    try:
        address = str(ipaddress.ip_address(host))
    except ValueError:
        if all(part.isdigit() for part in host.split(".")):
            raise UsageError(SERVER_BAD_IPV4, server=host) from None
        if ":" in host:
            raise UsageError(SERVER_BAD_IPV6, server=host) from None
        name = normalise_domain(host)
        if not resolve:
            return Nameserver(name, port)
        try:
            address = resolve_nameserver_name(name)
        except OSError:
            raise UsageError(SERVER_UNRESOLVED, server=host) from None
    return Nameserver(address, port)


def resolve_nameserver_name(name: str) -> str:
    info = socket.getaddrinfo(name, 53, type=socket.SOCK_DGRAM)
    return info[0][4][0]


def parse_seconds(text: str | float, what: str) -> float:
    try:
        value = float(text)
    except (TypeError, ValueError):
        raise UsageError(SECONDS_NOT_A_NUMBER, what=what, value=str(text)) from None
    if not 0 < value <= 300:  # also false for NaN
        raise UsageError(SECONDS_OUT_OF_RANGE, what=what, value=str(text))
    return value


def _expected_host(text: str) -> str:
    """The host part of an expected KMS host as typed (a ``:port`` after it is ignored)."""
    raw = text.strip()
    try:
        host, _port = split_host_port(raw)
    except UsageError:
        return raw
    return host


def check_expected_host(text: str) -> None:
    """Refuse an expected KMS host that is neither a DNS name nor an IP address (a ``:port``
    after it is allowed and ignored), so a typo is not silently matched against nothing."""
    raw = text.strip()
    host = _expected_host(raw)
    try:
        ipaddress.ip_address(host)
        return
    except ValueError:
        pass
    try:
        normalise_domain(host)
    except UsageError as exc:
        raise UsageError(EXPECTED_HOST, host=raw, reason=exc) from None


def normalise_expected(items: Iterable[str]) -> set[str]:
    """Expected hosts as the check compares them: lower case, no final dot, no port, no
    brackets, IP addresses in their canonical spelling."""
    out = set()
    for item in items:
        host = _expected_host(item).rstrip(".").lower()
        if not host:
            continue
        try:
            host = str(ipaddress.ip_address(host))
        except ValueError:
            pass
        out.add(host)
    return out


def is_expected(host_name: str, addresses: Iterable[str], expected: set[str]) -> bool:
    if host_name in expected:
        return True
    short = host_name.split(".")[0]
    return short in expected or any(a in expected for a in addresses)


def _printable(text: str) -> bool:
    return text.isprintable() and "\\" not in text


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
        return SystemDnsConfig((), (), ConfigProblem(CONFIG_NO_SERVER, _safe_reason(exc)))
    except (OSError, dns.exception.DNSException, ValueError) as exc:
        return SystemDnsConfig((), (), ConfigProblem(CONFIG_UNREADABLE, _safe_reason(exc)))

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


def _safe_reason(exc: BaseException) -> str:
    """An exception's text with control characters and escapes from the file shown as \\x.. codes,
    and a whole product key in it (dnspython quotes the bad value) cut to its last five."""
    from srs_wizard.core.product_key import mask_whole_keys

    text = mask_whole_keys(str(exc))[0]
    return text if _printable(text) else text.encode("unicode_escape").decode("ascii")
