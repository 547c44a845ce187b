"""read-status --console-report: the console's own /dstatus, taken from the collector's report."""

from __future__ import annotations

import json
from pathlib import Path

from tests.console_reports import DSTATUS_ZH, encode, windows7_report

CORPUS = Path(__file__).parent / "corpus" / "ospp"
LICENSED_ZH = (CORPUS / "dstatus_banner_zh.txt").read_text(encoding="utf-8")
OSPP = "C:\\Program Files\\Microsoft Office\\Office15\\OSPP.VBS"


def report_file(tmp_path, output: str | None = LICENSED_ZH, encoding: str = "utf-16-bom", **changes) -> Path:
    data = windows7_report(**changes)
    data["office"]["dstatus"] = ([] if output is None else
                                 [{"path": OSPP, "output": output, "timed_out": False, "elapsed_ms": 2900}])
    path = tmp_path / "srs-console-SRS-ROOM-07-20261128-140509.json"
    path.write_bytes(encode(data, encoding))
    return path


def test_a_licensed_console_with_a_chinese_banner_exits_0_and_says_where_it_was_collected(tmp_path, cli):
    path = report_file(tmp_path)
    result = cli("read-status", "--console-report", str(path))
    assert result.returncode == 0, result.stderr
    assert "collected on the console SRS-ROOM-07" in result.stdout
    assert "TCK7R" in result.stdout


def test_json_names_the_console_file_computer_and_time(tmp_path, cli):
    path = report_file(tmp_path, encoding="utf-8")
    result = cli("read-status", "--console-report", str(path), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["verdict"] == "licensed"
    assert data["product"]["last5"] == "TCK7R"
    assert data["console"] == {"file": str(path), "computer": "SRS-ROOM-07",
                               "collected_at": "2026-11-28T14:05:09+08:00"}


def test_an_error_on_the_console_exits_1_with_its_code(tmp_path, cli):
    path = report_file(tmp_path, output=DSTATUS_ZH)
    result = cli("read-status", "--console-report", str(path), "--json", "--expect-last5", "TCK7R")
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert data["verdict"] == "error" and data["product"]["error_code"].upper() == "0XC004F074"
    assert data["key_matches"] is True


def test_the_same_answer_as_a_plain_file(tmp_path, cli):
    path = report_file(tmp_path, encoding="utf-8")
    plain = tmp_path / "status.txt"
    plain.write_text(LICENSED_ZH, encoding="utf-8")
    from_report = json.loads(cli("read-status", "--console-report", str(path), "--json").stdout)
    from_file = json.loads(cli("read-status", str(plain), "--json").stdout)
    assert from_report.pop("console")["computer"] == "SRS-ROOM-07"
    assert from_report == from_file


def test_a_report_without_dstatus_names_why_in_one_line(tmp_path, cli):
    path = report_file(tmp_path, output=None, elevated=False,
                       problems=[{"code": "not_elevated", "detail": None},
                                 {"code": "office_missing", "detail": None}])
    result = cli("read-status", "--console-report", str(path))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "no ospp.vbs /dstatus output" in lines[0]
    assert "administrator" in lines[0] and "no Office ospp.vbs was found" in lines[0]
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_a_report_without_dstatus_in_chinese(tmp_path, cli):
    path = report_file(tmp_path, output=None, problems=[{"code": "office_missing", "detail": None}])
    result = cli("--lang", "zh_CN", "read-status", "--console-report", str(path))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "ospp.vbs" in result.stderr and "no ospp.vbs /dstatus output" not in result.stderr


def test_file_and_console_report_together_is_bad_usage(tmp_path, cli):
    path = report_file(tmp_path)
    plain = tmp_path / "status.txt"
    plain.write_text(LICENSED_ZH, encoding="utf-8")
    for file_arg in (str(plain), "-"):
        result = cli("read-status", file_arg, "--console-report", str(path))
        assert result.returncode == 2 and "--console-report" in result.stderr
        assert result.stdout == ""


def test_a_broken_or_missing_report_exits_2_without_a_traceback(tmp_path, cli):
    cut = tmp_path / "cut.json"
    cut.write_bytes(encode(windows7_report(), "utf-8")[:400])
    result = cli("read-status", "--console-report", str(cut))
    assert result.returncode == 2 and "not a usable console report" in result.stderr
    missing = cli("read-status", "--console-report", str(tmp_path / "nowhere.json"))
    assert missing.returncode == 2 and "cannot read" in missing.stderr
    for r in (result, missing):
        assert "Traceback" not in r.stderr


def test_a_whole_key_in_the_reports_dstatus_never_comes_out(tmp_path, cli):
    whole = LICENSED_ZH.replace("Last 5 characters of installed product key: TCK7R",
                                "Last 5 characters of installed product key: 2MG3G-3BNTT-3MFW9-KDQW3-TCK7R")
    path = report_file(tmp_path, output=whole)
    result = cli("read-status", "--console-report", str(path), "--json")
    assert "3BNTT" not in result.stdout + result.stderr
