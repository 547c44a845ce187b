"""Issue 15 on the promo path: no activation page; the summary page, the saved PDF and the
saved record say "promotional MAK requested; activation pending", first under the title."""

from __future__ import annotations

import json

from pypdf import PdfReader
from PySide6.QtWidgets import QWizard

from srs_wizard import flow
from tests.test_promo_page import go_to_promo, type_into

PENDING = "Promotional MAK requested; activation pending"


def test_the_promo_path_says_activation_pending_on_screen_in_the_pdf_and_the_record(make_wizard, qtbot, tmp_path):
    wizard = make_wizard()
    page = go_to_promo(wizard)
    type_into(page.edits["contact_name"], "张伟")
    type_into(page.edits["contact_email"], "zhang.wei@example.cn")
    type_into(page.edits["contact_phone"], "+86 10 6552 8899")
    page.systems.setValue(4)
    assert wizard.button(QWizard.NextButton).isEnabled()
    wizard.next()
    assert wizard.currentId() == flow.Page.SUMMARY  # the activation page is skipped
    assert wizard.session.activation is None

    shown = wizard.summary_page.view.toPlainText()
    assert PENDING in shown and "Activation not checked" not in shown
    assert shown.index(PENDING) < shown.index("Technician")

    summary = wizard.summary_page
    summary.ask_open = lambda path: False
    summary.offer_folder = lambda folder: False
    failures = []
    summary.show_failure = failures.append
    summary.choose_save_path = lambda suggested: str(tmp_path / "room.pdf")
    wizard.button(QWizard.CustomButton1).click()
    qtbot.waitUntil(lambda: not summary.busy, timeout=20000)
    assert not failures
    text = "\n".join(p.extract_text() for p in PdfReader(str(tmp_path / "room.pdf")).pages)
    assert PENDING in text and "Activation not checked" not in text
    assert text.index(PENDING) < text.index("Technician")
    saved = json.loads((tmp_path / "room.json").read_text("utf-8"))
    assert saved["path"] == "promo" and saved["activation"] is None
