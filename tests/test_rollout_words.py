"""The rollout's words and outputs say what is known, and nothing a file holds can bend them:
file names with line breaks and escapes, console reports alone, timed-out /dstatus runs,
basic ISO times, older reports, and a standard output that cannot be written."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.conftest import run_cli as run
from tests.console_reports import DSTATUS_ZH
from tests.rollout_records import START, make_record, write
from tests.test_rollout_consoles import at, put, report

CSI, RLO = "\x9b", "\u202e"


def csv_cells(path: Path) -> list[dict[str, str]]:
    rows = list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def pdf_text(path: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(str(path)).pages)


def timed_out_report(name: str) -> dict:
    """A report whose ospp.vbs /dstatus ran out of time: the collector wrote no output."""
    data = report(name, at(2), None)
    data["office"]["dstatus"] = [{"path": "C:\\Program Files\\Microsoft Office\\Office15\\OSPP.VBS",
                                  "output": None, "timed_out": True, "elapsed_ms": 120000}]
    data["problems"] = [{"code": "dstatus_timeout", "detail": "ospp.vbs /dstatus did not finish in 120 s"}]
    return data


# --------------------------------------------------------------------------- 7: the progress line


def test_the_progress_line_is_erased_by_its_width_on_the_terminal(tmp_path):
    from srs_wizard import qm
    from srs_wizard.core.present.rollout import ProgressLine, display_width, progress_line

    qm.install_for_cli("zh_CN")
    try:
        shown_line, short_line = progress_line(4000, 1200), progress_line(5, 1)
        master, slave = os.openpty()
        with os.fdopen(slave, "w", encoding="utf-8") as terminal:
            now = [0.0]
            line = ProgressLine(terminal, clock=lambda: now[0])
            now[0] = 1.5
            line(4000, 1200)
            now[0] = 3.0
            line(5, 1)  # a shorter line: what is left of the longer one is blanked too
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
    finally:
        qm.install_for_cli("en")
    text = shown.decode("utf-8")
    width = display_width(shown_line)
    assert width > len(shown_line)  # Chinese characters take two columns each
    first, second, erase = text.split("\r")[1:4]
    assert first == shown_line
    assert second.startswith(short_line) and display_width(second) == width  # the longer line blanked
    # Erased by the columns it takes (its padding is blank already).
    assert len(short_line) < display_width(short_line) and erase == " " * display_width(short_line)
    assert text.endswith("\r")


# --------------------------------------------------------------------------- 8: file names


def test_a_file_name_never_breaks_or_forges_a_line(tmp_path):
    tree = tmp_path / "tree"
    (tree / "bad").mkdir(parents=True)
    (tree / "bad" / "fake.json\nnot included: forged.json").write_bytes(b"\xff\xfe{")
    (tree / "bad" / "esc\x1b[2J\r.json").write_text("{", encoding="utf-8")
    put(tree, f"srs-console-{RLO}nosj.exe\n.json", report("SRS-NL", at(1)))
    write(tree, "room\nfile.json", make_record("kms", site="2F", machine="SRS-REC"))
    out_csv, out_pdf = tmp_path / "r.csv", tmp_path / "r.pdf"
    result = run("rollout", str(tree), "--csv", str(out_csv), "-o", str(out_pdf), timeout=120)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 2 and all(line.startswith("not included: ") for line in lines), lines
    assert "\r" not in result.stderr and "\x1b" not in result.stderr
    assert any("fake.json\\x0anot included: forged.json" in line for line in lines)
    assert any("esc\\x1b[2J\\x0d.json" in line for line in lines)

    cells = {c["Computer"]: c for c in csv_cells(out_csv)}
    assert cells["SRS-REC"]["Record file"].endswith("room\\x0afile.json")
    assert "\\u202enosj.exe\\x0a.json (collected" in cells["SRS-NL"]["Console report"]
    assert not any("\n" in v or RLO in v for c in cells.values() for v in c.values())

    text = pdf_text(out_pdf)
    assert "fake.json\\x0anot" in text.replace("\n", "") and RLO not in text


# --------------------------------------------------------------------------- 9: words that say no more than is known


def test_a_console_report_alone_does_not_point_to_a_record(tmp_path):
    put(tmp_path / "share", "srs-console-SRS-ERR.json", report("SRS-ERR", at(1), DSTATUS_ZH))
    put(tmp_path / "share", "srs-console-SRS-SLOW.json", timed_out_report("SRS-SLOW"))
    for language, record_word, admin_word in (("en", "see its record", "not run as administrator"),
                                              ("zh_CN", "请查看其记录", "未以管理员身份")):
        out = tmp_path / f"{language}.csv"
        result = run("rollout", str(tmp_path / "share"), "--csv", str(out), "--lang", language)
        assert result.returncode == 0, result.stderr
        cells = {c[list(c)[3]]: c for c in csv_cells(out)}
        attention = list(cells["SRS-ERR"])[10]
        error, slow = cells["SRS-ERR"][attention], cells["SRS-SLOW"][attention]
        assert error and record_word not in error
        assert slow and admin_word not in slow
        if language == "en":
            assert "/dstatus" in error and "timed out" in slow
        else:
            assert "/dstatus" in error and "超时" in slow


def test_an_error_from_the_report_beside_a_record_is_not_sent_to_the_record(tmp_path):
    # The record has no check; its console's newer report says error: the record cannot show it.
    write(tmp_path, "room.json", make_record("kms", site="3F", machine="SRS-J2"))
    put(tmp_path, "srs-console-SRS-J2.json", report("SRS-J2", at(3), DSTATUS_ZH))
    # A record whose own check failed, newer than its console's licensed report: see the record.
    write(tmp_path, "own.json", make_record("kms", site="4F", machine="SRS-OWN", activation="error",
                                            created=START + timedelta(days=5)))
    put(tmp_path, "srs-console-SRS-OWN.json", report("SRS-OWN", at(1)))
    result = run("rollout", str(tmp_path), "--csv", str(tmp_path / "r.csv"))
    assert result.returncode == 0, result.stderr
    cells = {c["Computer"]: c for c in csv_cells(tmp_path / "r.csv")}
    assert "/dstatus" in cells["SRS-J2"]["Needs attention"]
    assert "see its record" not in cells["SRS-J2"]["Needs attention"]
    assert cells["SRS-OWN"]["Needs attention"] == "Activation failed on the console: see its record."


def test_the_report_beside_a_record_says_why_it_holds_no_state(tmp_path):
    write(tmp_path, "room.json", make_record("kms", site="6F", machine="SRS-SLOW"))
    put(tmp_path, "srs-console-SRS-SLOW.json", timed_out_report("SRS-SLOW"))
    result = run("rollout", str(tmp_path), "--csv", str(tmp_path / "r.csv"))
    assert result.returncode == 0, result.stderr
    [row] = csv_cells(tmp_path / "r.csv")
    assert "timed out" in row["Needs attention"] and "administrator" not in row["Needs attention"]


def test_nothing_read_names_records_and_console_reports(tmp_path):
    (tmp_path / "empty").mkdir()
    result = run("rollout", str(tmp_path / "empty"), "--json")
    assert result.returncode == 1
    assert "no session record or console report could be read" in result.stderr
    helped = run("rollout", "--help")
    assert helped.returncode == 0 and "console reports" in " ".join(helped.stdout.split())


# --------------------------------------------------------------------------- 10: the collected date


@pytest.mark.parametrize("collected, day", [("20261201T080102+0800", "2026-12-01"),
                                            ("2026-W48-2T08:01:02+08:00", "2026-11-24")])
def test_the_console_report_cell_shows_the_day_of_the_parsed_moment(tmp_path, collected, day):
    put(tmp_path, "srs-console-SRS-ISO.json", report("SRS-ISO", collected))
    result = run("rollout", str(tmp_path), "--csv", str(tmp_path / "out.csv"))
    assert result.returncode == 0, result.stderr
    [row] = csv_cells(tmp_path / "out.csv")
    assert row["Date"] == day and row["Console report"].endswith(f"(collected {day})")


# --------------------------------------------------------------------------- 11: reasons that are true


def test_a_file_too_large_to_read_is_not_called_a_record(tmp_path):
    from srs_wizard.core import rollout

    big = tmp_path / "srs-console-SRS-HUGE.json"
    with open(big, "wb") as fh:
        fh.write(b"\xff\xfe")
        fh.truncate(rollout.MAX_RECORD_BYTES + 2)
    result = run("rollout", str(tmp_path), "--json")
    [item] = json.loads(result.stdout)["not_included"]
    assert item["reason"] == "too_large"
    [line] = result.stderr.splitlines()[:1]
    assert "too large" in line and "for a record" not in line and "console report" in line


def test_a_report_nested_too_deeply_says_so(tmp_path):
    data = report("SRS-DEEP", at(1))
    nested: object = "x"
    for _ in range(40):
        nested = [nested]
    data["office"]["extra"] = nested
    put(tmp_path, "srs-console-SRS-DEEP.json", data)
    result = run("rollout", str(tmp_path), "--json")
    [item] = json.loads(result.stdout)["not_included"]
    assert "nested more than 16 deep" in item["detail"] and "not valid JSON" not in item["detail"]


def test_an_encoding_problem_that_ends_a_file_says_it_is_cut_short():
    from srs_wizard.core import console
    from srs_wizard.core.present.console import problem_text

    cut = problem_text(console.ReportProblem("", console.ENCODING, {"position": 6152, "cut_short": True}))
    assert "cut short" in cut and "neither UTF-8 nor UTF-16" not in cut
    whole = problem_text(console.ReportProblem("", console.ENCODING, {"position": 12}))
    assert "neither UTF-8 nor UTF-16" in whole


# --------------------------------------------------------------------------- 14: older reports, escapes in CSV


def test_older_reports_and_escaped_names_in_csv_and_pdf(tmp_path):
    name = f"SRS-{RLO}EVIL{CSI}"
    for day in (1, 2, 3):
        put(tmp_path / "share", f"srs-console-{day}.json", report(name, at(day)))
    write(tmp_path / "records", "a.json", make_record("kms", site="Room 1", machine="SRS-01"))
    write(tmp_path / "records", "b.json", make_record("kms", site="Room 1", machine="SRS-01", technician="Bo",
                                                      created=START + timedelta(days=1)))
    out_csv, out_pdf = tmp_path / "r.csv", tmp_path / "r.pdf"
    result = run("rollout", str(tmp_path), "--csv", str(out_csv), "-o", str(out_pdf), timeout=120)
    assert result.returncode == 0, result.stderr
    raw = out_csv.read_text("utf-8-sig")
    assert RLO not in raw and CSI not in raw
    cells = {c["Computer"]: c for c in csv_cells(out_csv)}
    evil = cells["SRS-\\u202eEVIL\\x9b"]
    assert evil["Older reports"] == "2" and evil["Older records"] == ""
    assert cells["SRS-01"]["Older records"] == "1" and cells["SRS-01"]["Older reports"] == ""
    header = list(evil)
    assert header.index("Older reports") == header.index("Older records") + 1
    text = " ".join(pdf_text(out_pdf).split())
    assert "Older reports" in text


# --------------------------------------------------------------------------- 15: standard output


def _command(*args: str) -> list[str]:
    return [sys.executable, "-m", "srs_wizard", *args]


def _env() -> dict:
    return dict(os.environ, PYTHONIOENCODING="utf-8")


@pytest.fixture
def share(tmp_path) -> Path:
    for i in range(3):
        put(tmp_path / "share", f"srs-console-{i}.json", report(f"SRS-{i:02d}", at(1)))
    return tmp_path / "share"


def _one_clear_line(err: str) -> None:
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert err.strip().splitlines() == [err.strip().splitlines()[0]]
    assert "cannot write to standard output" in err


def test_json_to_a_closed_standard_output_fails(share):
    result = subprocess.run(_command("rollout", str(share), "--json"), stdout=None, stderr=subprocess.PIPE,
                            env=_env(), timeout=60, preexec_fn=lambda: os.close(1))
    assert result.returncode == 1
    _one_clear_line(result.stderr.decode("utf-8"))


@pytest.mark.parametrize("command", [("rollout", "SHARE", "--json"), ("read-status", "-", "--json")])
def test_json_to_a_full_disk_fails(share, command):
    args = [str(share) if a == "SHARE" else a for a in command]
    with open("/dev/full", "w") as full:
        result = subprocess.run(_command(*args), stdout=full, stderr=subprocess.PIPE, input=DSTATUS_ZH.encode(),
                                env=_env(), timeout=60)
    assert result.returncode == 1
    _one_clear_line(result.stderr.decode("utf-8"))


def test_the_files_are_still_written_when_standard_output_is_full(share, tmp_path):
    out_csv = tmp_path / "r.csv"
    with open("/dev/full", "w") as full:
        result = subprocess.run(_command("rollout", str(share), "--csv", str(out_csv)), stdout=full,
                                stderr=subprocess.PIPE, env=_env(), timeout=60)
    assert result.returncode == 1
    _one_clear_line(result.stderr.decode("utf-8"))
    assert len(csv_cells(out_csv)) == 3  # the report asked for is there all the same


def test_a_reader_gone_before_the_json_is_written_fails(tmp_path):
    from tests.rollout_records import write_many

    write_many(tmp_path / "records", 400, hosts=2)  # far more JSON than a pipe holds
    proc = subprocess.Popen(_command("rollout", str(tmp_path / "records"), "--json"), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=_env())
    proc.stdout.close()
    err = proc.stderr.read().decode("utf-8")
    assert proc.wait(timeout=60) == 1
    _one_clear_line(err)


# --------------------------------------------------------------------------- 16: the footer


def test_the_pdf_footer_has_no_separator_without_a_customer(tmp_path):
    from srs_wizard import __version__

    put(tmp_path / "share", "srs-console-SRS-A.json", report("SRS-A", at(1)))
    result = run("rollout", str(tmp_path / "share"), "-o", str(tmp_path / "r.pdf"), timeout=120)
    assert result.returncode == 0, result.stderr
    text = pdf_text(tmp_path / "r.pdf")
    assert f"srs-wizard {__version__}" in text and f"srs-wizard {__version__} ·" not in text
    write(tmp_path / "records", "a.json", make_record("kms", machine="SRS-A", customer="Contoso Ltd"))
    result = run("rollout", str(tmp_path), "-o", str(tmp_path / "r2.pdf"), timeout=120)
    assert f"srs-wizard {__version__} · Contoso Ltd" in pdf_text(tmp_path / "r2.pdf")
