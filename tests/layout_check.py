"""Run as a program (QT_SCALE_FACTOR set by the caller): every page of the wizard in one
language, each label, button and check box given at least the room its text needs, and
coloured text readable against the window.
Prints a JSON list of problems."""

from __future__ import annotations

import json
import os
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtGui import QPalette  # noqa: E402
from PySide6.QtWidgets import QAbstractButton, QLabel  # noqa: E402

from srs_wizard import flow  # noqa: E402
from srs_wizard.app import create_application  # noqa: E402


def luminance(colour) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.redF()) + 0.7152 * channel(colour.greenF()) + 0.0722 * channel(colour.blueF())


def contrast(a, b) -> float:
    """WCAG 2 contrast ratio of two colours."""
    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


# Labels the style sheet colours that sit on the window background: secondary text, field
# messages, rule marks, the rogue warning. WCAG AA asks 4.5:1 for text this size.
COLOURED = {"explanation", "fieldMessage", "rulePending", "ruleOk", "ruleBad", "rogue"}


def problems_of(page) -> list[str]:
    found = []
    window = page.palette().color(QPalette.Window)
    for label in page.findChildren(QLabel):
        if label.objectName() in COLOURED and label.text().strip():
            ratio = contrast(label.palette().color(label.foregroundRole()), window)
            if ratio < 4.5:
                found.append(f"{type(page).__name__}: {label.objectName()} {label.text()[:30]!r} has contrast "
                             f"{ratio:.1f}:1 (under 4.5:1)")
    for widget in page.findChildren(QLabel) + page.findChildren(QAbstractButton):
        if not widget.isVisibleTo(page) or not widget.text().strip():
            continue
        text = widget.text().replace("&", "")
        if isinstance(widget, QLabel) and widget.wordWrap():
            if widget.height() + 1 < widget.heightForWidth(widget.width()):
                found.append(f"{type(page).__name__}: wrapped label {text[:40]!r} is cut off "
                             f"({widget.height()} < {widget.heightForWidth(widget.width())})")
        elif widget.width() + 1 < widget.minimumSizeHint().width():
            found.append(f"{type(page).__name__}: {type(widget).__name__} {text[:40]!r} clipped "
                         f"({widget.width()} < {widget.minimumSizeHint().width()})")
    return found


def main(language: str) -> int:
    app = create_application()
    from srs_wizard.ui.wizard import SrsWizard

    folder = tempfile.mkdtemp()
    wizard = SrsWizard(settings=QSettings(os.path.join(folder, "s.ini"), QSettings.IniFormat),
                       data_dir=folder, language=language)
    wizard.show()
    wizard.ensure_pages()
    problems = []
    for page_id in flow.Page:
        page = wizard.page(page_id)
        # Show each page in the wizard's page area, as the wizard would.
        for other in wizard.all_pages():
            other.setVisible(other is page)
        page.resize(wizard.currentPage().size())
        app.processEvents()
        page.adjustSize() if page.width() == 0 else None
        app.processEvents()
        problems += problems_of(page)
    print(json.dumps(problems, ensure_ascii=False))
    wizard.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
