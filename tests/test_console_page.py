"""The console collector in the wizard: make the script, import the report, see it in the record."""

from __future__ import annotations

import json
import os

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt

from srs_wizard import flow
from srs_wizard.core import kms
from tests.console_reports import encode, windows7_report
from tests.helpers import go_to_kms, read_only
from tests.servers import Zone


def test_welcome_makes_the_console_script_off_the_gui_thread(make_wizard, qtbot, tmp_path):
    wizard = make_wizard()
    button = wizard.welcome.console_script
    suggested = []
    button.choose_folder = lambda s: suggested.append(s) or str(tmp_path)
    button.button.click()
    assert button.busy  # written on the pool
    qtbot.waitUntil(lambda: not button.busy, timeout=10000)
    assert suggested == [os.getcwd()]  # the folder the program runs from
    assert (tmp_path / "srs-collect.cmd").exists() and (tmp_path / "srs-collect.vbs").exists()
    assert str(tmp_path / "srs-collect.cmd") in button.status.text()
    assert button.button.text() == "Make a console script…"


def test_a_read_only_folder_is_said_and_nothing_is_lost(make_wizard, qtbot, tmp_path):
    wizard = make_wizard()
    page = go_to_kms(wizard, qtbot)
    folder = tmp_path / "stick"
    folder.mkdir()
    page.console_script.choose_folder = lambda s: str(folder)
    with read_only(folder):
        page.console_script.button.click()
        qtbot.waitUntil(lambda: not page.console_script.busy, timeout=10000)
    assert "could not be written" in page.console_script.status.text()
    assert str(folder) in page.console_script.status.text()
    assert list(folder.iterdir()) == []


def import_report(page, qtbot, path):
    page.console_import.choose_file = lambda s: str(path)
    page.console_import.button.click()
    assert page.console_import.busy  # read and checked on the pool
    qtbot.waitUntil(lambda: not page.console_import.busy, timeout=10000)


def test_import_fills_the_consoles_order_and_the_record_says_where_from(make_wizard, qtbot, tmp_path, dnsmasq,
                                                                           rpc_responder):
    path = tmp_path / "srs-console-SRS-ROOM-07-20261128-140509.json"
    path.write_bytes(encode(windows7_report()))
    wizard = make_wizard()
    page = go_to_kms(wizard, qtbot)
    import_report(page, qtbot, path)
    assert page.domains.text() == "rooms.contoso.com, lab.contoso.com, contoso.com"
    assert page.nameserver.text() == "10.0.0.53, 10.0.0.54"
    shown = page.console_import.collected.text()
    assert shown.startswith("collected on the console SRS-ROOM-07 at ")
    assert "14:05" in shown and "UTC+08:00" in shown  # the console's own time and offset
    assert "Searched only if the console devolves (a devolved parent of its primary suffix): contoso.com" in shown
    assert wizard.session.console["file"] == str(path)

    # The laptop cannot reach 10.0.0.53: ask the test DNS server, in the console's order.
    live = rpc_responder("kms_win8")
    zone = Zone(local=["lab.contoso.com", "contoso.com"])
    zone.add_kms("rooms.contoso.com", "kms01.rooms.contoso.com", port=live.port)
    zone.add_host("kms01.rooms.contoso.com", "127.0.0.1")
    server = dnsmasq(zone)
    page.nameserver.setText(server.address)
    with qtbot.waitSignal(page.completeChanged, timeout=5000, check_params_cb=lambda *a: page.isComplete()):
        page.check_button.click()
    assert wizard.session.kms.verdict == kms.READY
    assert [d.name for d in wizard.session.kms.domains] == ["rooms.contoso.com", "lab.contoso.com", "contoso.com"]
    assert {d.source for d in wizard.session.kms.domains} == {"console"}
    assert page.domain_table.item(0, 1).text() == "console"

    # Domains typed by hand are not the console's: no console label for them.
    page.domains.setText("lab.contoso.com, rooms.contoso.com")
    with qtbot.waitSignal(page.completeChanged, timeout=5000, check_params_cb=lambda *a: page.isComplete()):
        page.check_button.click()
    assert {d.source for d in wizard.session.kms.domains} == {"argument"}
    page.domains.setText("rooms.contoso.com, lab.contoso.com, contoso.com")
    with qtbot.waitSignal(page.completeChanged, timeout=5000, check_params_cb=lambda *a: page.isComplete()):
        page.check_button.click()

    record = wizard.session.to_record().data
    assert record["console"]["computer"] == "SRS-ROOM-07"
    assert record["console"]["collected_at"] == "2026-11-28T14:05:09+08:00"
    assert record["console"]["suffix_order"] == ["rooms.contoso.com", "lab.contoso.com", "contoso.com"]
    assert record["console"]["dstatus_collected"] is True
    wizard.next()
    assert wizard.currentId() == flow.Page.ACTIVATION
    wizard.next()
    assert wizard.currentId() == flow.Page.SUMMARY
    assert "collected on the console SRS-ROOM-07 at" in wizard.summary_page.view.toPlainText()

    summary = wizard.summary_page
    summary.ask_open = lambda p: False
    summary.choose_save_path = lambda s: str(tmp_path / "room.pdf")
    summary.save_pdf()
    qtbot.waitUntil(lambda: not summary.busy, timeout=15000)
    text = "\n".join(p.extract_text() for p in PdfReader(str(tmp_path / "room.pdf")).pages)
    assert "collected on the console SRS-ROOM-07" in " ".join(text.split())
    saved = json.loads((tmp_path / "room.json").read_text("utf-8"))
    assert saved["console"]["file"] == str(path)
    from srs_wizard.core import record
    from srs_wizard.core.present.summary import summary_html

    again = record.loads((tmp_path / "room.json").read_bytes())  # support can draw it again
    assert "collected on the console SRS-ROOM-07 at 2026-11-28 14:05 +0800" in summary_html(again)
    broken = dict(saved, console={"computer": "SRS-ROOM-07", "file": None, "collected_at": "noon"})
    with pytest.raises(record.RecordError) as info:
        record.from_json(broken)
    assert any(p.field == "console.collected_at" for p in info.value.problems)


def test_a_bad_report_is_refused_in_words_and_the_fields_stay(make_wizard, qtbot, tmp_path):
    path = tmp_path / "huge.json"
    with open(path, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    wizard = make_wizard()
    page = go_to_kms(wizard, qtbot)
    page.domains.setText("typed.example")
    import_report(page, qtbot, path)
    assert page.console_import.message.isVisible()
    assert "was not imported" in page.console_import.message.text()
    assert "larger than 1000000 bytes" in page.console_import.message.text()
    assert page.domains.text() == "typed.example"
    assert wizard.session.console is None

    wrong = tmp_path / "record.json"
    wrong.write_bytes(encode({"schema": "srs-wizard/record/1"}))
    import_report(page, qtbot, wrong)
    assert "schema" in page.console_import.message.text()


def test_markup_and_a_hidden_key_stay_harmless(make_wizard, qtbot, tmp_path):
    key = "2MG3G-3BNTT-3MFW9-KDQW3-TCK7R"
    data = windows7_report()
    data["computer"]["name"] = "<b>SRS</b>&amp;07"
    data["os"]["caption"] = f"Windows {key}"
    path = tmp_path / "r.json"
    path.write_bytes(encode(data))
    wizard = make_wizard()
    page = go_to_kms(wizard, qtbot)
    import_report(page, qtbot, path)
    label = page.console_import.collected
    assert label.textFormat() == Qt.PlainText
    assert "<b>SRS</b>&amp;07" in label.text()
    assert "last 5 characters" in label.text()  # the masked key is said
    record = wizard.session.to_record(check=False)  # no KMS result yet: shown, not saveable
    assert "3BNTT" not in record.dumps()
    from srs_wizard.core.present.summary import summary_html

    html = summary_html(record)
    assert "&lt;b&gt;SRS&lt;/b&gt;&amp;amp;07" in html and "<b>SRS</b>" not in html


def test_a_resumed_draft_keeps_the_console_line(make_wizard, qtbot, tmp_path):
    path = tmp_path / "r.json"
    path.write_bytes(encode(windows7_report()))
    wizard = make_wizard()
    page = go_to_kms(wizard, qtbot)
    import_report(page, qtbot, path)
    wizard.shutdown()
    again = make_wizard()
    assert again.has_draft_offer
    again.resume_draft()
    assert again.session.console["computer"] == "SRS-ROOM-07"
    assert again.kms_page.console_import.collected.text().startswith("collected on the console SRS-ROOM-07")
