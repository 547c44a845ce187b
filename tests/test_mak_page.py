"""The MAK page through its real widgets: grouping, paste, rules, GVLK, Next gating, masking."""

from __future__ import annotations

import json
import logging

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QWizard

from srs_wizard import flow
from tests.helpers import fill_welcome

GVLK = "2MG3G-3BNTT-3MFW9-KDQW3-TCK7R"
# A key that passes every offline check and is not a published GVLK (one found by search:
# the Lync GVLK with its group id changed and the checksum recomputed).
VALID = None


def valid_mak() -> str:
    global VALID
    if VALID is None:
        import random

        from srs_wizard.core import product_key as pk

        rng = random.Random(7)
        while True:
            chars = [rng.choice(pk.ALPHABET) for _ in range(24)]
            chars.insert(rng.randrange(24), "N")
            key = "".join(chars)
            if pk.check(key).valid and key not in pk.PUBLISHED_GVLKS:
                VALID = pk.group(key)
                return VALID
    return VALID


def go_to_mak(wizard):
    fill_welcome(wizard)
    wizard.next()
    wizard.choose_path.buttons[flow.CHOICE_MAK].click()
    wizard.next()
    assert wizard.currentId() == flow.Page.MAK
    return wizard.mak_page


def type_text(qtbot, edit, text):
    edit.setFocus()
    for char in text:
        qtbot.keyClicks(edit, char)


def test_typing_groups_lower_case_and_spaces(make_wizard, qtbot):
    page = go_to_mak(make_wizard())
    type_text(qtbot, page.key, "2mg3g 3bntt3mf")
    assert page.key.text() == "2MG3G-3BNTT-3MF"
    assert page.key.cursorPosition() == len(page.key.text())
    assert page.rule_marks["length"].text() == "…"
    assert not page.problems.isVisible()  # an unfinished key is not an error


def test_paste_a_line_and_rules_pass(make_wizard, qtbot, caplog):
    caplog.set_level(logging.DEBUG)
    wizard = make_wizard()
    page = go_to_mak(wizard)
    key = valid_mak()
    QGuiApplication.clipboard().setText(f"Product key: {key.lower()}  (from VLSC)")
    page.key.setFocus()
    page.key.paste()
    assert page.key.text() == key
    assert [page.rule_marks[r].text() for r in ("length", "characters", "single_n", "checksum", "not_gvlk")] == [
        "✔"
    ] * 5
    assert page.key.echoMode() == QLineEdit.Password  # hidden once complete and passing
    assert not page.show_key.isChecked()
    assert wizard.button(QWizard.NextButton).isEnabled()
    page.show_key.click()
    assert page.key.echoMode() == QLineEdit.Normal
    for box in page.checklist.values():
        box.click()
    page.copy_command.click()
    assert QGuiApplication.clipboard().text() == f"cscript ospp.vbs /inpkey:{key}"
    assert key not in page.command.text()
    wizard.next()
    assert wizard.currentId() == flow.Page.ACTIVATION
    wizard.next()
    assert wizard.currentId() == flow.Page.SUMMARY
    html = wizard.summary_page.view.toHtml()
    masked = "*****-*****-*****-*****-" + key[-5:]
    assert masked in html
    secret = key.replace("-", "")
    head = secret[:20]
    record = wizard.session.to_record().dumps()
    draft = json.dumps(wizard.session.to_draft())
    wizard.summary_page.copy_summary.click()
    copied = QGuiApplication.clipboard().text()
    assert masked in copied and "Contoso" in copied  # the summary as text, for a ticket
    for text in (html, record, draft, caplog.text, copied):
        assert head not in text.replace("-", "")
        assert key[:11] not in text
    assert '"vlsc_sign_in": true' in record


def test_gvlk_is_caught_and_blocks_next(make_wizard, qtbot):
    wizard = make_wizard()
    page = go_to_mak(wizard)
    page.key.setText(GVLK)
    page.key.textEdited.emit(GVLK)
    assert page.gvlk_warning.isVisible()
    assert "Lync 2013" in page.gvlk_warning.text() and "not a MAK" in page.gvlk_warning.text()
    assert page.rule_marks["not_gvlk"].text() == "✘"
    assert not wizard.button(QWizard.NextButton).isEnabled()


def test_bad_character_and_checksum_use_anyway(make_wizard, qtbot):
    wizard = make_wizard()
    page = go_to_mak(wizard)
    page.key.setText("OMG3G-3BNTT-3MFW9-KDQW3-TCK7R")
    assert page.problems.isVisible() and "Character 1" in page.problems.text()
    assert not page.use_anyway.isVisible()
    assert not wizard.button(QWizard.NextButton).isEnabled()
    page.key.setText("2MG3G-3BNTT-3MFW9-KDQW3-TCK7B")  # one typo: only the checksum fails
    assert "checksum" in page.problems.text().lower()
    assert page.key.echoMode() == QLineEdit.Normal  # left readable to compare with the original
    assert page.use_anyway.isVisible()
    assert not wizard.button(QWizard.NextButton).isEnabled()
    page.use_anyway.click()
    assert wizard.button(QWizard.NextButton).isEnabled()
    wizard.next()
    record = wizard.session.to_record().to_json()
    assert record["mak"]["used_anyway"] is True and record["mak"]["checksum_ok"] is False
    assert "used_anyway" in json.dumps(record)


def test_accessible_names(make_wizard):
    wizard = make_wizard()
    wizard.ensure_pages()
    names = {w.accessibleName() for w in wizard.mak_page.findChildren(object) if hasattr(w, "accessibleName")}
    assert {"Product key", "Show product key", "Use key anyway"} <= names
