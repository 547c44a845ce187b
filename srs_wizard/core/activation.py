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

import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable

from srs_wizard.core import text as text_mod

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

# ospp.vbs run without administrator rights: "Access is denied" (no answer about the license).
ACCESS_DENIED = "0x80070005"
SOURCE_DSTATUS = "dstatus"
SOURCE_ACT = "act"
SOURCE_ACTCID = "actcid"  # ospp.vbs /actcid: a confirmation ID deposited (offline activation)
_SOURCES = (SOURCE_DSTATUS, SOURCE_ACT, SOURCE_ACTCID)

LYNC_2013_SKUS = frozenset({
    "1b9f11e3-c85c-4e1b-bb29-879ad2c909e3",  # Lync 2013 KMS client (what the GVLK installs)
    "e1264e10-afaf-4439-a98b-256df8bb156f",  # Lync 2013 MAK
})

# The license states /dstatus prints between dashes.
STATUSES = ("LICENSED", "UNLICENSED", "OOB_GRACE", "OOT_GRACE", "NON_GENUINE_GRACE", "NOTIFICATIONS",
            "EXTENDED GRACE", "UNKNOWN")
UNKNOWN_STATUS = "UNKNOWN"  # ospp.vbs prints " ---UNKNOWN--- " for a state it has no name for

# How the product may activate (Activation Type Configuration; AD only on Windows 8 and
# later), and how it last did (Most recent successful activation client information).
ACTIVATION_TYPES = ("AD", "KMS", "TOKEN", "ALL")
LAST_ACTIVATION_AD = "AD"

# Codes that are informational when they come with a status (severity bits 01).
INFORMATIONAL_GRACE = "0x4004F00C"    # running in the grace period: not activated yet
INFORMATIONAL_LICENSED = "0x4004F040"  # activated; verify product use rights

_LAST5 = re.compile(r"^[A-Za-z0-9]{5}$")
_GUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_CODE = re.compile(r"(?<![0-9A-Za-z])0[xX]([0-9A-Fa-f]{1,8})(?![0-9A-Za-z])")
_BARE_HEX = re.compile(r"(?<![0-9A-Za-z])([0-9A-Fa-f]{8})(?![0-9A-Za-z])")
# In decimal, a failure or information code (0x40000000 and up, or negative) has ten digits.
_DECIMAL = re.compile(r"(?<![0-9A-Za-z.\-])(-?[0-9]{10})(?![0-9A-Za-z.])")
_MAX_CODE_TEXT = 200  # an error code line's value is short; what follows is not read
_HOST_PORT = re.compile(r"^\[?[A-Za-z0-9._:\-\[\]%]+?\]?(?::\d{1,5})?$")
# A line's label: what stands before its first colon. Matched on its own (no lazy group
# racing a run of spaces for the colon), so a long line without a colon is read in one pass.
_LABEL = re.compile(r"[A-Za-z][A-Za-z0-9 ()\-/]*")
# A number starts after a non-digit: one attempt per run of digits, not one per digit.
_MINUTES = re.compile(r"(?<!\d)(\d+)\s*minute", re.IGNORECASE)
_DAYS = re.compile(r"(?<!\d)(\d+)\s*day", re.IGNORECASE)
_MAX_FIELD = 300
_MAX_LINE = 2000  # characters of a line that are read (ospp.vbs's longest are about 300)
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\ufffd]")  # not TAB, LF, VT, FF, CR


_SURROGATE = re.compile("[\ud800-\udfff]")


def without_surrogates(text: str) -> str:
    """``text`` with each lone surrogate (JSON's ``\\ud800``, which is no character) replaced
    by U+FFFD, so that what was read can always be written out again."""
    if text.isascii():
        return text
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def _clean(value: str) -> str:
    value = mask_key_runs(value.strip())
    return value[:_MAX_FIELD]


# --------------------------------------------------------------------------- decoding


def decode_output(data: bytes) -> str:
    """Bytes of an ospp.vbs answer as text: a BOM decides; else UTF-16 by its zero bytes,
    UTF-8, then GBK (a Chinese console's OEM code page), then Latin-1, which never fails."""
    return text_mod.decode_lenient(data, ("utf-8", "gbk"))


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
    activation_type: str | None = None    # "AD", "KMS", "TOKEN", "ALL" (Activation Type Configuration)
    # Windows 8 and later only (a Windows 7 console prints none of these):
    kms_lookup_domain: str | None = None  # the domain its KMS client looks in (KMS Lookup Domain)
    last_activation: str | None = None    # "AD" after an activation through Active Directory
    ad_object_name: str | None = None     # Activation Object name
    ad_object_dn: str | None = None       # AO DN
    ad_extended_pid: str | None = None    # AO extended PID
    ad_activation_id: str | None = None   # AO activation ID

    @property
    def is_office15(self) -> bool:
        return bool(self.license_name and self.license_name.lower().startswith("office 15"))

    @property
    def is_lync(self) -> bool:
        if self.sku_id and self.sku_id.lower() in LYNC_2013_SKUS:
            return True
        return bool(self.license_name and "lync" in self.license_name.lower())

    @property
    def activated_by_ad(self) -> bool:
        """Activated through Active Directory (Windows 8 and later; never on Windows 7)."""
        return self.last_activation == LAST_ACTIVATION_AD

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
            "activation_type": self.activation_type, "kms_lookup_domain": self.kms_lookup_domain,
            "last_activation": self.last_activation, "ad_object_name": self.ad_object_name,
            "ad_object_dn": self.ad_object_dn, "ad_extended_pid": self.ad_extended_pid,
            "ad_activation_id": self.ad_activation_id,
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
            source=data.get("source") if data.get("source") in _SOURCES else SOURCE_DSTATUS,
            sku_id=text("sku_id"), license_name=text("license_name"), description=text("description"),
            channel=data.get("channel") if data.get("channel") in CHANNELS else OTHER,
            status=text("status"), error_code=text("error_code"), informational=flag("informational"),
            error_description=text("error_description"), grace_minutes=number("grace_minutes"),
            last5=last5.upper() if last5 else None, kms_dns_host=text("kms_dns_host"),
            kms_override=text("kms_override"), kms_name_not_available=bool(data.get("kms_name_not_available")),
            activation_interval=number("activation_interval"), renewal_interval=number("renewal_interval"),
            activated=flag("activated"), activation_type=text("activation_type"),
            kms_lookup_domain=text("kms_lookup_domain"), last_activation=text("last_activation"),
            ad_object_name=text("ad_object_name"), ad_object_dn=text("ad_object_dn"),
            ad_extended_pid=text("ad_extended_pid"), ad_activation_id=text("ad_activation_id"),
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
    """An error code as ``0xC004F074`` from any form ospp.vbs or a person writes it: ``0x`` or
    ``0X``, upper or lower case, full-width characters, a bare eight-digit hex code, or the
    number in decimal, signed (-1073418124) or not (3221549172)."""
    text = unicodedata.normalize("NFKC", text[:_MAX_CODE_TEXT])
    match = _CODE.search(text)
    if match:
        return "0x" + match.group(1).upper().rjust(8, "0")
    match = _BARE_HEX.search(text)
    if match:
        return "0x" + match.group(1).upper()
    match = _DECIMAL.search(text)
    if match:
        number = int(match.group(1))
        if -(1 << 31) <= number < (1 << 32):
            return f"0x{number & 0xFFFFFFFF:08X}"
    return None


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
            activated=activated, activation_type=f.get("activation_type"),
            kms_lookup_domain=f.get("kms_lookup_domain"), last_activation=f.get("last_activation"),
            ad_object_name=f.get("ad_object_name"), ad_object_dn=f.get("ad_object_dn"),
            ad_extended_pid=f.get("ad_extended_pid"), ad_activation_id=f.get("ad_activation_id"),
        )


def _lines(text: str) -> Iterable[str]:
    return text.replace("\r\n", "\n").replace("\r", "\n").split("\n")


def _labelled(line: str) -> tuple[str, str] | None:
    """(label in lower case, value) of a ``Label: value`` line, or None.

    The label is everything before the first colon, so finding it is one scan of the line.
    """
    before, colon, after = line.partition(":")
    if not colon:
        return None
    label = before.strip()
    if not _LABEL.fullmatch(label):
        return None
    return label.lower(), after.strip()


# The Active Directory activation block (Windows 8 and later), TAB-indented under
# "Most recent successful activation client information: AD"; no KMS lines follow it.
_KMS_HOST_LINES = frozenset({"kms machine name from dns", "kms machine registry override defined",
                             "dns auto-discovery"})
_AD_LINES = {
    "activation object name": "ad_object_name",
    "ao dn": "ad_object_dn",
    "ao extended pid": "ad_extended_pid",
    "ao activation id": "ad_activation_id",
}


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

    boms = "\ufeff" in text
    for raw_line in _lines(text):
        # Only the start of a line is read: ospp.vbs's lines are short, and a bounded line
        # keeps every step after this one bounded, whatever a pasted megabyte holds. (A short
        # line without a byte order mark is the same stripped at once: one step, not four.)
        line = raw_line.strip()
        if boms or len(line) > _MAX_LINE:
            line = raw_line.lstrip()[:_MAX_LINE].replace("\ufeff", "").strip()
        if not line:
            continue
        lower = line.lower()
        if not line.strip("-") and len(line) >= 5:
            continue  # block separators: a new block starts at its SKU ID line
        if lower.startswith(("---processing", "---exiting")):
            close()
            pending_act = False
            continue
        if "attempting to activate" in lower:
            close()
            pending_act = has_act = True
            continue
        if "<" not in lower:
            pass
        elif "<no installed product keys detected>" in lower:
            close()
            no_key = True
            continue
        elif "<product activation successful>" in lower:
            if block is not None:
                block.fields["activated"] = True
                block.explicit_act = True
            has_act = True
            continue
        labelled = _labelled(line)
        if labelled is None:
            continue
        key, value = labelled
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
        elif key in _KMS_HOST_LINES and f.get("last_activation") == LAST_ACTIVATION_AD:
            continue  # activated through Active Directory: ospp.vbs prints no KMS host after it
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
        elif key == "activation type configuration":
            kind = value.split()[0].upper() if value.split() else ""
            if kind in ACTIVATION_TYPES:
                f["activation_type"] = kind
        elif key == "kms lookup domain":
            domain = _host_port(value)
            if domain:
                f["kms_lookup_domain"] = domain
        elif key == "most recent successful activation client information":
            kind = value.split()[0].upper() if value.split() else ""
            if kind in ACTIVATION_TYPES:
                f["last_activation"] = kind
        elif key in _AD_LINES:
            f[_AD_LINES[key]] = _clean(value)
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

    acts = [p for p in products if p.source in (SOURCE_ACT, SOURCE_ACTCID) and same(p)]
    return acts[-1] if acts else None


def read_status(text: str) -> StatusReport:
    """Read pasted or saved ospp.vbs output; never raises on any text."""
    if not isinstance(text, str) or not text.strip() or looks_binary(text):
        return StatusReport(UNREADABLE, None)
    text = without_surrogates(text)
    text, deposited = _split_actcid(text)  # /actcid blocks have no SKU ID line: read apart
    products, general, no_key, has_dstatus, has_act = parse_products(text)
    products = _in_text_order(products, deposited)
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
    if product.source in (SOURCE_ACT, SOURCE_ACTCID) and product.activated:
        return StatusReport(LICENSED, product, **common)
    code = product.failing_code or (act.failing_code if act else None)
    if act is not None and act.source == SOURCE_ACTCID and act.failing_code:
        code = act.failing_code  # a refused confirmation ID is newer news than the state's last /act error
    if code:
        return StatusReport(ERROR, product, error_code=code, **common)
    if product.source == SOURCE_DSTATUS and product.status is None and product.last5 is None:
        return StatusReport(NO_KEY, product, **common)
    return StatusReport(GRACE, product, **common)


def _looks_like_ospp(text: str) -> bool:
    lower = text.lower()
    return any(marker in lower for marker in ("---processing", "---exiting", "ospp.vbs", "sku id:",
                                              "license name:", "office software protection",
                                              "installation id for:"))


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
    from srs_wizard.core.kms.inputs import split_host_port  # the one host[:port] parser
    from srs_wizard.core.kms.model import UsageError

    text = host_port.strip().lower().rstrip(".")
    try:
        text, _port = split_host_port(text)
    except UsageError:  # "[::1" from a console: compared as written
        pass
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
    offline: "OfflineActivation | None" = None  # the answer came from the offline activation page

    def to_json(self) -> dict:
        host = self.host_check
        data = {
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
        if self.offline is not None:
            data["offline"] = self.offline.to_json()
        return data


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
    offline = data.get("offline")
    return ActivationResult(source if source in SOURCES else None, checked if isinstance(checked, str) else None,
                            report, matches if isinstance(matches, bool) else None, host_check,
                            offline_from_json(offline) if isinstance(offline, dict) else None)


# --------------------------------------------------------------------------- offline activation
# A MAK on a console without internet: ``/dinstid`` shows an installation ID per keyed product,
# Microsoft's activation centre turns it into a confirmation ID, ``/actcid:<digits>`` deposits
# it. Neither ID's layout nor its check digits are published: the digits are grouped for
# reading aloud, never judged; the console's answer decides.

# /act codes that say the activation server could not be reached (no internet, a proxy, DNS):
# the way out is offline activation. Codes from the server itself (0xC004C...) are not here:
# the server was reached, and a confirmation ID does not help a MAK without activations.
SERVER_UNREACHABLE = ("0x80072EE2", "0x80072EE7", "0x80072EFD", "0x80072EFE")
CID_INVALID = "0xC004F04D"       # the installation ID or the confirmation ID is invalid
OFFLINE_DATA_FORMAT = "0xC004F02C"  # the offline data is in the wrong format

def server_unreachable(report: StatusReport) -> bool:
    """Did /act (or the state) say the activation server could not be reached?"""
    codes = {report.error_code} | {p.error_code for p in report.products if p.source == SOURCE_ACT}
    return bool(codes & set(SERVER_UNREACHABLE))


MAX_ID_DIGITS = 128  # Office 2013's installation ID is said to be 63 digits; anything this long is not one
_DINSTID = "installation id for:"
_OFFLINE_SUCCESS = "<offline product activation successful>"


def group_digits(digits: str) -> list[str]:
    """Groups of 7 when the length is a multiple of 7 (a 63-digit installation ID: 9 groups),
    else of 6 (the last one shorter when it must be)."""
    if not digits:
        return []
    size = 7 if len(digits) % 7 == 0 else 6
    return [digits[i:i + size] for i in range(0, len(digits), size)]


@dataclass(frozen=True)
class InstallationId:
    """One line of ``/dinstid``: the product's license name and its installation ID."""

    license_name: str
    digits: str

    @property
    def groups(self) -> list[str]:
        return group_digits(self.digits)

    @property
    def product(self) -> Product:
        return Product(SOURCE_DSTATUS, license_name=self.license_name, channel=_channel(None, self.license_name))

    @property
    def short_name(self) -> str:
        name = self.license_name
        for prefix in ("Office 15, ", "Office 16, "):
            if name.startswith(prefix):
                return name[len(prefix):]
        return name

    def to_json(self) -> dict:
        return {"product": self.short_name, "license_name": self.license_name, "groups": self.groups}


def _ascii_digits(text: str) -> str | None:
    value = text.replace(" ", "").replace("-", "").replace("\t", "")
    return value if value and value.isascii() and value.isdigit() else None


def read_installation_ids(text: str) -> list[InstallationId]:
    """Every ``Installation ID for: <LICENSE NAME>: <digits>`` line, in order. A line the
    console window wrapped (its digits going on alone on the next line) is joined again."""
    if not isinstance(text, str) or looks_binary(text):
        return []
    found: list[tuple[str, str]] = []
    joining = False
    for raw_line in _lines(text):
        line = raw_line.replace("\ufeff", "").strip()
        if joining and found:
            digits = _ascii_digits(line) if line else None
            if digits is not None and len(found[-1][1]) + len(digits) <= MAX_ID_DIGITS:
                found[-1] = (found[-1][0], found[-1][1] + digits)
                continue
        joining = False
        at = line.lower().find(_DINSTID)
        if at < 0:
            continue
        name, _, value = line[at + len(_DINSTID):].rpartition(":")
        digits = _ascii_digits(value.strip())
        name = _clean(name)
        if not name or digits is None or len(digits) > MAX_ID_DIGITS:
            continue
        found.append((name, digits))
        joining = len(found) <= MAX_PRODUCTS
        if len(found) > MAX_PRODUCTS:
            break
    return [InstallationId(name, digits) for name, digits in found[:MAX_PRODUCTS]]


def installation_id_that_matters(ids: Iterable[InstallationId]) -> InstallationId | None:
    """The Lync 2013 product's ID, as ``read_status`` chooses its product; else the suite's."""
    ids = list(ids)
    chosen = _matters([i.product for i in ids])
    if chosen is None:
        return None
    for item in reversed(ids):
        if item.license_name == chosen.license_name:
            return item
    return None


def split_actcid(text: str) -> tuple[str, list[Product]]:
    """The text without its ``/actcid`` blocks, and one product per block (see ``_split_actcid``)."""
    rest, placed = _split_actcid(text)
    return rest, [product for _at, product in placed]


def _in_text_order(products: list[Product], placed: list[tuple[int, Product]]) -> list[Product]:
    """The /dstatus and /act products (one per SKU ID line) with the /actcid ones where they stood."""
    out: list[Product] = []
    pending = iter(placed)
    upcoming = next(pending, None)
    for index, product in enumerate(products):
        while upcoming is not None and upcoming[0] <= index:
            out.append(upcoming[1])
            upcoming = next(pending, None)
        out.append(product)
    while upcoming is not None:
        out.append(upcoming[1])
        upcoming = next(pending, None)
    return out


_BLOCK_MARKS = ("license name", "sku id", "-----", "---processing", "---exiting", "attempting to activate")


def _ends_block(line: str, lower: str) -> bool:
    """Does this stripped line (and its lower case) end a product block for the /actcid
    reader: a separator, ---Processing, ---Exiting, or an /act starting?"""
    return (bool(line) and set(line) <= {"-"} and len(line) >= 5) or lower.startswith(
        ("---processing", "---exiting")) or "attempting to activate" in lower


def _opens_actcid_block(text: str) -> bool:
    """Does ``_split_actcid`` open a block in ``text`` (a LICENSE NAME line outside the
    product block a SKU ID line opens)? Decided as it decides, but only on the lines that
    hold one of the words that matter, found by ``str.find``: a pasted megabyte of /dstatus
    costs a few searches in C and a step for each of those lines. True (read it whole)
    where a byte order mark, or a letter that lower case lengthens, would move the lines."""
    if "\ufeff" in text:
        return True
    normal = text.replace("\r\n", "\n").replace("\r", "\n")
    folded = normal.lower()
    if len(folded) != len(normal):
        return True
    if "license name" not in folded:
        return False
    starts = set()
    for mark in _BLOCK_MARKS:
        at = folded.find(mark)
        while at >= 0:
            starts.add(folded.rfind("\n", 0, at) + 1)
            end = folded.find("\n", at)
            at = folded.find(mark, end) if end >= 0 else -1
    in_sku = False
    for start in sorted(starts):
        end = normal.find("\n", start)
        line = normal[start:end if end >= 0 else len(normal)].strip()
        lower = line.lower()
        if _ends_block(line, lower):
            in_sku = False
            continue
        key, value = _labelled(line[:_MAX_LINE]) or ("", "")
        if key == "sku id":
            in_sku = True
        elif key == "license name" and not in_sku and value:
            return True
    return False


def _split_actcid(text: str) -> tuple[str, list[tuple[int, Product]]]:
    """The text without its ``/actcid`` blocks, and one product per block with how many SKU ID
    lines (product blocks of /dstatus and /act) came before it.

    ``/actcid`` prints, for each keyed product, ``LICENSE NAME: ...`` and either
    ``<Offline product activation successful>`` or ``ERROR CODE`` / ``ERROR DESCRIPTION``,
    without the ``SKU ID`` line every ``/dstatus`` and ``/act`` block starts with: a license
    name outside such a block opens an ``/actcid`` block. A block that turns out to hold
    license-state lines is not one: its lines go back, as they were."""
    folded = text.replace("\ufeff", "").lower()
    if _OFFLINE_SUCCESS not in folded and "error code" not in folded or not _opens_actcid_block(text):
        # Neither line that makes a block one of /actcid, or no block opens: every line
        # stays, as they were.
        return "\n".join(_lines(text)), []
    kept: list[str] = []
    products: list[tuple[int, Product]] = []
    block: dict | None = None
    held: list[str] = []
    in_sku = False
    skus = 0

    def close(keep_lines: bool = False) -> None:
        nonlocal block, held
        if block is not None:
            if keep_lines or not ("activated" in block or "error_code" in block):
                kept.extend(held)  # not an /actcid block after all
            elif len(products) < MAX_PRODUCTS:
                code = block.get("error_code")
                products.append((skus, Product(
                    SOURCE_ACTCID, license_name=block["license_name"],
                    channel=_channel(None, block["license_name"]), error_code=code,
                    informational=is_informational(code) if code else None,
                    error_description=block.get("error_description"),
                    activated=True if block.get("activated") else (False if code else None))))
        block, held = None, []

    for raw_line in _lines(text):
        line = raw_line.replace("\ufeff", "").strip()
        lower = line.lower()
        if _ends_block(line, lower):
            close()
            in_sku = False
            kept.append(raw_line)
            continue
        if block is not None:
            held.append(raw_line)
            if _OFFLINE_SUCCESS in lower:
                block["activated"] = True
                continue
            key, value = _labelled(line[:_MAX_LINE]) or ("", "")
            if key == "error code":
                code = normalise_code(value)
                if code:
                    block["error_code"] = code
            elif key == "error description":
                block["error_description"] = _clean(value)
            elif key == "license name":
                held.pop()
                close()
                block, held = {"license_name": _clean(value)}, [raw_line]
            elif key in ("sku id", "license status", "license description"):
                held.pop()
                close(keep_lines=True)
                kept.append(raw_line)
                in_sku = key == "sku id"
                skus += in_sku
            continue
        key, value = _labelled(line[:_MAX_LINE]) or ("", "")
        if key == "sku id":
            in_sku = True
            skus += 1
        elif key == "license name" and not in_sku and value:
            block, held = {"license_name": _clean(value)}, [raw_line]
            continue
        kept.append(raw_line)
    close()
    return "\n".join(kept), products


# What offline activation came to, for the record (never the digits: they belong to the key
# and the hardware of one console).
OFFLINE_ACTIVATED = "activated"          # /actcid accepted for the product that matters, and licensed
OFFLINE_REFUSED = "refused"              # /actcid refused the confirmation ID (error_code says why)
OFFLINE_NOT_DEPOSITED = "not_deposited"  # no /actcid answer for that product read yet
OFFLINE_RESULTS = (OFFLINE_ACTIVATED, OFFLINE_REFUSED, OFFLINE_NOT_DEPOSITED)


@dataclass(frozen=True)
class OfflineActivation:
    installation_id_groups: int | None  # how many groups the installation ID was shown in
    result: str
    error_code: str | None = None

    def to_json(self) -> dict:
        return {"used": True, "installation_id_groups": self.installation_id_groups, "result": self.result,
                "error_code": self.error_code}


def offline_from_json(data: dict) -> OfflineActivation:
    groups = data.get("installation_id_groups")
    result = data.get("result")
    code = data.get("error_code")
    return OfflineActivation(groups if isinstance(groups, int) and not isinstance(groups, bool) else None,
                             result if result in OFFLINE_RESULTS else OFFLINE_NOT_DEPOSITED,
                             code if isinstance(code, str) else None)


def deposit_for(report: StatusReport) -> Product | None:
    """The /actcid block of the product that matters (its last one), when the answer has one."""
    product = report.product
    if product is None:
        return None
    if product.source == SOURCE_ACTCID:
        return product
    deposits = [p for p in report.products if p.source == SOURCE_ACTCID
                and (p.license_name == product.license_name or (p.is_lync and product.is_lync))]
    return deposits[-1] if deposits else None


def offline_outcome(report: StatusReport, installation_id_groups: int | None) -> OfflineActivation:
    """The console's /actcid (and /dstatus) answer, as the record keeps it. Only the console
    says a confirmation ID is right: activated means its answer says so."""
    deposit = deposit_for(report)
    if deposit is not None and deposit.failing_code:
        if report.verdict != LICENSED:
            return OfflineActivation(installation_id_groups, OFFLINE_REFUSED, deposit.failing_code)
    if deposit is not None and deposit.activated and report.verdict == LICENSED:
        return OfflineActivation(installation_id_groups, OFFLINE_ACTIVATED)
    return OfflineActivation(installation_id_groups, OFFLINE_NOT_DEPOSITED)


MAX_CID_INPUT = 1000  # characters of a typed or pasted confirmation ID looked at
_CID_SEPARATORS = re.compile(r"[\s\-_./,;:\u2010-\u2015\u2212\u30fc\u00ad\u200b-\u200d\u2060\ufeff]+")


@dataclass(frozen=True)
class ConfirmationInput:
    """A confirmation ID as typed: its digits, or where the first thing that is not one is.
    Nothing here says the digits are right: the algorithm is not published, ospp.vbs decides."""

    digits: str
    bad_character: str | None = None
    bad_position: int | None = None  # 1-based, in the text as typed
    too_long: bool = False

    @property
    def ok(self) -> bool:
        return bool(self.digits) and self.bad_character is None and not self.too_long

    @property
    def groups(self) -> list[str]:
        return group_digits(self.digits)


def read_confirmation_id(text: str) -> ConfirmationInput:
    """Digits with any separators (dashes, spaces, full-width digits of a Chinese input method
    become plain ones by NFKC); a letter or any other sign is refused with its position."""
    import unicodedata

    if not isinstance(text, str):
        return ConfirmationInput("")
    too_long = len(text) > MAX_CID_INPUT
    digits = []
    for position, char in enumerate(text[:MAX_CID_INPUT], 1):
        plain = unicodedata.normalize("NFKC", char)
        if _CID_SEPARATORS.fullmatch(plain) or not plain:
            continue
        if plain.isascii() and plain.isdigit():
            digits.append(plain)
            continue
        return ConfirmationInput("".join(digits), char, position, too_long)
    value = "".join(digits)
    return ConfirmationInput(value, None, None, too_long or len(value) > MAX_ID_DIGITS)
