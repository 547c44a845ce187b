"""The console's answer in the record, the summary and the PDF (read back with pypdf)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from srs_wizard.core import activation as act
from srs_wizard.core import record
from srs_wizard.core.present.summary import summary_html
from tests.test_pdf import NOW, render, session_for, text_of, valid_mak

CORPUS = Path(__file__).parent / "corpus" / "ospp"


def result_for(name: str, source="pasted", expected_last5=None, found=(), expected=(), last5=None):
    text = act.decode_output((CORPUS / name).read_bytes())
    if last5:
        text = text.replace("key: Q7W3K", f"key: {last5}")
    report = act.read_status(text)
    return act.ActivationResult(source, "2026-11-28T10:45:00+08:00", report,
                                act.key_matches(report, expected_last5),
                                act.compare_kms_host(report, found, expected))


def test_record_holds_the_answer_and_loads_back():
    s = session_for("kms")
    s.activation = result_for("dstatus_several_products.txt", found=["kms00.contoso.com"])
    data = json.loads(s.to_record(now=NOW).dumps())
    rec = record.from_json(data)
    activation = rec.data["activation"]
    assert {"source", "checked_at", "verdict", "products", "key_matches", "kms_host", "override"} <= set(activation)
    assert activation["source"] == "pasted" and activation["verdict"] == "error"
    assert activation["error_code"] == "0xC004F074"
    assert [p["last5"] for p in activation["products"]] == ["GVGXT", "C2FG3", "TCK7R"]
    assert activation["key_matches"] is None and activation["override"] is False
    assert activation["kms_host"] is None  # Lync found no host in DNS
    back = act.result_from_json(activation)
    assert back.report.product.sku_id == "1b9f11e3-c85c-4e1b-bb29-879ad2c909e3"


def test_records_without_activation_still_load():
    data = json.loads(session_for("mak").to_record(now=NOW).dumps())
    assert data["activation"] is None
    del data["activation"]  # a record from before the field existed
    rec = record.from_json(data)
    assert "Activation not checked" in summary_html(rec)


@pytest.mark.parametrize("change, field", [
    (lambda a: a.update(verdict="maybe"), "activation.verdict"),
    (lambda a: a["products"][0].update(last5="Q7W3KX"), "activation.products[0].last5"),
    (lambda a: a.update(source="typed"), "activation.source"),
    (lambda a: a.update(checked_at="yesterday"), "activation.checked_at"),
    (lambda a: a.update(key_matches="yes"), "activation.key_matches"),
    (lambda a: a["products"][0].update(grace_minutes="many"), "activation.products[0].grace_minutes"),
    (lambda a: a.update(products="none"), "activation.products"),
])
def test_validation_names_the_field(change, field):
    s = session_for("mak")
    s.activation = result_for("dstatus_mak_grace.txt", expected_last5="Q7W3K")
    data = json.loads(s.to_record(now=NOW).dumps())
    change(data["activation"])
    with pytest.raises(record.RecordError) as info:
        record.from_json(data)
    assert any(p.field.startswith(field) for p in info.value.problems), info.value.problems


def test_a_whole_key_in_the_answer_is_refused():
    s = session_for("mak")
    s.activation = result_for("dstatus_mak_grace.txt")
    data = json.loads(s.to_record(now=NOW).dumps())
    record.from_json(data)
    data["activation"]["products"][0]["description"] = valid_mak()
    with pytest.raises(record.RecordError):
        record.from_json(data)


def test_promo_records_pending_and_ignores_a_stale_answer():
    s = session_for("promo")
    s.activation = result_for("dstatus_kms_dns_licensed.txt")
    rec = s.to_record(now=NOW)
    assert rec.data["activation"] is None
    html = summary_html(rec)
    assert "Promotional MAK requested; activation pending" in html


def test_pdf_shows_the_verdict_first_and_the_table(qapp, tmp_path):
    s = session_for("mak")
    key = valid_mak()
    s.activation = result_for("dstatus_mak_grace.txt", expected_last5=key[-5:], last5=key[-5:])
    assert s.activation.key_matches is True
    rec = s.to_record(now=NOW, machine="SRS-CONSOLE-01")
    _file, reader = render(tmp_path, rec)
    text = text_of(reader)
    verdict = "Error 0xC004C020: the MAK has no activations left"
    assert verdict in text
    assert text.index(verdict) < text.index("Technician") < text.index("Activation")
    assert "OfficeLyncVL_MAK" in text and "grace period" in text and "(36000" in text  # the cell may wrap before "min)"
    assert "VLSC" in text
    assert f"the last 5 characters match ({key[-5:]})" in text
    assert "proves the key, not the activation" in " ".join(text.split())  # the sentence may wrap
    assert key.replace("-", "")[:20] not in text.replace("-", "")


@pytest.mark.parametrize("path, words", [("kms", "Activation not checked"), ("mak", "Activation not checked"),
                                         ("promo", "Promotional MAK requested; activation pending")])
def test_pdf_without_activation_says_so(qapp, tmp_path, path, words):
    _file, reader = render(tmp_path, session_for(path).to_record(now=NOW))
    text = text_of(reader)
    assert words in text
    assert text.index(words) < text.index("Technician")


def test_cli_summary_renders_the_answer_in_chinese(tmp_path):
    from pypdf import PdfReader

    s = session_for("kms")
    s.activation = result_for("dstatus_kms_override.txt", expected=["kms00.contoso.com"])
    path = tmp_path / "rec.json"
    path.write_text(s.to_record(now=NOW).dumps(), "utf-8")
    out = tmp_path / "out.pdf"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    result = subprocess.run([sys.executable, "-m", "srs_wizard", "--lang", "zh_CN", "summary", str(path), "-o",
                             str(out)], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    text = "\n".join(p.extract_text() for p in PdfReader(str(out)).pages)
    assert "已许可" in text
    assert "kms-old.fabrikam.test:1688" in text and "/remhst" in text
