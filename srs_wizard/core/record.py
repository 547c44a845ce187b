"""The session record: everything the wizard learned, as JSON with a schema marker.

The record is what the summary page and the PDF are drawn from, and what support loads to
draw the PDF again. It never holds a whole product key: loading one that does is refused.
Unknown extra fields are kept, so a newer writer's additions survive a round trip.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from srs_wizard.core import kms as kms_mod
from srs_wizard.core import product_key
from srs_wizard.i18n import translate

SCHEMA = "srs-wizard/record/1"
PATHS = ("kms", "mak", "promo")
PROMO_FIELDS = ("company", "contact_name", "contact_email", "contact_phone", "systems",
                "deployment_date", "tam_name", "tam_contact", "oem_name", "oem_email")
CHECKLIST_ITEMS = ("vlsc_sign_in", "agreement_confirmed", "mak_downloaded")

_MASKED = re.compile(r"^\*{5}-\*{5}-\*{5}-\*{5}-[A-Z0-9*]{5}$")
# A whole key: five groups of five from the key alphabet (with N), separated or not.
_KEY_LIKE = re.compile(
    r"(?<![A-Za-z0-9])[BCDFGHJKMNPQRTVWXY2346789]{5}(?:-?[BCDFGHJKMNPQRTVWXY2346789]{5}){4}(?![A-Za-z0-9])",
    re.IGNORECASE,
)


class RecordError(ValueError):
    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Record:
    """A validated record. ``data`` is the JSON object, extra fields included."""

    data: dict

    def to_json(self) -> dict:
        return self.data

    def dumps(self) -> str:
        return json.dumps(self.data, ensure_ascii=False, indent=2) + "\n"

    def __getattr__(self, name: str) -> Any:
        try:
            return self.data[name]
        except KeyError:
            raise AttributeError(name) from None


def contains_unmasked_key(value: Any) -> bool:
    """Is a whole product key (one with its single N) anywhere in this JSON value?"""
    if isinstance(value, str):
        for match in _KEY_LIKE.finditer(value):
            chars = match.group(0).replace("-", "").upper()
            if chars.count("N") == 1:
                return True
        return False
    if isinstance(value, dict):
        return any(contains_unmasked_key(k) or contains_unmasked_key(v) for k, v in value.items())
    if isinstance(value, list):
        return any(contains_unmasked_key(v) for v in value)
    return False


def _type_name(value: Any) -> str:
    return {str: "text", int: "a whole number", bool: "true/false", dict: "an object",
            list: "a list", float: "a number", type(None): "null"}.get(type(value), type(value).__name__)


def validate(data: Any) -> list[str]:
    """Every problem with a record, each naming the field."""
    problems: list[str] = []

    def need(obj: dict, path: str, key: str, kinds: tuple, nullable: bool = False) -> Any:
        full = f"{path}{key}"
        if key not in obj:
            problems.append(translate("record", "{field}: missing").format(field=full))
            return None
        value = obj[key]
        if value is None and nullable:
            return None
        if isinstance(value, bool) and bool not in kinds:
            ok = False
        else:
            ok = isinstance(value, kinds)
        if not ok:
            problems.append(translate("record", "{field}: expected {kind}, found {found}").format(
                field=full, kind=" or ".join(_type_name(k()) if k is not type(None) else "null" for k in kinds),
                found=_type_name(value)))
            return None
        return value

    if not isinstance(data, dict):
        return [translate("record", "the record is not a JSON object")]
    schema = data.get("schema")
    if schema != SCHEMA:
        problems.append(translate("record", "schema: expected \"{expected}\", found {found}").format(
            expected=SCHEMA, found=json.dumps(schema)))
        return problems
    created = need(data, "", "created", (str,))
    if created is not None:
        try:
            moment = datetime.fromisoformat(created)
            if moment.tzinfo is None:
                problems.append(translate("record", "created: the time has no UTC offset"))
        except ValueError:
            problems.append(translate("record", "created: not an ISO 8601 date and time"))
    for key in ("app_version", "machine", "technician", "customer", "site"):
        need(data, "", key, (str,))
    notes = data.get("notes", "")
    if not isinstance(notes, str):
        problems.append(translate("record", "notes: expected text, found {found}").format(found=_type_name(notes)))
    path = need(data, "", "path", (str,))
    if path is not None and path not in PATHS:
        problems.append(translate("record", "path: must be kms, mak or promo, found \"{found}\"").format(found=path))

    kms = need(data, "", "kms", (dict,), nullable=True)
    if kms is not None:
        verdict = need(kms, "kms.", "verdict", (str,))
        if verdict is not None and verdict not in kms_mod.VERDICTS:
            problems.append(translate("record", "kms.verdict: unknown verdict \"{found}\"").format(found=verdict))
        # Each element of a list: an object with these fields, (name, types, nullable).
        shapes = {
            "domains": (("name", (str,), False), ("status", (str,), False)),
            "hosts": (("target", (str,), False), ("port", (int,), False), ("priority", (int,), False),
                      ("weight", (int,), False), ("addresses", (list,), False), ("reachable", (bool,), True)),
        }
        for list_name, fields in shapes.items():
            for i, item in enumerate(need(kms, "kms.", list_name, (list,)) or []):
                where = f"kms.{list_name}[{i}]"
                if not isinstance(item, dict):
                    problems.append(f"{where}: " + translate("record", "expected an object"))
                    continue
                for field_name, kinds, nullable in fields:
                    need(item, f"{where}.", field_name, kinds, nullable=nullable)
        need(kms, "kms.", "unexpected_hosts", (list,))

    mak = need(data, "", "mak", (dict,), nullable=True)
    if mak is not None:
        masked = need(mak, "mak.", "masked", (str,))
        if masked is not None and not _MASKED.match(masked):
            problems.append(translate("record", "mak.masked: not a masked key (*****-*****-*****-*****-XXXXX)"))
        need(mak, "mak.", "checksum_ok", (bool,), nullable=True)
        need(mak, "mak.", "gvlk", (str,), nullable=True)
        checklist = need(mak, "mak.", "checklist", (dict,))
        for key, value in (checklist or {}).items():
            if not isinstance(value, bool):
                problems.append(translate("record", "mak.checklist.{item}: expected true/false").format(item=key))

    promo = need(data, "", "promo", (dict,), nullable=True)
    if promo is not None:
        for key in ("company", "contact_name", "contact_email", "contact_phone", "deployment_date"):
            need(promo, "promo.", key, (str,))
        need(promo, "promo.", "systems", (int,))
        for key in ("tam_name", "tam_contact", "oem_name", "oem_email"):
            need(promo, "promo.", key, (str,), nullable=True)
        date_text = promo.get("deployment_date")
        if isinstance(date_text, str):
            try:
                datetime.strptime(date_text, "%Y-%m-%d")
            except ValueError:
                problems.append(translate("record", "promo.deployment_date: not a date (YYYY-MM-DD)"))

    console = need(data, "", "console", (dict,), nullable=True) if "console" in data else None
    if console is not None:  # check-kms --console-report / the wizard's Import console report
        need(console, "console.", "computer", (str,))
        need(console, "console.", "file", (str,), nullable=True)
        when = need(console, "console.", "collected_at", (str,))
        if when is not None:
            try:
                datetime.fromisoformat(when)
            except ValueError:
                problems.append(translate("record", "console.collected_at: not an ISO 8601 date and time"))

    if path is not None and path in PATHS and data.get(path) is None and not problems:
        problems.append(translate("record", "{field}: the path is {path} but its results are missing").format(
            field=path, path=path))
    if contains_unmasked_key(data):
        problems.append(translate("record", "the record holds an unmasked product key; records keep only the last 5 characters"))
    return problems


def from_json(data: Any) -> Record:
    problems = validate(data)
    if problems:
        raise RecordError(problems)
    return Record(data)


def loads(raw: bytes | str) -> Record:
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        raise RecordError([translate("record", "not valid JSON: {reason}").format(reason=exc)]) from None
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
