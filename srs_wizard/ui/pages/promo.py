"""The promo MAK request page (filled in by the Office 365 issue)."""

from __future__ import annotations

from PySide6.QtWidgets import QWizardPage


class PromoPage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Promotional MAK request to the OEM"))

    def load(self, session) -> None:
        pass
