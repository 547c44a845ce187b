"""The session record: everything the wizard learned, as JSON with a schema marker.

The record is what the summary page and the PDF are drawn from, and what support loads to
draw the PDF again. It never holds a whole product key: loading one that does is refused.
Unknown extra fields are kept, so a newer writer's additions survive a round trip.

The record is a tree of frozen dataclasses (``Record``, ``Kms``, ``Mak``, ``Promo``,
``Activation`` with its ``Offline`` part, ``Console``, ``Verdict`` ...), each field with its
rules in its metadata, read and written by the one reader and writer of ``core.model`` (see
there why ``field(metadata=...)``). Adding a field to the record is one line in ``Record``
or one of its parts (its value from a session in ``of``), and its words in ``core.present``.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from srs_wizard.core import console as console_mod
from srs_wizard.core import judge as judge_mod
from srs_wizard.core import kms as kms_mod
from srs_wizard.core import product_key
from srs_wizard.core.model import (  # noqa: F401  (the bounds, as the record's)
    ABSENT,
    ANY,
    MAX_DEPTH,
    MAX_ITEMS,
    MAX_NUMBER,
    MAX_TEXT,
    META,
    Activation,
    Bool,
    Form,
    Int,
    ListOf,
    MapOf,
    Number,
    Offline,
    PartOf,
    Product,
    Reader,
    RecordPart,
    Text,
    json_field,
    record_part,
)
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

MAX_RECORD_BYTES = 2_000_000   # the whole file; the other bounds: core.model

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


def _masked(text: str) -> str | None:
    return None if _MASKED.match(text) else NOT_MASKED


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
_PORT = Int(0, 65535)
_ERRNO = Int(-(2 ** 31), 2 ** 32)
_TEXTS = ListOf(Text())


@record_part
class Detail(RecordPart):
    """Why a domain's lookup came out as it did (``kms.domains[].detail``)."""

    code: str = json_field(Text(choices=kms_mod.DETAILS))
    count: int | None = json_field(Int(), optional=True)
    rcode: str | None = json_field(Text(), optional=True)
    reason: str | None = json_field(Text(), optional=True)
    errno: int | None = json_field(_ERRNO, optional=True)


@record_part
class KmsNote(RecordPart):
    code: str = json_field(Text(choices=kms_mod.NOTE_CODES))
    total: int | None = json_field(Int(), optional=True)
    shown: int | None = json_field(Int(), optional=True)


@record_part
class Probe(RecordPart):
    address: str = json_field(Text())
    result: str = json_field(Text(choices=_PROBE_RESULTS))
    connect_ms: float | None = json_field(Number(), optional=True)
    error: str | None = json_field(Text(), optional=True)  # records before codes: a sentence, not read back
    errno: int | None = json_field(_ERRNO, optional=True)
    os_error: str | None = json_field(Text(), optional=True)
    protocol: str | None = json_field(Text(choices=kms_mod.PROTOCOLS), optional=True)
    protocol_reason: str | None = json_field(Text(choices=kms_mod.PROTOCOL_REASONS), optional=True)


@record_part
class Host(RecordPart):
    target: str = json_field(Text())
    port: int = json_field(_PORT)
    priority: int = json_field(_PORT)
    weight: int = json_field(_PORT)
    domain: str | None = json_field(Text(), optional=True)
    addresses: list[str] = json_field(_TEXTS)
    reachable: bool | None = json_field(Bool(), nullable=True)
    connect_ms: float | None = json_field(Number(), optional=True)
    error: str | None = json_field(Text(), optional=True)  # records before codes: a sentence, not read back
    error_code: str | None = json_field(Text(choices=(kms_mod.HOST_NO_ADDRESS, kms_mod.HOST_UNREACHABLE)),
                                    optional=True)
    expected: bool | None = json_field(Bool(), optional=True)
    domains: list[str] | None = json_field(_TEXTS, optional=True)
    probes: list[Probe] | None = json_field(ListOf(PartOf(Probe)), optional=True)
    protocol: str | None = json_field(Text(choices=kms_mod.PROTOCOLS), optional=True)


@record_part
class Domain(RecordPart):
    name: str = json_field(Text())
    source: str | None = json_field(Text(choices=_SOURCES), optional=True, nullable=False)
    status: str = json_field(Text(choices=_STATUSES))
    message: str | None = json_field(Text(), optional=True)  # records before codes: a sentence, not read back
    detail: Detail | None = json_field(PartOf(Detail), optional=True)
    elapsed_ms: float | None = json_field(Number(), optional=True)
    nameserver: str | None = json_field(Text(), optional=True)
    used: bool | None = json_field(Bool(), optional=True, nullable=False)
    console_nslookup: str | None = json_field(Text(MAX_NOTE), optional=True)


@record_part
class Kms(RecordPart):
    """This computer's KMS check (``core.kms.KmsCheck.to_json``)."""

    verdict: str = json_field(Text(choices=kms_mod.VERDICTS))
    domains: list[Domain] = json_field(ListOf(PartOf(Domain)))
    hosts: list[Host] = json_field(ListOf(PartOf(Host)))
    unexpected_hosts: list[str] = json_field(_TEXTS)
    elapsed_ms: float | None = json_field(Number(), optional=True)
    notes: list[str] | None = json_field(ListOf(Text(MAX_NOTE)), optional=True)  # records before codes
    note_codes: list[KmsNote] | None = json_field(ListOf(PartOf(KmsNote)), optional=True)
    nameservers: list[str] | None = json_field(_TEXTS, optional=True)
    connect_tried: bool | None = json_field(Bool(), optional=True, nullable=False)
    bind_tried: bool | None = json_field(Bool(), optional=True, nullable=False)
    config_problem: str | None = json_field(Text(), optional=True)  # records before codes: a sentence
    config_problem_code: str | None = json_field(Text(choices=kms_mod.CONFIG_PROBLEMS), optional=True)
    config_problem_reason: str | None = json_field(Text(), optional=True)

    def _problems(self, field: str) -> list[Problem]:
        if self.verdict == kms_mod.READY and not any(h.reachable is True for h in self.hosts):
            return [Problem(f"{field}.verdict", READY_WITHOUT_HOST)]
        return []


@record_part
class Mak(RecordPart):
    """The MAK: masked, with the offline checks' results and the VLSC checklist."""

    masked: str = json_field(Text(100, form=Form(_masked)))
    checksum_ok: bool | None = json_field(Bool(), nullable=True)
    gvlk: str | None = json_field(Text(200), nullable=True)
    valid: bool | None = json_field(Bool(), optional=True)
    used_anyway: bool | None = json_field(Bool(), optional=True)
    checklist: dict = json_field(MapOf(Bool()))


@record_part
class Promo(RecordPart):
    """The request to the OEM (``core.promo.PromoRequest.to_json``; its fields: promo.FIELDS)."""

    company: str = json_field(Text())
    contact_name: str = json_field(Text())
    contact_email: str = json_field(Text())
    contact_phone: str = json_field(Text())
    systems: int = json_field(Int(0, MAX_SYSTEMS))
    deployment_date: str = json_field(Text(form=Form(_day)))  # the date as text, "" when not given
    tam_name: str | None = json_field(Text(), nullable=True)
    tam_contact: str | None = json_field(Text(), nullable=True)
    oem_name: str | None = json_field(Text(), nullable=True)
    oem_email: str | None = json_field(Text(), nullable=True)
    note: str | None = json_field(Text(MAX_NOTE), optional=True)


PROMO_FIELDS = tuple(name for name in Promo._ORDER if name != "note")  # the note is optional, and long


@record_part
class Discovery(RecordPart):
    """The host the console's own KMS client found (its /dstatus, without a /sethst override)."""

    host: str | None = json_field(Text(), nullable=True)
    not_available: bool = json_field(Bool())


@record_part
class LookupHost(RecordPart):
    target: str = json_field(Text())
    port: int = json_field(_PORT)
    priority: int | None = json_field(_PORT, optional=True)
    weight: int | None = json_field(_PORT, optional=True)


@record_part
class Lookup(RecordPart):
    """The console's own nslookup answer for one suffix, read (core.judge)."""

    domain: str = json_field(Text())
    status: str = json_field(Text(choices=judge_mod.LOOKUP_STATUSES))
    hosts: list[LookupHost] | None = json_field(ListOf(PartOf(LookupHost)), optional=True, nullable=False)


@record_part
class Console(RecordPart):
    """An imported console report: what was collected, when, from where."""

    file: str | None = json_field(Text(), nullable=True)
    computer: str = json_field(Text())
    collected_at: str = json_field(Text(64, form=Form(_datetime, section=True)))
    os: str | None = json_field(Text(), optional=True)
    suffix_order: list[str] | None = json_field(_TEXTS, optional=True, nullable=False)
    order_source: str | None = json_field(Text(), optional=True)
    dns_servers: list[str] | None = json_field(_TEXTS, optional=True, nullable=False)
    nslookup_collected: bool | None = json_field(Bool(), optional=True)
    dstatus_collected: bool | None = json_field(Bool(), optional=True)
    problems: list[str] | None = json_field(_TEXTS, optional=True, nullable=False)
    discovery: Discovery | None = json_field(PartOf(Discovery), optional=True)
    lookups: list[Lookup] | None = json_field(ListOf(PartOf(Lookup)), optional=True, nullable=False)


@record_part
class Item(RecordPart):
    """One warning, proof, disagreement, step or note of the room verdict (core.judge.Item):
    a code with its parameters, each parameter typed."""

    code: str = json_field(Text())
    evidence: str | None = json_field(Text(choices=judge_mod.EVIDENCE), optional=True)
    verdict: str | None = json_field(Text(), optional=True)
    domain: str | None = json_field(Text(), optional=True)
    host: str | None = json_field(Text(), optional=True)
    here: str | None = json_field(Text(), optional=True)
    by: str | None = json_field(Text(), optional=True)
    error: str | None = json_field(Text(), optional=True)
    last5: str | None = json_field(Text(), optional=True)
    used: str | None = json_field(Text(), optional=True)
    found: str | None = json_field(Text(), optional=True)
    expected: str | None = json_field(Text(), optional=True)
    kms: str | None = json_field(Text(), optional=True)
    hosts: list[str] | None = json_field(_TEXTS, optional=True, nullable=False)
    domains: list[str] | None = json_field(_TEXTS, optional=True, nullable=False)
    port: int | None = json_field(_PORT, optional=True)
    timeout: float | None = json_field(Number(), optional=True)
    still: bool | None = json_field(Bool(), optional=True)
    mak: bool | None = json_field(Bool(), optional=True)
    gvlk: bool | None = json_field(Bool(), optional=True)


# Each list of the verdict allows its own codes.
@record_part
class VerdictWarning(Item):
    code: str = json_field(Text(choices=judge_mod.WARNINGS))


@record_part
class Proof(Item):
    code: str = json_field(Text(choices=judge_mod.PROVEN))


@record_part
class Disagreement(Item):
    code: str = json_field(Text(choices=judge_mod.DISAGREEMENTS))


@record_part
class Step(Item):
    code: str = json_field(Text(choices=judge_mod.STEPS))


@record_part
class Note(Item):
    code: str = json_field(Text(choices=judge_mod.NOTES))


@record_part
class Verdict(RecordPart):
    """The room verdict (core.judge.RoomVerdict): codes; parameters beside each code."""

    state: str = json_field(Text(choices=judge_mod.STATES))
    evidence: str = json_field(Text(choices=judge_mod.EVIDENCE))
    kms_verdict: str | None = json_field(Text(choices=kms_mod.VERDICTS), optional=True)
    warnings: list[Item] | None = json_field(ListOf(PartOf(VerdictWarning)), optional=True, nullable=False)
    proven: list[Item] | None = json_field(ListOf(PartOf(Proof)), optional=True, nullable=False)
    disagreements: list[Item] | None = json_field(ListOf(PartOf(Disagreement)), optional=True, nullable=False)
    steps: list[Item] | None = json_field(ListOf(PartOf(Step)), optional=True, nullable=False)
    notes: list[Item] | None = json_field(ListOf(PartOf(Note)), optional=True, nullable=False)


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


@record_part
class Record(RecordPart):
    """A validated record. The field order is the order a new record is written in."""

    schema: str = json_field(ANY, of=lambda m: SCHEMA)  # checked first, on its own
    created: str = json_field(Text(64, form=Form(_created)), of=lambda m: m.now.isoformat(timespec="seconds"))
    # The name of the zone ``created`` is in, as the computer calls it ("China Standard Time",
    # "CST"): a room's local times read without working out its offset. Absent in older records.
    time_zone: str | None = json_field(Text(64), optional=True, of=lambda m: m.now.tzname())
    app_version: str = json_field(Text(), of=lambda m: _version())
    machine: str = json_field(Text(), of=lambda m: m.machine)
    technician: str = json_field(Text(), of=lambda m: m.session.technician.strip())
    customer: str = json_field(Text(), of=lambda m: m.session.customer.strip())
    site: str = json_field(Text(), of=lambda m: m.session.site.strip())
    path: str = json_field(Text(choices=PATHS), of=lambda m: m.path)
    kms: Kms | None = json_field(PartOf(Kms), nullable=True,
                             of=lambda m: m.session.kms.to_json() if m.session.kms else None)
    mak: Mak | None = json_field(PartOf(Mak), nullable=True, of=_mak_of)
    promo: Promo | None = json_field(PartOf(Promo), nullable=True,
                                 of=lambda m: m.session.promo.to_json() if m.path == "promo" else None)
    promo_actions: list[str] | None = json_field(
        _TEXTS, optional=True, nullable=False,
        of=lambda m: list(m.session.promo_actions) if m.path == "promo" else [])
    notes: str | None = json_field(Text(MAX_NOTE), optional=True, nullable=False, of=lambda m: m.session.notes)
    # The console's own answer; null when not checked (and on the promo path: no MAK yet).
    # Absent in records made before the activation check.
    activation: Activation | None = json_field(
        PartOf(Activation), optional=True,
        of=lambda m: m.session.activation.to_json() if m.session.activation is not None and m.path != "promo"
        else None)
    # An imported console report: what was collected, when, from where.
    console: Console | None = json_field(PartOf(Console), optional=True,
                                     of=lambda m: m.session.console if m.session.console is not None else ABSENT)
    # Absent in records made before the room verdict: computed on load.
    verdict: Verdict | None = json_field(PartOf(Verdict), optional=True,
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


def read(data: Any, own: bool = False) -> tuple[Record | None, list[Problem]]:
    """The record in a JSON value, and every problem with it (codes naming the field, never
    quoting a value). The record is None only when ``data`` is no record at all. ``own``: the
    value is the reader's to take apart (its objects become the record's)."""
    if not isinstance(data, dict):
        return None, [Problem("", NOT_OBJECT)]
    if data.get("schema") != SCHEMA:
        return None, [Problem("schema", WRONG_SCHEMA, (SCHEMA,))]
    reader = Reader(own)
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
    reader = Reader()
    reader.value(value, spec, name, 1)
    return reader.finish()


def make(session: Any, machine: str, now: datetime | None = None, check: bool = True) -> Record:
    """The record of a session, each field as its ``of`` says; a key typed into any free text
    is saved with its last 5 characters only. Checked as a saved record would be
    (RecordError) unless ``check`` is False (only to show it while something is still wrong).
    ``session`` is a core.session.Session, ``machine`` the computer's name."""
    making = _Making(session, now or datetime.now().astimezone(), machine, session.path)
    data = {}
    for f in dataclasses.fields(Record):
        rule = f.metadata[META]
        value = rule.of(making)
        if value is not ABSENT:
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
