"""The console collector takes ``ospp.vbs /dinstid`` (read-only) when a MAK is installed and not
licensed, run for real under Wine as tests/test_console_collector.py runs it, and the wizard
reads the new report field."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from srs_wizard.core import activation as act
from srs_wizard.core import console, console_file
from tests.test_console_collector import collect, wine  # noqa: F401 - the Wine prefix fixture

LYNC_IID = "307418529630741852963074185296307418529630741852963074185296307"

FAKE_OSPP = """' Prints what Office 2013's ospp.vbs prints for a MAK that could not be activated.
If WScript.Arguments.Count <> 1 Then WScript.Echo "unexpected arguments"
WScript.Echo "---Processing--------------------------"
WScript.Echo "---------------------------------------"
If WScript.Arguments(0) = "/dstatus" Then
    WScript.Echo "SKU ID: e1264e10-afaf-4439-a98b-256df8bb156f"
    WScript.Echo "LICENSE NAME: Office 15, OfficeLyncVL_MAK edition"
    WScript.Echo "LICENSE DESCRIPTION: Office 15, VOLUME_MAK channel"
    WScript.Echo "LICENSE STATUS:  ---%STATUS%---"
    WScript.Echo "Last 5 characters of installed product key: Q7W3K"
ElseIf WScript.Arguments(0) = "/dinstid" Then
    WScript.Echo "Installation ID for: Office 15, OfficeLyncVL_MAK edition: %IID%"
Else
    WScript.Echo "unexpected argument " & WScript.Arguments(0)
End If
WScript.Echo "---------------------------------------"
WScript.Echo "---Exiting-----------------------------"
"""


def collect_with_ospp(wine, tmp_path, status: str) -> dict:  # noqa: F811 - wine is the fixture
    office = Path(wine.env["WINEPREFIX"]) / "drive_c" / "Program Files" / "Microsoft Office"
    (office / "Office15").mkdir(parents=True)
    script = FAKE_OSPP.replace("%STATUS%", status).replace("%IID%", LYNC_IID)
    (office / "Office15" / "OSPP.VBS").write_bytes(script.replace("\n", "\r\n").encode("ascii"))
    folder = tmp_path / status.lower()
    folder.mkdir()
    try:
        collect(wine, folder)
    finally:
        shutil.rmtree(office)
    [path] = folder.glob("srs-console-*.json")
    return path


def test_a_mak_not_licensed_brings_its_installation_id(wine, tmp_path):  # noqa: F811
    path = collect_with_ospp(wine, tmp_path, "OOB_GRACE")
    data = json.loads(path.read_bytes().decode("utf-16"))
    [run] = data["office"]["dinstid"]
    assert run["path"] == "C:\\Program Files\\Microsoft Office\\Office15\\OSPP.VBS" and not run["timed_out"]
    assert "unexpected" not in run["output"]
    codes = [p["code"] for p in data["problems"]]
    assert "dinstid_failed" not in codes and "dinstid_timeout" not in codes
    report = console_file.read_file(str(path))
    ids = act.read_installation_ids(console.dinstid_text(report))
    assert [i.digits for i in ids] == [LYNC_IID]


def test_a_licensed_mak_is_left_alone(wine, tmp_path):  # noqa: F811
    path = collect_with_ospp(wine, tmp_path, "LICENSED")
    data = json.loads(path.read_bytes().decode("utf-16"))
    assert "dinstid" not in data["office"]  # nothing to activate: /dinstid is not run
    assert console.dinstid_text(console_file.read_file(str(path))) is None


def test_read_status_takes_the_installation_id_from_a_console_report(tmp_path):
    from tests.conftest import run_cli as run
    from tests.console_reports import encode, windows7_report

    corpus = Path(__file__).parent / "corpus" / "ospp"
    data = windows7_report()
    ospp = "C:\\Program Files\\Microsoft Office\\Office15\\OSPP.VBS"
    data["office"]["dstatus"] = [{"path": ospp, "output": (corpus / "dstatus_mak_grace.txt").read_text("ascii"),
                                  "timed_out": False, "elapsed_ms": 2900}]
    data["office"]["dinstid"] = [{"path": ospp, "output": (corpus / "dinstid_two_products.txt").read_text("ascii"),
                                  "timed_out": False, "elapsed_ms": 800}]
    path = tmp_path / "srs-console-SRS-ROOM-07-20261128-140509.json"
    path.write_bytes(encode(data, "utf-16-bom"))
    result = run("read-status", "--console-report", str(path), "--json")
    assert result.returncode == 1, result.stderr
    out = json.loads(result.stdout)
    assert out["verdict"] == "error"
    assert ["".join(i["groups"]) for i in out["installation_ids"]][1] == LYNC_IID
