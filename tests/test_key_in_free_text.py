"""A key typed into free text is masked wherever it is saved, and the page says so."""

from __future__ import annotations

import email
import json
from datetime import date
from email import policy

import pytest
from pypdf import PdfReader

from srs_wizard.core import promo, record
from srs_wizard.core.present import promo as promo_words
from srs_wizard.core.present import record as record_words
from srs_wizard.core.session import Session
from tests.test_key_finder import full_width, leaks
from tests.test_mak_page import valid_mak
from tests.test_pdf import NOW, session_for
from tests.test_promo_page import go_to_promo, type_into


def key() -> str:
    return valid_mak()


def plain() -> str:
    return valid_mak().replace("-", "")


def masked() -> str:
    return "*****-*****-*****-*****-" + plain()[-5:]


def spelled_with_spaces() -> str:
    return key().replace("-", " ").lower()


def promo_session() -> Session:
    s = session_for("promo")
    s.promo = promo.PromoRequest(
        company="Contoso " + key(), contact_name="张长门", contact_email="zhang@example.cn",
        contact_phone="+86 10 6552 8899", systems=4, deployment_date=date(2026, 12, 1),
        tam_name="Wang " + spelled_with_spaces(), tam_contact="x@example.cn",
        note="装好了: " + full_width(key()) + "\n谢谢")
    s.notes = "key\t" + key().replace("-", "\u2013")
    s.site = "3F " + plain()
    return s


def test_the_record_masks_every_key_and_loads_again():
    rec = promo_session().to_record(now=NOW, machine="PC")
    text = rec.dumps()
    assert not leaks(text, plain())
    data = json.loads(text)
    assert data["promo"]["note"] == "装好了: " + masked() + "\n谢谢"
    assert data["promo"]["company"] == "Contoso " + masked()
    assert data["site"] == "3F " + masked()
    assert record_words.validate(data) == []


def test_the_draft_masks_every_key_and_resumes():
    s = promo_session()
    s.kms_inputs.domains = "contoso.com " + key()
    draft = s.to_draft()
    text = json.dumps(draft, ensure_ascii=False)
    assert not leaks(text, plain())
    again = Session.from_draft(json.loads(text))
    assert again.promo.note == "装好了: " + masked() + "\n谢谢"


def test_the_request_to_the_oem_masks_the_key():
    request = promo_session().promo
    for text in (promo_words.body(request), promo_words.subject(request), promo_words.mailto_url(request)):
        assert not leaks(text, plain())
    message = email.message_from_bytes(promo_words.to_eml(request), policy=policy.default)
    assert not leaks(message.get_body().get_content() + str(message["Subject"]), plain())


def test_the_pdf_shows_only_the_last_five(qapp, tmp_path):
    from srs_wizard import pdf

    data = pdf.render_pdf_bytes(promo_session().to_record(now=NOW))
    out = tmp_path / "k.pdf"
    out.write_bytes(data)
    text = "".join(page.extract_text() for page in PdfReader(str(out)).pages)
    assert masked()[-5:] in text
    assert not leaks(text, plain())


@pytest.mark.parametrize("field", ["note", "company", "tam_contact"])
def test_the_promo_page_says_the_key_will_be_masked(make_wizard, qtbot, tmp_path, field):
    data_dir = tmp_path / "appdata"
    wizard = make_wizard(data_dir=data_dir)
    page = go_to_promo(wizard)
    message = page.messages[field]
    assert not message.isVisible()
    if field == "note":
        page.note.setPlainText("key: " + spelled_with_spaces())
    else:
        type_into(page.edits[field], "x " + key())
    assert message.isVisible() and "last 5 characters" in message.text()
    qtbot.waitUntil(lambda: (data_dir / "draft.json").exists(), timeout=3000)
    qtbot.wait(500)
    saved = (data_dir / "draft.json").read_text("utf-8")
    assert not leaks(saved, plain()) and masked() in saved
    # The next start can read its own draft.
    wizard.close()
    again = make_wizard(data_dir=data_dir)
    assert again.has_draft_offer
    again.welcome.resume_button.click()
    again.next()
    again.next()
    resumed = again.promo_page
    shown = resumed.note.toPlainText() if field == "note" else resumed.edits[field].text()
    assert masked() in shown  # the masked form, which is no longer a key
    if field == "note":
        resumed.note.setPlainText("no key here")
    else:
        type_into(resumed.edits[field], "no key here")
    assert "last 5" not in resumed.messages[field].text() or not resumed.messages[field].isVisible()


def test_the_summary_page_says_a_typed_key_is_masked(make_wizard):
    from srs_wizard import flow
    from tests.helpers import fill_welcome

    def to_summary(wizard, customer):
        fill_welcome(wizard, technician="李工", customer=customer, site="3F")
        wizard.next()
        wizard.choose_path.buttons[flow.CHOICE_MAK].click()
        wizard.next()
        wizard.mak_page.key.setText(key())
        wizard.next()
        assert wizard.currentId() == flow.Page.ACTIVATION
        wizard.next()  # on without checking: recorded as "activation not checked"
        assert wizard.currentId() == flow.Page.SUMMARY
        return wizard.summary_page

    page = to_summary(make_wizard(), "Contoso")
    assert not page.key_note.isVisible()
    page = to_summary(make_wizard(), "Contoso " + spelled_with_spaces())
    assert page.key_note.isVisible() and "last 5 characters" in page.key_note.text()
    assert not leaks(page.view.toPlainText(), plain())


def test_a_note_longer_than_a_record_keeps_is_refused_on_the_page():
    request = promo_session().promo
    from dataclasses import replace

    assert "note" not in promo.check_request(replace(request, note="x" * record.MAX_NOTE)).errors
    too_long = promo.check_request(replace(request, note="x" * (record.MAX_NOTE + 1)))
    assert "100,000" in promo_words.problem_text(too_long.errors["note"])
