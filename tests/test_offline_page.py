"""The "Activate without internet" page through its real widgets, against a stand-in ospp.vbs
that is a real child process keeping the console's state (tests/ospp_offline_fake.py): from
0x80072EE2 on /act to Licensed, with every command copied from the page."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QPushButton, QWizard

from srs_wizard import flow
from srs_wizard.core import activation as act
from tests.test_activation_page import CORPUS, paste, to_activation_by_mak
from tests.test_mak_page import valid_mak

FAKE = str(Path(__file__).parent / "ospp_offline_fake.py")
OSPP = r'cscript "%ProgramFiles%\Microsoft Office\Office15\OSPP.VBS"'
LYNC_IID = "307418529630741852963074185296307418529630741852963074185296307"
CID = "123456234567345678456789567890678901789012890123"  # made up: its check is not published
# The same digits as an activation centre's page shows them and a technician types them.
CID_TYPED = "１２３４５６－２３４５６７ 345678-456789  ５６７８９０ 678901-789012 890123"


@pytest.fixture
def console(tmp_path):
    """The console's state folder: the confirmation ID its Lync installation ID takes."""
    state = tmp_path / "console"
    state.mkdir()
    (state / "cid").write_text(CID)
    return state


def copied(button) -> str:
    button.click()
    return QGuiApplication.clipboard().text()


def run_on_console(state: Path, command: str) -> str:
    """What the technician does with a copied command: runs it on the console."""
    assert command.startswith(OSPP + " "), command
    action = command[len(OSPP) + 1:]
    assert " " not in action, command
    done = subprocess.run([sys.executable, FAKE, str(state), action], capture_output=True, timeout=30)
    assert done.returncode == 0, done.stderr
    return act.decode_output(done.stdout)


def give(page_box, qtbot, text, ready):
    page_box.text.setFocus()
    page_box.text.selectAll()
    page_box.text.insertPlainText(text)  # like a paste: read once typing pauses
    qtbot.waitUntil(ready, timeout=5000)


def to_offline_page(wizard, qtbot, state):
    key = valid_mak()
    (state / "last5").write_text(key[-5:])
    page = to_activation_by_mak(wizard, key)
    act_command = copied(page.copy_buttons[1])
    paste(page, qtbot, run_on_console(state, act_command))
    assert page.verdict.text() == "Error 0x80072EE2: the activation server could not be reached"
    assert "without internet" in page.next_step.text()
    assert page.offline_button.isVisible() and page.offline_button.property("urgent") is True
    assert wizard.nextId() == flow.Page.OFFLINE  # the server cannot be reached: Next goes there
    wizard.next()
    assert wizard.currentId() == flow.Page.OFFLINE
    return wizard.offline_page, key


def test_from_0x80072EE2_on_act_to_licensed_with_every_command_copied(make_wizard, qtbot, console):
    wizard = make_wizard()
    page, key = to_offline_page(wizard, qtbot, console)
    assert page.title() == "Activate without internet"

    # 1. /inpkey, the whole key only on Copy; 2. /dinstid
    assert page.command_edits[0].text() == f"{OSPP} /inpkey:*****-*****-*****-*****-{key[-5:]}"
    assert copied(page.copy_buttons[0]) == f"{OSPP} /inpkey:{key}"
    dinstid = copied(page.copy_buttons[1])
    assert dinstid == f"{OSPP} /dinstid"
    give(page.iid_box, qtbot, run_on_console(console, dinstid), lambda: page.installation_id is not None)
    groups = [LYNC_IID[i:i + 7] for i in range(0, 63, 7)]
    assert page.iid_groups.text() == " ".join(groups)  # Lync's, though the suite's line comes first
    assert "9 groups of 7 digits" in page.iid_caption.text()
    assert page.iid_groups.font().pointSizeF() > page.intro.font().pointSizeF() * 1.5
    assert "Microsoft's activation centre (by phone or on the web page the activation wizard shows)" \
        in page.centre.text()
    assert copied(page.copy_iid) == " ".join(groups)
    offline = wizard.session.activation.offline  # the record says offline activation is under way
    assert offline == act.OfflineActivation(9, act.OFFLINE_NOT_DEPOSITED)

    # 3. the confirmation ID: a letter is refused at once, separators and full-width digits are not
    assert not page.copy_buttons[2].isEnabled()
    page.cid.setText("123456-23A567")
    assert page.cid_message.isVisible() and "“A” (character 10) is not one" in page.cid_message.text()
    assert not page.copy_buttons[2].isEnabled()
    page.cid.setText(CID_TYPED)
    assert not page.cid_message.isVisible()
    assert page.cid_groups.text() == "123456 234567 345678 456789 567890 678901 789012 890123"
    assert "valid" not in (page.cid_groups.text() + page.cid_groups.toolTip() + page.cid_message.text()).lower()
    actcid = copied(page.copy_buttons[2])
    assert actcid == f"{OSPP} /actcid:{CID}"

    # 3 and 4 answered: the suite refuses Lync's confirmation ID beside Lync taking it
    answer = run_on_console(console, actcid) + run_on_console(console, copied(page.copy_buttons[3]))
    give(page.answer_box, qtbot, answer, lambda: page.result is not None)
    assert page.verdict.text() == "Licensed"
    assert page.products.rowCount() == 3
    assert [page.products.item(r, 2).text() for r in range(3)] == ["/actcid: refused", "/actcid: activated",
                                                                    "licensed"]  # in the order printed
    result = wizard.session.activation
    assert result.report.verdict == act.LICENSED and result.key_matches is True
    assert result.offline == act.OfflineActivation(9, act.OFFLINE_ACTIVATED)
    assert wizard.nextId() == flow.Page.SUMMARY
    wizard.next()
    text = wizard.summary_page.view.toPlainText()
    assert "Activated offline with a confirmation ID on" in text
    record = wizard.session.to_record().to_json()
    assert record["activation"]["offline"] == {"used": True, "installation_id_groups": 9, "result": "activated",
                                               "error_code": None}
    assert LYNC_IID[:20] not in str(record) and CID[:20] not in str(record)


def test_a_wrong_digit_is_explained_and_the_console_decides(make_wizard, qtbot, console):
    wizard = make_wizard()
    page, _key = to_offline_page(wizard, qtbot, console)
    give(page.iid_box, qtbot, run_on_console(console, copied(page.copy_buttons[1])),
         lambda: page.installation_id is not None)
    page.cid.setText(CID[:-1] + "9")  # one digit wrong: nothing here can tell
    assert not page.cid_message.isVisible()
    answer = run_on_console(console, copied(page.copy_buttons[2])) + run_on_console(console, copied(
        page.copy_buttons[3]))
    give(page.answer_box, qtbot, answer, lambda: page.result is not None)
    assert page.verdict.text() == "Error 0xC004F04D: the installation ID or the confirmation ID is invalid"
    assert "A digit is wrong, or the ID is for another installation" in page.next_step.text()
    assert "run /dinstid again after any key change" in page.next_step.text()
    assert wizard.session.activation.offline.result == act.OFFLINE_REFUSED
    wizard.next()
    assert "Not activated offline: the console refused the confirmation ID (0xC004F04D" \
        in wizard.summary_page.view.toPlainText()


def test_run_here_on_the_console_itself(make_wizard, qtbot, console):
    wizard = make_wizard()
    page, _key = to_offline_page(wizard, qtbot, console)
    page.set_runner_command([sys.executable, FAKE, str(console)])
    assert page.iid_box.run_button.isVisible() and page.iid_box.run_button.isEnabled()
    assert not page.answer_box.run_button.isEnabled()  # no confirmation ID typed yet
    page.iid_box.run_button.click()
    assert page.busy and not wizard.button(QWizard.NextButton).isEnabled()
    qtbot.waitUntil(lambda: not page.busy and page.installation_id is not None, timeout=15000)
    assert page.installation_id.digits == LYNC_IID
    page.cid.setText(CID)
    page.answer_box.run_button.click()
    qtbot.waitUntil(lambda: not page.busy and page.result is not None, timeout=15000)
    assert page.result.source == "ran" and page.verdict.text() == "Licensed"
    assert page.result.offline.result == act.OFFLINE_ACTIVATED
    assert wizard.button(QWizard.NextButton).isEnabled()


def test_from_a_file_and_from_a_console_report(make_wizard, qtbot, tmp_path, console):
    from tests.console_reports import encode, windows7_report

    wizard = make_wizard()
    page, _key = to_offline_page(wizard, qtbot, console)
    page.choose_file = lambda: str(CORPUS / "dinstid_utf16_bom.txt")
    page.iid_box.open_file.click()
    qtbot.waitUntil(lambda: not page.busy and page.installation_id is not None, timeout=5000)
    assert page.installation_id.digits == LYNC_IID

    data = windows7_report()
    data["office"]["dinstid"] = [{"path": "C:\\Program Files\\Microsoft Office\\Office15\\OSPP.VBS",
                                  "output": (CORPUS / "dinstid_two_products.txt").read_text("ascii").replace(
                                      LYNC_IID, "1" * 63), "timed_out": False, "elapsed_ms": 800}]
    report = tmp_path / "srs-console-SRS-ROOM-07-20261128-140509.json"
    report.write_bytes(encode(data, "utf-16-bom"))
    page.console_import.choose_file = lambda _folder: str(report)
    page.console_import.button.click()
    qtbot.waitUntil(lambda: page.installation_id is not None and page.installation_id.digits == "1" * 63,
                    timeout=5000)
    assert "Read the /dinstid answer of" in page.iid_box.status.text()

    # The report imported on an earlier page is read again from its file, on the pool.
    wizard.session.console = {"file": str(report), "computer": "SRS-ROOM-07",
                              "collected_at": "2026-11-28T14:05:09+08:00"}
    page.iid_box.text.clear()
    qtbot.waitUntil(lambda: page.installation_id is None, timeout=5000)
    page.initializePage()
    assert page.use_kms_report.isVisible()
    page.use_kms_report.click()
    qtbot.waitUntil(lambda: not page.busy and page.installation_id is not None, timeout=5000)
    assert page.installation_id.digits == "1" * 63

    data["office"]["dinstid"] = []
    report.write_bytes(encode(data, "utf-16-bom"))
    page.console_import.button.click()
    qtbot.waitUntil(lambda: "holds no /dinstid answer" in page.iid_box.status.text(), timeout=5000)


def test_a_hanging_ospp_is_stopped_without_blocking_the_window(make_wizard, qtbot, console):
    import time

    from tests.helpers import Heartbeat

    wizard = make_wizard()
    page, _key = to_offline_page(wizard, qtbot, console)
    page.set_runner_command([sys.executable, str(Path(__file__).parent / "ospp_fake.py"), "sleep", "30"])
    page.run_timeout = 1.0
    beat = Heartbeat()
    started = time.monotonic()
    page.iid_box.run_button.click()
    assert page.busy and page.cancel_run.isVisible() and not wizard.button(QWizard.NextButton).isEnabled()
    qtbot.waitUntil(lambda: not page.busy, timeout=15000)
    beat.stop()
    assert time.monotonic() - started < 10
    assert "did not finish within 1 s" in page.iid_box.status.text()
    assert beat.count > 20 and beat.longest < 0.5, (beat.count, beat.longest)
    page.iid_box.run_button.click()
    page.cancel_run.click()
    assert not page.busy and page.iid_box.status.text() == "Cancelled."


def test_reached_by_its_link_at_any_time_on_the_mak_path(make_wizard, qtbot):
    wizard = make_wizard()
    page = to_activation_by_mak(wizard)
    assert page.offline_button.isVisible() and not page.offline_button.property("urgent")
    assert wizard.nextId() == flow.Page.SUMMARY  # nothing said the server cannot be reached
    page.offline_button.click()
    assert wizard.currentId() == flow.Page.OFFLINE
    wizard.back()
    assert wizard.currentId() == flow.Page.ACTIVATION


def test_accessible_names_tooltips_and_touch_sizes(make_wizard, qtbot, console):
    wizard = make_wizard()
    page, _key = to_offline_page(wizard, qtbot, console)
    page.set_runner_command([sys.executable, FAKE, str(console)])
    controls = [page.office, page.cid, page.iid_box.text, page.answer_box.text, page.iid_box.open_file,
                page.answer_box.open_file, page.iid_box.run_button, page.answer_box.run_button, page.cancel_run,
                page.copy_iid, page.use_kms_report, page.console_import.button, page.products, page.verdict,
                *page.command_edits, *page.copy_buttons]
    for widget in controls:
        assert widget.accessibleName(), widget
        if widget not in (page.verdict, page.products):
            assert widget.toolTip(), widget.accessibleName()
    assert page.cid_label.buddy() is page.cid and page.iid_box.label.buddy() is page.iid_box.text
    qtbot.wait(50)
    for button in page.findChildren(QPushButton):
        if button.isVisible():
            assert button.height() >= 40, (button.text(), button.height())


def test_the_page_speaks_chinese_and_keeps_what_it_read(make_wizard, qtbot, console):
    wizard = make_wizard()
    page, _key = to_offline_page(wizard, qtbot, console)
    give(page.iid_box, qtbot, run_on_console(console, copied(page.copy_buttons[1])),
         lambda: page.installation_id is not None)
    page.cid.setText("12345６-7x")
    wizard.set_language("zh_CN")
    assert page.title() == "无互联网激活"
    assert "9 组，每组 7 位数字" in page.iid_caption.text()
    assert "Microsoft 激活中心（通过电话，或通过激活向导显示的网页）" in page.centre.text()
    assert "“x”（第 9 个字符）不是数字" in page.cid_message.text()
    assert page.iid_groups.text().split() == [LYNC_IID[i:i + 7] for i in range(0, 63, 7)]
    wizard.set_language("en")
    assert page.title() == "Activate without internet"


def test_a_file_that_cannot_be_read_is_said_in_the_systems_words(make_wizard, qtbot, tmp_path, console):
    wizard = make_wizard()
    page, _key = to_offline_page(wizard, qtbot, console)
    missing = tmp_path / "no such answer.txt"
    page.choose_file = lambda: str(missing)
    page.iid_box.open_file.click()
    qtbot.waitUntil(lambda: not page.busy and "could not be read" in page.iid_box.status.text(), timeout=5000)
    text = page.iid_box.status.text()
    assert str(missing) in text and "No such file or directory" in text and "[Errno" not in text
    assert page.iid_box.open_file.isEnabled()  # idle again
