"""A rollout report: the records technicians saved for many rooms, read together.

The project manager of a rollout gets one record per room (often several for one room, as
a room is checked again). ``read_rollout`` walks files and folders, reads the records one
at a time, keeps the newest record of each room (site + machine) as one small row, and
classifies the room as licensed, pending, failing or not checked from what the record
proves, never more. Files that are not records of this program are counted and skipped;
records that cannot be read or do not validate are listed with their first problem.

Codes and raw values only; ``srs_wizard.core.present.rollout`` turns them into words.
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Iterable, Iterator

from srs_wizard.core import kms as kms_mod
from srs_wizard.core import record as record_mod

# Room states, in the order of attention.
FAILING = "failing"
PENDING = "pending"
NOT_CHECKED = "not_checked"
LICENSED = "licensed"
STATUSES = (FAILING, PENDING, NOT_CHECKED, LICENSED)

# The optional ``activation`` object of a record: the console's own answer.
ACTIVATION_VERDICTS = ("licensed", "grace", "error", "no_key", "not_found", "unreadable")
UNKNOWN = "unknown"  # an activation verdict this version does not know

# Key states of a MAK record.
KEY_VALID = "valid"
KEY_GVLK = "gvlk"
KEY_CHECKSUM_FAILED = "checksum_failed"  # kept although the checksum failed
KEY_INVALID = "invalid"

# Promo request states: nothing done with it yet, or prepared (copied, saved or opened in
# the mail app; that it was sent is not recorded).
PROMO_NOT_SENT = "not_sent"
PROMO_PREPARED = "prepared"

# Problems, most urgent first: a row shows the first that applies.
PROBLEMS = (
    "activation_error",      # the console tried to activate and got an error
    "rogue_kms",             # a KMS host the customer does not run answers in DNS
    "kms_not_kms", "kms_unreachable", "kms_not_found", "kms_dns_error", "kms_no_domain",
    "key_gvlk", "key_invalid", "key_checksum_failed",
    "activation_no_key",     # no product key installed on the console
    "activation_grace",      # installed, not activated yet
    "promo_not_sent",        # the promo MAK request has not left the wizard
    "promo_waiting",         # request prepared; the MAK is not in the record
    "mak_checklist_open",    # a VLSC step is not ticked
    "activation_not_found", "activation_unreadable", "activation_unknown",
    "activation_not_checked",  # nothing in the record proves the activation
)

# Why a file is listed under "Not included".
MISSING = "missing"          # no such file or folder
NOT_A_FILE = "not_a_file"    # a FIFO, a device or a socket: never opened
UNREADABLE = "unreadable"    # the operating system refused (detail: its reason)
TOO_LARGE = "too_large"      # far larger than any record (detail: size in bytes)
INVALID = "invalid"          # not a valid record (detail: the first problem)
UNMASKED_KEY = "unmasked_key"  # holds a whole product key: refused, never quoted

MAX_RECORD_BYTES = 16 * 1024 * 1024
SCHEMA_PREFIX = "srs-wizard/record/"

@dataclass(frozen=True)
class RoomRow:
    """One room: its newest record, reduced to what the report shows."""

    status: str
    problem: str | None
    customer: str
    site: str
    machine: str
    technician: str
    created: str          # ISO 8601 with offset, as in the record
    date: str             # YYYY-MM-DD, the day on site
    file: str
    path: str             # kms, mak or promo
    kms_verdict: str | None
    unexpected_hosts: int
    key_state: str | None
    key_masked: str | None
    activation: str | None
    promo_state: str | None
    promo_actions: tuple[str, ...]
    older: int = 0        # older records of the same room, not shown

    @property
    def needs_action(self) -> bool:
        return self.status != LICENSED or self.problem is not None

    def to_json(self) -> dict:
        return {
            "status": self.status, "problem": self.problem, "customer": self.customer, "site": self.site,
            "machine": self.machine, "technician": self.technician, "created": self.created,
            "date": self.date, "file": self.file, "path": self.path, "kms_verdict": self.kms_verdict,
            "unexpected_hosts": self.unexpected_hosts, "key_state": self.key_state,
            "key_masked": self.key_masked, "activation": self.activation,
            "promo_state": self.promo_state, "promo_actions": list(self.promo_actions),
            "older": self.older,
        }


@dataclass(frozen=True)
class NotIncluded:
    file: str
    reason: str          # MISSING, NOT_A_FILE, UNREADABLE, TOO_LARGE, INVALID, UNMASKED_KEY
    detail: str = ""     # the system's reason or the size (raw text, never a record's value)
    problem: object = None  # INVALID: the validator's first problem (a record.Problem: codes, no value)


@dataclass
class Totals:
    rooms: int = 0
    licensed: int = 0
    pending: int = 0
    failing: int = 0
    not_checked: int = 0

    def add(self, status: str) -> None:
        self.rooms += 1
        setattr(self, status, getattr(self, status) + 1)

    def to_json(self) -> dict:
        return {"rooms": self.rooms, "licensed": self.licensed, "pending": self.pending,
                "failing": self.failing, "not_checked": self.not_checked}


@dataclass(frozen=True)
class Rollout:
    rows: tuple[RoomRow, ...]
    not_included: tuple[NotIncluded, ...]
    records: int          # valid records read (older ones of a room included)
    foreign: int          # JSON files of other programs, skipped
    totals: Totals
    customers: tuple[tuple[str, Totals], ...] = field(default=())

    @property
    def older(self) -> int:
        return sum(r.older for r in self.rows)

    def to_json(self) -> dict:
        return {
            "totals": self.totals.to_json(),
            "customers": [{"customer": name, **t.to_json()} for name, t in self.customers],
            "rows": [r.to_json() for r in self.rows],
            "not_included": [{"file": n.file, "reason": n.reason, "detail": n.detail} for n in self.not_included],
            "records": self.records,
            "older_records": self.older,
            "foreign_skipped": self.foreign,
        }


# --------------------------------------------------------------------------- walking


def iter_candidates(paths: Iterable[str]) -> Iterator[tuple[str, NotIncluded | None]]:
    """Each file to read, in a stable order: a file named is read whatever its name; a
    folder is searched recursively for ``*.json``. A directory is listed one at a time, so
    a large tree is never held whole. Symbolic links to folders are not followed (no loops)."""
    for path in paths:
        text = os.fspath(path)
        if os.path.isdir(text):
            yield from _walk(text)
        elif os.path.exists(text):
            yield text, None
        else:
            yield text, NotIncluded(text, MISSING)


def _walk(folder: str) -> Iterator[tuple[str, NotIncluded | None]]:
    try:
        with os.scandir(folder) as it:
            entries = sorted((e.name, e.is_dir(follow_symlinks=False), e.path) for e in it)
    except OSError as exc:
        yield folder, NotIncluded(folder, UNREADABLE, exc.strerror or str(exc))
        return
    for name, is_dir, path in entries:
        if is_dir:
            yield from _walk(path)
        elif name.lower().endswith(".json") and not name.startswith(".~"):
            yield path, None


# --------------------------------------------------------------------------- reading

OURS = "record"
FOREIGN = "foreign"
REFUSED = "refused"


def read_one(file: str) -> tuple[str, "record_mod.Record | NotIncluded | None"]:
    """(OURS, Record), (FOREIGN, None) or (REFUSED, NotIncluded), never an exception."""
    try:
        info = os.stat(file)
        if not stat.S_ISREG(info.st_mode):  # a FIFO or a device would block or never end
            return REFUSED, NotIncluded(file, NOT_A_FILE)
        if info.st_size > MAX_RECORD_BYTES:
            return REFUSED, NotIncluded(file, TOO_LARGE, str(info.st_size))
        with open(file, "rb") as fh:
            # Sized by the file: read(n) reserves n bytes at once. A file that grows while
            # it is read is cut short and shows up as invalid JSON.
            raw = fh.read(info.st_size + 1)
    except OSError as exc:
        return REFUSED, NotIncluded(file, UNREADABLE, exc.strerror or str(exc))
    if len(raw) > MAX_RECORD_BYTES:
        return REFUSED, NotIncluded(file, TOO_LARGE, str(len(raw)))
    try:
        return OURS, record_mod.loads(raw)  # the same validation as ``summary``
    except record_mod.RecordError as exc:
        problems = exc.problems
    except (RecursionError, MemoryError):
        return REFUSED, NotIncluded(file, INVALID, "")
    # Only failures are parsed again: to tell another program's JSON from a broken record.
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):
        data = None
    else:
        schema = data.get("schema") if isinstance(data, dict) else None
        if not (isinstance(schema, str) and schema.startswith(SCHEMA_PREFIX)):
            return FOREIGN, None
        if record_mod.contains_unmasked_key(data):
            return REFUSED, NotIncluded(file, UNMASKED_KEY)
    return REFUSED, NotIncluded(file, INVALID, problem=problems[0] if problems else None)


def _str(value) -> str:
    return value if isinstance(value, str) else ""


def _key_state(mak: dict) -> str:
    if mak.get("gvlk"):
        return KEY_GVLK
    if mak.get("valid") is True or (mak.get("valid") is None and mak.get("checksum_ok") is True):
        return KEY_VALID
    if mak.get("checksum_ok") is False and mak.get("used_anyway"):
        return KEY_CHECKSUM_FAILED
    return KEY_INVALID


def _activation(data: dict) -> str | None:
    act = data.get("activation")
    if act is None:
        return None
    verdict = act.get("verdict") if isinstance(act, dict) else None
    return verdict if verdict in ACTIVATION_VERDICTS else UNKNOWN


def classify(data: dict) -> tuple[str, str | None, dict]:
    """(status, problem, facts) of a validated record's data. See the README for the rules."""
    path = _str(data.get("path"))
    kms = data.get("kms") if isinstance(data.get("kms"), dict) else None
    mak = data.get("mak") if isinstance(data.get("mak"), dict) else None
    actions = data.get("promo_actions")
    actions = tuple(a for a in actions if isinstance(a, str)) if isinstance(actions, list) else ()
    activation = _activation(data)
    kms_verdict = kms.get("verdict") if kms else None
    # The record's room verdict, when it has one: the console's own DNS answers outrank this
    # computer's check (a host the console found is not "not found").
    judged = data.get("verdict").get("kms_verdict") if isinstance(data.get("verdict"), dict) else None
    kms_state = judged if judged in kms_mod.VERDICTS else kms_verdict
    rogue = len(kms.get("unexpected_hosts") or []) if kms else 0
    key_state = _key_state(mak) if (path == "mak" and mak) else None
    promo_state = (PROMO_PREPARED if actions else PROMO_NOT_SENT) if path == "promo" else None
    checklist = (mak.get("checklist") or {}) if mak else {}
    checklist_open = path == "mak" and any(checklist.get(k) is not True for k in record_mod.CHECKLIST_ITEMS)

    # The console's own answer decides when the record has it; without it, nothing here
    # proves a license, so the room is at best "not checked".
    if activation == "licensed":
        status = LICENSED
    elif activation == "error":
        status = FAILING
    elif activation in ("grace", "no_key"):
        status = PENDING
    elif activation in ("not_found", "unreadable", UNKNOWN):
        status = NOT_CHECKED
    elif path == "kms":
        status = NOT_CHECKED if kms_state in (None, kms_mod.READY, kms_mod.FOUND) and not rogue else FAILING
    elif path == "mak":
        status = (FAILING if key_state != KEY_VALID else PENDING if checklist_open else NOT_CHECKED)
    else:  # promo: the MAK is not in the record yet
        status = PENDING

    found: list[str] = []
    if activation == "error":
        found.append("activation_error")
    if rogue:
        found.append("rogue_kms")
    if path == "kms" and kms_state not in (None, kms_mod.READY, kms_mod.FOUND):
        found.append(f"kms_{kms_state}")
    if key_state and key_state != KEY_VALID:
        found.append(f"key_{key_state}")
    if activation in ("no_key", "grace"):
        found.append(f"activation_{activation}")
    if promo_state == PROMO_NOT_SENT:
        found.append("promo_not_sent")
    elif promo_state == PROMO_PREPARED and activation != "licensed":
        found.append("promo_waiting")
    if checklist_open:
        found.append("mak_checklist_open")
    if activation in ("not_found", "unreadable", UNKNOWN):
        found.append(f"activation_{activation}")
    if activation is None:
        found.append("activation_not_checked")
    if status == LICENSED:
        found = [p for p in found if p == "rogue_kms"]  # licensed: only a rogue host still matters
    found = [p for p in found if p in PROBLEMS]
    problem = min(found, key=PROBLEMS.index) if found else None
    facts = {"kms_verdict": kms_verdict, "unexpected_hosts": rogue, "key_state": key_state,
             "key_masked": mak.get("masked") if (mak and path == "mak") else None,
             "activation": activation, "promo_state": promo_state, "promo_actions": actions}
    return status, problem, facts


def room_row(rec: "record_mod.Record", file: str) -> RoomRow:
    data = rec.data
    status, problem, facts = classify(data)
    created = _str(data.get("created"))
    return RoomRow(status=status, problem=problem, customer=_str(data.get("customer")),
                   site=_str(data.get("site")), machine=_str(data.get("machine")),
                   technician=_str(data.get("technician")), created=created, date=created[:10],
                   file=file, path=_str(data.get("path")), **facts)


def room_key(row: RoomRow) -> tuple[str, str]:
    return (" ".join(row.site.split()).casefold(), row.machine.strip().casefold())


def _moment(row: RoomRow) -> datetime:
    return datetime.fromisoformat(row.created)  # validated: ISO with an offset


def sort_key(row: RoomRow) -> tuple:
    return (not row.needs_action, STATUSES.index(row.status), row.site.casefold(), row.machine.casefold(),
            row.file)


def shown_name(file: str) -> str:
    """A file's name as the report shows it: a whole key in it (a technician may name a
    record after the room's key) is cut to its last five characters, like every key."""
    from srs_wizard.core.product_key import mask_whole_keys

    return mask_whole_keys(file)[0]


def read_rollout(paths: Iterable[str]) -> Rollout:
    """Read every record under ``paths``; at most one row per room is held at a time."""
    newest: dict[tuple[str, str], RoomRow] = {}
    older: dict[tuple[str, str], int] = {}
    not_included: list[NotIncluded] = []
    records = foreign = 0
    for file, missing in iter_candidates(paths):
        if missing is not None:
            not_included.append(replace(missing, file=shown_name(missing.file)))
            continue
        kind, result = read_one(file)
        if kind == FOREIGN:
            foreign += 1
            continue
        if kind == REFUSED:
            not_included.append(replace(result, file=shown_name(result.file)))
            continue
        records += 1
        row = room_row(result, shown_name(file))
        key = room_key(row)
        current = newest.get(key)
        if current is None:
            newest[key] = row
            continue
        older[key] = older.get(key, 0) + 1
        if _moment(row) > _moment(current):
            newest[key] = row
    rows = sorted((_with_older(row, older.get(key, 0)) for key, row in newest.items()), key=sort_key)
    totals = Totals()
    per_customer: dict[str, Totals] = {}
    for row in rows:
        totals.add(row.status)
        per_customer.setdefault(row.customer, Totals()).add(row.status)
    customers = tuple(sorted(per_customer.items(), key=lambda item: item[0].casefold()))
    return Rollout(tuple(rows), tuple(not_included), records, foreign, totals, customers)


def _with_older(row: RoomRow, count: int) -> RoomRow:
    return replace(row, older=count) if count else row
