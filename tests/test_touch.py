"""The wizard under a finger and in two languages, through its real widgets: the language
switch on every page, the whole row of a choice, fields judged when typing pauses, the
contact completer, a message that moves nothing."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCompleter, QWizard

from srs_wizard import flow
from tests.helpers import fill_welcome, go_to_kms
from tests.test_promo_page import go_to_promo, type_into

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def english_after():
    yield
    from srs_wizard.ui import language

    language.install("en")


def test_the_language_switch_is_on_every_page_and_rewords_the_status_line(make_wizard, qtbot, english_after,
                                                                         dnsmasq, kms_zone):
    wizard = make_wizard(language="en")
    switch = wizard.button(QWizard.CustomButton2)
    assert switch.isVisible() and switch.text() == "简体中文" and switch.accessibleName() == "Language"
    page = go_to_kms(wizard, qtbot)
    zone, _ = kms_zone
    server = dnsmasq(zone)
    page.domains.setText("contoso.test")
    page.nameserver.setText(server.address)
    page.check_button.click()
    qtbot.waitUntil(lambda: page._task is None, timeout=15000)
    assert page.status.text().startswith("Checked in")
    assert switch.isVisible()
    qtbot.mouseClick(switch, Qt.LeftButton)
    assert wizard.language == "zh_CN"
    assert CJK.search(page.status.text()), page.status.text()  # the status line too
    assert CJK.search(page.title()) and wizard.button(QWizard.CancelButton).text() == "取消"
    assert switch.text() == "English" and switch.accessibleName() == "语言"
    assert wizard.welcome.language.currentData() == "zh_CN"  # the welcome page's control agrees
    assert page.domains.text() == "contoso.test"  # nothing typed is lost
    qtbot.mouseClick(switch, Qt.LeftButton)
    assert page.status.text().startswith("Checked in") and wizard.settings.value("ui/language") == "en"


def test_a_quick_check_says_under_a_tenth_of_a_second(make_wizard):
    wizard = make_wizard()
    wizard.ensure_pages()
    page = wizard.kms_page
    assert page.checked_in(40) == "Checked in under 0.1 s."
    assert page.checked_in(1250) == "Checked in 1.2 s." or page.checked_in(1250) == "Checked in 1.3 s."


def test_tapping_a_choices_description_chooses_it(make_wizard, qtbot):
    wizard = make_wizard()
    fill_welcome(wizard)
    wizard.next()
    page = wizard.choose_path
    description = page.explanations[flow.CHOICE_MAK]
    assert not page.buttons[flow.CHOICE_MAK].isChecked()
    qtbot.mouseClick(description, Qt.LeftButton, pos=QPoint(description.width() // 2, description.height() // 2))
    assert page.buttons[flow.CHOICE_MAK].isChecked() and page.choice() == flow.CHOICE_MAK


def test_an_address_is_judged_when_typing_pauses_or_the_field_is_left(make_wizard, qtbot):
    wizard = make_wizard()
    page = go_to_promo(wizard)
    email = page.edits["contact_email"]
    email.setFocus()
    qtbot.waitUntil(email.hasFocus, timeout=2000)
    qtbot.keyClicks(email, "zhang@")
    assert not page.messages["contact_email"].isVisible()  # not scolded mid-word
    qtbot.waitUntil(lambda: page.messages["contact_email"].isVisible(), timeout=3000)  # the pause came
    assert "not a valid email" in page.messages["contact_email"].text()
    qtbot.keyClicks(email, "example.cn")
    assert not page.messages["contact_email"].isVisible()  # right again: cleared at once
    phone = page.edits["contact_phone"]
    phone.setFocus()
    qtbot.keyClicks(phone, "12ab")
    assert not page.messages["contact_phone"].isVisible()
    page.systems.setFocus()
    qtbot.waitUntil(lambda: page.messages["contact_phone"].isVisible(), timeout=2000)  # left the field


def test_a_message_moves_nothing_below_its_field(make_wizard, qtbot):
    wizard = make_wizard()
    page = go_to_promo(wizard)
    below = page.edits["contact_phone"]
    qtbot.wait(50)
    before = below.mapTo(page, QPoint(0, 0))
    type_into(page.edits["contact_email"], "zhang.wei@")
    page.systems.setFocus()
    type_into(page.edits["tam_name"], "Wang")
    qtbot.waitUntil(lambda: page.messages["contact_email"].isVisible(), timeout=2000)
    qtbot.wait(50)
    assert below.mapTo(page, QPoint(0, 0)) == before


def test_the_contact_completer_offers_earlier_contacts_not_the_technician(make_wizard, qtbot, tmp_path):
    wizard = make_wizard()
    page = go_to_promo(wizard)
    assert page.edits["contact_name"].completer() is None  # nobody yet, and never the technician (李工)
    type_into(page.edits["contact_name"], "张伟")
    type_into(page.edits["contact_email"], "zhang.wei@example.cn")
    type_into(page.edits["contact_phone"], "+86 10 6552 8899")
    page.copy_button.click()
    again = make_wizard()
    page2 = go_to_promo(again)
    completer = page2.edits["contact_name"].completer()
    assert completer is not None and completer.completionMode() == QCompleter.InlineCompletion  # no popup
    offered = [completer.model().index(i, 0).data() for i in range(completer.model().rowCount())]
    assert offered == ["张伟"]


def test_save_pdf_opens_in_documents_first_then_where_the_last_file_went(make_wizard, qtbot, tmp_path):
    from PySide6.QtCore import QStandardPaths

    from tests.test_save_pdf import to_summary

    wizard = make_wizard()
    page, failures = to_summary(wizard)
    suggested = []
    folder = tmp_path / "pdfs"
    folder.mkdir()
    page.choose_save_path = lambda s: suggested.append(s) or str(folder / "room.pdf")
    wizard.button(QWizard.CustomButton1).click()
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert not failures
    documents = QStandardPaths.writableLocation(QStandardPaths.DocumentsLocation)
    assert documents and Path(suggested[0]).parent == Path(documents)  # not the program's own folder
    assert Path(page.suggested_path()).parent == folder  # then remembered


def test_no_domain_is_a_neutral_note_until_the_technician_types(make_wizard, qtbot, tmp_path):
    conf = tmp_path / "resolv.conf"
    conf.write_text("nameserver 127.0.0.1\n")
    wizard = make_wizard()
    wizard.ensure_pages()
    wizard.kms_page.resolv_conf = str(conf)
    page = go_to_kms(wizard, qtbot)
    message = page.domains_message
    assert message.isVisible() and message.property("kind") == "note"  # not red before anything was done
    assert not page.check_button.isEnabled()
    page.domains.setFocus()
    page.domains.insert("x")
    page.domains.selectAll()
    page.domains.del_()
    assert message.isVisible() and message.property("kind") == "error"


def test_the_welcome_page_marks_every_field_required_and_says_what_is_missing(make_wizard):
    wizard = make_wizard()
    page = wizard.welcome
    assert all(label.text().endswith("*") for label in page.labels.values())
    fill_welcome(wizard)
    assert not page.needed.isVisible()
    page.site.setFocus()
    page.site.selectAll()
    page.site.del_()
    assert not wizard.button(QWizard.NextButton).isEnabled()
    assert page.needed.isVisible() and "Site name" in page.needed.text() and "Required" in page.needed.text()


def test_a_verdict_has_one_colour_on_the_kms_page_and_in_the_summary(make_wizard, qtbot):
    from srs_wizard.core import kms
    from srs_wizard.core.present.summary import VERDICT_COLOURS, kms_section
    from tests.pdf_records import kms_not_found_rogue

    wizard = make_wizard()
    page = go_to_kms(wizard, qtbot)
    check = kms_not_found_rogue()
    page.show_result(check)
    colour = page.verdict_title.palette().color(page.verdict_title.foregroundRole()).name()
    assert colour == VERDICT_COLOURS[kms.NOT_FOUND]
    assert f"color:{VERDICT_COLOURS[kms.NOT_FOUND]}" in kms_section(check)


def test_the_calendar_days_and_the_page_scrolling_suit_a_finger(make_wizard, qtbot):
    from PySide6.QtWidgets import QAbstractSpinBox, QScroller, QTableView

    wizard = make_wizard()
    page = go_to_promo(wizard)
    calendar = page.deployment_date.calendarWidget()
    calendar.resize(calendar.minimumSizeHint().expandedTo(calendar.minimumSize()))
    calendar.show()
    qtbot.waitExposed(calendar)
    days = calendar.findChild(QTableView)
    assert min(days.rowHeight(r) for r in range(1, days.model().rowCount())) >= 40
    assert min(days.columnWidth(c) for c in range(days.model().columnCount())) >= 40
    calendar.hide()
    assert page.systems.buttonSymbols() == QAbstractSpinBox.NoButtons  # a plain field, no 14 px arrows
    from PySide6.QtWidgets import QScrollArea

    for area in page.findChildren(QScrollArea):
        assert QScroller.hasScroller(area.viewport())  # a swipe scrolls the page


def test_the_activation_status_line_rewords_with_the_language(make_wizard, qtbot, english_after):
    from tests.test_activation_page import CORPUS, to_activation_by_mak

    wizard = make_wizard(language="en")
    page = to_activation_by_mak(wizard)
    page.choose_file = lambda: str(CORPUS / "dstatus_mak_licensed.txt")
    page.open_file.click()
    qtbot.waitUntil(lambda: page.status.text().startswith("Read "), timeout=10000)
    qtbot.mouseClick(wizard.button(QWizard.CustomButton2), Qt.LeftButton)
    assert CJK.search(page.status.text()), page.status.text()
    assert "dstatus_mak_licensed.txt" in page.status.text()
