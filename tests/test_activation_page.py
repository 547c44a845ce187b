"""The "Activate and check" page through its real widgets: commands, paste, file, and Run on
this computer against real child processes (tests/ospp_fake.py)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWizard

from srs_wizard import flow
from srs_wizard.core import activation as act
from srs_wizard.core import ospp_run
from tests.helpers import Heartbeat, fill_welcome, go_to_kms
from tests.test_mak_page import go_to_mak, valid_mak

CORPUS = Path(__file__).parent / "corpus" / "ospp"
FAKE = str(Path(__file__).parent / "ospp_fake.py")


def corpus_text(name: str) -> str:
    return act.decode_output((CORPUS / name).read_bytes())


def to_activation_by_mak(wizard, key=None):
    page = go_to_mak(wizard)
    page.key.setText(key or valid_mak())
    wizard.next()
    assert wizard.currentId() == flow.Page.ACTIVATION
    return wizard.activation_page


def to_activation_by_kms(wizard, qtbot, dnsmasq, kms_zone, expect=""):
    zone, _ = kms_zone
    server = dnsmasq(zone)
    page = go_to_kms(wizard, qtbot)
    page.expect.setText(expect)
    page.domains.setText("contoso.test")
    page.nameserver.setText(server.address)
    with qtbot.waitSignal(page.completeChanged, timeout=5000, check_params_cb=lambda *a: page.isComplete()):
        page.check_button.click()
    wizard.next()
    assert wizard.currentId() == flow.Page.ACTIVATION
    return wizard.activation_page


def paste(page, qtbot, text):
    session = page.wizard().session
    page.output.setFocus()
    page.output.selectAll()
    page.output.insertPlainText(text)  # like a paste: the page reads it once typing pauses
    before = session.activation
    qtbot.waitUntil(lambda: session.activation is not None and session.activation is not before, timeout=3000)


def test_kms_path_commands_paste_and_override(make_wizard, qtbot, dnsmasq, kms_zone):
    wizard = make_wizard()
    page = to_activation_by_kms(wizard, qtbot, dnsmasq, kms_zone, expect="kms01.contoso.test")
    commands = [e.text() for e in page.command_edits]
    assert (
        commands[0]
        == r'cscript "%ProgramFiles%\Microsoft Office\Office15\OSPP.VBS" /inpkey:2MG3G-3BNTT-3MFW9-KDQW3-TCK7R'
    )
    assert commands[1].endswith('OSPP.VBS" /act') and commands[2].endswith('OSPP.VBS" /dstatus')
    page.office.setCurrentIndex(1)
    assert page.command_edits[2].text() == r'cscript "%ProgramFiles(x86)%\Microsoft Office\Office15\OSPP.VBS" /dstatus'
    page.copy_buttons[1].click()
    assert (
        QGuiApplication.clipboard().text() == r'cscript "%ProgramFiles(x86)%\Microsoft Office\Office15\OSPP.VBS" /act'
    )
    assert page.verdict.text() == "Activation not checked"
    assert not page.run_button.isVisible()  # not Windows: nothing to run here
    assert wizard.button(QWizard.NextButton).isEnabled()  # may go on without it

    paste(page, qtbot, corpus_text("dstatus_kms_override.txt"))
    result = wizard.session.activation
    assert result.source == "pasted" and result.report.verdict == act.LICENSED
    assert page.verdict.text() == "Licensed"
    assert result.host_check.code == act.HOST_UNEXPECTED and result.host_check.override is True
    assert "registry override" in page.advice.text() and "/remhst" in page.advice.text()
    # A host that is not the customer's is its own warning, first, not a line among the advice.
    assert "kms-old.fabrikam.test:1688, which is not one the customer runs" in page.warnings.text()
    assert page.warnings.isVisibleTo(page) and "not one the customer runs" not in page.advice.text()
    assert page.products.rowCount() == 1
    assert page.products.item(0, 6).text() == "kms-old.fabrikam.test:1688 (set by hand)"

    paste(page, qtbot, corpus_text("dstatus_kms_dns_licensed.txt"))
    assert wizard.session.activation.host_check.code == act.HOST_EXPECTED
    assert "not one the customer runs" not in page.advice.text() + page.warnings.text()
    assert not page.warnings.isVisibleTo(page)


def test_kms_error_in_large_plain_words(make_wizard, qtbot, dnsmasq, kms_zone):
    wizard = make_wizard()
    page = to_activation_by_kms(wizard, qtbot, dnsmasq, kms_zone)
    paste(page, qtbot, corpus_text("pasted_powershell.txt"))
    assert page.verdict.text() == "Error 0xC004F074: no KMS host could be contacted"
    assert page.verdict.font().pointSizeF() > page.next_step.font().pointSizeF() * 1.5
    port = wizard.session.kms.hosts[0].port  # the SRV record's port, not the default 1688
    assert f"TCP port {port}" in page.next_step.text() and "1688" not in page.next_step.text()
    assert page.next_step.text().count("no KMS host could be contacted") + page.advice.text().count(
        "no KMS host could be contacted") == 0  # the title says it, once


def test_mak_path_key_check_both_ways(make_wizard, qtbot):
    wizard = make_wizard()
    key = valid_mak()
    page = to_activation_by_mak(wizard, key)
    masked = "*****-*****-*****-*****-" + key[-5:]
    assert page.command_edits[0].text().endswith(f"/inpkey:{masked}")
    assert key not in "".join(e.text() for e in page.command_edits)
    page.copy_buttons[0].click()  # the whole key only on request
    assert QGuiApplication.clipboard().text().endswith(f"/inpkey:{key}")

    text = corpus_text("dstatus_mak_grace.txt").replace("key: Q7W3K", f"key: {key[-5:]}")
    paste(page, qtbot, text)
    result = wizard.session.activation
    assert result.key_matches is True
    assert page.verdict.text() == "Error 0xC004C020: the MAK has no activations left"
    assert "last 5 characters match" in page.key_check_text()
    assert "not the activation" in page.advice.text()  # a matching key is not an activation

    paste(page, qtbot, corpus_text("dstatus_mak_licensed.txt"))
    assert wizard.session.activation.key_matches is False
    assert page.verdict.text() == "Licensed"
    assert page.key_check_text().startswith("The console holds another key")
    assert "Q7W3K" in page.key_check_text() and key[-5:] in page.key_check_text()


@pytest.mark.parametrize("path", ["kms", "mak"])
def test_open_text_file_on_both_paths(make_wizard, qtbot, dnsmasq, kms_zone, path):
    wizard = make_wizard()
    if path == "kms":
        page = to_activation_by_kms(wizard, qtbot, dnsmasq, kms_zone)
        name, verdict = "dstatus_utf16_bom.txt", "Licensed"
    else:
        page = to_activation_by_mak(wizard)
        name, verdict = "dstatus_gbk.txt", "Licensed"
    page.choose_file = lambda: str(CORPUS / name)
    page.open_file.click()
    qtbot.waitUntil(lambda: wizard.session.activation is not None, timeout=5000)
    assert wizard.session.activation.source == "file"
    assert page.verdict.text() == verdict
    assert "版权所有" in page.output.toPlainText()
    assert wizard.session.activation.key_matches is (False if path == "mak" else None)


def test_open_text_file_refuses_big_binary_and_missing(make_wizard, qtbot, tmp_path):
    wizard = make_wizard()
    page = to_activation_by_mak(wizard)
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (act.MAX_BYTES + 10))
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(bytes(range(256)) * 40)
    for path, words in (
        (big, "larger than 1 MB"),
        (garbage, "not a text file"),
        (tmp_path / "missing.txt", "could not be read"),
    ):
        page.choose_file = lambda p=path: str(p)
        page.open_file.click()
        qtbot.waitUntil(lambda: not page.busy, timeout=5000)
        assert words in page.status.text()
    assert wizard.session.activation is None
    assert page.output.toPlainText() == ""


def test_run_on_this_computer_reads_a_real_child(make_wizard, qtbot):
    wizard = make_wizard()
    page = to_activation_by_mak(wizard)
    page.set_runner_command([sys.executable, FAKE, "print", str(CORPUS / "dstatus_utf16_bom.txt")])
    assert page.run_button.isVisible() and page.run_button.isEnabled()
    page.run_button.click()
    qtbot.waitUntil(lambda: not page.busy, timeout=15000)
    result = wizard.session.activation
    assert result.source == "ran" and result.report.verdict == act.LICENSED  # UTF-16 decoded
    assert page.verdict.text() == "Licensed"
    assert page.status.text().startswith("Ran in")


def test_run_with_act_first_reads_both(make_wizard, qtbot):
    wizard = make_wizard()
    page = to_activation_by_mak(wizard)
    page.set_runner_command([sys.executable, FAKE, "print", str(CORPUS / "act_C004C020_mak.txt")])
    page.also_act.setChecked(True)
    page.run_button.click()
    qtbot.waitUntil(lambda: not page.busy, timeout=15000)
    report = wizard.session.activation.report
    assert [p.source for p in report.products] == [act.SOURCE_ACT, act.SOURCE_ACT]  # ran twice
    assert page.verdict.text() == "Error 0xC004C020: the MAK has no activations left"


def test_run_time_limit_kills_the_child_without_blocking(make_wizard, qtbot):
    wizard = make_wizard()
    page = to_activation_by_mak(wizard)
    page.set_runner_command([sys.executable, FAKE, "sleep", "30"])
    page.run_timeout = 1.0
    beat = Heartbeat()
    started = time.monotonic()
    page.run_button.click()
    assert page.busy and page.cancel_run.isVisible() and not page.run_button.isEnabled()
    assert not wizard.button(QWizard.NextButton).isEnabled()
    qtbot.waitUntil(lambda: not page.busy, timeout=15000)
    beat.timer.stop()
    assert time.monotonic() - started < 10
    assert "did not finish within 1 s" in page.status.text()
    assert beat.longest < 0.5, beat.longest
    qtbot.waitUntil(lambda: wizard.session.activation is not None, timeout=5000)
    assert wizard.session.activation.report.verdict == act.UNREADABLE  # only a banner came out
    assert wizard.button(QWizard.NextButton).isEnabled()


def test_run_errors_and_cancel(make_wizard, qtbot, tmp_path):
    wizard = make_wizard()
    page = to_activation_by_mak(wizard)
    page.set_runner_command([sys.executable, FAKE, "fail", "3"])
    page.run_button.click()
    qtbot.waitUntil(lambda: not page.busy, timeout=15000)
    assert page.status.text() == "The command failed (exit code 3): Input Error: Can not find script file."
    assert wizard.session.activation is None

    page.set_runner_command([str(tmp_path / "no-such-cscript")])
    page.run_button.click()
    qtbot.waitUntil(lambda: not page.busy, timeout=15000)
    assert page.status.text().startswith("cscript could not be started")

    page.set_runner_command([sys.executable, FAKE, "sleep", "30"])
    page.run_button.click()
    assert page.busy
    page.cancel_run.click()
    assert not page.busy and page.status.text() == "Cancelled."
    assert page.run_button.isEnabled()


def test_runner_core_directly():
    ok = ospp_run.run_ospp([sys.executable, FAKE, "print", str(CORPUS / "dstatus_gbk.txt")], timeout=20)
    assert ok.problem is None and ok.returncode == 0 and "版权所有" in ok.output
    late = ospp_run.run_ospp([sys.executable, FAKE, "sleep", "30"], timeout=0.5)
    assert late.problem == ospp_run.TIMEOUT and late.elapsed_s < 10
    paths = ospp_run.ospp_candidates(
        {
            "ProgramFiles": r"C:\Program Files",
            "ProgramFiles(x86)": r"C:\Program Files "
            r"(x86)",
        }
    )
    assert len(paths) == 2 and all(p.endswith("OSPP.VBS") and "Office15" in p for p in paths)
    if sys.platform != "win32":
        assert ospp_run.default_command() is None


def test_accessible_names_and_keyboard(make_wizard, qtbot):
    wizard = make_wizard()
    page = to_activation_by_mak(wizard)
    for widget in (
        page.output,
        page.open_file,
        page.run_button,
        page.also_act,
        page.cancel_run,
        page.office,
        page.products,
        page.verdict,
        *page.command_edits,
        *page.copy_buttons,
    ):
        assert widget.accessibleName(), widget
    assert page.output.tabChangesFocus()
    assert page.output_label.buddy() is page.output
    assert page.open_file.toolTip() and page.run_button.toolTip()


def test_summary_shows_the_answer_first(make_wizard, qtbot):
    wizard = make_wizard()
    key = valid_mak()
    page = to_activation_by_mak(wizard, key)
    paste(page, qtbot, corpus_text("act_C004C020_mak.txt").replace("key: Q7W3K", f"key: {key[-5:]}"))
    wizard.next()
    assert wizard.currentId() == flow.Page.SUMMARY
    text = wizard.summary_page.view.toPlainText()
    verdict = "Error 0xC004C020: the MAK has no activations left"
    assert text.index(verdict) < text.index("Technician")
    assert "OfficeLyncVL_MAK edition" in text and f"last 5 characters match ({key[-5:]})" in text
    record = wizard.session.to_record().to_json()
    assert record["activation"]["source"] == "pasted" and record["activation"]["key_matches"] is True
    # The draft keeps the answer, so a resumed session still has it.
    from srs_wizard.core.session import Session

    resumed = Session.from_draft(wizard.session.to_draft())
    assert resumed.activation.report.error_code == "0xC004C020"
    assert key.replace("-", "") not in str(wizard.session.to_draft()).replace("-", "")


def test_going_on_without_checking_is_recorded(make_wizard, qtbot):
    wizard = make_wizard()
    to_activation_by_mak(wizard)
    wizard.next()
    assert wizard.session.to_record().to_json()["activation"] is None
    assert "Activation not checked" in wizard.summary_page.view.toPlainText()


def test_promo_path_records_activation_pending(make_wizard, qtbot):
    wizard = make_wizard()
    fill_welcome(wizard)
    wizard.next()
    wizard.choose_path.buttons[flow.CHOICE_PROMO].click()
    wizard.next()
    assert wizard.currentId() == flow.Page.PROMO
    assert wizard.nextId() == flow.Page.SUMMARY  # nothing to activate before the OEM sends the MAK


def test_a_pasted_megabyte_does_not_stall_the_window(make_wizard, qtbot):
    wizard = make_wizard()
    page = to_activation_by_mak(wizard)
    one = corpus_text("pasted_powershell.txt")
    big = (one * (act.MAX_BYTES // len(one)))[: act.MAX_BYTES - 100]
    page.output.setPlainText(big)
    # Qt lays out and paints the pasted megabyte itself; let it, and its first reading, finish,
    # so that what is measured is our reading alone.
    qtbot.waitUntil(lambda: wizard.session.activation is not None, timeout=20000)
    qtbot.wait(200)
    # The same reading done on the GUI thread, measured in the same run: what a stall would be.
    beat = Heartbeat()
    qtbot.wait(30)
    act.read_status(page.output.toPlainText())
    qtbot.wait(30)
    beat.timer.stop()
    inline = beat.longest
    gaps = []
    for _ in range(2):  # the best of two: a busy machine may pause the process at any time
        wizard.session.activation = None
        beat = Heartbeat()
        page.read_answer()
        assert not page.isComplete()  # Next waits for the reading
        qtbot.waitUntil(lambda: wizard.session.activation is not None, timeout=20000)
        beat.timer.stop()
        gaps.append(beat.longest)
    report = wizard.session.activation.report
    assert report.verdict == act.ERROR and len(report.products) <= act.MAX_PRODUCTS + 1
    assert page.isComplete()
    assert min(gaps) < inline * 0.75, (gaps, inline)
