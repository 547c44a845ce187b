"""Activate and check: the commands for the console, and the console's own answer read back.

The answer comes pasted, from a text file (read on a worker), or, when srs-wizard runs on the
console itself, by running ospp.vbs here (on a worker, with a time limit, cancellable).
"""

from __future__ import annotations

import logging
import threading
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from srs_wizard import flow
from srs_wizard.core import activation as act
from srs_wizard.core import ospp_run
from srs_wizard.core.present import activation as words
from srs_wizard.core.product_key import LYNC_2013_GVLK
from srs_wizard.core.text import split_list, visible
from srs_wizard.ui import workers
from srs_wizard.ui.console import ConsoleReportImport
from srs_wizard.ui.widgets import CopyButton, plain_label, scrolling

log = logging.getLogger(__name__)

READ_DELAY_MS = 250  # read the pasted text once typing or pasting pauses


def read_text_file(path: str) -> tuple[str | None, str]:
    """Runs on a worker: (problem code or None, text). Problems: too_large, binary; a FIFO,
    a device or a folder raises files.NotARegularFile (an OSError) before it is opened."""
    from srs_wizard.core import files

    try:
        data = files.read_bounded(path, act.MAX_BYTES)
    except files.TooLarge:
        return "too_large", ""
    text = act.decode_output(data)
    if act.looks_binary(text):
        return "binary", ""
    return None, text


def _moment_with_offset(text: str | None) -> str | None:
    """``text`` when it is an ISO time with a UTC offset (a console report's ``collected_at``)."""
    if not isinstance(text, str):
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment.isoformat(timespec="seconds") if moment.tzinfo is not None else None


class ActivationPage(QWizardPage):
    value_changed = Signal(object)  # {"activation": the console's answer as read}

    def __init__(self, parent=None):
        super().__init__(parent)
        # Running ospp.vbs or reading a file; and reading the answer (a task of its own): each
        # runner drops a cancelled or replaced task's outcome.
        self._runner = workers.TaskRunner(lambda: self.wizard().pool, lambda _busy: self._set_busy(_busy))
        self._reader = workers.TaskRunner(lambda: self.wizard().pool, lambda _busy: self.completeChanged.emit())
        self._source: str | None = None
        self._setting_text = False
        self._run_problem: str | None = None
        # cscript //nologo <OSPP.VBS> on Windows when Office 2013's script is there; tests set a real child.
        self.runner_command: list[str] | None = ospp_run.default_command()
        self.run_timeout = ospp_run.DEFAULT_TIMEOUT
        self.choose_file = self._ask_file  # replaced in tests

        self.intro = plain_label()
        self.office_label = QLabel()
        self.office = QComboBox()
        self.office_label.setBuddy(self.office)
        self.office.currentIndexChanged.connect(self._refresh_commands)
        office_row = QFormLayout()
        office_row.addRow(self.office_label, self.office)

        self.commands_box = QGroupBox()
        grid = QGridLayout(self.commands_box)
        self.step_labels: list[QLabel] = []
        self.command_edits: list[QLineEdit] = []
        self.copy_buttons: list[CopyButton] = []
        self._commands: list[tuple[str, str, object]] = []
        mono = QFont("monospace")
        mono.setStyleHint(QFont.Monospace)
        for row in range(3):
            label = plain_label()
            edit = QLineEdit()
            edit.setReadOnly(True)
            edit.setFont(mono)
            button = CopyButton("", lambda i=row: self._command_to_copy(i))
            self.step_labels.append(label)
            self.command_edits.append(edit)
            self.copy_buttons.append(button)
            grid.addWidget(label, row * 2, 0, 1, 2)
            grid.addWidget(edit, row * 2 + 1, 0)
            grid.addWidget(button, row * 2 + 1, 1)
        grid.setColumnStretch(0, 1)

        self.answer_box = QGroupBox()
        answer = QVBoxLayout(self.answer_box)
        self.output_label = QLabel()
        self.output = QPlainTextEdit()
        self.output.setFont(mono)
        self.output.setLineWrapMode(QPlainTextEdit.NoWrap)
        self.output.setTabChangesFocus(True)  # keyboard users leave the box with Tab
        self.output.setMinimumHeight(120)
        self.output_label.setBuddy(self.output)
        self.output.textChanged.connect(self._text_changed)
        self.open_file = QPushButton()
        self.open_file.clicked.connect(self.open_text_file)
        self.run_button = QPushButton()
        self.run_button.clicked.connect(self.run_here)
        self.also_act = QCheckBox()
        self.cancel_run = QPushButton()
        self.cancel_run.clicked.connect(self.cancel)
        self.cancel_run.hide()
        # A console report from srs-collect.cmd: its /dstatus is read as a saved file would be.
        self.console_import = ConsoleReportImport(lambda: self.wizard().pool)
        self.console_import.imported.connect(self._console_imported)
        self.use_kms_report = QPushButton()
        self.use_kms_report.clicked.connect(self.use_session_console)
        self.use_kms_report.hide()
        self._from_console = False
        self._console_at: str | None = None  # when the console report in the box was collected
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_file)
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.also_act)
        buttons.addWidget(self.cancel_run)
        buttons.addStretch(1)
        self.status = plain_label()
        answer.addWidget(self.output_label)
        answer.addWidget(self.output)
        answer.addLayout(buttons)
        console_row = QHBoxLayout()
        console_row.addWidget(self.console_import, 1)
        console_row.addWidget(self.use_kms_report)
        answer.addLayout(console_row)
        answer.addWidget(self.status)

        # Warnings (a KMS host that is not the customer's) in their own box, before the verdict.
        self.warnings = plain_label()
        self.warnings.setObjectName("rogue")
        self.warnings.hide()
        self.verdict = plain_label()
        self.verdict.setObjectName("activationVerdict")
        big = QFont(self.font())
        big.setPointSizeF((big.pointSizeF() if big.pointSizeF() > 0 else 10) * 1.8)
        big.setBold(True)
        self.verdict.setFont(big)
        self.next_step = plain_label()
        # A MAK without internet: the way to the "Activate without internet" page, at any time.
        self.offline_button = QPushButton()
        self.offline_button.clicked.connect(self.activate_offline)
        self.offline_button.hide()
        self.advice = plain_label()
        self.products = QTableWidget(0, len(words.product_headers()))
        self.products.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.products.verticalHeader().hide()
        # Sized once after filling: ResizeToContents measures every row again for each cell set.
        self.products.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.products.horizontalHeader().setStretchLastSection(True)
        self.products.setMinimumHeight(90)
        self.products.hide()

        inner = QWidget()
        body = QVBoxLayout(inner)
        body.addWidget(self.intro)
        body.addLayout(office_row)
        body.addWidget(self.commands_box)
        body.addWidget(self.answer_box)
        body.addWidget(self.warnings)
        body.addWidget(self.verdict)
        body.addWidget(self.next_step)
        body.addWidget(self.offline_button, 0, Qt.AlignLeft)
        body.addWidget(self.advice)
        body.addWidget(self.products)
        body.addStretch(1)
        scrolling(self, inner)

        self._read_timer = QTimer(self)
        self._read_timer.setSingleShot(True)
        self._read_timer.setInterval(READ_DELAY_MS)
        self._read_timer.timeout.connect(self.read_answer)
        self.retranslate()

    # ------------------------------------------------------------------ words
    def _say(self, words) -> None:
        """Show a status line, and keep how it is worded so a language switch rewords it."""
        self._status_words = words
        self.status.setText(words())

    def retranslate(self) -> None:
        if getattr(self, "_status_words", None) is not None:
            self.status.setText(self._status_words())
        self.setTitle(self.tr("Activate and check"))
        self.setSubTitle(self.tr("Activate Lync 2013 on the console and read its own answer: the job is done when it "
                                 "says LICENSED. You may go on without it; the summary then says it was not checked."))
        self.intro.setText(self.tr("On the console, open the command prompt as administrator (right-click Command "
                                   "Prompt, Run as administrator), then run these commands in order."))
        self.office_label.setText(self.tr("&Which Office:"))
        self.office.setAccessibleName(self.tr("Which Office"))
        self.office.setToolTip(self.tr("Where OSPP.VBS is: 32-bit Office on 64-bit Windows is under Program Files "
                                       "(x86)."))
        current = self.office.currentIndex()
        self.office.blockSignals(True)
        self.office.clear()
        self.office.addItem(self.tr("Office of the same bitness as Windows"))
        self.office.addItem(self.tr("32-bit Office on 64-bit Windows"))
        self.office.setCurrentIndex(max(0, current))
        self.office.blockSignals(False)
        self.commands_box.setTitle(self.tr("Commands for this console"))
        for i, button in enumerate(self.copy_buttons, 1):
            button.set_label(self.tr("Copy"))
            button.setAccessibleName(self.tr("Copy command {n}").format(n=i))
        for i, edit in enumerate(self.command_edits, 1):
            edit.setAccessibleName(self.tr("Command {n}").format(n=i))
        self.answer_box.setTitle(self.tr("The console's answer"))
        self.output_label.setText(self.tr("Paste the console's &output here:"))
        self.output.setAccessibleName(self.tr("Console output"))
        self.output.setToolTip(self.tr("Everything cscript ospp.vbs /dstatus (and /act) printed; prompts and banners "
                                       "may stay in."))
        self.open_file.setText(self.tr("Open &text file…"))
        self.open_file.setAccessibleName(self.tr("Open text file"))
        self.open_file.setToolTip(self.tr("A file the output was saved to, for example on a USB stick "
                                          "(cscript ospp.vbs /dstatus > E:\\status.txt)."))
        self.run_button.setText(self.tr("&Run on this computer"))
        self.run_button.setAccessibleName(self.tr("Run on this computer"))
        self.run_button.setToolTip(self.tr("Runs cscript //nologo OSPP.VBS /dstatus here, in the background, "
                                           "with a time limit."))
        self.also_act.setText(self.tr("Run /act b&efore /dstatus"))
        self.also_act.setAccessibleName(self.tr("Run /act before /dstatus"))
        self.console_import.retranslate()
        self.console_import.button.setToolTip(self.tr(
            "Reads the ospp.vbs /dstatus output in the srs-console-….json report that srs-collect.cmd wrote on "
            "the console."))
        self.use_kms_report.setText(self.tr("Use the console report imported on the KMS page"))
        self.use_kms_report.setAccessibleName(self.tr("Use the console report imported on the KMS page"))
        self.use_kms_report.setToolTip(self.tr("Reads the ospp.vbs /dstatus output that the console report "
                                               "imported on the KMS page holds."))
        self.cancel_run.setText(self.tr("Cance&l"))
        self.cancel_run.setAccessibleName(self.tr("Cancel run"))
        self.offline_button.setText(self.tr("Activate without internet…"))
        self.offline_button.setAccessibleName(self.tr("Activate without internet"))
        self.offline_button.setToolTip(self.tr("For a console that cannot reach Microsoft's activation server: "
                                               "activate the MAK with a confirmation ID."))
        self.verdict.setAccessibleName(self.tr("Activation verdict"))
        self.products.setAccessibleName(self.tr("Products"))
        self.products.setHorizontalHeaderLabels(words.product_headers())
        self._update_run_button()
        self._refresh_commands()
        self._show_result(self._session_result())

    # ------------------------------------------------------------------ commands
    def _session(self):
        wizard = self.wizard()
        return wizard.session if wizard is not None else None

    def _session_result(self):
        session = self._session()
        return session.activation if session is not None else None

    def _path(self) -> str:
        session = self._session()
        return session.path if session is not None else "kms"

    def ospp_path(self) -> str:
        return words.ospp_paths()[1 if self.office.currentIndex() == 1 else 0]

    def _kms_impossible(self) -> bool:
        """The KMS path after the evidence showed KMS will not do: no GVLK and /act to offer."""
        session = self._session()
        if session is None or self._path() != "kms":
            return False
        verdict = session.kms_verdict()
        return verdict is not None and verdict not in flow.USABLE_VERDICTS

    def _refresh_commands(self, *_args) -> None:
        ospp = f'cscript "{self.ospp_path()}"'
        session = self._session()
        impossible = self._kms_impossible()
        if self._path() == "mak":
            mak = session.mak if session is not None else None
            shown = mak.masked if mak is not None and mak.key else "<MAK>"
            first = (self.tr("1. Install the MAK (the whole key is copied only when you press Copy):"),
                     f"{ospp} /inpkey:{shown}", lambda: f"{ospp} /inpkey:{self._full_mak() or '<MAK>'}")
        else:
            first = (self.tr("1. Only if /dstatus shows no Lync key or another one: install the Lync 2013 KMS client "
                             "key (GVLK):"), f"{ospp} /inpkey:{LYNC_2013_GVLK}", f"{ospp} /inpkey:{LYNC_2013_GVLK}")
        self._commands = [
            first,
            (self.tr("2. Activate:"), f"{ospp} /act", f"{ospp} /act"),
            (self.tr("3. Show the license state, and give its answer below:"), f"{ospp} /dstatus",
             f"{ospp} /dstatus"),
        ]
        if impossible:  # only the license state can still be read; the way on is MAK or promo
            self._commands[2] = (self.tr("KMS cannot activate this room (see the KMS check): choose a MAK or a "
                                         "promotional MAK on the KMS page. To record the console's license state, "
                                         "run:"), f"{ospp} /dstatus", f"{ospp} /dstatus")
        for row, ((what, shown, _), label, edit) in enumerate(zip(self._commands, self.step_labels,
                                                                   self.command_edits)):
            label.setText(what)
            edit.setText(shown)
            edit.setCursorPosition(0)
            for widget in (label, edit, self.copy_buttons[row]):
                widget.setVisible(not (impossible and row < 2))

    def _full_mak(self) -> str | None:
        from srs_wizard.core import product_key

        session = self._session()
        if session is None or session.mak is None or not session.mak.key:
            return None
        return product_key.group(session.mak.key)

    def _command_to_copy(self, index: int) -> str:
        copied = self._commands[index][2]
        return copied() if callable(copied) else copied

    # ------------------------------------------------------------------ the answer
    def _update_run_button(self) -> None:
        can_run = self.runner_command is not None
        self.run_button.setVisible(can_run)
        self.also_act.setVisible(can_run and not self._kms_impossible())
        self.run_button.setEnabled(can_run and not self._runner.busy)
        self.open_file.setEnabled(not self._runner.busy)

    def set_runner_command(self, command: list[str] | None) -> None:
        self.runner_command = list(command) if command else None
        self._update_run_button()

    def _set_output(self, text: str, source: str, from_console: bool = False,
                    collected_at: str | None = None) -> None:
        self._from_console = from_console
        self._console_at = collected_at if from_console else None
        if not from_console:
            self.console_import.collected.hide()
        self._update_console_offer()
        self._setting_text = True
        try:
            self.output.setPlainText(text)
        finally:
            self._setting_text = False
        self._source = source
        self._read_timer.stop()
        self.read_answer()

    def _text_changed(self) -> None:
        if self._setting_text:
            return
        self._drop_result()  # a new paste replaces the answer; a cleared field clears it
        self._source = "pasted"
        self._run_problem = None
        if self._from_console:  # edited by hand: no longer the console's answer as collected
            self._from_console = False
            self.console_import.collected.hide()
            self._update_console_offer()
        self._read_timer.start()

    def _drop_result(self) -> None:
        """The answer shown is no longer the text's: it leaves the session at once."""
        session = self._session()
        if session is not None and session.activation is not None:
            self.value_changed.emit({"activation": None})
        self._reader.cancel()
        for widget in (self.verdict, self.next_step, self.advice, self.products, self.warnings):
            widget.setEnabled(False)  # greyed until the new text is read

    def read_answer(self) -> None:
        """Read the text on a worker: a pasted megabyte takes longer than a frame."""
        session = self._session()
        text = self.output.toPlainText()
        self._reader.cancel()
        if not text.strip() or session is None:
            if session is not None:
                self.value_changed.emit({"activation": None})
            self._show_result(None)
            self.completeChanged.emit()
            return
        source = self._source
        # The console's answer is as old as its report: the rollout compares it with newer reports.
        answered_at = self._console_at if self._from_console else None
        # Next waits for the reading (a few ms, longer for a huge paste); a newer text drops it.
        self._reader.start(lambda: act.read_status(text) if len(text) <= act.MAX_BYTES
                           else act.StatusReport(act.UNREADABLE, None),
                           returned=lambda report: self._parsed(report, source, answered_at))

    def _parsed(self, report: act.StatusReport, source: str | None, answered_at: str | None = None) -> None:
        result = self._result_for(report, source, answered_at)
        self.value_changed.emit({"activation": result})
        self._show_result(result)
        self.completeChanged.emit()

    def _result_for(self, report: act.StatusReport, source: str | None,
                    answered_at: str | None = None) -> act.ActivationResult:
        session = self._session()
        expected_last5 = self._expected_last5()
        found: list[str] = []
        expected: list[str] = []
        if session is not None:
            if session.kms is not None:
                found = [h.target for h in session.kms.hosts]
            expected = split_list(session.kms_inputs.expect)
        checked_at = _moment_with_offset(answered_at) or datetime.now().astimezone().isoformat(timespec="seconds")
        return act.ActivationResult(source, checked_at, report, act.key_matches(report, expected_last5),
                                    act.compare_kms_host(report, found, expected))

    def _expected_last5(self) -> str | None:
        session = self._session()
        if session is not None and session.path == "mak" and session.mak is not None and session.mak.key:
            return session.mak.masked[-5:]
        return None

    def activate_offline(self) -> None:
        """On to "Activate without internet" (the MAK path)."""
        self.value_changed.emit({"offline_wanted": True})
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            wizard.next()

    def _update_offline_offer(self, result: act.ActivationResult | None) -> None:
        unreachable = result is not None and act.server_unreachable(result.report)
        self.offline_button.setVisible(self._path() == "mak")
        # The server cannot be reached: this is the way on, and Next goes there too.
        self.offline_button.setProperty("urgent", unreachable)
        font = self.offline_button.font()
        font.setBold(unreachable)
        self.offline_button.setFont(font)

    def _show_result(self, result: act.ActivationResult | None) -> None:
        self._update_offline_offer(result)
        from srs_wizard.core.present import judge as judge_words

        for widget in (self.verdict, self.next_step, self.advice, self.products, self.warnings):
            widget.setEnabled(True)
        session = self._session()
        if result is None or session is None:
            self.verdict.setText(words.verdict_title(words.NOT_CHECKED))
            self.verdict.setStyleSheet("")
            self.next_step.setText(self.tr("Give the console's answer above, or go on: the summary will say that "
                                           "activation was not checked."))
            self.advice.clear()
            self.advice.hide()
            self.warnings.hide()
            self.products.setRowCount(0)
            self.products.hide()
            return
        report = result.report
        # The room verdict (core.judge), made from the session: the answer shown is the session's.
        verdict = session.room_verdict()
        self.verdict.setText(judge_words.state_title(verdict))
        self.verdict.setStyleSheet(f"color: {judge_words.state_colour(verdict)};")
        self.verdict.setAccessibleDescription(self.verdict.text())
        warnings = judge_words.warnings(verdict)
        self.warnings.setText("\n".join(warnings))
        self.warnings.setVisible(bool(warnings))
        steps = judge_words.steps(verdict)
        self.next_step.setText("\n".join(f"{i}. {s}" for i, s in enumerate(steps, 1)) if len(steps) > 1
                               else "".join(steps))
        # Each code once with its meaning (the title's own code is not repeated); what to do is in
        # the steps above; then what the console's own evidence proves and the notes.
        said = set(steps) | {self.verdict.text()}
        lines = []
        for item in words.advice(report, None, result.host_check):
            if item.code.startswith("key_") or item.code == "kms_host_unexpected":
                continue  # the verdict's notes and warnings say these
            if item.code == report.error_code and report.verdict == act.ERROR:
                continue  # the title says it
            action = "" if item.action in said else item.action
            lines.append(item.message + ("\n    " + action if action else ""))
        lines += judge_words.disagreements(verdict)
        from srs_wizard.core import judge

        # The proof of discovery: the host the console's own KMS client found, against ours.
        lines += [judge_words.proven_text(p) for p in verdict.proven
                  if p.code in (judge.P_DISCOVERY_AGREES, judge.P_DISCOVERY_DIFFERS, judge.P_CONSOLE_NO_DISCOVERY)]
        lines += judge_words.notes(verdict)
        self.advice.setText(visible("\n".join(lines)))
        self.advice.setVisible(bool(lines))
        rows = words.product_rows(report.products)
        self.products.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                self.products.setItem(r, c, QTableWidgetItem(visible(value)))
        self.products.resizeColumnsToContents()
        self.products.setVisible(bool(rows))

    def key_check_text(self) -> str:
        """The key check line shown, for tests and screen readers."""
        result = self._session_result()
        if result is None or result.key_matches is None:
            return ""
        item = words.key_message(result.key_matches, result.report.product.last5 if result.report.product else None,
                                 self._expected_last5())
        return item.message if item else ""

    # ------------------------------------------------------------------ from a file
    def _ask_file(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open the saved output of ospp.vbs"), "",
                                              self.tr("Text files (*.txt *.log);;All files (*)"))
        return path

    def open_text_file(self) -> None:
        if self._runner.busy:
            return
        path = self.choose_file()
        if not path:
            return
        self._pending_path = path
        self._say(lambda: self.tr("Reading {path}…").format(path=path))
        self._runner.start(lambda: read_text_file(path), returned=self._file_read, errored=self._file_failed)

    def _file_read(self, answer: tuple) -> None:
        problem, text = answer
        path = self._pending_path
        if problem == "too_large":
            self._say(lambda: self.tr("{path} is larger than 1 MB: it is not an ospp.vbs answer.").format(path=path))
            return
        if problem == "binary":
            self._say(lambda: self.tr("{path} is not a text file: it is not an ospp.vbs answer.").format(path=path))
            return
        self._say(lambda: self.tr("Read {path}.").format(path=path))
        self._set_output(text, "file")

    def _file_failed(self, exc: BaseException) -> None:
        path, reason = self._pending_path, workers.describe(exc)
        self._say(lambda: self.tr("{path} could not be read: {reason}").format(path=path, reason=reason))

    # ------------------------------------------------------------------ from a console report
    def _console_imported(self, report) -> None:
        """A report read and checked on the pool: its /dstatus, or why it has none."""
        from srs_wizard.core import console
        from srs_wizard.core.present.console import collector_problem_text

        text = console.dstatus_text(report)
        if text is None:
            self.console_import.collected.hide()
            reasons = "; ".join(collector_problem_text(p) for p in report.collector_problems)
            message = self.tr("{path} holds no ospp.vbs /dstatus output.").format(path=report.file)
            if reasons:
                message += " " + self.tr("The collector says: {reasons}").format(reasons=reasons)
            self._say(lambda: message)
            return
        session = self._session()
        if session is not None and (session.console is None or session.console.get("file") == report.file):
            # The record names the console the answer came from; a report imported on the KMS
            # page stays the record's when this one is another file.
            from srs_wizard.core import judge

            self.value_changed.emit({"console": judge.console_record(report), "console_dstatus": text})
        self._say(lambda: self.tr("Read the /dstatus output of {path}.").format(path=report.file))
        self._set_output(text, "file", from_console=True, collected_at=report.collected_at)
        self.console_import.collected.show()

    def _update_console_offer(self) -> None:
        session = self._session()
        offer = (session is not None and session.console is not None and session.console_dstatus is not None
                 and not self._from_console)
        self.use_kms_report.setVisible(bool(offer))

    def use_session_console(self) -> None:
        """The /dstatus of the report the session holds (imported on the KMS page)."""
        session = self._session()
        if session is None or session.console is None or session.console_dstatus is None:
            return
        self._say(lambda: self.tr("Read the /dstatus output of {path}.").format(
            path=session.console.get("file") or "–"))
        self._set_output(session.console_dstatus, "file", from_console=True,
                         collected_at=session.console.get("collected_at"))
        self.console_import.show_record(session.console)

    # ------------------------------------------------------------------ run here
    def run_here(self) -> None:
        if self._runner.busy or self.runner_command is None:
            return
        actions = ["/act", "/dstatus"] if self.also_act.isChecked() and self.also_act.isVisible() else ["/dstatus"]
        command, timeout = list(self.runner_command), float(self.run_timeout)
        event = threading.Event()
        self._pending_path = " ".join(command[-1:])
        self._say(lambda: self.tr("Running {actions} (at most {seconds:.0f} s)…").format(
            actions=" ".join(actions), seconds=timeout))
        self._runner.start(lambda: ospp_run.run_ospp(command, actions, timeout, event), cancel=event.set,
                           returned=self._ran, errored=self._file_failed)

    def _ran_words(self, result: ospp_run.RunResult) -> str:
        messages = {
            None: self.tr("Ran in {seconds:.1f} s.").format(seconds=result.elapsed_s),
            ospp_run.TIMEOUT: self.tr("ospp.vbs did not finish within {seconds:.0f} s and was stopped. Run the "
                                      "commands in a command prompt instead.").format(seconds=self.run_timeout),
            ospp_run.NOT_FOUND: self.tr("cscript could not be started: {reason}").format(reason=result.detail),
            ospp_run.FAILED: self.tr("The command failed (exit code {code}): {reason}").format(
                code=result.returncode if result.returncode is not None else "–", reason=result.detail),
            ospp_run.CANCELLED: self.tr("Cancelled."),
        }
        return messages.get(result.problem, "")

    def _ran(self, result: ospp_run.RunResult) -> None:
        self._run_problem = result.problem
        self._say(lambda: self._ran_words(result))
        if result.output.strip():
            self._set_output(result.output, "ran")

    def cancel(self) -> None:
        if self._runner.cancel():
            self._say(lambda: self.tr("Cancelled."))

    def _set_busy(self, busy: bool) -> None:
        self.cancel_run.setVisible(busy)
        self._update_run_button()
        self.completeChanged.emit()

    @property
    def busy(self) -> bool:
        """Running ospp.vbs, or still reading its answer (the reading is a task of its own)."""
        return self._runner.busy or self._reader.busy

    def shutdown(self) -> None:
        self._read_timer.stop()
        for runner in (self._reader, self._runner):
            runner.on_busy = None
            runner.cancel()

    # ------------------------------------------------------------------ wizard
    def initializePage(self) -> None:
        self._refresh_commands()
        self._update_console_offer()
        if self.output.toPlainText().strip():
            self.read_answer()  # the MAK or the KMS check may have changed since
        else:
            self._show_result(self._session_result())

    def isComplete(self) -> bool:
        return not self.busy

    def load(self, session) -> None:
        self._show_result(session.activation)
