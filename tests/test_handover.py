"""Pages own their fields and hand a value over; the controller owns the session and the draft."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard

from srs_wizard import flow
from tests.helpers import fill_welcome

SRC = Path(__file__).resolve().parent.parent / "srs_wizard"
PAGE_MODULES = sorted((SRC / "ui" / "pages").glob("*.py")) + [SRC / "ui" / "console.py"]


def test_every_flow_page_has_exactly_one_page_registered(make_wizard):
    from srs_wizard.ui.wizard import PAGES

    assert set(PAGES) == set(flow.Page)
    attributes = [attribute for attribute, _module, _cls in PAGES.values()]
    assert len(set(attributes)) == len(attributes)
    wizard = make_wizard()
    assert sorted(wizard.pageIds()) == sorted(int(p) for p in flow.Page)
    for page_id, (attribute, _module, cls) in PAGES.items():
        page = getattr(wizard, attribute)
        assert type(page).__name__ == cls
        assert wizard.page(int(page_id)) is page
    assert len({id(p) for p in wizard.all_pages()}) == len(flow.Page)


@pytest.mark.parametrize("path", PAGE_MODULES, ids=lambda p: p.name)
def test_no_page_writes_the_session_or_reads_another_page(path):
    text = path.read_text(encoding="utf-8")
    page_attributes = ("welcome", "choose_path", "kms_page", "mak_page", "promo_page", "summary_page",
                       "activation_page")
    assert not re.search(r"session(\(\))?\.\w+(\.\w+)*\s*(=[^=]|\+=)", text), "pages hand values over"
    assert not re.search(r"session(\(\))?\.\w+\.(append|update|extend|clear)\(", text)
    assert "session_changed" not in text
    for attribute in page_attributes:
        assert not re.search(rf"wizard(\(\))?\.{attribute}\b", text), f"{path.name} reads {attribute}"


def test_the_wizard_reads_no_page_widgets():
    text = (SRC / "ui" / "wizard.py").read_text(encoding="utf-8")
    assert not re.search(r"\.(technician|customer|site)\.text\(\)", text)
    assert ".choice()" not in text
    assert "session." not in text.replace("self.session.flow_state", "")


def test_a_page_value_is_handed_over_on_next_even_without_its_signal(make_wizard, qtbot):
    wizard = make_wizard()
    wizard.welcome.value_changed.disconnect(wizard.controller.apply)  # typed, but handed over only on Next
    fill_welcome(wizard, technician="Kim", customer="Fabrikam", site="Room 9")
    assert wizard.session.customer != "Fabrikam"
    wizard.button(QWizard.NextButton).click()
    assert wizard.currentPage() is wizard.choose_path
    assert (wizard.session.technician, wizard.session.customer, wizard.session.site) == ("Kim", "Fabrikam",
                                                                                      "Room 9")
    wizard.choose_path.buttons[flow.CHOICE_MAK].setChecked(True)
    assert wizard.session.choice == flow.CHOICE_MAK
    wizard.button(QWizard.NextButton).click()
    assert wizard.currentPage() is wizard.mak_page


def test_typing_is_drafted_through_the_controller(make_wizard, qtbot):
    wizard = make_wizard()
    fill_welcome(wizard, technician="Kim", customer="Fabrikam", site="Room 9")
    wizard.welcome.site.setFocus()
    qtbot.keyClicks(wizard.welcome.site, "b")
    assert wizard.session.site == "Room 9b"  # handed over at once
    qtbot.waitUntil(lambda: wizard.draft_path.exists() and json.loads(
        wizard.draft_path.read_text(encoding="utf-8"))["site"] == "Room 9b", timeout=10000)


def test_a_value_for_a_field_a_session_lacks_is_refused(make_wizard):
    wizard = make_wizard()
    with pytest.raises(AttributeError):
        wizard.controller.apply({"no_such_field": 1})


def test_a_page_hands_back_what_it_was_loaded_with(make_wizard):
    """Handing a page's value over on Next never loses what a resumed session held."""
    from srs_wizard.core.session import Session

    session = Session(technician="Kim", customer="Fabrikam", site="Room 9", choice=flow.CHOICE_PROMO,
                      promo_actions=["saved"], mak_checklist={"vlsc_sign_in": True})
    wizard = make_wizard(session=session)
    assert wizard.welcome.value() == {"technician": "Kim", "customer": "Fabrikam", "site": "Room 9"}
    assert wizard.choose_path.value() == {"choice": flow.CHOICE_PROMO}
    assert wizard.promo_page.value()["promo_actions"] == ["saved"]
    assert wizard.mak_page.value()["mak_checklist"]["vlsc_sign_in"] is True
    for page in wizard.all_pages():
        wizard.controller.take(page)
    assert wizard.session.promo_actions == ["saved"] and wizard.session.choice == flow.CHOICE_PROMO
    assert wizard.session.mak_checklist["vlsc_sign_in"] is True
