"""The MAK page (filled in by the MAK issue)."""

from __future__ import annotations

from PySide6.QtWidgets import QWizardPage


class MakPage(QWizardPage):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("MAK from the Volume Licensing Service Center"))

    def load(self, session) -> None:
        pass
