"""A record as HTML: the one source for the summary page and the PDF.

Every value is escaped: DNS names, error texts and whatever was typed appear literally.
The HTML stays within what QTextDocument renders (tables, headings, simple CSS).
"""

from __future__ import annotations

import re
from datetime import date, datetime
from html import escape
from typing import Callable

from srs_wizard.core import activation as act
from srs_wizard.core import judge, kms
from srs_wizard.core.present import advice
from srs_wizard.core.present import console as console_words
from srs_wizard.core.present import judge as judge_words
from srs_wizard.core.present import kms as kms_words
from srs_wizard.core.present import product_key as key_words
from srs_wizard.core.promo import PromoRequest
from srs_wizard.core.record import Mak, Record
from srs_wizard.core.text import visible
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
    text = visible("" if value is None else str(value))  # control and bidi characters as escapes
    if len(text) > 256:
        text = _LONG_WORD.sub(lambda m: m.group() + "\u200b", text)
    return escape(text, quote=True)


def path_title(path: str, kms_verdict: str | None = None) -> str:
    """The licensing path in words; for KMS, never more than the check's verdict says."""
    if path == "kms" and kms_verdict is None:  # gone on without a check: nothing was found
        return translate("summary", "KMS (Key Management Service): not checked")
    if path == "kms" and kms_verdict not in kms.USABLE_VERDICTS:
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


def kms_section(check: kms.KmsCheck, verdict: judge.RoomVerdict | None = None,
                console: dict | None = None) -> str:
    """This computer's check. When the console's own evidence disagrees, the sentence is the
    disagreement (the console's word wins), never this computer's conclusion."""
    colour = VERDICT_COLOURS.get(check.verdict, "#333333")
    disagreements = judge_words.disagreements(verdict) if verdict is not None else []
    sentence = " ".join(disagreements) if disagreements else advice.verdict_sentence(check)
    title = advice.verdict_title(check.verdict, check)
    if disagreements:
        colour = "#8a4b00"
        title = translate("summary", "This computer's check: {title}").format(title=title)
    parts = [
        "<h2>" + e(translate("summary", "KMS check")) + "</h2>",
        f'<p class="verdict" style="color:{colour}"><b>{e(title)}</b><br/>{e(sentence)}</p>',
    ]
    problem = kms_words.config_problem_text(check.config_problem)
    if problem:
        parts.append(f"<p>{e(problem)}</p>")
    used = kms_words.used_domain_line(check)
    if used:
        parts.append(f"<p>{e(used)}</p>")
    if check.hosts:
        parts.append("<h3>" + e(kms_words.hosts_heading()) + "</h3>")
        parts.append(f"<p>{e(kms_words.random_pick_line())}</p>")
        parts.append(_grid(kms_words.host_headers(), kms_words.host_rows(check)))
    lookups = judge.console_lookups(console)
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
            + ([judge_words.console_lookup_for(lookups, d.name)] if lookups else [])
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
                ]
                + ([translate("summary", "The console's nslookup")] if lookups else []),
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
    checklist = advice.admin_checklist(check) if verdict is None or verdict.state != judge.LICENSED else []
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


def mak_section(mak: Mak) -> str:
    rows = [
        (translate("summary", "Product key"), mak.masked or ""),
        (
            translate("summary", "Offline checks"),
            translate("summary", "passed") if mak.valid else translate("summary", "not passed"),
        ),
        (translate("summary", "Checksum"), _yes_no(mak.checksum_ok)),
    ]
    if mak.used_anyway:
        rows.append(
            (
                translate("summary", "Note"),
                translate("summary", "The technician chose to use this key although its checksum failed."),
            )
        )
    if mak.gvlk:
        rows.append((translate("summary", "Warning"), key_words.gvlk_message(mak.gvlk)))
    labels = checklist_labels()
    checklist = mak.checklist or {}
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


def warning_boxes(verdict: judge.RoomVerdict) -> str:
    """Each warning its own red box, before anything else is said."""
    return "".join(
        '<table class="warning" width="100%" border="1" cellspacing="0" cellpadding="6" '
        f'style="border-color:#b71c1c; margin-top: 6px;"><tr><td style="color:#b71c1c"><b>{e(text)}</b></td>'
        "</tr></table>"
        for text in judge_words.warnings(verdict)
    )


def activation_banner(data: dict, verdict: judge.RoomVerdict | None = None) -> str:
    """The room verdict in large type: the first thing under the title, after any warning."""
    verdict = verdict or judge.record_verdict(data)
    lines = [judge_words.evidence_line(verdict)] + judge_words.disagreements(verdict)
    return (
        warning_boxes(verdict)
        + f'<p class="activation" style="font-size: 20pt; color: {judge_words.state_colour(verdict)};">'
        f"<b>{e(judge_words.state_title(verdict))}</b></p>"
        + "".join(f'<p class="activation-step">{e(line)}</p>' for line in lines)
    )


def activation_section(data: dict, format_datetime: Callable[[datetime], str],
                       verdict: judge.RoomVerdict | None = None) -> str:
    """Where the answer came from, the checks, every code with what to do, and the product table."""
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
    if result.offline is not None:  # activated without internet, with a confirmation ID (or why not)
        rows.append((translate("summary", "Offline activation"),
                     words.offline_result_text(result.offline, when if result.checked_at else None,
                                               result.report.verdict == act.LICENSED)))
    host = result.host_check
    if host is not None and host.host:
        shown = host.host
        if host.override:
            shown = translate("summary", "{host} (registry override: DNS discovery off until /remhst)").format(
                host=shown
            )
        rows.append((translate("summary", "KMS host the console uses"), shown))
    parts = ["<h2>" + e(translate("summary", "Activation")) + "</h2>", _facts_table(rows)]
    # Each code with its meaning; what to do is in the next steps (each sentence once), and
    # the key check is a note of the verdict.
    said = set(judge_words.steps(verdict)) if verdict is not None else set()
    items = [i for i in words.advice(result.report, None, host) if not i.code.startswith("key_")]
    items = [words.Advice(i.code, i.message, "" if i.action in said else i.action) for i in items]
    if items:
        parts.append("<ul>" + "".join(f"<li>{e(i.message)}" + (f"<br/>{e(i.action)}" if i.action else "")
                                      + "</li>" for i in items) + "</ul>")
    if result.report.products:
        parts.append(_grid(words.product_headers(), words.product_rows(result.report.products)))
    return "".join(parts)


def next_steps(rec: Record) -> list[str]:
    """The room verdict's next steps (the one place they are decided: core.judge)."""
    return judge_words.steps(judge.record_verdict(rec.data))


def signature_lines(rec: Record) -> list[str]:
    """The words under the two signature lines of the PDF."""
    return [
        translate("summary", "Technician: {name}").format(name=rec.technician or ""),
        translate("summary", "Customer: {name}").format(name=rec.customer or ""),
    ]


def summary_html(
    rec: Record,
    for_print: bool = False,
    format_datetime: Callable[[datetime], str] | None = None,
    format_date: Callable[[date], str] | None = None,
    fonts: str = "",
) -> str:
    data = rec.data  # for the judge and the console's words, which read the record's JSON
    fmt_dt = format_datetime or (lambda d: d.strftime("%Y-%m-%d %H:%M %z"))
    fmt_d = format_date or (lambda d: d.isoformat())
    try:
        created = fmt_dt(datetime.fromisoformat(rec.created))
    except (TypeError, ValueError):
        created = rec.created or ""
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
    verdict = judge.record_verdict(data)
    parts.append(activation_banner(data, verdict))
    parts.append(
        '<p class="tool">'
        + e(
            translate("summary", "Recorded by srs-wizard {version} on {when}").format(
                version=rec.app_version or "", when=created
            )
        )
        + "</p>"
    )
    parts.append(
        _facts_table(
            [
                (translate("summary", "Technician"), rec.technician or ""),
                (translate("summary", "Customer"), rec.customer or ""),
                (translate("summary", "Site / room"), rec.site or ""),
                (translate("summary", "Computer"), rec.machine or ""),
            ]
            + ([(translate("summary", "Time zone"), rec.time_zone)] if rec.time_zone else [])
            + [
                (
                    translate("summary", "Licensing path"),
                    path_title(rec.path or "", verdict.kms_verdict),
                ),
            ]
            + console_words.record_rows(data.get("console"), fmt_dt)
        )
    )
    if rec.kms:
        parts.append(kms_section(kms.check_from_json(data["kms"]), verdict, data.get("console")))
    if rec.mak:
        parts.append(mak_section(rec.mak))
    if rec.promo:
        parts.append(promo_section(data["promo"], rec.promo_actions or [], fmt_d))
    parts.append(activation_section(data, fmt_dt, verdict))
    steps = judge_words.steps(verdict)
    if steps:
        parts.append("<h2>" + e(translate("summary", "Next steps")) + "</h2><ol>")
        parts += [f"<li>{e(s)}</li>" for s in steps]
        parts.append("</ol>")
    proven = judge_words.proven(verdict) + judge_words.notes(verdict)
    if proven:
        parts.append("<h2>" + e(translate("summary", "Evidence")) + "</h2><ul>")
        parts += [f"<li>{e(s)}</li>" for s in proven]
        parts.append("</ul>")
    if rec.notes:
        parts.append("<h2>" + e(translate("summary", "Notes")) + "</h2><p>" + e(rec.notes) + "</p>")
    if for_print:
        line = "_" * 34
        technician, customer = (e(text) for text in signature_lines(rec))
        parts.append(
            '<table width="100%" cellspacing="0" cellpadding="6" style="margin-top: 28px;"><tr>'
            f"<td width='50%'><br/><br/>{line}<br/>{technician}</td>"
            f"<td width='50%'><br/><br/>{line}<br/>{customer}</td>"
            "</tr></table>"
        )
    parts.append("</body></html>")
    return "".join(parts)
