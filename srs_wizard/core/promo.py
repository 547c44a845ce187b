"""The Office 365 promotional MAK request to the OEM: its facts, their checks, the message.

The OEM needs: company name; deployment contact name, email and phone; number of systems;
deployment date; and the TAM's name and contact details when the customer has a Microsoft
Technical Account Manager. We add the OEM's name and address and a free note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from urllib.parse import quote

from srs_wizard.core.product_key import mask_whole_keys
from srs_wizard.i18n import translate

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


@dataclass(frozen=True)
class FieldCheck:
    errors: dict[str, str]
    warnings: dict[str, str]

    @property
    def ok(self) -> bool:
        return not self.errors


def check_email(text: str) -> str | None:
    """None when the address is well-formed (offline: no DNS, no deliverability)."""
    from email_validator import EmailNotValidError, validate_email  # 40 ms of regexes: load on use

    try:
        validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        return translate("promo", "This is not a valid email address: {reason}").format(reason=email_reason(str(exc)))
    return None


def _email_reasons() -> list[tuple[re.Pattern, str]]:
    # email-validator explains in English only: its usual reasons, said in our words so that
    # they are translated with the rest. Anything else keeps the library's own sentence.
    return [
        (r"full-width\" at-sign", translate("promo", "It has the full-width ＠; type the ordinary @ instead.")),
        (r"small commercial at", translate("promo", "It has a small ﹫; type the ordinary @ instead.")),
        (r"^An email address must have an @-sign\.$", translate("promo", "It needs an @, as in name@company.com.")),
        (r"^There must be something before the @-sign\.$", translate("promo", "Something must come before the @.")),
        (r"^There must be something after the @-sign\.$", translate("promo", "Something must come after the @.")),
        (r"^The email address contains invalid characters before the @-sign: (?P<chars>.*)\.$",
         translate("promo", "These characters cannot come before the @: {chars}.")),
        (r"^The part after the @-sign contains invalid characters: (?P<chars>.*)\.$",
         translate("promo", "These characters cannot come after the @: {chars}.")),
        (r"^An email address cannot have two periods in a "
         r"row\.$", translate("promo", "Two dots in a row are not allowed.")),
        (r"^An email address cannot start with a period\.$", translate("promo", "It cannot start with a dot.")),
        (r"^An email address cannot end with a period\.$", translate("promo", "It cannot end with a dot.")),
        (r"^An email address cannot have a period immediately (before|after) the @-sign\.$",
         translate("promo", "A dot cannot stand right next to the @.")),
        (r"It should have a period\.$", translate("promo", "The part after the @ needs a dot, as in company.com.")),
        (r"not within a valid top-level domain",
         translate("promo", "The part after the @ does not end in a real top-level domain (such as .com or .cn).")),
        (r"special-use or reserved name",
         translate("promo", "The part after the @ is a reserved name that email cannot use.")),
        (r"^There can't be anything after the email address\.$", translate("promo", "Nothing may follow the address.")),
    ]


def email_reason(message: str) -> str:
    """email-validator's reason in the user's language where it is one of the usual ones."""
    for pattern, text in _email_reasons():
        match = re.search(pattern, message)
        if match:
            found = {k: v for k, v in match.groupdict().items() if v is not None}
            if "chars" in found:  # the library names a space SPACE
                found["chars"] = found["chars"].replace("SPACE", translate("promo", "space"))
            return text.format(**found)
    return message


def check_phone(text: str) -> str | None:
    """None for a number a person could dial: +international or local, with an extension."""
    body = _EXTENSION.sub("", text)
    if not _PHONE_ALLOWED.match(body):
        return translate("promo", "A phone number may have digits, a leading +, spaces, dashes, brackets and an "
                                  "extension (ext. 123).")
    if "+" in body[1:]:
        return translate("promo", "The + goes only at the start of an international number.")
    if body.count("(") != body.count(")"):
        return translate("promo", "The brackets in the phone number do not match.")
    digits = sum(ch.isdigit() for ch in body)
    if digits < 5:
        return translate("promo", "The phone number is too short to dial.")
    if digits > 15:
        return translate("promo", "The phone number has more than 15 digits.")
    return None


def check_request(request: PromoRequest, today: date | None = None) -> FieldCheck:
    """One plain reason per field that is wrong, and warnings that do not block."""
    today = today or date.today()
    r = request.cleaned()
    errors: dict[str, str] = {}
    warnings: dict[str, str] = {}
    blank = {
        "company": translate("promo", "Enter the company name."),
        "contact_name": translate("promo", "Enter the deployment contact's name."),
        "contact_email": translate("promo", "Enter the deployment contact's email address."),
        "contact_phone": translate("promo", "Enter the deployment contact's phone number."),
    }
    for name, message in blank.items():
        if not getattr(r, name):
            errors[name] = message
    if r.contact_email and (problem := check_email(r.contact_email)):
        errors["contact_email"] = problem
    if r.contact_phone and (problem := check_phone(r.contact_phone)):
        errors["contact_phone"] = problem
    if r.systems is None or isinstance(r.systems, bool) or not isinstance(r.systems, int):
        errors["systems"] = translate("promo", "Enter the number of systems as a whole number.")
    elif not 1 <= r.systems <= MAX_SYSTEMS:
        errors["systems"] = translate("promo", "The number of systems must be from 1 to {max}.").format(max=MAX_SYSTEMS)
    if r.deployment_date is None:
        errors["deployment_date"] = translate("promo", "Enter the deployment date.")
    elif r.deployment_date < today - timedelta(days=365 * 2):
        warnings["deployment_date"] = translate("promo", "This date is more than two years ago; is it right?")
    elif r.deployment_date > today + timedelta(days=365):
        warnings["deployment_date"] = translate("promo", "This date is more than a year ahead; is it right?")
    if r.tam_name and not r.tam_contact:
        errors["tam_contact"] = translate("promo", "Give the TAM's contact details too, or clear the TAM's name.")
    elif r.tam_contact and not r.tam_name:
        errors["tam_name"] = translate("promo", "Give the TAM's name too, or clear the contact details.")
    if r.oem_email and (problem := check_email(r.oem_email)):
        errors["oem_email"] = problem
    if len(r.note) > MAX_NOTE:
        errors["note"] = translate("promo", "The note is too long: at most {limit} characters.").format(
            limit=f"{MAX_NOTE:,}")
    return FieldCheck(errors, warnings)


def subject(request: PromoRequest) -> str:
    r = request.cleaned()
    return translate("promo", "Promotional MAK request: {company}, {count} Skype Room System(s)").format(
        company=r.company, count=r.systems)


def body(request: PromoRequest, format_date=None) -> str:
    """The request as plain text, in the current language."""
    r = request.cleaned()
    fmt = format_date or (lambda d: d.isoformat())
    greeting = (translate("promo", "Hello {oem},").format(oem=r.oem_name) if r.oem_name
                else translate("promo", "Hello,"))
    lines = [
        greeting,
        "",
        translate("promo", "We are an Office 365 customer without access to the Volume Licensing Service Center "
                           "and ask for a promotional MAK for the Skype for Business client of our Skype Room "
                           "Systems."),
        "",
        translate("promo", "Company name: {value}").format(value=r.company),
        translate("promo", "Deployment contact: {value}").format(value=r.contact_name),
        translate("promo", "Contact email: {value}").format(value=r.contact_email),
        translate("promo", "Contact phone: {value}").format(value=r.contact_phone),
        translate("promo", "Number of systems deployed: {value}").format(value=r.systems),
        translate("promo", "Deployment date: {value}").format(
            value=fmt(r.deployment_date) if r.deployment_date else ""),
    ]
    if r.tam_name:
        lines.append(translate("promo", "Microsoft TAM: {name} "
                                        "({contact})").format(name=r.tam_name, contact=r.tam_contact))
    else:
        lines.append(translate("promo", "Microsoft TAM: none"))
    if r.note:
        lines += ["", translate("promo", "Note:"), r.note]
    lines += ["", translate("promo", "Thank you,"), r.contact_name]
    return "\n".join(lines) + "\n"


def to_eml(request: PromoRequest, sender: str | None = None, format_date=None) -> bytes:
    """An RFC 5322 message, UTF-8, ready to open as a draft. Fields never create headers."""
    from email.message import EmailMessage
    from email.policy import SMTP
    from email.utils import formatdate, make_msgid

    r = request.cleaned()
    message = EmailMessage(policy=SMTP)
    if r.oem_email:
        message["To"] = r.oem_email
    if sender or r.contact_email:
        message["From"] = sender or r.contact_email
    message["Subject"] = subject(r)
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain="srs-wizard.invalid")
    message["X-Unsent"] = "1"  # Outlook opens such a file as a draft to send
    message.set_content(body(r, format_date), charset="utf-8")
    return message.as_bytes()


def mailto_url(request: PromoRequest, format_date=None) -> str:
    r = request.cleaned()
    to = quote(r.oem_email, safe="@") if r.oem_email else ""
    return (f"mailto:{to}?subject={quote(subject(r), safe='')}"
            f"&body={quote(body(r, format_date).replace(chr(10), chr(13) + chr(10)), safe='')}")
