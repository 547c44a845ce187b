"""The console collector in the wizard: "Make a console script…" and "Import console report…".

Writing the script and reading a report run on the wizard's pool; the dialogs that choose
the folder and the file are attributes, so the tests drive the real buttons without them.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from srs_wizard.core.text import visible
from srs_wizard.ui import workers

log = logging.getLogger(__name__)


def program_folder() -> str:
    """Where the program runs from: the folder of the packaged program (the USB stick), or
    the current folder when run from source."""
    if getattr(sys, "frozen", False):
        return str(Path(sys.executable).resolve().parent)
    return str(Path.cwd())


def _plain(label: QLabel) -> QLabel:
    from PySide6.QtCore import Qt  # its ~90 enums are built on first use: not before page one

    label.setTextFormat(Qt.PlainText)  # paths and names from a file are never HTML
    label.setWordWrap(True)
    return label


class ConsoleScriptButton(QWidget):
    """A button that writes srs-collect.cmd (and its .vbs) into a chosen folder, and says where."""

    written = Signal(str)

    def __init__(self, pool: Callable[[], object], parent: QWidget | None = None):
        super().__init__(parent)
        self._pool = pool
        self._task = None
        self.button = QPushButton()
        self.status = _plain(QLabel())
        self.status.hide()
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        from PySide6.QtCore import Qt

        row.addWidget(self.button, 0, Qt.AlignLeft)  # a button's width, not the row's, while no status shows
        row.addWidget(self.status, 1)
        self.button.clicked.connect(self.make_script)
        self.choose_folder = self._ask_folder  # replaced in tests
        self.retranslate()

    def retranslate(self) -> None:
        self.button.setText(self.tr("Make a console script…"))
        self.button.setAccessibleName(self.tr("Make a console script"))
        self.button.setToolTip(self.tr(
            "Writes srs-collect.cmd for a console that cannot run this program (Windows 7): run it there, "
            "then import the report it writes."))

    def _ask_folder(self, suggested: str) -> str:
        from PySide6.QtWidgets import QFileDialog  # slow to load: not before the first page

        return QFileDialog.getExistingDirectory(self, self.tr("Folder for the console script"), suggested)

    @property
    def busy(self) -> bool:
        return self._task is not None

    def make_script(self) -> None:
        if self._task is not None:
            return
        folder = self.choose_folder(program_folder())
        if not folder:
            return
        from srs_wizard.core.console_script import write_console_script

        task = workers.Task(lambda: str(write_console_script(folder)))
        task.signals.returned.connect(self._written)
        task.signals.errored.connect(lambda _tag, exc: self._failed(folder, workers.describe(exc)))
        task.signals.finished.connect(self._finished)
        self._task = task
        self.button.setEnabled(False)
        self.status.setText(self.tr("Writing the console script…"))
        self.status.show()
        workers.start(self._pool(), task)

    def _finished(self, _tag: int) -> None:
        self._task = None
        self.button.setEnabled(True)

    def _written(self, _tag: int, path: str) -> None:
        log.info("console script written: %s", path)
        self.status.setText(self.tr(
            "Wrote {path} (and srs-collect.vbs beside it). On the console, double-click it, or run it from an "
            "administrator command prompt to include the license state; it writes its report beside itself.")
            .format(path=path))
        self.written.emit(path)

    def _failed(self, folder: str, reason: str) -> None:
        log.warning("console script not written to %s: %s", folder, reason)
        self.status.setText(self.tr("The console script could not be written to {folder}: {reason}").format(
            folder=folder, reason=reason))


class ConsoleReportImport(QWidget):
    """"Import console report…": read and check the file on the pool, then hand it over."""

    imported = Signal(object)  # a core.console.ConsoleReport

    def __init__(self, pool: Callable[[], object], parent: QWidget | None = None):
        super().__init__(parent)
        self._pool = pool
        self._task = None
        self.button = QPushButton()
        self.collected = _plain(QLabel())
        self.collected.setObjectName("consoleCollected")
        self.collected.hide()
        self.message = _plain(QLabel())
        self.message.setObjectName("fieldMessage")
        self.message.setProperty("kind", "error")
        self.message.hide()
        self.report = None
        self.choose_file = self._ask_file  # replaced in tests
        self.format_datetime = None  # set by the page: the time in the user's locale
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(self.collected)
        layout.addWidget(self.message)
        self.button.clicked.connect(self.import_report)
        self.retranslate()

    def retranslate(self) -> None:
        self.button.setText(self.tr("Import console report…"))
        self.button.setAccessibleName(self.tr("Import console report"))
        self.button.setToolTip(self.tr(
            "Reads the srs-console-….json report that srs-collect.cmd wrote on the console: its DNS servers, "
            "its suffixes in its own order, and its own lookups."))
        if self.report is not None:
            self._show_collected(self.report)

    def _ask_file(self, suggested: str) -> str:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(self, self.tr("Console report"), suggested,
                                              self.tr("Console report (srs-console-*.json);;All files (*)"))
        return path

    @property
    def busy(self) -> bool:
        return self._task is not None

    def import_report(self) -> None:
        if self._task is not None:
            return
        path = self.choose_file(program_folder())
        if not path:
            return
        task = workers.Task(lambda: _read_report(path))
        task.signals.returned.connect(self._read)
        task.signals.errored.connect(lambda _tag, exc: self._show_problems(path, [workers.describe(exc)]))
        task.signals.finished.connect(self._finished)
        self._task = task
        self.button.setEnabled(False)
        workers.start(self._pool(), task)

    def _finished(self, _tag: int) -> None:
        self._task = None
        self.button.setEnabled(True)

    def _read(self, _tag: int, result) -> None:
        from srs_wizard.core import console
        from srs_wizard.core.present.console import problem_text

        path, outcome = result
        if isinstance(outcome, console.ConsoleReportError):
            self._show_problems(path, [problem_text(p) for p in outcome.problems])
            return
        log.info("console report imported: %s (%s)", path, outcome.computer)
        self.report = outcome
        self.message.hide()
        self._show_collected(outcome)
        self.imported.emit(outcome)

    def _formatter(self):
        if self.format_datetime is not None:
            return self.format_datetime
        from srs_wizard.locale_format import locale_formatters

        return locale_formatters(self.locale())[0]  # as the summary shows it: the console's offset

    def show_record(self, data: dict | None) -> None:
        """The line for a console report kept in the session (a resumed draft)."""
        from srs_wizard.core.present.console import collected_line

        if not data:
            self.collected.hide()
            return
        line = visible(collected_line(str(data.get("computer", "")), str(data.get("collected_at", "")),
                                      self._formatter()))
        self.collected.setText(line)
        self.collected.setAccessibleName(line)
        self.collected.show()

    def _show_collected(self, report) -> None:
        from srs_wizard.core.present.console import collected_line, devolved_line, problem_text

        lines = [visible(collected_line(report.computer, report.collected_at, self._formatter()))]
        lines += [visible(line) for line in (devolved_line(report),) if line]
        lines += [visible(problem_text(n)) for n in report.notes]
        self.collected.setText("\n".join(lines))
        self.collected.setAccessibleName(lines[0])
        self.collected.show()

    def _show_problems(self, path: str, problems: list[str]) -> None:
        log.warning("console report refused: %s (%d problem(s))", path, len(problems))
        text = self.tr("{path} was not imported:").format(path=path) + "\n" + "\n".join(
            f"• {p}" for p in problems[:12])
        self.message.setText(text)
        self.message.setAccessibleDescription(text)
        self.message.show()


def _read_report(path: str):
    """On the pool: (path, report) or (path, ConsoleReportError); an unreadable file raises OSError."""
    from srs_wizard.core import console, console_file

    try:
        return path, console_file.read_file(path)
    except console.ConsoleReportError as exc:
        return path, exc


def fill_kms_page(page, report) -> None:
    """The KMS page takes the console's suffixes (in its order) and DNS servers; the session
    keeps what was collected, when and from which file."""
    from srs_wizard.core import console, judge

    domains, servers = console.check_arguments(report)
    page.domains.setText(", ".join(domains))
    page.nameserver.setText(", ".join(servers))
    wizard = page.wizard()
    if wizard is not None:
        page.value_changed.emit({"console": judge.console_record(report),
                                 "console_dstatus": console.dstatus_text(report)})  # for the activation page
        page._store_inputs()


def label_console_domains(session, check):
    """A check of exactly the imported console's suffixes, in its order, is labelled as the
    console's (source ``console``), as ``check-kms --console-report`` labels it."""
    import dataclasses

    from srs_wizard.core import console

    order = (session.console or {}).get("suffix_order")
    if not order or [d.name for d in check.domains] != list(order):
        return check
    return dataclasses.replace(check, domains=tuple(
        dataclasses.replace(d, source=console.SOURCE_CONSOLE) for d in check.domains))
