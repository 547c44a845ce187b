"""The rollout over console reports beside records: one row per console, the console's own
``/dstatus`` deciding, the same PDF, CSV and JSON read back."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tracemalloc
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from srs_wizard.core import rollout
from tests.conftest import run_cli as run
from tests.console_reports import DSTATUS_ZH, encode, windows7_report
from tests.rollout_records import START, make_record, write

LICENSED_EN = """---Processing--------------------------
---------------------------------------
SKU ID: 1b9f11e3-c85c-4e1b-bb29-879ad2c909e3
LICENSE NAME: Office 15, OfficeLyncVL_KMS_Client edition
LICENSE DESCRIPTION: Office 15, VOLUME_KMSCLIENT channel
LICENSE STATUS:  ---LICENSED---
Last 5 characters of installed product key: TCK7R
---------------------------------------
---Exiting-----------------------------
"""
GRACE = DSTATUS_ZH.replace("ERROR CODE: 0xC004F074\n", "").replace("ERROR DESCRIPTION: The Software Licensing "
                                                                    "Service reported that the product could not be "
                                                                    "activated. No Key Management Service (KMS) could "
                                                                    "be contacted.\n", "")


def report(name: str, at: str, dstatus: str | None = LICENSED_EN, **changes) -> dict:
    runs = [] if dstatus is None else [{"path": "C:\\Program Files\\Microsoft Office\\Office15\\OSPP.VBS",
                                        "output": dstatus, "timed_out": False, "elapsed_ms": 3000}]
    problems = [] if dstatus is not None else [{"code": "not_elevated", "detail": "not run as administrator"}]
    return windows7_report(computer__name=name, computer__wmi_name=name, collected_at=at, office__dstatus=runs,
                           problems=problems, **changes)


def put(folder: Path, name: str, data: dict, encoding: str = "utf-16-bom") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(encode(data, encoding))
    return path


def at(days: float) -> str:
    return (START + timedelta(days=days)).isoformat()


def key() -> str:
    from tests.test_mak_page import valid_mak

    return valid_mak()


def fleet(folder: Path) -> None:
    """Records and reports of the same rooms, with conflicting times, broken files, reports
    without /dstatus, UTF-8 and UTF-16, and a report holding a whole key."""
    records, reports = folder / "records", folder / "share" / "consoles"
    # 07: a record without an activation check, and two reports: the newer (error) wins.
    write(records, "tech1/room07.json", make_record("kms", site="3F 会议室", machine="SRS-ROOM-07", created=START))
    put(reports, "srs-console-SRS-ROOM-07-old.json", report("SRS-ROOM-07", at(1)))
    put(reports, "srs-console-SRS-ROOM-07-new.json", report("srs-room-07", at(3), DSTATUS_ZH))
    # 08: the record's activation (licensed) is newer than the report (grace): the record decides.
    write(records, "tech1/room08.json", make_record("kms", site="4F", machine="SRS-ROOM-08",
                                                    created=START + timedelta(days=5), activation="licensed"))
    put(reports, "srs-console-SRS-ROOM-08.json", report("SRS-ROOM-08", at(2), GRACE))
    # 09: the report (licensed) is newer than the record's activation error: the report decides.
    write(records, "tech2/room09.json", make_record("mak", site="5F", machine="SRS-ROOM-09",
                                                    created=START + timedelta(days=1), activation="error"))
    put(reports, "srs-console-SRS-ROOM-09.json", report("SRS-ROOM-09", at(4)), encoding="utf-8")
    # 10: a report without /dstatus beside a record without a check: still not checked.
    write(records, "tech2/room10.json", make_record("kms", site="6F", machine="SRS-ROOM-10"))
    put(reports, "srs-console-SRS-ROOM-10.json", report("SRS-ROOM-10", at(2), None))
    # 11, 12: reports alone, one without /dstatus; 12's text holds a whole key.
    put(reports, "srs-console-SRS-ROOM-11.json", report("SRS-ROOM-11", at(2), GRACE))
    leaky = report("SRS-ROOM-12", at(2), None, computer__domain=f"rooms {key()} contoso")
    leaky["problems"].append({"code": "note", "detail": f"typed key {key()}"})
    put(reports, "srs-console-SRS-ROOM-12.json", leaky)
    # 13: a record alone.
    write(records, "tech3/room13.json", make_record("promo", site="7F", machine="SRS-ROOM-13"))
    # A UTF-8 report whose schema is not its first field (written by another tool).
    moved = report("SRS-ROOM-14", at(2))
    moved = {k: moved[k] for k in [*(k for k in moved if k != "schema"), "schema"]}
    put(reports, "exported/SRS-ROOM-14.json", moved, encoding="utf-8")
    # Broken: cut short, a bad time, a future schema, empty; and another program's JSON.
    good = encode(report("SRS-ROOM-15", at(2)))
    (reports / "srs-console-SRS-ROOM-15-cut.json").write_bytes(good[: len(good) // 4 * 2])
    put(reports, "srs-console-bad-time.json", report("SRS-ROOM-16", "yesterday"))
    put(reports, "srs-console-future.json", {**report("SRS-ROOM-17", at(2)), "schema": "srs-wizard/console/9"})
    (reports / "srs-console-empty.json").write_bytes(b"\xff\xfe")
    write(reports, "package.json", {"name": "left-pad"})


@pytest.fixture
def tree(tmp_path) -> Path:
    fleet(tmp_path / "tree")
    return tmp_path / "tree"


def test_one_row_per_console_and_the_consoles_own_answer_decides(tree):
    report = rollout.read_rollout([str(tree)])
    rows = {r.machine.upper(): r for r in report.rows}
    assert sorted(rows) == [f"SRS-ROOM-{n:02d}" for n in range(7, 15)]
    assert report.records == 5 and report.reports == 8 and report.foreign == 1
    assert report.older_reports == 1 and rows["SRS-ROOM-07"].older_reports == 1

    r07 = rows["SRS-ROOM-07"]  # the newest report (error) over the older one (licensed)
    assert (r07.source, r07.status, r07.problem) == ("both", "failing", "activation_error")
    assert r07.report_file.endswith("SRS-ROOM-07-new.json") and r07.file.endswith("room07.json")
    assert (r07.activation, r07.activation_source, r07.console_error_code) == ("error", "console_report",
                                                                                "0xC004F074")
    assert r07.site == "3F 会议室" and r07.customer == "Contoso Ltd"  # the record keeps the room's facts

    r08 = rows["SRS-ROOM-08"]  # the record's check is newer
    assert (r08.source, r08.status, r08.activation_source, r08.console_verdict) == (
        "both", "licensed", "record", "grace")
    r09 = rows["SRS-ROOM-09"]  # the report is newer (UTF-8 this time)
    assert (r09.status, r09.activation, r09.activation_source, r09.path) == (
        "licensed", "licensed", "console_report", "mak")
    r10 = rows["SRS-ROOM-10"]
    assert (r10.source, r10.status, r10.problem, r10.console_verdict) == (
        "both", "not_checked", "report_no_dstatus", None)
    assert r10.console_problems == ("not_elevated",)
    r11 = rows["SRS-ROOM-11"]
    assert (r11.source, r11.status, r11.problem, r11.path, r11.site) == (
        "console_report", "pending", "activation_grace", None, "")
    assert (rows["SRS-ROOM-12"].status, rows["SRS-ROOM-12"].problem) == ("not_checked", "report_no_dstatus")
    assert rows["SRS-ROOM-13"].source == "record" and rows["SRS-ROOM-13"].report_file is None
    assert rows["SRS-ROOM-14"].status == "licensed"  # found by its schema, not by its first bytes

    refused = {Path(n.file).name: n for n in report.not_included}
    assert set(refused) == {"srs-console-SRS-ROOM-15-cut.json", "srs-console-bad-time.json",
                            "srs-console-future.json", "srs-console-empty.json"}
    assert all(n.reason == "invalid" for n in refused.values())


def test_csv_json_and_pdf_show_the_same_rows(tree, tmp_path):
    out_pdf, out_csv = tmp_path / "fleet.pdf", tmp_path / "fleet.csv"
    result = run("rollout", str(tree), "-o", str(out_pdf), "--csv", str(out_csv), "--json", timeout=120)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["reports"] == 8 and data["older_reports"] == 1 and data["records"] == 5
    assert data["totals"]["rooms"] == 8 and len(data["rows"]) == 8
    by_machine = {r["machine"].upper(): r for r in data["rows"]}
    assert {r["source"] for r in data["rows"]} == {"record", "console_report", "both"}
    assert by_machine["SRS-ROOM-07"]["collected_at"] == at(3)
    assert by_machine["SRS-ROOM-11"]["path"] is None and by_machine["SRS-ROOM-11"]["report_file"]
    details = {Path(n["file"]).name: n["detail"] for n in data["not_included"]}
    assert "collected_at" in details["srs-console-bad-time.json"]
    assert "srs-wizard/console/1" in details["srs-console-future.json"]
    assert "cut short" in details["srs-console-SRS-ROOM-15-cut.json"]
    for name in details:
        assert name in result.stderr  # each said on standard error too

    rows = list(csv.reader(io.StringIO(out_csv.read_bytes().decode("utf-8-sig"), newline="")))
    header, body = rows[0], rows[1:]
    assert header[-2:] == ["Record file", "Console report"] and len(body) == 8
    cells = {r[3].upper(): dict(zip(header, r)) for r in body}
    assert cells["SRS-ROOM-07"]["Status"] == "Failing" and "0xC004F074" in cells["SRS-ROOM-07"]["Activation"]
    assert cells["SRS-ROOM-07"]["Console report"].startswith(str(tree / "share" / "consoles"))
    assert "(collected 2026-11-05)" in cells["SRS-ROOM-07"]["Console report"]
    assert cells["SRS-ROOM-11"]["Record file"] == "" and cells["SRS-ROOM-11"]["Status"] == "Pending"
    assert cells["SRS-ROOM-13"]["Console report"] == ""
    assert cells["SRS-ROOM-10"]["Needs attention"].startswith("The console report holds no license state")

    text = re.sub(r"\s+", "", "".join(page.extract_text() for page in PdfReader(str(out_pdf)).pages))
    for machine in by_machine:
        assert machine.lower() in text.lower()
    assert "8consolereportsread(1olderreportsofthesameconsolesnotshown)" in text
    assert "srs-console-bad-time.json" in text and "Consolereport" in text
    assert "Theconsolereportholdsnolicensestate" in text


def test_a_whole_key_in_a_report_is_masked_everywhere(tree, tmp_path):
    whole = key()
    result = run("rollout", str(tree), "-o", str(tmp_path / "r.pdf"), "--csv", str(tmp_path / "r.csv"), "--json",
                 timeout=120)
    assert result.returncode == 0, result.stderr
    pdf_text = "".join(p.extract_text() for p in PdfReader(str(tmp_path / "r.pdf")).pages)
    for output in (result.stdout, result.stderr, (tmp_path / "r.csv").read_text("utf-8-sig"), pdf_text):
        assert whole not in output and whole.replace("-", "") not in output
    row = next(r for r in json.loads(result.stdout)["rows"] if r["machine"] == "SRS-ROOM-12")
    assert row["status"] == "not_checked"  # the report is used: the reader cut the key to its last five


def test_reports_alone_are_a_report_exit_0(tmp_path):
    put(tmp_path, "a.json", report("SRS-A", at(1)))
    result = run("rollout", str(tmp_path), "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["totals"]["licensed"] == 1
    (tmp_path / "a.json").write_bytes(b"\xff\xfe{")
    assert run("rollout", str(tmp_path), "--json").returncode == 1  # nothing usable


def test_each_report_is_parsed_at_most_three_times(tmp_path, monkeypatch):
    calls = []
    real = json.loads

    def counting(text, *args, **kwargs):
        calls.append(len(text))
        return real(text, *args, **kwargs)

    monkeypatch.setattr(json, "loads", counting)
    put(tmp_path, "utf16.json", report("SRS-A", at(1)))
    moved = report("SRS-B", at(1))
    put(tmp_path, "moved.json", {**{k: v for k, v in moved.items() if k != "schema"}, "schema": moved["schema"]},
        encoding="utf-8")
    for name, most in (("utf16.json", 1), ("moved.json", 3)):
        calls.clear()
        kind, _ = rollout.read_one(str(tmp_path / name))
        assert kind == rollout.CONSOLE and 1 <= len(calls) <= most, (name, calls)


def test_memory_stays_bounded_with_more_reports_of_the_same_consoles(tmp_path):
    base = encode(report("SRS-X", at(1)))
    for count, folder in ((100, "few"), (1000, "many")):
        for i in range(count):
            data = report(f"SRS-{i % 20:02d}", at(i / 1000))
            batch = tmp_path / folder / f"batch{i // 50:02d}"  # a folder is listed whole: 50 each
            batch.mkdir(parents=True, exist_ok=True)
            (batch / f"r{i:04d}.json").write_bytes(encode(data))
    peaks = {}
    for folder in ("few", "many"):
        tracemalloc.start()
        try:
            result = rollout.read_rollout([str(tmp_path / folder)])
            peaks[folder] = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
        assert result.totals.rooms == 20
    assert result.reports == 1000 and result.older_reports == 980
    assert peaks["many"] < 2 * peaks["few"], peaks  # 10x the reports, not 10x the memory
    assert peaks["many"] < 1000 * len(base) / 20, peaks  # never the reports themselves


# --------------------------------------------------------------------------- progress


def test_the_progress_line_on_a_terminal(tmp_path):
    from srs_wizard.core.present.rollout import ProgressLine

    master, slave = os.openpty()
    with os.fdopen(slave, "w", encoding="utf-8") as terminal:
        assert ProgressLine.for_stream(terminal) is not None
        now = [0.0]
        line = ProgressLine(terminal, clock=lambda: now[0])
        line(10, 3)  # before the first second: nothing
        now[0] = 1.5
        line(4000, 1200)
        now[0] = 1.7
        line(4100, 1210)  # within the same second: nothing
        now[0] = 2.6
        line(5000, 1500)
        line.close()
    shown = b""
    while True:
        try:
            chunk = os.read(master, 4096)
        except OSError:
            break
        if not chunk:
            break
        shown += chunk
    os.close(master)
    text = shown.decode("utf-8")
    assert text.count("read ") == 2 and "read 4,000 files, 1,200 rooms" in text and "read 5,000 files" in text
    assert "4,100" not in text and "read 10 " not in text
    assert text.endswith("\r")  # erased at the end: what follows starts on a clean line
    with open(tmp_path / "log.txt", "w") as log:
        assert ProgressLine.for_stream(log) is None  # a log file or a pipe gets no progress


def test_no_progress_on_a_pipe_and_quiet_is_accepted(tree):
    for extra in ((), ("--quiet",)):
        result = run("rollout", str(tree), "--json", *extra)
        assert result.returncode == 0, result.stderr
        assert "files," not in result.stderr and "read " not in result.stderr.replace("records read", "")


def test_a_report_over_the_readers_limit_is_not_included(tmp_path):
    from srs_wizard.core import console

    big = report("SRS-BIG", at(1))
    big["office"]["dstatus"][0]["output"] = LICENSED_EN + " " * (console.MAX_BYTES // 2)
    put(tmp_path, "big.json", big)
    result = rollout.read_rollout([str(tmp_path)])
    [item] = result.not_included
    assert (item.reason, result.rows) == ("too_large", ())
    assert int(item.detail) > console.MAX_BYTES
    from srs_wizard.core.present.rollout import not_included_sentence

    assert not_included_sentence(item).startswith("console report: the file is larger than")


def test_the_pdf_of_1000_consoles_within_a_minute(tmp_path):
    # The issue's own bound, for the whole command on this machine (the bench measures it too).
    import time

    for i in range(1000):
        name = f"SRS-ROOM-{i:04d}"
        put(tmp_path / "share" / f"batch{i // 250}", f"srs-console-{name}.json",
            report(name, at(i / 1440), (LICENSED_EN, GRACE, DSTATUS_ZH, None)[i % 4]))
    out = tmp_path / "fleet.pdf"
    began = time.perf_counter()
    result = run("rollout", str(tmp_path / "share"), "-o", str(out), "--quiet", timeout=120)
    took = time.perf_counter() - began
    assert result.returncode == 0, result.stderr
    assert took < 60, took
    assert "1000 rooms: 250 licensed, 250 pending, 250 failing, 250 not checked" in result.stdout
    pages = PdfReader(str(out)).pages
    assert len(pages) > 10
    assert "SRS-ROOM-" in re.sub(r"\s+", "", pages[1].extract_text())
    assert "Nothing else counts as licensed" in pages[-1].extract_text()  # the last page is the notes
