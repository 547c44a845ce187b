"""The rollout report as a PDF: one landscape table of rooms, drawn like the single-room PDF.

The HTML is built here from the words of ``srs_wizard.core.present.rollout``; the drawing,
fonts, footer, metadata and ToUnicode repair are those of ``srs_wizard.pdf``.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from typing import Callable

from srs_wizard.core import rollout as rollout_mod
from srs_wizard.core.present import rollout as words
from srs_wizard.core.present.summary import e
from srs_wizard.i18n import translate


def report_title() -> str:
    return translate("rollout", "Skype Room System rollout: licensing report")


def _grid(headers: list[str], rows: list[list[str]], colours: list[str | None] | None = None) -> str:
    # No widths here: the PDF writer sizes each column by its measured content.
    head = "".join(f"<th>{e(h)}</th>" for h in headers)
    body = []
    for i, row in enumerate(rows):
        colour = colours[i] if colours else None
        cells = [f"<td>{e(c)}</td>" for c in row]
        if colour:
            cells[0] = f'<td style="color:{colour}"><b>{e(row[0])}</b></td>'
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (f'<table class="grid" width="100%" border="1" cellspacing="0" cellpadding="2">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")


def rollout_html(report: rollout_mod.Rollout, format_date: Callable[[date], str] | None = None,
                 made: str = "", fonts: str = "") -> str:
    font_css = f"font-family: {fonts};" if fonts else ""
    style = (
        "<style>"
        f"body {{ {font_css} font-size: 9pt; }}"
        "h1 { font-size: 15pt; margin-bottom: 2px; } h2 { font-size: 12pt; margin-top: 12px; }"
        "table.grid { font-size: 7pt; }"
        "table.grid th { background-color: #e8eef4; text-align: left; }"
        "td { vertical-align: top; } p.tool { color: #555555; } p.note { color: #444444; font-size: 7pt; }"
        "</style>"
    )
    parts = [f"<html><head><meta charset='utf-8'/>{style}</head><body>", f"<h1>{e(report_title())}</h1>"]
    if made:
        parts.append(f'<p class="tool">{e(made)}</p>')
    parts.append(f'<p class="tool">{e(words.sources_line(report))}</p>')
    parts.append("<h2>" + e(translate("rollout", "Totals")) + "</h2>")
    totals_rows = [[translate("rollout", "All customers"), *words.totals_cells(report.totals)]]
    if len(report.customers) > 1:
        totals_rows += [[name or "–", *words.totals_cells(t)] for name, t in report.customers]
    parts.append(_grid([translate("rollout", "Customer"), *words.totals_headers()], totals_rows))
    parts.append("<h2>" + e(translate("rollout", "Rooms")) + "</h2>")
    if report.rows:
        parts.append(_grid(words.headers(), [words.row_cells(row, format_date) for row in report.rows],
                           [words.STATUS_COLOURS.get(row.status) for row in report.rows]))
    else:
        parts.append("<p>" + e(translate("rollout", "No record or console report could be read.")) + "</p>")
    if report.not_included:
        parts.append("<h2>" + e(translate("rollout", "Not included")) + "</h2>")
        parts.append(_grid([translate("rollout", "File"), translate("rollout", "Problem")],
                           [[words.file_text(n.file), words.not_included_sentence(n)] for n in report.not_included]))
    parts.append("<h2>" + e(translate("rollout", "How rooms are classified")) + "</h2>")
    parts += [f'<p class="note">{e(line)}</p>' for line in words.classification_notes()]
    parts.append("</body></html>")
    return "".join(parts)


def render_rollout_pdf_bytes(report: rollout_mod.Rollout, locale=None, format_date=None, format_datetime=None,
                             customer: str = "") -> bytes:
    """The report as PDF bytes (landscape). Needs a QGuiApplication; safe on a worker thread."""
    from srs_wizard import pdf

    families = pdf.font_families()
    now = datetime.now().astimezone()
    when = format_datetime(now) if format_datetime else now.isoformat(timespec="minutes")
    made = translate("rollout", "Made on {when}").format(when=when)
    html = rollout_html(report, format_date=format_date, made=made, fonts=pdf._css_families(families))
    names = [name for name, _ in report.customers if name]
    footer = customer or ", ".join(names)
    return pdf.html_to_pdf_bytes(html, title=report_title(), footer=footer, locale=locale, families=families,
                                 landscape=True)


def render_rollout_headless(report: rollout_mod.Rollout, output: str | os.PathLike, language: str = "en") -> None:
    """``srs-wizard rollout -o``: drawn on Qt's offscreen platform, written atomically."""
    from srs_wizard.pdf import write_headless

    write_headless(lambda locale, **dates: render_rollout_pdf_bytes(report, locale=locale, **dates),
                   output, language)
