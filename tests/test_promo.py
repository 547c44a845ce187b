"""The promo-MAK request: each field's checks, the .eml, header injection, mailto."""

from __future__ import annotations

import email
from datetime import date, timedelta
from email import policy
from urllib.parse import parse_qs, unquote, urlsplit

import pytest

from srs_wizard.core import promo
from srs_wizard.core.present import promo as promo_words
from srs_wizard.core.promo import PromoRequest

TODAY = date(2026, 11, 28)

GOOD = PromoRequest(company="北京见长门科技有限公司", contact_name="张伟", contact_email="zhang.wei@example.cn",
                    contact_phone="+86 10 6552 8899 ext. 12", systems=3, deployment_date=date(2026, 12, 1),
                    oem_name="Crestron", oem_email="mak-requests@oem.example")


def errors_for(**changes) -> dict:
    from dataclasses import replace

    return promo.check_request(replace(GOOD, **changes), today=TODAY).errors


def test_good_request_has_no_errors():
    result = promo.check_request(GOOD, today=TODAY)
    assert result.ok and not result.warnings


@pytest.mark.parametrize("field, value", [
    ("company", "Contoso Ltd"), ("company", "北京见长门科技有限公司"), ("company", "Société Générale"),
    ("contact_name", "Nguyễn Văn A"), ("contact_name", "김민준"),
    ("contact_email", "user@bücher.example"), ("contact_email", "first.last+srs@contoso.com"),
    ("contact_phone", "+1 (425) 555-0100"), ("contact_phone", "010-65528899 转 123"),
    ("contact_phone", "(0)20 7946 0958 x 7"), ("contact_phone", "+44 20 7946 0958 #12"),
    ("systems", 1), ("systems", 9999),
])
def test_valid_values(field, value):
    assert field not in errors_for(**{field: value})


@pytest.mark.parametrize("field, value, words", [
    ("company", "   ", "company name"),
    ("contact_name", "", "contact's name"),
    ("contact_email", "zhang.wei@", "not a valid email"),
    ("contact_email", "zhang wei@example.cn", "not a valid email"),
    ("contact_email", "", "email address"),
    ("contact_phone", "call me", "phone number may have"),
    ("contact_phone", "12+34 5678", "only at the start"),
    ("contact_phone", "123", "too short"),
    ("contact_phone", "+1 (425 555-0100", "brackets"),
    ("systems", 0, "from 1 to 9999"),
    ("systems", 10000, "from 1 to 9999"),
    ("systems", None, "whole number"),
    ("deployment_date", None, "deployment date"),
    ("oem_email", "oem@", "not a valid email"),
])
def test_invalid_values_have_one_plain_reason(field, value, words):
    errors = errors_for(**{field: value})
    assert set(errors) == {field}
    assert words in promo_words.problem_text(errors[field])


@pytest.mark.parametrize("field, value, problem", [
    ("company", "   ", {"code": "blank", "field": "company"}),
    ("contact_email", "zhangwei.example.cn", {"code": "email_no_at"}),
    ("contact_email", "zhang wei@example.cn", {"code": "email_bad_chars_before_at", "chars": "SPACE"}),
    ("contact_phone", "123", {"code": "phone_too_short"}),
    ("systems", 0, {"code": "systems_range", "low": 1, "high": 9999}),
    ("note", "x" * (promo.MAX_NOTE + 1), {"code": "note_too_long", "limit": promo.MAX_NOTE}),
])
def test_problems_are_codes_with_parameters_not_words(field, value, problem):
    """The core says what is wrong as a code; the sentence is made in core.present.promo."""
    assert errors_for(**{field: value})[field] == problem
    assert all(p["code"] in promo.PROBLEM_CODES for p in errors_for(**{field: value}).values())


def test_tam_both_or_neither():
    assert errors_for(tam_name="Wang Fang")["tam_contact"]
    assert errors_for(tam_contact="wang@microsoft.com")["tam_name"]
    assert not errors_for(tam_name="Wang Fang", tam_contact="wang@microsoft.com")


def test_dates_far_away_warn_but_do_not_block():
    from dataclasses import replace

    old = promo.check_request(replace(GOOD, deployment_date=TODAY - timedelta(days=3 * 365)), today=TODAY)
    ahead = promo.check_request(replace(GOOD, deployment_date=TODAY + timedelta(days=400)), today=TODAY)
    assert old.ok and old.warnings["deployment_date"] == {"code": promo.DATE_LONG_AGO}
    assert ahead.ok and ahead.warnings["deployment_date"] == {"code": promo.DATE_FAR_AHEAD}
    assert "two years ago" in promo_words.texts(old.warnings)["deployment_date"]


def test_eml_round_trips_with_unicode_headers_and_every_fact():
    raw = promo_words.to_eml(GOOD)
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message["To"] == "mak-requests@oem.example"
    assert "北京见长门科技有限公司" in message["Subject"] and "3" in message["Subject"]
    assert message["X-Unsent"] == "1"
    body = message.get_body().get_content()
    for fact in ("北京见长门科技有限公司", "张伟", "zhang.wei@example.cn", "+86 10 6552 8899 ext. 12", "3",
                 "2026-12-01", "Crestron"):
        assert fact in body
    assert message.get_content_charset() == "utf-8"


def test_header_injection_is_impossible():
    from dataclasses import replace

    evil = replace(GOOD, company="Contoso\r\nBcc: x@y", oem_email="oem@oem.example\r\nBcc: spy@evil.example",
                   contact_name="A\nCc: z@z")
    raw = promo_words.to_eml(evil)
    message = email.message_from_bytes(raw, policy=policy.default)
    assert message["Bcc"] is None and message["Cc"] is None
    headers = raw.split(b"\r\n\r\n", 1)[0]
    assert b"\nBcc:" not in headers and b"\nCc:" not in headers
    # the request itself refuses the address with a line break
    assert "oem_email" in promo.check_request(evil, today=TODAY).errors


def test_mailto_has_subject_and_body():
    url = promo_words.mailto_url(GOOD)
    parts = urlsplit(url)
    assert parts.scheme == "mailto" and unquote(parts.path) == "mak-requests@oem.example"
    query = parse_qs(parts.query)
    assert "北京见长门科技有限公司" in query["subject"][0]
    assert "张伟" in query["body"][0]
    assert "\n" not in url and " " not in url


def test_json_round_trip():
    again = PromoRequest.from_json(GOOD.to_json())
    assert again.cleaned() == GOOD.cleaned()


@pytest.mark.parametrize("address, english, chinese", [
    ("zhang.wei@", "Something must come after the @.", "@ 后面必须有内容。"),
    ("zhang.wei＠example.cn", "full-width ＠", "全角 ＠"),  # what a Chinese input method types
    ("zhang wei@example.cn", "cannot come before the @: space.", "@ 前面不能有这些字符：空格。"),
    ("zhang..wei@example.cn", "Two dots in a row", "两个连续的点"),
    ("zhang.wei@example", "needs a dot", "需要一个点"),
    ("zhangwei.example.cn", "It needs an @", "需要一个 @"),
])
def test_email_reasons_are_plain_and_translated(address, english, chinese):
    from srs_wizard import i18n, qm
    from srs_wizard.core.promo import check_email

    assert english in promo_words.problem_text(check_email(address))
    qm.install_for_cli("zh_CN")
    try:
        reason = promo_words.problem_text(check_email(address))
    finally:
        i18n.set_backend(None)
    assert chinese in reason and english not in reason and "@-sign" not in reason, reason


def test_an_unusual_email_reason_keeps_the_library_words():
    problem = promo.email_problem("Something email-validator adds one day.")
    assert problem == {"code": promo.EMAIL_OTHER, "message": "Something email-validator adds one day."}
    assert promo_words.email_reason(problem) == "Something email-validator adds one day."


@pytest.mark.parametrize("field, value, sentence", [
    ("contact_email", "zhang.wei@", "This is not a valid email address: Something must come after the @."),
    ("contact_email", "zhang wei@example.cn",
     "This is not a valid email address: These characters cannot come before the @: space."),
    ("contact_name", "", "Enter the deployment contact's name."),
    ("deployment_date", None, "Enter the deployment date."),
    ("systems", 10000, "The number of systems must be from 1 to 9999."),
    ("note", "x" * (promo.MAX_NOTE + 1), "The note is too long: at most 100,000 characters."),
    ("tam_name", "Wang Fang", "Give the TAM's contact details too, or clear the TAM's name."),
])
def test_the_sentences_are_the_ones_the_page_always_showed(field, value, sentence):
    shown = promo_words.texts(errors_for(**{field: value}))
    assert sentence in shown.values()
