"""The record and the PDF: written, read back with pypdf, fonts and text checked."""

from __future__ import annotations

import json
import unicodedata
from datetime import date, datetime, timedelta, timezone

import pytest
from pypdf import PdfReader

from srs_wizard.core import kms, product_key, record
from srs_wizard.core.present import record as record_words
from srs_wizard.core.promo import PromoRequest
from srs_wizard.core.session import Session

NOW = datetime(2026, 11, 28, 10, 30, tzinfo=timezone(timedelta(hours=8)))
EVIL = "<b>x</b>&amp;<script>.contoso.com"
KEY = None


def valid_mak() -> str:
    from tests.test_mak_page import valid_mak as make

    return make()


def kms_check(hosts: int = 2) -> kms.KmsCheck:
    found = []
    for i in range(hosts):
        name = EVIL if i == 1 else f"kms{i:02d}.contoso.com"
        address = f"10.0.0.{i % 250}"
        found.append(
            kms.KmsHost(
                name,
                1688,
                i,
                100,
                "contoso.com",
                (address,),
                i == 0,
                0.4 if i == 0 else None,
                None,
                probes=(kms.Probe(address, "open", 0.4),) if i == 0 else (kms.Probe(address, "timeout", None),),
            )
        )
    return kms.KmsCheck(
        "ready",
        (
            kms.DomainResult("contoso.com", "primary", "ok", kms.Detail("records", count=2), 1.2),
            kms.DomainResult("corp.contoso.com", "search-list", "nxdomain", None, 2.0),
        ),
        tuple(found),
        (),
        5.0,
    )


def session_for(path: str, hosts: int = 2) -> Session:
    s = Session(technician="王小明", customer="北京见长门科技有限公司", site="3F 会议室", choice=path, notes="门口见")
    if path == "kms":
        s.kms = kms_check(hosts)
    elif path == "mak":
        s.mak = product_key.check(valid_mak())
        s.mak_checklist = {"vlsc_sign_in": True, "agreement_confirmed": True, "mak_downloaded": False}
    else:
        s.promo = PromoRequest(
            company="北京见长门科技有限公司",
            contact_name="张长门",
            contact_email="zhang@example.cn",
            contact_phone="+86 10 6552 8899",
            systems=4,
            deployment_date=date(2026, 12, 1),
        )
        s.promo_actions = ["saved"]
    return s


def render(tmp_path, rec: record.Record, name="out.pdf"):
    from srs_wizard import pdf

    data = pdf.render_pdf_bytes(rec)
    path = tmp_path / name
    path.write_bytes(data)
    return path, PdfReader(str(path))


def text_of(reader, mode: str = "layout") -> str:
    """The text as a reader sees it; ``layout`` keeps a line's font runs together."""
    return unicodedata.normalize("NFKC", "\n".join(p.extract_text(extraction_mode=mode) for p in reader.pages))


@pytest.mark.parametrize("path", ["kms", "mak", "promo"])
def test_each_path_renders_with_every_fact(qapp, tmp_path, path):
    rec = session_for(path).to_record(now=NOW, machine="SRS-CONSOLE-01")
    record.from_json(json.loads(rec.dumps()))  # the record it makes is valid
    _file, reader = render(tmp_path, rec)
    text = text_of(reader)
    for fact in ("王小明", "北京见长门科技有限公司", "3F 会议室", "SRS-CONSOLE-01", "门口见", "srs-wizard"):
        assert fact in text, fact
    if path == "kms":
        assert "kms00.contoso.com" in text and "contoso.com" in text and "nxdomain" in text
    elif path == "mak":
        assert "*****-*****-*****-*****-" + valid_mak()[-5:] in text
    else:
        assert "张长门" in text and "zhang@example.cn" in text and "+86 10 6552 8899" in text
    # the characters Qt maps to radicals come back as typed
    assert "见" in text and "长" in text and "门" in text
    assert not any(0x2E80 <= ord(c) <= 0x2FDF for c in text)


def test_fonts_are_embedded_and_metadata_set(qapp, tmp_path):
    rec = session_for("kms").to_record(now=NOW)
    _file, reader = render(tmp_path, rec)
    fonts = []
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descendant = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = descendant["/FontDescriptor"].get_object()
            fonts.append(str(font["/BaseFont"]))
            assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")), font["/BaseFont"]
    assert any("CJK" in f or "YaHei" in f for f in fonts)
    meta = reader.metadata
    assert meta.author == "王小明"
    assert meta.creator.startswith("srs-wizard ")
    assert "3F 会议室" in meta.title


def test_dns_markup_is_literal_text(qapp, tmp_path):
    _file, reader = render(tmp_path, session_for("kms").to_record(now=NOW))
    flat = text_of(reader, mode="plain").replace("\n", "")  # a table cell's wrapped lines, in order
    assert "<b>x</b>&amp;<script>" in flat


def test_long_host_list_has_page_numbers(qapp, tmp_path):
    _file, reader = render(tmp_path, session_for("kms", hosts=120).to_record(now=NOW))
    pages = len(reader.pages)
    assert pages >= 3
    for number, page in enumerate(reader.pages, 1):
        assert f"Page {number} of {pages}" in page.extract_text()


def test_a_long_customer_name_is_shortened_in_the_footer(qapp, tmp_path):
    long_name = "北京见长门科技有限公司" * 8 + " International Holdings Group Limited Shanghai Branch Office"
    session = session_for("kms")
    session.customer = long_name
    _file, reader = render(tmp_path, session.to_record(now=NOW))
    from srs_wizard import __version__

    text = reader.pages[0].extract_text()
    number = text.rindex(f"Page 1 of {len(reader.pages)}")
    footer = text[text.rindex(f"srs-wizard {__version__} ·") : number]
    # The footer's customer name ends in "…" before the page number instead of running into it.
    assert footer.rstrip().endswith("…") and "Shanghai Branch Office" not in footer
    assert "Shanghai Branch Office" in text_of(reader, mode="plain").replace("\n", " ")  # whole in the body


def test_key_never_in_pdf_or_record(qapp, tmp_path):
    rec = session_for("mak").to_record(now=NOW)
    file, reader = render(tmp_path, rec)
    secret = product_key.normalise(valid_mak())
    # The text as a reader extracts it (the raw file holds compressed glyph ids, never text).
    shown = text_of(reader, mode="plain").replace("\n", "").replace(" ", "")
    assert "*****-*****-*****-*****-" + secret[-5:] in shown  # the masked key is really drawn...
    for variant in (secret[:20], product_key.group(secret)[:23], secret[5:25]):
        assert variant not in shown  # ...and nothing more of it
        assert variant not in rec.dumps()


def test_page_size_follows_locale():
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QPageSize

    from srs_wizard.pdf import page_size_for

    assert page_size_for(QLocale(QLocale.English, QLocale.UnitedStates)).id() == QPageSize.Letter
    assert page_size_for(QLocale(QLocale.English, QLocale.Canada)).id() == QPageSize.Letter
    assert page_size_for(QLocale(QLocale.Chinese, QLocale.China)).id() == QPageSize.A4


# --------------------------------------------------------------------------- the record


def good_record() -> dict:
    return json.loads(session_for("kms").to_record(now=NOW, machine="PC").dumps())


@pytest.mark.parametrize(
    "change, field",
    [
        (lambda r: r.update(schema="srs-wizard/record/9"), "schema"),
        (lambda r: r.pop("technician"), "technician"),
        (lambda r: r.update(created="yesterday"), "created"),
        (lambda r: r.update(created="2026-11-28T10:00:00"), "created"),
        (lambda r: r.update(path="fax"), "path"),
        (lambda r: r["kms"]["hosts"][0].update(port="1688"), "kms.hosts[0].port"),
        (lambda r: r["kms"].update(verdict="maybe"), "kms.verdict"),
        (lambda r: r.update(customer=42), "customer"),
        (lambda r: r.update(notes="key " + "2MG3G-3BNTT-3MFW9-KDQW3-TCK7R"), "unmasked product key"),
    ],
)
def test_invalid_records_name_the_field(change, field):
    data = good_record()
    change(data)
    problems = record_words.validate(data)
    assert problems and any(field in p for p in problems), problems


def test_unknown_fields_are_kept():
    data = good_record()
    data["future_field"] = {"x": 1}
    rec = record.from_json(data)
    assert json.loads(rec.dumps())["future_field"] == {"x": 1}


def test_summary_command_regenerates_the_pdf(tmp_path, cli):
    rec_path = tmp_path / "rec.json"
    rec_path.write_text(session_for("promo").to_record(now=NOW).dumps(), encoding="utf-8")
    out = tmp_path / "again.pdf"
    result = cli("summary", str(rec_path), "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = text_of(PdfReader(str(out)))
    assert "张长门" in text and "北京见长门科技有限公司" in text
    shown = cli("summary", str(rec_path), "--json")
    assert shown.returncode == 0 and json.loads(shown.stdout)["promo"]["systems"] == 4


@pytest.mark.parametrize(
    "change, field",
    [
        (lambda r: r.update(schema="other"), "schema"),
        (lambda r: r.pop("site"), "site"),
        (lambda r: r.update(technician=["a"]), "technician"),
        (
            lambda r: r.update(
                mak={"masked": "2MG3G-3BNTT-3MFW9-KDQW3-TCK7R", "checksum_ok": True, "gvlk": None, "checklist": {}}
            ),
            "mak.masked",
        ),
    ],
)
def test_summary_command_refuses_invalid_records(tmp_path, change, field, cli):
    data = good_record()
    change(data)
    rec_path = tmp_path / "bad.json"
    rec_path.write_text(json.dumps(data), encoding="utf-8")
    result = cli("summary", str(rec_path), "-o", str(tmp_path / "x.pdf"))
    assert result.returncode == 1
    assert field in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_summary_command_usage_errors(tmp_path, cli):
    assert cli("summary", str(tmp_path / "missing.json"), "-o", "x.pdf").returncode == 2
    assert cli("summary").returncode == 2
