"""Drafts: any file at the draft's path, any JSON in it, any folder, and the start survives.

Real files, real FIFOs, real read-only folders; the wizard through its real widgets.
"""

from __future__ import annotations

import json
import logging
import os
import threading

import pytest

from srs_wizard.core import session as session_mod
from srs_wizard.core.session import DraftError, Session
from tests.helpers import fill_welcome, read_only
from tests.test_pdf import session_for


def good_draft(**changes) -> dict:
    data = session_for("kms").to_draft()
    data.update(changes)
    return data


def nested(depth: int) -> str:
    return "[" * depth + "]" * depth


# --------------------------------------------------------------------------- the core's checks

WRONG_SHAPES = {
    "kms is a list": {"kms": []},
    "unknown verdict": {"kms": {**good_draft()["kms"], "verdict": "splendid"}},
    "domains is a number": {"kms": {**good_draft()["kms"], "domains": 5}},
    "hosts hold lists": {"kms": {**good_draft()["kms"], "hosts": [[1, 2]]}},
    "addresses hold numbers": {"kms": {**good_draft()["kms"], "hosts": [
        {**good_draft()["kms"]["hosts"][0], "addresses": [1, 2]}]}},
    "promo is a list": {"promo": ["company"]},
    "systems as text": {"promo": {**good_draft()["promo"], "systems": "7"}},
    "deployment date a number": {"promo": {**good_draft()["promo"], "deployment_date": 20261201}},
    "technician a number": {"technician": 5},
    "customer an object": {"customer": {"name": "x"}},
    "unknown choice": {"choice": "maybe"},
    "unknown fallback": {"fallback": "pray"},
    "kms_inputs a list": {"kms_inputs": ["contoso.test"]},
    "timeout as text": {"kms_inputs": {"domains": "", "timeout": "5"}},
    "timeout true": {"kms_inputs": {"timeout": True}},
    "checklist a list": {"mak_checklist": ["vlsc_sign_in"]},
    "checklist values text": {"mak_checklist": {"vlsc_sign_in": "yes"}},
    "actions unknown": {"promo_actions": ["printed"]},
    "actions an object": {"promo_actions": {"saved": True}},
    "a lone surrogate": {"notes": "ok \ud800"},
    "deep nesting": {"notes": json.loads(nested(500))},
    "a huge field": {"site": "x" * 200_000},
}


@pytest.mark.parametrize("changes", WRONG_SHAPES.values(), ids=WRONG_SHAPES.keys())
def test_a_draft_of_the_wrong_shape_is_a_draft_error(changes):
    data = good_draft(**changes)
    with pytest.raises(DraftError) as caught:
        Session.from_draft(data)
    assert caught.value.problems
    # The problems name fields or codes, never a value (a draft may hold what was typed).
    assert "splendid" not in str(caught.value) and "maybe" not in str(caught.value)


@pytest.mark.parametrize("raw", [b"NaN", b'{"schema": "srs-wizard/draft/1", "kms_inputs": {"timeout": NaN}}',
                                 b'{"schema": "srs-wizard/draft/1", "notes": Infinity}',
                                 nested(100_000).encode(), b'{"a": ' * 100_000, b"\xff\xfe", b"[]", b"5"])
def test_bytes_that_are_no_draft_are_a_draft_error(raw, tmp_path):
    path = tmp_path / "draft.json"
    path.write_bytes(raw)
    with pytest.raises(DraftError):
        data, _written = session_mod.read_draft(path)
        Session.from_draft(data)


def test_a_good_draft_round_trips(tmp_path):
    original = session_for("kms")
    original.kms_inputs.domains = "contoso.test"
    original.kms_inputs.timeout = 7.5
    path = tmp_path / "draft.json"
    path.write_text(json.dumps(original.to_draft(), ensure_ascii=False), "utf-8")
    data, written = session_mod.read_draft(path)
    again = Session.from_draft(data)
    assert written == pytest.approx(path.stat().st_mtime)
    assert (again.technician, again.customer, again.site, again.notes) == \
        (original.technician, original.customer, original.site, original.notes)
    assert again.kms == original.kms
    assert again.kms_inputs == original.kms_inputs


def test_a_draft_too_large_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "draft.json"
    with open(path, "wb") as fh:
        fh.truncate(session_mod.DRAFT_MAX_BYTES + 1)  # sparse: no disk used
    with pytest.raises(DraftError) as caught:
        session_mod.read_draft(path)
    assert caught.value.problems == [session_mod.TOO_LARGE]


def in_a_thread(fn, release, seconds=10.0):
    """Run ``fn``; if it is still blocked after ``seconds``, call ``release`` to free it and
    report that it blocked. Returns (blocked, outcome)."""
    outcome = {}

    def run():
        try:
            outcome["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            outcome["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    blocked = thread.is_alive()
    if blocked:
        release()
        thread.join(5)
    return blocked, outcome


def unblock_fifo(path):
    """Open the other end of a FIFO, so that a reader or writer waiting on it goes on."""
    def release():
        for flags in (os.O_WRONLY | os.O_NONBLOCK, os.O_RDONLY | os.O_NONBLOCK):
            try:
                os.close(os.open(path, flags))
            except OSError:
                pass
    return release


def test_a_fifo_is_refused_at_once(tmp_path):
    fifo = tmp_path / "draft.json"
    os.mkfifo(fifo)
    blocked, outcome = in_a_thread(lambda: session_mod.read_draft(fifo), unblock_fifo(fifo))
    assert not blocked, "opening the draft waited for a writer"
    assert isinstance(outcome.get("error"), DraftError)
    assert outcome["error"].problems == [session_mod.NOT_A_FILE]


def test_a_fifo_where_the_log_goes_is_not_opened(tmp_path):
    from srs_wizard import logfile

    os.mkfifo(tmp_path / logfile.LOG_NAME)
    logger = logging.getLogger("srs_wizard")
    before = list(logger.handlers)
    try:
        blocked, outcome = in_a_thread(lambda: logfile.setup(tmp_path), unblock_fifo(tmp_path / logfile.LOG_NAME))
        assert not blocked, "opening the log waited for a reader"
        assert outcome == {"value": None}
    finally:
        for handler in set(logger.handlers) - set(before):
            logger.removeHandler(handler)
            handler.close()


# --------------------------------------------------------------------------- the wizard


def write_draft(folder, data, name="draft.json"):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(json.dumps(data, ensure_ascii=False), "utf-8")
    return folder / name


def read(path) -> dict:
    try:
        return json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return {}


def set_aside_files(folder):
    return sorted(folder.glob("draft-unreadable-*"))


SHOWN_WRONG = ("kms is a list", "unknown verdict", "domains is a number", "addresses hold numbers",
               "promo is a list", "timeout as text", "deep nesting")


@pytest.mark.parametrize("changes", [WRONG_SHAPES[k] for k in SHOWN_WRONG], ids=SHOWN_WRONG)
def test_the_wizard_sets_a_wrong_draft_aside_with_a_message(make_wizard, tmp_path, changes):
    data_dir = tmp_path / "appdata"
    write_draft(data_dir, good_draft(**changes))
    wizard = make_wizard(data_dir=data_dir)
    assert not wizard.has_draft_offer
    assert wizard.welcome.resume_box.isVisible()
    assert "could not be read" in wizard.welcome.resume_text.text()
    assert not wizard.welcome.resume_button.isVisible()
    assert not (data_dir / "draft.json").exists()
    aside = set_aside_files(data_dir)
    assert len(aside) == 1 and str(aside[0]) in wizard.welcome.resume_text.text()
    assert wizard.welcome.technician.isEnabled()  # a fresh start, usable at once


@pytest.mark.parametrize("kind", ["fifo", "device", "folder"])
def test_no_regular_file_at_the_draft_path_never_freezes_the_start(make_wizard, tmp_path, kind):
    import stat

    data_dir = tmp_path / "appdata"
    data_dir.mkdir()
    path = data_dir / "draft.json"
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "device":
        try:
            os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 3))  # what /dev/null is
        except PermissionError:
            pytest.skip("making a device node needs root")
    else:
        path.mkdir()
    release = unblock_fifo(path)
    started = threading.Event()
    blocked = []

    def watchdog():  # frees a start stuck on the FIFO, and says so
        if not started.wait(10):
            blocked.append(True)
            release()
    threading.Thread(target=watchdog, daemon=True).start()
    wizard = make_wizard(data_dir=data_dir)
    started.set()
    assert not blocked, "the start waited on the draft's path"
    assert not wizard.has_draft_offer
    assert "could not be read" in wizard.welcome.resume_text.text()
    assert not os.path.lexists(path) and len(set_aside_files(data_dir)) == 1
    fill_welcome(wizard, site="Room 2")  # and drafts work again
    wizard.save_draft()
    wizard.wait_for_files()
    assert read(path)["site"] == "Room 2"


def test_the_resume_banner_shows_a_name_as_typed(make_wizard, tmp_path):
    from PySide6.QtCore import Qt

    data_dir = tmp_path / "appdata"
    write_draft(data_dir, good_draft(customer="<h1>x</h1>&amp;"))
    wizard = make_wizard(data_dir=data_dir)
    assert wizard.has_draft_offer
    label = wizard.welcome.resume_text
    assert label.textFormat() == Qt.PlainText
    assert "(<h1>x</h1>&amp;)" in label.text()


def crash(wizard):
    """What a crash leaves: the window gone, nothing shut down, no draft written after."""
    wizard.wait_for_files()
    wizard._closed = True  # nothing may be saved after the "crash" (the fixture's shutdown included)
    wizard.hide()


def test_the_new_session_is_saved_while_the_offer_is_open(make_wizard, qtbot, tmp_path):
    data_dir = tmp_path / "appdata"
    old = write_draft(data_dir, good_draft(customer="Old Co", site="Room 1"))
    old_bytes = old.read_bytes()
    first = make_wizard(data_dir=data_dir)
    assert first.has_draft_offer and "Old Co" in first.welcome.resume_text.text()
    fill_welcome(first, customer="New Co", site="Room 7")  # typed while the question is open
    second = data_dir / "draft-2.json"
    qtbot.waitUntil(lambda: read(second).get("site") == "Room 7", timeout=5000)
    assert old.read_bytes() == old_bytes  # the offered draft is kept as it was
    crash(first)

    # After the crash: the newest session is offered first, the older one is still there.
    again = make_wizard(data_dir=data_dir)
    assert again.has_draft_offer and "New Co" in again.welcome.resume_text.text()
    assert old.read_bytes() == old_bytes
    again.welcome.resume_button.click()
    assert again.welcome.site.text() == "Room 7"
    again.welcome.site.setFocus()
    again.welcome.site.insert(" east")
    qtbot.waitUntil(lambda: read(second).get("site") == "Room 7 east", timeout=5000)
    again.ensure_pages()
    again.remove_draft()  # as when it finishes
    assert not second.exists() and old.read_bytes() == old_bytes
    crash(again)

    # And the older one is offered at the next start.
    third = make_wizard(data_dir=data_dir)
    assert third.has_draft_offer and "Old Co" in third.welcome.resume_text.text()


def test_start_fresh_keeps_the_new_session_and_drops_the_old(make_wizard, qtbot, tmp_path):
    data_dir = tmp_path / "appdata"
    old = write_draft(data_dir, good_draft(customer="Old Co"))
    wizard = make_wizard(data_dir=data_dir)
    fill_welcome(wizard, customer="New Co", site="Room 7")
    qtbot.waitUntil(lambda: read(data_dir / "draft-2.json").get("customer") == "New Co", timeout=5000)
    wizard.welcome.discard_button.click()
    assert not old.exists()
    wizard.welcome.site.setFocus()
    wizard.welcome.site.insert("b")
    qtbot.waitUntil(lambda: read(data_dir / "draft-2.json").get("site") == "Room 7b", timeout=5000)
    assert wizard.welcome.customer.text() == "New Co"


def test_resume_replaces_welcome_fields_and_their_second_draft(make_wizard, qtbot, tmp_path):
    data_dir = tmp_path / "appdata"
    write_draft(data_dir, good_draft(customer="Old Co", site="Room 1"))
    wizard = make_wizard(data_dir=data_dir)
    fill_welcome(wizard, customer="New Co", site="Room 7")
    qtbot.waitUntil(lambda: (data_dir / "draft-2.json").exists(), timeout=5000)
    wizard.welcome.resume_button.click()
    assert wizard.welcome.customer.text() == "Old Co"
    assert not (data_dir / "draft-2.json").exists()  # only the welcome fields, replaced in sight
    assert wizard.draft_path == data_dir / "draft.json"


def unwritable(tmp_path, how):
    if how == "read-only folder":
        locked = tmp_path / "home"
        locked.mkdir()
        return locked, locked / ".local" / "share" / "srs-wizard"
    blocker = tmp_path / "appdata"
    blocker.write_text("not a folder")
    return None, blocker


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # the offscreen platform, on a dialog
@pytest.mark.parametrize("how", ["read-only folder", "a file in the way"])
def test_drafts_that_cannot_be_written_are_told_once(make_wizard, qtbot, tmp_path, caplog, how):
    from PySide6.QtWidgets import QMessageBox

    locked, data_dir = unwritable(tmp_path, how)
    with read_only(locked) if locked is not None else _nothing():
        wizard = make_wizard(data_dir=data_dir)
        with caplog.at_level(logging.WARNING, logger="srs_wizard"):
            fill_welcome(wizard, site="Room 1")
            qtbot.waitUntil(lambda: wizard.draft_notice is not None, timeout=5000)
            box = wizard.draft_notice
            assert box.isVisible() and not box.isModal()  # the work goes on
            text = box.text()
            assert str(data_dir) in text and "Save PDF" in text
            if how == "a file in the way":
                assert "is a file, not a folder" in text
            # More typing, more failed writes: no second message.
            for site in ("Room 2", "Room 3"):
                fill_welcome(wizard, site=site)
                wizard.save_draft()
                wizard.wait_for_files()
            qtbot.waitUntil(lambda: sum("cannot be written" in r.getMessage() for r in caplog.records) >= 3,
                            timeout=5000)
            assert len([b for b in wizard.findChildren(QMessageBox) if b.isVisible()]) == 1
        wizard.next()  # the wizard is usable with the message open
        box.close()
        wizard.shutdown()


class _nothing:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def test_a_draft_saved_before_the_look_never_overwrites_one(qtbot, settings, tmp_path):
    from srs_wizard.ui.wizard import SrsWizard

    data_dir = tmp_path / "appdata"
    old = write_draft(data_dir, good_draft(customer="Old Co"))
    old_bytes = old.read_bytes()
    wizard = SrsWizard(settings=settings, data_dir=data_dir)
    qtbot.addWidget(wizard)
    wizard.session.site = "typed at once"  # before the first paint looked for drafts
    wizard.session_changed()
    wizard.save_draft()
    wizard.wait_for_files()
    assert old.read_bytes() == old_bytes
    wizard.show()
    qtbot.waitUntil(lambda: wizard.started, timeout=5000)
    assert wizard.has_draft_offer and "Old Co" in wizard.welcome.resume_text.text()  # not its own draft
    assert read(wizard.draft_path)["site"] == "typed at once"
    wizard.shutdown()


def test_resume_keeps_a_new_session_taken_past_the_welcome_page(make_wizard, qtbot, tmp_path):
    from srs_wizard import flow

    data_dir = tmp_path / "appdata"
    write_draft(data_dir, good_draft(customer="Old Co", site="Room 1"))
    wizard = make_wizard(data_dir=data_dir)
    fill_welcome(wizard, customer="New Co", site="Room 7")
    wizard.next()
    wizard.choose_path.buttons[flow.CHOICE_PROMO].click()
    qtbot.waitUntil(lambda: read(data_dir / "draft-2.json").get("choice") == flow.CHOICE_PROMO, timeout=5000)
    wizard.back()
    wizard.welcome.resume_button.click()
    assert wizard.welcome.customer.text() == "Old Co"
    assert read(data_dir / "draft-2.json")["customer"] == "New Co"  # kept, offered at a later start


def test_a_draft_with_a_malformed_console_or_answer_is_set_aside_not_resumed():
    # Resumed, it would make a record the program's own validator refuses (Save PDF would write it).
    from srs_wizard.core.session import DraftError, Session

    good = Session(technician="T", customer="C", site="S").to_draft()
    for name, value in (("console", {"computer": "SRS-ROOM-07", "file": None, "collected_at": "noon"}),
                        ("console", {"computer": 7}),
                        ("activation", {"verdict": "sort of"})):
        with pytest.raises(DraftError) as info:
            Session.from_draft(dict(good, **{name: value}))
        assert info.value.problems == [name]


def test_to_record_refuses_what_the_validator_would():
    from srs_wizard.core import record
    from srs_wizard.core.session import Session

    session = Session(technician="T" * 3000, customer="C", site="S", choice="mak")
    with pytest.raises(record.RecordError) as info:
        session.to_record()
    assert "technician" in [p.field for p in info.value.problems]
    assert session.to_record(check=False).data["technician"] == "T" * 3000  # shown, never saved
