"""A record as HTML: the one source for the summary page and the PDF.

Every value is escaped: DNS names, error texts and whatever was typed appear literally.
The HTML stays within what QTextDocument renders (tables, headings, simple CSS).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from html import escape
from typing import Callable

from srs_wizard.core import kms, product_key
from srs_wizard.core.present import advice
from srs_wizard.core.present import console as console_words
from srs_wizard.core.present import kms as kms_words
from srs_wizard.core.promo import PromoRequest
from srs_wizard.core.record import Record
from srs_wizard.i18n import translate

# One colour a verdict, for the KMS page and the summary alike: good, bad, or a caution.
VERDICT_TONES = {
    kms.READY: "good",
    kms.FOUND: "good",
    kms.UNREACHABLE: "bad",
    kms.NOT_KMS: "bad",
    kms.NOT_FOUND: "caution",
    kms.DNS_ERROR: "bad",
    kms.NO_DOMAIN: "caution",
}
TONE_COLOURS = {"good": "#1b5e20", "bad": "#b71c1c", "caution": "#8a4b00"}
TONE_BACKGROUNDS = {"good": "#e6f4ea", "bad": "#fdecea", "caution": "#fdf0e0"}
VERDICT_COLOURS = {verdict: TONE_COLOURS[tone] for verdict, tone in VERDICT_TONES.items()}


# Qt lays out an unbroken word in time that grows with the square of its length (a
# 100,000-character note took seconds, a megabyte minutes): a long word gets an invisible
# break opportunity (zero-width space) every 256 characters, so layout stays linear. DNS
# names (at most 253) never get one.
_LONG_WORD = re.compile(r"[^\s\u200b]{256}(?=[^\s\u200b])")


def e(value) -> str:
    text = "" if value is None else str(value)
    if len(text) > 256:
        text = _LONG_WORD.sub(lambda m: m.group() + "\u200b", text)
    return escape(text, quote=True)


def path_title(path: str, kms_verdict: str | None = None) -> str:
    """The licensing path in words; for KMS, never more than the check's verdict says."""
    if path == "kms" and kms_verdict is not None and kms_verdict not in kms.USABLE_VERDICTS:
        if kms_verdict in (kms.NOT_FOUND, kms.NO_DOMAIN):
            return translate("summary", "KMS (Key Management Service): no KMS host found in DNS")
        return translate("summary", "KMS (Key Management Service): the check found no working KMS host")
    return {
        "kms": translate("summary", "KMS (Key Management Service) found in DNS"),
        "mak": translate("summary", "MAK from the Volume Licensing Service Center"),
        "promo": translate("summary", "Promotional MAK from the OEM (Office 365 without VLSC access)"),
    }.get(path, path)


def _facts_table(rows: list[tuple[str, str]]) -> str:
    cells = "".join(f'<tr><td class="k" width="32%">{e(k)}</td><td>{e(v)}</td></tr>' for k, v in rows)
    return f'<table class="facts" width="100%" cellspacing="0" cellpadding="4">{cells}</table>'


def _grid(headers: list[str], rows: list[list[str]]) -> str:
    head = "".join(f"<th>{e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>" for row in rows)
    return (
        f'<table class="grid" width="100%" border="1" cellspacing="0" cellpadding="3">'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    )


def _yes_no(value) -> str:
    if value is None:
        return "–"
    return translate("summary", "yes") if value else translate("summary", "no")


def kms_section(check: kms.KmsCheck) -> str:
    colour = VERDICT_COLOURS.get(check.verdict, "#333333")
    parts = [
        "<h2>" + e(translate("summary", "KMS check")) + "</h2>",
        f'<p class="verdict" style="color:{colour}"><b>{e(advice.verdict_title(check.verdict))}</b><br/>'
        f"{e(advice.verdict_sentence(check))}</p>",
    ]
    problem = kms_words.config_problem_text(check.config_problem)
    if problem:
        parts.append(f"<p>{e(problem)}</p>")
    warning = advice.rogue_warning(check)
    if warning:
        parts.append(f'<p class="warning" style="color:#b71c1c"><b>{e(warning)}</b></p>')
    used = kms_words.used_domain_line(check)
    if used:
        parts.append(f"<p>{e(used)}</p>")
    if check.hosts:
        parts.append("<h3>" + e(kms_words.hosts_heading()) + "</h3>")
        parts.append(f"<p>{e(kms_words.random_pick_line())}</p>")
        parts.append(_grid(kms_words.host_headers(), kms_words.host_rows(check)))
    if check.domains:
        parts.append("<h3>" + e(translate("summary", "DNS domains searched")) + "</h3>")
        rows = [
            [
                d.name,
                advice.source_label(d.source),
                kms_words.status_label(d.status),
                kms_words.domain_message(d),
                f"{d.elapsed_ms:.0f}",
            ]
            for d in check.domains
        ]
        parts.append(
            _grid(
                [
                    translate("summary", "Domain"),
                    translate("summary", "From"),
                    translate("summary", "Status"),
                    translate("summary", "Message"),
                    translate("summary", "ms"),
                ],
                rows,
            )
        )
    if check.nameservers:
        parts.append(
            "<p>"
            + e(translate("summary", "DNS servers asked: {servers}").format(servers=", ".join(check.nameservers)))
            + "</p>"
        )
    for note in kms_words.notes(check):
        parts.append(f"<p>{e(note)}</p>")
    checklist = advice.admin_checklist(check)
    if checklist:
        parts.append("<h3>" + e(kms_words.admin_checklist_title()) + "</h3><ul>")
        parts += [f"<li>{e(item)}</li>" for item in checklist]
        parts.append("</ul>")
    return "".join(parts)


def checklist_labels() -> dict[str, str]:
    return {
        "vlsc_sign_in": translate("summary", "The customer's IT knows its VLSC sign-in"),
        "agreement_confirmed": translate(
            "summary", "The volume license agreement is confirmed (finance can confirm it is paid)"
        ),
        "mak_downloaded": translate("summary", "The MAK was downloaded from VLSC"),
    }


def mak_section(mak: dict) -> str:
    rows = [
        (translate("summary", "Product key"), mak.get("masked", "")),
        (
            translate("summary", "Offline checks"),
            translate("summary", "passed") if mak.get("valid") else translate("summary", "not passed"),
        ),
        (translate("summary", "Checksum"), _yes_no(mak.get("checksum_ok"))),
    ]
    if mak.get("used_anyway"):
        rows.append(
            (
                translate("summary", "Note"),
                translate("summary", "The technician chose to use this key although its checksum failed."),
            )
        )
    if mak.get("gvlk"):
        rows.append((translate("summary", "Warning"), product_key.gvlk_message(mak["gvlk"])))
    labels = checklist_labels()
    checklist = mak.get("checklist") or {}
    for key, label in labels.items():
        rows.append((label, _yes_no(checklist.get(key, False))))
    return "<h2>" + e(translate("summary", "MAK")) + "</h2>" + _facts_table(rows)


def promo_section(promo: dict, actions: list[str], format_date: Callable[[date], str]) -> str:
    request = PromoRequest.from_json(promo)
    rows = [
        (translate("summary", "Company name"), request.company),
        (translate("summary", "Deployment contact"), request.contact_name),
        (translate("summary", "Contact email"), request.contact_email),
        (translate("summary", "Contact phone"), request.contact_phone),
        (translate("summary", "Number of systems"), str(request.systems or "")),
        (
            translate("summary", "Deployment date"),
            format_date(request.deployment_date) if request.deployment_date else "",
        ),
        (
            translate("summary", "TAM"),
            f"{request.tam_name} ({request.tam_contact})" if request.tam_name else translate("summary", "none"),
        ),
    ]
    if request.oem_name or request.oem_email:
        rows.append(
            (
                translate("summary", "OEM"),
                " ".join(x for x in (request.oem_name, f"<{request.oem_email}>" if request.oem_email else "") if x),
            )
        )
    if request.note:
        rows.append((translate("summary", "Note"), request.note))
    names = {
        "copied": translate("summary", "copied"),
        "saved": translate("summary", "saved as .eml"),
        "opened": translate("summary", "opened in the mail app"),
    }
    done = translate("summary", ", ").join(names.get(a, a) for a in actions) or translate("summary", "not yet sent")
    rows.append((translate("summary", "Request"), done))
    return "<h2>" + e(translate("summary", "Promotional MAK request")) + "</h2>" + _facts_table(rows)


def _activation_result(data: dict):
    from srs_wizard.core import activation as act

    value = data.get("activation")
    return act.result_from_json(value) if isinstance(value, dict) else None


def activation_banner(data: dict) -> str:
    """The console's own answer, in large type: the first thing under the title."""
    from srs_wizard.core.present import activation as words

    result = _activation_result(data)
    if result is None:
        verdict = words.PROMO_PENDING if data.get("path") == "promo" else words.NOT_CHECKED
        code = None
    else:
        verdict, code = result.report.verdict, result.report.error_code
    title = words.verdict_title(verdict, code)
    step = words.next_step(verdict, code, data.get("path"), result.report.product if result else None)
    return (
        f'<p class="activation" style="font-size: 20pt; color: {words.verdict_colour(verdict)};">'
        f"<b>{e(title)}</b></p>" + (f'<p class="activation-step">{e(step)}</p>' if step else "")
    )


def activation_section(data: dict, format_datetime: Callable[[datetime], str]) -> str:
    """Where the answer came from, the checks, every code with what to do, and the product table."""
    from srs_wizard.core import activation as act
    from srs_wizard.core.present import activation as words

    result = _activation_result(data)
    if result is None:
        return ""
    sources = {
        "pasted": translate("summary", "pasted from the console"),
        "file": translate("summary", "read from a saved file"),
        "ran": translate("summary", "run on this computer"),
    }
    try:
        when = format_datetime(datetime.fromisoformat(result.checked_at)) if result.checked_at else "–"
    except ValueError:
        when = result.checked_at or "–"
    rows = [
        (translate("summary", "Console's answer"), sources.get(result.source or "", "–")),
        (translate("summary", "Checked at"), when),
    ]
    host = result.host_check
    if host is not None and host.host:
        shown = host.host
        if host.override:
            shown = translate("summary", "{host} (registry override: DNS discovery off until /remhst)").format(
                host=shown
            )
        rows.append((translate("summary", "KMS host the console uses"), shown))
    expected = None
    if data.get("mak") and isinstance(data["mak"].get("masked"), str):
        expected = data["mak"]["masked"][-5:]
    parts = ["<h2>" + e(translate("summary", "Activation")) + "</h2>", _facts_table(rows)]
    items = words.advice(result.report, None, host)
    # The key check as it was made on site (the record keeps only the MAK's last five).
    key_item = words.key_message(
        result.key_matches, result.report.product.last5 if result.report.product else None, expected
    )
    if key_item is not None:
        items.insert(len(items) - len(words.host_message(host)), key_item)
    if items:
        parts.append("<ul>" + "".join(f"<li>{e(i.message)}<br/>{e(i.action)}</li>" for i in items) + "</ul>")
    if result.report.products:
        parts.append(_grid(words.product_headers(), words.product_rows(result.report.products)))
    elif result.report.verdict == act.UNREADABLE:
        parts.append("<p>" + e(words.next_step(act.UNREADABLE)) + "</p>")
    return "".join(parts)


def next_steps(rec: Record) -> list[str]:
    path = rec.data.get("path")
    if path == "kms" and rec.data.get("kms"):
        return advice.next_steps(kms.check_from_json(rec.data["kms"]))
    if path == "mak":
        return [
            translate(
                "summary",
                "Type the MAK in the Skype Room System admin console, or on the console run cscript "
                "ospp.vbs /inpkey:<MAK>, then cscript ospp.vbs /act.",
            ),
            translate(
                "summary",
                "Check the result with cscript ospp.vbs /dstatus: the last 5 characters must match the key above.",
            ),
        ]
    if path == "promo":
        return [
            translate("summary", "Send the request to the OEM and keep their answer with this record."),
            translate(
                "summary",
                "When the MAK arrives, type it in the Skype Room System admin console (or cscript "
                "ospp.vbs /inpkey:<MAK>, then /act).",
            ),
        ]
    return []


def signature_lines(data: dict) -> list[str]:
    """The words under the two signature lines of the PDF."""
    return [
        translate("summary", "Technician: {name}").format(name=data.get("technician", "")),
        translate("summary", "Customer: {name}").format(name=data.get("customer", "")),
    ]


def summary_html(
    rec: Record,
    for_print: bool = False,
    format_datetime: Callable[[datetime], str] | None = None,
    format_date: Callable[[date], str] | None = None,
    fonts: str = "",
) -> str:
    data = rec.data
    fmt_dt = format_datetime or (lambda d: d.strftime("%Y-%m-%d %H:%M %z"))
    fmt_d = format_date or (lambda d: d.isoformat())
    try:
        created = fmt_dt(datetime.fromisoformat(data["created"]))
    except (KeyError, ValueError):
        created = data.get("created", "")
    font_css = f"font-family: {fonts};" if fonts else ""
    grid_size = "7.5pt" if for_print else "9pt"
    style = (
        "<style>"
        f"body {{ {font_css} font-size: 10pt; }}"
        "h1 { font-size: 16pt; margin-bottom: 2px; } h2 { font-size: 13pt; margin-top: 14px; }"
        "h3 { font-size: 11pt; margin-top: 8px; }"
        f"table.grid {{ font-size: {grid_size}; }}"
        "table.grid th { background-color: #e8eef4; text-align: left; }"
        "td { vertical-align: middle; } td.k { color: #444444; }"
        "p.tool { color: #555555; } ul, ol { margin-bottom: 10px; } table.grid { margin-top: 4px; }"
        "</style>"
    )
    parts = [f"<html><head><meta charset='utf-8'/>{style}</head><body>"]
    parts.append("<h1>" + e(translate("summary", "Skype Room System: Skype for Business license")) + "</h1>")
    parts.append(activation_banner(data))
    parts.append(
        '<p class="tool">'
        + e(
            translate("summary", "Recorded by srs-wizard {version} on {when}").format(
                version=data.get("app_version", ""), when=created
            )
        )
        + "</p>"
    )
    parts.append(
        _facts_table(
            [
                (translate("summary", "Technician"), data.get("technician", "")),
                (translate("summary", "Customer"), data.get("customer", "")),
                (translate("summary", "Site / room"), data.get("site", "")),
                (translate("summary", "Computer"), data.get("machine", "")),
                (
                    translate("summary", "Licensing path"),
                    path_title(data.get("path", ""), (data.get("kms") or {}).get("verdict")),
                ),
            ]
            + console_words.record_rows(data.get("console"), fmt_dt)
        )
    )
    if data.get("kms"):
        parts.append(kms_section(kms.check_from_json(data["kms"])))
    if data.get("mak"):
        parts.append(mak_section(data["mak"]))
    if data.get("promo"):
        parts.append(promo_section(data["promo"], data.get("promo_actions") or [], fmt_d))
    parts.append(activation_section(data, fmt_dt))
    steps = next_steps(rec)
    if steps:
        parts.append("<h2>" + e(translate("summary", "Next steps")) + "</h2><ol>")
        parts += [f"<li>{e(s)}</li>" for s in steps]
        parts.append("</ol>")
    if data.get("notes"):
        parts.append("<h2>" + e(translate("summary", "Notes")) + "</h2><p>" + e(data["notes"]) + "</p>")
    if for_print:
        line = "_" * 34
        technician, customer = (e(text) for text in signature_lines(data))
        parts.append(
            '<table width="100%" cellspacing="0" cellpadding="6" style="margin-top: 28px;"><tr>'
            f"<td width='50%'><br/><br/>{line}<br/>{technician}</td>"
            f"<td width='50%'><br/><br/>{line}<br/>{customer}</td>"
            "</tr></table>"
        )
    parts.append("</body></html>")
    return "".join(parts)
