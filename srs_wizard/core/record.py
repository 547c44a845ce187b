"""The session record: everything the wizard learned, as JSON with a schema marker.

The record is what the summary page and the PDF are drawn from, and what support loads to
draw the PDF again. It never holds a whole product key: loading one that does is refused.
Unknown extra fields are kept, so a newer writer's additions survive a round trip.

The record is a tree of frozen dataclasses (``Record``, ``Kms``, ``Mak``, ``Promo``,
``Activation`` with its ``Offline`` part, ``Console``, ``Verdict`` ...). Each field says
everything about itself in ``dataclasses.field(metadata=...)``, made by ``_field``: its JSON
name when it differs, its type with its limits and allowed codes (``_Text``, ``_Int``,
``_List``, ``_Part`` ...), whether it is required and whether it may be null, a format its
text must have, and, on ``Record``, how a session gives its value. One reader (``_Reader``)
and one writer (``_Part.to_json``) are driven by that metadata alone, so adding a field is
one line here (and its words in ``core.present``).

Why ``field(metadata=...)`` and not ``typing.Annotated``: this module uses postponed
annotations (``from __future__ import annotations``), so an ``Annotated`` type would have to
be resolved by ``typing.get_type_hints`` (evaluating every annotation, forward references
included) before the rules could be read; ``dataclasses.fields()`` hands the metadata over
as it was written, with no evaluation, and keeps the annotation free to say the plain
Python type (``str | None``, ``list[Host]``) that the reader produces.

The reader keeps each object's key order and its unknown fields, so a record written again
is the same JSON (``dumps`` byte for byte); what a field's rules refuse is reported as a
``Problem`` naming the field, never quoting its value.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import math
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable

from srs_wizard.core import activation as activation_mod
from srs_wizard.core import console as console_mod
from srs_wizard.core import judge as judge_mod
from srs_wizard.core import kms as kms_mod
from srs_wizard.core import product_key
from srs_wizard.core.promo import MAX_NOTE, MAX_SYSTEMS

SCHEMA = "srs-wizard/record/1"
PATHS = ("kms", "mak", "promo")
CHECKLIST_ITEMS = ("vlsc_sign_in", "agreement_confirmed", "mak_downloaded")

_MASKED = re.compile(r"^\*{5}-\*{5}-\*{5}-\*{5}-[A-Z0-9*]{5}$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
# ``created`` as the program writes it (datetime.isoformat): the extended form only, so that
# its first ten characters are its day. The UTC offset is checked on its own (NO_UTC_OFFSET).
_EXTENDED_DATETIME = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]{6})?(?:[+-][0-9]{2}:[0-9]{2})?")
_SURROGATE = re.compile("[\ud800-\udfff]")

# Bounds: the renderer stays fast and the output small whatever a record holds.
MAX_RECORD_BYTES = 2_000_000   # the whole file
# MAX_NOTE (100,000, from promo): characters of a note (record notes, promo note, unknown fields)
MAX_TEXT = 2_000               # characters of any other text
MAX_ITEMS = 1_000              # items of a list
MAX_DEPTH = 32                 # levels of nesting
MAX_NUMBER = 10 ** 12          # a time in ms, a port, a count: far below this

# Problem codes and their carrier live beside, so the words (core.present.record) need not import this module.
from srs_wizard.core.record_problems import (  # noqa: E402,F401
    BROKEN_TEXT,
    HOLDS_KEY,
    MISSING,
    NO_UTC_OFFSET,
    NOT_DATE,
    NOT_DATETIME,
    NOT_EXTENDED_DATETIME,
    NOT_FINITE,
    NOT_JSON,
    NOT_MASKED,
    NOT_OBJECT,
    NOT_ONE_OF,
    OUT_OF_RANGE,
    READY_WITHOUT_HOST,
    RESULTS_MISSING,
    TOO_BIG,
    TOO_DEEP,
    TOO_LONG,
    TOO_MANY,
    TOO_NESTED_JSON,
    WRONG_SCHEMA,
    WRONG_TYPE,
    Problem,
)


class RecordError(ValueError):
    """A record that cannot be used; ``problems`` are codes (core.present.record words them)."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(f"{p.field or 'record'}: {p.code}" for p in problems))
        self.problems = problems


def contains_unmasked_key(value: Any) -> bool:
    """Is a whole product key (one with its single N) anywhere in this JSON value?"""
    return product_key.contains_key_in(value)


def mask_keys(value: Any) -> Any:
    """A copy of a JSON value with every whole key in its texts masked (last 5 shown)."""
    return product_key.mask_keys_in(value)


# --------------------------------------------------------------------------- field types
#
# A field's type with its limits. Text may name a format (``form``): a check of its value
# run once the rest has passed (a date, a masked key), so that its problem is the one that
# matters. ``section`` forms wait for their whole top-level part (``console``, ``activation``)
# to pass, the others for their own field.


@dataclass(frozen=True)
class _Form:
    check: Callable[[str], str | None]  # the text -> a problem code, or None
    section: bool = False


@dataclass(frozen=True)
class _Text:
    limit: int = MAX_TEXT
    choices: tuple[str, ...] | None = None
    form: _Form | None = None

    fussy: bool = dataclasses.field(init=False, repr=False)  # more to check than length and safety

    def __post_init__(self) -> None:
        object.__setattr__(self, "fussy", self.choices is not None or self.form is not None)


@dataclass(frozen=True)
class _Int:
    low: int = 0
    high: int = MAX_NUMBER


@dataclass(frozen=True)
class _Number:
    pass


@dataclass(frozen=True)
class _Bool:
    pass


@dataclass(frozen=True)
class _List:
    item: Any


@dataclass(frozen=True)
class _Map:
    value: Any


@dataclass(frozen=True)
class _Part:
    """An object of the record: a dataclass defined below (``cls`` a ``_Model``)."""

    cls: Any


class _Anything:
    pass


_ANY = _Anything()


@dataclass(frozen=True)
class _Rule:
    spec: Any
    required: bool = True
    nullable: bool = False
    json: str | None = None
    of: Callable[[Any], Any] | None = None  # Record only: the value a session gives (``_Making``)


_META = "record"
_ABSENT = object()  # a field the JSON does not have; ``of`` returns it to leave a field out


def _field(spec: Any, optional: bool = False, nullable: bool | None = None, json: str | None = None,
           of: Callable[[Any], Any] | None = None) -> Any:
    """A record field: its type (``spec``), required unless ``optional`` (an optional field
    may be null unless ``nullable`` is False; a required one only when ``nullable``), its
    JSON name when it is not the attribute's, and (Record only) the session's value."""
    rule = _Rule(spec, not optional, optional if nullable is None else nullable, json, of)
    return dataclasses.field(default=None, metadata={_META: rule})


class _Model:
    """What every part of the record has: its unknown fields (``extra``), the one writer, and
    the rules compiled from its fields. A field the JSON did not have is not in the
    instance's ``__dict__`` (it reads as None, the class's default) and is not written."""

    extra: dict = {}
    _keys: tuple | None = None  # the JSON's key order as read, when unknown fields stand between

    # Compiled once per class by ``_model`` from the fields' metadata.
    _RULES: tuple = ()          # (JSON name, required, nullable, spec, spec's class)
    _RENAMES: tuple = ()        # (JSON name, attribute) where they differ
    _NAMES: frozenset = frozenset()
    _WRITE: dict = {}           # attribute -> (JSON name, spec, plain: written as it is)
    _ATTRS: dict = {}           # JSON name -> attribute
    _ORDER: tuple = ()          # JSON names, in declaration order
    _OWN_RULES = False          # ``_problems`` says more than its fields
    _SPECIAL = False            # own rules or renamed fields: the reader's longer way

    def to_json(self) -> dict:
        values = self.__dict__
        write = self._WRITE
        out: dict = {}
        keys = self._keys
        if keys is None:
            for attr, value in values.items():
                how = write.get(attr)
                if how is not None:
                    out[how[0]] = value if how[2] else _out(value, how[1])
            return out
        attrs, extra = self._ATTRS, self.extra
        for name in keys:
            attr = attrs.get(name)
            if attr is None:
                out[name] = extra[name]
            else:
                how = write[attr]
                value = values[attr]
                out[name] = value if how[2] else _out(value, how[1])
        return out

    def _problems(self, field: str) -> list[Problem]:
        """Rules across this part's fields, once its fields have passed."""
        return []


_PLAIN = (_Text, _Int, _Number, _Bool, _Anything)


def _out(value: Any, spec: Any) -> Any:
    cls = spec.__class__
    if cls is _Part:
        return value.to_json() if isinstance(value, _Model) else value
    if cls is _List:
        if not isinstance(value, (tuple, list)):
            return value
        if spec.item.__class__ in _PLAIN:
            return list(value)
        return [_out(item, spec.item) for item in value]
    if cls is _Map and isinstance(value, dict):
        return {key: _out(item, spec.value) for key, item in value.items()}
    return value


def _model(cls):
    """A frozen dataclass of the record, with its rules compiled for the reader and the writer."""
    cls = dataclass(frozen=True)(cls)
    rules, write, attrs = [], {}, {}
    for f in dataclasses.fields(cls):
        rule = f.metadata.get(_META)
        if rule is None:
            continue
        name = rule.json or f.name
        rules.append((name, rule.required, rule.nullable, rule.spec, rule.spec.__class__))
        write[f.name] = (name, rule.spec, rule.spec.__class__ in _PLAIN)
        attrs[name] = f.name
    cls._RULES, cls._WRITE, cls._ATTRS = tuple(rules), write, attrs
    cls._RENAMES = tuple((name, attr) for name, attr in attrs.items() if name != attr)
    cls._ORDER = tuple(attrs)
    cls._NAMES = frozenset(attrs)
    cls._OWN_RULES = cls._problems is not _Model._problems
    cls._SPECIAL = cls._OWN_RULES or bool(cls._RENAMES)
    return cls


# ---------------------------------------------------------------------------- formats


def _created(text: str) -> str | None:
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return NOT_DATETIME
    if not _EXTENDED_DATETIME.fullmatch(text):
        return NOT_EXTENDED_DATETIME
    return NO_UTC_OFFSET if moment.tzinfo is None else None


def _datetime(text: str) -> str | None:  # the collector's local time may lack an offset
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return NOT_DATETIME
    return None


def _datetime_with_offset(text: str) -> str | None:
    try:
        return NO_UTC_OFFSET if datetime.fromisoformat(text).tzinfo is None else None
    except ValueError:
        return NOT_DATETIME


def _masked(text: str) -> str | None:
    return None if _MASKED.match(text) else NOT_MASKED


def _last5(text: str) -> str | None:
    return None if len(text) == 5 and text.isascii() and text.isalnum() else NOT_MASKED


def _day(text: str) -> str | None:
    try:
        if not _DATE.match(text):
            raise ValueError(text)
        datetime.strptime(text, "%Y-%m-%d")
    except ValueError:
        return NOT_DATE
    return None


# --------------------------------------------------------------------------- the shape
#
# The whole shape the summary, the PDF and ``--json`` read: whatever passes renders. Unknown
# fields are kept and checked only for what is unsafe anywhere (depth, size, numbers that are
# not finite, broken text, a whole key).

_SOURCES = (kms_mod.SOURCE_ARGUMENT, kms_mod.SOURCE_PRIMARY, kms_mod.SOURCE_SEARCH_LIST, console_mod.SOURCE_CONSOLE)
_STATUSES = (kms_mod.OK, kms_mod.NXDOMAIN, kms_mod.NO_ANSWER, kms_mod.NOT_AVAILABLE, kms_mod.TIMEOUT,
             kms_mod.SERVFAIL, kms_mod.REFUSED, kms_mod.ERROR)
_PROBE_RESULTS = (kms_mod.PROBE_OPEN, kms_mod.PROBE_REFUSED, kms_mod.PROBE_TIMEOUT, kms_mod.PROBE_ERROR)
_PORT = _Int(0, 65535)
_ERRNO = _Int(-(2 ** 31), 2 ** 32)
_TEXTS = _List(_Text())


@_model
class Detail(_Model):
    """Why a domain's lookup came out as it did (``kms.domains[].detail``)."""

    code: str = _field(_Text(choices=kms_mod.DETAILS))
    count: int | None = _field(_Int(), optional=True)
    rcode: str | None = _field(_Text(), optional=True)
    reason: str | None = _field(_Text(), optional=True)
    errno: int | None = _field(_ERRNO, optional=True)


@_model
class KmsNote(_Model):
    code: str = _field(_Text(choices=kms_mod.NOTE_CODES))
    total: int | None = _field(_Int(), optional=True)
    shown: int | None = _field(_Int(), optional=True)


@_model
class Probe(_Model):
    address: str = _field(_Text())
    result: str = _field(_Text(choices=_PROBE_RESULTS))
    connect_ms: float | None = _field(_Number(), optional=True)
    error: str | None = _field(_Text(), optional=True)  # records before codes: a sentence, not read back
    errno: int | None = _field(_ERRNO, optional=True)
    os_error: str | None = _field(_Text(), optional=True)
    protocol: str | None = _field(_Text(choices=kms_mod.PROTOCOLS), optional=True)
    protocol_reason: str | None = _field(_Text(choices=kms_mod.PROTOCOL_REASONS), optional=True)


@_model
class Host(_Model):
    target: str = _field(_Text())
    port: int = _field(_PORT)
    priority: int = _field(_PORT)
    weight: int = _field(_PORT)
    domain: str | None = _field(_Text(), optional=True)
    addresses: list[str] = _field(_TEXTS)
    reachable: bool | None = _field(_Bool(), nullable=True)
    connect_ms: float | None = _field(_Number(), optional=True)
    error: str | None = _field(_Text(), optional=True)  # records before codes: a sentence, not read back
    error_code: str | None = _field(_Text(choices=(kms_mod.HOST_NO_ADDRESS, kms_mod.HOST_UNREACHABLE)),
                                    optional=True)
    expected: bool | None = _field(_Bool(), optional=True)
    domains: list[str] | None = _field(_TEXTS, optional=True)
    probes: list[Probe] | None = _field(_List(_Part(Probe)), optional=True)
    protocol: str | None = _field(_Text(choices=kms_mod.PROTOCOLS), optional=True)


@_model
class Domain(_Model):
    name: str = _field(_Text())
    source: str | None = _field(_Text(choices=_SOURCES), optional=True, nullable=False)
    status: str = _field(_Text(choices=_STATUSES))
    message: str | None = _field(_Text(), optional=True)  # records before codes: a sentence, not read back
    detail: Detail | None = _field(_Part(Detail), optional=True)
    elapsed_ms: float | None = _field(_Number(), optional=True)
    nameserver: str | None = _field(_Text(), optional=True)
    used: bool | None = _field(_Bool(), optional=True, nullable=False)
    console_nslookup: str | None = _field(_Text(MAX_NOTE), optional=True)


@_model
class Kms(_Model):
    """This computer's KMS check (``core.kms.KmsCheck.to_json``)."""

    verdict: str = _field(_Text(choices=kms_mod.VERDICTS))
    domains: list[Domain] = _field(_List(_Part(Domain)))
    hosts: list[Host] = _field(_List(_Part(Host)))
    unexpected_hosts: list[str] = _field(_TEXTS)
    elapsed_ms: float | None = _field(_Number(), optional=True)
    notes: list[str] | None = _field(_List(_Text(MAX_NOTE)), optional=True)  # records before codes
    note_codes: list[KmsNote] | None = _field(_List(_Part(KmsNote)), optional=True)
    nameservers: list[str] | None = _field(_TEXTS, optional=True)
    connect_tried: bool | None = _field(_Bool(), optional=True, nullable=False)
    bind_tried: bool | None = _field(_Bool(), optional=True, nullable=False)
    config_problem: str | None = _field(_Text(), optional=True)  # records before codes: a sentence
    config_problem_code: str | None = _field(_Text(choices=kms_mod.CONFIG_PROBLEMS), optional=True)
    config_problem_reason: str | None = _field(_Text(), optional=True)

    def _problems(self, field: str) -> list[Problem]:
        if self.verdict == kms_mod.READY and not any(h.reachable is True for h in self.hosts):
            return [Problem(f"{field}.verdict", READY_WITHOUT_HOST)]
        return []


@_model
class Mak(_Model):
    """The MAK: masked, with the offline checks' results and the VLSC checklist."""

    masked: str = _field(_Text(100, form=_Form(_masked)))
    checksum_ok: bool | None = _field(_Bool(), nullable=True)
    gvlk: str | None = _field(_Text(200), nullable=True)
    valid: bool | None = _field(_Bool(), optional=True)
    used_anyway: bool | None = _field(_Bool(), optional=True)
    checklist: dict = _field(_Map(_Bool()))


@_model
class Promo(_Model):
    """The request to the OEM (``core.promo.PromoRequest.to_json``; its fields: promo.FIELDS)."""

    company: str = _field(_Text())
    contact_name: str = _field(_Text())
    contact_email: str = _field(_Text())
    contact_phone: str = _field(_Text())
    systems: int = _field(_Int(0, MAX_SYSTEMS))
    deployment_date: str = _field(_Text(form=_Form(_day)))  # the date as text, "" when not given
    tam_name: str | None = _field(_Text(), nullable=True)
    tam_contact: str | None = _field(_Text(), nullable=True)
    oem_name: str | None = _field(_Text(), nullable=True)
    oem_email: str | None = _field(_Text(), nullable=True)
    note: str | None = _field(_Text(MAX_NOTE), optional=True)


PROMO_FIELDS = tuple(name for name in Promo._ORDER if name != "note")  # the note is optional, and long


@_model
class Product(_Model):
    """A product block of the console's answer (``core.activation.Product.to_json``; the
    fields not named here are kept as they are)."""

    source: str | None = _field(_Text(), optional=True)
    sku_id: str | None = _field(_Text(), optional=True)
    license_name: str | None = _field(_Text(), optional=True)
    description: str | None = _field(_Text(), optional=True)
    channel: str | None = _field(_Text(choices=activation_mod.CHANNELS), optional=True)
    status: str | None = _field(_Text(), optional=True)
    error_code: str | None = _field(_Text(), optional=True)
    informational: bool | None = _field(_Bool(), optional=True)
    error_description: str | None = _field(_Text(), optional=True)
    grace_minutes: int | None = _field(_Int(), optional=True)
    last5: str | None = _field(_Text(5, form=_Form(_last5, section=True)), optional=True)
    kms_dns_host: str | None = _field(_Text(), optional=True)
    kms_override: str | None = _field(_Text(), optional=True)
    kms_name_not_available: bool | None = _field(_Bool(), optional=True)
    activation_interval: int | None = _field(_Int(), optional=True)
    renewal_interval: int | None = _field(_Int(), optional=True)
    activated: bool | None = _field(_Bool(), optional=True)


@_model
class Offline(_Model):
    """Offline activation with a confirmation ID (never the IDs themselves)."""

    used: bool = _field(_Bool())
    installation_id_groups: int | None = _field(_Int(0, MAX_ITEMS), optional=True)
    result: str = _field(_Text(choices=activation_mod.OFFLINE_RESULTS))
    error_code: str | None = _field(_Text(64), optional=True)


@_model
class Activation(_Model):
    """The console's own answer (``core.activation.ActivationResult``): the record's
    ``activation``, the verdict rollout reads, and ``read-status --json`` (``status_json``).
    Only the verdict is required: the rest is what the check could tell."""

    source: str | None = _field(_Text(choices=activation_mod.SOURCES), optional=True)
    checked_at: str | None = _field(_Text(64, form=_Form(_datetime_with_offset, section=True)), optional=True)
    verdict: str = _field(_Text(choices=activation_mod.VERDICTS))
    error_code: str | None = _field(_Text(64), optional=True)
    product: int | None = _field(_Int(0, MAX_ITEMS), optional=True)  # its index in products
    products: list[Product] | None = _field(_List(_Part(Product)), optional=True, nullable=False)
    key_matches: bool | None = _field(_Bool(), optional=True)
    kms_host: str | None = _field(_Text(), optional=True)
    override: bool | None = _field(_Bool(), optional=True)
    kms_host_check: str | None = _field(_Text(64), optional=True)
    offline: Offline | None = _field(_Part(Offline), optional=True)

    @classmethod
    def of(cls, result: activation_mod.ActivationResult) -> "Activation":
        """The model of a check, as written (what it holds is the reader's, unchecked: an
        answer is shown whatever it holds; a record made from it is checked when made)."""
        return _build(result.to_json(), cls, "activation")

    @classmethod
    def of_report(cls, report: activation_mod.StatusReport) -> "Activation":
        return cls.of(activation_mod.ActivationResult(None, None, report))

    @property
    def the_product(self) -> Product | None:
        """The product that matters (Lync 2013, else the suite)."""
        index, products = self.product, self.products or ()
        return products[index] if isinstance(index, int) and 0 <= index < len(products) else None

    def status_json(self) -> dict:
        """``read-status --json``'s own part: the verdict, the product that matters, every product."""
        product = self.the_product
        return {"verdict": self.verdict, "product": product.to_json() if product is not None else None,
                "products": [p.to_json() for p in self.products or ()]}


@_model
class Discovery(_Model):
    """The host the console's own KMS client found (its /dstatus, without a /sethst override)."""

    host: str | None = _field(_Text(), nullable=True)
    not_available: bool = _field(_Bool())


@_model
class LookupHost(_Model):
    target: str = _field(_Text())
    port: int = _field(_PORT)
    priority: int | None = _field(_PORT, optional=True)
    weight: int | None = _field(_PORT, optional=True)


@_model
class Lookup(_Model):
    """The console's own nslookup answer for one suffix, read (core.judge)."""

    domain: str = _field(_Text())
    status: str = _field(_Text(choices=judge_mod.LOOKUP_STATUSES))
    hosts: list[LookupHost] | None = _field(_List(_Part(LookupHost)), optional=True, nullable=False)


@_model
class Console(_Model):
    """An imported console report: what was collected, when, from where."""

    file: str | None = _field(_Text(), nullable=True)
    computer: str = _field(_Text())
    collected_at: str = _field(_Text(64, form=_Form(_datetime, section=True)))
    os: str | None = _field(_Text(), optional=True)
    suffix_order: list[str] | None = _field(_TEXTS, optional=True, nullable=False)
    order_source: str | None = _field(_Text(), optional=True)
    dns_servers: list[str] | None = _field(_TEXTS, optional=True, nullable=False)
    nslookup_collected: bool | None = _field(_Bool(), optional=True)
    dstatus_collected: bool | None = _field(_Bool(), optional=True)
    problems: list[str] | None = _field(_TEXTS, optional=True, nullable=False)
    discovery: Discovery | None = _field(_Part(Discovery), optional=True)
    lookups: list[Lookup] | None = _field(_List(_Part(Lookup)), optional=True, nullable=False)


@_model
class Item(_Model):
    """One warning, proof, disagreement, step or note of the room verdict (core.judge.Item):
    a code with its parameters, each parameter typed."""

    code: str = _field(_Text())
    evidence: str | None = _field(_Text(choices=judge_mod.EVIDENCE), optional=True)
    verdict: str | None = _field(_Text(), optional=True)
    domain: str | None = _field(_Text(), optional=True)
    host: str | None = _field(_Text(), optional=True)
    here: str | None = _field(_Text(), optional=True)
    by: str | None = _field(_Text(), optional=True)
    error: str | None = _field(_Text(), optional=True)
    last5: str | None = _field(_Text(), optional=True)
    used: str | None = _field(_Text(), optional=True)
    found: str | None = _field(_Text(), optional=True)
    expected: str | None = _field(_Text(), optional=True)
    kms: str | None = _field(_Text(), optional=True)
    hosts: list[str] | None = _field(_TEXTS, optional=True, nullable=False)
    domains: list[str] | None = _field(_TEXTS, optional=True, nullable=False)
    port: int | None = _field(_PORT, optional=True)
    timeout: float | None = _field(_Number(), optional=True)
    still: bool | None = _field(_Bool(), optional=True)
    mak: bool | None = _field(_Bool(), optional=True)
    gvlk: bool | None = _field(_Bool(), optional=True)


# Each list of the verdict allows its own codes.
@_model
class VerdictWarning(Item):
    code: str = _field(_Text(choices=judge_mod.WARNINGS))


@_model
class Proof(Item):
    code: str = _field(_Text(choices=judge_mod.PROVEN))


@_model
class Disagreement(Item):
    code: str = _field(_Text(choices=judge_mod.DISAGREEMENTS))


@_model
class Step(Item):
    code: str = _field(_Text(choices=judge_mod.STEPS))


@_model
class Note(Item):
    code: str = _field(_Text(choices=judge_mod.NOTES))


@_model
class Verdict(_Model):
    """The room verdict (core.judge.RoomVerdict): codes; parameters beside each code."""

    state: str = _field(_Text(choices=judge_mod.STATES))
    evidence: str = _field(_Text(choices=judge_mod.EVIDENCE))
    kms_verdict: str | None = _field(_Text(choices=kms_mod.VERDICTS), optional=True)
    warnings: list[Item] | None = _field(_List(_Part(VerdictWarning)), optional=True, nullable=False)
    proven: list[Item] | None = _field(_List(_Part(Proof)), optional=True, nullable=False)
    disagreements: list[Item] | None = _field(_List(_Part(Disagreement)), optional=True, nullable=False)
    steps: list[Item] | None = _field(_List(_Part(Step)), optional=True, nullable=False)
    notes: list[Item] | None = _field(_List(_Part(Note)), optional=True, nullable=False)


@dataclass(frozen=True)
class _Making:
    """What a Record field's ``of`` reads: the session and the moment the record is made."""

    session: Any  # core.session.Session (which imports this module)
    now: datetime
    machine: str
    path: str


def _mak_of(m: _Making) -> dict | None:
    s = m.session
    return mak_json(s.mak, s.mak_used_anyway, s.mak_checklist) if s.mak is not None and m.path == "mak" else None


@_model
class Record(_Model):
    """A validated record. The field order is the order a new record is written in."""

    schema: str = _field(_ANY, of=lambda m: SCHEMA)  # checked first, on its own
    created: str = _field(_Text(64, form=_Form(_created)), of=lambda m: m.now.isoformat(timespec="seconds"))
    app_version: str = _field(_Text(), of=lambda m: _version())
    machine: str = _field(_Text(), of=lambda m: m.machine)
    technician: str = _field(_Text(), of=lambda m: m.session.technician.strip())
    customer: str = _field(_Text(), of=lambda m: m.session.customer.strip())
    site: str = _field(_Text(), of=lambda m: m.session.site.strip())
    path: str = _field(_Text(choices=PATHS), of=lambda m: m.path)
    kms: Kms | None = _field(_Part(Kms), nullable=True,
                             of=lambda m: m.session.kms.to_json() if m.session.kms else None)
    mak: Mak | None = _field(_Part(Mak), nullable=True, of=_mak_of)
    promo: Promo | None = _field(_Part(Promo), nullable=True,
                                 of=lambda m: m.session.promo.to_json() if m.path == "promo" else None)
    promo_actions: list[str] | None = _field(
        _TEXTS, optional=True, nullable=False,
        of=lambda m: list(m.session.promo_actions) if m.path == "promo" else [])
    notes: str | None = _field(_Text(MAX_NOTE), optional=True, nullable=False, of=lambda m: m.session.notes)
    # The console's own answer; null when not checked (and on the promo path: no MAK yet).
    # Absent in records made before the activation check.
    activation: Activation | None = _field(
        _Part(Activation), optional=True,
        of=lambda m: m.session.activation.to_json() if m.session.activation is not None and m.path != "promo"
        else None)
    # An imported console report: what was collected, when, from where.
    console: Console | None = _field(_Part(Console), optional=True,
                                     of=lambda m: m.session.console if m.session.console is not None else _ABSENT)
    # Absent in records made before the room verdict: computed on load.
    verdict: Verdict | None = _field(_Part(Verdict), optional=True,
                                     of=lambda m: m.session.room_verdict(m.path).to_json())

    def dumps(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False, indent=2, allow_nan=False) + "\n"

    @functools.cached_property
    def data(self) -> dict:
        """The record as its JSON object (for what takes JSON: the judge, the console's words)."""
        return self.to_json()

    def kms_not_checked(self) -> bool:
        """The KMS path without a check, said so by the room verdict ("go on without a check")."""
        verdict = self.verdict
        return isinstance(verdict, Verdict) and any(
            isinstance(n, Item) and n.code == judge_mod.N_KMS_NOT_CHECKED for n in verdict.notes or ())


def _version() -> str:
    from srs_wizard import __version__

    return __version__


# --------------------------------------------------------------------------- the reader


def _name(key: str) -> str:
    """A field name fit to print: no whole key, no broken or control characters, short."""
    shown = product_key.mask_whole_keys(key)[0]
    shown = "".join(c if c.isprintable() and not _SURROGATE.match(c) else "?" for c in shown[:41])
    return shown if len(shown) <= 40 else shown[:39] + "…"


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "bool"
    if isinstance(value, int):
        return "int"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "object"
    return "null" if value is None else "other"


def _spec_kind(spec: Any) -> str:
    return {_Text: "text", _Int: "int", _Number: "number", _Bool: "bool", _List: "list", _Map: "object",
            _Part: "object"}[type(spec)]


_SHORT = product_key.KEY_LENGTH  # shorter text cannot hold a whole key
_new_object = object.__new__
_set_attribute = object.__setattr__


class _Reader:
    """JSON -> the record's dataclasses, with every problem (as codes, by field path).

    What a rule refuses is kept as it came (the model is then not one to save, and the
    problems say so). Every string of a record passes here once: this is the record's whole
    key scan, so the common leaves are settled inline (a rollout reads thousands)."""

    def __init__(self, own: bool = False) -> None:
        self.problems: list[Problem] = []
        self.later: list = []  # (field, form or None, value): formats and a part's own rules
        self.own = own  # the JSON is the reader's own (parsed from bytes): its objects are reused

    def add(self, field: str, code: str, *details: Any) -> None:
        self.problems.append(Problem(field, code, details))

    def text(self, value: str, field: str, limit: int) -> bool:
        if len(value) > limit:
            self.add(field, TOO_LONG, limit)
            return False
        if not value.isascii() and _SURROGATE.search(value):  # isascii is free: CPython knows it
            self.add(field, BROKEN_TEXT)
            return False
        if product_key.contains_whole_key(value):
            self.add(field, HOLDS_KEY)
            return False
        return True

    def key(self, key: str, field: str) -> bool:
        return self.text(key, field or _name(key), MAX_TEXT)

    def wrong_type(self, value: Any, spec: Any, field: str) -> Any:
        self.add(field, WRONG_TYPE, _spec_kind(spec), _kind(value))
        return value

    def value(self, value: Any, spec: Any, field: str, depth: int) -> Any:
        if depth > MAX_DEPTH:
            self.add(field, TOO_DEEP, MAX_DEPTH)
            return value
        cls = spec.__class__
        if cls is _Text:
            if not isinstance(value, str):
                return self.wrong_type(value, spec, field)
            # Short ASCII text (most of a record) can hold neither a key nor a broken character.
            if (len(value) < _SHORT and len(value) <= spec.limit and value.isascii()) \
                    or self.text(value, field, spec.limit):
                if spec.choices is not None and value not in spec.choices:
                    self.add(field, NOT_ONE_OF, spec.choices)
                elif spec.form is not None:
                    self.later.append((field, spec.form, value))
        elif cls is _Part:
            if isinstance(value, dict):
                return self.part(value, spec.cls, field, depth)
            return self.wrong_type(value, spec, field)
        elif cls is _Int:
            if not isinstance(value, int) or isinstance(value, bool):
                return self.wrong_type(value, spec, field)
            if not spec.low <= value <= spec.high:
                self.add(field, OUT_OF_RANGE, spec.low, spec.high)
        elif cls is _Bool:
            if not isinstance(value, bool):
                return self.wrong_type(value, spec, field)
        elif cls is _List:
            if isinstance(value, list):
                return self.items(value, spec.item, field, depth)
            return self.wrong_type(value, spec, field)
        elif cls is _Number:
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                return self.wrong_type(value, spec, field)
            self.number(value, field)
        elif cls is _Map:
            if not isinstance(value, dict):
                return self.wrong_type(value, spec, field)
            out = {}
            for key, item in value.items():
                where = f"{field}.{_name(key)}"
                out[key] = self.value(item, spec.value, where, depth + 1) if self.key(key, where) else item
            return out
        elif spec is _ANY:
            self.anything(value, field, depth)
        return value

    def items(self, value: list, item_spec: Any, field: str, depth: int) -> Any:
        """The list as the model holds it: the JSON's own list when the reader owns it (its
        objects replaced by their dataclasses in place), else a new one."""
        if len(value) > MAX_ITEMS:
            self.add(field, TOO_MANY, MAX_ITEMS)
            return value
        deeper = depth + 1
        cls = item_spec.__class__
        if cls is _Text and item_spec.choices is None and item_spec.form is None:
            limit = item_spec.limit if item_spec.limit < _SHORT else _SHORT - 1
            for i, item in enumerate(value):
                if item.__class__ is not str or len(item) > limit or not item.isascii():
                    self.value(item, item_spec, f"{field}[{i}]", deeper)
                # else as in ``part``: short ASCII text needs nothing more
            return value if self.own else value.copy()
        out = value if self.own else value.copy()
        if cls is _Part and deeper <= MAX_DEPTH:
            part, model = self.part, item_spec.cls
            for i, item in enumerate(value):
                out[i] = part(item, model, f"{field}[{i}]", deeper) if item.__class__ is dict \
                    else self.value(item, item_spec, f"{field}[{i}]", deeper)
            return out
        for i, item in enumerate(value):
            out[i] = self.value(item, item_spec, f"{field}[{i}]", deeper)
        return out

    def part(self, value: dict, model: Any, field: str, depth: int) -> Any:
        prefix = f"{field}." if field else ""
        known = 0
        deeper = depth + 1
        # The instance's attributes are the JSON object itself (when the reader owns it: read
        # from bytes) or a copy: plain values stay where they are, only parts and lists change.
        out = value if self.own else value.copy()
        for name, required, nullable, rule, cls in model._RULES:
            item = value.get(name, _ABSENT)
            if item is _ABSENT:
                if required:
                    self.add(prefix + name, MISSING)
                continue
            known += 1
            kind = item.__class__
            # The common leaves are settled here, without a call (see ``value`` for the rules).
            if kind is str and cls is _Text:
                if len(item) < _SHORT and len(item) <= rule.limit and item.isascii():
                    if rule.fussy:  # allowed codes, or a format
                        if rule.choices is not None and item not in rule.choices:
                            self.add(prefix + name, NOT_ONE_OF, rule.choices)
                        elif rule.form is not None:
                            self.later.append((prefix + name, rule.form, item))
                    continue
            elif kind is bool:
                if cls is _Bool:
                    continue
            elif kind is int:
                if cls is _Int:
                    if rule.low <= item <= rule.high:
                        continue
                elif cls is _Number and -MAX_NUMBER <= item <= MAX_NUMBER:
                    continue
            elif kind is float:
                if cls is _Number and -MAX_NUMBER <= item <= MAX_NUMBER:  # False for nan and inf
                    continue
            elif kind is list:
                if cls is _List and deeper <= MAX_DEPTH:
                    if item:
                        out[name] = self.items(item, rule.item, prefix + name, deeper)
                    elif not self.own:
                        out[name] = []
                    continue
            elif item is None:
                if nullable:
                    continue
            elif kind is dict:
                if cls is _Part and deeper <= MAX_DEPTH:
                    out[name] = self.part(item, rule.cls, prefix + name, deeper)
                    continue
            out[name] = self.value(item, rule, prefix + name, deeper)
        if known != len(value) or len(value) > MAX_ITEMS or model._SPECIAL:
            return self.rest(value, out, model, field, prefix, deeper)
        made = _new_object(model)
        _set_attribute(made, "__dict__", out)
        return made

    def rest(self, value: dict, out: dict, model: Any, field: str, prefix: str, deeper: int) -> Any:
        """The end of ``part`` for an object with fields beyond the schema's, too many fields,
        or fields with a JSON name of their own."""
        keys = None
        crowded = len(value) > MAX_ITEMS
        if crowded:
            self.add(field, TOO_MANY, MAX_ITEMS)
        extra = None
        names = model._NAMES
        if any(name not in names for name in value):  # fields beyond the schema's: kept aside, if safe
            keys = tuple(value)
            extra = {name: item for name, item in value.items() if name not in names}
            for name, item in extra.items():
                del out[name]
                if not crowded:
                    where = prefix + _name(name)
                    if self.key(name, where):
                        self.anything(item, where, deeper)
        if model._RENAMES:  # fields whose JSON name is not their attribute's
            keys = keys or tuple(value)
            for name, attr in model._RENAMES:
                if name in out:
                    out[attr] = out.pop(name)
        made = _new_object(model)
        if keys is not None:
            out["_keys"] = keys
            if extra:
                out["extra"] = extra
        _set_attribute(made, "__dict__", out)
        if model._OWN_RULES:
            self.later.append((field, None, made))
        return made

    def number(self, value: Any, field: str) -> None:
        if isinstance(value, float) and not math.isfinite(value):
            self.add(field, NOT_FINITE)
        elif abs(value) > MAX_NUMBER:
            self.add(field, OUT_OF_RANGE, -MAX_NUMBER, MAX_NUMBER)

    def anything(self, value: Any, field: str, depth: int) -> None:
        """An unknown field: kept as it is, if it is safe to keep and to print."""
        if depth > MAX_DEPTH:
            self.add(field, TOO_DEEP, MAX_DEPTH)
        elif isinstance(value, str):
            self.text(value, field, MAX_NOTE)
        elif isinstance(value, bool) or value is None:
            pass
        elif isinstance(value, (int, float)):
            self.number(value, field)
        elif isinstance(value, list):
            if len(value) > MAX_ITEMS:
                self.add(field, TOO_MANY, MAX_ITEMS)
                return
            for i, item in enumerate(value):
                self.anything(item, f"{field}[{i}]", depth + 1)
        elif isinstance(value, dict):
            if len(value) > MAX_ITEMS:
                self.add(field, TOO_MANY, MAX_ITEMS)
                return
            prefix = f"{field}." if field else ""
            for name, item in value.items():
                where = prefix + _name(name)
                if self.key(name, where):
                    self.anything(item, where, depth + 1)
        else:
            self.add(field, WRONG_TYPE, "json", "other")

    def finish(self) -> list[Problem]:
        """The formats and the parts' own rules, each once what it stands on has passed."""
        problems = self.problems
        if not self.later:
            return problems
        bad_fields = {p.field for p in problems}
        bad_sections = {_section(p.field) for p in problems}
        for field, form, value in self.later:
            if form is None:  # a part's own rules: once nothing in its section is wrong
                if _section(field) not in bad_sections:
                    problems.extend(value._problems(field))
            elif (_section(field) not in bad_sections) if form.section else (field not in bad_fields):
                code = form.check(value)
                if code is not None:
                    problems.append(Problem(field, code))
        return problems


def _section(field: str) -> str:
    return field.split(".")[0].split("[")[0]


def read(data: Any, own: bool = False) -> tuple[Record | None, list[Problem]]:
    """The record in a JSON value, and every problem with it (codes naming the field, never
    quoting a value). The record is None only when ``data`` is no record at all. ``own``: the
    value is the reader's to take apart (its objects become the record's)."""
    if not isinstance(data, dict):
        return None, [Problem("", NOT_OBJECT)]
    if data.get("schema") != SCHEMA:
        return None, [Problem("schema", WRONG_SCHEMA, (SCHEMA,))]
    reader = _Reader(own)
    made = reader.part(data, Record, "", 0)
    problems = reader.finish()
    path = made.path
    if not problems and made.__dict__.get(path) is None and not (path == "kms" and made.kms_not_checked()):
        problems.append(Problem(path, RESULTS_MISSING, (path,)))
    return made, problems


def check(data: Any) -> list[Problem]:
    """Every problem with a record, as codes; each names the field and never quotes a value."""
    return read(data)[1]


def from_json(data: Any, own: bool = False) -> Record:
    made, problems = read(data, own)
    if problems:
        raise RecordError(problems)
    return made


def unchecked(data: dict) -> Record:
    """The record in a JSON object whatever its problems: to show, never to save."""
    made = read(data)[0]
    if made is None:
        raise RecordError(check(data))
    return made


def loads(raw: bytes | str) -> Record:
    if len(raw) > MAX_RECORD_BYTES:
        raise RecordError([Problem("", TOO_BIG, (MAX_RECORD_BYTES,))])
    try:
        data = json.loads(raw)
    except RecursionError:
        raise RecordError([Problem("", TOO_NESTED_JSON)]) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise RecordError([Problem("", NOT_JSON, (str(exc),))]) from None
    return from_json(data, own=True)


_PARTS = {rule[0]: rule for rule in Record._RULES}


def part_problems(name: str, value: Any) -> list[Problem]:
    """Every problem with one part of a record (``kms``, ``activation``, ``console`` ...) read
    on its own, by the same rules as in a record: what a draft may resume."""
    _json, _required, nullable, spec, _cls = _PARTS[name]
    if value is None and nullable:
        return []
    reader = _Reader()
    reader.value(value, spec, name, 1)
    return reader.finish()


def _build(data: dict, model: Any, field: str) -> Any:
    """A part made by the reader whatever its problems (for showing, never for saving)."""
    return _Reader().part(data, model, field, 1)


def make(session: Any, machine: str, now: datetime | None = None, check: bool = True) -> Record:
    """The record of a session, each field as its ``of`` says; a key typed into any free text
    is saved with its last 5 characters only. Checked as a saved record would be
    (RecordError) unless ``check`` is False (only to show it while something is still wrong).
    ``session`` is a core.session.Session, ``machine`` the computer's name."""
    making = _Making(session, now or datetime.now().astimezone(), machine, session.path)
    data = {}
    for f in dataclasses.fields(Record):
        rule = f.metadata[_META]
        value = rule.of(making)
        if value is not _ABSENT:
            data[rule.json or f.name] = value
    made, problems = read(mask_keys(data), own=True)  # the masked copy is the reader's own
    if check and problems:
        raise RecordError(problems)
    return made


def mak_json(check: product_key.KeyCheck, forced: bool, checklist: dict[str, bool]) -> dict:
    """The MAK part of a record: masked key and check results only."""
    return {
        "masked": check.masked,
        "checksum_ok": check.checksum_ok,
        "gvlk": check.gvlk,
        "valid": check.valid,
        "used_anyway": forced,
        "checklist": {k: bool(checklist.get(k, False)) for k in CHECKLIST_ITEMS},
    }
