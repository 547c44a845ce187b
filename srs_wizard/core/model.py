"""The record's model: field types, the one reader and the one writer, and the console's
activation answer, the part of the record that ``read-status --json`` and rollout share.

A part of the record is a frozen dataclass (``@record_part``) whose fields say everything
about themselves in ``dataclasses.field(metadata=...)``, made by ``json_field``: the JSON
name when it differs, the type with its limits and allowed codes (``Text``, ``Int``,
``ListOf``, ``PartOf`` ...), whether the field is required and whether it may be null, a
format its text must have, and (on the record) how a session gives its value. One reader
(``Reader``) and one writer (``RecordPart.to_json``) are driven by that metadata alone, so
adding a field is one line (and its words in ``core.present``).

Why ``field(metadata=...)`` and not ``typing.Annotated``: these modules use postponed
annotations (``from __future__ import annotations``), so an ``Annotated`` type would have to
be resolved by ``typing.get_type_hints`` (evaluating every annotation, forward references
included) before the rules could be read; ``dataclasses.fields()`` hands the metadata over
as it was written, with no evaluation, and leaves the annotation to say the plain Python
type the reader produces (``str | None``, ``list[Host]``).

The reader keeps each object's key order and its unknown fields, so a part written again is
the same JSON (``dumps`` byte for byte); what a field's rules refuse is reported as a
``Problem`` naming the field, never quoting its value. This module is light (the activation
constants, the key finder), so ``read-status`` loads it without the KMS check or the judge.
"""

from __future__ import annotations

import dataclasses
import math
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable

from srs_wizard.core import activation as activation_mod
from srs_wizard.core import product_key
from srs_wizard.core.promo import MAX_NOTE
from srs_wizard.core.record_problems import (
    BROKEN_TEXT,
    HOLDS_KEY,
    MISSING,
    NO_UTC_OFFSET,
    NOT_DATETIME,
    NOT_FINITE,
    NOT_MASKED,
    NOT_ONE_OF,
    OUT_OF_RANGE,
    TOO_DEEP,
    TOO_LONG,
    TOO_MANY,
    WRONG_TYPE,
    Problem,
)

_SURROGATE = re.compile("[\ud800-\udfff]")

# Bounds: the renderer stays fast and the output small whatever a record holds.
# MAX_NOTE (100,000, from promo): characters of a note (record notes, promo note, unknown fields)
MAX_TEXT = 2_000               # characters of any other text
MAX_ITEMS = 1_000              # items of a list
MAX_DEPTH = 32                 # levels of nesting
MAX_NUMBER = 10 ** 12          # a time in ms, a port, a count: far below this
_SHORT = product_key.KEY_LENGTH  # shorter text cannot hold a whole key


# --------------------------------------------------------------------------- field types
#
# A field's type with its limits. Text may name a format (``form``): a check of its value
# run once the rest has passed (a date, a masked key), so that its problem is the one that
# matters. ``section`` forms wait for their whole top-level part (``console``, ``activation``)
# to pass, the others for their own field.


@dataclass(frozen=True)
class Form:
    check: Callable[[str], str | None]  # the text -> a problem code, or None
    section: bool = False


@dataclass(frozen=True)
class Text:
    limit: int = MAX_TEXT
    choices: tuple[str, ...] | None = None
    form: Form | None = None

    fussy: bool = dataclasses.field(init=False, repr=False)  # more to check than length and safety
    short: int = dataclasses.field(init=False, repr=False)   # shorter ASCII text needs no scan

    def __post_init__(self) -> None:
        object.__setattr__(self, "fussy", self.choices is not None or self.form is not None)
        object.__setattr__(self, "short", min(self.limit + 1, _SHORT))


@dataclass(frozen=True)
class Int:
    low: int = 0
    high: int = MAX_NUMBER


@dataclass(frozen=True)
class Number:
    pass


@dataclass(frozen=True)
class Bool:
    pass


@dataclass(frozen=True)
class ListOf:
    item: Any


@dataclass(frozen=True)
class MapOf:
    value: Any


@dataclass(frozen=True)
class PartOf:
    """An object of the record: a dataclass defined below (``cls`` a ``RecordPart``)."""

    cls: Any


class Anything:
    pass


ANY = Anything()


@dataclass(frozen=True)
class Rule:
    spec: Any
    required: bool = True
    nullable: bool = False
    json: str | None = None
    of: Callable[[Any], Any] | None = None  # Record only: the value a session gives (``_Making``)


META = "record"
ABSENT = object()  # a field the JSON does not have; ``of`` returns it to leave a field out


def json_field(spec: Any, optional: bool = False, nullable: bool | None = None, json: str | None = None,
           of: Callable[[Any], Any] | None = None) -> Any:
    """A record field: its type (``spec``), required unless ``optional`` (an optional field
    may be null unless ``nullable`` is False; a required one only when ``nullable``), its
    JSON name when it is not the attribute's, and (Record only) the session's value."""
    rule = Rule(spec, not optional, optional if nullable is None else nullable, json, of)
    return dataclasses.field(default=None, metadata={META: rule})


class RecordPart:
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
                    out[how[0]] = value if how[2] else write_value(value, how[1])
            return out
        attrs, extra = self._ATTRS, self.extra
        for name in keys:
            attr = attrs.get(name)
            if attr is None:
                out[name] = extra[name]
            else:
                how = write[attr]
                value = values[attr]
                out[name] = value if how[2] else write_value(value, how[1])
        return out

    def _problems(self, field: str) -> list[Problem]:
        """Rules across this part's fields, once its fields have passed."""
        return []


PLAIN = (Text, Int, Number, Bool, Anything)


def write_value(value: Any, spec: Any) -> Any:
    cls = spec.__class__
    if cls is PartOf:
        return value.to_json() if isinstance(value, RecordPart) else value
    if cls is ListOf:
        if not isinstance(value, (tuple, list)):
            return value
        if spec.item.__class__ in PLAIN:
            return list(value)
        return [write_value(item, spec.item) for item in value]
    if cls is MapOf and isinstance(value, dict):
        return {key: write_value(item, spec.value) for key, item in value.items()}
    return value


def record_part(cls):
    """A frozen dataclass of the record, with its rules compiled for the reader and the writer."""
    cls = dataclass(frozen=True)(cls)
    rules, write, attrs = [], {}, {}
    for f in dataclasses.fields(cls):
        rule = f.metadata.get(META)
        if rule is None:
            continue
        name = rule.json or f.name
        rules.append((name, rule.required, rule.nullable, rule.spec, rule.spec.__class__))
        write[f.name] = (name, rule.spec, rule.spec.__class__ in PLAIN)
        attrs[name] = f.name
    cls._RULES, cls._WRITE, cls._ATTRS = tuple(rules), write, attrs
    cls._RENAMES = tuple((name, attr) for name, attr in attrs.items() if name != attr)
    cls._ORDER = tuple(attrs)
    cls._NAMES = frozenset(attrs)
    cls._OWN_RULES = cls._problems is not RecordPart._problems
    cls._SPECIAL = cls._OWN_RULES or bool(cls._RENAMES)
    cls._read = staticmethod(_reader_of(cls))
    return cls


def _reader_of(cls) -> Callable:
    """The reader of one part, written out from its rules (as dataclasses writes __init__):
    each field's checks inline, with its limits as constants. What the inline checks do not
    settle goes to ``Reader.value``, the one place that says what is wrong; so this is only
    the fast path for what is right, and says nothing a field's metadata does not."""
    names: dict[str, Any] = {"ABSENT": ABSENT, "MISSING": MISSING, "NOT_ONE_OF": NOT_ONE_OF, "MAX_ITEMS": MAX_ITEMS,
                             "MAX_DEPTH": MAX_DEPTH, "new": object.__new__, "set_attribute": object.__setattr__,
                             "model": cls}
    lines = ["def read(self, value, field, depth):",
             "    out = value if self.own else value.copy()",
             "    deeper = depth + 1",
             "    known = 0"]
    for i, (name, required, nullable, spec, kind) in enumerate(cls._RULES):
        names[f"spec{i}"] = spec
        at = f"(field, {name!r})"
        lines += [f"    item = value.get({name!r}, ABSENT)",
                  "    if item is ABSENT:",
                  f"        self.add({at}, MISSING)" if required else "        pass",
                  "    else:",
                  "        known += 1"]
        if kind is Text:
            lines.append(f"        if item.__class__ is str and len(item) < {spec.short} and item.isascii():")
            if spec.choices is not None:
                names[f"choices{i}"] = spec.choices
                lines += [f"            if item not in choices{i}:",
                          f"                self.add({at}, NOT_ONE_OF, choices{i})"]
                if spec.form is not None:
                    lines += ["            else:", f"                self.later.append(({at}, spec{i}.form, item))"]
            elif spec.form is not None:
                lines.append(f"            self.later.append(({at}, spec{i}.form, item))")
            else:
                lines.append("            pass")
        elif kind is Bool:
            lines += ["        if item.__class__ is bool:", "            pass"]
        elif kind is Int:
            lines += [f"        if item.__class__ is int and {spec.low} <= item <= {spec.high}:", "            pass"]
        elif kind is Number:
            lines += ["        if (item.__class__ is float or item.__class__ is int)"
                      f" and {-MAX_NUMBER} <= item <= {MAX_NUMBER}:", "            pass"]
        elif kind is ListOf:
            lines += ["        if item.__class__ is list and deeper <= MAX_DEPTH:",
                      "            if item:",
                      f"                out[{name!r}] = self.items(item, spec{i}.item, {at}, deeper)",
                      "            elif not self.own:",
                      f"                out[{name!r}] = []"]
        elif kind is PartOf:
            names[f"read{i}"] = spec.cls._read
            lines += ["        if item.__class__ is dict and deeper <= MAX_DEPTH:",
                      f"            out[{name!r}] = read{i}(self, item, {at}, deeper)"]
        else:  # a map, anything: the general way
            lines += ["        if False:", "            pass"]
        if nullable:
            lines += ["        elif item is None:", "            pass"]
        lines += ["        else:", f"            out[{name!r}] = self.value(item, spec{i}, {at}, deeper)"]
    special = " or model._SPECIAL" if cls._SPECIAL else ""
    lines += [f"    if known != len(value) or len(value) > MAX_ITEMS{special}:",
              "        return self.rest(value, out, model, field, deeper)",
              "    made = new(model)",
              "    set_attribute(made, '__dict__', out)",
              "    return made"]
    exec("\n".join(lines), names)  # noqa: S102  (text made here from the rules above, no input)
    read = names["read"]
    read.__qualname__ = f"{cls.__name__}._read"
    return read


# ---------------------------------------------------------------------------- formats


def _datetime_with_offset(text: str) -> str | None:
    try:
        return NO_UTC_OFFSET if datetime.fromisoformat(text).tzinfo is None else None
    except ValueError:
        return NOT_DATETIME


def _last5(text: str) -> str | None:
    return None if len(text) == 5 and text.isascii() and text.isalnum() else NOT_MASKED


# --------------------------------------------------------------------------- the console's answer


@record_part
class Product(RecordPart):
    """A product block of the console's answer (``core.activation.Product.to_json``; the
    fields not named here are kept as they are)."""

    source: str | None = json_field(Text(), optional=True)
    sku_id: str | None = json_field(Text(), optional=True)
    license_name: str | None = json_field(Text(), optional=True)
    description: str | None = json_field(Text(), optional=True)
    channel: str | None = json_field(Text(choices=activation_mod.CHANNELS), optional=True)
    status: str | None = json_field(Text(), optional=True)
    error_code: str | None = json_field(Text(), optional=True)
    informational: bool | None = json_field(Bool(), optional=True)
    error_description: str | None = json_field(Text(), optional=True)
    grace_minutes: int | None = json_field(Int(), optional=True)
    last5: str | None = json_field(Text(5, form=Form(_last5, section=True)), optional=True)
    kms_dns_host: str | None = json_field(Text(), optional=True)
    kms_override: str | None = json_field(Text(), optional=True)
    kms_name_not_available: bool | None = json_field(Bool(), optional=True)
    activation_interval: int | None = json_field(Int(), optional=True)
    renewal_interval: int | None = json_field(Int(), optional=True)
    activated: bool | None = json_field(Bool(), optional=True)


@record_part
class Offline(RecordPart):
    """Offline activation with a confirmation ID (never the IDs themselves)."""

    used: bool = json_field(Bool())
    installation_id_groups: int | None = json_field(Int(0, MAX_ITEMS), optional=True)
    result: str = json_field(Text(choices=activation_mod.OFFLINE_RESULTS))
    error_code: str | None = json_field(Text(64), optional=True)


@record_part
class Activation(RecordPart):
    """The console's own answer (``core.activation.ActivationResult``): the record's
    ``activation``, the verdict rollout reads, and ``read-status --json`` (``status_json``).
    Only the verdict is required: the rest is what the check could tell."""

    source: str | None = json_field(Text(choices=activation_mod.SOURCES), optional=True)
    checked_at: str | None = json_field(Text(64, form=Form(_datetime_with_offset, section=True)), optional=True)
    verdict: str = json_field(Text(choices=activation_mod.VERDICTS))
    error_code: str | None = json_field(Text(64), optional=True)
    product: int | None = json_field(Int(0, MAX_ITEMS), optional=True)  # its index in products
    products: list[Product] | None = json_field(ListOf(PartOf(Product)), optional=True, nullable=False)
    key_matches: bool | None = json_field(Bool(), optional=True)
    kms_host: str | None = json_field(Text(), optional=True)
    override: bool | None = json_field(Bool(), optional=True)
    kms_host_check: str | None = json_field(Text(64), optional=True)
    offline: Offline | None = json_field(PartOf(Offline), optional=True)

    @classmethod
    def of(cls, result: activation_mod.ActivationResult) -> "Activation":
        """The model of a check, as written (what it holds is the reader's, unchecked: an
        answer is shown whatever it holds; a record made from it is checked when made)."""
        return build(result.to_json(), cls, "activation")

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
    return {Text: "text", Int: "int", Number: "number", Bool: "bool", ListOf: "list", MapOf: "object",
            PartOf: "object"}[type(spec)]


_new_object = object.__new__
_set_attribute = object.__setattr__


class Reader:
    """JSON -> the record's dataclasses, with every problem (as codes, by field path).

    What a rule refuses is kept as it came (the model is then not one to save, and the
    problems say so). Every string of a record passes here once: this is the record's whole
    key scan, so the common leaves are settled inline (a rollout reads thousands)."""

    def __init__(self, own: bool = False) -> None:
        self.problems: list[Problem] = []
        self.later: list = []  # (field, form or None, value): formats and a part's own rules
        self.own = own  # the JSON is the reader's own (parsed from bytes): its objects are reused

    def add(self, field: Any, code: str, *details: Any) -> None:
        self.problems.append(Problem(path_text(field), code, details))

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
        if cls is Text:
            if not isinstance(value, str):
                return self.wrong_type(value, spec, field)
            # Short ASCII text (most of a record) can hold neither a key nor a broken character.
            if (len(value) < spec.short and value.isascii()) or self.text(value, field, spec.limit):
                if spec.choices is not None and value not in spec.choices:
                    self.add(field, NOT_ONE_OF, spec.choices)
                elif spec.form is not None:
                    self.later.append((field, spec.form, value))
        elif cls is PartOf:
            if isinstance(value, dict):
                return self.part(value, spec.cls, field, depth)
            return self.wrong_type(value, spec, field)
        elif cls is Int:
            if not isinstance(value, int) or isinstance(value, bool):
                return self.wrong_type(value, spec, field)
            if not spec.low <= value <= spec.high:
                self.add(field, OUT_OF_RANGE, spec.low, spec.high)
        elif cls is Bool:
            if not isinstance(value, bool):
                return self.wrong_type(value, spec, field)
        elif cls is ListOf:
            if isinstance(value, list):
                return self.items(value, spec.item, field, depth)
            return self.wrong_type(value, spec, field)
        elif cls is Number:
            if not isinstance(value, (int, float)) or isinstance(value, bool):
                return self.wrong_type(value, spec, field)
            self.number(value, field)
        elif cls is MapOf:
            if not isinstance(value, dict):
                return self.wrong_type(value, spec, field)
            out = {}
            for key, item in value.items():
                where = _joined(path_text(field), _name(key))
                out[key] = self.value(item, spec.value, where, depth + 1) if self.key(key, where) else item
            return out
        elif spec is ANY:
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
        if cls is Text and item_spec.choices is None and item_spec.form is None:
            short = item_spec.short
            for i, item in enumerate(value):
                if item.__class__ is not str or len(item) >= short or not item.isascii():
                    self.value(item, item_spec, (field, i), deeper)
                # else as in ``part``: short ASCII text needs nothing more
            return value if self.own else value.copy()
        out = value if self.own else value.copy()
        if cls is PartOf and deeper <= MAX_DEPTH:
            read = item_spec.cls._read
            for i, item in enumerate(value):
                out[i] = read(self, item, (field, i), deeper) if item.__class__ is dict \
                    else self.value(item, item_spec, (field, i), deeper)
            return out
        for i, item in enumerate(value):
            out[i] = self.value(item, item_spec, (field, i), deeper)
        return out

    def part(self, value: dict, model: Any, field: Any, depth: int) -> Any:
        """An object of the record as its dataclass: the part's own reader (``_reader_of``)."""
        return model._read(self, value, field, depth)

    def rest(self, value: dict, out: dict, model: Any, field: Any, deeper: int) -> Any:
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
                    where = _joined(path_text(field), _name(name))
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
            field = path_text(field)
            for i, item in enumerate(value):
                self.anything(item, f"{field}[{i}]", depth + 1)
        elif isinstance(value, dict):
            if len(value) > MAX_ITEMS:
                self.add(field, TOO_MANY, MAX_ITEMS)
                return
            field = path_text(field)
            for name, item in value.items():
                where = _joined(field, _name(name))
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
        bad_sections = {section_of(p.field) for p in problems}
        for path, form, value in self.later:
            field = path_text(path)
            if form is None:  # a part's own rules: once nothing in its section is wrong
                if section_of(field) not in bad_sections:
                    problems.extend(value._problems(field))
            elif (section_of(field) not in bad_sections) if form.section else (field not in bad_fields):
                code = form.check(value)
                if code is not None:
                    problems.append(Problem(field, code))
        return problems


def path_text(path: Any) -> str:
    """A field's path as it is printed (``kms.hosts[3].port``). The reader carries it as
    (parent, name or index) pairs and spells it only for a problem: most fields have none."""
    if path.__class__ is str:
        return path
    parent, key = path
    head = path_text(parent)
    if key.__class__ is int:
        return f"{head}[{key}]"
    return f"{head}.{key}" if head else key


def _joined(head: str, name: str) -> str:
    return f"{head}.{name}" if head else name


def section_of(field: str) -> str:
    return field.split(".")[0].split("[")[0]


def build(data: dict, model: Any, field: str) -> Any:
    """A part made by the reader whatever its problems (for showing, never for saving)."""
    return Reader().part(data, model, field, 1)


