"""The promotional MAK request in words: each problem of a field (codes from
``srs_wizard.core.promo``), and the request itself (subject, text, .eml, mailto: link),
in the language chosen now."""

from __future__ import annotations

from urllib.parse import quote

from srs_wizard.core import promo
from srs_wizard.core.promo import PromoRequest
from srs_wizard.i18n import translate


def _blank(field: str) -> str:
    return {
        "company": translate("promo", "Enter the company name."),
        "contact_name": translate("promo", "Enter the deployment contact's name."),
        "contact_email": translate("promo", "Enter the deployment contact's email address."),
        "contact_phone": translate("promo", "Enter the deployment contact's phone number."),
        "deployment_date": translate("promo", "Enter the deployment date."),
    }.get(field, field)


def email_reason(problem: dict) -> str:
    """Why an address is not valid (one of promo.EMAIL_CODES), in the user's language; an
    unusual reason keeps email-validator's own sentence."""
    code = problem.get("code")
    if code == promo.EMAIL_OTHER:
        return str(problem.get("message", ""))
    texts = {
        promo.EMAIL_FULL_WIDTH_AT: translate("promo", "It has the full-width ＠; type the ordinary @ instead."),
        promo.EMAIL_SMALL_AT: translate("promo", "It has a small ﹫; type the ordinary @ instead."),
        promo.EMAIL_NO_AT: translate("promo", "It needs an @, as in name@company.com."),
        promo.EMAIL_NOTHING_BEFORE_AT: translate("promo", "Something must come before the @."),
        promo.EMAIL_NOTHING_AFTER_AT: translate("promo", "Something must come after the @."),
        promo.EMAIL_BAD_CHARS_BEFORE_AT: translate("promo", "These characters cannot come before the @: {chars}."),
        promo.EMAIL_BAD_CHARS_AFTER_AT: translate("promo", "These characters cannot come after the @: {chars}."),
        promo.EMAIL_TWO_DOTS: translate("promo", "Two dots in a row are not allowed."),
        promo.EMAIL_STARTS_WITH_DOT: translate("promo", "It cannot start with a dot."),
        promo.EMAIL_ENDS_WITH_DOT: translate("promo", "It cannot end with a dot."),
        promo.EMAIL_DOT_NEXT_TO_AT: translate("promo", "A dot cannot stand right next to the @."),
        promo.EMAIL_DOMAIN_NO_DOT: translate("promo", "The part after the @ needs a dot, as in company.com."),
        promo.EMAIL_NO_TLD: translate(
            "promo", "The part after the @ does not end in a real top-level domain (such as .com or .cn)."),
        promo.EMAIL_RESERVED_NAME: translate("promo", "The part after the @ is a reserved name that email cannot use."),
        promo.EMAIL_TRAILING: translate("promo", "Nothing may follow the address."),
    }
    text = texts.get(code, str(code))
    chars = problem.get("chars")
    if chars is not None:  # the library names a space SPACE
        return text.format(chars=str(chars).replace("SPACE", translate("promo", "space")))
    return text


def problem_text(problem: dict) -> str:
    """One plain sentence for a field's problem (``{"code": ..., <parameters>}``)."""
    code = problem.get("code")
    if code == promo.BLANK:
        return _blank(str(problem.get("field")))
    if code in promo.EMAIL_CODES:
        return translate("promo", "This is not a valid email address: {reason}").format(reason=email_reason(problem))
    if code == promo.PHONE_BAD_CHARS:
        return translate("promo", "A phone number may have digits, a leading +, spaces, dashes, brackets and an "
                                  "extension (ext. 123).")
    if code == promo.PHONE_PLUS_INSIDE:
        return translate("promo", "The + goes only at the start of an international number.")
    if code == promo.PHONE_BRACKETS:
        return translate("promo", "The brackets in the phone number do not match.")
    if code == promo.PHONE_TOO_SHORT:
        return translate("promo", "The phone number is too short to dial.")
    if code == promo.PHONE_TOO_LONG:
        return translate("promo", "The phone number has more than 15 digits.")
    if code == promo.SYSTEMS_NOT_NUMBER:
        return translate("promo", "Enter the number of systems as a whole number.")
    if code == promo.SYSTEMS_RANGE:
        return translate("promo", "The number of systems must be from 1 to {max}.").format(
            max=problem.get("high", promo.MAX_SYSTEMS))
    if code == promo.DATE_LONG_AGO:
        return translate("promo", "This date is more than two years ago; is it right?")
    if code == promo.DATE_FAR_AHEAD:
        return translate("promo", "This date is more than a year ahead; is it right?")
    if code == promo.TAM_CONTACT_MISSING:
        return translate("promo", "Give the TAM's contact details too, or clear the TAM's name.")
    if code == promo.TAM_NAME_MISSING:
        return translate("promo", "Give the TAM's name too, or clear the contact details.")
    if code == promo.NOTE_TOO_LONG:
        return translate("promo", "The note is too long: at most {limit} characters.").format(
            limit=f"{problem.get('limit', promo.MAX_NOTE):,}")
    return str(code)


def texts(problems: dict[str, dict]) -> dict[str, str]:
    """A FieldCheck's ``errors`` or ``warnings`` as {field: sentence}."""
    return {name: problem_text(problem) for name, problem in problems.items()}


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
