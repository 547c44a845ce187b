"""The Office 365 path: the promotional MAK request the OEM needs, checked as it is typed."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCompleter,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from srs_wizard.core import product_key, promo
from srs_wizard.core.files import atomic_write
from srs_wizard.core.present import promo as promo_words
from srs_wizard.ui.widgets import FieldMessage, scrolling

log = logging.getLogger(__name__)

LINE_FIELDS = promo.LINE_FIELDS
JUDGED_AFTER_TYPING = ("contact_email", "contact_phone", "tam_contact", "oem_email")
PAUSE_MS = 800
CONTACTS_KEY = "promo/contacts"  # customer contacts of earlier requests, newest first
MAX_CONTACTS = 20


class PromoPage(QWizardPage):
    value_changed = Signal(object)  # the request (value()) while typed; the actions as taken

    def __init__(self, parent=None):
        super().__init__(parent)
        self._loading = False
        self._actions: list[str] = []  # what was done with the request, in order
        self.edits: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        self.messages: dict[str, FieldMessage] = {}
        # An address or number is judged when the technician leaves the field or stops typing
        # for a moment, not at every key: "zhang@" is not yet a wrong address.
        self._pause = QTimer(self)
        self._pause.setSingleShot(True)
        self._pause.setInterval(PAUSE_MS)
        self._pause.timeout.connect(self._validate)
        for name in LINE_FIELDS:
            edit = QLineEdit()
            edit.setMaxLength(200)
            edit.textChanged.connect(self._changed)
            if name in JUDGED_AFTER_TYPING:
                edit.editingFinished.connect(self._judge_now)
            self.edits[name] = edit
        self.systems = QSpinBox()
        self.systems.setRange(1, promo.MAX_SYSTEMS)
        self.systems.setButtonSymbols(QSpinBox.NoButtons)  # a plain field: 14 px steppers are no touch target
        self.systems.valueChanged.connect(self._changed)
        self.deployment_date = QDateEdit(QDate.currentDate())
        self.deployment_date.setCalendarPopup(True)
        self.deployment_date.setDisplayFormat("yyyy-MM-dd")  # unambiguous in every locale
        calendar = self.deployment_date.calendarWidget()
        calendar.setMinimumSize(8 * 44, 7 * 44 + 48)  # days a finger can hit: 44 px cells
        days = calendar.findChild(QTableView)
        if days is not None:
            days.verticalHeader().setMinimumSectionSize(44)
            days.horizontalHeader().setMinimumSectionSize(44)
        self.deployment_date.dateChanged.connect(self._changed)
        self.note = QPlainTextEdit()
        self.note.setFixedHeight(70)
        self.note.textChanged.connect(self._changed)

        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        order = ("company", "contact_name", "contact_email", "contact_phone", "systems", "deployment_date",
                 "tam_name", "tam_contact", "oem_name", "oem_email", "note")
        widgets = {**self.edits, "systems": self.systems, "deployment_date": self.deployment_date, "note": self.note}
        self.widgets = widgets
        self.order = order
        for name in order:
            label = QLabel()
            label.setBuddy(widgets[name])
            self.labels[name] = label
            message = FieldMessage()
            self.messages[name] = message
            form.addRow(label, widgets[name])
            form.addRow("", message.holder())  # its room kept: nothing below moves
            if name == "deployment_date":
                self.tam_heading = QLabel()
                self.tam_heading.setObjectName("explanation")
                self.tam_heading.setWordWrap(True)
                form.addRow(self.tam_heading)
            if name == "tam_contact":
                self.oem_heading = QLabel()
                self.oem_heading.setObjectName("explanation")
                self.oem_heading.setWordWrap(True)
                form.addRow(self.oem_heading)

        self.copy_button = QPushButton()
        self.save_button = QPushButton()
        self.mail_button = QPushButton()
        self.action_status = QLabel()
        # Why Next and the buttons are still off: the fields that are missing or wrong.
        self.needed = QLabel()
        self.needed.setObjectName("explanation")
        self.needed.setWordWrap(True)
        self.needed.setTextFormat(Qt.PlainText)
        self.copy_button.clicked.connect(self.copy_request)
        self.save_button.clicked.connect(self.save_eml)
        self.mail_button.clicked.connect(self.open_mail)
        buttons = QHBoxLayout()
        for b in (self.copy_button, self.save_button, self.mail_button):
            buttons.addWidget(b)
        buttons.addStretch(1)

        inner = QWidget()
        body = QVBoxLayout(inner)
        body.addLayout(form)
        body.addWidget(self.needed)
        body.addLayout(buttons)
        body.addWidget(self.action_status)
        body.addStretch(1)
        scrolling(self, inner)

        # Replaced in tests: where to save, and how to open a mailto: link.
        self.choose_save_path = self._ask_save_path
        self.open_url = QDesktopServices.openUrl
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Promotional MAK request to the OEM"))
        self.setSubTitle(self.tr("Office 365 customers without VLSC access get a MAK from the OEM that sold the room "
                                 "system. Collect what the OEM needs; * marks what it cannot do without."))
        names = {
            "company": self.tr("Company name"), "contact_name": self.tr("Contact name"),
            "contact_email": self.tr("Contact email"), "contact_phone": self.tr("Contact phone"),
            "systems": self.tr("Number of systems"), "deployment_date": self.tr("Deployment date"),
            "tam_name": self.tr("TAM name"), "tam_contact": self.tr("TAM contact"),
            "oem_name": self.tr("OEM name"), "oem_email": self.tr("OEM email"), "note": self.tr("Note"),
        }
        for name, label in self.labels.items():
            # The required marker comes from core's list, so label and check cannot disagree.
            label.setText(names[name] + " *" if name in promo.REQUIRED else names[name])
            self.widgets[name].setAccessibleName(names[name])
        self.edits["contact_email"].setPlaceholderText(self.tr("name@company.com"))
        self.edits["contact_phone"].setPlaceholderText(self.tr("+86 10 1234 5678 ext. 12"))
        self.edits["tam_contact"].setPlaceholderText(self.tr("Email or phone of the TAM"))
        self.edits["oem_email"].setPlaceholderText(self.tr("Where the OEM takes these requests"))
        self.tam_heading.setText(self.tr("If the customer has a Microsoft Technical Account Manager (TAM), give both "
                                         "the name and the contact details."))
        self.oem_heading.setText(self.tr("Optional: who the request goes to."))
        self.copy_button.setText(self.tr("&Copy request"))
        self.copy_button.setAccessibleName(self.tr("Copy request"))
        self.save_button.setText(self.tr("Save .&eml…"))
        self.save_button.setAccessibleName(self.tr("Save email"))
        self.mail_button.setText(self.tr("Open in &mail app"))
        self.mail_button.setAccessibleName(self.tr("Open in mail app"))
        self._validate()

    # ------------------------------------------------------------------ data
    def request(self) -> promo.PromoRequest:
        d = self.deployment_date.date()
        return promo.PromoRequest(
            **{name: self.edits[name].text() for name in LINE_FIELDS},
            systems=self.systems.value(), deployment_date=date(d.year(), d.month(), d.day()),
            note=self.note.toPlainText())

    def _changed(self, *_args) -> None:
        if self._loading:
            return
        typing = self._typing_in()
        if typing is not None:
            self._pause.start()
        self._validate()
        if self.wizard() is not None:
            self.value_changed.emit(self.value())

    def value(self) -> dict:
        """The request as typed, and what was done with it ("copied", "saved", "opened")."""
        return {"promo": self.request(), "promo_actions": list(self._actions)}

    def _judge_now(self) -> None:
        self._pause.stop()
        self._validate()

    def _typing_in(self) -> str | None:
        """The address or number field being typed in right now, if any."""
        for name in JUDGED_AFTER_TYPING:
            if self.edits[name].hasFocus():
                return name
        return None

    def _validate(self) -> bool:
        typing = self._typing_in() if self._pause.isActive() else None
        typed = self.request()
        result = promo.check_request(typed)
        errors, warnings = promo_words.texts(result.errors), promo_words.texts(result.warnings)
        for name, message in self.messages.items():
            # A blank field is not scolded before it was touched; the TAM pair always is.
            edited = (name not in LINE_FIELDS or self.edits[name].isModified() or self.edits[name].text()
                      or name in ("tam_name", "tam_contact"))
            value = getattr(typed, name)
            if name in result.errors and edited and name == typing:
                continue  # still being typed: judged when the field is left or typing pauses
            if name in result.errors and edited:
                message.show_error(errors[name])
            elif isinstance(value, str) and product_key.contains_whole_key(value):
                message.show_warning(self.tr(
                    "This looks like a product key: it is saved and sent with only its last 5 characters."))
            elif name in result.warnings:
                message.show_warning(warnings[name])
            else:
                message.show_error(None)
        ok = result.ok
        wrong = [name for name in self.order if name in result.errors]
        self.needed.setText("" if ok else self.tr("Still to fill in or correct: {fields}.").format(
            fields=self.tr(", ").join(self.widgets[name].accessibleName() for name in wrong)))
        self.needed.setVisible(not ok)
        for button in (self.copy_button, self.save_button, self.mail_button):
            button.setEnabled(ok)
        self.completeChanged.emit()
        return ok

    def isComplete(self) -> bool:
        return promo.check_request(self.request()).ok

    def _format_date(self, d: date) -> str:
        from srs_wizard.locale_format import locale_formatters

        return locale_formatters(self.locale())[1](d)

    # ------------------------------------------------------------------ actions
    def _record_action(self, action: str) -> None:
        self._remember_contact()
        if action not in self._actions:
            self._actions.append(action)
            if self.wizard() is not None:
                self.value_changed.emit({"promo_actions": list(self._actions)})

    def copy_request(self) -> None:
        request = self.request()
        text = promo_words.subject(request) + "\n\n" + promo_words.body(request, self._format_date)
        QGuiApplication.clipboard().setText(text)
        self._record_action("copied")
        self.action_status.setText(self.tr("The request is on the clipboard."))

    def _ask_save_path(self, suggested: str) -> str:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the request as an email"), suggested,
                                                    self.tr("Email message (*.eml)"))
        return path

    def save_eml(self) -> None:
        request = self.request().cleaned()
        # The first time Documents, then the folder the last PDF or email went to.
        settings = self._settings()
        folder = (settings.value("save/folder") if settings is not None else None) or \
            QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation) or str(Path.home())
        name = "".join(c if c.isalnum() or c in "-_ " else "_" for c in request.company).strip() or "request"
        path = self.choose_save_path(str(Path(folder) / f"promo-MAK-request-{name}.eml"))
        if not path:
            return
        try:
            atomic_write(path, promo_words.to_eml(request, format_date=self._format_date))
        except OSError as exc:
            log.warning("request not saved to %s: %s", path, exc.strerror or exc)
            QMessageBox.warning(self, self.tr("Not saved"), self.tr(
                "The email could not be saved to {path}: {reason}\nChoose another place; nothing you typed is "
                "lost.").format(
                    path=path, reason=exc.strerror or exc))
            return
        self._record_action("saved")
        if settings is not None:
            settings.setValue("save/folder", str(Path(path).parent))
        log.info("promo MAK request saved: %s", path)
        self.action_status.setText(self.tr("Saved to {path}. Open it in Outlook or any mail app to send "
                                           "it.").format(path=path))

    def open_mail(self) -> None:
        url = QUrl(promo_words.mailto_url(self.request(), self._format_date))
        if self.open_url(url):
            self._record_action("opened")
            self.action_status.setText(self.tr("The request was handed to your mail app."))
        else:
            self.action_status.setText(self.tr("No mail app answered. Use Copy request or Save .eml instead."))

    def initializePage(self) -> None:
        session = self.wizard().session
        if not self.edits["company"].text():
            self.edits["company"].setText(session.customer.strip())
        # Offer the customer contacts of earlier requests (never the technician), completed
        # inside the field: no popup that covers the next field or swallows a tap.
        contacts = [c for c in self._remembered_contacts() if c != session.technician.strip()]
        if contacts:
            completer = QCompleter(contacts, self)
            completer.setCaseSensitivity(Qt.CaseInsensitive)
            completer.setCompletionMode(QCompleter.InlineCompletion)
            self.edits["contact_name"].setCompleter(completer)
        self._changed()

    def _settings(self):
        wizard = self.wizard()
        return getattr(wizard, "settings", None) if wizard is not None else None

    def _remembered_contacts(self) -> list[str]:
        settings = self._settings()
        value = settings.value(CONTACTS_KEY, []) if settings is not None else []
        if isinstance(value, str):
            value = [value]
        return [str(v) for v in value or [] if str(v).strip()]

    def _remember_contact(self) -> None:
        settings = self._settings()
        name = self.edits["contact_name"].text().strip()
        if settings is None or not name:
            return
        contacts = [name] + [c for c in self._remembered_contacts() if c != name]
        settings.setValue(CONTACTS_KEY, contacts[:MAX_CONTACTS])

    def load(self, session) -> None:
        self._actions = list(session.promo_actions)
        self._loading = True
        try:
            r = session.promo
            for name in LINE_FIELDS:
                self.edits[name].setText(getattr(r, name))
            if r.systems:
                self.systems.setValue(r.systems)
            if r.deployment_date:
                d = r.deployment_date
                self.deployment_date.setDate(QDate(d.year, d.month, d.day))
            self.note.setPlainText(r.note)
        finally:
            self._loading = False
        self._validate()
