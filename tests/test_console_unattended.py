"""The collector run unattended, as device management runs it: ``srs-collect.cmd /quiet /out DIR``.

Under Debian's wine64, in one fresh prefix. Wine has no nslookup, no Office and no elevation
check that passes, so every real run here lists problems and ends with exit 1 ("written,
with problems"); exit 0 and the mapping of a failed script are shown with a stand-in script
in the collector's place, run by the real srs-collect.cmd. A full share is a small tmpfs and a
drop-box share (create, but neither rename nor delete) an append-only folder: both need root,
and are skipped, saying why, without it.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
from pathlib import Path

import pytest

from srs_wizard.core import console_file
from srs_wizard.core.console_script import write_console_script
from tests.conftest import run_cli as run
from tests.helpers import read_only
from tests.test_console_collector import WINE, Wine


@pytest.fixture(scope="module")
def wine(tmp_path_factory):
    if not os.access(WINE, os.X_OK):
        pytest.skip("wine64 is not installed (.ci/system-deps.sh installs Debian's wine64)")
    wine = Wine(tmp_path_factory.mktemp("wine") / "prefix")
    wine.computer_name = wine("cmd", "/c", "echo %COMPUTERNAME%").stdout.decode("ascii", "replace").strip()
    yield wine
    wine.stop()


LOADER_CRASH = b"Inconsistency detected by ld.so"


def collect(wine, *args, cwd: Path, outputs: tuple[Path, ...] = ()):
    """A run of the collector. Under load, Wine's launcher now and then crashes while it exits
    (glibc's ld.so assertion, exit 127), after the script ended: the exit code is lost, so
    the run is made again, from folders without what the lost run wrote."""
    before = {p for folder in outputs for p in folder.glob("srs-console-*")}
    for _ in range(3):
        result = wine(*args, cwd=cwd)
        if LOADER_CRASH not in result.stderr:
            return result
        for folder in outputs:
            for path in set(folder.glob("srs-console-*")) - before:
                path.unlink()
    return result


def windows(path: Path) -> str:
    return "Z:" + str(path).replace("/", "\\")


def scripts(tmp_path: Path) -> Path:
    folder = tmp_path / "netlogon"
    folder.mkdir()
    write_console_script(folder)
    return folder


def run_with_temp(wine, folder: Path, temp: Path, *args: str, outputs: tuple[Path, ...] = ()):
    """srs-collect.cmd with %TEMP% and %TMP% pointing at ``temp`` (as SYSTEM's C:\\Windows\\Temp)."""
    wrapper = folder / "with-temp.cmd"
    line = " ".join(f'"{a}"' for a in args)
    # Control passes to srs-collect.cmd (no "call": Wine's cmd loses the exit code of a call).
    wrapper.write_bytes((f"@set TEMP={windows(temp)}\r\n@set TMP={windows(temp)}\r\n"
                         f"@\"%~dp0srs-collect.cmd\" {line}\r\n").encode("ascii"))
    return collect(wine, "cmd", "/c", "with-temp.cmd", cwd=folder, outputs=outputs)


def reports(folder: Path) -> list[Path]:
    return sorted(folder.glob("srs-console-*.json"))


def test_quiet_into_a_folder_that_does_not_exist(wine, tmp_path):
    folder = scripts(tmp_path)
    share = tmp_path / "share"
    share.mkdir()
    out = share / "rollout 2026" / "consoles"  # two levels missing, a space in the path
    result = collect(wine, "cmd", "/c", "srs-collect.cmd", "/quiet", "/out", windows(out), cwd=folder,
                     outputs=(out,))
    assert result.returncode == 1, (result.stdout, result.stderr)  # written, with Wine's problems
    assert result.stdout == b""  # no banner, no progress, no "Press any key"
    [path] = reports(out)
    assert reports(folder) == []  # not beside the script
    assert path.name.startswith(f"srs-console-{wine.computer_name}-")
    raw = path.read_bytes()
    assert raw[:2] == b"\xff\xfe"
    data = json.loads(raw.decode("utf-16"))
    codes = [p["code"] for p in data["problems"]]
    assert "office_missing" in codes and "folder_read_only" not in codes
    assert console_file.read_file(str(path)).computer == wine.computer_name
    # The share's folder is what the project manager turns into one report.
    result = run("rollout", str(share), "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    [row] = data["rows"]
    assert (row["machine"], row["source"], row["report_file"]) == (wine.computer_name, "console_report", str(path))
    assert (row["status"], row["problem"]) == ("not_checked", "report_no_dstatus")  # Wine has no Office
    assert "office_missing" in row["console_problems"] and data["reports"] == 1


def test_quiet_into_an_existing_folder_keeps_what_is_there(wine, tmp_path):
    folder = scripts(tmp_path)
    out = tmp_path / "reports"
    out.mkdir()
    earlier = out / "srs-console-OTHER-20261101-080000.json"
    earlier.write_bytes(b"\xff\xfeearlier")
    # A trailing backslash, as an administrator types it in a program's command line.
    result = collect(wine, "cmd", "/c", "srs-collect.cmd", "/out", windows(out) + "\\", "/quiet", cwd=folder,
                     outputs=(out,))
    assert (result.returncode, result.stdout) == (1, b""), result.stderr
    assert earlier.read_bytes() == b"\xff\xfeearlier"
    written = [p for p in reports(out) if p != earlier]
    assert len(written) == 1 and written[0].name.startswith(f"srs-console-{wine.computer_name}-")
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_a_read_only_folder_sends_the_report_to_temp_with_a_problem(wine, tmp_path):
    folder = scripts(tmp_path)
    out, temp = tmp_path / "read-only share", tmp_path / "system temp"
    out.mkdir()
    temp.mkdir()
    with read_only(out):
        result = run_with_temp(wine, folder, temp, "/quiet", "/out", windows(out), outputs=(temp,))
    assert result.returncode == 1, result.stdout  # written, with a problem
    assert result.stdout == b""
    assert reports(out) == []
    [path] = reports(temp)
    data = json.loads(path.read_bytes().decode("utf-16"))
    [problem] = [p for p in data["problems"] if p["code"] == "folder_read_only"]
    assert windows(out) in problem["detail"] and windows(temp) in problem["detail"]


def test_nothing_writable_ends_with_exit_2(wine, tmp_path):
    folder = scripts(tmp_path)
    out, temp = tmp_path / "read-only share", tmp_path / "read-only temp"
    out.mkdir()
    temp.mkdir()
    with read_only(out), read_only(temp):
        result = run_with_temp(wine, folder, temp, "/quiet", "/out", windows(out))
    assert result.returncode == 2, result.stdout
    assert result.stdout == b""
    assert reports(out) == [] and reports(temp) == [] and reports(folder) == []


@contextlib.contextmanager
def tiny_disk(folder: Path, size: str):
    """``folder`` as a disk of ``size`` (a tmpfs): it takes a file, but not a report's contents,
    as a share over its quota or a full disk does. Mounting needs root."""
    if os.geteuid() != 0:
        pytest.skip("a full disk is played by a small tmpfs, and mounting one needs root")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0777", "tmpfs", str(folder)],
                             capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode(errors='replace').strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def test_a_full_share_sends_the_report_to_temp_and_leaves_nothing_behind(wine, tmp_path):
    """The share takes the new file but not all of its contents: as for a read-only folder,
    the report goes to %TEMP% with the problem, and the share holds what it held before."""
    folder = scripts(tmp_path)
    out, temp = tmp_path / "full share", tmp_path / "system temp"
    out.mkdir()
    temp.mkdir()
    with tiny_disk(out, "8k"):
        earlier = out / "srs-console-OTHER-20261101-080000.json"
        earlier.write_bytes(b"\xff\xfeearlier")  # one of the disk's two pages: half a report fits
        result = run_with_temp(wine, folder, temp, "/quiet", "/out", windows(out), outputs=(temp,))
        left = sorted(p.name for p in out.iterdir())
        assert earlier.read_bytes() == b"\xff\xfeearlier"
    assert result.returncode == 1, result.stderr  # written (to %TEMP%), with a problem
    assert result.stdout == b""
    assert left == [earlier.name]  # no report, no hidden .tmp
    [path] = reports(temp)
    assert [p.name for p in temp.iterdir() if p.name.startswith(".srs-console-")] == []
    data = json.loads(path.read_bytes().decode("utf-16"))
    [problem] = [p for p in data["problems"] if p["code"] == "folder_read_only"]
    assert windows(out) in problem["detail"] and windows(temp) in problem["detail"]
    assert console_file.read_file(str(path)).computer == wine.computer_name


def test_a_full_share_and_a_full_temp_end_with_exit_2_and_leave_nothing_behind(wine, tmp_path):
    folder = scripts(tmp_path)
    out, temp = tmp_path / "full share", tmp_path / "full temp"
    out.mkdir()
    temp.mkdir()
    with tiny_disk(out, "4k"), tiny_disk(temp, "4k"):
        result = run_with_temp(wine, folder, temp, "/quiet", "/out", windows(out))
        left = sorted(p.name for p in out.iterdir()) + sorted(p.name for p in temp.iterdir())
    assert result.returncode == 2, result.stderr
    assert result.stdout == b""
    assert [name for name in left if "srs-console-" in name] == []
    assert reports(folder) == []


def test_a_double_click_onto_a_full_stick_says_where_the_report_went(wine, tmp_path):
    folder = scripts(tmp_path)
    out, temp = tmp_path / "full stick", tmp_path / "user temp"
    out.mkdir()
    temp.mkdir()
    with tiny_disk(out, "4k"):
        result = run_with_temp(wine, folder, temp, "/nopause", "/out", windows(out), outputs=(temp,))
        left = list(out.iterdir())
    talk = result.stdout.decode("utf-8", "replace")
    assert result.returncode == 0, talk  # written
    assert left == []
    [path] = reports(temp)
    assert f"is read-only or full, so the report was written to {windows(temp)}" in talk
    assert f"Report written: {windows(path)}" in talk


@contextlib.contextmanager
def drop_box(folder: Path):
    """A folder where files may be created but not renamed or removed, as a drop-box share
    that gives the consoles "create files" alone (Linux's append-only flag on a folder, set by
    root)."""
    if os.geteuid() != 0:
        pytest.skip("a drop-box folder is played by the append-only flag, which needs root")
    if subprocess.run(["chattr", "+a", str(folder)], capture_output=True).returncode != 0:
        pytest.skip("this file system has no append-only flag for folders")
    try:
        yield folder
    finally:
        subprocess.run(["chattr", "-a", str(folder)], check=True)


def test_a_drop_box_that_refuses_the_rename_still_gets_the_report(wine, tmp_path):
    """Without the right to rename its own .tmp the collector writes the report under its own
    name at once, and names the .tmp it could not remove."""
    folder = scripts(tmp_path)
    out, temp = tmp_path / "drop box", tmp_path / "system temp"
    out.mkdir()
    temp.mkdir()
    earlier = out / "srs-console-OTHER-20261101-080000.json"
    earlier.write_bytes(b"\xff\xfeearlier")
    with drop_box(out):
        result = run_with_temp(wine, folder, temp, "/quiet", "/out", windows(out))
    assert result.returncode == 1, result.stderr  # written, with a problem to read
    assert result.stdout == b""
    assert reports(temp) == []
    assert earlier.read_bytes() == b"\xff\xfeearlier"
    [path] = [p for p in reports(out) if p != earlier]
    data = json.loads(path.read_bytes().decode("utf-16"))  # the whole report
    assert console_file.read_file(str(path)).computer == wine.computer_name
    codes = [p["code"] for p in data["problems"]]
    assert "folder_read_only" not in codes
    [problem] = [p for p in data["problems"] if p["code"] == "folder_no_rename"]
    [tmp] = [p for p in out.iterdir() if p.name.startswith(".")]
    assert tmp.name == f".{path.name}.tmp" and windows(tmp) in problem["detail"]


STAND_IN = {
    # The script's own outcome codes, and a script that stops with a runtime error.
    "written": 'WScript.Quit 10\r\n',
    "problems": 'WScript.Quit 11\r\n',
    "not written": 'WScript.Quit 12\r\n',
    "script error": 'Dim x\r\nx = 1 / 0\r\nWScript.Quit 10\r\n',
}


def test_the_cmd_turns_the_scripts_outcome_into_0_1_2(wine, tmp_path):
    folder = scripts(tmp_path)
    seen = {}
    for name, body in STAND_IN.items():
        (folder / "srs-collect.vbs").write_bytes(body.encode("ascii"))
        seen[name] = collect(wine, "cmd", "/c", "srs-collect.cmd", "/quiet", "/out", windows(tmp_path),
                             cwd=folder).returncode
    assert seen == {"written": 0, "problems": 1, "not written": 2, "script error": 2}
    # Bad usage is 2 at once, without running anything.
    assert collect(wine, "cmd", "/c", "srs-collect.cmd", "/quiet", "/out", cwd=folder).returncode == 2
    assert collect(wine, "cmd", "/c", "srs-collect.cmd", "/quiet", "/bogus", cwd=folder).returncode == 2
