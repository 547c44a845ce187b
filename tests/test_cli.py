"""The command line as a user runs it: a real process, real DNS, real sockets."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.servers import Zone


def test_version(cli):
    from srs_wizard import __version__

    result = cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"srs-wizard {__version__}"


def test_check_kms_json_ready(dnsmasq, kms_zone, cli):
    zone, lst = kms_zone
    server = dnsmasq(zone)
    result = cli("check-kms", "--domain", "contoso.test", "--nameserver", server.address, "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["verdict"] == "ready"
    assert data["domains"][0] == {**data["domains"][0], "name": "contoso.test", "source": "argument", "status": "ok"}
    host = data["hosts"][0]
    assert host["target"] == "kms01.contoso.test" and host["port"] == lst.port
    assert host["reachable"] is True and host["expected"] is None
    assert set(data) >= {"verdict", "domains", "hosts", "unexpected_hosts", "elapsed_ms"}
    assert set(host) >= {"target", "port", "priority", "weight", "domain", "addresses", "reachable",
                         "connect_ms", "error", "expected"}
    assert host["protocol"] == "kms" and host["probes"][0]["protocol"] == "kms"
    assert data["domains"][0]["used"] is True


def test_check_kms_not_kms_exit_one(dnsmasq, rpc_responder, cli):
    web = rpc_responder("http_400")
    zone = Zone().add_kms("contoso.test", "kms01.contoso.test", port=web.port)
    server = dnsmasq(zone.add_host("kms01.contoso.test", "127.0.0.1"))
    result = cli("check-kms", "--domain", "contoso.test", "--nameserver", server.address, "--json")
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert data["verdict"] == "not_kms"
    assert data["hosts"][0]["protocol"] == "not_rpc"
    text = cli("check-kms", "--lang", "en", "--domain", "contoso.test", "--nameserver", server.address)
    assert "none speaks KMS" in text.stdout and "not RPC" in text.stdout


def test_check_kms_no_bind_says_the_protocol_was_not_checked(dnsmasq, rpc_responder, cli):
    web = rpc_responder("http_400")
    zone = Zone().add_kms("contoso.test", "kms01.contoso.test", port=web.port)
    server = dnsmasq(zone.add_host("kms01.contoso.test", "127.0.0.1"))
    result = cli("check-kms", "--lang", "en", "--domain", "contoso.test", "--nameserver", server.address,
                 "--no-bind", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["verdict"] == "ready" and data["bind_tried"] is False
    assert data["hosts"][0]["protocol"] is None and data["hosts"][0]["probes"][0]["protocol"] is None
    text = cli("check-kms", "--lang", "en", "--domain", "contoso.test", "--nameserver", server.address, "--no-bind")
    assert "the KMS protocol was not checked" in text.stdout
    assert "speaks KMS" not in text.stdout


def test_check_kms_readable_report(dnsmasq, kms_zone, cli):
    zone, _ = kms_zone
    server = dnsmasq(zone)
    result = cli("check-kms", "--domain", "contoso.test", "--nameserver", server.address)
    assert result.returncode == 0
    assert "kms01.contoso.test" in result.stdout
    assert "KMS is ready" in result.stdout
    assert "Next steps" in result.stdout
    assert "kms01.contoso.test speaks KMS on port" in result.stdout
    assert "only by the console's own ospp.vbs /act" in result.stdout
    assert "Office picks among the hosts" in result.stdout and "by DNS preference" in result.stdout
    assert "the console uses the records of contoso.test" in result.stdout
    assert "For the customer's KMS administrator" in result.stdout and "within 4 hours" in result.stdout


def test_no_connect_exit_zero_for_found(dnsmasq, kms_zone, cli):
    zone, _ = kms_zone
    server = dnsmasq(zone)
    result = cli("check-kms", "--domain", "contoso.test", "--nameserver", server.address, "--no-connect", "--json")
    assert result.returncode == 0
    assert json.loads(result.stdout)["verdict"] == "found"
    assert json.loads(result.stdout)["hosts"][0]["reachable"] is None


def test_not_found_exit_1(dnsmasq, cli):
    server = dnsmasq(Zone(local=["empty.test"]))
    result = cli("check-kms", "--domain", "empty.test", "--nameserver", server.address)
    assert result.returncode == 1
    assert "_vlmcs._tcp" in result.stdout


def test_dns_error_exit_3(responder, cli):
    result = cli("check-kms", "--domain", "contoso.test", "--nameserver", responder("servfail").address, "--json")
    assert result.returncode == 3
    assert json.loads(result.stdout)["domains"][0]["status"] == "servfail"


def test_expect_flags_rogue(dnsmasq, kms_zone, cli):
    zone, _ = kms_zone
    server = dnsmasq(zone)
    result = cli("check-kms", "--domain", "contoso.test", "--nameserver", server.address,
                 "--expect", "kms99.contoso.test", "--json")
    data = json.loads(result.stdout)
    assert data["unexpected_hosts"] == ["kms01.contoso.test"]
    assert data["hosts"][0]["expected"] is False


@pytest.mark.parametrize("args", [
    ["--domain", ""],
    ["--domain", "x" * 300],
    ["--domain", "a" * 64 + ".test"],
    ["--domain", "☃.com"],
    ["--nameserver", "999.1.1.1"],
    ["--nameserver", "127.0.0.1:0"],
    ["--nameserver", "127.0.0.1:70000"],
    ["--timeout", "-1"],
    ["--timeout", "soon"],
    ["--connect-timeout", "0"],
    ["--expect", "kms01..contoso.test"],
    ["--expect", "kms 01"],
    ["--bogus"],
])
def test_bad_arguments_exit_2_with_one_line(args, cli):
    result = cli("check-kms", *args, "--json")
    assert result.returncode == 2
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_idna_domain_is_accepted(dnsmasq, cli):
    server = dnsmasq(Zone(local=["xn--bcher-kva.test"]))
    result = cli("check-kms", "--domain", "bücher.test", "--nameserver", server.address, "--json")
    assert result.returncode == 1
    assert json.loads(result.stdout)["domains"][0]["name"] == "xn--bcher-kva.test"


def test_cli_module_imports_no_qt():
    code = ("import sys, srs_wizard.cli, srs_wizard.core.kms, srs_wizard.core.product_key;"
            "print([m for m in sys.modules if m.startswith(('PySide6', 'shiboken6'))])")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]"


def test_check_kms_run_imports_no_qt(dnsmasq, kms_zone):
    zone, _ = kms_zone
    server = dnsmasq(zone)
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "srs_wizard", "check-kms", "--domain",
                             "contoso.test", "--nameserver", server.address, "--json"],
                            capture_output=True, text=True)
    assert result.returncode == 0
    assert "PySide6" not in result.stderr


def test_display_width_counts_chinese_as_two_columns():
    from srs_wizard.core.present.report import display_width

    assert display_width("abc") == 3
    assert display_width("域名") == 4
    assert display_width("（超时）。") == 10  # full-width punctuation
    assert display_width("e\u0301") == 1  # a combining accent takes no column


def test_expect_bracketed_ipv6_with_port_matches_a_host_on_ipv6_loopback(dnsmasq, rpc_responder, cli):
    kms6 = rpc_responder("kms_win8", host="::1")
    zone = Zone().add_kms("contoso.test", "kms6.contoso.test", port=kms6.port)
    server = dnsmasq(zone.add_host("kms6.contoso.test", "::1"))
    result = cli("check-kms", "--domain", "contoso.test", "--nameserver", server.address,
                 "--expect", f"[::1]:{kms6.port}", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["verdict"] == "ready"
    assert data["hosts"][0]["addresses"] == ["::1"] and data["hosts"][0]["expected"] is True
    assert data["unexpected_hosts"] == []
