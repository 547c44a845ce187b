"""The MAK page: a product key checked as it is typed, shown whole only on request."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from srs_wizard.core import product_key
from srs_wizard.core.present import product_key as key_words
from srs_wizard.core.present.summary import checklist_labels
from srs_wizard.core.record import CHECKLIST_ITEMS
from srs_wizard.ui.widgets import FieldMessage, plain_label, scrolling

RULES = ("length", "characters", "single_n", "checksum", "not_gvlk")


def rule_states(check: product_key.KeyCheck) -> dict[str, bool | None]:
    """Each rule: True passed, False failed, None not decidable yet."""
    codes = {p.code for p in check.problems}
    length = None if not check.key else (check.complete if len(check.key) >= product_key.KEY_LENGTH else None)
    if product_key.TOO_LONG in codes:
        length = False
    return {
        "length": length,
        "characters": None if not check.key else check.characters_ok,
        "single_n": check.single_n_ok,
        "checksum": check.checksum_ok,
        "not_gvlk": None if not check.complete else check.gvlk is None,
    }


class KeyEdit(QLineEdit):
    """Groups what is typed or pasted into XXXXX-XXXXX-... and keeps the cursor in place."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.textEdited.connect(self._regroup)
        font = QFont("monospace")
        font.setStyleHint(QFont.Monospace)
        font.setPointSizeF(font.pointSizeF() * 1.25 if font.pointSizeF() > 0 else 12)
        self.setFont(font)
        self.setMaxLength(120)  # a pasted line with a key in it

    def key(self) -> str:
        return product_key.normalise(self.text())

    def _regroup(self, text: str) -> None:
        key = product_key.normalise(text)
        grouped = product_key.group(key)
        if grouped == text:
            return
        typed = "".join(c for c in text.upper() if c.isalnum())
        if key == typed:
            # Keep the cursor after the same number of key characters as before.
            count = sum(1 for c in text[:self.cursorPosition()] if c.isalnum())
        else:
            count = len(key)  # a key picked out of a pasted line: cursor at its end
        self.setText(grouped)
        self.setCursorPosition(min(count + max(0, count - 1) // 5, len(grouped)))


class MakPage(QWizardPage):
    value_changed = Signal(object)  # value(), handed over while the technician types

    def __init__(self, parent=None):
        super().__init__(parent)
        self._user_chose_visibility = False
        self.key_label = QLabel()
        self.key = KeyEdit()
        self.key_label.setBuddy(self.key)
        self.show_key = QCheckBox()
        self.show_key.setChecked(True)
        self.show_key.toggled.connect(self._visibility_toggled)
        self.problems = FieldMessage()
        self.gvlk_warning = plain_label()
        self.gvlk_warning.setObjectName("rogue")
        self.gvlk_warning.hide()
        self.use_anyway = QCheckBox()
        self.use_anyway.hide()
        self.use_anyway.toggled.connect(self._use_anyway_toggled)

        self.rules_box = QGroupBox()
        grid = QGridLayout(self.rules_box)
        self.rule_marks: dict[str, QLabel] = {}
        self.rule_labels: dict[str, QLabel] = {}
        for row, rule in enumerate(RULES):
            mark, label = QLabel(), QLabel()
            mark.setFixedWidth(28)
            mark.setAlignment(Qt.AlignCenter)
            self.rule_marks[rule], self.rule_labels[rule] = mark, label
            grid.addWidget(mark, row, 0)
            grid.addWidget(label, row, 1)
        grid.setColumnStretch(1, 1)

        self.checklist_box = QGroupBox()
        checklist_layout = QVBoxLayout(self.checklist_box)
        self.checklist: dict[str, QCheckBox] = {}
        for item in CHECKLIST_ITEMS:
            box = QCheckBox()
            box.toggled.connect(self._checklist_toggled)
            self.checklist[item] = box
            checklist_layout.addWidget(box)

        self.steps_box = QGroupBox()
        steps_layout = QVBoxLayout(self.steps_box)
        self.steps = plain_label()
        self.command = plain_label()
        self.command.setFont(QFont("monospace"))
        self.copy_command = QPushButton()
        self.copy_command.clicked.connect(self._copy_command)
        row = QHBoxLayout()
        row.addWidget(self.command, 1)
        row.addWidget(self.copy_command)
        steps_layout.addWidget(self.steps)
        steps_layout.addLayout(row)

        key_row = QHBoxLayout()
        key_row.addWidget(self.key, 1)
        key_row.addWidget(self.show_key)
        inner = QWidget()
        body = QVBoxLayout(inner)
        body.addWidget(self.key_label)
        body.addLayout(key_row)
        body.addWidget(self.problems)
        body.addWidget(self.gvlk_warning)
        body.addWidget(self.use_anyway)
        body.addWidget(self.rules_box)
        body.addWidget(self.checklist_box)
        body.addWidget(self.steps_box)
        body.addStretch(1)
        scrolling(self, inner)

        self.key.textChanged.connect(self._update)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("MAK from the Volume Licensing Service Center"))
        self.setSubTitle(self.tr("Type or paste the MAK. It is checked as you type, offline; only its last 5 "
                                 "characters are ever shown in the record."))
        self.key_label.setText(self.tr("&Product key (MAK):"))
        self.key.setAccessibleName(self.tr("Product key"))
        self.key.setPlaceholderText("XXXXX-XXXXX-XXXXX-XXXXX-XXXXX")
        self.key.setToolTip(self.tr("25 characters; dashes and spaces are optional, and you can paste a whole line "
                                    "that contains the key."))
        self.show_key.setText(self.tr("&Show"))
        self.show_key.setAccessibleName(self.tr("Show product key"))
        self.use_anyway.setText(self.tr("&Use this key anyway (the checksum failed; this will be recorded)"))
        self.use_anyway.setAccessibleName(self.tr("Use key anyway"))
        self.rules_box.setTitle(self.tr("Offline checks"))
        texts = {
            "length": self.tr("25 characters"),
            "characters": self.tr("Only characters used in product keys"),
            "single_n": self.tr("Exactly one N, not at the end"),
            "checksum": self.tr("Checksum matches (catches most typing mistakes)"),
            "not_gvlk": self.tr("Not a public KMS client key (GVLK)"),
        }
        for rule, text in texts.items():
            self.rule_labels[rule].setText(text)
        self.checklist_box.setTitle(self.tr("Before you leave"))
        labels = checklist_labels()
        for item, box in self.checklist.items():
            box.setText(labels[item])
        self.steps_box.setTitle(self.tr("After the wizard"))
        self.steps.setText(self.tr(
            "1. Type the MAK in the Skype Room System admin console,\n"
            "2. or, on the console, run the command below, then cscript ospp.vbs /act,\n"
            "3. and check with cscript ospp.vbs /dstatus that the last 5 characters match."))
        self.copy_command.setText(self.tr("Copy command"))
        self.copy_command.setAccessibleName(self.tr("Copy command with product key"))
        self.copy_command.setToolTip(self.tr("Copies the command with the whole key to the clipboard."))
        self._update()

    # ------------------------------------------------------------------ state
    def _visibility_toggled(self, shown: bool) -> None:
        self._user_chose_visibility = True
        self.key.setEchoMode(QLineEdit.Normal if shown else QLineEdit.Password)

    def _update(self) -> None:
        check = product_key.check(self.key.text())
        wizard = self.wizard()
        if not self._user_chose_visibility:
            # Hidden by default once a key that passes the checks is in, so a bystander cannot
            # read it; a failing key stays readable, to be compared group by group.
            shown = not check.valid
            self.show_key.blockSignals(True)
            self.show_key.setChecked(shown)
            self.show_key.blockSignals(False)
            self.key.setEchoMode(QLineEdit.Normal if shown else QLineEdit.Password)
        states = rule_states(check)
        for rule, state in states.items():
            mark = self.rule_marks[rule]
            mark.setText({True: "✔", False: "✘", None: "…"}[state])
            mark.setObjectName({True: "ruleOk", False: "ruleBad", None: "rulePending"}[state])
            mark.setAccessibleName({True: self.tr("passed"), False: self.tr("failed"),
                                    None: self.tr("not checked yet")}[state])
            mark.style().unpolish(mark)
            mark.style().polish(mark)
        shown_problems = [key_words.problem_text(p) for p in check.problems
                          if not (p.code == product_key.TOO_SHORT and len(check.key) < product_key.KEY_LENGTH
                                  and check.characters_ok)]
        self.problems.show_error("\n".join(shown_problems) or None)
        self.gvlk_warning.setText(key_words.gvlk_message(check.gvlk) if check.gvlk else "")
        self.gvlk_warning.setVisible(bool(check.gvlk))
        only_checksum = check.complete and [p.code for p in check.problems] == [product_key.CHECKSUM]
        self.use_anyway.setVisible(only_checksum)
        if not only_checksum and self.use_anyway.isChecked():
            self.use_anyway.setChecked(False)
        self.command.setText(f"cscript ospp.vbs /inpkey:{check.masked}")
        self.copy_command.setEnabled(check.complete)
        if wizard is not None and wizard.currentPage() is self:
            self.value_changed.emit(self._key_value(check))
        self.completeChanged.emit()

    def _use_anyway_toggled(self, _checked: bool) -> None:
        self._update()

    def _checklist_toggled(self, _checked: bool) -> None:
        if self.wizard() is not None:
            self.value_changed.emit({"mak_checklist": self._checklist()})

    def _checklist(self) -> dict[str, bool]:
        return {k: b.isChecked() for k, b in self.checklist.items()}

    def _key_value(self, check: product_key.KeyCheck) -> dict:
        only_checksum = check.complete and [p.code for p in check.problems] == [product_key.CHECKSUM]
        return {"mak": check if check.key else None,
                "mak_used_anyway": self.use_anyway.isChecked() and only_checksum}

    def value(self) -> dict:
        """The key (kept in memory only), whether it is used despite its checksum, the checklist."""
        return {**self._key_value(product_key.check(self.key.text())), "mak_checklist": self._checklist()}

    def _copy_command(self) -> None:
        key = self.key.key()
        QGuiApplication.clipboard().setText(f"cscript ospp.vbs /inpkey:{product_key.group(key)}")

    def isComplete(self) -> bool:
        check = product_key.check(self.key.text())
        if check.valid and check.gvlk is None:
            return True
        only_checksum = check.complete and [p.code for p in check.problems] == [product_key.CHECKSUM]
        return only_checksum and self.use_anyway.isChecked()

    def load(self, session) -> None:
        # The key itself is never saved, so a resumed session asks for it again.
        for item, box in self.checklist.items():
            box.setChecked(bool(session.mak_checklist.get(item)))
