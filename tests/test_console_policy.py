"""The console's suffix order as Windows builds it from group policy and local values: the
policy's primary suffix, adapter suffix and DNS servers win, the devolution level stops
devolution, a search list turns it off, and devolved parents are only a possibility."""

from __future__ import annotations

import json

import pytest

from srs_wizard.core import console
from srs_wizard.core.present.console import console_answers_text
from tests.conftest import run_cli as run
from tests.console_reports import encode, windows7_report


def policy_report(policy: dict | None = None, effective_suffixes=None, **changes) -> dict:
    data = windows7_report(dns__primary_suffix="a.central.contoso.com", dns__nv_domain="a.central.contoso.com",
                           **changes)
    data["dns"]["policy"] = {"primary_suffix": None, "primary_suffix_key": None, "adapter_domain": None,
                             "name_server": None, "search_list": None, "devolution_value": None,
                             "devolution_level": None, **(policy or {})}
    if effective_suffixes is not None:
        data["dns"]["effective_suffixes"] = effective_suffixes
    return data


def read(data: dict) -> console.ConsoleReport:
    return console.loads(encode(data))


def test_without_policy_the_local_order_devolves_to_two_labels_and_marks_the_parents():
    report = read(policy_report())
    assert report.suffix_order == ("a.central.contoso.com", "lab.contoso.com", "central.contoso.com", "contoso.com")
    assert report.devolved == ("central.contoso.com", "contoso.com")
    assert report.is_devolved("contoso.com") and not report.is_devolved("lab.contoso.com")
    e = report.evidence
    assert (e.primary_source, e.adapter_source, e.devolution, e.devolution_source) == (
        console.FROM_LOCAL, console.FROM_ADAPTERS, True, console.FROM_DEFAULT)
    assert (e.devolution_level, e.devolution_level_source) == (2, console.FROM_DEFAULT)


def test_the_policy_primary_suffix_wins_over_the_local_one():
    report = read(policy_report({"primary_suffix": "rooms.fabrikam.com"}))
    assert report.suffix_order == ("rooms.fabrikam.com", "lab.contoso.com", "fabrikam.com")
    assert report.evidence.primary_suffix == "rooms.fabrikam.com"
    assert report.evidence.primary_source == console.FROM_POLICY
    assert report.devolved == ("fabrikam.com",)


def test_level_3_stops_devolution_before_two_labels():
    report = read(policy_report(dns__devolution_level_value=3))
    assert report.suffix_order == ("a.central.contoso.com", "lab.contoso.com", "central.contoso.com")
    assert report.devolved == ("central.contoso.com",)
    assert (report.evidence.devolution_level, report.evidence.devolution_level_source) == (3, console.FROM_LOCAL)
    # The policy's level wins over the local one; a level below 2 is Windows' 2.
    assert read(policy_report({"devolution_level": 4}, dns__devolution_level_value=2)).devolved == ()
    assert read(policy_report({"devolution_level": 1})).devolved == ("central.contoso.com", "contoso.com")


def test_the_policy_turns_devolution_off_over_a_local_on():
    report = read(policy_report({"devolution_value": 0}, dns__devolution_value=1))
    assert report.suffix_order == ("a.central.contoso.com", "lab.contoso.com") and report.devolved == ()
    assert (report.evidence.devolution, report.evidence.devolution_source) == (False, console.FROM_POLICY)
    on = read(policy_report({"devolution_value": 1}, dns__devolution_value=0, dns__devolution=False))
    assert on.devolved == ("central.contoso.com", "contoso.com")


def test_a_policy_search_list_is_used_alone_and_turns_devolution_off():
    report = read(policy_report({"search_list": "corp.contoso.com,contoso.com"},
                                dns__search_list_policy="corp.contoso.com,contoso.com",
                                effective_suffixes=["corp.contoso.com", "contoso.com"]))
    assert report.suffix_order == ("corp.contoso.com", "contoso.com") and report.devolved == ()
    assert report.order_source == console.ORDER_POLICY and report.order_matches
    assert report.evidence.devolution_source == console.FROM_POLICY_SEARCH_LIST
    assert not report.evidence.devolution


def test_the_policy_adapter_suffix_and_dns_servers_serve_every_adapter():
    report = read(policy_report({"adapter_domain": "site.contoso.com", "name_server": "10.9.9.1, 10.9.9.2"}))
    assert report.suffix_order == ("a.central.contoso.com", "site.contoso.com", "central.contoso.com", "contoso.com")
    assert report.dns_servers == ("10.9.9.1", "10.9.9.2")  # not the adapter's 10.0.0.53
    assert report.evidence.adapter_source == console.FROM_POLICY
    assert report.evidence.dns_servers_source == console.FROM_POLICY


def test_a_difference_from_the_collectors_order_is_still_reported():
    report = read(policy_report({"primary_suffix": "rooms.fabrikam.com"},
                                effective_suffixes=["a.central.contoso.com", "lab.contoso.com"]))
    assert not report.order_matches
    assert console.ORDER_DIFFERS in [n.code for n in report.notes]


def test_a_first_collector_report_reads_as_before():
    report = read(windows7_report())  # no policy, no level, no devolution_value
    assert report.suffix_order == ("rooms.contoso.com", "lab.contoso.com", "contoso.com")
    assert report.order_matches and report.devolved == ("contoso.com",)
    off = read(windows7_report(dns__devolution=False, dns__effective_suffixes=["rooms.contoso.com",
                                                                               "lab.contoso.com"]))
    assert off.devolved == () and off.evidence.devolution_source == console.FROM_LOCAL


@pytest.mark.parametrize("field,value", [("devolution_level_value", "3"), ("devolution_value", True)])
def test_a_wrong_kind_of_number_is_named(field, value):
    with pytest.raises(console.ConsoleReportError) as info:
        read(policy_report(**{f"dns__{field}": value}))
    assert [p.field for p in info.value.problems] == [f"dns.{field}"]


def test_the_text_shows_the_order_windows_would_use_and_its_evidence():
    report = read(policy_report({"primary_suffix": "rooms.fabrikam.com"}, dns__devolution_level_value=2))
    text = console_answers_text(report, None)
    assert "fabrikam.com (only if the console devolves)" in text
    assert "rooms.fabrikam.com (only if" not in text
    assert "Primary suffix: rooms.fabrikam.com (group policy)" in text
    assert "level: set on the console" in text


def test_check_kms_json_marks_devolved_suffixes_and_gives_the_evidence(tmp_path, dnsmasq):
    from tests.servers import Zone

    server = dnsmasq(Zone(local=["a.central.contoso.com", "lab.contoso.com", "central.contoso.com"]))
    path = tmp_path / "r.json"
    path.write_bytes(encode(policy_report({"devolution_level": 3})))
    result = run("check-kms", "--console-report", str(path), "--nameserver", server.address, "--json",
                 "--no-connect")
    assert "Traceback" not in result.stderr
    data = json.loads(result.stdout)
    assert [d["name"] for d in data["domains"]] == ["a.central.contoso.com", "lab.contoso.com",
                                                   "central.contoso.com"]
    assert [d["console_devolved"] for d in data["domains"]] == [False, False, True]
    assert data["console"]["suffix_order"] == [d["name"] for d in data["domains"]]
    assert data["console"]["devolved_suffixes"] == ["central.contoso.com"]
    evidence = data["console"]["evidence"]
    assert evidence["devolution_level"] == 3 and evidence["devolution_level_source"] == "policy"
    assert evidence["primary_suffix"] == "a.central.contoso.com" and evidence["primary_source"] == "local"
    text = run("check-kms", "--console-report", str(path), "--nameserver", server.address, "--no-connect")
    assert "central.contoso.com (only if the console devolves)" in text.stdout


def test_the_kms_host_set_by_hand_in_the_registry_is_shown(tmp_path, dnsmasq):
    from tests.servers import Zone

    data = policy_report()
    data["office"]["kms_override"] = [
        {"key": "HKLM\\SOFTWARE\\Microsoft\\OfficeSoftwareProtectionPlatform", "name": None, "port": None},
        {"key": "HKLM\\SOFTWARE\\Wow6432Node\\Microsoft\\OfficeSoftwareProtectionPlatform",
         "name": "kms-old.fabrikam.com", "port": "1688"}]
    report = read(data)
    assert [o.name for o in report.kms_overrides] == [None, "kms-old.fabrikam.com"]
    text = console_answers_text(report, None)
    assert "KMS host set by hand in the registry: kms-old.fabrikam.com:1688 (HKLM" in text
    server = dnsmasq(Zone(local=["a.central.contoso.com"]))
    path = tmp_path / "r.json"
    path.write_bytes(encode(data))
    out = json.loads(run("check-kms", "--console-report", str(path), "--nameserver", server.address,
                         "--no-connect", "--json").stdout)
    assert out["console"]["kms_overrides"] == [data["office"]["kms_override"][1]]
