"""The PDFs as a reader sees them: every word read back with its box (pdftotext -bbox-layout,
poppler-utils), for every licensing path in both languages, with long values.

Fails on two words drawn over each other (a header row printed on values), a heading that is
the last text of a page, a page that holds only the signature block, a table row split over
two pages, and a command, key or host name broken across lines."""

from __future__ import annotations

import html as html_mod
import re
import shutil
import subprocess
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

from srs_wizard import qm
from srs_wizard.core.present.summary import summary_html
from tests import pdf_records

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None,
                                reason="needs pdftotext (Debian poppler-utils, .ci/system-deps.sh installs it)")

FOOTER_MM = 14  # the footer line lives in the bottom margin; body text ends above it
SEPARATORS = ("-", ".", "/", ":", "_", "\\", "@")


@dataclass
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


@dataclass
class Line:
    words: list[Word]

    @property
    def text(self) -> str:
        """The words, with a space only where there is a gap (a break opportunity that Qt
        drew as a zero-width space splits a word for pdftotext, not for a reader)."""
        out = ""
        for i, w in enumerate(self.words):
            out += ("" if i == 0 or w.x0 - self.words[i - 1].x1 < 0.5 else " ") + w.text
        return out


def read_pages(path: Path) -> list[list[Line]]:
    """The body lines of each page (the footer left out), in reading order."""
    out = subprocess.run(["pdftotext", "-bbox-layout", str(path), "-"], capture_output=True, check=True).stdout
    xml = re.sub(rb"<!DOCTYPE[^>]*>", b"", out).replace(b' xmlns="http://www.w3.org/1999/xhtml"', b"")
    pages = []
    for page in ET.fromstring(xml).iter("page"):
        bottom = float(page.get("height")) - FOOTER_MM / 25.4 * 72
        lines = []
        for line in page.iter("line"):
            words = [Word(unicodedata.normalize("NFKC", w.text or ""), *(float(w.get(k)) for k in
                                                                            ("xMin", "yMin", "xMax", "yMax")))
                     for w in line.iter("word")]
            if words and words[0].y0 < bottom:
                lines.append(Line(words))
        lines.sort(key=lambda ln: (round(ln.words[0].y0), ln.words[0].x0))
        pages.append(lines)
    return pages


def overlapping(words: list[Word]) -> list[tuple[str, str]]:
    """Pairs of words whose boxes overlap by more than a sliver (line spacing of CJK fonts
    lets boxes of neighbouring lines touch: a quarter of the height is allowed)."""
    found = []
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            dx = min(a.x1, b.x1) - max(a.x0, b.x0)
            dy = min(a.y1, b.y1) - max(a.y0, b.y0)
            if dx > 1.0 and dy > 0.25 * min(a.y1 - a.y0, b.y1 - b.y0):
                found.append((a.text, b.text))
    return found


def headings_of(html: str) -> set[str]:
    return {unicodedata.normalize("NFKC", html_mod.unescape(re.sub(r"<[^>]+>", "", m))).strip()
            for m in re.findall(r"<h[1-3]>(.*?)</h[1-3]>", html)}


def whole(token: str, pages: list[list[Line]]) -> bool:
    """The token is one word somewhere, or wraps only right after a separator: its next part
    follows on the same line with no gap, or starts a following line at the same left edge
    (as in a table cell)."""
    for lines in pages:
        for n, line in enumerate(lines):
            for i, word in enumerate(line.words):
                if token in word.text:
                    return True
                if not token.startswith(word.text):
                    continue
                joined, left, at, last = word.text, word.x0, n, word
                while joined.endswith(SEPARATORS) and token.startswith(joined):
                    row = lines[at].words
                    k = row.index(last)
                    if k + 1 < len(row) and row[k + 1].x0 - last.x1 < 1.0:
                        last = row[k + 1]
                    else:
                        height = last.y1 - last.y0
                        below = sorted(((j, w) for j, ln in enumerate(lines) for w in ln.words
                                        if abs(w.x0 - left) < 3 and last.y0 < w.y0 < last.y1 + height),
                                       key=lambda item: item[1].y0)
                        if not below:
                            break
                        at, last = below[0]
                    joined += last.text
                    if token in joined:
                        return True
    return False


def layout_problems(path: Path, html: str, tokens: list[str], signature: list[str]) -> list[str]:
    pages = read_pages(path)
    problems = []
    headings = headings_of(html)
    for n, lines in enumerate(pages, 1):
        words = [w for line in lines for w in line.words]
        for a, b in overlapping(words):
            problems.append(f"page {n}: {a!r} drawn over {b!r}")
        if lines and lines[-1].text.strip() in headings and n < len(pages):
            problems.append(f"page {n} ends with the heading {lines[-1].text!r}")
        if signature and lines and all(any(s in line.text for s in signature) or set(line.text) <= set("_ ")
                                       for line in lines):
            problems.append(f"page {n} holds only the signature block")
        if not lines:
            problems.append(f"page {n} is empty")
    drawn = re.sub(r"\s+", "", "".join(line.text for lines in pages for line in lines))
    for heading in headings:  # nothing laid out and left undrawn
        if re.sub(r"\s+", "", heading) not in drawn:
            problems.append(f"the heading {heading!r} is not drawn")
    for token in tokens:
        if not whole(token, pages):
            problems.append(f"{token!r} is broken across lines")
    return problems


@pytest.fixture(params=["en", "zh_CN"])
def language(request):
    qm.install_for_cli(request.param)
    yield request.param
    qm.install_for_cli("en")


def tokens_of(record) -> list[str]:
    """Values that must never break inside (or only at a separator when longer than a column)."""
    data = record.data
    tokens = ["ospp.vbs", "/dstatus"]
    if data.get("kms"):
        tokens += [h["target"] for h in data["kms"]["hosts"]]
    if data.get("mak"):
        tokens.append(data["mak"]["masked"])
    activation = data.get("activation") or {}
    for product in activation.get("products", []):
        tokens += [product["last5"]]
    if activation.get("error_code"):
        tokens.append(activation["error_code"])
    if "kms" in (data.get("path") or "") and activation:
        tokens.append("kms01.contoso.test:1688")
        # The license name's own word ("OfficeLyncVL_KMS_Client", or a long one that may
        # wrap only after a separator).
        tokens += [p["license_name"].split(", ")[-1].split(" ")[0] for p in activation.get("products", [])]
    if data.get("promo"):
        tokens.append(data["promo"]["contact_email"])
    return tokens


@pytest.mark.parametrize("name", list(pdf_records.every_path()))
def test_pdf_of_every_path_reads_cleanly(qapp, tmp_path, language, name):
    from srs_wizard import pdf

    record = pdf_records.every_path()[name].to_record(now=pdf_records.NOW, machine="SRS-CONSOLE-01")
    path = tmp_path / f"{language}-{name}.pdf"
    path.write_bytes(pdf.render_pdf_bytes(record))
    html = summary_html(record, for_print=True)
    signature = [f"{qm_word}" for qm_word in _signature_words(record)]
    assert layout_problems(path, html, tokens_of(record), signature) == []


def _signature_words(record) -> list[str]:
    from srs_wizard.core.present.summary import signature_lines

    return signature_lines(record)


def test_a_long_table_goes_on_with_its_header_and_whole_rows(qapp, tmp_path, language):
    """28 hosts do not fit on page 1: the table goes on on page 2, its header drawn once on
    top, no row split (every host's row keeps its name, port and address together)."""
    from srs_wizard import pdf
    from srs_wizard.core.present import kms as kms_words

    record = pdf_records.every_path()["kms-many-hosts"].to_record(now=pdf_records.NOW, machine="SRS-CONSOLE-01")
    path = tmp_path / "many.pdf"
    path.write_bytes(pdf.render_pdf_bytes(record))
    pages = read_pages(path)
    assert len(pages) >= 2
    first_header = kms_words.host_headers()[0]
    # A page of the host table holds a host's address (host names stand in other sections too:
    # the room verdict and the console's own lookups name them).
    continued = [n for n, lines in enumerate(pages) if any(h["addresses"][0] in line.text
                                                          for line in lines for h in record.data["kms"]["hosts"][1:])]
    assert len(continued) >= 2  # the host table is on two pages at least
    for n in continued[1:]:
        texts = [line.text for line in pages[n]]
        assert any(first_header in t for t in texts[:3]), texts[:3]  # the header again, at the top
    for host in record.data["kms"]["hosts"]:
        address = host["addresses"][0]
        # The name's first part and its address on one page (the row is whole).
        holding = {n for n, lines in enumerate(pages) for line in lines if address in line.text}
        named = {n for n, lines in enumerate(pages) for line in lines if host["target"].split(".")[0] in line.text}
        assert holding & named, host["target"]
    assert layout_problems(path, summary_html(record, for_print=True), tokens_of(record), []) == []


def test_rollout_pdf_reads_cleanly(qapp, tmp_path, language):
    from srs_wizard import rollout_pdf
    from srs_wizard.core import rollout
    from tests.test_rollout import many_rooms

    folder = tmp_path / "records-of-the-north-wing-rollout-november-2026"
    many_rooms(folder)
    report = rollout.read_rollout([str(folder)])
    path = tmp_path / "rollout.pdf"
    path.write_bytes(rollout_pdf.render_rollout_pdf_bytes(report))
    html = rollout_pdf.rollout_html(report)
    tokens = [row.machine for row in report.rows]
    assert layout_problems(path, html, tokens, []) == []
    headers = " ".join(line.text for line in read_pages(path)[0])
    from srs_wizard.core.present import rollout as words

    for header in words.headers():
        for word in header.split():
            if word.isascii():
                assert word in headers.split(), word  # no header word cut ("Technicia" / "n")


def _words_with_pages(path: Path):
    out = subprocess.run(["pdftotext", "-bbox", str(path), "-"], capture_output=True, check=True).stdout
    xml = re.sub(rb"<!DOCTYPE[^>]*>", b"", out).replace(b' xmlns="http://www.w3.org/1999/xhtml"', b"")
    for n, page in enumerate(ET.fromstring(xml).iter("page")):
        height = float(page.get("height"))
        for w in page.iter("word"):
            yield n, height, w.text or "", float(w.get("yMin")), float(w.get("yMax"))


@pytest.mark.parametrize("paper", ["en_US", "zh_CN"])  # Letter and A4: the breaks fall elsewhere
@pytest.mark.parametrize("name", list(pdf_records.every_path()))
def test_no_text_of_the_next_or_last_page_hides_at_a_page_break(qapp, tmp_path, language, name, paper):
    # Qt draws a block that only touches a page's slice, clipped out of sight: its words were
    # then in the page's text too (a heading of page 2 also read at the foot of page 1).
    from PySide6.QtCore import QLocale

    from srs_wizard import pdf

    record = pdf_records.every_path()[name].to_record(now=pdf_records.NOW, machine="SRS-CONSOLE-01")
    path = tmp_path / f"{paper}-{name}.pdf"
    path.write_bytes(pdf.render_pdf_bytes(record, locale=QLocale(paper)))
    top, foot = 16 / 25.4 * 72, 18 / 25.4 * 72 + 0.35 * 72  # the body's edges: margins, footer band
    straddling = [(n + 1, text) for n, height, text, y0, y1 in _words_with_pages(path)
                  if (y0 < height - foot - 0.5 < y1 - 1) or (n and y0 + 1 < top < y1 - 0.5)]
    assert straddling == []
