"""Control, C1 and bidi characters from untrusted files are shown as visible escapes."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from srs_wizard.core.text import visible, visible_json
from tests.console_reports import DSTATUS_ZH, encode, windows7_report

HOSTILE = ("\x1b[2J", "\x9b31m", "\u202e", "\u2066", "\u200f", "\u061c", "\x85", "\x07", "\x7f")
RAW = set("\x1b\x9b\u202e\u2066\u200f\u061c\x85\x07\x7f")


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "srs_wizard", *args], capture_output=True, input=stdin,
                          timeout=120, env=env)


def test_visible_escapes_what_a_terminal_or_a_layout_would_obey():
    assert visible("a\x1b[2Jb") == "a\\x1b[2Jb"
    assert visible("CSI \x9b31m") == "CSI \\x9b31m"
    assert visible("exe.\u202etxt") == "exe.\\u202etxt"
    assert visible("\u2066x\u2069 \u200e\u200f\u061c") == "\\u2066x\\u2069 \\u200e\\u200f\\u061c"
    assert visible("line one\r\nline two\tend\n") == "line one\nline two\tend\n"
    assert visible("lone\rreturn") == "lone\\x0dreturn"
    assert visible("北京 会议室 ok") == "北京 会议室 ok"
    text = json.dumps({"a": "x\x9by\u202ez\x1b"}, ensure_ascii=False)
    assert json.loads(visible_json(text)) == {"a": "x\x9by\u202ez\x1b"}
    assert not RAW & set(visible_json(text))


def test_read_status_shows_a_hostile_license_name_escaped(tmp_path):
    hostile = "".join(HOSTILE)
    text = DSTATUS_ZH.replace("OfficeLyncVL_KMS_Client edition", "OfficeLyncVL_KMS_Client edition" + hostile)
    path = tmp_path / "dstatus.txt"
    path.write_text(text, encoding="utf-8")
    shown = run("read-status", str(path))
    out = shown.stdout.decode("utf-8")
    assert b"Traceback" not in shown.stderr
    assert not RAW & set(out), repr(out)
    assert "\\u202e" in out and "\\x9b" in out
    as_json = run("read-status", str(path), "--json")
    raw_json = as_json.stdout.decode("utf-8")
    assert not RAW & set(raw_json)
    names = json.dumps(json.loads(raw_json), ensure_ascii=False)
    assert "\u202e" in names  # the JSON still holds the name as it was: escaped, not changed


def test_check_kms_shows_the_consoles_nslookup_text_and_computer_name_escaped(tmp_path):
    data = windows7_report()
    data["computer"]["name"] = "SRS-ROOM-07\u202e\x9b2J"
    data["nslookup"]["results"][0]["output"] += "\x1b[2J\x1b]0;owned\x07\u202eevil\x9b31m\n"
    path = tmp_path / "report.json"
    path.write_bytes(encode(data))
    result = run("check-kms", "--console-report", str(path), "--nameserver", "127.0.0.1:9", "--timeout", "0.3")
    out = result.stdout.decode("utf-8") + result.stderr.decode("utf-8")
    assert "Traceback" not in out
    assert not RAW & set(out), repr(out)
    as_json = run("check-kms", "--console-report", str(path), "--nameserver", "127.0.0.1:9", "--timeout", "0.3",
                  "--json")
    raw_json = as_json.stdout.decode("utf-8")
    assert not RAW & set(raw_json)
    json.loads(raw_json)


@pytest.mark.parametrize("field", ["notes", "site"])
def test_the_summary_and_the_pdf_show_control_and_bidi_characters_escaped(qapp, field):
    from pypdf import PdfReader

    from srs_wizard import pdf
    from srs_wizard.core import record
    from srs_wizard.core.present.summary import summary_html
    from tests.test_pdf import good_record

    data = good_record()
    data[field] = "Room \u202eA\u202c \x9b2J end"
    rec = record.unchecked(data)
    html = summary_html(rec)
    assert "\u202e" not in html and "\x9b" not in html and "\\u202e" in html and "\\x9b" in html
    import io

    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.render_pdf_bytes(rec))).pages)
    assert "\u202e" not in text and "u202e" in text.replace("\n", "")


def test_the_console_page_shows_a_hostile_computer_name_escaped(make_wizard, qtbot, tmp_path):
    from tests.helpers import go_to_kms
    from tests.test_console_page import import_report

    data = windows7_report()
    data["computer"]["name"] = "SRS\u202e70-MOOR\x9b2J"
    path = tmp_path / "r.json"
    path.write_bytes(encode(data))
    wizard = make_wizard()
    page = go_to_kms(wizard, qtbot)
    import_report(page, qtbot, path)
    shown = page.console_import.collected.text()
    assert "SRS\\u202e70-MOOR\\x9b2J" in shown and not RAW & set(shown), repr(shown)
