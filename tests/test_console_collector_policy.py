"""The collector under Debian's wine64 (as tests/test_console_collector.py), for the console's
view as Windows has it: group policy over local values, the devolution level, absolute names
for nslookup, a popup-proof ospp.vbs run, /dhistorykms and the KMS host override.

Two collector runs in one fresh prefix (Wine runs are slow): the first with the policy's
primary suffix, devolution level 3 and DNS servers, a stand-in nslookup that records the
names it is asked, and a stand-in ospp.vbs printing recorded Windows 8+ output; the second
with a policy search list and a stand-in ospp.vbs that pops up and never returns.

The stand-ins are real programs: Wine runs a Unix script placed at nslookup.exe (what it
prints may reach the report after cmd has returned, so only the names it records are
checked), and the ospp.vbs stand-ins are VBScript run by Wine's cscript, as the real one is.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import pytest

from srs_wizard.core import activation as act
from srs_wizard.core import console, console_file
from srs_wizard.core.console_script import write_console_script
from tests.conftest import run_cli as run
from tests.test_console_collector import TCPIP, WINE, Wine

CORPUS = Path(__file__).parent / "corpus" / "ospp"
POLICY = r"HKLM\SOFTWARE\Policies\Microsoft\Windows NT\DNSClient"
POLICY_SYSTEM = r"HKLM\SOFTWARE\Policies\Microsoft\System\DNSClient"
OSPP_KEY = r"HKLM\SOFTWARE\Microsoft\OfficeSoftwareProtectionPlatform"
OSPP_KEY_WOW = r"HKLM\SOFTWARE\Wow6432Node\Microsoft\OfficeSoftwareProtectionPlatform"
ADAPTER = "{5A1E0003-0000-4000-8000-000000000003}"
OSPP_BOUND = 3  # seconds, through SRS_COLLECT_OSPP_SECONDS (the console's default is 90)

NSLOOKUP = """#!{python}
# Records the arguments it was run with, and answers as nslookup does for a name without records.
import sys
with open({record!r}, "a", encoding="utf-8") as fh:
    fh.write(" ".join(sys.argv[1:]) + "\\n")
name = sys.argv[-1]
print("Server:  dns.stand-in.test")
print("Address:  127.0.0.9")
print("")
print("*** dns.stand-in.test can't find " + name + ": Non-existent domain")
"""

HISTORY = ["Event ID 12288: KMS request sent to kms01.rooms.contoso.test:1688",
           "Event ID 12289: KMS response received, activation count 27"]


def vbs_echo(lines: list[str]) -> str:
    return "".join('WScript.Echo "' + line.replace('"', '""') + '"\r\n' for line in lines)


def recorded_ospp(dstatus: list[str], actions: str) -> str:
    """An ospp.vbs that prints recorded output for /dstatus and /dhistorykms, and notes each call."""
    return (
        'Set fso = CreateObject("Scripting.FileSystemObject")\r\n'
        f'Set f = fso.OpenTextFile("{actions}", 8, True)\r\n'
        'f.WriteLine WScript.Arguments(0)\r\n'
        'f.Close\r\n'
        'If WScript.Arguments(0) = "/dstatus" Then\r\n' + vbs_echo(dstatus) +
        'ElseIf WScript.Arguments(0) = "/dhistorykms" Then\r\n' + vbs_echo(HISTORY) +
        'End If\r\n'
    )


def popup_ospp(heartbeat: str) -> str:
    """ospp.vbs when the licensing service cannot be reached: a modal window that waits for a
    click (under Wine without a display it returns at once, so a loop stands for the wait),
    beating into a file while it waits."""
    return (
        'Set fso = CreateObject("Scripting.FileSystemObject")\r\n'
        'WScript.Echo "---Processing--------------------------"\r\n'
        'CreateObject("WScript.Shell").Popup "The Software Licensing Service reported an error", 0, '
        '"Microsoft Office", 16\r\n'
        'i = 0\r\n'
        'Do\r\n'
        '    i = i + 1\r\n'
        '    If i Mod 100000 = 0 Then\r\n'
        f'        Set f = fso.OpenTextFile("{heartbeat}", 8, True)\r\n'
        '        f.WriteLine "waiting"\r\n'
        '        f.Close\r\n'
        '    End If\r\n'
        'Loop\r\n'
    )


def windows_path(path: Path) -> str:
    return "Z:" + str(path).replace("/", "\\")


def collect(wine: Wine, folder: Path, **env) -> tuple[dict, Path, float]:
    folder.mkdir()
    write_console_script(folder)
    saved = wine.env
    wine.env = dict(saved, **env)
    try:
        start = time.monotonic()
        result = wine("cmd", "/c", "srs-collect.cmd", "/nopause", cwd=folder, timeout=180)
        took = time.monotonic() - start
    finally:
        wine.env = saved
    assert result.returncode == 0, (result.stdout, result.stderr)
    [path] = folder.glob("srs-console-*.json")
    return json.loads(path.read_bytes().decode("utf-16")), path, took


@pytest.fixture(scope="module")
def runs(tmp_path_factory):
    if not os.access(WINE, os.X_OK):
        pytest.skip("wine64 is not installed (.ci/system-deps.sh installs Debian's wine64)")
    base = tmp_path_factory.mktemp("policy")
    wine = Wine(base / "prefix")
    params = TCPIP + r"\Parameters"
    wine.reg(params, "NV Domain", "rooms.local.test")
    wine.reg(params + "\\Interfaces\\" + ADAPTER, "NameServer", "127.0.0.1")
    wine.reg(params + "\\Interfaces\\" + ADAPTER, "Domain", "site.local.test")
    wine.reg(POLICY_SYSTEM, "NV PrimaryDnsSuffix", "a.central.contoso.test")
    wine.reg(POLICY, "DomainNameDevolutionLevel", "3", kind="REG_DWORD")
    wine.reg(POLICY, "NameServer", "127.0.0.9 127.0.0.10")
    wine.reg(OSPP_KEY, "KeyManagementServiceName", "kms-old.fabrikam.test")
    wine.reg(OSPP_KEY, "KeyManagementServicePort", "1688")
    wine.reg(OSPP_KEY_WOW, "KeyManagementServiceName", "kms32.fabrikam.test")
    wine.reg(OSPP_KEY_WOW, "KeyManagementServicePort", "1689", kind="REG_DWORD")

    drive_c = Path(wine.env["WINEPREFIX"]) / "drive_c"
    record = base / "nslookup-asked.txt"
    nslookup = drive_c / "windows" / "system32" / "nslookup.exe"
    nslookup.write_text(NSLOOKUP.format(python=sys.executable, record=str(record)), encoding="utf-8")
    nslookup.chmod(0o755)
    office = drive_c / "Program Files" / "Microsoft Office" / "Office15"
    office.mkdir(parents=True)
    actions = base / "ospp-actions.txt"
    dstatus = (CORPUS / "dstatus_win8_kms_lookup_domain.txt").read_text("ascii").splitlines()
    (office / "OSPP.VBS").write_bytes(recorded_ospp(dstatus, windows_path(actions)).encode("ascii"))
    first, first_path, _ = collect(wine, base / "stick1")
    first_asked = record.read_text("utf-8").splitlines()
    record.unlink()

    # The second run: a policy search list, and an ospp.vbs that never returns.
    wine.reg(POLICY, "SearchList", "corp.contoso.test,contoso.test")
    heartbeat = base / "popup-waiting.txt"
    (office / "OSPP.VBS").write_bytes(popup_ospp(windows_path(heartbeat)).encode("ascii"))
    second, _, took = collect(wine, base / "stick2", SRS_COLLECT_OSPP_SECONDS=str(OSPP_BOUND))
    beats = heartbeat.read_text().count("waiting") if heartbeat.exists() else 0
    time.sleep(2)
    beats_later = heartbeat.read_text().count("waiting") if heartbeat.exists() else 0
    second_asked = record.read_text("utf-8").splitlines()
    yield {"first": first, "first_path": first_path, "first_asked": first_asked,
           "actions": actions.read_text().split(), "second": second, "second_took": took,
           "beats": (beats, beats_later), "second_asked": second_asked}
    wine.stop()


def test_the_policy_primary_suffix_wins_and_level_3_stops_devolution(runs):
    dns = runs["first"]["dns"]
    assert dns["nv_domain"] == "rooms.local.test"
    assert dns["policy"]["primary_suffix"] == "a.central.contoso.test"
    assert dns["policy"]["primary_suffix_key"] == POLICY_SYSTEM
    assert dns["policy"]["devolution_level"] == 3
    effective = dns["effective"]
    assert (effective["primary_suffix"], effective["primary_source"]) == ("a.central.contoso.test", "policy")
    assert (effective["devolution"], effective["devolution_source"]) == (True, "default")
    assert (effective["devolution_level"], effective["devolution_level_source"]) == (3, "policy")
    # Level 3 keeps central.contoso.test (3 labels) and stops before contoso.test.
    assert dns["effective_suffixes"] == ["a.central.contoso.test", "site.local.test", "central.contoso.test"]
    assert dns["devolved_suffixes"] == ["central.contoso.test"]


def test_the_policy_dns_servers_serve_every_adapter(runs):
    dns = runs["first"]["dns"]
    assert dns["adapters"][0]["name_server"] == "127.0.0.1"  # the local value, reported beside
    assert dns["policy"]["name_server"] == "127.0.0.9 127.0.0.10"
    assert dns["effective"]["dns_servers_source"] == "policy"
    assert dns["dns_servers"] == ["127.0.0.9", "127.0.0.10"]


def test_nslookup_is_asked_the_absolute_names(runs):
    assert runs["first_asked"] == [f"-type=srv _vlmcs._tcp.{s}." for s in
                                   ("a.central.contoso.test", "site.local.test", "central.contoso.test")]
    results = runs["first"]["nslookup"]["results"]
    assert [r["command"] for r in results] == [f"nslookup -type=srv _vlmcs._tcp.{r['suffix']}." for r in results]
    assert all(r["timed_out"] is False for r in results)


def test_recorded_windows8_output_is_collected_with_the_kms_history_and_the_override(runs):
    office = runs["first"]["office"]
    [run_] = office["dstatus"]
    assert run_["timed_out"] is False and run_["ended_by_collector"] is None
    assert "KMS Lookup Domain: rooms.contoso.test" in run_["output"]
    # A KMS client: its activation history was read as well (read-only).
    [history] = office["dhistorykms"]
    assert all(line in history["output"] for line in HISTORY)
    assert runs["actions"][-1] == "/dhistorykms" and "/dstatus" in runs["actions"]
    assert {"/dstatus", "/dhistorykms"} == set(runs["actions"])
    assert office["kms_override"] == [
        {"key": OSPP_KEY, "name": "kms-old.fabrikam.test", "port": "1688"},
        {"key": OSPP_KEY_WOW, "name": "kms32.fabrikam.test", "port": "1689"},
    ]
    codes = [p["code"] for p in runs["first"]["problems"]]
    assert "dstatus_timeout" not in codes and "ospp_ended" not in codes


def test_the_importer_reads_the_consoles_order_and_windows8_status(runs, dnsmasq):
    from tests.servers import Zone

    report = console_file.read_file(str(runs["first_path"]))
    assert report.suffix_order == ("a.central.contoso.test", "site.local.test", "central.contoso.test")
    assert report.order_matches and report.devolved == ("central.contoso.test",)
    assert report.evidence.primary_source == console.FROM_POLICY
    assert report.dns_servers == ("127.0.0.9", "127.0.0.10")
    assert [o.name for o in report.kms_overrides] == ["kms-old.fabrikam.test", "kms32.fabrikam.test"]
    status = act.read_status(console.dstatus_text(report))
    assert status.verdict == act.LICENSED and status.product.kms_lookup_domain == "rooms.contoso.test"
    server = dnsmasq(Zone(local=["a.central.contoso.test", "site.local.test", "central.contoso.test"]))
    result = run("check-kms", "--console-report", str(runs["first_path"]), "--nameserver", server.address,
                 "--no-connect", "--json")
    data = json.loads(result.stdout)
    assert [d["console_devolved"] for d in data["domains"]] == [False, False, True]
    assert data["console"]["evidence"]["devolution_level"] == 3


def test_a_policy_search_list_is_used_alone_and_turns_devolution_off(runs):
    dns = runs["second"]["dns"]
    assert dns["effective_source"] == "policy"
    assert dns["effective_suffixes"] == ["corp.contoso.test", "contoso.test"]
    assert dns["devolved_suffixes"] == []
    assert (dns["effective"]["devolution"], dns["effective"]["devolution_source"]) == (False, "policy_search_list")
    assert runs["second_asked"] == ["-type=srv _vlmcs._tcp.corp.contoso.test.", "-type=srv _vlmcs._tcp.contoso.test."]


def test_an_ospp_popup_is_ended_within_the_bound(runs):
    office = runs["second"]["office"]
    assert office["ospp_seconds"] == OSPP_BOUND
    [run_] = office["dstatus"]
    assert run_["timed_out"] is True and run_["ended_by_collector"] is True
    assert run_["ended_with"] in ("exec", "wmi") and isinstance(run_["process_id"], int)
    assert OSPP_BOUND * 1000 <= run_["elapsed_ms"] < (OSPP_BOUND + 5) * 1000
    assert office["dhistorykms"] == []  # nothing more is asked of a hung ospp.vbs
    problems = {p["code"]: p["detail"] for p in runs["second"]["problems"]}
    assert "dstatus_timeout" in problems and "ospp_ended" in problems and "ospp_not_ended" not in problems
    assert f"process id {run_['process_id']}" in problems["ospp_ended"]
    # The whole collection ended long before the console's 90 s default...
    assert runs["second_took"] < 60
    # ...and the cscript that ran ospp.vbs is gone: it beat while it waited, and beats no more.
    before, after = runs["beats"]
    assert before > 0 and after == before
