"""The readers of ospp.vbs output and of console reports stay linear on hostile lines, read
every form of an error code, and never pass on a lone surrogate (issue 20, items 3, 4, 11)."""

from __future__ import annotations

import json
import time

import pytest

from srs_wizard.core import activation as act
from srs_wizard.core import console
from tests.adversarial import HOSTILE_LINES, LYNC_BLOCK, adversarial_console_report, adversarial_paste, hostile_line
from tests.conftest import run_cli as run
from tests.console_reports import encode, windows7_report

MEGABYTE = 1_000_000


def seconds(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def test_a_megabyte_line_of_spaces_reads_in_under_a_second():
    # The case: 100,000 spaces took 26 s; a megabyte would have taken 45 minutes.
    text = LYNC_BLOCK + hostile_line("A", " ", MEGABYTE)
    assert seconds(lambda: act.read_status(text)) < 1.0
    report = act.read_status(text)
    assert report.verdict == act.GRACE and report.product.is_lync
    assert seconds(lambda: act.read_bytes(text.encode("ascii")[:act.MAX_BYTES])) < 1.0


@pytest.mark.parametrize("label,filler", HOSTILE_LINES, ids=[f"{a!r}{b!r}" for a, b in HOSTILE_LINES])
def test_each_hostile_line_of_a_megabyte_reads_in_under_a_second(label, filler):
    text = LYNC_BLOCK + hostile_line(label, filler, MEGABYTE) + "\r\n"
    assert seconds(lambda: act.read_status(text)) < 1.0
    report = act.read_status(text)
    assert report.product is not None and report.product.is_lync  # the block before it is still read


def test_a_megabyte_of_every_hostile_line_reads_as_the_block_it_holds():
    text = adversarial_paste(MEGABYTE)
    assert len(text) == MEGABYTE
    assert seconds(lambda: act.read_status(text)) < 1.0
    report = act.read_status(text)
    assert report.product.sku_id == "1b9f11e3-c85c-4e1b-bb29-879ad2c909e3"
    assert all(len(p.error_description or "") <= 300 for p in report.products)


def test_a_megabyte_console_report_of_long_lines_reads_in_under_a_second():
    raw = adversarial_console_report(MEGABYTE)
    assert MEGABYTE - 100 < len(raw) <= MEGABYTE

    def read():
        report = console.loads(raw)
        act.read_status(console.dstatus_text(report))

    assert seconds(read) < 1.0
    assert console.loads(raw).computer == "SRS-ROOM-07"


def test_the_line_reader_keeps_what_a_label_and_a_value_are():
    text = ("SKU ID: 1b9f11e3-c85c-4e1b-bb29-879ad2c909e3\n"
            "LICENSE NAME : Office 15, OfficeLyncVL_KMS_Client edition\n"   # a space before the colon
            "\tLICENSE STATUS:\t---LICENSED---\n"
            "KMS machine name from DNS: kms01.contoso.test:1688\n"
            "Not a label (x): y\n"
            "1 starts with a digit: ignored\n")
    product = act.read_status(text).product
    assert product.license_name == "Office 15, OfficeLyncVL_KMS_Client edition"
    assert product.status == "LICENSED" and product.kms_dns_host == "kms01.contoso.test:1688"


@pytest.mark.parametrize("written", [
    "0xC004F074", "0XC004F074", "0xc004f074", "0Xc004F074", "C004F074", "c004f074",
    "-1073418124", "3221549172", "０ｘＣ００４Ｆ０７４", "0xC004F074 (hr)", "  0XC004F074.",
])
def test_every_form_of_an_error_code_is_read_as_one(written):
    text = LYNC_BLOCK + f"ERROR CODE: {written}\r\n"
    report = act.read_status(text)
    assert report.verdict == act.ERROR
    assert report.error_code == "0xC004F074"


@pytest.mark.parametrize("written,code", [
    ("1074065472", "0x4004F040"),     # an information code in decimal: still informational
    ("0x4004f040", "0x4004F040"),
    ("-2147024891", "0x80070005"),
    ("80070005", "0x80070005"),       # eight hex digits without 0x
    ("0x5", "0x00000005"),
])
def test_other_codes_and_their_severity(written, code):
    assert act.normalise_code(written) == code


@pytest.mark.parametrize("written", ["12288", "99999999999", "0x", "12.5e9", "none", "0xC004F074Z"])
def test_what_is_not_an_error_code_is_not_read_as_one(written):
    assert act.normalise_code(written) is None


def test_a_lone_surrogate_in_a_console_report_is_read_as_a_replacement_character(tmp_path):
    data = windows7_report()
    data["computer"]["name"] = "SRS-ROOM-\ud800"
    data["nslookup"]["results"][0]["output"] += "\udfff"
    data["office"]["dstatus"][0]["output"] = data["office"]["dstatus"][0]["output"].replace(
        "OfficeLyncVL", "Office\udc00LyncVL")
    raw = json.dumps(data).encode("ascii")  # \ud800 as JSON writes it
    assert b"\\ud800" in raw
    report = console.loads(raw)
    assert report.computer == "SRS-ROOM-\ufffd"
    assert report.lookups[0].output.endswith("\ufffd")
    status = act.read_status(console.dstatus_text(report))
    assert "\ufffd" in status.product.license_name
    json.dumps(status.to_json(), ensure_ascii=False).encode("utf-8")  # writable again
    path = tmp_path / "r.json"
    path.write_bytes(raw)
    for args in (("read-status", "--console-report", str(path)),
                 ("read-status", "--console-report", str(path), "--json")):
        result = run(*args)
        assert "Traceback" not in result.stderr and result.returncode == 1, result.stderr
        assert "SRS-ROOM-\ufffd" in result.stdout or "SRS-ROOM-\\ufffd" in result.stdout


def test_a_lone_surrogate_in_a_paste_is_replaced():
    report = act.read_status(LYNC_BLOCK.replace("OfficeLyncVL", "Office\ud800LyncVL"))
    assert report.product.license_name == "Office 15, Office\ufffdLyncVL_KMS_Client edition"


def test_a_report_nested_600_deep_is_refused_with_its_limit():
    data = windows7_report()
    inner = data["extra"] = []
    for _ in range(600):
        inner.append([])
        inner = inner[0]
    with pytest.raises(console.ConsoleReportError) as info:
        console.loads(json.dumps(data).encode("utf-8"))
    [problem] = info.value.problems
    assert problem.code == console.TOO_DEEP and problem.params == {"limit": console.MAX_DEPTH}
    assert console.loads(encode(windows7_report())).computer == "SRS-ROOM-07"  # four levels are fine


def test_check_kms_with_a_lone_surrogate_in_the_report_prints_text_and_json(tmp_path, dnsmasq):
    from tests.servers import Zone

    data = windows7_report()
    data["computer"]["name"] = "SRS-\ud83d-ROOM"
    data["nslookup"]["results"][0]["output"] = "Server:  dc01\udcff.contoso.com\n"
    path = tmp_path / "r.json"
    path.write_bytes(json.dumps(data).encode("ascii"))
    server = dnsmasq(Zone(local=["rooms.contoso.com", "lab.contoso.com", "contoso.com"]))
    for extra in ((), ("--json",)):
        result = run("check-kms", "--console-report", str(path), "--nameserver", server.address, "--no-connect",
                     *extra)
        assert "Traceback" not in result.stderr, result.stderr
        assert result.returncode == 1  # no record found: not found, not a crash
        assert "dc01\ufffd.contoso.com" in result.stdout or "dc01\\ufffd.contoso.com" in result.stdout
