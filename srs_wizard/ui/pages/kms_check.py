"""The KMS check: DNS SRV lookup and TCP test on a worker thread, the verdict in plain words."""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from srs_wizard import flow
from srs_wizard.core import kms
from srs_wizard.core.present import advice
from srs_wizard.core.present import kms as kms_words
from srs_wizard.core.present.report import format_kms_report
from srs_wizard.core.product_key import LYNC_2013_GVLK
from srs_wizard.ui import workers
from srs_wizard.ui.widgets import CopyButton, FieldMessage, plain_label, scrolling

log = logging.getLogger(__name__)

_SPLIT = re.compile(r"[\s,;]+")


def split_list(text: str) -> list[str]:
    return [part for part in _SPLIT.split(text.strip()) if part]


class KmsCheckPage(QWizardPage):
    value_changed = Signal(object)  # the session's fields this page owns: inputs, result, fallback

    def __init__(self, parent=None):
        super().__init__(parent)
        self._task = None  # the check whose results we want; a cancelled one is forgotten
        # The machine's DNS settings are read each time the page is entered (initializePage):
        # a console plugged into the network after the start gets its domains then.
        self.resolv_conf: str | None = None  # a resolv.conf-style file instead of the system's (tests)
        self._system = kms.SystemDnsConfig((), ())
        self._system_domains = ""  # what the system's settings last put in the field

        # --- inputs
        self.domains = QLineEdit()
        self.domains_message = FieldMessage()
        self.nameserver = QLineEdit()
        self.nameserver_message = FieldMessage()
        self.expect = QLineEdit()
        self.expect_message = FieldMessage()
        self.timeout = QDoubleSpinBox()
        self.timeout.setRange(0.5, 60)
        self.timeout.setSingleStep(0.5)
        self.timeout.setValue(kms.DEFAULT_TIMEOUT)
        self.connect_timeout = QDoubleSpinBox()
        self.connect_timeout.setRange(0.2, 30)
        self.connect_timeout.setSingleStep(0.5)
        self.connect_timeout.setValue(kms.DEFAULT_CONNECT_TIMEOUT)
        self.advanced_toggle = QToolButton()
        self.advanced_toggle.setCheckable(True)
        self.advanced_toggle.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.advanced_toggle.setArrowType(Qt.RightArrow)
        self.advanced = QWidget()
        self.advanced.setVisible(False)
        self.advanced_toggle.toggled.connect(self._toggle_advanced)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        self.domains_label, self.nameserver_label = QLabel(), QLabel()
        self.domains_label.setBuddy(self.domains)
        self.nameserver_label.setBuddy(self.nameserver)
        form.addRow(self.domains_label, self.domains)
        form.addRow("", self.domains_message.holder())
        form.addRow(self.nameserver_label, self.nameserver)
        form.addRow("", self.nameserver_message.holder())
        adv_form = QFormLayout(self.advanced)
        adv_form.setContentsMargins(0, 0, 0, 0)
        self.expect_label, self.timeout_label, self.connect_label = QLabel(), QLabel(), QLabel()
        self.expect_label.setBuddy(self.expect)
        self.timeout_label.setBuddy(self.timeout)
        self.connect_label.setBuddy(self.connect_timeout)
        adv_form.addRow(self.expect_label, self.expect)
        adv_form.addRow("", self.expect_message.holder())
        adv_form.addRow(self.timeout_label, self.timeout)
        adv_form.addRow(self.connect_label, self.connect_timeout)

        # --- actions and progress
        self.check_button = QPushButton()
        self.check_button.setObjectName("primary")
        self.cancel_button = QPushButton()
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setTextVisible(False)
        self.progress.setMaximumWidth(160)
        self.progress.setVisible(False)
        self.status = plain_label(wrap=False)
        self.check_button.clicked.connect(self.start_check)
        self.cancel_button.clicked.connect(self.cancel_check)
        for edit in (self.domains, self.nameserver, self.expect):
            edit.returnPressed.connect(self.start_check)
            edit.textChanged.connect(self._validate)
            edit.textEdited.connect(self._user_changed)
        for spin in (self.timeout, self.connect_timeout):
            spin.valueChanged.connect(self._user_changed)
        actions = QHBoxLayout()
        actions.addWidget(self.check_button)
        actions.addWidget(self.cancel_button)
        actions.addWidget(self.progress)
        actions.addWidget(self.status, 1)
        self._clock = QElapsedTimer()
        self._tick = QTimer(self)
        self._tick.setInterval(100)
        self._tick.timeout.connect(self._update_elapsed)

        # --- results
        self.results = QWidget()
        self.results.setVisible(False)
        # The banner: the verdict's title in bold, and under it the sentence that explains it.
        self.verdict_box = QFrame()
        self.verdict_box.setObjectName("verdict")
        self.verdict_title = plain_label()
        self.verdict_title.setObjectName("verdictTitle")
        self.verdict = plain_label()
        self.verdict.setObjectName("verdictText")
        banner = QVBoxLayout(self.verdict_box)
        banner.setContentsMargins(10, 8, 10, 8)
        banner.addWidget(self.verdict_title)
        banner.addWidget(self.verdict)
        self.rogue = plain_label()
        self.rogue.setObjectName("rogue")
        self.used_domain = plain_label()
        self.hosts_title = QLabel()
        self.hosts_order = plain_label()
        self.hosts = QTableWidget(0, len(kms_words.HOST_COLUMNS))
        self.domains_title = QLabel()
        self.domain_table = QTableWidget(0, 4)
        for table in (self.hosts, self.domain_table):
            table.setEditTriggers(QAbstractItemView.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectRows)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
            table.setWordWrap(False)
        self.steps_title = QLabel()
        self.steps = plain_label()
        self.checklist_title = QLabel()
        self.checklist = plain_label()
        self.gvlk_label = plain_label()
        self.copy_gvlk = CopyButton("", lambda: LYNC_2013_GVLK)
        self.copy_results = CopyButton("", self.results_text)
        self.fallback_box = QGroupBox()
        self.fallback_group = QButtonGroup(self)
        self.fallback_buttons = {}
        fb_layout = QVBoxLayout(self.fallback_box)
        for key in (None, flow.FALLBACK_MAK, flow.FALLBACK_PROMO):
            button = QRadioButton()
            self.fallback_group.addButton(button)
            self.fallback_buttons[key] = button
            fb_layout.addWidget(button)
            button.toggled.connect(self._fallback_toggled)
        self.fallback_buttons[None].setChecked(True)

        gvlk_row = QHBoxLayout()
        gvlk_row.addWidget(self.gvlk_label, 1)
        gvlk_row.addWidget(self.copy_gvlk)
        res = QVBoxLayout(self.results)
        res.setContentsMargins(0, 0, 0, 0)
        res.addWidget(self.verdict_box)
        res.addWidget(self.rogue)
        res.addWidget(self.used_domain)
        res.addWidget(self.hosts_title)
        res.addWidget(self.hosts_order)
        res.addWidget(self.hosts)
        res.addWidget(self.domains_title)
        res.addWidget(self.domain_table)
        res.addWidget(self.steps_title)
        res.addWidget(self.steps)
        res.addWidget(self.checklist_title)
        res.addWidget(self.checklist)
        res.addLayout(gvlk_row)
        copy_row = QHBoxLayout()
        copy_row.addStretch(1)
        copy_row.addWidget(self.copy_results)
        res.addLayout(copy_row)
        res.addWidget(self.fallback_box)

        # A console that cannot run the program (Windows 7): its own view, through a collector.
        from srs_wizard.ui.console import ConsoleReportImport, ConsoleScriptButton, fill_kms_page

        self.console_import = ConsoleReportImport(lambda: self.wizard().pool)
        self.console_import.imported.connect(lambda report: fill_kms_page(self, report))
        self.console_script = ConsoleScriptButton(lambda: self.wizard().pool)

        inner = QWidget()
        body = QVBoxLayout(inner)
        body.addLayout(form)
        body.addWidget(self.console_import)  # after the fields: Tab and the first focus reach them first
        body.addWidget(self.advanced_toggle)
        body.addWidget(self.advanced)
        body.addLayout(actions)
        body.addWidget(self.console_script)
        line = QFrame()
        line.setFrameShape(QFrame.HLine)
        body.addWidget(line)
        body.addWidget(self.results)
        body.addStretch(1)
        self.scroll = scrolling(self, inner)

        self.retranslate()
        self._validate()

    # ------------------------------------------------------------------ text
    def checked_in(self, elapsed_ms: float) -> str:
        """"Checked in 1.3 s.", or "in under 0.1 s" where one decimal would say 0.0."""
        if elapsed_ms < 100:
            return self.tr("Checked in under 0.1 s.")
        return self.tr("Checked in {seconds:.1f} s.").format(seconds=elapsed_ms / 1000)

    def _say(self, words) -> None:
        """Show a status line, and keep how it is worded so a language switch rewords it."""
        self._status_words = words
        self.status.setText(words())

    def retranslate(self) -> None:
        if getattr(self, "_status_words", None) is not None:
            self.status.setText(self._status_words())
        self.setTitle(self.tr("KMS check"))
        self.setSubTitle(self.tr("Look up the _vlmcs._tcp SRV records the console would find, and test that the hosts "
                                 "answer on their port."))
        self.domains_label.setText(self.tr("DNS &domains:"))
        self.domains.setAccessibleName(self.tr("DNS domains"))
        self.domains.setToolTip(self.tr("The domains to search, in the console's order, primary first. Separate "
                                        "several with commas."))
        self.domains.setPlaceholderText(self.tr("e.g. contoso.com, corp.contoso.com"))
        self.nameserver_label.setText(self.tr("DNS se&rver:"))
        self.nameserver.setAccessibleName(self.tr("DNS server"))
        self._show_system_servers()
        self.nameserver.setToolTip(self.tr("Leave empty to ask this computer's DNS servers (the console's only when "
                                           "srs-wizard runs on it; import a console report otherwise). HOST or "
                                           "HOST:PORT; IPv6 as [address]:port."))
        self.advanced_toggle.setText(self.tr("Ad&vanced"))
        self.expect_label.setText(self.tr("&Expected KMS hosts:"))
        self.expect.setAccessibleName(self.tr("Expected KMS hosts"))
        self.expect.setPlaceholderText(self.tr("Hosts the customer runs, e.g. kms01.contoso.com"))
        self.expect.setToolTip(self.tr("Any other host found in DNS is flagged as unexpected (a possible rogue KMS "
                                       "host)."))
        self.timeout_label.setText(self.tr("DNS &time budget:"))
        self.timeout.setSuffix(self.tr(" s"))
        self.timeout.setAccessibleName(self.tr("DNS time budget in seconds"))
        self.connect_label.setText(self.tr("&Connect timeout:"))
        self.connect_timeout.setSuffix(self.tr(" s"))
        self.connect_timeout.setAccessibleName(self.tr("Connect timeout in seconds"))
        self.check_button.setAccessibleName(self.tr("Check"))
        self.cancel_button.setText(self.tr("Cance&l check"))
        self.cancel_button.setAccessibleName(self.tr("Cancel check"))
        self.copy_results.set_label(self.tr("Cop&y results"))
        self.copy_results.setAccessibleName(self.tr("Copy results"))
        self.copy_gvlk.set_label(self.tr("Copy key"))
        self.copy_gvlk.setAccessibleName(self.tr("Copy Lync 2013 KMS client key"))
        self.hosts_title.setText(kms_words.hosts_heading())
        self.hosts_order.setText(kms_words.random_pick_line())
        self.checklist_title.setText(kms_words.admin_checklist_title())
        self.domains_title.setText(self.tr("DNS domains searched"))
        self.steps_title.setText(self.tr("Next steps"))
        self.hosts.setHorizontalHeaderLabels(kms_words.host_headers())
        self.domain_table.setHorizontalHeaderLabels([self.tr("Domain"), self.tr("From"), self.tr("Status"),
                                                     self.tr("Message")])
        self.gvlk_label.setText(self.tr(
            "Lync 2013 KMS client key: {key}\nInstall it on the console with cscript ospp.vbs /inpkey:{key}, then "
            "cscript ospp.vbs /act.").format(key=LYNC_2013_GVLK))
        self.fallback_box.setTitle(self.tr("KMS will not activate this room. Continue with:"))
        self.fallback_buttons[None].setText(self.tr("Nothing else: record this result"))
        self.fallback_buttons[flow.FALLBACK_MAK].setText(self.tr("A MAK from the Volume Licensing Service Center"))
        self.fallback_buttons[flow.FALLBACK_PROMO].setText(self.tr("A promotional MAK request to the OEM (Office 365 "
                                                                   "without VLSC)"))
        self.console_import.retranslate()
        self.console_script.retranslate()
        self._set_check_label()
        self._validate()  # a field's problem is worded in the language chosen now
        session = self.wizard().session if self.wizard() else None
        if session is not None and session.kms is not None:
            self.show_result(session.kms)

    def _show_system_servers(self) -> None:
        system = ", ".join(str(s) for s in self._system.nameservers)
        self.nameserver.setPlaceholderText(
            self.tr("System default ({servers})").format(servers=system) if system else self.tr("System default"))

    def _set_check_label(self) -> None:
        has_result = self.wizard() is not None and self.wizard().session.kms is not None
        self.check_button.setText(self.tr("Check a&gain") if has_result else self.tr("C&heck"))

    def _toggle_advanced(self, on: bool) -> None:
        self.advanced.setVisible(on)
        self.advanced_toggle.setArrowType(Qt.DownArrow if on else Qt.RightArrow)

    # ------------------------------------------------------------------ validation
    @staticmethod
    def _first_problem(text: str, check) -> str | None:
        """The reason the first bad item of a comma/space separated field is refused."""
        for item in split_list(text):
            try:
                check(item)
            except kms.UsageError as exc:
                return str(exc)
        return None

    def _validate(self) -> bool:
        domains = self._first_problem(self.domains.text(), kms.normalise_domain)
        needed = None
        if domains is None and not split_list(self.domains.text()) and not self._system.domains:
            needed = self.tr("This computer has no DNS domain: type the customer's domain.")
        servers = self._first_problem(self.nameserver.text(), lambda t: kms.parse_nameserver(t, resolve=False))
        expected = self._first_problem(self.expect.text(), kms.check_expected_host)
        if needed is not None and not self.domains.isModified():
            self.domains_message.show_note(needed)  # neutral until the technician has typed here
        else:
            self.domains_message.show_error(domains or needed)
        domains = domains or needed
        self.nameserver_message.show_error(servers)
        self.expect_message.show_error(expected)
        if expected is not None and not self.advanced_toggle.isChecked():
            self.advanced_toggle.setChecked(True)  # the wrong field must be in sight
        ok = domains is None and servers is None and expected is None
        self.check_button.setEnabled(ok and self._task is None)
        return ok

    def initializePage(self) -> None:
        self._system = kms.system_dns_config(self.resolv_conf)
        # Domains typed (or resumed, or checked) are the technician's: only the system's own
        # earlier suggestion is replaced.
        if self.domains.text() == self._system_domains:
            self._system_domains = ", ".join(d.name for d in self._system.domains)
            self.domains.setText(self._system_domains)
        self._show_system_servers()
        self._validate()

    def _user_changed(self, *_args) -> None:
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            self._store_inputs()

    def _inputs(self):
        from srs_wizard.core.session import KmsInputs

        return KmsInputs(domains=self.domains.text(), nameserver=self.nameserver.text(), expect=self.expect.text(),
                         timeout=self.timeout.value(), connect_timeout=self.connect_timeout.value())

    def _fallback(self) -> str | None:
        for key, button in self.fallback_buttons.items():
            if button.isChecked():
                return key
        return None

    def value(self) -> dict:
        """What the technician typed and chose here (the result is handed over when it comes)."""
        return {"kms_inputs": self._inputs(), "fallback": self._fallback()}

    def _store_inputs(self) -> None:
        if self.wizard() is not None:
            self.value_changed.emit({"kms_inputs": self._inputs()})

    # ------------------------------------------------------------------ the check
    def start_check(self) -> None:
        if not self._validate() or self._task is not None:
            return
        self._store_inputs()
        domains = split_list(self.domains.text()) or None
        servers = split_list(self.nameserver.text()) or None
        expect = split_list(self.expect.text()) or None
        task = workers.kms_check_task(domains=domains, nameservers=servers, timeout=self.timeout.value(),
                                      connect_timeout=self.connect_timeout.value(), expect=expect,
                                      resolv_conf=self.resolv_conf)
        task.signals.returned.connect(self._returned)
        task.signals.errored.connect(self._errored)
        self._task = task
        self._set_busy(True)
        workers.start(self.wizard().pool, task)

    def cancel_check(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
        self._set_busy(False)
        self._say(lambda: self.tr("Check cancelled."))
        self.completeChanged.emit()

    def shutdown(self) -> None:
        """Stop any check at once (the wizard is closing)."""
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
        self._tick.stop()

    @property
    def busy(self) -> bool:
        return self._task is not None

    def _set_busy(self, busy: bool) -> None:
        self.check_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)
        self.progress.setVisible(busy)
        for field in (self.domains, self.nameserver, self.expect, self.timeout, self.connect_timeout):
            field.setReadOnly(busy)
        if busy:
            self._clock.start()
            self._tick.start()
            self._say(lambda: self.tr("Checking…"))
            self.cancel_button.setFocus()
        else:
            self._tick.stop()
            self._validate()
        self.completeChanged.emit()

    def _update_elapsed(self) -> None:
        seconds = self._clock.elapsed() / 1000
        self._say(lambda: self.tr("Checking… {seconds:.1f} s").format(seconds=seconds))

    def _returned(self, tag: int, check: kms.KmsCheck) -> None:
        if self._task is None or tag != self._task.tag:
            return  # a cancelled or replaced check
        self._task = None
        log.info("KMS check: %s, %d host(s), %d domain(s), %.0f ms", check.verdict, len(check.hosts),
                 len(check.domains), check.elapsed_ms)
        wizard = self.wizard()
        from srs_wizard.ui.console import label_console_domains

        check = label_console_domains(wizard.session, check)
        self.value_changed.emit({"kms": check})
        self._set_busy(False)
        self._say(lambda: self.checked_in(check.elapsed_ms))
        self.show_result(check)
        # Bring the verdict into view once the layout knows the results' size.
        QTimer.singleShot(0, lambda: self.scroll.ensureWidgetVisible(self.verdict_box, 0, 0))
        self.completeChanged.emit()

    def _errored(self, tag: int, message: str) -> None:
        if self._task is None or tag != self._task.tag:
            return
        self._task = None
        self._set_busy(False)
        log.warning("KMS check could not run: %s", message)
        self._say(lambda: self.tr("The check could not run: {reason}").format(reason=message))

    # ------------------------------------------------------------------ results
    def show_result(self, check: kms.KmsCheck) -> None:
        self.results.setVisible(True)
        self._set_check_label()
        title = advice.verdict_title(check.verdict)
        self.verdict_title.setText(title)
        self.verdict.setText(advice.verdict_sentence(check))
        self.verdict_box.setProperty("verdict", check.verdict)
        self.verdict_box.setProperty("good", check.verdict in flow.USABLE_VERDICTS)
        # The summary's colour for this verdict (one table in present), on its light ground.
        from srs_wizard.core.present.summary import TONE_BACKGROUNDS, TONE_COLOURS, VERDICT_TONES

        tone = VERDICT_TONES.get(check.verdict, "bad")
        self.verdict_box.setStyleSheet(
            f"QFrame#verdict {{ background: {TONE_BACKGROUNDS[tone]}; }} "
            f"QFrame#verdict QLabel {{ color: {TONE_COLOURS[tone]}; background: transparent; }}")
        for widget in (self.verdict_box, self.verdict_title, self.verdict):
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.verdict_box.setAccessibleName(title)
        self.verdict_title.setAccessibleName(title)
        warning = advice.rogue_warning(check)
        self.rogue.setText(warning or "")
        self.rogue.setVisible(bool(warning))
        self.hosts.setRowCount(len(check.hosts))
        for row, values in enumerate(kms_words.host_rows(check)):
            for col, value in enumerate(values):
                # Items are plain text: DNS names never render as HTML.
                self.hosts.setItem(row, col, QTableWidgetItem(value))
        self.hosts.setVisible(bool(check.hosts))
        self.hosts_title.setVisible(bool(check.hosts))
        self.hosts_order.setVisible(bool(check.hosts))
        used = kms_words.used_domain_line(check)
        self.used_domain.setText(used or "")
        self.used_domain.setVisible(bool(used))
        self.domain_table.setRowCount(len(check.domains))
        for row, d in enumerate(check.domains):
            for col, value in enumerate([d.name, advice.source_label(d.source), kms_words.status_label(d.status),
                                         kms_words.domain_message(d)]):
                self.domain_table.setItem(row, col, QTableWidgetItem(value))
        for table in (self.hosts, self.domain_table):
            height = table.horizontalHeader().height() + 4 + sum(
                table.rowHeight(r) for r in range(table.rowCount()))
            table.setFixedHeight(min(height, 320))
        steps = advice.next_steps(check)
        self.steps.setText("\n".join(f"{i}. {s}" for i, s in enumerate(steps, 1)))
        checklist = advice.admin_checklist(check)
        self.checklist.setText("\n".join(f"• {item}" for item in checklist))
        self.checklist.setVisible(bool(checklist))
        self.checklist_title.setVisible(bool(checklist))
        self.fallback_box.setVisible(not flow.kms_usable(self.wizard().session.flow_state()))

    def results_text(self) -> str:
        check = self.wizard().session.kms
        return format_kms_report(check) if check else ""

    def _fallback_toggled(self, checked: bool) -> None:
        if not checked or self.wizard() is None:
            return
        self.value_changed.emit({"fallback": self._fallback()})

    def isComplete(self) -> bool:
        wizard = self.wizard()
        return wizard is not None and wizard.session.kms is not None and self._task is None

    def load(self, session) -> None:
        inputs = session.kms_inputs
        if inputs.domains:
            self.domains.setText(inputs.domains)
        self.nameserver.setText(inputs.nameserver)
        self.expect.setText(inputs.expect)
        self.timeout.setValue(inputs.timeout)
        self.connect_timeout.setValue(inputs.connect_timeout)
        self.console_import.show_record(session.console)
        if session.fallback in self.fallback_buttons:
            self.fallback_buttons[session.fallback].setChecked(True)
        if session.kms is not None:
            self.show_result(session.kms)
