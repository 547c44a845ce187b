"""Run as a program (QT_SCALE_FACTOR set by the caller): every page of the wizard in one
language, each label, button and check box given at least the room its text needs, and
coloured text readable against the window.
Prints a JSON list of problems.

``python -m tests.layout_check walk LANGUAGE WIDTH HEIGHT FOLDER`` shows every page of the
wizard (each id the wizard has, so a new page is walked too) in a window of that size and
checks what a finger meets: no visible control clipped by its parent or the window, every
control at least 40x40 px, and typing a wrong value into a field moves no other field. A
screenshot of each page goes to FOLDER."""

from __future__ import annotations

import json
import os
import sys
import tempfile

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import (  # noqa: E402
    QPoint,
    QRect,
    QSettings,  # noqa: E402
)
from PySide6.QtGui import QPalette  # noqa: E402
from PySide6.QtWidgets import (  # noqa: E402
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

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


TOUCH = 40  # px at 100 % scaling: Microsoft's minimum touch target
TOUCHED = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)
# Typed into each line field in turn: wrong for an address, a phone number, a domain, a key.
WRONG = "12ab@@ x"


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.width() > 0 and widget.height() > 0


def _scrolled(widget: QWidget) -> bool:
    """Inside a scroll area's content: it may be out of view, it is not clipped."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def touch_problems(name: str, window: QWidget) -> list[str]:
    found = []
    frame = window.rect()
    for widget in window.findChildren(QWidget):
        if not _shown(widget, window) or widget.window() is not window:
            continue
        parent = widget.parentWidget()
        text = getattr(widget, "text", None)  # a widget may hold a field called text
        shown = text() if callable(text) else ""
        what = f"{name}: {type(widget).__name__} {widget.accessibleName() or shown!r}"
        if isinstance(widget, (QLabel, *TOUCHED)):
            # Clipped: not wholly inside its parent (outside a scroll area's content) or the window.
            if parent is not None and not isinstance(parent.parentWidget(), QAbstractScrollArea) \
                    and not parent.rect().contains(widget.geometry()):
                found.append(f"{what} is clipped by its parent ({widget.geometry()} in {parent.rect()})")
            if not _scrolled(widget):
                box = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
                if not frame.contains(box):
                    found.append(f"{what} is clipped by the window ({box} in {frame})")
        if isinstance(widget, TOUCHED) and widget.isEnabled() and widget.focusPolicy() != 0:
            if widget.objectName().startswith("qt_") and not isinstance(widget, QPushButton):
                continue  # Qt's own parts (the wizard's inner widgets)
            if widget.height() < TOUCH or (isinstance(widget, QPushButton) and widget.width() < TOUCH):
                found.append(f"{what} is {widget.width()}x{widget.height()}, under {TOUCH}x{TOUCH} for a finger")
    return found


def list_problems(name: str, window: QWidget) -> list[str]:
    """The items of a drop-down list (the language list) are 40 px high too."""
    found = []
    for combo in window.findChildren(QComboBox):
        if _shown(combo, window) and combo.count() and combo.view().sizeHintForRow(0) < TOUCH:
            found.append(f"{name}: the items of {combo.accessibleName()!r} are {combo.view().sizeHintForRow(0)} px "
                         f"high, under {TOUCH}")
    return found


def punctuation_problems(name: str, page, window: QWidget) -> list[str]:
    """Chinese text on the page uses Chinese punctuation (no ASCII ? : , between Han characters)."""
    from PySide6.QtWidgets import QGroupBox

    from tests.test_chinese_punctuation import wrong_in

    texts = [page.title(), page.subTitle()]
    for widget in window.findChildren(QWidget):
        if not _shown(widget, window):
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
    return [f"{name}: ASCII punctuation in Chinese text: {bad!r}" for text in texts for bad in wrong_in(text)]


def _fields(page) -> list[QWidget]:
    return [w for w in page.findChildren(QWidget) if isinstance(w, (QLineEdit, QAbstractSpinBox))
            and w.isVisibleTo(page) and w.isEnabled() and not w.isReadOnly()
            and not isinstance(w.parentWidget(), QAbstractSpinBox)]


def _place(widget: QWidget) -> QPoint:
    """Where a widget sits in its page's content (a scroll area's content when scrolled, so
    that scrolling to the focused field is not taken for a move)."""
    content = widget
    while content.parentWidget() is not None and not isinstance(content.parentWidget().parentWidget(),
                                                                QAbstractScrollArea):
        content = content.parentWidget()
    return widget.mapTo(content, QPoint(0, 0)) if content is not widget else QPoint(0, 0)


def typing_problems(name: str, page, app) -> list[str]:
    """Type a wrong value into each line field, leave it: no other field moves."""
    found = []
    fields = _fields(page)
    for field in fields:
        if not isinstance(field, QLineEdit):
            continue
        before = {id(other): _place(other) for other in fields}
        old = field.text()
        field.setFocus()
        field.selectAll()
        field.insert(WRONG)
        app.processEvents()
        for other in fields:  # and leave it, as a tap on the next field does
            if other is not field:
                other.setFocus()
                break
        app.processEvents()
        for other in fields:
            if other is not field and _place(other) != before[id(other)]:
                shown = [m.text() for m in page.findChildren(QLabel) if m.objectName() == "fieldMessage"
                         and m.isVisible()]
                found.append(f"{name}: typing {WRONG!r} into {field.accessibleName()!r} moved "
                             f"{other.accessibleName()!r} from {before[id(other)]} to {_place(other)} ({shown})")
        field.setFocus()
        field.selectAll()
        field.insert(old)
        app.processEvents()
    return found


def walk(language: str, width: int, height: int, folder: str) -> list[str]:
    app = create_application()
    from srs_wizard.ui.wizard import SrsWizard

    data = tempfile.mkdtemp()
    wizard = SrsWizard(settings=QSettings(os.path.join(data, "s.ini"), QSettings.IniFormat),
                       data_dir=data, language=language)
    wizard.resize(width, height)
    wizard.show()
    app.processEvents()
    wizard.ensure_pages()
    session = wizard.session
    session.technician, session.customer, session.site = "Ana Técnica", "Contoso International", "Room 3F-12"
    problems = []
    for page_id in sorted(wizard.pageIds()):
        wizard.setStartId(page_id)
        wizard.restart()
        for _ in range(3):
            app.processEvents()
        page = wizard.currentPage()
        name = f"{language} {width}x{height} {type(page).__name__}"
        wizard.grab().save(os.path.join(folder, f"{language}-{page_id:02d}-{type(page).__name__}.png"))
        problems += touch_problems(name, wizard)
        problems += list_problems(name, wizard)
        if language == "zh_CN":
            problems += punctuation_problems(name, page, wizard)
        problems += typing_problems(name, page, app)
    wizard.setStartId(0)
    wizard.close()
    return problems


def visible_texts(page, window: QWidget) -> list[str]:
    from PySide6.QtWidgets import QGroupBox

    texts = [page.title(), page.subTitle()]
    for widget in window.findChildren(QWidget):
        if not _shown(widget, window):
            continue
        if isinstance(widget, (QLabel, QAbstractButton)):
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QLineEdit):
            texts.append(widget.placeholderText())
    return texts


def reword(first: str, then: str) -> list[str]:
    """Every page shown in a wizard started in ``first`` and switched to ``then`` with the
    button row's language switch reads exactly as in a wizard started in ``then``."""
    from PySide6.QtWidgets import QWizard

    app = create_application()
    from srs_wizard.ui.wizard import SrsWizard

    wizards = []
    for language in (first, then):
        data = tempfile.mkdtemp()
        wizard = SrsWizard(settings=QSettings(os.path.join(data, "s.ini"), QSettings.IniFormat),
                           data_dir=data, language=language)
        wizard.resize(1280, 800)
        wizard.show()
        app.processEvents()
        wizard.ensure_pages()
        wizards.append(wizard)
    switched, fresh = wizards
    switched.button(QWizard.CustomButton2).click()
    problems = []
    for page_id in sorted(fresh.pageIds()):
        texts = []
        for wizard in (switched, fresh):
            wizard.setStartId(page_id)
            wizard.restart()
            for _ in range(3):
                app.processEvents()
            texts.append(visible_texts(wizard.currentPage(), wizard))
        left = [t for t in texts[0] if t not in texts[1]]
        if left:
            problems.append(f"{type(fresh.page(page_id)).__name__}: after switching from {first} to {then}, "
                            f"still shown: {left}")
    for wizard in wizards:
        wizard.setStartId(0)
        wizard.close()
    return problems


if __name__ == "__main__":
    if sys.argv[1] == "reword":
        print(json.dumps(reword(sys.argv[2], sys.argv[3]), ensure_ascii=False))
        sys.exit(0)
    if sys.argv[1] == "walk":
        print(json.dumps(walk(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]), ensure_ascii=False))
        sys.exit(0)
    sys.exit(main(sys.argv[1]))
