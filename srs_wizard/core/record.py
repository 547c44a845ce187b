"""The session record: everything the wizard learned, as JSON with a schema marker.

The record is what the summary page and the PDF are drawn from, and what support loads to
draw the PDF again. It never holds a whole product key: loading one that does is refused.
Unknown extra fields are kept, so a newer writer's additions survive a round trip.
"""

from __future__ import annotations

import functools
import json
import math
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from srs_wizard.core import activation as activation_mod
from srs_wizard.core import console as console_mod
from srs_wizard.core import judge as judge_mod
from srs_wizard.core import kms as kms_mod
from srs_wizard.core import product_key
from srs_wizard.core import promo as promo_mod
from srs_wizard.core.promo import MAX_NOTE, MAX_SYSTEMS

SCHEMA = "srs-wizard/record/1"
PATHS = ("kms", "mak", "promo")
PROMO_FIELDS = tuple(name for name in promo_mod.FIELDS if name != "note")  # the note is optional, and long
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


@dataclass(frozen=True)
class Record:
    """A validated record. ``data`` is the JSON object, extra fields included."""

    data: dict

    def to_json(self) -> dict:
        return self.data

    def dumps(self) -> str:
        return json.dumps(self.data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"

    def __getattr__(self, name: str) -> Any:
        try:
            return self.data[name]
        except KeyError:
            raise AttributeError(name) from None


def contains_unmasked_key(value: Any) -> bool:
    """Is a whole product key (one with its single N) anywhere in this JSON value?"""
    return product_key.contains_key_in(value)


def mask_keys(value: Any) -> Any:
    """A copy of a JSON value with every whole key in its texts masked (last 5 shown)."""
    return product_key.mask_keys_in(value)


# --------------------------------------------------------------------------- the shape
#
# The whole shape the summary, the PDF and ``--json`` read, as one schema checked in one
# walk: whatever passes renders. Unknown fields are kept and checked only for what is
# unsafe anywhere (depth, size, numbers that are not finite, broken text, a whole key).


@dataclass(frozen=True)
class _Text:
    limit: int = MAX_TEXT
    choices: tuple[str, ...] | None = None


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
class _Field:
    spec: Any
    required: bool = True
    nullable: bool = False


@dataclass(frozen=True)
class _Object:
    fields: dict

    @functools.cached_property
    def rules(self) -> tuple:
        """(name, required, nullable, spec, spec's class) of each field, for the walk's loop."""
        return tuple((name, rule.required, rule.nullable, rule.spec, rule.spec.__class__)
                     for name, rule in self.fields.items())


class _Anything:
    pass


_ANY = _Anything()
_SOURCES = (kms_mod.SOURCE_ARGUMENT, kms_mod.SOURCE_PRIMARY, kms_mod.SOURCE_SEARCH_LIST, console_mod.SOURCE_CONSOLE)
_STATUSES = (kms_mod.OK, kms_mod.NXDOMAIN, kms_mod.NO_ANSWER, kms_mod.NOT_AVAILABLE, kms_mod.TIMEOUT,
             kms_mod.SERVFAIL, kms_mod.REFUSED, kms_mod.ERROR)
_PROBE_RESULTS = (kms_mod.PROBE_OPEN, kms_mod.PROBE_REFUSED, kms_mod.PROBE_TIMEOUT, kms_mod.PROBE_ERROR)
_PORT = _Int(0, 65535)


def _optional(spec: Any, nullable: bool = True) -> _Field:
    return _Field(spec, required=False, nullable=nullable)


_ERRNO = _Int(-(2 ** 31), 2 ** 32)
_DETAIL = _Object({
    "code": _Field(_Text(choices=kms_mod.DETAILS)),
    "count": _optional(_Int()),
    "rcode": _optional(_Text()),
    "reason": _optional(_Text()),
    "errno": _optional(_ERRNO),
})
_NOTE = _Object({
    "code": _Field(_Text(choices=kms_mod.NOTE_CODES)),
    "total": _optional(_Int()),
    "shown": _optional(_Int()),
})
_PROBE = _Object({
    "address": _Field(_Text()),
    "result": _Field(_Text(choices=_PROBE_RESULTS)),
    "connect_ms": _optional(_Number()),
    "error": _optional(_Text()),          # records before codes: a sentence, not read back
    "errno": _optional(_ERRNO),
    "os_error": _optional(_Text()),
    "protocol": _optional(_Text(choices=kms_mod.PROTOCOLS)),
    "protocol_reason": _optional(_Text(choices=kms_mod.PROTOCOL_REASONS)),
})
_HOST = _Object({
    "target": _Field(_Text()),
    "port": _Field(_PORT),
    "priority": _Field(_PORT),
    "weight": _Field(_PORT),
    "domain": _optional(_Text()),
    "addresses": _Field(_List(_Text())),
    "reachable": _Field(_Bool(), nullable=True),
    "connect_ms": _optional(_Number()),
    "error": _optional(_Text()),          # records before codes: a sentence, not read back
    "error_code": _optional(_Text(choices=(kms_mod.HOST_NO_ADDRESS, kms_mod.HOST_UNREACHABLE))),
    "expected": _optional(_Bool()),
    "domains": _optional(_List(_Text())),
    "probes": _optional(_List(_PROBE)),
    "protocol": _optional(_Text(choices=kms_mod.PROTOCOLS)),
})
_DOMAIN = _Object({
    "name": _Field(_Text()),
    "source": _optional(_Text(choices=_SOURCES), nullable=False),
    "status": _Field(_Text(choices=_STATUSES)),
    "message": _optional(_Text()),        # records before codes: a sentence, not read back
    "detail": _optional(_DETAIL),
    "elapsed_ms": _optional(_Number()),
    "nameserver": _optional(_Text()),
    "used": _optional(_Bool(), nullable=False),
    "console_nslookup": _optional(_Text(MAX_NOTE)),
})
_KMS = _Object({
    "verdict": _Field(_Text(choices=kms_mod.VERDICTS)),
    "domains": _Field(_List(_DOMAIN)),
    "hosts": _Field(_List(_HOST)),
    "unexpected_hosts": _Field(_List(_Text())),
    "elapsed_ms": _optional(_Number()),
    "notes": _optional(_List(_Text(MAX_NOTE))),  # records before codes: sentences
    "note_codes": _optional(_List(_NOTE)),
    "nameservers": _optional(_List(_Text())),
    "connect_tried": _optional(_Bool(), nullable=False),
    "bind_tried": _optional(_Bool(), nullable=False),
    "config_problem": _optional(_Text()),  # records before codes: a sentence
    "config_problem_code": _optional(_Text(choices=kms_mod.CONFIG_PROBLEMS)),
    "config_problem_reason": _optional(_Text()),
})
_MAK = _Object({
    "masked": _Field(_Text(100)),
    "checksum_ok": _Field(_Bool(), nullable=True),
    "gvlk": _Field(_Text(200), nullable=True),
    "valid": _optional(_Bool()),
    "used_anyway": _optional(_Bool()),
    "checklist": _Field(_Map(_Bool())),
})
_PROMO = _Object({
    **{name: _Field(_Text()) for name in promo_mod.REQUIRED if name != "systems"},  # the date as text
    "systems": _Field(_Int(0, MAX_SYSTEMS)),
    **{name: _Field(_Text(), nullable=True) for name in promo_mod.OPTIONAL if name != "note"},
    "note": _optional(_Text(MAX_NOTE)),
})
_PRODUCT = _Object({
    **{name: _optional(_Text()) for name in ("source", "sku_id", "license_name", "description", "status",
                                             "error_code", "error_description", "kms_dns_host", "kms_override")},
    "channel": _optional(_Text(choices=activation_mod.CHANNELS)),
    "last5": _optional(_Text(5)),
    **{name: _optional(_Int()) for name in ("grace_minutes", "activation_interval", "renewal_interval")},
    **{name: _optional(_Bool()) for name in ("informational", "activated", "kms_name_not_available")},
})
_OFFLINE = _Object({  # offline activation with a confirmation ID (never the IDs themselves)
    "used": _Field(_Bool()),
    "installation_id_groups": _optional(_Int(0, MAX_ITEMS)),
    "result": _Field(_Text(choices=activation_mod.OFFLINE_RESULTS)),
    "error_code": _optional(_Text(64)),
})
_ACTIVATION = _Object({  # only the verdict is required: the rest is what the check could tell
    "source": _optional(_Text(choices=activation_mod.SOURCES)),
    "checked_at": _optional(_Text(64)),
    "verdict": _Field(_Text(choices=activation_mod.VERDICTS)),
    "error_code": _optional(_Text(64)),
    "product": _optional(_Int(0, MAX_ITEMS)),
    "products": _optional(_List(_PRODUCT), nullable=False),
    "key_matches": _optional(_Bool()),
    "kms_host": _optional(_Text()),
    "override": _optional(_Bool()),
    "kms_host_check": _optional(_Text(64)),
    "offline": _optional(_OFFLINE),
})
_CONSOLE = _Object({
    "file": _Field(_Text(), nullable=True),
    "computer": _Field(_Text()),
    "collected_at": _Field(_Text(64)),
    "os": _optional(_Text()),
    "suffix_order": _optional(_List(_Text()), nullable=False),
    "order_source": _optional(_Text()),
    "dns_servers": _optional(_List(_Text()), nullable=False),
    "nslookup_collected": _optional(_Bool()),
    "dstatus_collected": _optional(_Bool()),
    "problems": _optional(_List(_Text()), nullable=False),
    "discovery": _optional(_Object({  # its /dstatus: the host the console's KMS client found
        "host": _Field(_Text(), nullable=True),
        "not_available": _Field(_Bool()),
    })),
    "lookups": _optional(_List(_Object({  # the console's own nslookup answers, read (core.judge)
        "domain": _Field(_Text()),
        "status": _Field(_Text(choices=judge_mod.LOOKUP_STATUSES)),
        "hosts": _optional(_List(_Object({"target": _Field(_Text()), "port": _Field(_PORT),
                                          "priority": _optional(_PORT), "weight": _optional(_PORT)})),
                           nullable=False),
    })), nullable=False),
})


# Every parameter a verdict item has (core.judge), typed, so the walk settles them at once.
_ITEM_PARAMS = {
    **{name: _optional(_Text()) for name in ("verdict", "domain", "host", "here", "by", "error", "last5", "used",
                                             "found", "expected", "kms")},
    **{name: _optional(_List(_Text()), nullable=False) for name in ("hosts", "domains")},
    "port": _optional(_PORT),
    "timeout": _optional(_Number()),
    **{name: _optional(_Bool()) for name in ("still", "mak", "gvlk")},
}


def _items(codes: tuple[str, ...]) -> _Field:
    return _optional(_List(_Object({"code": _Field(_Text(choices=codes)),
                                    "evidence": _optional(_Text(choices=judge_mod.EVIDENCE)),
                                    **_ITEM_PARAMS})), nullable=False)


_VERDICT = _Object({  # the room verdict (core.judge): codes; parameters beside each code
    "state": _Field(_Text(choices=judge_mod.STATES)),
    "evidence": _Field(_Text(choices=judge_mod.EVIDENCE)),
    "kms_verdict": _optional(_Text(choices=kms_mod.VERDICTS)),
    "warnings": _items(judge_mod.WARNINGS),
    "proven": _items(judge_mod.PROVEN),
    "disagreements": _items(judge_mod.DISAGREEMENTS),
    "steps": _items(judge_mod.STEPS),
    "notes": _items(judge_mod.NOTES),
})
_RECORD = _Object({
    "schema": _Field(_ANY),  # checked first, on its own
    "created": _Field(_Text(64)),
    **{name: _Field(_Text()) for name in ("app_version", "machine", "technician", "customer", "site")},
    "notes": _optional(_Text(MAX_NOTE), nullable=False),
    "path": _Field(_Text(choices=PATHS)),
    "kms": _Field(_KMS, nullable=True),
    "mak": _Field(_MAK, nullable=True),
    "promo": _Field(_PROMO, nullable=True),
    "promo_actions": _optional(_List(_Text()), nullable=False),
    "activation": _optional(_ACTIVATION),  # absent in records made before the activation check
    "console": _optional(_CONSOLE),  # an imported console report: what was collected, when, from where
    "verdict": _optional(_VERDICT),  # absent in records made before the room verdict: computed on load
})


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
            _Object: "object"}[type(spec)]


_SHORT = product_key.KEY_LENGTH  # shorter text cannot hold a whole key
_ABSENT = object()


class _Walk:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

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

    def wrong_type(self, value: Any, spec: Any, field: str) -> None:
        self.add(field, WRONG_TYPE, _spec_kind(spec), _kind(value))

    def value(self, value: Any, spec: Any, field: str, depth: int) -> None:
        # Every string of a record passes here (or through ``anything``) once: this walk is the
        # record's whole key scan, so it is kept tight (a rollout reads thousands of records).
        if depth > MAX_DEPTH:
            self.add(field, TOO_DEEP, MAX_DEPTH)
            return
        cls = spec.__class__
        if cls is _Text:
            if not isinstance(value, str):
                self.wrong_type(value, spec, field)
            # Short ASCII text (most of a record) can hold neither a key nor a broken character.
            elif ((len(value) < _SHORT and len(value) <= spec.limit and value.isascii())
                  or self.text(value, field, spec.limit)) and spec.choices is not None and value not in spec.choices:
                self.add(field, NOT_ONE_OF, spec.choices)
        elif cls is _Object:
            if isinstance(value, dict):
                self.object(value, spec, field, depth)
            else:
                self.wrong_type(value, spec, field)
        elif cls is _Int:
            if not isinstance(value, int) or isinstance(value, bool):
                self.wrong_type(value, spec, field)
            elif not spec.low <= value <= spec.high:
                self.add(field, OUT_OF_RANGE, spec.low, spec.high)
        elif cls is _Bool:
            if not isinstance(value, bool):
                self.wrong_type(value, spec, field)
        elif cls is _List:
            if isinstance(value, list):
                self.items(value, spec.item, field, depth)
            else:
                self.wrong_type(value, spec, field)
        elif cls is _Number:
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                self.wrong_type(value, spec, field)
            else:
                self.number(value, field)
        elif cls is _Map:
            if not isinstance(value, dict):
                self.wrong_type(value, spec, field)
                return
            for key, item in value.items():
                where = f"{field}.{_name(key)}"
                if self.key(key, where):
                    self.value(item, spec.value, where, depth + 1)
        elif spec is _ANY:
            self.anything(value, field, depth)

    def items(self, value: list, item_spec: Any, field: str, depth: int) -> None:
        if len(value) > MAX_ITEMS:
            self.add(field, TOO_MANY, MAX_ITEMS)
            return
        deeper = depth + 1
        cls = item_spec.__class__
        if cls is _Text and item_spec.choices is None:
            limit = item_spec.limit if item_spec.limit < _SHORT else _SHORT - 1
            for i, item in enumerate(value):
                if item.__class__ is not str or len(item) > limit or not item.isascii():
                    self.value(item, item_spec, f"{field}[{i}]", deeper)
                # else as in ``object``: short ASCII text needs nothing more
        elif cls is _Object and deeper <= MAX_DEPTH:
            for i, item in enumerate(value):
                if item.__class__ is dict:
                    self.object(item, item_spec, f"{field}[{i}]", deeper)
                else:
                    self.value(item, item_spec, f"{field}[{i}]", deeper)
        else:
            for i, item in enumerate(value):
                self.value(item, item_spec, f"{field}[{i}]", deeper)

    def object(self, value: dict, spec: _Object, field: str, depth: int) -> None:
        prefix = f"{field}." if field else ""
        known = 0
        deeper = depth + 1
        for name, required, nullable, rule, cls in spec.rules:
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
                    if rule.choices is not None and item not in rule.choices:
                        self.add(prefix + name, NOT_ONE_OF, rule.choices)
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
                    if item:  # an empty list is always fine
                        self.items(item, rule.item, prefix + name, deeper)
                    continue
            elif item is None and nullable:
                continue
            self.value(item, rule, prefix + name, deeper)
        if len(value) > MAX_ITEMS:
            self.add(field, TOO_MANY, MAX_ITEMS)
            return
        if known == len(value):
            return  # no field beyond the schema's
        for name, item in value.items():
            if name in spec.fields:
                continue
            where = prefix + _name(name)
            if self.key(name, where):
                self.anything(item, where, deeper)

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
            self.object(value, _Object({}), field, depth)
        else:
            self.add(field, WRONG_TYPE, "json", "other")


def check(data: Any) -> list[Problem]:
    """Every problem with a record, as codes; each names the field and never quotes a value."""
    if not isinstance(data, dict):
        return [Problem("", NOT_OBJECT)]
    if data.get("schema") != SCHEMA:
        return [Problem("schema", WRONG_SCHEMA, (SCHEMA,))]
    walk = _Walk()
    walk.object(data, _RECORD, "", 0)
    problems = walk.problems
    bad = {p.field.split(".")[0].split("[")[0] for p in problems}
    created = data.get("created")
    if isinstance(created, str) and "created" not in bad:
        try:
            moment = datetime.fromisoformat(created)
        except ValueError:
            problems.append(Problem("created", NOT_DATETIME))
        else:
            if not _EXTENDED_DATETIME.fullmatch(created):
                problems.append(Problem("created", NOT_EXTENDED_DATETIME))
            elif moment.tzinfo is None:
                problems.append(Problem("created", NO_UTC_OFFSET))
    kms = data.get("kms")
    if isinstance(kms, dict) and not any(p.field.startswith("kms") for p in problems):
        if kms["verdict"] == kms_mod.READY and not any(h.get("reachable") is True for h in kms["hosts"]):
            problems.append(Problem("kms.verdict", READY_WITHOUT_HOST))
    mak = data.get("mak")
    if isinstance(mak, dict) and isinstance(mak.get("masked"), str) and not any(
            p.field == "mak.masked" for p in problems) and not _MASKED.match(mak["masked"]):
        problems.append(Problem("mak.masked", NOT_MASKED))
    promo = data.get("promo")
    if isinstance(promo, dict) and isinstance(promo.get("deployment_date"), str) and not any(
            p.field == "promo.deployment_date" for p in problems):
        text = promo["deployment_date"]
        try:
            if not _DATE.match(text):
                raise ValueError(text)
            datetime.strptime(text, "%Y-%m-%d")
        except ValueError:
            problems.append(Problem("promo.deployment_date", NOT_DATE))
    console = data.get("console")
    if isinstance(console, dict) and not any(p.field.startswith("console") for p in problems):
        try:
            datetime.fromisoformat(console["collected_at"])  # the collector's local time may lack an offset
        except ValueError:
            problems.append(Problem("console.collected_at", NOT_DATETIME))
    activation = data.get("activation")
    if isinstance(activation, dict) and not any(p.field.startswith("activation") for p in problems):
        checked = activation.get("checked_at")
        if checked is not None:
            try:
                if datetime.fromisoformat(checked).tzinfo is None:
                    problems.append(Problem("activation.checked_at", NO_UTC_OFFSET))
            except ValueError:
                problems.append(Problem("activation.checked_at", NOT_DATETIME))
        for i, product in enumerate(activation.get("products", [])):
            last5 = product.get("last5")
            if last5 is not None and not (len(last5) == 5 and last5.isascii() and last5.isalnum()):
                problems.append(Problem(f"activation.products[{i}].last5", NOT_MASKED))
    path = data.get("path")
    if not problems and data.get(path) is None and not (path == "kms" and _kms_not_checked(data)):
        problems.append(Problem(path, RESULTS_MISSING, (path,)))
    return problems


def _kms_not_checked(data: dict) -> bool:
    """The KMS path without a check, said so by the room verdict ("go on without a check")."""
    verdict = data.get("verdict")
    notes = verdict.get("notes") if isinstance(verdict, dict) else None
    return isinstance(notes, list) and any(isinstance(n, dict) and n.get("code") == judge_mod.N_KMS_NOT_CHECKED
                                           for n in notes)


def from_json(data: Any) -> Record:
    problems = check(data)
    if problems:
        raise RecordError(problems)
    return Record(data)


def loads(raw: bytes | str) -> Record:
    if len(raw) > MAX_RECORD_BYTES:
        raise RecordError([Problem("", TOO_BIG, (MAX_RECORD_BYTES,))])
    try:
        data = json.loads(raw)
    except RecursionError:
        raise RecordError([Problem("", TOO_NESTED_JSON)]) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise RecordError([Problem("", NOT_JSON, (str(exc),))]) from None
    return from_json(data)


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
