"""Where a file is written: a regular file or a new path only; a symlink is written through."""

from __future__ import annotations

import json
import os
import stat

import pytest

from srs_wizard.core import files
from tests.test_pdf import good_record


def test_a_device_is_refused_and_left_alone():
    before = os.stat("/dev/null")
    with pytest.raises(files.NotARegularFile) as info:
        files.atomic_write("/dev/null", b"x")
    assert info.value.kind == files.DEVICE
    after = os.stat("/dev/null")
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


def test_a_fifo_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(files.NotARegularFile) as info:
        files.atomic_write(fifo, b"x")
    assert info.value.kind == files.FIFO
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_folder_is_refused(tmp_path):
    with pytest.raises(files.NotARegularFile) as info:
        files.atomic_write(tmp_path, b"x")
    assert info.value.kind == files.DIRECTORY
    assert isinstance(info.value, OSError)  # every caller that handles OSError handles this


@pytest.mark.parametrize("mode", [0o644, 0o640, 0o600, 0o664])
def test_an_overwritten_file_keeps_its_mode(tmp_path, mode):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    os.chmod(target, mode)
    files.atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(os.stat(target).st_mode) == mode


def test_a_new_file_gets_the_usual_mode(tmp_path):
    old = os.umask(0o022)
    try:
        files.atomic_write(tmp_path / "new.pdf", b"new")
    finally:
        os.umask(old)
    assert stat.S_IMODE(os.stat(tmp_path / "new.pdf").st_mode) == 0o644


def test_a_symlink_is_written_through_to_its_target(tmp_path):
    (tmp_path / "real").mkdir()
    target = tmp_path / "real" / "summary.pdf"
    target.write_bytes(b"old")
    os.chmod(target, 0o640)
    link = tmp_path / "link.pdf"
    link.symlink_to(target)
    files.atomic_write(link, b"new")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_bytes() == b"new"
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.pdf", "real"]


def test_a_dangling_symlink_creates_its_target(tmp_path):
    link = tmp_path / "link.pdf"
    link.symlink_to(tmp_path / "later.pdf")
    files.atomic_write(link, b"new")
    assert link.is_symlink() and (tmp_path / "later.pdf").read_bytes() == b"new"


def test_a_symlink_to_a_device_or_a_loop_is_refused(tmp_path):
    link = tmp_path / "null.pdf"
    link.symlink_to("/dev/null")
    with pytest.raises(files.NotARegularFile):
        files.atomic_write(link, b"x")
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    loop = tmp_path / "a"
    loop.symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(loop)
    with pytest.raises(OSError):
        files.atomic_write(loop, b"x")


def test_many_writes_nothing_when_one_target_is_refused(tmp_path):
    good = tmp_path / "a.pdf"
    good.write_bytes(b"old")
    with pytest.raises(files.NotARegularFile):
        files.atomic_write_many([(good, b"new"), (tmp_path, b"x")])
    assert good.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.pdf"]


# --------------------------------------------------------------------------- summary -o


@pytest.fixture
def record_file(tmp_path):
    path = tmp_path / "rec.json"
    path.write_text(json.dumps(good_record()), encoding="utf-8")
    return path


@pytest.mark.parametrize("where", ["/dev/null", "fifo", "folder", "link to /dev/null"])
def test_summary_refuses_what_is_not_a_regular_file(tmp_path, record_file, where, cli):
    if where == "fifo":
        target = tmp_path / "pipe"
        os.mkfifo(target)
    elif where == "folder":
        target = tmp_path
    elif where == "link to /dev/null":
        target = tmp_path / "null.pdf"
        target.symlink_to("/dev/null")
    else:
        target = where
    result = cli("summary", str(record_file), "-o", str(target))
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "regular file" in lines[0], result.stderr
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_summary_overwrites_a_file_keeping_its_mode_and_writes_through_a_link(tmp_path, record_file, cli):
    target = tmp_path / "out.pdf"
    target.write_bytes(b"old")
    os.chmod(target, 0o644)
    link = tmp_path / "link.pdf"
    link.symlink_to(target)
    result = cli("summary", str(record_file), "-o", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and target.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o644


def test_save_pdf_to_a_fifo_says_why_and_leaves_it(make_wizard, qtbot, tmp_path):
    from PySide6.QtWidgets import QWizard

    from tests.test_save_pdf import to_summary

    fifo = tmp_path / "pipe.pdf"
    os.mkfifo(fifo)
    wizard = make_wizard()
    page, failures = to_summary(wizard)
    page.choose_save_path = lambda s: str(fifo)
    wizard.button(QWizard.CustomButton1).click()
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert failures and "regular file" in failures[0] and "pipe" in failures[0]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith("appdata")) == ["pipe.pdf"]
