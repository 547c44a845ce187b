"""The command line against hostile surroundings: code-page consoles, lone surrogates, odd
file names, deep trees, FIFOs, Ctrl-C, outputs that are inputs. Real processes throughout."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import run_cli
from tests.console_reports import DSTATUS_ZH, encode, windows7_report
from tests.rollout_records import make_record, write, write_many

OSPP = "C:\\Program Files\\Microsoft Office\\Office15\\OSPP.VBS"


def surrogate_report(tmp_path) -> Path:
    """A console report whose computer name is Chinese with a lone surrogate, and whose
    /dstatus text holds another (JSON allows them as escapes; Python reads them as is)."""
    data = windows7_report(computer__name="会议室-\ud800")
    data["office"]["dstatus"] = [{"path": OSPP, "output": DSTATUS_ZH.replace("Office 15,", "Office 15 \udc80,", 1),
                                  "timed_out": False, "elapsed_ms": 1}]
    path = tmp_path / "report.json"
    path.write_text(json.dumps(data, ensure_ascii=True), encoding="ascii")
    return path


def assert_no_traceback(result):
    err = result.stderr if isinstance(result.stderr, str) else result.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "cp936"])
def test_read_status_prints_chinese_and_lone_surrogates_in_any_output_encoding(tmp_path, encoding):
    path = surrogate_report(tmp_path)
    env = {"PYTHONIOENCODING": encoding}
    text = run_cli("read-status", "--console-report", str(path), stdin=b"", env=env)
    assert_no_traceback(text)
    assert text.returncode == 1, text.stderr  # 0xC004F074: not licensed
    out = text.stdout.decode(encoding)  # every byte written is of that encoding
    assert "collected on the console" in out
    as_json = run_cli("read-status", "--console-report", str(path), "--json", stdin=b"", env=env)
    assert_no_traceback(as_json)
    data = json.loads(as_json.stdout.decode(encoding))
    assert data["console"]["computer"].startswith("会议室-")  # the Chinese survives as JSON escapes
    assert data["verdict"] == "error" and data["advice"][0]["code"] == "0xC004F074"


@pytest.mark.parametrize("encoding", ["cp1252", "cp936"])
def test_check_kms_console_report_with_surrogates_in_a_code_page(tmp_path, encoding, responder):
    path = surrogate_report(tmp_path)
    silent = responder("refused")
    for extra in ((), ("--json",)):
        result = run_cli("check-kms", "--console-report", str(path), "--nameserver", f"127.0.0.1:{silent.port}",
                         "--timeout", "0.5", "--no-connect", *extra, stdin=b"", env={"PYTHONIOENCODING": encoding})
        assert_no_traceback(result)
        assert result.returncode == 3, result.stderr
        out = result.stdout.decode(encoding)
        if extra:
            assert json.loads(out)["console"]["computer"].startswith("会议室-")


def test_rollout_with_chinese_text_to_a_cp1252_pipe(tmp_path):
    write(tmp_path / "recs", "room.json", make_record(site="3F 会议室", technician="王小明"))
    result = run_cli("rollout", str(tmp_path / "recs"), stdin=b"", env={"PYTHONIOENCODING": "cp1252"})
    assert_no_traceback(result)
    assert result.returncode == 2  # no output named: bad usage, said in one line
    result = run_cli("rollout", str(tmp_path / "recs"), "--json", stdin=b"", env={"PYTHONIOENCODING": "cp1252"})
    assert_no_traceback(result)
    assert result.returncode == 0
    assert json.loads(result.stdout.decode("cp1252"))["rows"][0]["site"] == "3F 会议室"


def test_rollout_csv_of_a_record_whose_file_name_is_not_utf8(tmp_path):
    folder = tmp_path / "recs"
    write(folder, "room.json", make_record(site="Room 7"))
    os.rename(os.fsencode(folder / "room.json"), os.fsencode(folder) + b"/bad\xff.json")
    out = tmp_path / "out.csv"
    result = run_cli("rollout", str(folder), "--csv", str(out))
    assert_no_traceback(result)
    assert result.returncode == 0, result.stderr
    text = out.read_bytes().decode("utf-8-sig")
    assert "Room 7" in text and "bad\ufffd.json" in text  # the undecodable byte shown as a replacement mark
    listed = run_cli("rollout", str(folder), "--json")
    assert json.loads(listed.stdout)["rows"][0]["file"].endswith("bad\ufffd.json")


def test_rollout_of_a_folder_1200_levels_deep(tmp_path):
    deep = tmp_path / "tree"
    os.makedirs(deep)
    fd = os.open(deep, os.O_RDONLY)
    try:  # made relative to each level: the whole path is longer than PATH_MAX
        for _ in range(1200):
            os.mkdir("d", dir_fd=fd)
            child = os.open("d", os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = child
        with open(os.open("room.json", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "w", encoding="utf-8") as fh:
            json.dump(make_record(site="Basement"), fh)
    finally:
        os.close(fd)
    try:
        result = run_cli("rollout", str(deep), "--json")
    finally:
        _remove_deep(deep, 1200)
    assert_no_traceback(result)
    assert result.returncode in (0, 1), result.stderr
    data = json.loads(result.stdout)
    # the record is read, or (beyond what the OS lets a path name) listed as not included: never a crash
    assert data["records"] == 1 or data["not_included"], data


def _remove_deep(top: Path, levels: int) -> None:
    """Remove the deep tree level by level (shutil.rmtree, and so pytest's clean-up, recurse)."""
    fds = [os.open(top, os.O_RDONLY)]
    for _ in range(levels):
        fds.append(os.open("d", os.O_RDONLY, dir_fd=fds[-1]))
    os.unlink("room.json", dir_fd=fds[-1])
    for depth in range(levels, 0, -1):
        os.close(fds.pop())
        os.rmdir("d", dir_fd=fds[-1])
    os.close(fds.pop())


def test_check_key_stdin_reads_at_most_4_kb(tmp_path):
    with open("/dev/zero", "rb") as zero:
        proc = subprocess.Popen([sys.executable, "-m", "srs_wizard", "check-key", "--stdin"], stdin=zero,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                env=dict(os.environ, PYTHONIOENCODING="utf-8"))
        try:
            out, err = proc.communicate(timeout=20)
        finally:
            proc.kill()
    assert proc.returncode == 2
    assert "input too long" in err.decode()
    assert not out


def test_check_key_stdin_still_reads_one_pasted_line():
    result = run_cli("check-key", "--stdin", "--json", stdin="2MG3G-3BNTT-3MFW9-KDQW3-TCK7R\n" + "x" * 10_000)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["gvlk"]


@pytest.mark.parametrize("command", [["read-status", "--console-report"], ["check-kms", "--no-connect",
                                                                           "--console-report"]])
def test_a_console_report_that_is_a_fifo_is_refused_at_once(tmp_path, command):
    fifo = tmp_path / "report.json"
    os.mkfifo(fifo)
    result = run_cli(*command, str(fifo), timeout=20)
    assert result.returncode == 2
    assert "report.json" in result.stderr and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("command", [["read-status"], ["summary", "-o", "{tmp}/out.pdf"], ["rollout", "--json"]])
def test_input_files_that_are_fifos_or_folders_are_refused_at_once(tmp_path, command):
    fifo = tmp_path / "input.json"
    os.mkfifo(fifo)
    args = [a.format(tmp=tmp_path) for a in command]
    result = run_cli(*args, str(fifo), timeout=20)
    assert result.returncode in (1, 2), result.stderr
    assert "input.json" in result.stderr
    assert_no_traceback(result)


def test_an_unusable_console_report_exits_2_in_both_commands(tmp_path):
    bad = tmp_path / "report.json"
    bad.write_bytes(encode(windows7_report(schema="something/else")))
    status = run_cli("read-status", "--console-report", str(bad))
    kms = run_cli("check-kms", "--no-connect", "--console-report", str(bad))
    assert status.returncode == kms.returncode == 2, (status.stderr, kms.stderr)
    assert "not a usable console report" in status.stderr and "not a usable console report" in kms.stderr
    assert status.stderr == kms.stderr  # the same loader says the same words


# --------------------------------------------------------------------------- outputs that are inputs


def test_summary_refuses_to_write_the_pdf_over_its_record(tmp_path):
    record = write(tmp_path, "room.json", make_record())
    before = record.read_bytes()
    for output in (record, tmp_path / "sub" / ".." / "room.json"):
        (tmp_path / "sub").mkdir(exist_ok=True)
        result = run_cli("summary", str(record), "-o", str(output))
        assert result.returncode == 2, result.stderr
        assert "same file" in result.stderr
    os.link(record, tmp_path / "hard.json")
    os.symlink(record, tmp_path / "soft.json")
    for output in ("hard.json", "soft.json"):
        result = run_cli("summary", str(record), "-o", str(tmp_path / output))
        assert result.returncode == 2, result.stderr
    assert record.read_bytes() == before


def test_rollout_refuses_an_output_that_is_an_input_or_another_output(tmp_path):
    same = tmp_path / "same"
    record = write(same, "room.json", make_record())
    before = record.read_bytes()
    for args in ([str(record), "--csv", str(record)], [str(same), "--csv", str(record)],
                 [str(same), "-o", str(record)], [str(same), "-o", str(tmp_path / "out"), "--csv",
                                                  str(tmp_path / "out")]):
        result = run_cli("rollout", *args)
        assert result.returncode == 2, (args, result.stderr)
        assert_no_traceback(result)
    assert record.read_bytes() == before
    assert not (tmp_path / "out").exists()


def test_an_output_beside_its_inputs_is_still_written(tmp_path):
    record = write(tmp_path, "room.json", make_record())
    result = run_cli("rollout", str(record), "--csv", str(tmp_path / "rooms.csv"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "rooms.csv").exists()


# --------------------------------------------------------------------------- Ctrl-C


def interrupted(args: list[str], ready, stdin=subprocess.DEVNULL):
    """Start the command, wait until ``ready(proc)`` says it is at work, send SIGINT."""
    proc = subprocess.Popen([sys.executable, "-m", "srs_wizard", *args], stdin=stdin, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=dict(os.environ, PYTHONIOENCODING="utf-8"))
    try:
        ready(proc)
        assert proc.poll() is None, "the command ended before it could be interrupted"
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=20)
    finally:
        proc.kill()
        proc.wait()
    return proc.returncode, out.decode(), err.decode()


def test_ctrl_c_during_check_kms(responder):
    silent = responder("silent")
    code, out, err = interrupted(["check-kms", "--domain", "contoso.test", "--nameserver",
                                  f"127.0.0.1:{silent.port}", "--timeout", "60"],
                                 lambda proc: _wait_for(lambda: silent.received > 0))
    assert code == 130, err
    assert err.strip() == "cancelled" and "Traceback" not in err


def test_ctrl_c_during_read_status_from_a_pipe():
    read_fd, write_fd = os.pipe()
    try:
        code, out, err = interrupted(["read-status", "-"], lambda proc: time.sleep(1.5), stdin=read_fd)
    finally:
        os.close(read_fd)
        os.close(write_fd)
    assert code == 130, err
    assert err.strip() == "cancelled"


def test_ctrl_c_during_rollout(tmp_path):
    write_many(tmp_path / "recs", 4000, hosts=2, per_folder=50)
    code, out, err = interrupted(["rollout", str(tmp_path / "recs"), "--json"], lambda proc: time.sleep(1.0))
    assert code == 130, err
    assert err.strip() == "cancelled"


def _wait_for(condition, timeout=15.0):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline
        time.sleep(0.02)
