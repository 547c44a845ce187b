"""The activation page reads the console's /dstatus from a console report (srs-collect.cmd),
imported there or already on the KMS page, through the real widgets."""

from __future__ import annotations

from pathlib import Path

from srs_wizard import flow
from tests.console_reports import DSTATUS_ZH, encode, windows7_report
from tests.helpers import go_to_kms
from tests.test_activation_page import paste, to_activation_by_mak
from tests.test_console_page import import_report

CORPUS = Path(__file__).parent / "corpus" / "ospp"
OSPP = "C:\\Program Files\\Microsoft Office\\Office15\\OSPP.VBS"


def write_report(tmp_path, output: str | None, **changes) -> Path:
    data = windows7_report(**changes)
    data["office"]["dstatus"] = ([] if output is None else
                                 [{"path": OSPP, "output": output, "timed_out": False, "elapsed_ms": 2900}])
    path = tmp_path / "srs-console-SRS-ROOM-07-20261128-140509.json"
    path.write_bytes(encode(data))
    return path


def test_import_on_the_activation_page_reads_its_dstatus_and_says_where_it_was_collected(make_wizard, qtbot,
                                                                                        tmp_path):
    mak_status = (CORPUS / "dstatus_mak_licensed.txt").read_text(encoding="utf-8")
    path = write_report(tmp_path, mak_status)
    wizard = make_wizard()
    page = to_activation_by_mak(wizard)
    assert not page.use_kms_report.isVisible()  # nothing imported on the KMS page
    import_report(page, qtbot, path)
    qtbot.waitUntil(lambda: wizard.session.activation is not None, timeout=5000)
    result = wizard.session.activation
    assert result.source == "file"
    assert result.report.verdict == "licensed" and result.report.product.last5 == "Q7W3K"
    assert result.key_matches is False  # the test's MAK is not the console's key
    # The console's answer is as old as its report: its moment is the report's collection.
    assert result.checked_at == "2026-11-28T14:05:09+08:00"
    assert page.verdict.text() == "Licensed"
    shown = page.console_import.collected
    assert shown.isVisible() and shown.text().startswith("collected on the console SRS-ROOM-07 at ")
    assert wizard.session.console["file"] == str(path) and wizard.session.console["dstatus_collected"] is True
    assert not page.use_kms_report.isVisible()  # already the console's answer
    wizard.next()
    assert wizard.currentId() == flow.Page.SUMMARY
    summary = wizard.summary_page.view.toPlainText()
    assert "collected on the console SRS-ROOM-07" in summary and "Licensed" in summary

    # Edited by hand, the text is no longer the answer as the console gave it.
    wizard.back()
    paste(page, qtbot, mak_status.replace("Q7W3K", "AAAAA"))
    assert not page.console_import.collected.isVisible()
    assert wizard.session.activation.source == "pasted"
    assert wizard.session.activation.checked_at != "2026-11-28T14:05:09+08:00"  # read now, by hand


def test_a_report_without_dstatus_says_why_and_changes_nothing(make_wizard, qtbot, tmp_path):
    path = write_report(tmp_path, None, elevated=False, problems=[{"code": "not_elevated", "detail": None}])
    wizard = make_wizard()
    page = to_activation_by_mak(wizard)
    import_report(page, qtbot, path)
    assert "holds no ospp.vbs /dstatus output" in page.status.text()
    assert "administrator" in page.status.text()
    assert not page.console_import.collected.isVisible()
    assert wizard.session.activation is None and page.output.toPlainText() == ""


def test_a_broken_report_is_refused_on_the_activation_page(make_wizard, qtbot, tmp_path):
    path = tmp_path / "cut.json"
    path.write_bytes(encode(windows7_report(), "utf-8")[:300])
    wizard = make_wizard()
    page = to_activation_by_mak(wizard)
    import_report(page, qtbot, path)
    assert page.console_import.message.isVisible() and "was not imported" in page.console_import.message.text()
    assert wizard.session.activation is None and wizard.session.console is None


def test_the_report_imported_on_the_kms_page_is_offered_and_read(make_wizard, qtbot, tmp_path, dnsmasq, kms_zone):
    path = write_report(tmp_path, DSTATUS_ZH)  # Chinese banner, 0xC004F074
    wizard = make_wizard()
    kms_page = go_to_kms(wizard, qtbot)
    import_report(kms_page, qtbot, path)
    assert wizard.session.console_dstatus == DSTATUS_ZH
    zone, _ = kms_zone
    server = dnsmasq(zone)
    kms_page.domains.setText("contoso.test")  # the laptop asks the test DNS server
    kms_page.nameserver.setText(server.address)
    with qtbot.waitSignal(kms_page.completeChanged, timeout=5000, check_params_cb=lambda *a: kms_page.isComplete()):
        kms_page.check_button.click()
    wizard.next()
    assert wizard.currentId() == flow.Page.ACTIVATION
    page = wizard.activation_page
    assert page.use_kms_report.isVisible()
    assert page.use_kms_report.accessibleName() == "Use the console report imported on the KMS page"
    page.use_kms_report.click()
    qtbot.waitUntil(lambda: wizard.session.activation is not None, timeout=5000)
    result = wizard.session.activation
    assert result.source == "file" and result.report.verdict == "error"
    assert result.checked_at == "2026-11-28T14:05:09+08:00"  # the report's collected_at
    assert result.report.error_code.upper() == "0XC004F074"
    assert "0xC004F074" in page.verdict.text()
    assert "版本 5.8" in page.output.toPlainText()
    assert page.console_import.collected.text().startswith("collected on the console SRS-ROOM-07 at ")
    assert not page.use_kms_report.isVisible()
    record = wizard.session.to_record().to_json()
    assert record["console"]["file"] == str(path)
    assert "console_dstatus" not in record and "dstatus" not in str(record.get("console", {}).keys() - {
        "dstatus_collected"})
