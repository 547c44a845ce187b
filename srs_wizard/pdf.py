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

from PySide6.QtCore import QBuffer, QIODevice, QLocale, QMarginsF, QRectF, Qt
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
    title = translate("pdf", "Skype Room System license record: {site}").format(site=record.site or "")
    return html_to_pdf_bytes(html, title=title, author=str(record.technician or ""),
                             footer=str(record.customer or ""), locale=locale, families=families)


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

    page_rect = writer.pageLayout().paintRectPixels(RESOLUTION)
    width, height = page_rect.width(), page_rect.height()
    footer_height = RESOLUTION * 0.35  # about 9 mm
    body_height = height - footer_height
    document = QTextDocument()
    font = QFont()
    font.setFamilies(families)
    font.setPointSizeF(10)
    document.setDefaultFont(font)
    # One long page, no margin: the page breaks are chosen below, between rows and blocks.
    # Set while the document is empty, so that no setting lays it out again.
    document.setDocumentMargin(0)
    document.setTextWidth(width)
    document.setHtml(keep_tokens_whole(html))
    plain = document.toPlainText().translate({ord(c): p for c, p in SHOWN_AS.items()})
    # The columns sized (fonts measured, nothing laid out yet); then laid out at the writer's
    # resolution, so point sizes are true sizes. Nothing asks for a position before all is
    # set, so Qt lays the document out once.
    size_columns(document, width, writer)
    document.documentLayout().setPaintDevice(writer)
    _lay_out_again(document, width)  # Qt keeps a layout made before the paint device was set

    painter = QPainter()
    if not painter.begin(writer):
        raise OSError(translate("pdf", "the PDF could not be started"))
    try:
        if release_overlong_tokens(document):
            _lay_out_again(document, width)
        slices = paginate(document, body_height)
        pages = len(slices)
        footers = [translate("pdf", "Page {page} of {pages}").format(page=n + 1, pages=pages) for n in range(pages)]
        footer_font = QFont(font)
        footer_font.setPointSizeF(8)
        for page, (top, bottom, header) in enumerate(slices):
            if page:
                writer.newPage()
            offset = 0.0
            if header is not None:  # a table goes on: its header row again, then its next rows
                _draw_slice(painter, document, header[0], header[1], 0.0, width)
                offset = header[1] - header[0]
            _draw_slice(painter, document, top, bottom, offset, width)
            painter.setFont(footer_font)
            painter.setPen(Qt.darkGray)
            footer_rect = QRectF(0, height - footer_height * 0.8, width, footer_height * 0.8)
            # A long customer name is shortened with "…" so it never runs into the page number.
            metrics = QFontMetricsF(footer_font, writer)
            room = width - metrics.horizontalAdvance(footers[page]) - metrics.horizontalAdvance("    ")
            left = metrics.elidedText(f"{creator} · {footer}" if footer else creator, Qt.ElideRight, room)
            painter.drawText(footer_rect, Qt.AlignLeft | Qt.AlignBottom, left)
            painter.drawText(footer_rect, Qt.AlignRight | Qt.AlignBottom, footers[page])
    finally:
        painter.end()
    buffer.close()
    # Everything drawn, so the repair knows every character that is really on the pages.
    text = plain + title + creator + footer + "".join(footers) + " ·…"
    return repair_to_unicode(bytes(buffer.data()), text, families, author=author, title=title, creator=creator)


# --------------------------------------------------------------------------- page breaks

# Characters a short token (a command, key, host name, code) is drawn with so that Qt never
# breaks a line inside it: Qt breaks after "-" and after "/" before a letter. Each is drawn
# with a look-alike that has no break opportunity, and the ToUnicode repair maps it back, so
# the text copies and searches exactly as it was written.
_UNBREAKABLE = {"-": "\u2011", "/": "\u2215"}
SHOWN_AS = {v: k for k, v in _UNBREAKABLE.items()}
# A token longer than this may be wider than its column: it keeps its break opportunities
# at its separators, so it wraps there rather than anywhere.
_SHORT_TOKEN = 48
_TOKEN = re.compile(r"[!-~\u00a0-\u024f\u2011\u2215]+")


def _lay_out_again(document: QTextDocument, width: float) -> None:
    """A full layout now: Qt lays a changed document out lazily and in part, and a page
    must not be cut or drawn from positions of an older layout."""
    document.setTextWidth(width + 1)
    document.setTextWidth(width)
    document.documentLayout().documentSize()


def _keep_whole(token: str) -> str:
    if len(token) > _SHORT_TOKEN:
        return token
    out = list(token)
    for i, char in enumerate(token[:-1]):
        if char in _UNBREAKABLE and (char != "/" or token[i + 1].isalnum()):
            out[i] = _UNBREAKABLE[char]
    return "".join(out)


_TEXT_NODE = re.compile(r">([^<]+)<")


def keep_tokens_whole(html: str) -> str:
    """The HTML with the break opportunities inside its short tokens replaced (text only,
    never inside a tag), before Qt reads it: one pass over the text, no layout."""
    head, marker, body = html.partition("<body")  # the style sheet stays as it is
    if not marker:
        head, body = "", html
    body = _TEXT_NODE.sub(lambda m: ">" + _TOKEN.sub(lambda t: _keep_whole(t.group()), m.group(1)) + "<", body)
    return head + marker + body


_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")


_RUNS = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+|[^\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]+")
_SEGMENT = re.compile(r"(?<=[-./:_\\@\u2011\u2215])")


def _cell_widths(cell, device, metrics_of: dict) -> tuple[float, float, float, float]:
    """A table cell's widths, measured in its own fonts: its widest piece between separators
    (a long host name may wrap after a "." or "-"), its widest short word (a command, key or
    host name that must stay whole), its widest word, and its whole text. Chinese may wrap
    between characters: a run of it counts as four characters at most."""
    piece = short = widest = natural = 0.0
    block = cell.firstCursorPosition().block()
    last = cell.lastCursorPosition().block()
    while block.isValid():
        line = 0.0
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            font = fragment.charFormat().font()
            key = font.key()
            metrics = metrics_of.get(key)
            if metrics is None:
                metrics = metrics_of[key] = QFontMetricsF(font, device)
            text = fragment.text()
            line += metrics.horizontalAdvance(text)
            for word in text.split():
                # A Latin run in Chinese text stays whole with its neighbours ("（259170"):
                # Qt does not break after an opening or before a closing bracket.
                runs = []
                for m in _RUNS.finditer(word):
                    run = m.group()
                    runs.append(run[:4] if _WIDE.match(run) else word[max(0, m.start() - 1):m.end() + 1])
                for run in runs:
                    width = metrics.horizontalAdvance(run)
                    widest = max(widest, width)
                    pieces = max(metrics.horizontalAdvance(p) for p in _SEGMENT.split(run))
                    piece = max(piece, pieces)
                    short = max(short, width if len(run) <= _SHORT_TOKEN else pieces)
            it += 1
        natural = max(natural, line)
        if block == last:
            break
        block = block.next()
    return piece, short, widest, natural


def size_columns(document: QTextDocument, width: float, device) -> None:
    """Columns sized by their content, measured: first each column's widest piece between
    separators, then its widest short word (a header word, a host name, a key: never broken
    where it fits), then the room left to the columns whose text wraps, each step in
    proportion to what a column lacks."""
    from PySide6.QtGui import QTextLength, QTextTable

    metrics_of: dict = {}  # one QFontMetricsF a font
    for frame in document.rootFrame().childFrames():
        if not isinstance(frame, QTextTable) or frame.columns() < 2:
            continue
        table, fmt = frame, frame.format()
        scale = device.logicalDpiX() / 96
        pad = (2 * fmt.cellPadding() + fmt.border() * 2 + fmt.cellSpacing()) * scale + 2
        columns = table.columns()
        goals = [[pad] * columns for _ in range(4)]
        for r in range(table.rows()):
            for c in range(columns):
                cell = table.cellAt(r, c)
                if cell.row() != r or cell.column() != c or cell.columnSpan() > 1:
                    continue
                # Qt's table layout needs a little more than the text's advance: 10 % more.
                for goal, value in zip(goals, _cell_widths(cell, device, metrics_of)):
                    goal[c] = max(goal[c], value * 1.1 + pad)
        room = width - 2 * fmt.border() * scale
        widths = list(goals[0])
        # (A long token's whole width is no goal of its own: it may wrap at its separators, and
        # the room goes to the text of every column instead.)
        for goal in (goals[1], goals[3]):
            lack = [max(0.0, g - w) for g, w in zip(goal, widths)]
            spare = room - sum(widths)
            if spare > 0 and sum(lack) > 0:
                share = min(1.0, spare / sum(lack))
                widths = [w + need * share for w, need in zip(widths, lack)]
        total = sum(widths)
        fmt.setColumnWidthConstraints([QTextLength(QTextLength.PercentageLength, 100 * w / total) for w in widths])
        table.setFormat(fmt)


def release_overlong_tokens(document: QTextDocument) -> bool:
    """A token that Qt had to break anywhere (it is wider than its column) gets its separators
    back as break opportunities, so it wraps after a ".", "_", "-" or "/" instead. True if any did."""
    # (Run after size_columns: a token that fits its column keeps its look-alikes.)
    from PySide6.QtGui import QTextCursor

    document.size()  # lay it out
    # First every change, read from the layout as it is; then all of them in one edit block,
    # last first (positions before a change stay valid), so the document is laid out again
    # once, not once a change: a rollout of 1,000 long paths made that quadratic.
    edits: list[tuple[int, str]] = []
    block = document.begin()
    while block.isValid():
        lines = block.layout()
        text = block.text()
        ends = {lines.lineAt(i).textStart() for i in range(1, lines.lineCount())}
        for match in _TOKEN.finditer(text):
            if not any(match.start() < end < match.end() and text[end - 1] not in "-/._" for end in ends):
                continue
            for i in range(match.start(), match.end() - 1):
                char = text[i]
                plain = SHOWN_AS.get(char, char)
                if char in SHOWN_AS or (char in "._" and text[i + 1] != "\u200b"):
                    # Qt breaks after "-" and "/" itself; after "." and "_" only at a zero-width space.
                    edits.append((block.position() + i, plain + ("\u200b" if char in "._" else "")))
        block = block.next()
    if not edits:
        return False
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    for position, replacement in reversed(edits):
        cursor.setPosition(position)
        cursor.movePosition(QTextCursor.NextCharacter, QTextCursor.KeepAnchor)
        cursor.insertText(replacement, cursor.charFormat())
    cursor.endEditBlock()
    return True


def _draw_slice(painter: QPainter, document: QTextDocument, top: float, bottom: float, at: float,
                width: float) -> None:
    painter.save()
    painter.translate(0, at - top)
    # Qt draws every block that touches the rectangle, also one that begins exactly at its
    # bottom (the next page's first heading) or ends at its top: clipped out of sight, but its
    # text is still in the page's text, and copies or is read aloud twice. A hair inside the
    # cut on both sides, those blocks are left to their own page.
    hair = min(_HAIR, (bottom - top) / 4)
    document.drawContents(painter, QRectF(0, top + hair, width, bottom - top - 2 * hair))
    painter.restore()


_HAIR = 0.05  # device pixels at RESOLUTION: far below anything drawn


def _cut_points(document: QTextDocument):
    """Where a page may end, in document order: (y, allowed, header) where ``header`` is the
    (top, bottom) of a table's header rows when the cut falls inside that table.

    A cut is allowed between blocks and between table rows; never right after a heading (it
    stays with what follows), never between a table's header and its first row, never
    before the last block (a signature block never stands alone on a page), and inside a
    paragraph only between its lines when the paragraph is a long one."""
    from PySide6.QtGui import QTextCursor, QTextTable

    layout = document.documentLayout()
    units = []  # (top, bottom, kind, payload)
    block = document.begin()
    seen_tables = set()
    while block.isValid():
        table = QTextCursor(block).currentTable()
        if table is None:
            rect = layout.blockBoundingRect(block)
            if block.text().strip() or block.textList() is not None:
                heading = block.blockFormat().headingLevel() > 0
                units.append((rect.top(), rect.bottom(), "heading" if heading else "block", block))
            block = block.next()
            continue
        while table.parentFrame() is not None and isinstance(table.parentFrame(), QTextTable):
            table = table.parentFrame()
        key = id(table)
        if key not in seen_tables:
            seen_tables.add(key)
            frame = layout.frameBoundingRect(table)
            units.append((frame.top(), frame.bottom(), "table", table))
        block = table.lastCursorPosition().block().next()
    cuts = []
    for n, (top, bottom, kind, payload) in enumerate(units):
        after_heading = n > 0 and units[n - 1][2] == "heading"
        last = n == len(units) - 1 and n > 0
        cuts.append((top, not after_heading and not last and n > 0, None))
        if kind == "table":
            cuts += _row_cuts(layout, payload, top)
        elif kind == "block" and payload.layout().lineCount() >= 8:
            # A long paragraph may go on over a page, keeping two lines on each side.
            lines = payload.layout()
            origin = layout.blockBoundingRect(payload).top()
            for i in range(2, lines.lineCount() - 1):
                cuts.append((origin + lines.lineAt(i).y(), True, None))
    end = units[-1][1] if units else 0.0
    return cuts, end


def _row_cuts(layout, table, top: float):
    rows, columns = table.rows(), table.columns()
    extents = []
    for r in range(rows):
        lo, hi = None, None
        for c in range(columns):
            cell = table.cellAt(r, c)
            if cell.row() != r:
                continue  # a cell spanning from a row above
            block = cell.firstCursorPosition().block()
            last = cell.lastCursorPosition().block()
            while block.isValid():
                rect = layout.blockBoundingRect(block)
                lo = rect.top() if lo is None else min(lo, rect.top())
                hi = rect.bottom() if hi is None else max(hi, rect.bottom())
                if block == last:
                    break
                block = block.next()
        extents.append((lo, hi))
    header_rows = min(table.format().headerRowCount(), rows - 1)
    cuts = []
    header = None
    for r in range(1, rows):
        (_, prev_bottom), (next_top, _) = extents[r - 1], extents[r]
        if prev_bottom is None or next_top is None:
            continue
        y = (prev_bottom + next_top) / 2
        if r == header_rows:
            header = (top, y)
        cuts.append((y, r > header_rows, header if r > header_rows else None))
    return cuts


def paginate(document: QTextDocument, page_height: float) -> list[tuple[float, float, tuple | None]]:
    """The pages of a document laid out as one long page: (top, bottom, header) each, where
    ``header`` is a table header to draw first. Each page ends at the lowest allowed cut that
    fits; only where none fits (one row taller than a page) is a page cut where it is full."""
    cuts, end = _cut_points(document)
    pages = []
    top, header = 0.0, None
    while True:
        room = page_height - (header[1] - header[0] if header else 0.0)
        if end - top <= room:
            pages.append((top, end, header))
            return pages
        fitting = [c for c in cuts if top < c[0] <= top + room and c[1]]
        if fitting:
            y, _allowed, next_header = fitting[-1]
        else:
            y, next_header = top + room, None
        pages.append((top, y, header))
        top, header = y, next_header


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
    fixes.update({c: plain for c, plain in SHOWN_AS.items() if c in candidates})
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
    site = str(record.site or "").strip() or "site"
    safe = "".join(c if (c.isalnum() or c in "-_.") else "-" for c in site).strip("-.") or "site"
    day = str(record.created or "")[:10]
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
