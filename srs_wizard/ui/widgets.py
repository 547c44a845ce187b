"""Small widgets the pages share."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QScrollArea, QSizePolicy, QVBoxLayout, QWidget


def _plain_text_format():
    # Touching PySide6's Qt namespace builds all of its enums (~45 ms), so the first page,
    # which shows no message until something is typed, defers it to the first message.
    from PySide6.QtCore import Qt

    return Qt.PlainText


class FieldMessage(QLabel):
    """The plain-words line under a field: what is wrong (red) or a caution (amber)."""

    # Lines of room kept for the message from the start, so that nothing below the field
    # moves when a message appears while the technician types or taps.
    RESERVED_LINES = 2

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._plain = False
        self.setWordWrap(True)
        policy = QSizePolicy(QSizePolicy.Preferred, QSizePolicy.Minimum)
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self.setObjectName("fieldMessage")
        self._reserve()
        self.hide()

    def holder(self) -> QWidget:
        """The message in a box that is always shown and keeps the message's room: put this
        in a QFormLayout, which drops the row of a hidden widget whatever its size policy."""
        if getattr(self, "_holder", None) is None:
            self._holder = QWidget()
            box = QVBoxLayout(self._holder)
            box.setContentsMargins(0, 0, 0, 0)
            box.addWidget(self)
        return self._holder

    def _reserve(self) -> None:
        """A fixed height of two lines whether shown or not; more only for a longer message."""
        reserved = self.fontMetrics().lineSpacing() * self.RESERVED_LINES + 2
        needed = self.heightForWidth(self.width()) if self.text() and self.width() > 0 else 0
        self.setFixedHeight(max(reserved, needed))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self._reserve()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        from PySide6.QtCore import QEvent

        if event.type() in (QEvent.FontChange, QEvent.StyleChange):
            self._reserve()

    def show_error(self, text: str | None) -> None:
        self._show(text, "error")

    def show_warning(self, text: str | None) -> None:
        self._show(text, "warning")

    def show_note(self, text: str | None) -> None:
        """What is still needed, in neutral grey: nothing is wrong before anything was done."""
        self._show(text, "note")

    def _show(self, text: str | None, kind: str) -> None:
        if not self._plain:
            self.setTextFormat(_plain_text_format())  # typed text is never read as HTML
            self._plain = True
        self.setProperty("kind", kind)
        self.style().unpolish(self)
        self.style().polish(self)
        self.setText(text or "")
        self.setAccessibleDescription(text or "")
        self._reserve()
        self.setVisible(bool(text))


class CopyButton(QPushButton):
    """Puts text on the clipboard and says so for a moment."""

    def __init__(self, label: str, text_source, parent: QWidget | None = None):
        super().__init__(label, parent)
        self._label = label
        self._source = text_source
        self.clicked.connect(self._copy)

    def set_label(self, label: str) -> None:
        self._label = label
        self.setText(label)

    def _copy(self) -> None:
        QGuiApplication.clipboard().setText(self._source())
        self.setText(self.tr("Copied"))
        QTimer.singleShot(1500, self._restore)

    def _restore(self) -> None:
        self.setText(self._label)


def plain_label(text: str = "", parent: QWidget | None = None, wrap: bool = True) -> QLabel:
    """A label that never interprets what it shows as HTML (DNS names, typed text)."""
    from PySide6.QtCore import Qt

    label = QLabel(parent)
    label.setTextFormat(Qt.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextSelectableByMouse)
    return label


class RowLabel(QLabel):
    """The description under a radio button or check box: tapping it chooses the choice,
    so the whole row (title and description) is one touch target."""

    def __init__(self, button, parent: QWidget | None = None):
        super().__init__(parent)
        self.button = button

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if self.rect().contains(event.position().toPoint()) and self.button.isEnabled():
            self.button.click()


def touch_lists(root: QWidget) -> None:
    """Every drop-down list under ``root`` draws its items with a styled delegate, so that
    the style sheet's 40 px item height applies (Qt's default popup delegate ignores it)."""
    from PySide6.QtWidgets import QComboBox, QStyledItemDelegate

    for combo in root.findChildren(QComboBox):
        combo.setItemDelegate(QStyledItemDelegate(combo))


def touch_scrolling(area) -> None:
    """Kinetic scrolling by touch (a swipe) on a scroll area or a list."""
    from PySide6.QtWidgets import QScroller

    QScroller.grabGesture(area.viewport(), QScroller.TouchGesture)


def scrolling(page: QWidget, content: QWidget) -> QScrollArea:
    """Put a page's content in a frameless scroll area that fills the page: long results
    and large fonts (150% scaling) scroll instead of squeezing the controls, and a swipe
    scrolls it."""
    from PySide6.QtCore import Qt

    scroll = QScrollArea()
    scroll.setFocusPolicy(Qt.NoFocus)  # not a Tab stop of its own: it follows the focused field
    scroll.setWidgetResizable(True)
    scroll.setFrameShape(QFrame.NoFrame)
    scroll.setWidget(content)
    touch_scrolling(scroll)
    outer = QVBoxLayout(page)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(scroll)
    return scroll
