"""Choose a path: the three ways to a license, or "not sure, check KMS first"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QLabel, QRadioButton, QVBoxLayout, QWizardPage

from srs_wizard import flow
from srs_wizard.ui.widgets import RowLabel


class ChoosePathPage(QWizardPage):
    value_changed = Signal(object)  # value(), handed over when the choice changes

    def __init__(self, parent=None):
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.buttons: dict[str, QRadioButton] = {}
        self.explanations: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        for choice in (flow.CHOICE_UNSURE, flow.CHOICE_KMS, flow.CHOICE_MAK, flow.CHOICE_PROMO):
            button = QRadioButton()
            explanation = RowLabel(button)  # tapping the description chooses too
            explanation.setWordWrap(True)
            explanation.setIndent(28)
            explanation.setObjectName("explanation")
            self.group.addButton(button)
            self.buttons[choice] = button
            self.explanations[choice] = explanation
            layout.addWidget(button)
            layout.addWidget(explanation)
            layout.addSpacing(6)
            button.toggled.connect(self._toggled)
        layout.addStretch(1)
        self.buttons[flow.CHOICE_UNSURE].setChecked(True)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("How will this room get its license?"))
        self.setSubTitle(self.tr("Pick what applies to this customer. If you are not sure, start with the KMS check."))
        texts = {
            flow.CHOICE_UNSURE: (self.tr("Not &sure: check for KMS first"),
                                 self.tr("The check shows whether a KMS host is published in DNS; if not, you can "
                                         "continue with a MAK or a promo MAK request.")),
            flow.CHOICE_KMS: (self.tr("&KMS is already in place"),
                              self.tr("The customer runs a KMS host that activates Office: the console activates by "
                                      "itself once the Lync 2013 KMS client key is installed.")),
            flow.CHOICE_MAK: (self.tr("I have a &MAK from VLSC"),
                              self.tr("The customer has a volume license agreement; their IT signs in to the Volume "
                                      "Licensing Service Center and downloads the MAK.")),
            flow.CHOICE_PROMO: (self.tr("&Office 365 without VLSC access (promo MAK from the OEM)"),
                                self.tr("The customer has no volume license agreement: the OEM that sold the room "
                                        "system issues a promotional MAK on request.")),
        }
        for choice, (label, explanation) in texts.items():
            self.buttons[choice].setText(label)
            self.buttons[choice].setAccessibleName(label.replace("&", ""))
            self.explanations[choice].setText(explanation)

    def choice(self) -> str:
        for choice, button in self.buttons.items():
            if button.isChecked():
                return choice
        return flow.CHOICE_UNSURE

    def _toggled(self, checked: bool) -> None:
        if checked and self.wizard() is not None and self.wizard().currentPage() is self:
            self.value_changed.emit(self.value())

    def value(self) -> dict[str, str]:
        return {"choice": self.choice()}

    def load(self, session) -> None:
        if session.choice in self.buttons:
            self.buttons[session.choice].setChecked(True)
