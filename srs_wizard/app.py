"""The GUI entry point: QApplication, translators, the wizard window."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    from PySide6.QtWidgets import QApplication, QWizard

    app = QApplication.instance() or QApplication(sys.argv[:1] + list(argv or []))
    wizard = QWizard()
    wizard.setWindowTitle("srs-wizard")
    wizard.show()
    return app.exec()
