"""The promo page and the draft through real widgets."""

from __future__ import annotations

import email
import json
from email import policy

from PySide6.QtCore import QDate
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWizard

from srs_wizard import flow
from tests.helpers import fill_welcome, read_only


def go_to_promo(wizard, customer="北京见长门科技有限公司"):
    fill_welcome(wizard, technician="李工", customer=customer, site="3F 会议室")
    wizard.next()
    wizard.choose_path.buttons[flow.CHOICE_PROMO].click()
    wizard.next()
    assert wizard.currentId() == flow.Page.PROMO
    return wizard.promo_page


def draft_of(data_dir) -> dict:
    """The draft as written so far ({} before the first write; drafts are replaced atomically)."""
    try:
        return json.loads((data_dir / "draft.json").read_text("utf-8"))
    except FileNotFoundError:
        return {}


def type_into(edit, text):
    edit.setFocus()
    edit.selectAll()
    edit.insert(text)  # emits textEdited and marks the field modified, as typing does


def test_bad_values_are_explained_then_fixed(make_wizard, tmp_path):
    wizard = make_wizard()
    page = go_to_promo(wizard)
    assert page.edits["company"].text() == "北京见长门科技有限公司"  # prefilled from the welcome page
    assert page.deployment_date.date() == QDate.currentDate()
    assert not wizard.button(QWizard.NextButton).isEnabled()
    # Untouched blank fields are not scolded, but the page says what is still missing.
    assert not page.messages["contact_email"].isVisible()
    assert page.needed.isVisible()
    assert page.needed.text() == "Still to fill in or correct: Contact name, Contact email, Contact phone."
    type_into(page.edits["contact_name"], "张伟")
    type_into(page.edits["contact_email"], "zhang.wei@")
    type_into(page.edits["contact_phone"], "call me")
    type_into(page.edits["tam_name"], "Wang Fang")
    assert "not a valid email" in page.messages["contact_email"].text()
    assert page.messages["contact_phone"].isVisible()
    assert "TAM" in page.messages["tam_contact"].text()
    assert not wizard.button(QWizard.NextButton).isEnabled()
    assert not page.save_button.isEnabled()
    type_into(page.edits["contact_email"], "zhang.wei@example.cn")
    type_into(page.edits["contact_phone"], "+86 10 6552 8899 ext. 12")
    type_into(page.edits["tam_contact"], "wang.fang@microsoft.example")
    page.systems.setValue(12)
    assert not any(m.isVisible() for m in page.messages.values())
    assert not page.needed.isVisible()
    assert wizard.button(QWizard.NextButton).isEnabled()

    target = tmp_path / "request.eml"
    page.choose_save_path = lambda suggested: str(target)
    page.save_button.click()
    message = email.message_from_bytes(target.read_bytes(), policy=policy.default)
    assert "北京见长门科技有限公司" in message["Subject"] and "12" in message["Subject"]
    assert "wang.fang@microsoft.example" in message.get_body().get_content()

    opened = []
    page.open_url = lambda url: opened.append(url.toString()) or True
    page.mail_button.click()
    assert opened and opened[0].startswith("mailto:")
    page.copy_button.click()
    assert "张伟" in QGuiApplication.clipboard().text()
    wizard.next()
    html = wizard.summary_page.view.toPlainText()
    assert "zhang.wei@example.cn" in html and "saved as .eml" in html and "copied" in html


def test_a_failed_save_keeps_everything(make_wizard, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    wizard = make_wizard()
    page = go_to_promo(wizard)
    type_into(page.edits["contact_name"], "张伟")
    type_into(page.edits["contact_email"], "zhang.wei@example.cn")
    type_into(page.edits["contact_phone"], "+86 10 6552 8899")
    locked = tmp_path / "locked"
    locked.mkdir()
    earlier = locked / "request.eml"
    earlier.write_bytes(b"the earlier request")
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    page.choose_save_path = lambda suggested: str(earlier)
    with read_only(locked):
        page.save_button.click()
    assert warnings and "could not be saved" in warnings[0]
    assert "saved" not in wizard.session.promo_actions
    assert earlier.read_bytes() == b"the earlier request"
    assert page.edits["contact_email"].text() == "zhang.wei@example.cn"


def test_draft_resumes_every_field(make_wizard, qtbot, tmp_path):
    data_dir = tmp_path / "appdata"
    wizard = make_wizard(data_dir=data_dir)
    page = go_to_promo(wizard)
    type_into(page.edits["contact_name"], "张伟")
    type_into(page.edits["contact_email"], "zhang.wei@example.cn")
    type_into(page.edits["oem_name"], "Crestron")
    page.systems.setValue(7)
    page.deployment_date.setDate(QDate(2027, 1, 15))
    page.note.setPlainText("二楼 & <b>3F</b>")
    qtbot.waitUntil(lambda: draft_of(data_dir).get("promo", {}).get("note") == "二楼 & <b>3F</b>", timeout=5000)
    wizard.close()  # the console restarts: nothing finished

    again = make_wizard(data_dir=data_dir)
    assert again.has_draft_offer and again.welcome.resume_box.isVisible()
    assert "北京见长门科技有限公司" in again.welcome.resume_text.text()
    again.welcome.resume_button.click()
    assert again.welcome.site.text() == "3F 会议室"
    again.next()
    assert again.choose_path.choice() == flow.CHOICE_PROMO
    again.next()
    p = again.promo_page
    assert p.edits["contact_name"].text() == "张伟"
    assert p.edits["contact_email"].text() == "zhang.wei@example.cn"
    assert p.edits["oem_name"].text() == "Crestron"
    assert p.systems.value() == 7
    assert p.deployment_date.date() == QDate(2027, 1, 15)
    assert p.note.toPlainText() == "二楼 & <b>3F</b>"
    # Finishing removes the draft; saying "not yet" at the unsaved-PDF question keeps it.
    again.next()
    again.summary_page.confirm_unsaved = lambda: False
    again.accept()
    assert again.isVisible() and (data_dir / "draft.json").exists()
    again.summary_page.confirm_unsaved = lambda: True
    again.accept()
    assert not (data_dir / "draft.json").exists()


def test_truncated_draft_gives_a_message_and_a_fresh_start(make_wizard, tmp_path):
    data_dir = tmp_path / "appdata"
    data_dir.mkdir()
    full = json.dumps({"schema": "srs-wizard/draft/1", "technician": "李工", "customer": "X"})
    (data_dir / "draft.json").write_text(full[: len(full) // 2])
    wizard = make_wizard(data_dir=data_dir)
    assert not wizard.has_draft_offer
    assert wizard.welcome.resume_box.isVisible()
    assert "could not be read" in wizard.welcome.resume_text.text()
    assert not wizard.welcome.resume_button.isVisible()
    assert not (data_dir / "draft.json").exists()
    assert list(data_dir.glob("draft-unreadable-*.json"))


def test_discarding_the_draft_removes_it(make_wizard, qtbot, tmp_path):
    data_dir = tmp_path / "appdata"
    wizard = make_wizard(data_dir=data_dir)
    fill_welcome(wizard, site="Room 9")
    qtbot.waitUntil(lambda: (data_dir / "draft.json").exists(), timeout=2000)
    wizard.shutdown()
    again = make_wizard(data_dir=data_dir)
    again.welcome.discard_button.click()
    assert not (data_dir / "draft.json").exists()
    assert again.welcome.site.text() == ""


def test_accessible_names(make_wizard):
    wizard = make_wizard()
    wizard.ensure_pages()
    names = {w.accessibleName() for w in wizard.promo_page.findChildren(object) if hasattr(w, "accessibleName")}
    assert {"Company name", "Contact name", "Contact email", "Contact phone", "Number of systems",
            "Deployment date", "TAM name", "TAM contact", "OEM name", "OEM email", "Copy request",
            "Save email"} <= names


def test_a_session_with_nothing_typed_leaves_no_draft(make_wizard, qtbot, tmp_path):
    data_dir = tmp_path / "appdata"
    wizard = make_wizard(data_dir=data_dir)
    wizard.ensure_pages()
    wizard.next()  # even walking on without typing is not worth a draft
    assert not wizard._remember_timer.isActive()  # nothing is waiting to be saved
    wizard.close()  # and closing writes whatever would be (it waits for the writes)
    assert not (data_dir / "draft.json").exists()
