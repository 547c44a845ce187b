"""The one reader of input files and the one rule that an output never replaces an input."""

from __future__ import annotations

import os
import subprocess
import sys
import threading

import pytest

from srs_wizard.core import files


def test_read_bounded_reads_a_regular_file_up_to_its_limit(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 100)
    assert files.read_bounded(path, 100) == b"x" * 100
    with pytest.raises(files.TooLarge) as info:
        files.read_bounded(path, 99)
    assert info.value.limit == 99 and "larger than 99 bytes" in info.value.strerror


@pytest.mark.parametrize("kind", ["fifo", "directory", "device"])
def test_read_bounded_refuses_what_is_not_a_regular_file_without_waiting(tmp_path, kind):
    if kind == "fifo":
        path = tmp_path / "pipe"
        os.mkfifo(path)
    elif kind == "directory":
        path = tmp_path
    else:
        path = "/dev/zero"
    outcome = {}
    thread = threading.Thread(target=lambda: outcome.setdefault("error", _error(path)), daemon=True)
    thread.start()
    thread.join(5)
    assert not thread.is_alive(), "the reader waited on the file"
    error = outcome["error"]
    assert isinstance(error, files.NotARegularFile) and error.kind == kind
    assert "choose a file name" not in error.strerror  # a file to read, not to write


def _error(path):
    try:
        files.read_bounded(path, 1000)
    except OSError as exc:
        return exc
    return None


def test_refuse_overlap_compares_files_not_spellings(tmp_path):
    record = tmp_path / "room.json"
    record.write_text("{}")
    (tmp_path / "sub").mkdir()
    os.link(record, tmp_path / "hard.json")
    os.symlink(record, tmp_path / "soft.json")
    for output in (record, tmp_path / "sub" / ".." / "room.json", tmp_path / "hard.json", tmp_path / "soft.json"):
        with pytest.raises(files.SameFile) as info:
            files.refuse_overlap([record], [output])
        assert not info.value.other_is_output
    with pytest.raises(files.SameFile) as info:
        files.refuse_overlap([record], [tmp_path / "new.pdf", tmp_path / "sub" / ".." / "new.pdf"])
    assert info.value.other_is_output
    files.refuse_overlap([record], [tmp_path / "new.pdf", tmp_path / "new.csv", None])  # distinct: nothing raised


def test_only_the_command_that_runs_is_imported():
    code = ("import sys; from srs_wizard import cli\n"
            "try:\n    cli.main(['check-key', 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA'])\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('srs_wizard.commands.')), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    loaded = result.stderr.strip().splitlines()[-1]
    assert loaded == "['srs_wizard.commands.check_key', 'srs_wizard.commands.common']", result.stderr
    helped = subprocess.run([sys.executable, "-c", code.replace("['check-key', 'AAAAA-AAAAA-AAAAA-AAAAA-AAAAA']",
                                                                "['--help']")],
                            capture_output=True, text=True, timeout=60)
    assert helped.stderr.strip().splitlines()[-1] == "['srs_wizard.commands.common']"


def test_every_command_module_has_its_two_functions():
    from srs_wizard import commands

    for name in commands.COMMANDS:
        module = commands.load(name)
        assert callable(module.add_arguments) and callable(module.run), name
    assert set(commands.summaries()) == set(commands.COMMANDS)
