"""The console collector really runs: srs-collect.cmd under Debian's wine64, in a fresh prefix.

Wine 8 offers cmd, cscript with VBScript, WMI (in part) and reg, but no nslookup and no
Office: the report must say so in ``problems``. Its computer name is the host's name with
every non-ASCII character replaced (measured: "SRS-会议室-07" becomes "SRS-_________-0"), so
non-ASCII text reaches the report through a registry value instead.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from srs_wizard.core import console, console_file
from srs_wizard.core.console_script import write_console_script
from tests.helpers import read_only
from tests.servers import Zone

WINE = "/usr/lib/wine/wine64"
WINESERVER = "/usr/lib/wine/wineserver"
TCPIP = r"HKLM\SYSTEM\CurrentControlSet\Services\Tcpip"
STATIC = "{5A1E0001-0000-4000-8000-000000000001}"
DHCP = "{5A1E0002-0000-4000-8000-000000000002}"
ODD_SUFFIX = 'Zürich "east" \\ 会议室\tB'


class Wine:
    def __init__(self, prefix: Path):
        self.env = dict(os.environ, WINEPREFIX=str(prefix), WINEDEBUG="-all", LANG="C.UTF-8", LC_ALL="C.UTF-8")
        self.env.pop("DISPLAY", None)
        self.computer_name = ""

    def __call__(self, *args, cwd=None, timeout=120) -> subprocess.CompletedProcess:
        # Output goes to files, not pipes: wineserver inherits them and lingers a few seconds
        # after each program, so reading a pipe to its end would wait for it every time.
        with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
            result = subprocess.run([WINE, *args], env=self.env, cwd=cwd, stdout=out, stderr=err,
                                    stdin=subprocess.DEVNULL, timeout=timeout)
            out.seek(0)
            err.seek(0)
            return subprocess.CompletedProcess(result.args, result.returncode, out.read(), err.read())

    def stop(self) -> None:
        subprocess.run([WINESERVER, "-k"], env=self.env, capture_output=True, timeout=30)

    def reg(self, key: str, name: str, value: str, kind: str = "REG_SZ") -> None:
        result = self("reg", "add", key, "/v", name, "/t", kind, "/d", value, "/f")
        assert result.returncode == 0, result.stderr

    def unix_path(self, windows_path: str) -> Path:
        return Path(self("winepath", "-u", windows_path).stdout.decode().strip())


@pytest.fixture(scope="module")
def wine(tmp_path_factory):
    """A fresh Wine prefix with the room console's DNS settings written into its registry."""
    if not os.access(WINE, os.X_OK):
        pytest.skip("wine64 is not installed (.ci/system-deps.sh installs Debian's wine64)")
    wine = Wine(tmp_path_factory.mktemp("wine") / "prefix")
    params = TCPIP + r"\Parameters"
    wine.reg(params, "NV Domain", "rooms.contoso.test")
    wine.reg(params, "SearchList", "stale.test,contoso.test,fabrikam.test")
    wine.reg(params + "\\Interfaces\\" + STATIC, "NameServer", "127.0.0.1")
    wine.reg(params + "\\Interfaces\\" + STATIC, "Domain", ODD_SUFFIX)
    wine.reg(params + "\\Interfaces\\" + DHCP, "DhcpNameServer", "127.0.0.2 127.0.0.3")
    wine.reg(params + "\\Interfaces\\" + DHCP, "DhcpDomain", "dhcp.contoso.test")
    # Binding order: the DHCP adapter first, although its GUID sorts after the static one.
    wine.reg(TCPIP + r"\Linkage", "Bind", f"\\Device\\{DHCP}\\0\\Device\\{STATIC}", kind="REG_MULTI_SZ")
    wine.computer_name = wine("cmd", "/c", "echo %COMPUTERNAME%").stdout.decode("ascii", "replace").strip()
    yield wine
    wine.stop()


def collect(wine, folder: Path) -> subprocess.CompletedProcess:
    write_console_script(folder)
    result = wine("cmd", "/c", "srs-collect.cmd", "/nopause", cwd=folder)
    assert result.returncode == 0, (result.stdout, result.stderr)
    return result


@pytest.fixture(scope="module")
def collected(wine, tmp_path_factory):
    folder = tmp_path_factory.mktemp("usb stick")  # a space in the path, as on real sticks
    result = collect(wine, folder)
    reports = sorted(folder.glob("srs-console-*.json"))
    assert len(reports) == 1, list(folder.iterdir())
    return reports[0], result.stdout.decode("utf-8", "replace")


def test_the_report_is_valid_json_in_utf16_with_a_bom(collected, wine):
    path, stdout = collected
    raw = path.read_bytes()
    assert raw[:2] == b"\xff\xfe"
    data = json.loads(raw.decode("utf-16"))
    assert data["schema"] == "srs-wizard/console/1"
    assert path.name.startswith(f"srs-console-{wine.computer_name}-")
    stamp = path.name[len(f"srs-console-{wine.computer_name}-"):-len(".json")]
    assert len(stamp) == 15 and stamp[8] == "-" and stamp.replace("-", "").isdigit()
    assert path.name in stdout  # it says where it wrote
    assert data["computer"]["name"] == wine.computer_name
    assert data["os"]["caption"].startswith("Microsoft Windows 7")
    assert data["os"]["version"].startswith("6.1")
    collected_at = data["collected_at"]
    assert collected_at[:8].replace("-", "") == stamp[:6]
    assert collected_at[-6] in "+-" and collected_at[-3] == ":"  # a UTC offset


def test_the_dns_view_keeps_the_consoles_order_and_raw_values(collected):
    data = json.loads(collected[0].read_bytes().decode("utf-16"))
    dns = data["dns"]
    assert dns["search_list_local"] == "stale.test,contoso.test,fabrikam.test"
    assert dns["search_list_policy"] is None
    assert dns["nv_domain"] == "rooms.contoso.test"
    # A search list is used alone, in its order.
    assert dns["effective_source"] == "local"
    assert dns["effective_suffixes"] == ["stale.test", "contoso.test", "fabrikam.test"]
    # Adapters in binding order; servers in that order, the static one before DHCP's only
    # within an adapter.
    assert [a["guid"] for a in dns["adapters"]] == [DHCP, STATIC]
    assert dns["dns_servers"] == ["127.0.0.2", "127.0.0.3", "127.0.0.1"]
    static = dns["adapters"][1]
    assert static["domain"] == ODD_SUFFIX  # quotes, backslash, tab and Chinese survive escaping
    assert dns["devolution"] is True and dns["devolution_value"] is None


def test_problems_name_the_missing_nslookup_and_office(collected):
    data = json.loads(collected[0].read_bytes().decode("utf-16"))
    codes = [p["code"] for p in data["problems"]]
    assert "nslookup_missing" in codes and "office_missing" in codes
    assert data["nslookup"]["path"] is None
    assert [r["suffix"] for r in data["nslookup"]["results"]] == ["stale.test", "contoso.test", "fabrikam.test"]
    assert all(r["output"] is None for r in data["nslookup"]["results"])
    assert data["office"]["ospp_paths"] == [] and data["office"]["dstatus"] == []
    assert data["office"]["dhistorykms"] == []


def test_the_importer_reads_the_same_file(collected):
    report = console_file.read_file(str(collected[0]))
    assert report.suffix_order == ("stale.test", "contoso.test", "fabrikam.test")
    assert report.order_matches and report.order_source == console.ORDER_LOCAL
    assert report.dns_servers == ("127.0.0.2", "127.0.0.3", "127.0.0.1")
    assert console.dstatus_text(report) is None
    assert {"nslookup_missing", "office_missing"} <= {p.code for p in report.collector_problems}
    assert report.adapters[1].domain == ODD_SUFFIX


def test_check_kms_searches_in_the_consoles_order(collected, dnsmasq, rpc_responder):
    # A stale record in the first suffix hides the live host in the second: the console's
    # order is what matters, so the check must keep it, and judge as the console would.
    live = rpc_responder("kms_win8")
    zone = Zone(local=["fabrikam.test"])
    zone.add_kms("stale.test", "old-kms.stale.test", port=1)
    zone.add_host("old-kms.stale.test", "127.0.0.1")
    zone.add_kms("contoso.test", "kms01.contoso.test", port=live.port)
    zone.add_host("kms01.contoso.test", "127.0.0.1")
    server = dnsmasq(zone)
    result = subprocess.run(
        [sys.executable, "-m", "srs_wizard", "check-kms", "--console-report", str(collected[0]),
         "--nameserver", server.address, "--json"],
        capture_output=True, text=True, timeout=60, env=dict(os.environ, PYTHONIOENCODING="utf-8"))
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert [d["name"] for d in data["domains"]] == ["stale.test", "contoso.test", "fabrikam.test"]
    assert [d["used"] for d in data["domains"]] == [True, False, False]
    assert {d["source"] for d in data["domains"]} == {"console"}
    assert [d["status"] for d in data["domains"]] == ["ok", "ok", "nxdomain"]
    assert all(d["console_nslookup"] is None for d in data["domains"])  # Wine has no nslookup
    assert data["nameservers"] == [server.address]  # --nameserver wins over the report's
    assert data["console"]["computer"] and data["console"]["file"] == str(collected[0])
    assert data["console"]["collected_at"] == json.loads(collected[0].read_bytes().decode("utf-16"))["collected_at"]
    assert data["verdict"] == "unreachable"  # the console stops at stale.test...
    assert any("kms01.contoso.test" in note for note in data["notes"])  # ...and the note names the live host


def test_a_read_only_folder_sends_the_report_to_temp(wine, tmp_path):
    folder = tmp_path / "stick"
    folder.mkdir()
    write_console_script(folder)
    with read_only(folder):
        result = wine("cmd", "/c", "srs-collect.cmd", "/nopause", cwd=folder)
    out = result.stdout.decode("utf-8", "replace")
    assert result.returncode == 0, out
    assert list(folder.glob("srs-console-*")) == []
    assert "read-only" in out and "Temp" in out
    written = out.split("Report written: ", 1)[1].splitlines()[0].strip()
    assert written.startswith("C:\\")
    data = json.loads(wine.unix_path(written).read_bytes().decode("utf-16"))
    assert "folder_read_only" in [p["code"] for p in data["problems"]]


FAKE_OSPP = """' Prints what Office 2013's ospp.vbs /dstatus prints on a KMS client, and checks its argument.
If WScript.Arguments.Count <> 1 Then WScript.Echo "unexpected arguments"
If WScript.Arguments(0) <> "/dstatus" Then WScript.Echo "unexpected argument " & WScript.Arguments(0)
WScript.Echo "---Processing--------------------------"
WScript.Echo "---------------------------------------"
WScript.Echo "LICENSE NAME: Office 15, OfficeLyncVL_KMS_Client edition"
WScript.Echo "LICENSE STATUS:  ---LICENSED---"
WScript.Echo "Last 5 characters of installed product key: TCK7R"
WScript.Echo "---------------------------------------"
WScript.Echo "---Exiting-----------------------------"
"""


def test_the_consoles_own_lookups_and_dstatus_are_captured(wine, tmp_path):
    # Wine has neither nslookup nor Office: a real program stands in under nslookup's name
    # (Wine's reg, which prints the arguments it refuses), and a script in ospp.vbs's place
    # prints /dstatus output. Both run through the collector's bounded capture.
    drive_c = Path(wine.env["WINEPREFIX"]) / "drive_c"
    system32 = drive_c / "windows" / "system32"
    nslookup = system32 / "nslookup.exe"
    office = drive_c / "Program Files" / "Microsoft Office"
    shutil.copy(system32 / "reg.exe", nslookup)
    (office / "Office15").mkdir(parents=True)
    (office / "Office15" / "OSPP.VBS").write_bytes(FAKE_OSPP.replace("\n", "\r\n").encode("ascii"))
    folder = tmp_path / "stick"
    folder.mkdir()
    try:
        collect(wine, folder)
    finally:
        nslookup.unlink()
        shutil.rmtree(office)
    [path] = folder.glob("srs-console-*.json")
    data = json.loads(path.read_bytes().decode("utf-16"))
    codes = [p["code"] for p in data["problems"]]
    assert "nslookup_missing" not in codes and "office_missing" not in codes
    assert data["nslookup"]["path"].lower().endswith("\\system32\\nslookup.exe")
    outputs = [r["output"] for r in data["nslookup"]["results"]]
    assert all(out and "-type=srv" in out for out in outputs), outputs  # run, with its arguments
    assert [r["timed_out"] for r in data["nslookup"]["results"]] == [False, False, False]
    assert data["office"]["ospp_paths"] == ["C:\\Program Files\\Microsoft Office\\Office15\\OSPP.VBS"]
    [run] = data["office"]["dstatus"]
    assert "LICENSE STATUS:  ---LICENSED---" in run["output"] and "unexpected" not in run["output"]
    report = console_file.read_file(str(path))
    assert "Last 5 characters of installed product key: TCK7R" in console.dstatus_text(report)
    assert report.nslookup_for("contoso.test") == outputs[1]


def test_a_hanging_nslookup_is_cut_off_in_time(wine, tmp_path):
    # Wine's cmd under nslookup's name waits for input that never comes: each lookup must be
    # abandoned after its time (2 s here, through the script's second argument), and the
    # report still written.
    system32 = Path(wine.env["WINEPREFIX"]) / "drive_c" / "windows" / "system32"
    nslookup = system32 / "nslookup.exe"
    shutil.copy(system32 / "cmd.exe", nslookup)
    folder = tmp_path / "stick"
    folder.mkdir()
    write_console_script(folder)
    windows_folder = "Z:" + str(folder).replace("/", "\\") + "\\."
    try:
        result = wine("cscript", "//nologo", "srs-collect.vbs", windows_folder, "2", cwd=folder, timeout=90)
    finally:
        nslookup.unlink()
    assert result.returncode == 0, result.stdout
    [path] = folder.glob("srs-console-*.json")
    data = json.loads(path.read_bytes().decode("utf-16"))
    assert [r["timed_out"] for r in data["nslookup"]["results"]] == [True, True, True]
    assert [p["code"] for p in data["problems"]].count("nslookup_timeout") == 3
    # Each was abandoned at its bound (the script's own clock), not at the default 15 s.
    assert all(2000 <= r["elapsed_ms"] < 6000 for r in data["nslookup"]["results"])
    assert "no end within 2 s: stale.test" in [p["detail"] for p in data["problems"]]
    wine.stop()  # the abandoned programs go with the server; the next run starts a fresh one
