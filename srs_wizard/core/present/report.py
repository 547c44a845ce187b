"""The readable text reports: the command line prints them, the wizard copies them."""

from __future__ import annotations

import unicodedata
from typing import Sequence

from srs_wizard.core.present import advice
from srs_wizard.core.present import kms as kms_words
from srs_wizard.i18n import translate


def display_width(text: str) -> int:
    """Columns the text takes in a terminal: Chinese characters (wide, full-width) take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 0 if unicodedata.combining(c) else 1
               for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    widths = [display_width(h) for h in headers]
    for row in rows:
        widths = [max(w, display_width(c)) for w, c in zip(widths, row)]
    lines = ["  ".join(_pad(h, w) for h, w in zip(headers, widths)).rstrip()]
    lines.append("  ".join("-" * w for w in widths))
    lines += ["  ".join(_pad(c, w) for c, w in zip(row, widths)).rstrip() for row in rows]
    return "\n".join(lines)


def format_kms_report(check, verdict=None) -> str:
    """The readable report: domains, hosts, verdict and next steps (also copied by the GUI).
    ``verdict``: the room verdict (core.judge) when there is more evidence than this check."""
    dash = "-"
    out = []
    problem = kms_words.config_problem_text(check.config_problem)
    if problem:
        out.append(problem)
    if check.domains:
        out.append(_table(
            [translate("report", "Domain"), translate("report", "From"), translate("report", "Status"),
             translate("report", "ms"), translate("report", "Message")],
            [[d.name, advice.source_label(d.source), kms_words.status_label(d.status), f"{d.elapsed_ms:.0f}",
              kms_words.domain_message(d)]
             for d in check.domains],
        ))
    used = kms_words.used_domain_line(check)
    if used:
        out.append(used)
    if check.hosts:
        out.append("")
        out.append(kms_words.hosts_heading())
        out.append(kms_words.random_pick_line())
        out.append(_table(kms_words.host_headers(), kms_words.host_rows(check, dash)))
    for note in kms_words.notes(check):
        out.append(note)
    if out:
        out.append("")
    out.append(translate("report", "{verdict}: {sentence}").format(verdict=advice.verdict_title(check.verdict, check),
                                                                   sentence=advice.verdict_sentence(check)))
    from srs_wizard.core.present import judge as judge_words

    warning = judge_words.rogue_warning(check)
    if warning:
        out.append(warning)
    if verdict is not None:
        out += judge_words.disagreements(verdict)  # the console's own answers outrank this check
    steps = judge_words.steps(verdict) if verdict is not None else judge_words.kms_steps(check)
    if steps:
        out.append("")
        out.append(translate("report", "Next steps:"))
        out += [f"  {i}. {s}" for i, s in enumerate(steps, 1)]
    checklist = advice.admin_checklist(check)
    if checklist:
        out.append("")
        out.append(kms_words.admin_checklist_heading())
        out += [f"  [ ] {item}" for item in checklist]
    return "\n".join(out)


def format_key_report(result) -> str:
    ok, bad, na = translate("report", "ok"), translate("report", "FAILED"), translate("report", "not checked")

    def mark(value):
        return na if value is None else (ok if value else bad)

    rows = [
        (translate("report", "Key:"), result.masked),
        (translate("report", "25 characters:"), mark(result.complete)),
        (translate("report", "Characters:"), mark(result.characters_ok)),
        (translate("report", "One N:"), mark(result.single_n_ok)),
        (translate("report", "Checksum:"), mark(result.checksum_ok)),
    ]
    width = max(display_width(label) for label, _ in rows)
    lines = [f"{_pad(label, width)} {value}" for label, value in rows]
    from srs_wizard.core.present.product_key import gvlk_message, more_problems_line, problem_text

    for problem in result.problems:
        lines.append(f"  - {problem_text(problem)}")
    if result.more_problems:
        lines.append(f"  - {more_problems_line(result.more_problems)}")
    if result.gvlk:
        lines.append(gvlk_message(result.gvlk))
    lines.append(translate("report", "The key passes every offline check.") if result.valid
                 else translate("report", "The key does not pass the offline checks."))
    return "\n".join(lines)


def format_status_report(report, items, key_matches: bool | None = None) -> str:
    """``read-status``'s readable answer: the verdict, the steps of a room whose only evidence
    is this answer (core.judge), the product table and every code with what to do (each once)."""
    from srs_wizard.core import activation as act
    from srs_wizard.core import judge
    from srs_wizard.core.present import judge as judge_words
    from srs_wizard.core.present.activation import (
        activation_lines,
        product_headers,
        product_name,
        product_rows,
        verdict_title,
    )

    path = "mak" if report.product is not None and report.product.channel == act.MAK else "kms"
    steps = judge_words.steps(judge.judge(path=path, activation=act.ActivationResult(None, None, report,
                                                                                       key_matches)))
    lines = [verdict_title(report.verdict, report.error_code)]
    lines += steps if len(steps) < 2 else [f"{i}. {s}" for i, s in enumerate(steps, 1)]
    if report.product is not None:
        lines.append(translate("activation", "Product: {name}").format(name=product_name(report.product)))
        lines += activation_lines(report.product)
    if report.products:
        lines += ["", _table(product_headers(), product_rows(report.products))]
    if items:
        lines.append("")
        for item in items:
            lines.append(f"- {item.message}")
            if item.action and item.action not in steps:  # each sentence once
                lines.append(f"  {item.action}")
    return "\n".join(lines)


def format_status_and_ids(report, items, ids, key_matches: bool | None = None) -> str:
    """read-status's readable answer: the license state, then any installation IDs (/dinstid)."""
    from srs_wizard.core.present.activation import installation_id_lines

    if not ids:
        return format_status_report(report, items, key_matches)
    lines = installation_id_lines(ids)
    if report.product is None and not report.general_errors:
        lines.append(translate("activation", "This answer shows no license state: run cscript ospp.vbs /dstatus "
                                             "for it."))
        return "\n".join(lines)
    return format_status_report(report, items, key_matches) + "\n\n" + "\n".join(lines)
