"""The rollout report in words: room states, problems, column headers and table rows.

Everything here is computed in the language chosen now, from the codes of
``srs_wizard.core.rollout``; the PDF, the CSV and the command line's text all use it.
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime
from typing import Callable

from srs_wizard.core import console
from srs_wizard.core import rollout as r
from srs_wizard.core.text import visible
from srs_wizard.i18n import translate


def file_text(name: str) -> str:
    """A file name as every output of the report shows it: one line, whatever it holds (a
    newline, CR, TAB, an escape or a bidi control appears as ``\\x0a``, ``\\x1b``,
    ``\\u202e``), so a name never breaks or forges a line."""
    return visible(name, breaks=False)


def status_label(status: str) -> str:
    return {
        r.LICENSED: translate("rollout", "Licensed"),
        r.PENDING: translate("rollout", "Pending"),
        r.FAILING: translate("rollout", "Failing"),
        r.NOT_CHECKED: translate("rollout", "Not checked"),
    }.get(status, status)


STATUS_COLOURS = {r.LICENSED: "#1b5e20", r.PENDING: "#8a4b00", r.FAILING: "#b71c1c", r.NOT_CHECKED: "#37474f"}


def path_label(path: str | None) -> str:
    if path is None:  # a console report alone: no path was chosen
        return ""
    return {
        "kms": translate("rollout", "KMS"),
        "mak": translate("rollout", "MAK"),
        "promo": translate("rollout", "Promo MAK"),
    }.get(path, path)


def kms_label(verdict: str | None, unexpected: int = 0) -> str:
    if verdict is None:
        return ""
    text = {
        "ready": translate("rollout", "KMS ready"),
        "found": translate("rollout", "KMS found, not contacted"),
        "not_kms": translate("rollout", "no KMS service answers"),
        "unreachable": translate("rollout", "KMS unreachable"),
        "not_found": translate("rollout", "no KMS in DNS"),
        "dns_error": translate("rollout", "DNS error"),
        "no_domain": translate("rollout", "no DNS domain"),
    }.get(verdict, verdict)
    if unexpected:
        text += " · " + translate("rollout", "{count} unexpected host(s)").format(count=unexpected)
    return text


def key_label(state: str | None, masked: str | None = None) -> str:
    if state is None:
        return ""
    text = {
        r.KEY_VALID: translate("rollout", "key passes offline checks"),
        r.KEY_GVLK: translate("rollout", "a KMS client key, not a MAK"),
        r.KEY_CHECKSUM_FAILED: translate("rollout", "key checksum failed"),
        r.KEY_INVALID: translate("rollout", "key invalid"),
    }.get(state, state)
    return translate("rollout", "{last5}: {state}").format(last5=masked[-5:], state=text) if masked else text


def kms_or_key_label(row: r.RoomRow) -> str:
    if row.key_state is not None:
        return key_label(row.key_state, row.key_masked)
    return kms_label(row.kms_verdict, row.unexpected_hosts)


def activation_label(verdict: str | None) -> str:
    if verdict is None:
        return translate("rollout", "not checked")
    return {
        "licensed": translate("rollout", "licensed"),
        "grace": translate("rollout", "grace period, not activated"),
        "error": translate("rollout", "activation error"),
        "no_key": translate("rollout", "no key installed"),
        "not_found": translate("rollout", "product not found"),
        "unreadable": translate("rollout", "output unreadable"),
        r.UNKNOWN: translate("rollout", "unknown answer"),
    }.get(verdict, verdict)


def promo_label(state: str | None, actions: tuple[str, ...] = ()) -> str:
    if state is None:
        return ""
    if state == r.PROMO_NOT_SENT:
        return translate("rollout", "not sent yet")
    names = {"copied": translate("rollout", "copied"), "saved": translate("rollout", "saved as .eml"),
             "opened": translate("rollout", "opened in the mail app")}
    return ", ".join(names.get(a, a) for a in actions)


def problem_sentence(problem: str | None) -> str:
    if problem is None:
        return ""
    return {
        "activation_error": translate("rollout", "Activation failed on the console: see its record."),
        "rogue_kms": translate("rollout", "An unexpected (rogue) KMS host answers in DNS."),
        "kms_not_kms": translate("rollout", "KMS hosts found, but none speaks KMS (something else listens there)."),
        "kms_unreachable": translate("rollout", "KMS hosts found, but none answers."),
        "kms_not_found": translate("rollout", "No KMS host is published in DNS."),
        "kms_dns_error": translate("rollout", "DNS could not be asked."),
        "kms_no_domain": translate("rollout", "No DNS domain to search."),
        "key_gvlk": translate("rollout", "A KMS client key was typed where a MAK belongs."),
        "key_invalid": translate("rollout", "The product key fails the offline checks."),
        "key_checksum_failed": translate("rollout", "The key's checksum failed; it was kept anyway."),
        "activation_no_key": translate("rollout", "No product key is installed on the console."),
        "activation_grace": translate("rollout", "In the grace period: not activated yet."),
        "promo_not_sent": translate("rollout", "The promo MAK request has not been sent."),
        "promo_waiting": translate("rollout", "Waiting for the promo MAK from the OEM."),
        "mak_checklist_open": translate("rollout", "A VLSC step is not confirmed."),
        "activation_not_found": translate("rollout", "The activation check did not find the product."),
        "activation_unreadable": translate("rollout", "The activation check could not be read."),
        "activation_unknown": translate("rollout", "The activation check has an answer this version does not know."),
        "report_no_dstatus": translate("rollout", "The console report holds no license state (not run as "
                                                  "administrator, or no Office)."),
        "activation_not_checked": translate("rollout", "Activation not checked on the console."),
    }.get(problem, problem)


def problem_cell(row: r.RoomRow) -> str:
    """The row's problem in words, saying no more than the row knows: an error from a console
    report is not in any record to point to, and a report without ``/dstatus`` output says why when the
    collector noted it."""
    if row.problem == "activation_error" and r.SOURCE_REPORT in (row.source, row.activation_source):
        return translate("rollout", "The console's own ospp.vbs /dstatus reports an activation error (the code is "
                                    "under Activation): fix it on the console, then collect its report again.")
    if row.problem == "report_no_dstatus":
        problems = set(row.console_problems)
        if "dstatus_timeout" in problems:
            return translate("rollout", "The console report holds no license state: ospp.vbs /dstatus timed out on "
                                        "the console. Collect the report again.")
        if "dstatus_failed" in problems:
            return translate("rollout", "The console report holds no license state: ospp.vbs /dstatus could not be "
                                        "started on the console.")
        if "office_missing" in problems:
            return translate("rollout", "The console report holds no license state: no Office ospp.vbs was found "
                                        "on the console.")
        if "not_elevated" in problems:
            return translate("rollout", "The console report holds no license state: the collector did not run as "
                                        "administrator. Run it as administrator (or as SYSTEM).")
    return problem_sentence(row.problem)


def not_included_sentence(item: r.NotIncluded) -> str:
    if isinstance(item.problem, console.ReportProblem):
        from srs_wizard.core.present.console import problem_text as report_problem_text

        return translate("rollout", "console report: {problem}").format(problem=report_problem_text(item.problem))
    if item.reason == r.MISSING:
        return translate("rollout", "no such file or folder")
    if item.reason == r.NOT_A_FILE:
        return translate("rollout", "not a regular file; not read")
    if item.reason == r.UNREADABLE:
        return translate("rollout", "cannot be read: {reason}").format(reason=item.detail)
    if item.reason == r.TOO_LARGE:
        # Refused unread: by its size alone, which may be a record's or a console report's.
        return translate("rollout", "too large ({size} bytes; a record or a console report is far smaller); "
                                    "not read").format(size=item.detail)
    if item.reason == r.UNMASKED_KEY:
        return translate("rollout", "refused: it holds a whole product key (records keep only the last 5 characters)")
    if item.problem is not None:
        from srs_wizard.core.present.record import problem_text

        return problem_text(item.problem)
    return item.detail or translate("rollout", "not a valid record")


def headers() -> list[str]:
    return [translate("rollout", "Status"), translate("rollout", "Customer"), translate("rollout", "Site / room"),
            translate("rollout", "Computer"), translate("rollout", "Technician"), translate("rollout", "Date"),
            translate("rollout", "Path"), translate("rollout", "KMS / key"), translate("rollout", "Activation"),
            translate("rollout", "Promo request"), translate("rollout", "Needs attention"),
            translate("rollout", "Older records"), translate("rollout", "Older reports"),
            translate("rollout", "Record file"),
            translate("rollout", "Console report")]


def activation_cell(row: r.RoomRow) -> str:
    """The deciding answer; a code from the console's own report is named beside it."""
    text = activation_label(row.activation)
    if row.activation_source == r.SOURCE_REPORT and row.console_error_code:
        text += f" ({row.console_error_code})"
    return text


def report_cell(row: r.RoomRow, format_date: Callable[[date], str] | None = None) -> str:
    """The console report in the row (its file and the day it was collected), or nothing."""
    if not row.report_file:
        return ""
    # The day of the parsed moment, in the console's own offset (as the Date column): a
    # basic or week-date ISO time is never cut into a false day.
    try:
        collected = datetime.fromisoformat(row.collected_at or "").date()
    except ValueError:
        day = row.collected_at or ""
    else:
        day = format_date(collected) if format_date is not None else collected.isoformat()
    return translate("rollout", "{file} (collected {day})").format(file=file_text(row.report_file), day=day)


def row_cells(row: r.RoomRow, format_date: Callable[[date], str] | None = None) -> list[str]:
    """One room in the order of ``headers()``; the date ISO unless a formatter is given."""
    shown = row.date
    if format_date is not None:
        try:
            shown = format_date(date.fromisoformat(row.date))
        except ValueError:
            pass
    return [status_label(row.status), row.customer, row.site, row.machine, row.technician, shown,
            path_label(row.path), kms_or_key_label(row), activation_cell(row),
            promo_label(row.promo_state, row.promo_actions), problem_cell(row),
            str(row.older) if row.older else "", str(row.older_reports) if row.older_reports else "",
            file_text(row.file) if row.source != r.SOURCE_REPORT else "", report_cell(row, format_date)]


def totals_headers() -> list[str]:
    return [translate("rollout", "Rooms"), status_label(r.LICENSED), status_label(r.PENDING),
            status_label(r.FAILING), status_label(r.NOT_CHECKED)]


def totals_cells(totals: r.Totals) -> list[str]:
    return [str(totals.rooms), str(totals.licensed), str(totals.pending), str(totals.failing),
            str(totals.not_checked)]


def totals_line(totals: r.Totals) -> str:
    return translate("rollout", "{rooms} rooms: {licensed} licensed, {pending} pending, {failing} failing, "
                     "{not_checked} not checked").format(**totals.to_json())


def sources_line(report: r.Rollout) -> str:
    line = translate("rollout", "{records} records read ({older} older records of the same rooms not shown); "
                     "{foreign} other JSON files skipped; {bad} files not included.").format(
        records=report.records, older=report.older, foreign=report.foreign, bad=len(report.not_included))
    if report.reports:
        line += " " + translate("rollout", "{reports} console reports read ({older} older reports of the same "
                                           "consoles not shown).").format(reports=report.reports,
                                                                           older=report.older_reports)
    return line


def progress_line(files: int, rooms: int) -> str:
    """The command line's progress while it reads (the total is not known while walking)."""
    return translate("rollout", "read {files} files, {rooms} rooms and consoles so far…").format(
        files=f"{files:,}", rooms=f"{rooms:,}")


def classification_notes() -> list[str]:
    return [
        translate("rollout", "Licensed: the console's own activation check says licensed. Nothing else counts as "
                             "licensed."),
        translate("rollout", "Failing: activation failed, or, without an activation check, the KMS check or the key "
                             "found a problem."),
        translate("rollout", "Pending: waiting for a key or an activation (promo MAK, grace period, an open VLSC "
                             "step)."),
        translate("rollout", "Not checked: the licensing route looks right but the activation was not checked, or its "
                             "answer could not be used."),
    ]


# Excel runs a cell that starts with one of these as a formula; a leading apostrophe keeps
# it text (a site typed as "=1+1" or "@room" is shown as typed).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _csv_cell(value: str) -> str:
    # Control, C1 and bidi characters as visible escapes, as in the text output: a computer
    # name with U+202E or ESC shows what it holds in Excel too.
    value = visible(value)
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def csv_bytes(report: r.Rollout) -> bytes:
    """One header row in the language chosen now, one row per room, ISO dates; UTF-8 with a
    byte order mark, so Excel opens the Chinese text right by a double click."""
    import csv
    import io

    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(headers())
    for row in report.rows:
        writer.writerow([_csv_cell(c) for c in row_cells(row)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def report_json(report: r.Rollout) -> dict:
    """``rollout --json``: the report's facts, with each refused record's first problem worded
    (in the language chosen now) in ``detail``."""
    data = report.to_json()
    for item, shown in zip(report.not_included, data["not_included"]):
        if item.problem is not None:
            shown["detail"] = not_included_sentence(item)
    return data


def display_width(text: str) -> int:
    """Columns ``text`` takes on a terminal: East Asian wide and fullwidth characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in ("W", "F") else 1 for c in text)


class ProgressLine:
    """``rollout``'s progress on standard error: once a second while a long read runs, one
    line rewritten in place, erased at the end. Only on a terminal: a log file or a pipe
    (a scheduled task) gets no progress lines."""

    def __init__(self, stream, interval: float = 1.0, clock=None):
        import time

        self.stream = stream
        self.interval = interval
        self.clock = clock or time.monotonic
        self.next = self.clock() + interval
        self.width = 0

    @classmethod
    def for_stream(cls, stream) -> "ProgressLine | None":
        try:
            return cls(stream) if stream.isatty() else None
        except (AttributeError, ValueError):  # closed or replaced by something without a tty
            return None

    def __call__(self, files: int, rooms: int) -> None:
        now = self.clock()
        if now < self.next:
            return
        self.next = now + self.interval
        text = progress_line(files, rooms)
        width = display_width(text)
        self._write("\r" + text + " " * max(0, self.width - width))
        self.width = width

    def close(self) -> None:
        if self.width:
            self._write("\r" + " " * self.width + "\r")
            self.width = 0

    def _write(self, text: str) -> None:
        try:
            self.stream.write(text)
            self.stream.flush()
        except (OSError, ValueError):
            self.width = 0
