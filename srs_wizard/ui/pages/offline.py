"""Activate without internet: a MAK on a console that cannot reach Microsoft's activation server.

The console shows an installation ID (``/dinstid``), Microsoft's activation centre turns it
into a confirmation ID, ``/actcid:<digits>`` deposits it, ``/dstatus`` says whether it took.
Both answers come pasted, from a text file, run here (when srs-wizard runs on the console)
or, for ``/dinstid``, from a console report; files, reports and ospp.vbs run on the pool.
Nothing here says a confirmation ID is right (its check is not published): the console does.
"""

from __future__ import annotations

import dataclasses
import threading
from datetime import datetime

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from srs_wizard.core import activation as act
from srs_wizard.core import ospp_run
from srs_wizard.core.present import activation as words
from srs_wizard.ui import workers
from srs_wizard.ui.console import ConsoleReportImport
from srs_wizard.ui.pages.activation import READ_DELAY_MS, read_text_file
from srs_wizard.ui.widgets import CopyButton, FieldMessage, plain_label, scrolling

MIN_TOUCH = 40  # px: every button and field, for a finger on the console's screen
# Which of the two answer boxes a file, a run or a reading is for.
INSTALLATION = "dinstid"
DEPOSIT = "actcid"


def _read_console_file(path: str):
    """On the pool: the console report at ``path`` (the one imported on the KMS page)."""
    from srs_wizard.core import console, console_file

    try:
        return console_file.read_file(path)
    except console.ConsoleReportError as exc:
        return exc


class _Answer(QGroupBox):
    """One answer of the console: pasted, from a file, or run here; read once typing pauses."""

    def __init__(self, parent=None):
        super().__init__(parent)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.Monospace)
        self.label = QLabel()
        self.text = QPlainTextEdit()
        self.text.setFont(mono)
        self.text.setLineWrapMode(QPlainTextEdit.NoWrap)
        self.text.setTabChangesFocus(True)
        self.text.setMinimumHeight(100)
        self.label.setBuddy(self.text)
        self.open_file = QPushButton()
        self.run_button = QPushButton()
        self.buttons = QHBoxLayout()
        self.buttons.addWidget(self.open_file)
        self.buttons.addWidget(self.run_button)
        self.buttons.addStretch(1)
        self.status = plain_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.text)
        layout.addLayout(self.buttons)
        layout.addWidget(self.status)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(READ_DELAY_MS)


class OfflinePage(QWizardPage):
    value_changed = Signal(object)  # {"activation": ..., "offline_wanted": True}

    def __init__(self, parent=None):
        super().__init__(parent)
        # A file read or an ospp.vbs run, one at a time (the pages' one task helper).
        self._runner = workers.TaskRunner(lambda: self.wizard().pool, on_busy=self._busy_changed)
        self._task_for: str | None = None
        self._reading = {INSTALLATION: None, DEPOSIT: None}  # the parse tasks
        self._source = {INSTALLATION: None, DEPOSIT: None}
        self._setting = False
        self.installation_id: act.InstallationId | None = None
        self.installation_ids: list[act.InstallationId] = []
        self.result: act.ActivationResult | None = None
        self.runner_command: list[str] | None = ospp_run.default_command()  # tests set a real child
        self.run_timeout = ospp_run.DEFAULT_TIMEOUT
        self.choose_file = self._ask_file  # replaced in tests
        # Larger than the style's 30 px: a finger on the console's touch screen.
        self.setStyleSheet(f"QPushButton, QLineEdit, QComboBox {{ min-height: {MIN_TOUCH}px; }}")

        mono = QFont("monospace")
        mono.setStyleHint(QFont.Monospace)
        self.intro = plain_label()
        self.office_label = QLabel()
        self.office = QComboBox()
        self.office_label.setBuddy(self.office)
        self.office.currentIndexChanged.connect(self._refresh_commands)
        office_row = QFormLayout()
        office_row.addRow(self.office_label, self.office)

        # The steps, in order; each command has its Copy button.
        self.steps_box = QGroupBox()
        grid = QGridLayout(self.steps_box)
        self.step_labels: list[QLabel] = []
        self.command_edits: list[QLineEdit] = []
        self.copy_buttons: list[CopyButton] = []
        for row in range(4):
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
        self._commands: list = [("", "", "")] * 4

        # Step 2's answer: the installation ID.
        self.iid_box = _Answer()
        self.iid_box.text.textChanged.connect(lambda: self._typed(INSTALLATION))
        self.iid_box.timer.timeout.connect(lambda: self._read(INSTALLATION))
        self.iid_box.open_file.clicked.connect(lambda: self.open_text_file(INSTALLATION))
        self.iid_box.run_button.clicked.connect(lambda: self.run_here(INSTALLATION))
        self.console_import = ConsoleReportImport(lambda: self.wizard().pool)
        self.console_import.imported.connect(self._console_imported)
        self.use_kms_report = QPushButton()
        self.use_kms_report.clicked.connect(self.use_session_console)
        self.use_kms_report.hide()
        report_row = QHBoxLayout()
        report_row.addWidget(self.console_import, 1)
        report_row.addWidget(self.use_kms_report)
        self.iid_box.layout().insertLayout(3, report_row)
        self.iid_caption = plain_label()
        self.iid_groups = plain_label()
        self.iid_groups.setObjectName("installationId")
        big = QFont(mono)
        big.setPointSizeF((self.font().pointSizeF() if self.font().pointSizeF() > 0 else 10) * 2.0)
        big.setBold(True)
        self.iid_groups.setFont(big)
        self.copy_iid = CopyButton("", self._installation_id_text)
        self.copy_iid.hide()
        self.centre = plain_label()

        # Step 3: the confirmation ID as the activation centre gives it.
        self.cid_box = QGroupBox()
        cid_layout = QVBoxLayout(self.cid_box)
        self.cid_label = QLabel()
        self.cid = QLineEdit()
        self.cid.setFont(mono)
        self.cid.setMaxLength(act.MAX_CID_INPUT)
        self.cid_label.setBuddy(self.cid)
        self.cid.textChanged.connect(self._cid_changed)
        self.cid_message = FieldMessage()
        self.cid_groups = plain_label()
        self.cid_groups.setFont(big)
        self.cid_groups.hide()
        cid_layout.addWidget(self.cid_label)
        cid_layout.addWidget(self.cid)
        cid_layout.addWidget(self.cid_message)
        cid_layout.addWidget(self.cid_groups)

        # Step 3 and 4's answer: /actcid, then /dstatus.
        self.answer_box = _Answer()
        self.answer_box.text.textChanged.connect(lambda: self._typed(DEPOSIT))
        self.answer_box.timer.timeout.connect(lambda: self._read(DEPOSIT))
        self.answer_box.open_file.clicked.connect(lambda: self.open_text_file(DEPOSIT))
        self.answer_box.run_button.clicked.connect(lambda: self.run_here(DEPOSIT))
        self.cancel_run = QPushButton()
        self.cancel_run.clicked.connect(self.cancel)
        self.cancel_run.hide()

        self.verdict = plain_label()
        self.verdict.setObjectName("offlineVerdict")
        verdict_font = QFont(self.font())
        verdict_font.setPointSizeF((verdict_font.pointSizeF() if verdict_font.pointSizeF() > 0 else 10) * 1.8)
        verdict_font.setBold(True)
        self.verdict.setFont(verdict_font)
        self.next_step = plain_label()
        self.advice = plain_label()
        self.advice.hide()
        self.products = QTableWidget(0, len(words.product_headers()))
        self.products.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.products.verticalHeader().hide()
        self.products.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.products.horizontalHeader().setStretchLastSection(True)
        self.products.setMinimumHeight(90)
        self.products.hide()

        inner = QWidget()
        body = QVBoxLayout(inner)
        body.addWidget(self.intro)
        body.addLayout(office_row)
        body.addWidget(self.steps_box)
        body.addWidget(self.iid_box)
        body.addWidget(self.iid_caption)
        iid_row = QHBoxLayout()
        iid_row.addWidget(self.iid_groups, 1)
        iid_row.addWidget(self.copy_iid)
        body.addLayout(iid_row)
        body.addWidget(self.centre)
        body.addWidget(self.cid_box)
        body.addWidget(self.answer_box)
        body.addWidget(self.cancel_run)
        body.addWidget(self.verdict)
        body.addWidget(self.next_step)
        body.addWidget(self.advice)
        body.addWidget(self.products)
        body.addStretch(1)
        scrolling(self, inner)
        self.retranslate()

    # ------------------------------------------------------------------ words
    def retranslate(self) -> None:
        self.setTitle(self.tr("Activate without internet"))
        self.setSubTitle(self.tr("When the console cannot reach Microsoft's activation server, activate the MAK with "
                                 "a confirmation ID: the console shows an installation ID, the activation centre "
                                 "gives a confirmation ID for it, the console takes it."))
        self.intro.setText(self.tr("On the console, open the command prompt as administrator, then follow these "
                                   "steps in order."))
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
        self.steps_box.setTitle(self.tr("Steps on the console"))
        for i, (button, edit) in enumerate(zip(self.copy_buttons, self.command_edits), 1):
            button.set_label(self.tr("Copy"))
            button.setAccessibleName(self.tr("Copy offline step {n}").format(n=i))
            button.setToolTip(self.tr("Puts this command on the clipboard."))
            edit.setAccessibleName(self.tr("Offline step {n} command").format(n=i))
            edit.setToolTip(self.tr("The command to run on the console, with the full path of OSPP.VBS."))

        box = self.iid_box
        box.setTitle(self.tr("The console's installation ID"))
        box.label.setText(self.tr("Paste the console's answer to /dinstid &here:"))
        box.text.setAccessibleName(self.tr("The console's /dinstid answer"))
        box.text.setToolTip(self.tr("Everything cscript ospp.vbs /dinstid printed; prompts and banners may stay in."))
        box.open_file.setText(self.tr("Open text file…"))
        box.open_file.setAccessibleName(self.tr("Open the /dinstid answer from a text file"))
        box.open_file.setToolTip(self.tr("A file the answer was saved to, for example on a USB stick "
                                         "(cscript ospp.vbs /dinstid > E:\\iid.txt)."))
        box.run_button.setText(self.tr("Run /dinstid on this computer"))
        box.run_button.setAccessibleName(self.tr("Run /dinstid on this computer"))
        box.run_button.setToolTip(self.tr("Runs cscript //nologo OSPP.VBS /dinstid here, in the background, with a "
                                          "time limit."))
        self.console_import.retranslate()
        self.console_import.button.setToolTip(self.tr(
            "Reads the /dinstid answer in the srs-console-….json report that srs-collect.cmd wrote on the console."))
        self.use_kms_report.setText(self.tr("Use the console report imported before"))
        self.use_kms_report.setAccessibleName(self.tr("Use the console report imported before"))
        self.use_kms_report.setToolTip(self.tr("Reads the /dinstid answer of the console report imported on an "
                                               "earlier page."))
        self.copy_iid.set_label(self.tr("Copy ID"))
        self.copy_iid.setAccessibleName(self.tr("Copy the installation ID"))
        self.copy_iid.setToolTip(self.tr("Puts the installation ID on the clipboard, in its groups."))
        self.iid_groups.setAccessibleName(self.tr("Installation ID"))
        self.centre.setText(self.tr("Give this installation ID to {centre}, group by group; it gives a "
                                    "confirmation ID for it.").format(centre=words.activation_centre()))

        self.cid_box.setTitle(self.tr("The confirmation ID"))
        self.cid_label.setText(self.tr("&Confirmation ID from the activation centre:"))
        self.cid.setAccessibleName(self.tr("Confirmation ID"))
        self.cid.setToolTip(self.tr("Digits only; dashes and spaces between the groups may stay. Only the console "
                                    "can tell whether it is right."))

        box = self.answer_box
        box.setTitle(self.tr("The console's answer"))
        box.label.setText(self.tr("Paste the console's answer to /actcid and /dstatus h&ere:"))
        box.text.setAccessibleName(self.tr("The console's /actcid and /dstatus answer"))
        box.text.setToolTip(self.tr("Everything cscript ospp.vbs /actcid and /dstatus printed."))
        box.open_file.setText(self.tr("Open text file…"))
        box.open_file.setAccessibleName(self.tr("Open the /actcid answer from a text file"))
        box.open_file.setToolTip(self.tr("A file the answer was saved to, for example on a USB stick."))
        box.run_button.setText(self.tr("Run /actcid and /dstatus on this computer"))
        box.run_button.setAccessibleName(self.tr("Run /actcid and /dstatus on this computer"))
        box.run_button.setToolTip(self.tr("Deposits the confirmation ID typed above with cscript //nologo OSPP.VBS "
                                          "/actcid, then reads /dstatus, in the background."))
        self.cancel_run.setText(self.tr("Cancel"))
        self.cancel_run.setAccessibleName(self.tr("Cancel the run"))
        self.cancel_run.setToolTip(self.tr("Stops ospp.vbs running here."))
        self.verdict.setAccessibleName(self.tr("Offline activation verdict"))
        self.products.setAccessibleName(self.tr("Products"))
        self.products.setHorizontalHeaderLabels(words.product_headers())
        self._update_buttons()
        self._refresh_commands()
        self._cid_changed()
        self._show_installation_id()
        self._show_result(self.result)

    # ------------------------------------------------------------------ the commands
    def _session(self):
        wizard = self.wizard()
        return wizard.session if wizard is not None else None

    def ospp_path(self) -> str:
        return words.ospp_paths()[1 if self.office.currentIndex() == 1 else 0]

    def _full_mak(self) -> str | None:
        from srs_wizard.core import product_key

        session = self._session()
        if session is None or session.mak is None or not session.mak.key:
            return None
        return product_key.group(session.mak.key)

    def confirmation_digits(self) -> str | None:
        read = act.read_confirmation_id(self.cid.text())
        return read.digits if read.ok else None

    def _refresh_commands(self, *_args) -> None:
        ospp = f'cscript "{self.ospp_path()}"'
        session = self._session()
        mak = session.mak if session is not None else None
        shown = mak.masked if mak is not None and mak.key else "<MAK>"
        digits = self.confirmation_digits()
        self._commands = [
            (self.tr("1. Only if the console does not hold the MAK yet (Activate and check says so): install it "
                     "(the whole key is copied only when you press Copy):"),
             f"{ospp} /inpkey:{shown}", lambda: f"{ospp} /inpkey:{self._full_mak() or '<MAK>'}"),
            (self.tr("2. Show the installation ID, and give its answer below (run it again after any key change):"),
             f"{ospp} /dinstid", f"{ospp} /dinstid"),
            (self.tr("3. Deposit the confirmation ID (type it below first):"),
             f"{ospp} /actcid:{digits or '<confirmation ID>'}", f"{ospp} /actcid:{digits}" if digits else ""),
            (self.tr("4. Show the license state, and give the answers of steps 3 and 4 below:"),
             f"{ospp} /dstatus", f"{ospp} /dstatus"),
        ]
        for (what, shown_text, _), label, edit in zip(self._commands, self.step_labels, self.command_edits):
            label.setText(what)
            edit.setText(shown_text)
            edit.setCursorPosition(0)
        self.copy_buttons[2].setEnabled(digits is not None)

    def _command_to_copy(self, index: int) -> str:
        copied = self._commands[index][2]
        return copied() if callable(copied) else copied

    # ------------------------------------------------------------------ the confirmation ID
    def _cid_changed(self, *_args) -> None:
        read = act.read_confirmation_id(self.cid.text())
        if read.bad_character is not None:
            self.cid_message.show_error(self.tr("Only digits: “{char}” (character {n}) is not one. Dashes and "
                                                "spaces may stay.").format(char=read.bad_character,
                                                                            n=read.bad_position))
        elif read.too_long:
            self.cid_message.show_error(self.tr("This is far longer than a confirmation ID."))
        else:
            self.cid_message.show_error(None)
        if read.digits:
            self.cid_groups.setText(" ".join(read.groups))
            self.cid_groups.setAccessibleName(self.tr("The confirmation ID as typed"))
            self.cid_groups.setToolTip(self.tr("{n} digits typed. Whether they are right only the console can say, "
                                               "when it takes them.").format(n=len(read.digits)))
        self.cid_groups.setVisible(bool(read.digits))
        self._refresh_commands()
        self._update_buttons()

    # ------------------------------------------------------------------ the answers
    def _box(self, which: str) -> _Answer:
        return self.iid_box if which == INSTALLATION else self.answer_box

    def _set_text(self, which: str, text: str, source: str) -> None:
        box = self._box(which)
        self._setting = True
        try:
            box.text.setPlainText(text)
        finally:
            self._setting = False
        self._source[which] = source
        box.timer.stop()
        self._read(which)

    def _typed(self, which: str) -> None:
        if self._setting:
            return
        self._source[which] = "pasted"
        self._box(which).timer.start()

    def _read(self, which: str) -> None:
        """Read the text on a worker, as Activate and check does."""
        text = self._box(which).text.toPlainText()
        self._reading[which] = None
        if len(text) > act.MAX_BYTES:
            text = ""
        if which == INSTALLATION:
            task = workers.Task(lambda: act.read_installation_ids(text))
        else:
            if not text.strip():
                self._show_result(None)
                return
            task = workers.Task(lambda: act.read_status(text))
        source = self._source[which]
        task.signals.returned.connect(lambda tag, value: self._got(which, tag, value, source))
        self._reading[which] = task
        self.completeChanged.emit()
        workers.start(self.wizard().pool, task)

    def _got(self, which: str, tag: int, value, source) -> None:
        task = self._reading[which]
        if task is None or tag != task.tag:
            return  # the text changed since
        self._reading[which] = None
        if which == INSTALLATION:
            self.installation_ids = list(value)
            self.installation_id = act.installation_id_that_matters(value)
            self._show_installation_id()
            self._attach_to_the_act_answer()
        else:
            self._deposit_read(value, source)
        self.completeChanged.emit()

    def _groups(self) -> int | None:
        return len(self.installation_id.groups) if self.installation_id is not None else None

    def _show_installation_id(self) -> None:
        chosen = self.installation_id
        text = self.iid_box.text.toPlainText()
        if chosen is None:
            self.iid_groups.clear()
            self.copy_iid.hide()
            self.iid_caption.setText(self.tr("No installation ID in this answer: run step 2 on the console and give "
                                             "its whole answer.") if text.strip() else "")
            return
        groups = chosen.groups
        size = len(groups[0]) if groups else 0
        caption = self.tr("Installation ID of {product}: {count} groups of {size} digits, for reading aloud or "
                          "typing into the activation centre's page.").format(
            product=chosen.short_name, count=len(groups), size=size)
        if not chosen.product.is_lync:
            caption += " " + self.tr("The answer lists no Lync 2013 product: this is the Office suite's ID.")
        self.iid_caption.setText(caption)
        self.iid_groups.setText(self._installation_id_text())
        self.iid_groups.setAccessibleDescription(" ".join(groups))
        self.copy_iid.show()

    def _installation_id_text(self) -> str:
        return " ".join(self.installation_id.groups) if self.installation_id is not None else ""

    def _attach_to_the_act_answer(self) -> None:
        """The record says offline activation was used once an installation ID was read."""
        session = self._session()
        if session is None or session.activation is None or self.installation_id is None:
            return
        current = session.activation
        if current.offline is not None and current.offline.result != act.OFFLINE_NOT_DEPOSITED:
            return
        offline = act.OfflineActivation(self._groups(), act.OFFLINE_NOT_DEPOSITED)
        self.value_changed.emit({"activation": dataclasses.replace(current, offline=offline),
                                 "offline_wanted": True})

    def _deposit_read(self, report: act.StatusReport, source) -> None:
        session = self._session()
        expected = None
        if session is not None and session.mak is not None and session.mak.key:
            expected = session.mak.masked[-5:]
        checked_at = datetime.now().astimezone().isoformat(timespec="seconds")
        self.result = act.ActivationResult(source, checked_at, report, act.key_matches(report, expected),
                                           act.compare_kms_host(report), act.offline_outcome(report, self._groups()))
        self.value_changed.emit({"activation": self.result, "offline_wanted": True})
        self._show_result(self.result)

    def _show_result(self, result: act.ActivationResult | None) -> None:
        if result is None:
            self.verdict.setText(self.tr("No answer to /actcid yet"))
            self.verdict.setStyleSheet("")
            self.next_step.setText(self.tr("Only the console can say whether a confirmation ID is right: give its "
                                           "answer to steps 3 and 4 above."))
            self.advice.hide()
            self.products.setRowCount(0)
            self.products.hide()
            return
        report = result.report
        self.verdict.setText(words.verdict_title(report.verdict, report.error_code))
        self.verdict.setStyleSheet(f"color: {words.verdict_colour(report.verdict)};")
        self.verdict.setAccessibleDescription(self.verdict.text())
        step = words.next_step(report.verdict, report.error_code, "mak", report.product)
        if result.offline is not None and result.offline.result == act.OFFLINE_NOT_DEPOSITED \
                and report.verdict != act.LICENSED:
            step = self.tr("The answer shows no /actcid for Lync 2013: run step 3, then step 4, and give both "
                           "answers.")
        self.next_step.setText(step)
        lines = []
        for item in words.advice(report):
            lines.append(item.message + ("\n    " + item.action if item.action else ""))
        self.advice.setText("\n".join(lines))
        self.advice.setVisible(bool(lines))
        rows = words.product_rows(report.products)
        self.products.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                self.products.setItem(r, c, QTableWidgetItem(value))
        self.products.resizeColumnsToContents()
        self.products.setVisible(bool(rows))

    # ------------------------------------------------------------------ a file
    def _ask_file(self) -> str:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open the saved output of ospp.vbs"), "",
                                              self.tr("Text files (*.txt *.log);;All files (*)"))
        return path

    def open_text_file(self, which: str) -> None:
        if self._task is not None:
            return
        path = self.choose_file()
        if not path:
            return
        self._start(which, lambda: read_text_file(path), self.tr("Reading {path}…").format(path=path),
                    returned=lambda answer: self._file_read(which, path, answer),
                    errored=lambda exc: self._failed(which, self.tr("{path} could not be read: {reason}").format(
                        path=path, reason=workers.describe(exc))))

    def _file_read(self, which: str, path: str, answer: tuple) -> None:
        problem, text = answer
        box = self._box(which)
        if problem == "too_large":
            box.status.setText(self.tr("{path} is larger than 1 MB: it is not an ospp.vbs answer.").format(path=path))
            return
        if problem == "binary":
            box.status.setText(self.tr("{path} is not a text file: it is not an ospp.vbs answer.").format(path=path))
            return
        box.status.setText(self.tr("Read {path}.").format(path=path))
        self._set_text(which, text, "file")

    # ------------------------------------------------------------------ a console report
    def _console_imported(self, report) -> None:
        from srs_wizard.core import console

        text = console.dinstid_text(report)
        if text is None:
            self.iid_box.status.setText(self.tr("{path} holds no /dinstid answer: the collector takes it only when "
                                                "a MAK is installed and not activated.").format(path=report.file))
            return
        self.iid_box.status.setText(self.tr("Read the /dinstid answer of {path}.").format(path=report.file))
        self._set_text(INSTALLATION, text, "file")

    def use_session_console(self) -> None:
        session = self._session()
        path = (session.console or {}).get("file") if session is not None else None
        if not path or self._task is not None:
            return
        self._start(INSTALLATION, lambda: _read_console_file(path), self.tr("Reading {path}…").format(path=path),
                    returned=lambda report: self._session_report(path, report),
                    errored=lambda exc: self._failed(INSTALLATION, self.tr("{path} could not be read: {reason}").format(
                        path=path, reason=workers.describe(exc))))

    def _session_report(self, path: str, report) -> None:
        from srs_wizard.core import console

        if isinstance(report, console.ConsoleReportError):
            self.iid_box.status.setText(self.tr("{path} is no longer a usable console report.").format(path=path))
            return
        self._console_imported(report)

    # ------------------------------------------------------------------ run here
    def run_here(self, which: str) -> None:
        if self._task is not None or self.runner_command is None:
            return
        if which == INSTALLATION:
            actions = ["/dinstid"]
        else:
            digits = self.confirmation_digits()
            if digits is None:
                self.answer_box.status.setText(self.tr("Type the confirmation ID above first."))
                return
            actions = [f"/actcid:{digits}", "/dstatus"]
        command, timeout = list(self.runner_command), float(self.run_timeout)
        event = threading.Event()
        self._start(which, lambda: ospp_run.run_ospp(command, actions, timeout, event),
                    self.tr("Running {actions} (at most {seconds:.0f} s)…").format(
                        actions=" ".join(a.split(":")[0] for a in actions), seconds=timeout),
                    cancel=event.set, returned=lambda result: self._ran(which, result),
                    errored=lambda exc: self._failed(which, workers.describe(exc)))

    def _ran(self, which: str, result: ospp_run.RunResult) -> None:
        messages = {
            None: self.tr("Ran in {seconds:.1f} s.").format(seconds=result.elapsed_s),
            ospp_run.TIMEOUT: self.tr("ospp.vbs did not finish within {seconds:.0f} s and was stopped. Run the "
                                      "commands in a command prompt instead.").format(seconds=self.run_timeout),
            ospp_run.NOT_FOUND: self.tr("cscript could not be started: {reason}").format(reason=result.detail),
            ospp_run.FAILED: self.tr("The command failed (exit code {code}): {reason}").format(
                code=result.returncode if result.returncode is not None else "–", reason=result.detail),
            ospp_run.CANCELLED: self.tr("Cancelled."),
        }
        self._box(which).status.setText(messages.get(result.problem, ""))
        if result.output.strip():
            self._set_text(which, result.output, "ran")

    # ------------------------------------------------------------------ tasks
    @property
    def _task(self):
        """The running file read or ospp.vbs run (None when idle)."""
        return self._runner.task

    def _start(self, which: str, fn, status: str, *, returned, errored, cancel=None) -> None:
        self._task_for = which
        self._box(which).status.setText(status)
        self._runner.start(fn, cancel=cancel, returned=returned, errored=errored)

    def _busy_changed(self, _busy: bool) -> None:
        self._update_buttons()
        self.completeChanged.emit()

    def _failed(self, which: str, message: str) -> None:
        self._box(which).status.setText(message)

    def cancel(self) -> None:
        if self._runner.cancel():
            self._box(self._task_for or DEPOSIT).status.setText(self.tr("Cancelled."))

    def set_runner_command(self, command: list[str] | None) -> None:
        self.runner_command = list(command) if command else None
        self._update_buttons()

    def _update_buttons(self) -> None:
        idle = self._task is None
        can_run = self.runner_command is not None
        for box in (self.iid_box, self.answer_box):
            box.run_button.setVisible(can_run)
            box.open_file.setEnabled(idle)
        self.iid_box.run_button.setEnabled(can_run and idle)
        self.answer_box.run_button.setEnabled(can_run and idle and self.confirmation_digits() is not None)
        self.use_kms_report.setEnabled(idle)
        self.cancel_run.setVisible(not idle)

    @property
    def busy(self) -> bool:
        return self._task is not None or any(t is not None for t in self._reading.values())

    def shutdown(self) -> None:
        self._reading = {INSTALLATION: None, DEPOSIT: None}
        for box in (self.iid_box, self.answer_box):
            box.timer.stop()
        self._runner.on_busy = None
        self._runner.cancel()

    # ------------------------------------------------------------------ wizard
    def initializePage(self) -> None:
        session = self._session()
        self._refresh_commands()
        self.use_kms_report.setVisible(bool(session is not None and (session.console or {}).get("file")))
        if session is not None and not session.offline_wanted:
            self.value_changed.emit({"offline_wanted": True})  # Back and Next again come here

    def isComplete(self) -> bool:
        return not self.busy

    def load(self, session) -> None:
        activation = session.activation
        if activation is not None and activation.offline is not None \
                and activation.offline.result != act.OFFLINE_NOT_DEPOSITED:
            self.result = activation
        self._show_result(self.result)
