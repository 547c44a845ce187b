"""A rollout report: the records technicians saved for many rooms, read together.

The project manager of a rollout gets one record per room (often several for one room, as
a room is checked again), and console reports (``srs-wizard/console/1``) that the
customer's device management collected from every console. ``read_rollout`` walks files
and folders, reads them one at a time, keeps the newest record of each room (site +
machine) and the newest report of each console (its computer name) as small rows, merges
a report into every room whose record names its console, and classifies the room as licensed,
pending, failing or not checked from what they prove, never more: the console's own
``/dstatus`` answer decides. Files that are not ours are counted and skipped; records and
reports that cannot be read or do not validate are listed with their first problem.

Codes and raw values only; ``srs_wizard.core.present.rollout`` turns them into words.
"""

from __future__ import annotations

import json
import os
import stat
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import Callable, Iterable, Iterator

from srs_wizard.core import activation as activation_mod
from srs_wizard.core import console as console_mod
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
    "report_no_dstatus",     # the console report holds no /dstatus output (not elevated, no Office)
    "activation_not_checked",  # nothing in the record proves the activation
)

# Where a row comes from.
SOURCE_RECORD = "record"
SOURCE_REPORT = "console_report"
SOURCE_BOTH = "both"

# Why a file is listed under "Not included".
MISSING = "missing"          # no such file or folder
NOT_A_FILE = "not_a_file"    # a FIFO, a device or a socket: never opened
UNREADABLE = "unreadable"    # the operating system refused (detail: its reason)
TOO_LARGE = "too_large"      # far larger than any record (detail: size in bytes)
INVALID = "invalid"          # not a valid record (detail: the first problem)
UNMASKED_KEY = "unmasked_key"  # holds a whole product key: refused, never quoted

MAX_RECORD_BYTES = 16 * 1024 * 1024
SCHEMA_PREFIX = "srs-wizard/record/"
CONSOLE_SCHEMA_PREFIX = "srs-wizard/console/"
# The collector writes the schema first: a report is told by its first bytes, in UTF-8 or
# UTF-16, and read once by the console reader (a file without the mark near its start is
# still recognised after parsing, by its schema).
_CONSOLE_MARKS = tuple(CONSOLE_SCHEMA_PREFIX.encode(e) for e in ("utf-8", "utf-16-le", "utf-16-be"))
_HEAD = 1024

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
    source: str = SOURCE_RECORD
    report_file: str | None = None        # the console report merged in (or the row's own)
    collected_at: str | None = None       # when that report was collected (console's local time)
    console_verdict: str | None = None    # its /dstatus verdict; None without a report or /dstatus
    console_error_code: str | None = None
    console_problems: tuple[str, ...] = ()  # the collector's problem codes
    activation_source: str | None = None  # which answer decided ``activation``: record or console_report
    older_reports: int = 0                # older reports of the same console, not shown
    # Kept to judge a merge, not shown: the console the record names, its checklist, and
    # when its activation was checked.
    console_name: str = ""
    checklist_open: bool = False
    activation_at: str = ""
    kms_state: str | None = None  # the KMS verdict judged (the record's verdict.kms_verdict), else kms_verdict

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
            "older": self.older, "source": self.source, "report_file": self.report_file,
            "collected_at": self.collected_at, "console_verdict": self.console_verdict,
            "console_error_code": self.console_error_code, "console_problems": list(self.console_problems),
            "activation_source": self.activation_source, "older_reports": self.older_reports,
        }


@dataclass(frozen=True)
class ConsoleRow:
    """One console report, reduced to what the rollout uses."""

    computer: str
    collected_at: str
    file: str
    verdict: str | None        # the /dstatus verdict (core.activation), None without /dstatus
    error_code: str | None
    problems: tuple[str, ...]  # the collector's problem codes
    older: int = 0


@dataclass(frozen=True)
class NotIncluded:
    file: str
    reason: str          # MISSING, NOT_A_FILE, UNREADABLE, TOO_LARGE, INVALID, UNMASKED_KEY
    detail: str = ""     # the system's reason or the size (raw text, never a record's value)
    problem: object = None  # INVALID: the validator's first problem (record.Problem or console.ReportProblem)


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
    reports: int = 0      # valid console reports read (older ones of a console included)

    @property
    def older(self) -> int:
        return sum(r.older for r in self.rows)

    @property
    def older_reports(self) -> int:
        return sum(r.older_reports for r in self.rows)

    def to_json(self) -> dict:
        return {
            "totals": self.totals.to_json(),
            "customers": [{"customer": name, **t.to_json()} for name, t in self.customers],
            "rows": [r.to_json() for r in self.rows],
            "not_included": [{"file": n.file, "reason": n.reason, "detail": n.detail} for n in self.not_included],
            "records": self.records,
            "older_records": self.older,
            "foreign_skipped": self.foreign,
            "reports": self.reports,
            "older_reports": self.older_reports,
        }


# --------------------------------------------------------------------------- walking


def iter_candidates(paths: Iterable[str]) -> Iterator[tuple[str, NotIncluded | None]]:
    """Each file to read, once (see ``_candidates``)."""
    for path, problem, _info in _candidates(paths):
        yield path, problem


def _candidates(paths: Iterable[str]) -> Iterator[tuple[str, NotIncluded | None, os.stat_result | None]]:
    """Each file to read, once, in a stable order: a file named is read whatever its name; a
    folder is searched recursively for ``*.json``. A directory is listed one at a time, so
    a large tree is never held whole. Symbolic links to folders are not followed (no loops).

    However often a file is named (a folder and a folder or file inside it, a folder twice,
    a link beside its target, hard links), it is read once. Folders inside another folder
    named are not walked again; only the files that could be reached twice otherwise (named
    files, links, files with several names) are remembered, by device and inode, so memory
    does not grow with the files of a tree."""
    entries = []
    for path in paths:
        text = os.fspath(path)
        kind = "dir" if os.path.isdir(text) else "file" if os.path.exists(text) else "missing"
        entries.append((kind, text, os.path.realpath(text) if kind != "missing" else ""))
    folders: list[str] = []
    for kind, _text, real in entries:
        if kind == "dir" and not any(_inside(real, other) for other in folders):
            folders = [other for other in folders if not _inside(other, real)] + [real]
    walked: set[str] = set()
    seen: set[int] = set()
    missing: set[str] = set()

    def first_time(path: str, info: os.stat_result) -> bool:
        same = info.st_ino << 64 | info.st_dev
        if same in seen:
            return False
        seen.add(same)
        return True

    def read_by_a_walk(path: str) -> bool:
        real = os.path.realpath(path)
        name = os.path.basename(real)
        return _walk_reads(name) and any(_inside(os.path.dirname(real), folder) for folder in folders)

    for kind, text, real in entries:
        if kind == "missing":
            if text not in missing:
                missing.add(text)
                yield text, NotIncluded(text, MISSING), None
        elif kind == "file":
            try:
                info = os.stat(text)
            except OSError:
                yield text, None, None  # read_one says why
                continue
            if not read_by_a_walk(text) and first_time(text, info):
                yield text, None, info
        elif real in folders and real not in walked:
            walked.add(real)
            for path, problem, is_link in _walk(text):
                info = None
                if problem is None:
                    try:
                        info = os.stat(path)  # the one stat of the file, handed to read_one
                    except OSError:
                        pass  # a dangling link or a file gone: read_one says so
                    else:
                        if is_link and (read_by_a_walk(path) or not first_time(path, info)):
                            continue
                        if not is_link and info.st_nlink > 1 and not first_time(path, info):
                            continue
                yield path, problem, info


def _inside(path: str, folder: str) -> bool:
    """Is the real path ``path`` the real folder ``folder`` or below it?"""
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def _walk_reads(name: str) -> bool:
    """Does a folder's walk read a file of this name? (Lock files of office programs,
    ``.~lock.…``, are not reports.)"""
    return name.lower().endswith(".json") and not name.startswith(".~")


def _walk(top: str) -> Iterator[tuple[str, NotIncluded | None, bool]]:
    # Depth first in name order, with a stack of listings instead of recursion: a tree
    # thousands of folders deep is walked like a flat one. (path, problem, is a link).
    stack: list[Iterator[tuple[str, bool, str, bool]]] = [iter([(top, True, top, False)])]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        name, is_dir, path, is_link = entry
        if not is_dir:
            if _walk_reads(name):
                yield path, None, is_link
            continue
        try:
            with os.scandir(path) as it:
                entries = sorted((e.name, e.is_dir(follow_symlinks=False), e.path, e.is_symlink()) for e in it)
        except OSError as exc:
            yield path, NotIncluded(path, UNREADABLE, exc.strerror or str(exc)), False
            continue
        stack.append(iter(entries))


# --------------------------------------------------------------------------- reading

OURS = "record"
CONSOLE = "console_report"
FOREIGN = "foreign"
REFUSED = "refused"


def _read_console(file: str, raw: bytes, sure: bool):
    """(CONSOLE, ConsoleReport) or (REFUSED, NotIncluded) from the console reader; (None,
    None) when the file is not a report after all and ``sure`` is false."""
    try:
        return CONSOLE, console_mod.loads(raw, file=file)
    except console_mod.ConsoleReportError as exc:
        first = exc.problems[0] if exc.problems else None
    except (RecursionError, MemoryError):
        return REFUSED, NotIncluded(file, INVALID, "")
    code = first.code if first is not None else None
    # Told only by its first bytes: another schema (or a large record that names one) is
    # read as a record instead.
    if not sure and code in (console_mod.WRONG_SCHEMA, console_mod.NOT_OBJECT, console_mod.TOO_LARGE):
        return None, None
    if code == console_mod.TOO_LARGE:
        return REFUSED, NotIncluded(file, TOO_LARGE, str(len(raw)), problem=first)
    return REFUSED, NotIncluded(file, INVALID, problem=first)


def read_one(file: str, info: os.stat_result | None = None
             ) -> tuple[str, "record_mod.Record | console_mod.ConsoleReport | NotIncluded | None"]:
    """(OURS, Record), (CONSOLE, ConsoleReport), (FOREIGN, None) or (REFUSED, NotIncluded),
    never an exception. ``info``: the file's stat, when the walk has it already."""
    try:
        info = info or os.stat(file)
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
    head = raw[:_HEAD]
    if any(mark in head for mark in _CONSOLE_MARKS):
        kind, result = _read_console(file, raw, sure=False)
        if kind is not None:
            return kind, result
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
        if isinstance(schema, str) and schema.startswith(CONSOLE_SCHEMA_PREFIX):
            return _read_console(file, raw, sure=True)
        if not (isinstance(schema, str) and schema.startswith(SCHEMA_PREFIX)):
            return FOREIGN, None
        if record_mod.contains_unmasked_key(data):
            return REFUSED, NotIncluded(file, UNMASKED_KEY)
    return REFUSED, NotIncluded(file, INVALID, problem=problems[0] if problems else None)


def _str(value) -> str:
    return value if isinstance(value, str) else ""


def _key_state(mak: "record_mod.Mak") -> str:
    if mak.gvlk:
        return KEY_GVLK
    if mak.valid is True or (mak.valid is None and mak.checksum_ok is True):
        return KEY_VALID
    if mak.checksum_ok is False and mak.used_anyway:
        return KEY_CHECKSUM_FAILED
    return KEY_INVALID


def _activation(rec: "record_mod.Record") -> str | None:
    """The record's activation verdict (its one activation model), as rollout counts it."""
    act = rec.activation
    if act is None:
        return None
    if act.verdict == activation_mod.ERROR and act.error_code == activation_mod.ACCESS_DENIED:
        return None  # ospp.vbs refused to answer (not run as administrator): nothing proven
    return act.verdict if act.verdict in ACTIVATION_VERDICTS else UNKNOWN


def classify(rec: "record_mod.Record") -> tuple[str, str | None, dict]:
    """(status, problem, facts) of a validated record. See the README for the rules."""
    path = rec.path
    kms, mak = rec.kms, rec.mak
    actions = rec.promo_actions or ()
    activation = _activation(rec)
    kms_verdict = kms.verdict if kms else None
    # The record's room verdict, when it has one: the console's own DNS answers outrank this
    # computer's check (a host the console found is not "not found").
    judged = rec.verdict.kms_verdict if rec.verdict is not None else None
    kms_state = judged if judged in kms_mod.VERDICTS else kms_verdict
    rogue = len(kms.unexpected_hosts) if kms else 0
    key_state = _key_state(mak) if (path == "mak" and mak) else None
    promo_state = (PROMO_PREPARED if actions else PROMO_NOT_SENT) if path == "promo" else None
    checklist = mak.checklist if mak else {}
    checklist_open = path == "mak" and any(checklist.get(k) is not True for k in record_mod.CHECKLIST_ITEMS)
    status, problem = judge(path, activation, kms_state, rogue, key_state, promo_state, checklist_open)
    facts = {"kms_verdict": kms_verdict, "kms_state": kms_state, "unexpected_hosts": rogue, "key_state": key_state,
             "key_masked": mak.masked if (mak and path == "mak") else None,
             "activation": activation, "promo_state": promo_state, "promo_actions": tuple(actions),
             "checklist_open": checklist_open}
    return status, problem, facts


def judge(path: str | None, activation: str | None, kms_state: str | None = None, rogue: int = 0,
          key_state: str | None = None, promo_state: str | None = None, checklist_open: bool = False,
          report_without_dstatus: bool = False) -> tuple[str, str | None]:
    """(status, problem) from a room's facts; ``path`` None: a console report alone."""
    # The console's own answer decides when there is one; without it, nothing here
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
    elif path is None:  # a console report without /dstatus
        status = NOT_CHECKED
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
        found.append("report_no_dstatus" if report_without_dstatus else "activation_not_checked")
    if status == LICENSED:
        found = [p for p in found if p == "rogue_kms"]  # licensed: only a rogue host still matters
    found = [p for p in found if p in PROBLEMS]
    problem = min(found, key=PROBLEMS.index) if found else None
    return status, problem


def room_row(rec: "record_mod.Record", file: str) -> RoomRow:
    status, problem, facts = classify(rec)
    created = _str(rec.created)
    machine = _str(rec.machine)
    # The console a record names: the one whose report it imported, else the computer the
    # wizard ran on (the console itself on Windows 10 and later).
    console_name = _str(rec.console.computer if rec.console is not None else None).strip() or machine
    checked_at = _str(rec.activation.checked_at if rec.activation is not None else None) or created
    return RoomRow(status=status, problem=problem, customer=_str(rec.customer),
                   site=_str(rec.site), machine=machine,
                   technician=_str(rec.technician), created=created, date=_day(created),
                   file=file, path=_str(rec.path), console_name=console_name, activation_at=checked_at,
                   activation_source=SOURCE_RECORD if facts["activation"] is not None else None, **facts)


def console_row(report: "console_mod.ConsoleReport", file: str) -> ConsoleRow:
    """A console report as a row: its own ``/dstatus`` read by the same reader as pasted output."""
    text = console_mod.dstatus_text(report)
    verdict = code = None
    if text is not None:
        status = activation_mod.read_status(text)
        verdict, code = status.verdict, status.error_code
        if verdict == activation_mod.ERROR and code == activation_mod.ACCESS_DENIED:
            # ospp.vbs refused to answer (the collector ran without administrator rights):
            # nothing about the license, like a report without /dstatus.
            verdict = None
    return ConsoleRow(computer=report.computer, collected_at=report.collected_at, file=file, verdict=verdict,
                      error_code=code, problems=tuple(p.code for p in report.collector_problems))


def report_only_row(report: ConsoleRow) -> RoomRow:
    status, problem = judge(None, report.verdict, report_without_dstatus=report.verdict is None)
    return RoomRow(status=status, problem=problem, customer="", site="", machine=report.computer, technician="",
                   created=report.collected_at, date=_day(report.collected_at), file=report.file, path=None,
                   kms_verdict=None, unexpected_hosts=0, key_state=None, key_masked=None,
                   activation=report.verdict, promo_state=None, promo_actions=(), source=SOURCE_REPORT,
                   report_file=report.file, collected_at=report.collected_at, console_verdict=report.verdict,
                   console_error_code=report.error_code, console_problems=report.problems,
                   activation_source=SOURCE_REPORT if report.verdict is not None else None,
                   older_reports=report.older, console_name=report.computer)


def merged_row(row: RoomRow, report: ConsoleRow) -> RoomRow:
    """A room's record and its console's report: the newer of the two console answers (the
    report's ``/dstatus``, the record's activation check) decides; the record keeps the rest."""
    activation, source = row.activation, row.activation_source
    if report.verdict is not None and (
            activation is None or _moment_of(report.collected_at) >= _moment_of(row.activation_at)):
        activation, source = report.verdict, SOURCE_REPORT
    status, problem = judge(row.path, activation, row.kms_state, row.unexpected_hosts, row.key_state,
                            row.promo_state, row.checklist_open, report_without_dstatus=report.verdict is None)
    return replace(row, status=status, problem=problem, machine=report.computer, activation=activation,
                   activation_source=source, source=SOURCE_BOTH, report_file=report.file,
                   collected_at=report.collected_at, console_verdict=report.verdict,
                   console_error_code=report.error_code, console_problems=report.problems,
                   older_reports=report.older)


def _day(created: str) -> str:
    """The day of ``created`` in its own offset, from the parsed moment (never a cut string)."""
    try:
        return datetime.fromisoformat(created).date().isoformat()
    except ValueError:
        return ""


def room_key(row: RoomRow) -> tuple[str, str]:
    return (" ".join(row.site.split()).casefold(), row.machine.strip().casefold())


def _moment(row: RoomRow) -> datetime:
    return datetime.fromisoformat(row.created)  # validated: ISO with an offset


def _moment_of(text: str) -> datetime:
    """A validated ISO time; one without an offset (a collector that could not read the
    time zone) is taken as UTC, so that it compares at all."""
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=timezone.utc)


def sort_key(row: RoomRow) -> tuple:
    return (not row.needs_action, STATUSES.index(row.status), row.site.casefold(), row.machine.casefold(),
            row.file)


def shown_name(file: str) -> str:
    """A file's name as the report shows it: a whole key in it (a technician may name a
    record after the room's key) is cut to its last five characters, like every key."""
    from srs_wizard.core.product_key import mask_whole_keys

    # A name that is not valid in the file system's encoding (bad\xff.json from a USB stick)
    # is shown with a replacement character: the report stays writable as UTF-8.
    try:
        shown = os.fsencode(file).decode("utf-8", errors="replace")
    except UnicodeError:
        shown = file.encode("utf-8", errors="replace").decode("utf-8")
    return mask_whole_keys(shown)[0]


def read_rollout(paths: Iterable[str], progress: Callable[[int, int], None] | None = None) -> Rollout:
    """Read every record and console report under ``paths``; at most one row per room and
    one per console is held at a time. ``progress(files_read, rooms_so_far)`` is called after
    each file (the total is not known while the folders are walked)."""
    newest: dict[tuple[str, str], RoomRow] = {}
    older: dict[tuple[str, str], int] = {}
    consoles: dict[str, ConsoleRow] = {}
    older_reports: dict[str, int] = {}
    not_included: list[NotIncluded] = []
    records = foreign = reports = files = 0
    for file, missing, info in _candidates(paths):
        files += 1
        if progress is not None:
            progress(files, len(newest) + len(consoles))
        if missing is not None:
            not_included.append(replace(missing, file=shown_name(missing.file)))
            continue
        kind, result = read_one(file, info)
        if kind == FOREIGN:
            foreign += 1
            continue
        if kind == REFUSED:
            not_included.append(replace(result, file=shown_name(result.file)))
            continue
        if kind == CONSOLE:
            reports += 1
            report = console_row(result, shown_name(file))
            name = report.computer.strip().casefold()
            current_report = consoles.get(name)
            if current_report is None:
                consoles[name] = report
                continue
            older_reports[name] = older_reports.get(name, 0) + 1
            if (_moment_of(report.collected_at), report.file) > (_moment_of(current_report.collected_at),
                                                                  current_report.file):
                consoles[name] = report
            continue
        records += 1
        row = room_row(result, shown_name(file))
        key = room_key(row)
        current = newest.get(key)
        if current is None:
            newest[key] = row
            continue
        older[key] = older.get(key, 0) + 1
        if (_moment(row), row.file) > (_moment(current), current.file):
            newest[key] = row
    rooms = {key: _with_older(row, older.get(key, 0)) for key, row in newest.items()}
    # A console's report joins every room whose newest record names that console (one
    # console under two spellings of its site is still one console: its own answer decides
    # for both rows, so they never contradict it).
    named: dict[str, list[tuple[str, str]]] = {}
    for key, row in rooms.items():
        name = row.console_name.strip().casefold()
        if name:
            named.setdefault(name, []).append(key)
    alone: list[RoomRow] = []
    for name, report in consoles.items():
        report = replace(report, older=older_reports.get(name, 0))
        keys = named.get(name)
        if not keys:
            alone.append(report_only_row(report))
        for key in keys or ():
            rooms[key] = merged_row(rooms[key], report)
    rows = sorted([*rooms.values(), *alone], key=sort_key)
    totals = Totals()
    per_customer: dict[str, Totals] = {}
    for row in rows:
        totals.add(row.status)
        per_customer.setdefault(row.customer, Totals()).add(row.status)
    customers = tuple(sorted(per_customer.items(), key=lambda item: item[0].casefold()))
    return Rollout(tuple(rows), tuple(not_included), records, foreign, totals, customers, reports=reports)


def _with_older(row: RoomRow, count: int) -> RoomRow:
    return replace(row, older=count) if count else row
