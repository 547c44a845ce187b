"""Each list is defined once and the others are drawn from it: languages, promo fields, the
usable KMS verdicts (tests/test_flow.py), page ids (tests/test_handover.py), the host table."""

from __future__ import annotations

import dataclasses
import html
import re
from pathlib import Path

from srs_wizard import lang
from srs_wizard.core import promo, record
from srs_wizard.core.present import kms as kms_words
from srs_wizard.core.present.report import format_kms_report
from srs_wizard.core.present.summary import kms_section
from tests.rollout_records import kms_check

SRC = Path(__file__).resolve().parent.parent / "srs_wizard"


def test_every_language_option_is_the_one_list():
    from srs_wizard.app import parse_gui_args
    from srs_wizard.cli import build_parser

    parser = build_parser()
    lang_options = [a for a in parser._actions if "--lang" in a.option_strings]
    for sub in parser.commands.values():
        lang_options += [a for a in sub._actions if "--lang" in a.option_strings]
    assert len(lang_options) > 1
    for action in lang_options:
        assert tuple(action.choices) == lang.LANGUAGES
    assert parse_gui_args(["--lang", lang.LANGUAGES[-1]]).lang == lang.LANGUAGES[-1]
    # No other module spells the list out.
    for path in SRC.rglob("*.py"):
        if path.name != "lang.py":
            assert not re.search(r"""["']en["']\s*,\s*["']zh_CN["']""", path.read_text(encoding="utf-8")), path


def test_the_welcome_page_offers_every_language(qtbot):
    from srs_wizard.ui.pages.welcome import WelcomePage

    page = WelcomePage()
    qtbot.addWidget(page)
    offered = tuple(page.language.itemData(i) for i in range(page.language.count()))
    assert offered == lang.LANGUAGES


def test_promo_fields_are_one_list():
    assert tuple(f.name for f in dataclasses.fields(promo.PromoRequest)) == promo.FIELDS
    assert set(promo.REQUIRED) | set(promo.OPTIONAL) == set(promo.FIELDS)
    assert set(promo.PromoRequest().to_json()) == set(promo.FIELDS)
    assert set(record.Promo._ORDER) == set(promo.FIELDS)  # the record's model of the request
    assert set(record.PROMO_FIELDS) == set(promo.FIELDS) - {"note"}
    from srs_wizard.ui.pages import promo as promo_page

    assert promo_page.LINE_FIELDS is promo.LINE_FIELDS


def test_a_request_survives_its_json():
    from datetime import date

    typed = promo.PromoRequest(company="Contoso", contact_name="Ana", contact_email="ana@contoso.com",
                               contact_phone="+1 555 0100", systems=3, deployment_date=date(2026, 12, 1),
                               tam_name="", tam_contact="", oem_name="OEM Ltd", oem_email="", note="two\nlines")
    data = typed.to_json()
    assert data["tam_name"] is None and data["oem_name"] == "OEM Ltd" and data["systems"] == 3
    assert promo.PromoRequest.from_json(data) == typed


def test_the_host_table_is_drawn_from_one_definition(make_wizard):
    check = kms_check("ready", hosts=3)
    headers = kms_words.host_headers()
    rows = kms_words.host_rows(check)
    assert len(headers) == len(kms_words.HOST_COLUMNS) and len(rows) == 3
    assert all(len(row) == len(headers) for row in rows)
    assert rows[0][0] == "kms00.contoso.com" and rows[1][0] == "kms01.contoso.com"
    # The text report, the summary (HTML, so the PDF too) and the wizard's page use it.
    text = format_kms_report(check)
    header_line = next(line for line in text.splitlines() if line.startswith(headers[0]))
    assert header_line.split() == " ".join(headers).split()
    summary = kms_section(check)
    assert "".join(f"<th>{html.escape(h)}</th>" for h in headers) in summary
    assert "".join(f"<td>{html.escape(c)}</td>" for c in rows[0]) in summary

    page = make_wizard().kms_page
    page.show_result(check)
    table = page.hosts
    assert [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())] == headers
    assert [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())] == rows


def test_one_text_decoder_one_list_splitter_one_gvlk_one_host_port_parser():
    """The byte order marks, the list separators, the Lync key and host:port are handled once."""
    sources = {p: p.read_text(encoding="utf-8") for p in SRC.rglob("*.py")}
    assert [p.name for p, s in sources.items() if "BOM_UTF16" in s] == ["text.py"]
    assert [p.name for p, s in sources.items() if "2MG3G-3BNTT-3MFW9-KDQW3-TCK7R" in s] == ["product_key.py"]
    assert [p.name for p, s in sources.items() if r"[\s,;]+" in s] == ["text.py"]
    assert [p.name for p, s in sources.items() if 'startswith("[")' in s] == ["inputs.py"]


def test_the_console_host_is_read_by_the_one_host_port_parser():
    from srs_wizard.core import activation as act

    for host, expected, code in (("[fd00::5]:1688", "fd00::5", act.HOST_EXPECTED),
                                 ("KMS01.contoso.com.:1688", "kms01.contoso.com", act.HOST_EXPECTED),
                                 ("kms01:1688", "kms01.contoso.com", act.HOST_EXPECTED),
                                 ("rogue.example:1688", "kms01.contoso.com", act.HOST_UNEXPECTED)):
        product = act.Product(source=act.SOURCE_DSTATUS, kms_dns_host=host)
        report = act.StatusReport(act.GRACE, product, (product,))
        assert act.compare_kms_host(report, expected=[expected]).code == code, host


def test_one_decoder_reads_utf16_without_a_mark_for_both_readers():
    from srs_wizard.core import activation, console

    text = '{"schema": "x", "名": "会议室"}'
    for raw in (text.encode("utf-16-le"), text.encode("utf-16-be"), b"\xff\xfe" + text.encode("utf-16-le"),
                b"\xef\xbb\xbf" + text.encode("utf-8"), text.encode("utf-8")):
        assert console.decode(raw) == text
        assert activation.decode_output(raw) == text
    assert activation.decode_output("会议室".encode("gbk")) == "会议室"
