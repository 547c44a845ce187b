"""Saving from the summary page: off the GUI thread, atomic, and a failure loses nothing."""

from __future__ import annotations

import json

from pypdf import PdfReader
from PySide6.QtWidgets import QWizard

from srs_wizard import flow
from tests.helpers import fill_welcome, read_only


def to_summary(wizard):
    fill_welcome(wizard, technician="王小明", customer="北京见长门科技有限公司", site="3F 会议室")
    wizard.next()
    wizard.choose_path.buttons[flow.CHOICE_MAK].click()
    wizard.next()
    wizard.mak_page.key.setText("2MG3G-3BNTT-3MFW9-KDQW3-TCK7B")
    wizard.mak_page.use_anyway.click()
    wizard.next()
    assert wizard.currentId() == flow.Page.ACTIVATION
    wizard.next()
    assert wizard.currentId() == flow.Page.SUMMARY
    page = wizard.summary_page
    page.ask_open = lambda path: False
    page.offer_folder = lambda folder: False
    failures = []
    page.show_failure = failures.append
    return page, failures


def test_save_writes_pdf_and_record_side_by_side(make_wizard, qtbot, tmp_path):
    wizard = make_wizard()
    page, failures = to_summary(wizard)
    suggested = []
    page.choose_save_path = lambda s: suggested.append(s) or str(tmp_path / "room.pdf")
    wizard.button(QWizard.CustomButton1).click()
    assert page.busy and page.progress.isVisible()  # the work is on the pool, not here
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert not failures
    assert suggested[0].endswith(".pdf") and "SRS-license-3F" in suggested[0]
    text = "\n".join(p.extract_text(extraction_mode="layout") for p in PdfReader(str(tmp_path / "room.pdf")).pages)
    assert "北京见长门科技有限公司" in text and "TCK7B" in text
    saved = json.loads((tmp_path / "room.json").read_text("utf-8"))
    assert saved["schema"] == "srs-wizard/record/1" and saved["mak"]["masked"].endswith("TCK7B")
    assert "3BNTT" not in (tmp_path / "room.json").read_text("utf-8")
    assert page.saved_path == str(tmp_path / "room.pdf")


def test_read_only_folder_fails_and_keeps_the_earlier_file(make_wizard, qtbot, tmp_path):
    folder = tmp_path / "shared"
    folder.mkdir()
    earlier = folder / "room.pdf"
    earlier.write_bytes(b"%PDF-1.4 the earlier, signed copy")
    before = earlier.read_bytes()
    wizard = make_wizard()
    page, failures = to_summary(wizard)
    page.choose_save_path = lambda s: str(earlier)
    with read_only(folder):
        wizard.button(QWizard.CustomButton1).click()
        qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert failures and "could not be saved" in failures[0]
    assert str(earlier) in failures[0]
    assert earlier.read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == ["room.pdf"]  # no temporary left behind
    # Nothing typed is lost: the user can save elsewhere at once.
    assert wizard.session.site == "3F 会议室"
    page.choose_save_path = lambda s: str(tmp_path / "elsewhere.pdf")
    wizard.button(QWizard.CustomButton1).click()
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert (tmp_path / "elsewhere.pdf").exists()


def test_finish_asks_before_leaving_without_a_pdf(make_wizard, qtbot, tmp_path):
    wizard = make_wizard()
    page, _failures = to_summary(wizard)
    asked = []
    page.confirm_unsaved = lambda: asked.append(1) or False
    wizard.button(QWizard.FinishButton).click()
    assert asked and wizard.isVisible()  # stayed: the technician said no
    page.choose_save_path = lambda s: str(tmp_path / "done.pdf")
    wizard.button(QWizard.CustomButton1).click()
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    asked.clear()
    wizard.button(QWizard.FinishButton).click()
    assert not asked and not wizard.isVisible()


def test_a_changed_fact_after_saving_asks_again_at_finish(make_wizard, qtbot, tmp_path):
    wizard = make_wizard()
    page, _failures = to_summary(wizard)
    page.choose_save_path = lambda s: str(tmp_path / "first.pdf")
    wizard.button(QWizard.CustomButton1).click()
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert page.saved_path == str(tmp_path / "first.pdf")
    # Back and forth without a change: the saved PDF still matches the record.
    wizard.back()
    wizard.next()
    assert page.saved_path == str(tmp_path / "first.pdf")
    # Back to the welcome page, another room name: the PDF on disk no longer matches.
    while wizard.currentId() != flow.Page.WELCOME:
        wizard.back()
    wizard.welcome.site.setFocus()
    wizard.welcome.site.selectAll()
    wizard.welcome.site.insert("5F 会议室")
    while wizard.currentId() != flow.Page.SUMMARY:
        wizard.next()
    assert page.saved_path is None and "first.pdf" not in page.status.text()
    asked = []
    page.confirm_unsaved = lambda: asked.append(1) or False
    wizard.button(QWizard.FinishButton).click()
    assert asked and wizard.isVisible()
