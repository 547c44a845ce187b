"""The summary as a PDF: the same HTML as the summary page, drawn by Qt, with text that
extracts exactly as it was typed.

Qt's PDF writer embeds font subsets with a ToUnicode map built from the font's own cmap.
Where a CJK font gives one glyph to a unified ideograph and to a radical (见 U+89C1 and
⻅ U+2EC5, 长 and ⻓, 门 and ⻔ ...), Qt may map the glyph back to the radical, so copying
or searching the PDF fails. ``repair_to_unicode`` mends the maps after Qt has written them:
a code point that is not in the document's text but shares its glyph with one that is
becomes that character. The fonts, layout and drawing stay Qt's.
"""

from __future__ import annotations

import io
import os
import re
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QLocale, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QRawFont,
    QTextDocument,
)

from srs_wizard.core.present.summary import summary_html
from srs_wizard.core.record import Record
from srs_wizard.i18n import translate

LATIN_FAMILIES = ("Segoe UI", "Noto Sans", "DejaVu Sans", "Liberation Sans", "Arial")
CJK_FAMILIES = ("Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei",
                "PingFang SC")
RESOLUTION = 300


def font_families() -> list[str]:
    """Latin first (so Latin text keeps its font), then a Chinese font, each as installed."""
    installed = set(QFontDatabase.families())
    latin = [f for f in LATIN_FAMILIES if f in installed][:1]
    cjk = [f for f in CJK_FAMILIES if f in installed][:1]
    return latin + cjk or ["sans-serif"]


def page_size_for(locale: QLocale | None = None) -> QPageSize:
    territory = (locale or QLocale()).territory()
    if territory in (QLocale.UnitedStates, QLocale.Canada):
        return QPageSize(QPageSize.Letter)
    return QPageSize(QPageSize.A4)


def _css_families(families: list[str]) -> str:
    return ", ".join(f"'{f}'" for f in families)


def render_pdf_bytes(record: Record, locale: QLocale | None = None, format_datetime=None,
                     format_date=None) -> bytes:
    """The PDF of a record, as bytes. Safe to call from a worker thread."""
    families = font_families()
    html = summary_html(record, for_print=True, format_datetime=format_datetime, format_date=format_date,
                        fonts=_css_families(families))
    title = translate("pdf", "Skype Room System license record: {site}").format(site=record.data.get("site", ""))
    return html_to_pdf_bytes(html, title=title, author=str(record.data.get("technician", "")),
                             footer=str(record.data.get("customer", "")), locale=locale, families=families)


def html_to_pdf_bytes(html: str, title: str, author: str = "", footer: str = "", locale: QLocale | None = None,
                      families: list[str] | None = None, landscape: bool = False) -> bytes:
    """Any of our HTML as a PDF: the fonts, margins, footer (program, ``footer``, page numbers),
    metadata and ToUnicode repair of the single-room PDF. Safe to call from a worker thread."""
    from srs_wizard import __version__

    families = families or font_families()
    buffer = QBuffer()
    buffer.open(QIODevice.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    orientation = QPageLayout.Landscape if landscape else QPageLayout.Portrait
    writer.setPageLayout(QPageLayout(page_size_for(locale), orientation, QMarginsF(18, 16, 18, 18),
                                     QPageLayout.Millimeter))
    creator = f"srs-wizard {__version__}"
    writer.setTitle(title)
    writer.setCreator(creator)

    document = QTextDocument()
    font = QFont()
    font.setFamilies(families)
    font.setPointSizeF(10)
    document.setDefaultFont(font)
    document.setHtml(html)

    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(translate("pdf", "the PDF could not be started"))
    try:
        page_rect = writer.pageLayout().paintRectPixels(RESOLUTION)
        width, height = page_rect.width(), page_rect.height()
        footer_height = RESOLUTION * 0.35  # about 9 mm
        # Lay the document out at the writer's resolution, so point sizes are true sizes.
        document.documentLayout().setPaintDevice(writer)
        document.setPageSize(QSizeF(width, height - footer_height))
        document.setDocumentMargin(0)
        pages = max(1, document.pageCount())
        footers = [translate("pdf", "Page {page} of {pages}").format(page=n + 1, pages=pages) for n in range(pages)]
        footer_font = QFont(font)
        footer_font.setPointSizeF(8)
        body_height = document.pageSize().height()
        for page in range(pages):
            if page:
                writer.newPage()
            painter.save()
            painter.translate(0, -page * body_height)
            clip = QRectF(0, page * body_height, document.pageSize().width(), body_height)
            document.drawContents(painter, clip)
            painter.restore()
            painter.setFont(footer_font)
            painter.setPen(Qt.darkGray)
            footer_rect = QRectF(0, height - footer_height * 0.8, width, footer_height * 0.8)
            # A long customer name is shortened with "…" so it never runs into the page number.
            metrics = QFontMetricsF(footer_font, writer)
            room = width - metrics.horizontalAdvance(footers[page]) - metrics.horizontalAdvance("    ")
            left = metrics.elidedText(f"{creator} · {footer}", Qt.ElideRight, room)
            painter.drawText(footer_rect, Qt.AlignLeft | Qt.AlignBottom, left)
            painter.drawText(footer_rect, Qt.AlignRight | Qt.AlignBottom, footers[page])
    finally:
        painter.end()
    buffer.close()
    # Everything drawn, so the repair knows every character that is really on the pages.
    text = document.toPlainText() + title + creator + footer + "".join(footers) + " ·…"
    return repair_to_unicode(bytes(buffer.data()), text, families, author=author, title=title, creator=creator)


# --------------------------------------------------------------------------- ToUnicode repair

_BFRANGE = re.compile(rb"beginbfrange(.*?)endbfrange", re.S)
_BFCHAR = re.compile(rb"beginbfchar(.*?)endbfchar", re.S)
_HEX = re.compile(rb"<([0-9A-Fa-f]*)>")


def parse_to_unicode(data: bytes) -> dict[int, str]:
    """CID -> text from a ToUnicode CMap (the bfchar and bfrange forms Qt and others write)."""
    mapping: dict[int, str] = {}

    def text_of(hexstr: bytes) -> str:
        return bytes.fromhex(hexstr.decode()).decode("utf-16-be", errors="replace")

    for block in _BFCHAR.findall(data):
        values = _HEX.findall(block)
        for cid, dest in zip(values[0::2], values[1::2]):
            mapping[int(cid, 16)] = text_of(dest)
    for block in _BFRANGE.findall(data):
        for line in block.splitlines():
            parts = _HEX.findall(line)
            if len(parts) < 3:
                continue
            start, end = int(parts[0], 16), int(parts[1], 16)
            if b"[" in line:
                for offset, dest in enumerate(parts[2:]):
                    if start + offset <= end:
                        mapping[start + offset] = text_of(dest)
            else:
                first = text_of(parts[2])
                for offset in range(end - start + 1):
                    mapping[start + offset] = first[:-1] + chr(ord(first[-1]) + offset) if first else ""
    return mapping


def write_to_unicode(mapping: dict[int, str]) -> bytes:
    lines = [
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
        "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
        "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange",
    ]
    items = sorted(mapping.items())
    for i in range(0, len(items), 100):
        chunk = items[i:i + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        for cid, text in chunk:
            lines.append(f"<{cid:04X}> <{text.encode('utf-16-be').hex().upper()}>")
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return ("\n".join(lines) + "\n").encode("ascii")


def _glyph(raw: QRawFont, char: str) -> int:
    indexes = raw.glyphIndexesForString(char)
    return indexes[0] if indexes else 0


def glyph_alias_fixes(text: str, candidates: set[str], families: list[str]) -> dict[str, str]:
    """For each candidate code point that is not in ``text`` but has the same glyph as a
    character of ``text`` in one of the fonts: that character. Qt names a shared glyph by
    the first code point in the font's cmap: a radical for an ideograph, a tab for a space."""
    wanted = set(text)
    strays = sorted(c for c in candidates if c not in wanted)
    fixes: dict[str, str] = {}
    if not strays:
        return fixes
    for family in families:
        raw = QRawFont.fromFont(QFont(family))
        if not raw.isValid():
            continue
        by_glyph: dict[int, str] = {}
        for c in sorted(wanted):
            g = _glyph(raw, c)
            if g:
                by_glyph.setdefault(g, c)
        for s in strays:
            g = _glyph(raw, s)
            if g and g in by_glyph:
                fixes.setdefault(s, by_glyph[g])
    return fixes


def repair_to_unicode(pdf: bytes, text: str, families: list[str], author: str = "", title: str = "",
                      creator: str = "") -> bytes:
    """Rewrite every font's ToUnicode map so that it yields the characters of ``text``."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    reader = PdfReader(io.BytesIO(pdf))
    writer = PdfWriter(clone_from=reader)
    streams = {}
    for page in writer.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for _name, ref in fonts.items():
            cmap_ref = ref.get_object().get("/ToUnicode")
            if cmap_ref is not None:
                streams[id(cmap_ref.get_object())] = cmap_ref.get_object()
    maps = {key: parse_to_unicode(stream.get_data()) for key, stream in streams.items()}
    candidates = {c for mapping in maps.values() for dest in mapping.values() for c in dest}
    fixes = glyph_alias_fixes(text, candidates, families)
    for key, stream in streams.items():
        mapping = maps[key]
        changed = False
        for cid, dest in mapping.items():
            mended = "".join(fixes.get(c, c) for c in dest)
            if mended != dest:
                mapping[cid] = mended
                changed = True
        if changed:
            stream.set_data(write_to_unicode(mapping))
            if NameObject("/Filter") in stream:
                del stream[NameObject("/Filter")]
    metadata = {"/Title": title, "/Author": author, "/Creator": creator, "/Producer": creator}
    writer.add_metadata({k: v for k, v in metadata.items() if v})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


# --------------------------------------------------------------------------- without a window


def suggested_name(record: Record) -> str:
    site = str(record.data.get("site", "")).strip() or "site"
    safe = "".join(c if (c.isalnum() or c in "-_.") else "-" for c in site).strip("-.") or "site"
    day = str(record.data.get("created", ""))[:10]
    return f"SRS-license-{safe}-{day}.pdf"


def write_headless(render, output: str | os.PathLike, language: str = "en") -> None:
    """Draw a PDF on Qt's offscreen platform for the command line and write it atomically.

    ``render(locale, format_datetime=..., format_date=...)`` returns the PDF's bytes."""
    from PySide6.QtGui import QGuiApplication

    from srs_wizard.core.files import atomic_write
    from srs_wizard.locale_format import locale_for, locale_formatters  # QtCore only

    if QGuiApplication.instance() is None:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        QGuiApplication(sys.argv[:1])
    locale = locale_for(language)
    fmt_dt, fmt_d = locale_formatters(locale)
    atomic_write(Path(output), render(locale, format_datetime=fmt_dt, format_date=fmt_d))


def render_record_headless(record: Record, output: str | os.PathLike, language: str = "en") -> None:
    """``srs-wizard summary``: the same PDF, drawn on Qt's offscreen platform."""
    write_headless(lambda locale, **dates: render_pdf_bytes(record, locale=locale, **dates), output, language)
