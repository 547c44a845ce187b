"""Welcome: what the tool does, and the facts every record needs."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWizardPage,
)

from srs_wizard.lang import LANGUAGE_NAMES
from srs_wizard.ui.widgets import FieldMessage

FIELDS = ("technician", "customer", "site")


class WelcomePage(QWizardPage):
    language_chosen = Signal(str)
    value_changed = Signal(object)  # value(), handed over while the technician types

    def __init__(self, parent=None):
        super().__init__(parent)
        self.language = QComboBox()
        for code, name in LANGUAGE_NAMES.items():
            self.language.addItem(name, code)
        self.language_label = QLabel()
        self.language_label.setBuddy(self.language)
        self.language.activated.connect(lambda index: self.language_chosen.emit(self.language.itemData(index)))
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.technician = QLineEdit()
        self.customer = QLineEdit()
        self.site = QLineEdit()
        self.messages = {}
        form = QFormLayout()
        form.setRowWrapPolicy(QFormLayout.WrapLongRows)
        self.labels = {}
        for key, edit in (("technician", self.technician), ("customer", self.customer), ("site", self.site)):
            edit.setMaxLength(200)
            message = FieldMessage()
            self.messages[key] = message
            label = QLabel()
            label.setBuddy(edit)
            self.labels[key] = label
            form.addRow(label, edit)
            form.addRow("", message.holder())  # its room kept: nothing below moves
            edit.textEdited.connect(lambda _t, k=key: self._edited(k))
        # Shown when an unfinished session was found (or a damaged one was set aside).
        self.resume_box = QFrame()
        self.resume_box.setObjectName("resumeBox")
        self.resume_box.setFrameShape(QFrame.StyledPanel)
        self.resume_text = QLabel()
        self.resume_text.setWordWrap(True)
        self.resume_button = QPushButton()
        self.discard_button = QPushButton()
        box = QHBoxLayout(self.resume_box)
        box.addWidget(self.resume_text, 1)
        box.addWidget(self.resume_button)
        box.addWidget(self.discard_button)
        self.resume_box.hide()
        layout = QVBoxLayout(self)
        layout.addWidget(self.resume_box)
        layout.addWidget(self.intro)
        layout.addSpacing(12)
        layout.addLayout(form)
        # Why Next is still off: the fields that are missing (all three are required).
        self.needed = QLabel()
        self.needed.setObjectName("explanation")
        self.needed.setWordWrap(True)
        layout.addWidget(self.needed)
        layout.addStretch(1)
        # The language row is shown on top but added last, so that Tab (and the focus QWizard
        # gives the page) reaches the fields first: widgets join the focus chain in the order
        # they are added.
        top = QHBoxLayout()
        top.addStretch(1)
        top.addWidget(self.language_label)
        top.addWidget(self.language)
        layout.insertLayout(0, top)
        # For a console that cannot run this program (Windows 7): a collector to run there,
        # added just after the first paint (add_console_script), last in the focus chain too.
        self._layout = layout
        self.console_script = None
        # Required: QWizard keeps Next disabled until each is filled.
        self.registerField("technician*", self.technician)
        self.registerField("customer*", self.customer)
        self.registerField("site*", self.site)
        self.retranslate()

    def focus_first(self) -> None:
        """Put the focus where the technician acts first: Resume when offered, else the
        first empty field."""
        if not self.resume_box.isHidden() and not self.resume_button.isHidden():
            self.resume_button.setFocus()
            return
        for edit in (self.technician, self.customer, self.site):
            if not edit.text().strip():
                edit.setFocus()
                return
        self.technician.setFocus()

    def set_language_choice(self, code: str) -> None:
        index = self.language.findData(code)
        if index >= 0:
            self.language.setCurrentIndex(index)

    def add_console_script(self) -> None:
        """The "Make a console script…" button; built after the first paint, since it is the
        first user of Qt's namespace enums on this page (about 30 ms to build)."""
        if self.console_script is not None:
            return
        from srs_wizard.ui.console import ConsoleScriptButton

        self.console_script = ConsoleScriptButton(lambda: self.wizard().pool)
        self._layout.addWidget(self.console_script)

    def retranslate(self) -> None:
        self.language_label.setText(self.tr("&Language:"))
        self.language.setAccessibleName(self.tr("Language"))
        self.setTitle(self.tr("Skype Room System licensing"))
        self.setSubTitle(self.tr("Find out how this room's Skype for Business client gets its volume license."))
        self.intro.setText(self.tr(
            "1. Check whether a KMS host is published in DNS and answers.\n"
            "2. Or check a MAK from the Volume Licensing Service Center, or prepare a promotional MAK request for the "
            "OEM.\n"
            "3. Save a summary as a PDF to leave with the customer."))
        texts = {"technician": self.tr("&Technician name:"), "customer": self.tr("&Customer (company) name:"),
                 "site": self.tr("&Site / room name:")}
        names = {"technician": self.tr("Technician name"), "customer": self.tr("Customer name"),
                 "site": self.tr("Site name")}
        edits = {"technician": self.technician, "customer": self.customer, "site": self.site}
        for key, edit in edits.items():
            self.labels[key].setText(texts[key] + " *")  # * : required, as on the promo page
            edit.setAccessibleName(names[key])
        self._update_needed()
        self.technician.setPlaceholderText(self.tr("Your name"))
        self.customer.setPlaceholderText(self.tr("The company the room belongs to"))
        self.site.setPlaceholderText(self.tr("e.g. Building 2, Room Everest"))
        if self.console_script is not None:
            self.console_script.retranslate()
        self.resume_button.setText(self.tr("&Resume"))
        self.resume_button.setAccessibleName(self.tr("Resume unfinished session"))
        self.discard_button.setText(self.tr("Start &fresh"))
        self.discard_button.setAccessibleName(self.tr("Discard unfinished session"))
        for key in edits:
            if self.messages[key].isVisible():
                self._edited(key)

    def offer_resume(self, text: str, can_resume: bool) -> None:
        from PySide6.QtCore import Qt  # not before page one is painted (see widgets.py)

        self.resume_text.setTextFormat(Qt.PlainText)  # a customer name from a draft is never HTML
        self.resume_text.setText(text)
        self.resume_button.setVisible(can_resume)
        self.discard_button.setVisible(can_resume)
        self.resume_box.show()

    def _required_message(self, key: str) -> str:
        return {"technician": self.tr("Enter your name: it goes on the record."),
                "customer": self.tr("Enter the customer's company name."),
                "site": self.tr("Enter the site or room name.")}[key]

    def _edited(self, key: str) -> None:
        edit = getattr(self, key)
        self.messages[key].show_error(None if edit.text().strip() else self._required_message(key))
        self._update_needed()
        if self.wizard() is not None:
            self.value_changed.emit(self.value())

    def _update_needed(self) -> None:
        missing = [getattr(self, key).accessibleName() for key in FIELDS if not getattr(self, key).text().strip()]
        self.needed.setText(self.tr("Required (*), still to fill in: {fields}.").format(
            fields=self.tr(", ").join(missing)) if missing else "")
        self.needed.setVisible(bool(missing))

    def value(self) -> dict[str, str]:
        """What this page collected, as the session's fields."""
        return {key: getattr(self, key).text() for key in FIELDS}

    def isComplete(self) -> bool:
        return all(e.text().strip() for e in (self.technician, self.customer, self.site))

    # Called once, just after the page was first painted (the wizard builds the rest then).
    first_paint = None

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self.first_paint is not None:
            callback, self.first_paint = self.first_paint, None
            QTimer.singleShot(0, callback)

    def load_remembered(self, values: dict[str, str]) -> None:
        for key, value in values.items():
            getattr(self, key).setText(value)
        self._update_needed()

    def load(self, session) -> None:
        self.technician.setText(session.technician)
        self.customer.setText(session.customer)
        self.site.setText(session.site)
        self._update_needed()
