"""The console's own answer: the output of ``ospp.vbs /dstatus`` and ``/act``, read into facts.

The text comes pasted, from a file on a USB stick, or from running ``cscript`` here: banners in
the system's language, prompts, blank lines, TAB or space indentation, Windows line ends,
UTF-8 / UTF-16 / GBK. The lines ``ospp.vbs`` prints itself are English on every system, so
they are what is read. Codes and raw values only: ``core.present.activation`` words them.

A key never leaves this module with more than its last five characters: the "last 5" field
keeps exactly five, and any run of key characters long enough to be a whole key, wherever
it appears in the text, is masked before it is kept.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import Iterable

# The one key masker, in its stricter form for what ospp.vbs prints: every run of 25 key
# characters is cut to its last five, an N or not (re-exported: ospp_run takes it from here).
from srs_wizard.core.product_key import mask_key_runs

MAX_BYTES = 1024 * 1024  # an ospp.vbs answer is a few kB; anything this big is not one
MAX_PRODUCTS = 64  # a console has a handful; more are kept out of the table and the record

# Verdicts for the product that matters here.
LICENSED = "licensed"
GRACE = "grace"          # a key is installed, not activated (yet)
ERROR = "error"          # a failing error code
NO_KEY = "no_key"
NOT_FOUND = "not_found"  # no Office 15 product in the text
UNREADABLE = "unreadable"
VERDICTS = (LICENSED, GRACE, ERROR, NO_KEY, NOT_FOUND, UNREADABLE)

# Channels, from the license description (and the license name as a fallback).
KMS_CLIENT = "kms_client"
MAK = "mak"
RETAIL = "retail"
OTHER = "other"
CHANNELS = (KMS_CLIENT, MAK, RETAIL, OTHER)

SOURCE_DSTATUS = "dstatus"
SOURCE_ACT = "act"

LYNC_2013_SKUS = frozenset({
    "1b9f11e3-c85c-4e1b-bb29-879ad2c909e3",  # Lync 2013 KMS client (what the GVLK installs)
    "e1264e10-afaf-4439-a98b-256df8bb156f",  # Lync 2013 MAK
})

# The license states /dstatus prints between dashes.
STATUSES = ("LICENSED", "UNLICENSED", "OOB_GRACE", "OOT_GRACE", "NON_GENUINE_GRACE", "NOTIFICATIONS",
            "EXTENDED GRACE")

# Codes that are informational when they come with a status (severity bits 01).
INFORMATIONAL_GRACE = "0x4004F00C"    # running in the grace period: not activated yet
INFORMATIONAL_LICENSED = "0x4004F040"  # activated; verify product use rights

_LAST5 = re.compile(r"^[A-Za-z0-9]{5}$")
_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_CODE = re.compile(r"0x[0-9A-Fa-f]{1,8}\b")
_HOST_PORT = re.compile(r"^\[?[A-Za-z0-9._:\-\[\]%]+?\]?(?::\d{1,5})?$")
_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z0-9 ()\-/]*?)\s*:\s?(.*)$")
_MINUTES = re.compile(r"(\d+)\s*minute", re.IGNORECASE)
_DAYS = re.compile(r"(\d+)\s*day", re.IGNORECASE)
_MAX_FIELD = 300
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")  # not TAB, LF, VT, FF, CR


def _clean(value: str) -> str:
    value = mask_key_runs(value.strip())
    return value[:_MAX_FIELD]


# --------------------------------------------------------------------------- decoding


def decode_output(data: bytes) -> str:
    """Bytes of an ospp.vbs answer as text: a BOM decides; else UTF-16 by its zero bytes,
    UTF-8, then GBK (a Chinese console's OEM code page), then Latin-1, which never fails."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8", errors="replace")
    if data.startswith(codecs.BOM_UTF16_LE):
        return data[2:].decode("utf-16-le", errors="replace")
    if data.startswith(codecs.BOM_UTF16_BE):
        return data[2:].decode("utf-16-be", errors="replace")
    sample = data[:4096]
    if len(sample) >= 4:
        even_zeros = sample[0::2].count(0)
        odd_zeros = sample[1::2].count(0)
        half = len(sample) // 2
        if odd_zeros > half * 0.3 and even_zeros < half * 0.05:
            return data.decode("utf-16-le", errors="replace")
        if even_zeros > half * 0.3 and odd_zeros < half * 0.05:
            return data.decode("utf-16-be", errors="replace")
    for encoding in ("utf-8", "gbk"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def looks_binary(text: str) -> bool:
    """Text with zero bytes or many control characters is not the output of a console."""
    if not text:
        return False
    sample = text[:65536]
    if "\x00" in sample:
        return True
    bad = len(_CONTROL.findall(sample))
    return bad > max(8, len(sample) // 50)


# --------------------------------------------------------------------------- the facts


@dataclass(frozen=True)
class Product:
    """One product block of /dstatus or /act, raw values only."""

    source: str                       # "dstatus" or "act"
    sku_id: str | None = None
    license_name: str | None = None
    description: str | None = None
    channel: str = OTHER
    status: str | None = None         # LICENSED, OOB_GRACE ... (dstatus only)
    error_code: str | None = None     # 0xC004F074, upper-case hex after 0x
    informational: bool | None = None  # the code is "for information purposes only"
    error_description: str | None = None
    grace_minutes: int | None = None
    last5: str | None = None
    kms_dns_host: str | None = None   # host:port, from "KMS machine name from DNS"
    kms_override: str | None = None   # host:port, from "KMS machine registry override defined"
    kms_name_not_available: bool = False
    activation_interval: int | None = None  # minutes
    renewal_interval: int | None = None     # minutes
    activated: bool | None = None     # /act: "<Product activation successful>" or an error

    @property
    def is_office15(self) -> bool:
        return bool(self.license_name and self.license_name.lower().startswith("office 15"))

    @property
    def is_lync(self) -> bool:
        if self.sku_id and self.sku_id.lower() in LYNC_2013_SKUS:
            return True
        return bool(self.license_name and "lync" in self.license_name.lower())

    @property
    def failing_code(self) -> str | None:
        return self.error_code if self.error_code and not self.informational else None

    @property
    def kms_host(self) -> str | None:
        """The KMS host this product uses: the registry override wins over DNS."""
        return self.kms_override or self.kms_dns_host

    def to_json(self) -> dict:
        return {
            "source": self.source, "sku_id": self.sku_id, "license_name": self.license_name,
            "description": self.description, "channel": self.channel, "status": self.status,
            "error_code": self.error_code, "informational": self.informational,
            "error_description": self.error_description, "grace_minutes": self.grace_minutes,
            "last5": self.last5, "kms_dns_host": self.kms_dns_host, "kms_override": self.kms_override,
            "kms_name_not_available": self.kms_name_not_available,
            "activation_interval": self.activation_interval, "renewal_interval": self.renewal_interval,
            "activated": self.activated,
        }

    @classmethod
    def from_json(cls, data: dict) -> "Product":
        """A product from a record (validated there); a key field is clipped again."""
        last5 = data.get("last5")
        if not (isinstance(last5, str) and _LAST5.match(last5)):
            last5 = None

        def text(name):
            value = data.get(name)
            return _clean(value) if isinstance(value, str) else None

        def number(name):
            value = data.get(name)
            return value if isinstance(value, int) and not isinstance(value, bool) else None

        def flag(name):
            value = data.get(name)
            return value if isinstance(value, bool) else None

        return cls(
            source=data.get("source") if data.get("source") in (SOURCE_DSTATUS, SOURCE_ACT) else SOURCE_DSTATUS,
            sku_id=text("sku_id"), license_name=text("license_name"), description=text("description"),
            channel=data.get("channel") if data.get("channel") in CHANNELS else OTHER,
            status=text("status"), error_code=text("error_code"), informational=flag("informational"),
            error_description=text("error_description"), grace_minutes=number("grace_minutes"),
            last5=last5.upper() if last5 else None, kms_dns_host=text("kms_dns_host"),
            kms_override=text("kms_override"), kms_name_not_available=bool(data.get("kms_name_not_available")),
            activation_interval=number("activation_interval"), renewal_interval=number("renewal_interval"),
            activated=flag("activated"),
        )


@dataclass(frozen=True)
class StatusReport:
    verdict: str
    product: Product | None            # the product that matters (Lync 2013, else the suite)
    products: tuple[Product, ...] = ()
    error_code: str | None = None      # the failing code behind an "error" verdict
    general_errors: tuple[str, ...] = ()  # codes printed outside any product (access denied ...)
    no_key_line: bool = False          # "<No installed product keys detected>"
    has_dstatus: bool = False
    has_act: bool = False

    @property
    def kms_host(self) -> str | None:
        return self.product.kms_host if self.product else None

    @property
    def override(self) -> bool | None:
        if self.product is None or self.product.channel != KMS_CLIENT:
            return None
        return self.product.kms_override is not None

    def to_json(self) -> dict:
        return {
            "verdict": self.verdict,
            "product": self.product.to_json() if self.product else None,
            "products": [p.to_json() for p in self.products],
            "error_code": self.error_code,
        }


def normalise_code(text: str) -> str | None:
    match = _CODE.search(text)
    if not match:
        return None
    digits = match.group(0)[2:].upper().rjust(8, "0")
    return "0x" + digits


def is_informational(code: str) -> bool:
    """HRESULT severity 01 (0x4...): a code "for information purposes only", not a failure."""
    try:
        return (int(code, 16) >> 30) == 1
    except ValueError:
        return False


def _channel(description: str | None, name: str | None) -> str:
    text = f"{description or ''} {name or ''}".upper()
    if "KMSCLIENT" in text or "KMS_CLIENT" in text:
        return KMS_CLIENT
    if "MAK" in text:
        return MAK
    if "RETAIL" in text:
        return RETAIL
    return OTHER


def _host_port(value: str) -> str | None:
    value = value.strip()
    if not value or " " in value or not _HOST_PORT.match(value):
        return None
    return _clean(value.rstrip(".").lower())


def _minutes(value: str) -> int | None:
    match = _MINUTES.search(value)
    if match:
        return int(match.group(1))
    match = _DAYS.search(value)
    if match:
        return int(match.group(1)) * 1440
    return None


class _Block:
    def __init__(self, source: str):
        self.source = source
        self.fields: dict = {}
        self.explicit_act = source == SOURCE_ACT

    def product(self) -> Product:
        f = self.fields
        code = f.get("error_code")
        source = SOURCE_ACT if (self.explicit_act and "status" not in f) or f.get("activated") else SOURCE_DSTATUS
        activated = None
        if source == SOURCE_ACT:
            activated = True if f.get("activated") else (False if code else None)
        return Product(
            source=source, sku_id=f.get("sku_id"), license_name=f.get("license_name"),
            description=f.get("description"), channel=_channel(f.get("description"), f.get("license_name")),
            status=f.get("status"), error_code=code,
            informational=is_informational(code) if code else None,
            error_description=f.get("error_description"), grace_minutes=f.get("grace_minutes"),
            last5=f.get("last5"), kms_dns_host=f.get("kms_dns_host"), kms_override=f.get("kms_override"),
            kms_name_not_available=bool(f.get("kms_name_not_available")),
            activation_interval=f.get("activation_interval"), renewal_interval=f.get("renewal_interval"),
            activated=activated,
        )


def _lines(text: str) -> Iterable[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def parse_products(text: str) -> tuple[list[Product], list[str], bool, bool, bool]:
    """Products, codes outside any product, and whether the text held the no-key line,
    a /dstatus and an /act."""
    products: list[Product] = []
    general: list[str] = []
    block: _Block | None = None
    pending_act = False
    no_key = has_dstatus = has_act = False

    def close() -> None:
        nonlocal block
        if block is not None:
            products.append(block.product())
        block = None

    for raw_line in _lines(text):
        line = raw_line.replace("\ufeff", "").strip()
        if not line:
            continue
        lower = line.lower()
        if set(line) <= {"-"} and len(line) >= 5:
            continue  # block separators: a new block starts at its SKU ID line
        if lower.startswith("---processing") or lower.startswith("---exiting"):
            close()
            pending_act = False
            continue
        if "attempting to activate" in lower:
            close()
            pending_act = has_act = True
            continue
        if "<no installed product keys detected>" in lower:
            close()
            no_key = True
            continue
        if "<product activation successful>" in lower:
            if block is not None:
                block.fields["activated"] = True
                block.explicit_act = True
            has_act = True
            continue
        match = _LINE.match(line)
        if not match:
            continue
        key, value = match.group(1).strip().lower(), match.group(2).strip()
        if key == "sku id":
            close()
            block = _Block(SOURCE_ACT if pending_act else SOURCE_DSTATUS)
            pending_act = False
            if _GUID.match(value):
                block.fields["sku_id"] = value.lower()
            continue
        if key == "error code":
            code = normalise_code(value)
            if code is None:
                continue
            if block is None:
                general.append(code)
            else:
                block.fields["error_code"] = code
            continue
        if block is None:
            continue
        f = block.fields
        if key == "license name":
            f["license_name"] = _clean(value)
        elif key == "license description":
            f["description"] = _clean(value)
        elif key == "license status":
            status = value.strip().strip("-").strip().upper()
            if status:
                f["status"] = _clean(status)
                has_dstatus = True
        elif key == "error description":
            f["error_description"] = _clean(value)
        elif key == "remaining grace":
            f["grace_minutes"] = _minutes(value)
        elif key.startswith("last 5 characters of installed product key"):
            if _LAST5.match(value):
                f["last5"] = value.upper()  # anything longer is dropped, never clipped
        elif key == "kms machine name from dns":
            f["kms_dns_host"] = _host_port(value)
        elif key == "kms machine registry override defined":
            f["kms_override"] = _host_port(value)
        elif key == "dns auto-discovery":
            if "not available" in value.lower():
                f["kms_name_not_available"] = True
        elif key == "activation interval":
            f["activation_interval"] = _minutes(value)
        elif key == "renewal interval":
            f["renewal_interval"] = _minutes(value)
    close()
    return products, general, no_key, has_dstatus, has_act


def _matters(products: list[Product]) -> Product | None:
    """Lync 2013 first (its /dstatus block over its /act block), else the Office 15 suite."""
    def best(candidates: list[Product]) -> Product | None:
        status = [p for p in candidates if p.source == SOURCE_DSTATUS]
        return (status or candidates or [None])[-1]

    lync = [p for p in products if p.is_lync and (p.is_office15 or p.license_name is None
                                                  or (p.sku_id or "") in LYNC_2013_SKUS)]
    if lync:
        return best(lync)
    suite_words = ("proplus", "standard", "professional", "mondo", "homebusiness", "homestudent")
    office = [p for p in products if p.is_office15]
    suite = [p for p in office if any(w in (p.license_name or "").lower().replace(" ", "") for w in suite_words)]
    return best(suite) or best(office)


def _act_for(product: Product, products: list[Product]) -> Product | None:
    """The last /act block for the same product, when there is one."""
    def same(p: Product) -> bool:
        return (p.sku_id == product.sku_id) if p.sku_id else p.license_name == product.license_name

    acts = [p for p in products if p.source == SOURCE_ACT and same(p)]
    return acts[-1] if acts else None


def read_status(text: str) -> StatusReport:
    """Read pasted or saved ospp.vbs output; never raises on any text."""
    if not isinstance(text, str) or not text.strip() or looks_binary(text):
        return StatusReport(UNREADABLE, None)
    products, general, no_key, has_dstatus, has_act = parse_products(text)
    product = _matters(products)
    kept = products[:MAX_PRODUCTS]
    if product is not None and product not in kept:
        kept.append(product)
    common = dict(products=tuple(kept), general_errors=tuple(general[:MAX_PRODUCTS]), no_key_line=no_key,
                  has_dstatus=has_dstatus, has_act=has_act)
    if product is None:
        failing = [c for c in general if not is_informational(c)]
        if failing:  # e.g. access denied, service stopped: nothing could be listed
            return StatusReport(ERROR, None, error_code=failing[-1], **common)
        if no_key:
            return StatusReport(NO_KEY, None, **common)
        if products or has_dstatus or has_act or _looks_like_ospp(text):
            return StatusReport(NOT_FOUND, None, **common)
        return StatusReport(UNREADABLE, None, **common)
    act = _act_for(product, products) if product.source == SOURCE_DSTATUS else None
    if product.source == SOURCE_DSTATUS and product.status == "LICENSED":
        return StatusReport(LICENSED, product, **common)
    if product.source == SOURCE_ACT and product.activated:
        return StatusReport(LICENSED, product, **common)
    code = product.failing_code or (act.failing_code if act else None)
    if code:
        return StatusReport(ERROR, product, error_code=code, **common)
    if product.source == SOURCE_DSTATUS and product.status is None and product.last5 is None:
        return StatusReport(NO_KEY, product, **common)
    return StatusReport(GRACE, product, **common)


def _looks_like_ospp(text: str) -> bool:
    lower = text.lower()
    return any(marker in lower for marker in ("---processing", "---exiting", "ospp.vbs", "sku id:",
                                              "license name:", "office software protection"))


def read_bytes(data: bytes) -> StatusReport:
    if len(data) > MAX_BYTES:
        return StatusReport(UNREADABLE, None)
    return read_status(decode_output(data))


# --------------------------------------------------------------------------- checks


def key_matches(report: StatusReport, expected_last5: str | None) -> bool | None:
    """Does the installed key of the product that matters end like the MAK? ``None`` when
    there is nothing to compare (no MAK known, or no key shown)."""
    if not expected_last5 or report.product is None or not report.product.last5:
        return None
    expected = "".join(c for c in expected_last5 if c.isalnum())[-5:].upper()
    if len(expected) != 5:
        return None
    return report.product.last5.upper() == expected


# What the KMS host the console reports says, compared with the KMS check.
HOST_NONE = "none"                # no KMS host reported (not a KMS client, or nothing found yet)
HOST_EXPECTED = "expected"        # one of the customer's hosts
HOST_FOUND = "found"              # one of the hosts the KMS check found in DNS
HOST_UNEXPECTED = "unexpected"    # not among the customer's hosts: a rogue, or a wrong override
HOST_NOT_IN_DNS = "not_in_dns"    # not among the hosts the check found (no expected list)
HOST_UNKNOWN = "unknown"          # nothing to compare with


@dataclass(frozen=True)
class KmsHostCheck:
    host: str | None        # host:port as the console reports it
    override: bool | None   # a registry override (DNS discovery off until /remhst)
    code: str
    name_not_available: bool = False


def _host_name(host_port: str) -> str:
    text = host_port.strip().lower().rstrip(".")
    if text.startswith("[") and "]" in text:
        return text[1:text.index("]")]
    if text.count(":") == 1:
        text = text.split(":")[0]
    return text.rstrip(".")


def _same_host(name: str, other: str) -> bool:
    other = _host_name(other)
    return bool(other) and (name == other or name.split(".")[0] == other or other.split(".")[0] == name)


def compare_kms_host(report: StatusReport, found: Iterable[str] = (), expected: Iterable[str] = ()) -> KmsHostCheck:
    """The KMS host the console uses, against the hosts the KMS check found and the ones
    the customer said it runs."""
    product = report.product
    found, expected = [f for f in found if f], [x for x in expected if x and x.strip()]
    if product is None or not product.kms_host:
        return KmsHostCheck(None, report.override, HOST_NONE,
                            bool(product and product.kms_name_not_available))
    name = _host_name(product.kms_host)
    override = product.kms_override is not None
    if expected:
        code = HOST_EXPECTED if any(_same_host(name, x) for x in expected) else HOST_UNEXPECTED
    elif found:
        code = HOST_FOUND if any(_same_host(name, x) for x in found) else HOST_NOT_IN_DNS
    else:
        code = HOST_UNKNOWN
    return KmsHostCheck(product.kms_host, override, code, product.kms_name_not_available)


@dataclass(frozen=True)
class ActivationResult:
    """What the wizard records: the report, where it came from, and the checks."""

    source: str | None            # "pasted", "file", "ran"
    checked_at: str | None        # ISO 8601 with offset
    report: StatusReport
    key_matches: bool | None = None
    host_check: KmsHostCheck | None = None

    def to_json(self) -> dict:
        host = self.host_check
        return {
            "source": self.source,
            "checked_at": self.checked_at,
            "verdict": self.report.verdict,
            "error_code": self.report.error_code,
            "product": self.report.products.index(self.report.product) if self.report.product else None,
            "products": [p.to_json() for p in self.report.products],
            "key_matches": self.key_matches,
            "kms_host": host.host if host else self.report.kms_host,
            "override": host.override if host else self.report.override,
            "kms_host_check": host.code if host else None,
        }


SOURCES = ("pasted", "file", "ran")


def result_from_json(data: dict) -> ActivationResult:
    """A recorded check, back as facts (for the summary and the PDF)."""
    products = tuple(Product.from_json(p) for p in data.get("products") or [] if isinstance(p, dict))
    index = data.get("product")
    product = products[index] if isinstance(index, int) and not isinstance(index, bool) \
        and 0 <= index < len(products) else None
    verdict = data.get("verdict") if data.get("verdict") in VERDICTS else UNREADABLE
    code = data.get("error_code")
    report = StatusReport(verdict, product, products, error_code=code if isinstance(code, str) else None)
    host = data.get("kms_host")
    override = data.get("override")
    check_code = data.get("kms_host_check")
    host_check = KmsHostCheck(host if isinstance(host, str) else None,
                              override if isinstance(override, bool) else None,
                              check_code if isinstance(check_code, str) else HOST_UNKNOWN)
    matches = data.get("key_matches")
    source = data.get("source")
    checked = data.get("checked_at")
    return ActivationResult(source if source in SOURCES else None, checked if isinstance(checked, str) else None,
                            report, matches if isinstance(matches, bool) else None, host_check)
