"""A console report (``srs-wizard/console/1``), written by the collector on a room console.

The report is untrusted input: it is size-limited, decoded from UTF-8 or UTF-16 (with or
without a byte order mark), and validated field by field. Problems name the field and never
quote its value (a value could hold a product key); any whole product key found in the text
is cut to its last five characters. Nothing in it is run or rendered as markup.

The resolver's suffix order is computed again here from the raw registry facts, by the
rules Windows follows (a configured search list alone; else the primary suffix, each
adapter's suffix, and with devolution the primary suffix's parents down to two labels),
and compared with the order the collector wrote. No Qt, no sentences: codes and raw values;
``srs_wizard.core.present.console`` words them.
"""

from __future__ import annotations

import functools
import ipaddress
import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from srs_wizard.core import activation, kms, product_key
from srs_wizard.core import text as text_mod
from srs_wizard.core.text import split_list  # noqa: F401  (the report's lists, split as typed ones)

SCHEMA = "srs-wizard/console/1"
MAX_BYTES = 1_000_000
SOURCE_CONSOLE = "console"
MAX_NAME = 1024          # a name, a path, a registry value
MAX_OUTPUT = 256 * 1024  # one command's raw output
MAX_ITEMS = 64           # adapters, suffixes, servers, lookups
MAX_DEPTH = 16           # a report is four levels deep; deeper nesting is refused unread

# Problem codes (the field is named beside each).
TOO_LARGE = "too_large"
EMPTY = "empty"
ENCODING = "encoding"
NOT_JSON = "not_json"
NOT_OBJECT = "not_object"
WRONG_SCHEMA = "wrong_schema"
MISSING = "missing"
WRONG_TYPE = "wrong_type"
TOO_LONG = "too_long"
TOO_MANY = "too_many"
TOO_DEEP = "too_deep"
BAD_TIME = "bad_time"
CONTROL_CHARACTERS = "control_characters"
# Notes: the report is usable, but this was changed or left out.
KEY_MASKED = "key_masked"
BAD_SUFFIX = "bad_suffix"
BAD_SERVER = "bad_server"
NO_UTC_OFFSET = "no_utc_offset"
ORDER_DIFFERS = "order_differs"

ORDER_POLICY = "policy"
ORDER_LOCAL = "local"
ORDER_BUILT = "built"

# Where each fact of the resolver's order comes from (group policy wins over the local value).
FROM_POLICY = "policy"
FROM_LOCAL = "local"
FROM_NV_DOMAIN = "nv_domain"      # the configured primary suffix (NV Domain), the machine not joined yet
FROM_ADAPTERS = "adapters"
FROM_DEFAULT = "default"
FROM_POLICY_SEARCH_LIST = "policy_search_list"  # a search list is used alone: no devolution
FROM_LOCAL_SEARCH_LIST = "local_search_list"
DEFAULT_DEVOLUTION_LEVEL = 2
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class ReportProblem:
    """One finding about the file: the field (dotted path, "" for the file) and a code.

    ``params`` holds only values that are safe to show (limits, positions, expected kinds).
    """

    field: str
    code: str
    params: dict = field(default_factory=dict)

    def to_json(self) -> dict:
        return {"field": self.field, "code": self.code, **self.params}


class ConsoleReportError(ValueError):
    def __init__(self, problems: list[ReportProblem]):
        super().__init__("; ".join(f"{p.field or '-'}: {p.code}" for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class Adapter:
    guid: str | None
    description: str | None
    domain: str | None
    dhcp_domain: str | None
    name_server: str | None
    dhcp_name_server: str | None


@dataclass(frozen=True)
class ConsoleLookup:
    """The console's own ``nslookup -type=srv _vlmcs._tcp.<suffix>``, as it printed it."""

    suffix: str
    domain: str | None      # the suffix as a DNS name to query (None when it is not one)
    output: str | None      # None when nothing ran (no nslookup, an unsafe name)
    timed_out: bool


@dataclass(frozen=True)
class DstatusRun:
    path: str
    output: str | None
    timed_out: bool


@dataclass(frozen=True)
class KmsOverride:
    """The KMS host set by hand (``/sethst``, ``/setprt``) in one registry view."""

    key: str
    name: str | None
    port: str | None

    def to_json(self) -> dict:
        return {"key": self.key, "name": self.name, "port": self.port}


@dataclass(frozen=True)
class OrderEvidence:
    """What the recomputed suffix order rests on: each fact with where it came from."""

    primary_suffix: str | None
    primary_source: str | None        # FROM_POLICY, FROM_LOCAL, FROM_NV_DOMAIN (None: no suffix)
    adapter_suffixes: tuple[str, ...]
    adapter_source: str               # FROM_POLICY or FROM_ADAPTERS
    search_list_source: str | None    # FROM_POLICY, FROM_LOCAL, None (no list)
    devolution: bool
    devolution_source: str            # FROM_POLICY_SEARCH_LIST ... FROM_DEFAULT
    devolution_level: int
    devolution_level_source: str      # FROM_POLICY, FROM_LOCAL, FROM_DEFAULT
    dns_servers_source: str           # FROM_POLICY or FROM_ADAPTERS (what the collector listed)

    def to_json(self) -> dict:
        return {"primary_suffix": self.primary_suffix, "primary_source": self.primary_source,
                "adapter_suffixes": list(self.adapter_suffixes), "adapter_source": self.adapter_source,
                "search_list_source": self.search_list_source, "devolution": self.devolution,
                "devolution_source": self.devolution_source, "devolution_level": self.devolution_level,
                "devolution_level_source": self.devolution_level_source,
                "dns_servers_source": self.dns_servers_source}


@dataclass(frozen=True)
class SuffixOrder:
    source: str                       # ORDER_POLICY, ORDER_LOCAL, ORDER_BUILT
    suffixes: tuple[str, ...]
    devolved: tuple[str, ...]         # the devolved parents among them: only if the console devolves


@dataclass(frozen=True)
class CollectorProblem:
    """What the collector itself could not collect (``nslookup_missing``, ...)."""

    code: str
    detail: str | None


@dataclass(frozen=True)
class ConsoleReport:
    file: str | None
    computer: str
    collected_at: str
    os_caption: str | None
    os_version: str | None
    domain: str | None
    part_of_domain: bool | None
    elevated: bool | None
    primary_suffix: str | None
    nv_domain: str | None
    search_list_policy: str | None
    search_list_local: str | None
    devolution: bool
    adapters: tuple[Adapter, ...]
    order_source: str
    suffix_order: tuple[str, ...]      # recomputed from the raw facts, as DNS names
    reported_order: tuple[str, ...]    # what the collector wrote, as DNS names
    dns_servers: tuple[str, ...]
    nslookup_path: str | None
    lookups: tuple[ConsoleLookup, ...]
    ospp_paths: tuple[str, ...]
    dstatus: tuple[DstatusRun, ...]
    collector_problems: tuple[CollectorProblem, ...]
    notes: tuple[ReportProblem, ...] = ()
    # ospp.vbs /dinstid, collected only when a MAK is installed and not licensed (offline activation)
    dinstid: tuple[DstatusRun, ...] = ()
    devolved: tuple[str, ...] = ()     # devolved parents in suffix_order, as DNS names
    evidence: OrderEvidence | None = None
    dhistorykms: tuple[DstatusRun, ...] = ()
    kms_overrides: tuple[KmsOverride, ...] = ()

    def is_devolved(self, domain: str) -> bool:
        """Is this suffix searched only if the console devolves (a devolved parent)?"""
        return domain in self.devolved

    @property
    def order_matches(self) -> bool:
        return self.suffix_order == self.reported_order

    def nslookup_for(self, domain: str) -> str | None:
        """The console's raw nslookup output for this DNS name, if it ran one."""
        for lookup in self.lookups:
            if lookup.domain == domain and lookup.output is not None:
                return lookup.output
        return None

    def origin_json(self) -> dict:
        """Where and when the report was collected (``read-status --console-report --json``)."""
        return {"file": self.file, "computer": self.computer, "collected_at": self.collected_at}

    def check_json(self) -> dict:
        """The console's DNS view beside a KMS check (``check-kms --console-report --json``)."""
        return {**self.origin_json(), "suffix_order": list(self.suffix_order), "order_source": self.order_source,
                "order_matches": self.order_matches, "dns_servers": list(self.dns_servers),
                "problems": [p.code for p in self.collector_problems],
                "devolved_suffixes": list(self.devolved),
                "evidence": self.evidence.to_json() if self.evidence else None,
                "kms_overrides": [o.to_json() for o in self.kms_overrides if o.name]}

    def to_record_json(self) -> dict:
        """What a session record keeps of the report: what was collected, when, from where."""
        return {
            "file": self.file,
            "computer": self.computer,
            "collected_at": self.collected_at,
            "os": " ".join(x for x in (self.os_caption, self.os_version) if x) or None,
            "suffix_order": list(self.suffix_order),
            "devolved_suffixes": list(self.devolved),
            "order_source": self.order_source,
            "dns_servers": list(self.dns_servers),
            "nslookup_collected": any(lookup.output is not None for lookup in self.lookups),
            "dstatus_collected": dstatus_text(self) is not None,
            "problems": [p.code for p in self.collector_problems],
        }


def dstatus_text(report: ConsoleReport) -> str | None:
    """The console's ``ospp.vbs /dstatus`` output, or None: every run that printed something,
    in the collector's order (a console with Office 2016 beside Office 2013 has one run for
    each, and Lync 2013 is in the Office 15 one), read as one answer."""
    outputs = [run.output for run in report.dstatus if run.output and run.output.strip()]
    return "\n".join(outputs) if outputs else None


def dinstid_text(report: ConsoleReport) -> str | None:
    """The console's ``ospp.vbs /dinstid`` output (the first that printed something), or None."""
    for run in report.dinstid:
        if run.output and run.output.strip():
            return run.output
    return None


# --------------------------------------------------------------------------- decoding


def decode(raw: bytes) -> str:
    """UTF-8 or UTF-16, with or without a byte order mark. Raises UnicodeDecodeError."""
    return text_mod.decode_strict(raw)


def _mask_tree(value: Any, path: str, notes: list[ReportProblem]) -> Any:
    """The report with every key masked (also one split over adjacent items of a list), each
    masking noted by its field. Iterative: a report nested thousands deep is no traceback."""
    def noted(where: str, count: int) -> None:
        notes.append(ReportProblem(f"{path}.{where}" if path and where else path or where, KEY_MASKED,
                                   {"count": count}))

    return product_key.mask_keys_in(value, noted)


def _texts_within(value: Any, limit: int) -> list[str] | None:
    """Every text and name in ``value``, the texts of one list side by side in their order
    (as the masker joins them); None when ``value`` is nested more than ``limit`` lists and
    objects deep. One walk, level by level: no recursion, and the depth is known before
    anything else is done with the report."""
    texts: list[str] = []
    level = [value]
    for _ in range(limit + 1):
        deeper = []
        for item in level:
            if isinstance(item, dict):
                texts.extend(item)  # a JSON object's names are texts
                children = item.values()
            else:
                children = item
            for child in children:
                if type(child) is str:
                    texts.append(child)
                elif isinstance(child, (dict, list)):
                    deeper.append(child)
        if not deeper:
            return texts
        level = deeper
    return None


# --------------------------------------------------------------------------- the resolver's rules


def resolver_suffix_order(search_list_policy: str | None, search_list_local: str | None,
                          primary: str | None, adapter_suffixes: list[str],
                          devolution: bool, level: int = DEFAULT_DEVOLUTION_LEVEL) -> tuple[str, list[str]]:
    """(source, suffixes): the order the Windows DNS client searches, from its raw settings."""
    order = resolver_order(search_list_policy, search_list_local, primary, adapter_suffixes, devolution, level)
    return order.source, list(order.suffixes)


def resolver_order(search_list_policy: str | None, search_list_local: str | None,
                   primary: str | None, adapter_suffixes: list[str],
                   devolution: bool, level: int = DEFAULT_DEVOLUTION_LEVEL) -> SuffixOrder:
    """The order the Windows DNS client searches, from its effective settings.

    A search list (policy first) is used alone; otherwise the primary suffix, each adapter's
    suffix, then with devolution the parents of the primary suffix that keep at least
    ``level`` labels (2 by default, never fewer). Duplicates (any case, trailing dot) keep
    their first place; a devolved parent already searched as a suffix is not devolved.
    """
    out: list[str] = []
    devolved: list[str] = []
    seen: set[str] = set()

    def add(name: str | None) -> bool:
        clean = (name or "").strip().rstrip(".")
        if clean and clean.lower() not in seen:
            seen.add(clean.lower())
            out.append(clean)
            return True
        return False

    policy = [s for s in (search_list_policy or "").split(",") if s.strip()]
    local = [s for s in (search_list_local or "").split(",") if s.strip()]
    if policy:
        for name in policy:
            add(name)
        return SuffixOrder(ORDER_POLICY, tuple(out), ())
    if local:
        for name in local:
            add(name)
        return SuffixOrder(ORDER_LOCAL, tuple(out), ())
    add(primary)
    for name in adapter_suffixes:
        add(name)
    level = max(DEFAULT_DEVOLUTION_LEVEL, level)
    if devolution and primary and primary.strip().rstrip("."):
        labels = primary.strip().rstrip(".").split(".")
        for i in range(1, len(labels) - level + 1):
            parent = ".".join(labels[i:])
            if add(parent):
                devolved.append(parent)
    return SuffixOrder(ORDER_BUILT, tuple(out), tuple(devolved))


# --------------------------------------------------------------------------- validation


class _Fields:
    """Typed reads of the JSON with a problem per bad field (the value itself never quoted)."""

    def __init__(self) -> None:
        self.problems: list[ReportProblem] = []

    def _get(self, obj: dict, key: str, path: str, kinds: tuple, kind_name: str, required: bool,
             nullable: bool) -> Any:
        if not isinstance(obj, dict):
            return None
        if key not in obj:
            if required:
                self.problems.append(ReportProblem(path, MISSING))
            return None
        value = obj[key]
        if value is None and nullable:
            return None
        if isinstance(value, bool) and bool not in kinds or not isinstance(value, kinds):
            self.problems.append(ReportProblem(path, WRONG_TYPE, {"expected": kind_name}))
            return None
        return value

    def text(self, obj: dict, key: str, path: str, required: bool = False, limit: int = MAX_NAME,
             one_line: bool = False) -> str | None:
        # The usual case first, in one step: a text within its limit (a thousand reports
        # are read for one rollout, each with some sixty fields).
        value = obj.get(key) if type(obj) is dict else None
        if type(value) is str and len(value) <= limit and not (one_line and _CONTROL.search(value)):
            return value
        value = self._get(obj, key, path, (str,), "text", required, nullable=not required)
        if value is None:
            return None
        if len(value) > limit:
            self.problems.append(ReportProblem(path, TOO_LONG, {"limit": limit}))
            return None
        if one_line and _CONTROL.search(value):
            self.problems.append(ReportProblem(path, CONTROL_CHARACTERS))
            return None
        return value

    def flag(self, obj: dict, key: str, path: str) -> bool | None:
        value = obj.get(key) if type(obj) is dict else None
        if value is None or type(value) is bool:
            return value
        return self._get(obj, key, path, (bool,), "true/false", False, nullable=True)

    def number(self, obj: dict, key: str, path: str) -> int | None:
        value = obj.get(key) if type(obj) is dict else None
        if value is None or type(value) is int and -(1 << 32) < value < (1 << 32):
            return value
        value = self._get(obj, key, path, (int,), "a whole number", False, nullable=True)
        if value is not None and not -(1 << 32) < value < (1 << 32):
            self.problems.append(ReportProblem(path, WRONG_TYPE, {"expected": "a whole number"}))
            return None
        return value

    def section(self, obj: dict, key: str, path: str, required: bool = True) -> dict:
        value = obj.get(key) if type(obj) is dict else None
        if type(value) is dict:
            return value
        value = self._get(obj, key, path, (dict,), "object", required, nullable=not required)
        return value if isinstance(value, dict) else {}

    def items(self, obj: dict, key: str, path: str, kind: type, kind_name: str) -> list:
        value = obj.get(key) if type(obj) is dict else None
        if value is None:
            return []
        if type(value) is list and len(value) <= MAX_ITEMS and all(type(item) is kind for item in value):
            return value  # JSON's own types: no subclass, no bool
        value = self._get(obj, key, path, (list,), "list", False, nullable=True)
        if value is None:
            return []
        if len(value) > MAX_ITEMS:
            self.problems.append(ReportProblem(path, TOO_MANY, {"limit": MAX_ITEMS}))
            return []
        good = []
        for i, item in enumerate(value):
            if isinstance(item, kind) and not isinstance(item, bool):
                good.append(item)
            else:
                self.problems.append(ReportProblem(f"{path}[{i}]", WRONG_TYPE, {"expected": kind_name}))
        return good


@functools.lru_cache(maxsize=4096)
def _domain_or_none(name: str) -> str | None:
    """The DNS name of a suffix, or None. Remembered: the consoles of one customer share
    their few suffixes, and a rollout reads thousands of reports."""
    try:
        return kms.normalise_domain(name)
    except kms.UsageError:
        return None


@functools.lru_cache(maxsize=4096)
def _address_or_none(text: str) -> str | None:
    """A DNS server's address in its usual form, or None (remembered, like the suffixes)."""
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None


def from_json(data: Any, file: str | None = None) -> ConsoleReport:
    """Validate a parsed report; raises ConsoleReportError listing every problem."""
    if not isinstance(data, dict):
        raise ConsoleReportError([ReportProblem("", NOT_OBJECT)])
    if data.get("schema") != SCHEMA:
        raise ConsoleReportError([ReportProblem("schema", WRONG_SCHEMA, {"expected": SCHEMA})])
    texts = _texts_within(data, MAX_DEPTH)
    if texts is None:
        raise ConsoleReportError([ReportProblem("", TOO_DEEP, {"limit": MAX_DEPTH})])
    notes: list[ReportProblem] = []
    # All of the report's texts at once first: where they cannot hold a key between them,
    # no text of it can (the usual report: masked before it was written, or no key at all).
    if product_key.could_hold_key_in_texts(texts):
        data = _mask_tree(data, "", notes)
    f = _Fields()

    computer = f.section(data, "computer", "computer")
    name = f.text(computer, "name", "computer.name", one_line=True, limit=255)
    wmi_name = f.text(computer, "wmi_name", "computer.wmi_name", one_line=True, limit=255)
    domain = f.text(computer, "domain", "computer.domain", one_line=True, limit=255)
    part_of_domain = f.flag(computer, "part_of_domain", "computer.part_of_domain")
    computer_name = (name or "").strip() or (wmi_name or "").strip()
    if computer and not computer_name and not any(p.field.startswith("computer.") for p in f.problems):
        f.problems.append(ReportProblem("computer.name", MISSING))

    os_info = f.section(data, "os", "os", required=False)
    os_caption = f.text(os_info, "caption", "os.caption", one_line=True)
    os_version = f.text(os_info, "version", "os.version", one_line=True)

    collected_at = f.text(data, "collected_at", "collected_at", required=True, one_line=True, limit=64)
    if collected_at is not None:
        try:
            moment = datetime.fromisoformat(collected_at)
        except ValueError:
            f.problems.append(ReportProblem("collected_at", BAD_TIME))
            collected_at = None
        else:
            if moment.tzinfo is None:
                notes.append(ReportProblem("collected_at", NO_UTC_OFFSET))
    elevated = f.flag(data, "elevated", "elevated")

    dns = f.section(data, "dns", "dns")
    primary = f.text(dns, "primary_suffix", "dns.primary_suffix", one_line=True)
    nv_domain = f.text(dns, "nv_domain", "dns.nv_domain", one_line=True)
    policy = f.text(dns, "search_list_policy", "dns.search_list_policy", one_line=True, limit=4096)
    local = f.text(dns, "search_list_local", "dns.search_list_local", one_line=True, limit=4096)
    devolution = f.flag(dns, "devolution", "dns.devolution")
    devolution_value = f.number(dns, "devolution_value", "dns.devolution_value")
    level_value = f.number(dns, "devolution_level_value", "dns.devolution_level_value")
    policy_section = f.section(dns, "policy", "dns.policy", required=False)
    policy_primary = f.text(policy_section, "primary_suffix", "dns.policy.primary_suffix", one_line=True)
    policy_adapter = f.text(policy_section, "adapter_domain", "dns.policy.adapter_domain", one_line=True)
    policy_servers = f.text(policy_section, "name_server", "dns.policy.name_server", one_line=True, limit=4096)
    policy_list = f.text(policy_section, "search_list", "dns.policy.search_list", one_line=True, limit=4096)
    policy_devolution = f.number(policy_section, "devolution_value", "dns.policy.devolution_value")
    policy_level = f.number(policy_section, "devolution_level", "dns.policy.devolution_level")
    adapters = []
    raw_adapters = f.items(dns, "adapters", "dns.adapters", dict, "object")
    for i, item in enumerate(raw_adapters):
        where = f"dns.adapters[{i}]"
        adapters.append(Adapter(
            f.text(item, "guid", f"{where}.guid", one_line=True),
            f.text(item, "description", f"{where}.description", one_line=True),
            f.text(item, "domain", f"{where}.domain"),
            f.text(item, "dhcp_domain", f"{where}.dhcp_domain"),
            f.text(item, "name_server", f"{where}.name_server", one_line=True),
            f.text(item, "dhcp_name_server", f"{where}.dhcp_name_server", one_line=True),
        ))
    reported = f.items(dns, "effective_suffixes", "dns.effective_suffixes", str, "text")
    servers_reported = f.items(dns, "dns_servers", "dns.dns_servers", str, "text")

    lookups_section = f.section(data, "nslookup", "nslookup", required=False)
    nslookup_path = f.text(lookups_section, "path", "nslookup.path", one_line=True)
    lookups = []
    for i, item in enumerate(f.items(lookups_section, "results", "nslookup.results", dict, "object")):
        where = f"nslookup.results[{i}]"
        suffix = f.text(item, "suffix", f"{where}.suffix", required=True, one_line=True)
        output = f.text(item, "output", f"{where}.output", limit=MAX_OUTPUT)
        timed_out = f.flag(item, "timed_out", f"{where}.timed_out")
        if suffix is not None:
            lookups.append(ConsoleLookup(suffix, _domain_or_none(suffix), output, bool(timed_out)))

    office = f.section(data, "office", "office", required=False)
    ospp_paths = tuple(f.items(office, "ospp_paths", "office.ospp_paths", str, "text"))
    for i, path in enumerate(ospp_paths):
        if len(path) > MAX_NAME or _CONTROL.search(path):
            too_long = len(path) > MAX_NAME
            f.problems.append(ReportProblem(f"office.ospp_paths[{i}]", TOO_LONG if too_long else CONTROL_CHARACTERS,
                                            {"limit": MAX_NAME} if too_long else {}))
    runs: dict[str, list[DstatusRun]] = {"dstatus": [], "dhistorykms": [], "dinstid": []}
    for section in runs:  # dinstid: offline activation's installation IDs, the same shape as a /dstatus run
        for i, item in enumerate(f.items(office, section, f"office.{section}", dict, "object")):
            where = f"office.{section}[{i}]"
            path = f.text(item, "path", f"{where}.path", one_line=True)
            output = f.text(item, "output", f"{where}.output", limit=MAX_OUTPUT)
            runs[section].append(DstatusRun(path or "", output, bool(f.flag(item, "timed_out", f"{where}.timed_out"))))
    dstatus = runs["dstatus"]
    overrides = []
    for i, item in enumerate(f.items(office, "kms_override", "office.kms_override", dict, "object")):
        where = f"office.kms_override[{i}]"
        key = f.text(item, "key", f"{where}.key", one_line=True)
        name_ = f.text(item, "name", f"{where}.name", one_line=True)
        port = f.text(item, "port", f"{where}.port", one_line=True, limit=64)
        overrides.append(KmsOverride(key or "", name_, port))

    collector_problems = []
    for i, item in enumerate(f.items(data, "problems", "problems", dict, "object")):
        code = f.text(item, "code", f"problems[{i}].code", required=True, one_line=True, limit=64)
        detail = f.text(item, "detail", f"problems[{i}].detail", limit=MAX_NAME * 4)
        if code is not None:
            collector_problems.append(CollectorProblem(code, detail))

    if f.problems:
        raise ConsoleReportError(f.problems)

    # The resolver's order again, from the raw facts (group policy over local values), and
    # the collector's for comparison.
    if not (policy or "").strip() and (policy_list or "").strip():
        policy = policy_list
    evidence = order_evidence(policy, local, primary, nv_domain, policy_primary, adapters, policy_adapter,
                              devolution, devolution_value, policy_devolution, level_value, policy_level,
                              policy_servers)
    resolved = resolver_order(policy, local, evidence.primary_suffix, list(evidence.adapter_suffixes),
                              evidence.devolution, evidence.devolution_level)
    source = resolved.source
    suffixes = list(resolved.suffixes)
    # Suffixes from different adapters stand side by side in the order: a key split over two
    # of them is masked there (each half alone was no whole key).
    shown = product_key.mask_keys_in(suffixes)
    if shown != suffixes:
        notes.append(ReportProblem("dns.adapters", KEY_MASKED, {"count": 1}))
    order: list[str] = []
    devolved: list[str] = []
    for i, (suffix, suffix_shown) in enumerate(zip(suffixes, shown)):
        name_ = _domain_or_none(suffix_shown)
        if name_ is None:
            notes.append(ReportProblem(f"dns (suffix {i + 1})", BAD_SUFFIX))
        elif name_ not in order:
            order.append(name_)
            if suffix in resolved.devolved:
                devolved.append(name_)
    reported_order: list[str] = []
    for suffix in reported:
        name_ = _domain_or_none(suffix)
        if name_ is not None and name_ not in reported_order:
            reported_order.append(name_)
    if order != reported_order:
        notes.append(ReportProblem("dns.effective_suffixes", ORDER_DIFFERS))

    servers: list[str] = []
    if evidence.dns_servers_source == FROM_POLICY:  # the policy's servers serve every adapter
        servers_reported = split_list(policy_servers)
    for i, text in enumerate(servers_reported):
        address = _address_or_none(text)
        if address is None:
            notes.append(ReportProblem(f"dns.dns_servers[{i}]", BAD_SERVER))
            continue
        if address not in servers:
            servers.append(address)

    return ConsoleReport(
        file=file, computer=computer_name, collected_at=collected_at, os_caption=os_caption,
        os_version=os_version, domain=domain, part_of_domain=part_of_domain, elevated=elevated,
        primary_suffix=primary, nv_domain=nv_domain, search_list_policy=policy, search_list_local=local,
        devolution=devolution is not False, adapters=tuple(adapters), order_source=source,
        suffix_order=tuple(order), reported_order=tuple(reported_order), dns_servers=tuple(servers),
        nslookup_path=nslookup_path, lookups=tuple(lookups), ospp_paths=ospp_paths, dstatus=tuple(dstatus),
        collector_problems=tuple(collector_problems), notes=tuple(notes), dinstid=tuple(runs["dinstid"]),
        devolved=tuple(devolved), evidence=evidence, dhistorykms=tuple(runs["dhistorykms"]),
        kms_overrides=tuple(overrides),
    )


def order_evidence(search_list_policy: str | None, search_list_local: str | None, primary: str | None,
                   nv_domain: str | None, policy_primary: str | None, adapters: list[Adapter] | tuple,
                   policy_adapter: str | None, devolution: bool | None, devolution_value: int | None,
                   policy_devolution: int | None, level_value: int | None, policy_level: int | None,
                   policy_servers: str | None) -> OrderEvidence:
    """Which value Windows uses for each fact of the suffix order: group policy wins."""
    def given(text: str | None) -> bool:
        return bool((text or "").strip())

    if given(policy_primary):
        primary_suffix, primary_source = policy_primary.strip(), FROM_POLICY
    elif given(primary):
        primary_suffix, primary_source = primary.strip(), FROM_LOCAL
    elif given(nv_domain):
        primary_suffix, primary_source = nv_domain.strip(), FROM_NV_DOMAIN
    else:
        primary_suffix, primary_source = None, None
    if given(policy_adapter):
        adapter_suffixes, adapter_source = (policy_adapter.strip(),), FROM_POLICY
    else:
        picked = (a.domain if given(a.domain) else (a.dhcp_domain or "") for a in adapters)
        adapter_suffixes, adapter_source = tuple(x.strip() for x in picked if x.strip()), FROM_ADAPTERS
    has_policy_list = any(x.strip() for x in (search_list_policy or "").split(","))
    has_local_list = any(x.strip() for x in (search_list_local or "").split(","))
    list_source = FROM_POLICY if has_policy_list else (FROM_LOCAL if has_local_list else None)
    if has_policy_list:
        on, on_source = False, FROM_POLICY_SEARCH_LIST
    elif has_local_list:
        on, on_source = False, FROM_LOCAL_SEARCH_LIST
    elif policy_devolution is not None:
        on, on_source = policy_devolution != 0, FROM_POLICY
    elif devolution_value is not None:
        on, on_source = devolution_value != 0, FROM_LOCAL
    elif devolution is False:  # a report of the first collector: only the local on/off
        on, on_source = False, FROM_LOCAL
    else:
        on, on_source = True, FROM_DEFAULT
    if policy_level is not None:
        level, level_source = policy_level, FROM_POLICY
    elif level_value is not None:
        level, level_source = level_value, FROM_LOCAL
    else:
        level, level_source = DEFAULT_DEVOLUTION_LEVEL, FROM_DEFAULT
    servers_source = FROM_POLICY if split_list(policy_servers) else FROM_ADAPTERS
    return OrderEvidence(primary_suffix, primary_source, adapter_suffixes, adapter_source, list_source, on,
                         on_source, max(DEFAULT_DEVOLUTION_LEVEL, level), level_source, servers_source)


def loads(raw: bytes, file: str | None = None) -> ConsoleReport:
    """Read a report from its bytes; raises ConsoleReportError with every problem found."""
    if len(raw) > MAX_BYTES:
        raise ConsoleReportError([ReportProblem("", TOO_LARGE, {"limit": MAX_BYTES})])
    if not raw.strip(b"\x00\t\r\n \xef\xbb\xbf\xff\xfe"):
        raise ConsoleReportError([ReportProblem("", EMPTY)])
    try:
        text = decode(raw)
    except UnicodeDecodeError as exc:
        params = {"position": exc.start}
        if exc.reason == "truncated data":  # UTF-16 cut at an odd byte: the file ends short
            params["cut_short"] = True
        raise ConsoleReportError([ReportProblem("", ENCODING, params)]) from None
    try:
        data = json.loads(text, parse_constant=_refuse_constant)
    except json.JSONDecodeError as exc:
        raise ConsoleReportError([ReportProblem("", NOT_JSON, {"line": exc.lineno, "column": exc.colno})]) from None
    except RecursionError:  # nested past what the parser follows: far deeper than any report
        raise ConsoleReportError([ReportProblem("", TOO_DEEP, {"limit": MAX_DEPTH})]) from None
    except ValueError:
        raise ConsoleReportError([ReportProblem("", NOT_JSON, {})]) from None
    if _SURROGATE_ESCAPE.search(text):  # a lone \ud800 is no character: U+FFFD, so it can be written again
        data = _without_surrogates(data)
    return from_json(data, file)


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _without_surrogates(value: Any, depth: int = 0) -> Any:
    if isinstance(value, str):
        return activation.without_surrogates(value)
    if depth > MAX_DEPTH:  # refused as too deep by from_json
        return value
    if isinstance(value, dict):
        return {activation.without_surrogates(k): _without_surrogates(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_surrogates(v, depth + 1) for v in value]
    return value


def _refuse_constant(name: str):
    raise ValueError(name)


def check_arguments(report: ConsoleReport) -> tuple[list[str], list[str]]:
    """The console's suffixes in its order and its DNS servers, as ``find_kms_hosts`` takes them."""
    return list(report.suffix_order), list(report.dns_servers)
