"""The KMS check: DNS SRV lookup and TCP test on a worker thread, the verdict in plain words."""

from __future__ import annotations

import logging

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
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
from srs_wizard.core.present import judge as judge_words
from srs_wizard.core.present import kms as kms_words
from srs_wizard.core.present.kms_inputs import usage_error_text
from srs_wizard.core.present.report import format_kms_report
from srs_wizard.core.product_key import LYNC_2013_GVLK
from srs_wizard.core.text import split_list, visible
from srs_wizard.ui import workers
from srs_wizard.ui.widgets import CopyButton, FieldMessage, plain_label, scrolling

log = logging.getLogger(__name__)



class KmsCheckPage(QWizardPage):
    value_changed = Signal(object)  # the session's fields this page owns: inputs, result, fallback

    def __init__(self, parent=None):
        super().__init__(parent)
        # The check whose results we want: a cancelled or replaced one is dropped by the runner.
        self._runner = workers.TaskRunner(lambda: self.wizard().pool, self._set_busy)
        self._shown_check = None   # the result on the page (fresh, or stale once an input changed)
        self._shown_inputs = None  # the inputs the shown result was made from (None: no result shown)
        self._stale = False        # the inputs changed since: the result shown is no longer the session's
        self._fallback_chosen = False  # the technician picked a fallback (the default is MAK)
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
            edit.textChanged.connect(self._inputs_changed)
            edit.textEdited.connect(self._user_changed)
        for spin in (self.timeout, self.connect_timeout):
            spin.valueChanged.connect(self._user_changed)
            spin.valueChanged.connect(self._inputs_changed)
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
        # A result whose inputs were edited since: greyed, with this line over it.
        self.stale_label = plain_label()
        self.stale_label.setObjectName("stale")
        self.stale_label.hide()
        self.skip_check = QCheckBox()
        self.skip_check.hide()
        self.skip_check.toggled.connect(lambda _on: self.completeChanged.emit())
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
        for key in (flow.FALLBACK_MAK, flow.FALLBACK_PROMO, None):  # the ways on first: MAK is the default
            button = QRadioButton()
            self.fallback_group.addButton(button)
            self.fallback_buttons[key] = button
            fb_layout.addWidget(button)
            button.toggled.connect(self._fallback_toggled)
            button.clicked.connect(self._fallback_clicked)
        self.fallback_buttons[None].setChecked(True)

        gvlk_row = QHBoxLayout()
        gvlk_row.addWidget(self.gvlk_label, 1)
        gvlk_row.addWidget(self.copy_gvlk)
        res = QVBoxLayout(self.results)
        res.setContentsMargins(0, 0, 0, 0)
        # Warnings first, each its own box; then the verdict, and at once the way on when KMS will not do.
        res.addWidget(self.rogue)
        res.addWidget(self.verdict_box)
        res.addWidget(self.fallback_box)
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
        body.addWidget(self.skip_check)
        line = QFrame()
        line.setFrameShape(QFrame.HLine)
        body.addWidget(line)
        body.addWidget(self.stale_label)  # outside the greyed result, so it reads at full strength
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
        # The key to copy; when to install it is the next steps' to say (each sentence once).
        self.gvlk_label.setText(self.tr("Lync 2013 KMS client key: {key}").format(key=LYNC_2013_GVLK))
        self.fallback_box.setTitle(self.tr("KMS will not activate this room. Continue with:"))
        self.fallback_buttons[None].setText(self.tr("No other path: record this result only"))
        self.stale_label.setText(self.tr("The inputs changed: check again. The result below was made with the "
                                         "earlier inputs and is not recorded."))
        self.skip_check.setText(self.tr("Go on &without a KMS check (recorded as not checked)"))
        self.skip_check.setAccessibleName(self.tr("Go on without a KMS check"))
        self.fallback_buttons[flow.FALLBACK_MAK].setText(self.tr("A MAK from the Volume Licensing Service Center"))
        self.fallback_buttons[flow.FALLBACK_PROMO].setText(self.tr("A promotional MAK request to the OEM (Office 365 "
                                                                   "without VLSC)"))
        self.console_import.retranslate()
        self.console_script.retranslate()
        self._set_check_label()
        self._validate()  # a field's problem is worded in the language chosen now
        session = self.wizard().session if self.wizard() else None
        if session is not None and session.kms is not None:
            self._present(session.kms)
        elif self._shown_check is not None:
            self._present(self._shown_check)

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
                return usage_error_text(exc)
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
        self.check_button.setEnabled(ok and not self._runner.busy)
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
    @property
    def _task(self):
        """The running check's task (None when idle)."""
        return self._runner.task

    def start_check(self) -> None:
        if not self._validate() or self._runner.busy:
            return
        self._store_inputs()
        inputs = self._inputs()
        # A new check replaces the result: a cancelled or failed one leaves none.
        self._drop_result()
        from srs_wizard.core import kms as kms_mod

        token = kms_mod.CancelToken()
        kwargs = dict(domains=split_list(self.domains.text()) or None,
                      nameservers=split_list(self.nameserver.text()) or None, timeout=self.timeout.value(),
                      connect_timeout=self.connect_timeout.value(), expect=split_list(self.expect.text()) or None,
                      resolv_conf=self.resolv_conf)
        self._runner.start(lambda: kms_mod.find_kms_hosts(cancel=token, **kwargs), cancel=token.cancel,
                           returned=lambda check: self._returned(check, inputs), errored=self._errored)

    def cancel_check(self) -> None:
        self._runner.cancel()
        self._say(lambda: self.tr("Check cancelled."))
        self.completeChanged.emit()

    def shutdown(self) -> None:
        """Stop any check at once (the wizard is closing)."""
        self._runner.on_busy = None
        self._runner.cancel()
        self._tick.stop()

    @property
    def busy(self) -> bool:
        return self._runner.busy

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
        self._update_skip()
        self.completeChanged.emit()

    def _update_elapsed(self) -> None:
        seconds = self._clock.elapsed() / 1000
        self._say(lambda: self.tr("Checking… {seconds:.1f} s").format(seconds=seconds))

    def _returned(self, check: kms.KmsCheck, inputs) -> None:
        log.info("KMS check: %s, %d host(s), %d domain(s), %.0f ms", check.verdict, len(check.hosts),
                 len(check.domains), check.elapsed_ms)
        wizard = self.wizard()
        from srs_wizard.ui.console import label_console_domains

        check = label_console_domains(wizard.session, check)
        self.value_changed.emit({"kms": check, "kms_checked_with": inputs})
        self._say(lambda: self.checked_in(check.elapsed_ms))
        self.show_result(check, inputs)
        # Bring the verdict into view once the layout knows the results' size.
        QTimer.singleShot(0, lambda: self.scroll.ensureWidgetVisible(self.verdict_box, 0, 0))
        self.completeChanged.emit()

    def _errored(self, exc: BaseException) -> None:
        message = workers.describe(exc)
        log.warning("KMS check could not run: %s", message)
        self._say(lambda: self.tr("The check could not run: {reason}").format(reason=message))

    # ------------------------------------------------------------------ results
    # ------------------------------------------------------------------ results
    def _drop_result(self) -> None:
        """No result any more (a new check started): nothing shown, nothing recorded."""
        self._shown_check = None
        self._shown_inputs = None
        self._stale = False
        self.results.setVisible(False)
        self.stale_label.hide()
        if self.wizard() is not None and self.wizard().session.kms is not None:
            self.value_changed.emit({"kms": None, "kms_checked_with": None})
        self._set_check_label()
        self._update_skip()

    def _inputs_changed(self, *_args) -> None:
        """An input was edited while a result is shown: that result is stale at once."""
        if self._shown_inputs is None or self._stale or self._runner.busy:
            return
        if self._inputs() == self._shown_inputs:
            return
        self._stale = True
        self.results.setEnabled(False)  # greyed
        self.stale_label.show()
        if self.wizard() is not None and self.wizard().session.kms is not None:
            self.value_changed.emit({"kms": None, "kms_checked_with": None})
        self._update_skip()
        self.completeChanged.emit()

    def _update_skip(self) -> None:
        wizard = self.wizard()
        fresh = wizard is not None and wizard.session.kms is not None
        self.skip_check.setVisible(not fresh and not self._runner.busy)

    @property
    def stale(self) -> bool:
        return self._stale

    def show_result(self, check: kms.KmsCheck, inputs=None) -> None:
        """A fresh result, made from ``inputs`` (the fields now, when not given)."""
        self._shown_check = check
        self._shown_inputs = inputs if inputs is not None else self._inputs()
        self._stale = False
        self.results.setEnabled(True)
        self.stale_label.hide()
        self._present(check)
        self._update_skip()

    def _present(self, check: kms.KmsCheck) -> None:
        self.results.setVisible(True)
        self._set_check_label()
        session = self.wizard().session
        verdict = session.room_verdict("kms") if session.kms is check else None
        disagreements = judge_words.disagreements(verdict) if verdict is not None else []
        title = advice.verdict_title(check.verdict, check)
        if disagreements:
            title = self.tr("This computer's check: {title}").format(title=title)
        self.verdict_title.setText(title)
        self.verdict.setText(" ".join(disagreements) if disagreements else advice.verdict_sentence(check))
        usable = flow.kms_usable(session.flow_state()) if session.kms is check else \
            check.verdict in flow.USABLE_VERDICTS
        self.verdict_box.setProperty("verdict", check.verdict)
        # A usable verdict with a rogue host or the console's own answer against it is no green box.
        good = usable and not check.unexpected_hosts and not disagreements
        self.verdict_box.setProperty("good", good)
        # The summary's colour for this verdict (one table in present), on its light ground.
        from srs_wizard.core.present.summary import TONE_BACKGROUNDS, TONE_COLOURS, VERDICT_TONES

        tone = VERDICT_TONES.get(check.verdict, "bad")
        if tone == "good" and not good:
            tone = "caution"
        self.verdict_box.setStyleSheet(
            f"QFrame#verdict {{ background: {TONE_BACKGROUNDS[tone]}; }} "
            f"QFrame#verdict QLabel {{ color: {TONE_COLOURS[tone]}; background: transparent; }}")
        for widget in (self.verdict_box, self.verdict_title, self.verdict):
            widget.style().unpolish(widget)
            widget.style().polish(widget)
        self.verdict_box.setAccessibleName(title)
        self.verdict_title.setAccessibleName(title)
        warning = judge_words.rogue_warning(check)
        self.rogue.setText(warning or "")
        self.rogue.setVisible(bool(warning))
        self.hosts.setRowCount(len(check.hosts))
        for row, values in enumerate(kms_words.host_rows(check)):
            for col, value in enumerate(values):
                # Items are plain text: DNS names never render as HTML; control and bidi
                # characters show as escapes.
                self.hosts.setItem(row, col, QTableWidgetItem(visible(value)))
        self.hosts.setVisible(bool(check.hosts))
        self.hosts_title.setVisible(bool(check.hosts))
        self.hosts_order.setVisible(bool(check.hosts))
        used = kms_words.used_domain_line(check)
        self.used_domain.setText(visible(used or ""))
        self.used_domain.setVisible(bool(used))
        from srs_wizard.core import judge

        # The console's own nslookup answer beside ours, when a console report was imported.
        lookups = judge.console_lookups(session.console)
        headers = [self.tr("Domain"), self.tr("From"), self.tr("Status"), self.tr("Message")]
        if lookups:
            headers.append(self.tr("The console's nslookup"))
        self.domain_table.setColumnCount(len(headers))
        self.domain_table.setHorizontalHeaderLabels(headers)
        self.domain_table.setRowCount(len(check.domains))
        for row, d in enumerate(check.domains):
            values = [d.name, advice.source_label(d.source), kms_words.status_label(d.status),
                      kms_words.domain_message(d)]
            if lookups:
                values.append(judge_words.console_lookup_for(lookups, d.name))
            for col, value in enumerate(values):
                self.domain_table.setItem(row, col, QTableWidgetItem(visible(value)))
        for table in (self.hosts, self.domain_table):
            height = table.horizontalHeader().height() + 4 + sum(
                table.rowHeight(r) for r in range(table.rowCount()))
            table.setFixedHeight(min(height, 320))
        if verdict is None:  # a stale result: its own steps, greyed
            from srs_wizard.core import judge as judge_mod

            verdict = judge_mod.judge(path="kms", check=check)
        steps = judge_words.steps(verdict)
        self.steps.setText("\n".join(f"{i}. {s}" for i, s in enumerate(steps, 1)))
        # The key is offered only where a step installs it (never after KMS was shown impossible).
        offer_key = judge.S_INSTALL_GVLK in verdict.step_codes
        self.gvlk_label.setVisible(offer_key)
        self.copy_gvlk.setVisible(offer_key)
        checklist = advice.admin_checklist(check) if verdict.state != judge.LICENSED else []
        self.checklist.setText("\n".join(f"• {item}" for item in checklist))
        self.checklist.setVisible(bool(checklist))
        self.checklist_title.setVisible(bool(checklist))
        offer = not usable
        self.fallback_box.setVisible(offer)
        if offer and session.kms is check and session.fallback is None and not self._fallback_chosen:
            self.fallback_buttons[flow.FALLBACK_MAK].setChecked(True)  # the default way on

    def results_text(self) -> str:
        session = self.wizard().session
        return format_kms_report(session.kms, session.room_verdict("kms")) if session.kms else ""

    def _fallback_clicked(self) -> None:
        self._fallback_chosen = True

    def _fallback_toggled(self, checked: bool) -> None:
        if not checked or self.wizard() is None:
            return
        self.value_changed.emit({"fallback": self._fallback()})

    def isComplete(self) -> bool:
        """A fresh result, or the technician's explicit "go on without a check"."""
        wizard = self.wizard()
        if wizard is None or self._runner.busy:
            return False
        return wizard.session.kms is not None or (self.skip_check.isChecked() and not self.skip_check.isHidden())

    def load(self, session) -> None:
        self._shown_inputs, self._stale = None, False  # filling the fields is not an edit of a result
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
            self._fallback_chosen = session.fallback is not None
        if session.kms is not None:
            self.show_result(session.kms, session.kms_checked_with)
        else:
            self._drop_result()
