"""The Office 365 promotional MAK request to the OEM: its facts and their checks, as codes.

The words (each problem, the request's subject and text, the .eml and mailto: link) are
made in ``srs_wizard.core.present.promo``.

The OEM needs: company name; deployment contact name, email and phone; number of systems;
deployment date; and the TAM's name and contact details when the customer has a Microsoft
Technical Account Manager. We add the OEM's name and address and a free note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from srs_wizard.core.product_key import mask_whole_keys

MAX_SYSTEMS = 9999
MAX_NOTE = 100_000  # characters; a saved record keeps no longer note

# The one list of a request's fields, in the order the OEM reads them (PromoRequest has
# exactly these, a test holds them together); every other list of promo fields (the record's
# schema, the wizard's one-line fields, what is required) is drawn from it.
FIELDS = ("company", "contact_name", "contact_email", "contact_phone", "systems", "deployment_date",
          "tam_name", "tam_contact", "oem_name", "oem_email", "note")
OPTIONAL = ("tam_name", "tam_contact", "oem_name", "oem_email", "note")
REQUIRED = tuple(name for name in FIELDS if name not in OPTIONAL)
NOT_TEXT = ("systems", "deployment_date")  # a number and a date; every other field is text
LINE_FIELDS = tuple(name for name in FIELDS if name not in NOT_TEXT and name != "note")  # one line each

_PHONE_ALLOWED = re.compile(r"^[0-9+ ()./\-]+$")
_EXTENSION = re.compile(r"\s*(?:ext\.?|x|#|分机|转)\s*(\d{1,6})\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class PromoRequest:
    company: str = ""
    contact_name: str = ""
    contact_email: str = ""
    contact_phone: str = ""
    systems: int | None = 1
    deployment_date: date | None = None
    tam_name: str = ""
    tam_contact: str = ""
    oem_name: str = ""
    oem_email: str = ""
    note: str = ""

    def cleaned(self) -> "PromoRequest":
        """Text fields trimmed, a newline never surviving in a one-line field, and a whole
        product key typed into any of them masked: everything that is saved or sent is made
        from this, so the key never reaches the draft, the record, the PDF or the OEM."""
        changes = {}
        for name in FIELDS:
            value = getattr(self, name)
            if isinstance(value, str):
                value = value.strip()
                if name != "note":
                    value = " ".join(value.split())
                changes[name] = mask_whole_keys(value)[0]
        return replace(self, **changes)

    def to_json(self) -> dict:
        c = self.cleaned()
        data = {name: getattr(c, name) for name in FIELDS}
        data["systems"] = c.systems if c.systems is not None else 0
        data["deployment_date"] = c.deployment_date.isoformat() if c.deployment_date else ""
        for name in LINE_FIELDS:
            if name in OPTIONAL:
                data[name] = data[name] or None  # null when not given
        return data

    @classmethod
    def from_json(cls, data: dict) -> "PromoRequest":
        when = data.get("deployment_date")
        try:
            parsed = date.fromisoformat(when) if when else None
        except ValueError:
            parsed = None
        systems = data.get("systems")
        return cls(**{name: data.get(name) or "" for name in FIELDS if name not in NOT_TEXT},
                   systems=systems if isinstance(systems, int) else None, deployment_date=parsed)


# What can be wrong with a request (FieldCheck), as codes with parameters, never words:
# ``{"code": "blank", "field": "company"}``; core.present.promo says each in words.
BLANK = "blank"                                # a required field is empty (``field``)
EMAIL_FULL_WIDTH_AT = "email_full_width_at"    # the full-width ＠ of a Chinese input method
EMAIL_SMALL_AT = "email_small_at"              # the small ﹫
EMAIL_NO_AT = "email_no_at"
EMAIL_NOTHING_BEFORE_AT = "email_nothing_before_at"
EMAIL_NOTHING_AFTER_AT = "email_nothing_after_at"
EMAIL_BAD_CHARS_BEFORE_AT = "email_bad_chars_before_at"  # ``chars``: as email-validator lists them
EMAIL_BAD_CHARS_AFTER_AT = "email_bad_chars_after_at"    # ``chars``
EMAIL_TWO_DOTS = "email_two_dots"
EMAIL_STARTS_WITH_DOT = "email_starts_with_dot"
EMAIL_ENDS_WITH_DOT = "email_ends_with_dot"
EMAIL_DOT_NEXT_TO_AT = "email_dot_next_to_at"
EMAIL_DOMAIN_NO_DOT = "email_domain_no_dot"
EMAIL_NO_TLD = "email_no_tld"
EMAIL_RESERVED_NAME = "email_reserved_name"
EMAIL_TRAILING = "email_trailing"
EMAIL_OTHER = "email_other"                    # ``message``: email-validator's own (English) sentence
PHONE_BAD_CHARS = "phone_bad_chars"
PHONE_PLUS_INSIDE = "phone_plus_inside"
PHONE_BRACKETS = "phone_brackets"
PHONE_TOO_SHORT = "phone_too_short"
PHONE_TOO_LONG = "phone_too_long"
SYSTEMS_NOT_NUMBER = "systems_not_number"
SYSTEMS_RANGE = "systems_range"                # ``low``, ``high``
DATE_LONG_AGO = "date_long_ago"                # a warning
DATE_FAR_AHEAD = "date_far_ahead"              # a warning
TAM_CONTACT_MISSING = "tam_contact_missing"
TAM_NAME_MISSING = "tam_name_missing"
NOTE_TOO_LONG = "note_too_long"                # ``limit``
EMAIL_CODES = (EMAIL_FULL_WIDTH_AT, EMAIL_SMALL_AT, EMAIL_NO_AT, EMAIL_NOTHING_BEFORE_AT, EMAIL_NOTHING_AFTER_AT,
               EMAIL_BAD_CHARS_BEFORE_AT, EMAIL_BAD_CHARS_AFTER_AT, EMAIL_TWO_DOTS, EMAIL_STARTS_WITH_DOT,
               EMAIL_ENDS_WITH_DOT, EMAIL_DOT_NEXT_TO_AT, EMAIL_DOMAIN_NO_DOT, EMAIL_NO_TLD, EMAIL_RESERVED_NAME,
               EMAIL_TRAILING, EMAIL_OTHER)
PROBLEM_CODES = (BLANK, *EMAIL_CODES, PHONE_BAD_CHARS, PHONE_PLUS_INSIDE, PHONE_BRACKETS, PHONE_TOO_SHORT,
                 PHONE_TOO_LONG, SYSTEMS_NOT_NUMBER, SYSTEMS_RANGE, DATE_LONG_AGO, DATE_FAR_AHEAD,
                 TAM_CONTACT_MISSING, TAM_NAME_MISSING, NOTE_TOO_LONG)


def _problem(code: str, **params) -> dict:
    return {"code": code, **params}


@dataclass(frozen=True)
class FieldCheck:
    """Per field, one problem that blocks (``errors``) or one that does not (``warnings``),
    each ``{"code": ..., <parameters>}``."""

    errors: dict[str, dict]
    warnings: dict[str, dict]

    @property
    def ok(self) -> bool:
        return not self.errors


def check_email(text: str) -> dict | None:
    """None when the address is well-formed (offline: no DNS, no deliverability), else its
    problem: one of EMAIL_CODES."""
    from email_validator import EmailNotValidError, validate_email  # 40 ms of regexes: load on use

    try:
        validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        return email_problem(str(exc))
    return None


# email-validator explains in English only: its usual reasons, matched here to codes so that
# they are said in our words and translated with the rest. Anything else is EMAIL_OTHER, with
# the library's own sentence.
_EMAIL_REASONS = (
    (r"full-width\" at-sign", EMAIL_FULL_WIDTH_AT),
    (r"small commercial at", EMAIL_SMALL_AT),
    (r"^An email address must have an @-sign\.$", EMAIL_NO_AT),
    (r"^There must be something before the @-sign\.$", EMAIL_NOTHING_BEFORE_AT),
    (r"^There must be something after the @-sign\.$", EMAIL_NOTHING_AFTER_AT),
    (r"^The email address contains invalid characters before the @-sign: (?P<chars>.*)\.$",
     EMAIL_BAD_CHARS_BEFORE_AT),
    (r"^The part after the @-sign contains invalid characters: (?P<chars>.*)\.$", EMAIL_BAD_CHARS_AFTER_AT),
    (r"^An email address cannot have two periods in a row\.$", EMAIL_TWO_DOTS),
    (r"^An email address cannot start with a period\.$", EMAIL_STARTS_WITH_DOT),
    (r"^An email address cannot end with a period\.$", EMAIL_ENDS_WITH_DOT),
    (r"^An email address cannot have a period immediately (before|after) the @-sign\.$", EMAIL_DOT_NEXT_TO_AT),
    (r"It should have a period\.$", EMAIL_DOMAIN_NO_DOT),
    (r"not within a valid top-level domain", EMAIL_NO_TLD),
    (r"special-use or reserved name", EMAIL_RESERVED_NAME),
    (r"^There can't be anything after the email address\.$", EMAIL_TRAILING),
)


def email_problem(message: str) -> dict:
    """email-validator's reason as a code (with the characters it names, as it names them:
    a space is ``SPACE``), or EMAIL_OTHER with its own sentence."""
    for pattern, code in _EMAIL_REASONS:
        match = re.search(pattern, message)
        if match:
            return _problem(code, **{k: v for k, v in match.groupdict().items() if v is not None})
    return _problem(EMAIL_OTHER, message=message)


def check_phone(text: str) -> dict | None:
    """None for a number a person could dial: +international or local, with an extension."""
    body = _EXTENSION.sub("", text)
    if not _PHONE_ALLOWED.match(body):
        return _problem(PHONE_BAD_CHARS)
    if "+" in body[1:]:
        return _problem(PHONE_PLUS_INSIDE)
    if body.count("(") != body.count(")"):
        return _problem(PHONE_BRACKETS)
    digits = sum(ch.isdigit() for ch in body)
    if digits < 5:
        return _problem(PHONE_TOO_SHORT)
    if digits > 15:
        return _problem(PHONE_TOO_LONG)
    return None


def check_request(request: PromoRequest, today: date | None = None) -> FieldCheck:
    """One problem per field that is wrong, and warnings that do not block (codes)."""
    today = today or date.today()
    r = request.cleaned()
    errors: dict[str, dict] = {}
    warnings: dict[str, dict] = {}
    for name in ("company", "contact_name", "contact_email", "contact_phone"):
        if not getattr(r, name):
            errors[name] = _problem(BLANK, field=name)
    if r.contact_email and (problem := check_email(r.contact_email)):
        errors["contact_email"] = problem
    if r.contact_phone and (problem := check_phone(r.contact_phone)):
        errors["contact_phone"] = problem
    if r.systems is None or isinstance(r.systems, bool) or not isinstance(r.systems, int):
        errors["systems"] = _problem(SYSTEMS_NOT_NUMBER)
    elif not 1 <= r.systems <= MAX_SYSTEMS:
        errors["systems"] = _problem(SYSTEMS_RANGE, low=1, high=MAX_SYSTEMS)
    if r.deployment_date is None:
        errors["deployment_date"] = _problem(BLANK, field="deployment_date")
    elif r.deployment_date < today - timedelta(days=365 * 2):
        warnings["deployment_date"] = _problem(DATE_LONG_AGO)
    elif r.deployment_date > today + timedelta(days=365):
        warnings["deployment_date"] = _problem(DATE_FAR_AHEAD)
    if r.tam_name and not r.tam_contact:
        errors["tam_contact"] = _problem(TAM_CONTACT_MISSING)
    elif r.tam_contact and not r.tam_name:
        errors["tam_name"] = _problem(TAM_NAME_MISSING)
    if r.oem_email and (problem := check_email(r.oem_email)):
        errors["oem_email"] = problem
    if len(r.note) > MAX_NOTE:
        errors["note"] = _problem(NOTE_TOO_LONG, limit=MAX_NOTE)
    return FieldCheck(errors, warnings)
