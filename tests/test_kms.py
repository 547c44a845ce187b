"""core.kms against a real dnsmasq, real fault responders and real TCP sockets."""

from __future__ import annotations

import errno
import ipaddress
import json
import os
import re
import resource
import subprocess
import sys
import threading
import time

import pytest

from srs_wizard.core import kms
from srs_wizard.core.kms.net import RETRANSMIT_AFTER
from srs_wizard.core.present import kms as kms_words
from tests.servers import UdpResponder, Zone, closed_port


def test_ready_host_found_and_reachable(dnsmasq, kms_zone):
    zone, lst = kms_zone
    server = dnsmasq(zone)
    check = kms.find_kms_hosts(["contoso.test"], [server.address], timeout=3)
    assert check.verdict == kms.READY
    assert [d.status for d in check.domains] == [kms.OK]
    (host,) = check.hosts
    assert host.target == "kms01.contoso.test"
    assert host.port == lst.port
    assert host.addresses == ("127.0.0.1",)
    assert host.reachable is True and host.connect_ms is not None
    deadline = time.monotonic() + 2  # the listener's thread accepts the probe's connection
    while lst.accepted < 1 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert lst.accepted >= 1  # the probe really connected


def test_hosts_are_ordered_as_a_client_prefers_them_and_merged(dnsmasq, listener):
    lst = listener()
    zone = Zone()
    zone.add_kms("a.test", "zeta.a.test", port=lst.port, priority=10, weight=5)
    zone.add_kms("a.test", "beta.a.test", port=lst.port, priority=0, weight=10)
    zone.add_kms("a.test", "alpha.a.test", port=lst.port, priority=0, weight=10)
    zone.add_kms("a.test", "heavy.a.test", port=lst.port, priority=0, weight=90)
    # The same host published in a second domain is one host.
    zone.add_kms("b.test", "heavy.a.test", port=lst.port, priority=0, weight=90)
    for name in ("zeta", "beta", "alpha", "heavy"):
        zone.add_host(f"{name}.a.test", "127.0.0.1")
    server = dnsmasq(zone)
    check = kms.find_kms_hosts(["a.test", "b.test"], [server.address], timeout=3, connect=False)
    assert [h.target for h in check.hosts] == ["heavy.a.test", "alpha.a.test", "beta.a.test", "zeta.a.test"]
    heavy = check.hosts[0]
    assert heavy.domains == ("a.test", "b.test")
    assert check.verdict == kms.FOUND
    assert all(h.reachable is None for h in check.hosts)


def test_each_domain_status_is_named(dnsmasq, kms_zone):
    zone, _ = kms_zone
    zone.add_kms("none.test", None)  # RFC 2782 target "."
    zone.txt.append(("_vlmcs._tcp.txt.test", "not an srv"))
    zone.local.append("txt.test")
    zone.local.append("missing.test")
    server = dnsmasq(zone)
    check = kms.find_kms_hosts(["contoso.test", "none.test", "txt.test", "missing.test"],
                               [server.address], timeout=3)
    statuses = {d.name: d.status for d in check.domains}
    assert statuses == {
        "contoso.test": kms.OK,
        "none.test": kms.NOT_AVAILABLE,
        "txt.test": kms.NO_ANSWER,
        "missing.test": kms.NXDOMAIN,
    }
    assert all(kms_words.domain_message(d) for d in check.domains)
    assert all(d.elapsed_ms >= 0 for d in check.domains)


def test_not_found_when_every_domain_answers_without_records(dnsmasq):
    server = dnsmasq(Zone(local=["empty.test", "void.test"]))
    check = kms.find_kms_hosts(["empty.test", "void.test"], [server.address], timeout=3)
    assert check.verdict == kms.NOT_FOUND
    assert {d.status for d in check.domains} == {kms.NXDOMAIN}


@pytest.mark.parametrize("mode, status", [
    ("silent", kms.TIMEOUT),
    ("garbage", kms.ERROR),
    ("refused", kms.REFUSED),
    ("servfail", kms.SERVFAIL),
])
def test_dns_faults_are_named(responder, mode, status):
    server = responder(mode)
    started = time.perf_counter()
    check = kms.find_kms_hosts(["contoso.test"], [server.address], timeout=0.6)
    elapsed = time.perf_counter() - started
    assert check.verdict == kms.DNS_ERROR
    (domain,) = check.domains
    assert domain.status == status
    assert kms_words.domain_message(domain)
    assert (domain.detail is None) == (status != kms.ERROR)  # the status alone says it, but for error
    assert server.received >= 1
    assert elapsed < 3  # within the budget, not a default resolver timeout


def test_garbage_reply_message_says_so(responder):
    check = kms.find_kms_hosts(["contoso.test"], [responder("garbage").address], timeout=1)
    assert check.domains[0].detail.code == kms.DETAIL_BAD_REPLY and check.domains[0].detail.reason
    assert "not a valid DNS message" in kms_words.domain_message(check.domains[0])


def test_reply_with_wrong_id_is_ignored_then_times_out(responder):
    check = kms.find_kms_hosts(["contoso.test"], [responder("wrong_id").address], timeout=0.5)
    assert check.domains[0].status == kms.TIMEOUT


def test_second_nameserver_is_asked_when_first_refuses(dnsmasq, kms_zone, responder):
    zone, _ = kms_zone
    good = dnsmasq(zone)
    bad = responder("refused")
    check = kms.find_kms_hosts(["contoso.test"], [bad.address, good.address], timeout=3)
    assert check.verdict == kms.READY
    assert check.domains[0].nameserver == good.address


def test_silent_domains_cost_one_timeout_not_several(dnsmasq, kms_zone, responder):
    """Four silent servers... the domains run concurrently within one budget."""
    silent = responder("silent")
    started = time.perf_counter()
    check = kms.find_kms_hosts(["a.test", "b.test", "c.test", "d.test"], [silent.address], timeout=0.8)
    elapsed = time.perf_counter() - started
    assert [d.status for d in check.domains] == [kms.TIMEOUT] * 4
    assert elapsed < 0.8 * 2  # not 4 x 0.8


def test_unreachable_host_refused_and_timeout(dnsmasq):
    zone = Zone()
    zone.add_kms("contoso.test", "dead.contoso.test", port=closed_port())
    zone.add_host("dead.contoso.test", "127.0.0.1")
    server = dnsmasq(zone)
    check = kms.find_kms_hosts(["contoso.test"], [server.address], timeout=3, connect_timeout=0.5)
    assert check.verdict == kms.UNREACHABLE
    (host,) = check.hosts
    assert host.reachable is False
    assert host.probes[0].result == kms.PROBE_REFUSED
    assert host.error_code == kms.HOST_UNREACHABLE and host.probes[0].errno == errno.ECONNREFUSED
    assert "refused" in kms_words.host_error(host)


def test_host_without_address_is_reported(dnsmasq):
    zone = Zone().add_kms("contoso.test", "ghost.contoso.test")
    server = dnsmasq(zone)
    check = kms.find_kms_hosts(["contoso.test"], [server.address], timeout=2)
    (host,) = check.hosts
    assert host.addresses == ()
    assert host.reachable is False
    assert host.error_code == kms.HOST_NO_ADDRESS and "no IP address" in kms_words.host_error(host)
    assert check.verdict == kms.UNREACHABLE


def test_expected_hosts_flag_rogue_ones(dnsmasq, listener):
    lst = listener()
    zone = Zone()
    zone.add_kms("contoso.test", "kms01.contoso.test", port=lst.port)
    zone.add_kms("contoso.test", "rogue.contoso.test", port=lst.port, priority=5)
    zone.add_host("kms01.contoso.test", "127.0.0.1").add_host("rogue.contoso.test", "127.0.0.1")
    server = dnsmasq(zone)
    check = kms.find_kms_hosts(["contoso.test"], [server.address], timeout=3,
                               expect=["KMS01.contoso.test."])
    expected = {h.target: h.expected for h in check.hosts}
    assert expected == {"kms01.contoso.test": True, "rogue.contoso.test": False}
    assert check.unexpected_hosts == ("rogue.contoso.test",)
    no_expect = kms.find_kms_hosts(["contoso.test"], [server.address], timeout=3)
    assert all(h.expected is None for h in no_expect.hosts)


def test_host_cap_adds_a_note(dnsmasq, listener):
    zone = Zone()
    for i in range(6):
        zone.add_kms("many.test", f"kms{i}.many.test", priority=i)
        zone.add_host(f"kms{i}.many.test", "127.0.0.1")
    server = dnsmasq(zone)
    check = kms.find_kms_hosts(["many.test"], [server.address], timeout=3, connect=False, max_hosts=4)
    assert len(check.hosts) == 4
    assert check.notes == (kms.Note(kms.NOTE_HOST_LIMIT, 6, 4),)
    assert "6" in kms_words.notes(check)[0] and "4" in kms_words.notes(check)[0]


def test_cancel_stops_at_once(responder):
    silent = responder("silent")
    token = kms.CancelToken()
    outcome = {}

    def run():
        started = time.perf_counter()
        try:
            kms.find_kms_hosts(["contoso.test"], [silent.address], timeout=30, cancel=token)
        except kms.CheckCancelled:
            outcome["cancelled_after"] = time.perf_counter() - started

    thread = threading.Thread(target=run)
    thread.start()
    time.sleep(0.2)
    token.cancel()
    thread.join(2)
    assert not thread.is_alive()
    assert outcome["cancelled_after"] < 1.0


def test_domains_from_system_configuration(tmp_path, dnsmasq, kms_zone):
    zone, _ = kms_zone
    server = dnsmasq(zone)
    conf = tmp_path / "resolv.conf"
    conf.write_text("domain contoso.test\nsearch corp.test contoso.test other.test\nnameserver 127.0.0.1\n")
    config = kms.system_dns_config(str(conf))
    assert [(d.name, d.source) for d in config.domains] == [
        ("contoso.test", kms.SOURCE_PRIMARY), ("corp.test", kms.SOURCE_SEARCH_LIST),
        ("other.test", kms.SOURCE_SEARCH_LIST)]
    check = kms.find_kms_hosts(None, [server.address], timeout=3, resolv_conf=str(conf))
    assert check.verdict == kms.READY
    assert [d.source for d in check.domains] == [kms.SOURCE_PRIMARY, kms.SOURCE_SEARCH_LIST, kms.SOURCE_SEARCH_LIST]


def test_no_domain_is_its_own_verdict(tmp_path):
    conf = tmp_path / "resolv.conf"
    conf.write_text("nameserver 127.0.0.1\n")
    check = kms.find_kms_hosts(None, ["127.0.0.1:9"], timeout=1, resolv_conf=str(conf))
    assert check.verdict == kms.NO_DOMAIN
    assert check.domains == ()


def test_broken_system_configuration_is_reported_not_raised(tmp_path):
    conf = tmp_path / "resolv.conf"
    conf.write_text("search contoso.test\n")  # no nameserver at all
    config = kms.system_dns_config(str(conf))
    assert config.problem
    missing = kms.system_dns_config(str(tmp_path / "does-not-exist"))
    assert missing.problem


@pytest.mark.parametrize("text, expected", [
    ("Contoso.TEST.", "contoso.test"),
    ("bücher.example", "xn--bcher-kva.example"),
    ("  corp.contoso.test ", "corp.contoso.test"),
    ("_VLMCS._tcp.contoso.test", "contoso.test"),  # the record name pasted from DNS Manager
])
def test_domain_normalisation(text, expected):
    assert kms.normalise_domain(text) == expected


@pytest.mark.parametrize("text", ["", "   ", "a..b", "x" * 64 + ".test", ("a" * 60 + ".") * 5 + "test",
                                  "bad domain.test", "☃.com", "a/b.test",
                                  "_vlmcs._tcp."])
def test_bad_domains_are_refused_with_a_reason(text):
    with pytest.raises(kms.UsageError) as info:
        kms.normalise_domain(text)
    from srs_wizard.core.present.kms_inputs import usage_error_text

    assert info.value.code and usage_error_text(info.value) != info.value.code


@pytest.mark.parametrize("text, address, port", [
    ("10.1.2.3", "10.1.2.3", 53),
    ("10.1.2.3:5353", "10.1.2.3", 5353),
    ("[::1]:5300", "::1", 5300),
    ("::1", "::1", 53),
])
def test_nameserver_parsing(text, address, port):
    ns = kms.parse_nameserver(text)
    assert (ns.address, ns.port) == (address, port)


def test_nameserver_by_name_is_looked_up():
    # Which address "localhost" gives first (127.0.0.1 or ::1) depends on the machine.
    ns = kms.parse_nameserver("localhost:5353")
    assert ipaddress.ip_address(ns.address).is_loopback and ns.port == 5353


@pytest.mark.parametrize("text", ["999.1.1.1", "10.1.2.3:0", "10.1.2.3:70000", "[::1", "[::1]x", "1.2.3.4:abc", "",
                                  "127.0.0.1:٣", "[::1]:５３", "127.0.0.1:²"])
def test_bad_nameservers(text):
    with pytest.raises(kms.UsageError):
        kms.parse_nameserver(text)


# --------------------------------------------------------------------------- hardening


def test_reply_from_another_port_is_ignored(responder):
    """A reply from a port the query was not sent to is a spoofer's, not the server's."""
    check = kms.find_kms_hosts(["contoso.test"], [responder("other_port").address], timeout=0.6)
    assert check.domains[0].status == kms.TIMEOUT


def test_srv_target_that_is_a_cname_is_followed(dnsmasq, rpc_responder):
    server_kms = rpc_responder("kms_win8")
    zone = Zone().add_kms("contoso.test", "kms.contoso.test", port=server_kms.port)
    zone.add_host("real.contoso.test", "127.0.0.1")
    zone.cnames.append(("kms.contoso.test", "real.contoso.test"))
    server = dnsmasq(zone)
    check = kms.find_kms_hosts(["contoso.test"], [server.address], timeout=3)
    (host,) = check.hosts
    assert host.target == "kms.contoso.test"
    assert host.addresses == ("127.0.0.1",)
    assert host.reachable is True
    assert check.verdict == kms.READY


def test_cancel_interrupts_the_tcp_retry_of_a_truncated_answer(responder):
    server = responder("truncated")
    token = kms.CancelToken()
    outcome = {}

    def run():
        try:
            kms.find_kms_hosts(["contoso.test"], [server.address], timeout=30, cancel=token)
            outcome["returned"] = True
        except kms.CheckCancelled:
            outcome["cancelled"] = time.perf_counter()

    thread = threading.Thread(target=run)
    thread.start()
    deadline = time.monotonic() + 5
    while server.tcp_accepted < 1 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert server.tcp_accepted >= 1  # the check is now waiting on the TCP retry
    cancelled_at = time.perf_counter()
    token.cancel()
    thread.join(5)
    assert not thread.is_alive()
    assert "cancelled" in outcome, outcome  # it did not run on to its 30 s budget
    assert outcome["cancelled"] - cancelled_at < 1.0


def _open_sockets() -> int:
    count = 0
    for fd in os.listdir("/proc/self/fd"):
        try:
            count += os.readlink(f"/proc/self/fd/{fd}").startswith("socket:")
        except OSError:
            pass  # closed while we looked
    return count


def test_sockets_in_flight_are_bounded(responder):
    """200 domains against a silent server: retransmissions reuse their socket, and only
    MAX_IN_FLIGHT queries hold one at a time."""
    silent = responder("silent")
    before = _open_sockets()
    peak = [0]
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            peak[0] = max(peak[0], _open_sockets() - before)
            time.sleep(0.02)

    sampler = threading.Thread(target=sample)
    sampler.start()
    try:
        check = kms.find_kms_hosts([f"d{i}.test" for i in range(200)], [silent.address, silent.address],
                                   timeout=2.3)
    finally:
        stop.set()
        sampler.join()
    assert [d.status for d in check.domains] == [kms.TIMEOUT] * 200
    assert 0 < peak[0] <= kms.MAX_IN_FLIGHT + 5, peak[0]


def test_open_files_limit_is_named_in_words(responder):
    silent = responder("silent")
    domains = [arg for i in range(60) for arg in ("--domain", f"d{i}.test")]

    def low_limit():
        resource.setrlimit(resource.RLIMIT_NOFILE, (40, 40))

    result = subprocess.run([sys.executable, "-m", "srs_wizard", "--lang", "en", "check-kms", *domains,
                             "--nameserver", silent.address, "--timeout", "0.5", "--json"],
                            capture_output=True, text=True, preexec_fn=low_limit, timeout=60)
    assert result.returncode == 3, result.stderr
    messages = [d["message"] for d in json.loads(result.stdout)["domains"]]
    assert "[Errno" not in result.stdout
    assert any("limit of open files" in m for m in messages), messages


def test_escape_codes_in_resolv_conf_are_not_printed_raw(tmp_path):
    conf = tmp_path / "resolv.conf"
    conf.write_bytes(b"search contoso.test\nnameserver 10.0.0.1\x1b[2J\x07\n")
    config = kms.system_dns_config(str(conf))
    assert config.problem and config.problem.code == kms.CONFIG_UNREADABLE
    text = kms_words.config_problem_text(config.problem)
    assert "\x1b" not in text and "\x07" not in text
    assert text.isprintable() and config.problem.reason in text


@pytest.mark.parametrize("expect", ["[::1]", "[::1]:1688", "::1"])
def test_expected_ipv6_host_in_brackets_matches(dnsmasq, expect):
    zone = Zone().add_kms("contoso.test", "kms6.contoso.test").add_host("kms6.contoso.test", "::1")
    server = dnsmasq(zone)
    kms.check_expected_host(expect)
    check = kms.find_kms_hosts(["contoso.test"], [server.address], timeout=3, connect=False, expect=[expect])
    (host,) = check.hosts
    assert host.addresses == ("::1",)
    assert host.expected is True
    assert check.unexpected_hosts == ()


# --------------------------------------------------------------------------- the KMS bind and the search order

# responder mode -> (protocol outcome, verdict, binds sent)
BIND_CASES = {
    "kms_win8": (kms.PROTOCOL_KMS, kms.READY, 1),
    "kms_legacy": (kms.PROTOCOL_KMS, kms.READY, 1),
    "ndr32_only": (kms.PROTOCOL_KMS, kms.READY, 2),
    "rpc_no_kms": (kms.PROTOCOL_RPC_REJECTED, kms.NOT_KMS, 1),
    "bind_nak": (kms.PROTOCOL_RPC_REJECTED, kms.NOT_KMS, 1),
    "http_400": (kms.PROTOCOL_NOT_RPC, kms.NOT_KMS, 1),
    "banner": (kms.PROTOCOL_NOT_RPC, kms.NOT_KMS, 1),
    "close": (kms.PROTOCOL_CLOSED, kms.NOT_KMS, 1),
    "silent": (kms.PROTOCOL_TIMEOUT, kms.NOT_KMS, 2),
}


def _zone_with(domain: str, target: str, port: int, zone: Zone | None = None) -> Zone:
    zone = zone or Zone()
    zone.add_kms(domain, target, port=port)
    zone.add_host(target, "127.0.0.1")
    return zone


@pytest.mark.parametrize("mode", sorted(BIND_CASES))
def test_bind_tells_a_kms_host_from_any_listener_and_sends_only_binds(dnsmasq, rpc_responder, mode):
    from srs_wizard.core import kms_rpc

    responder = rpc_responder(mode)
    server = dnsmasq(_zone_with("contoso.test", "kms01.contoso.test", responder.port))
    # 1 s a try: on a loaded machine a shorter wait could turn the retry's answer into a timeout
    check = kms.find_kms_hosts(["contoso.test"], [server.address], timeout=3, connect_timeout=1.0)
    protocol, verdict, binds = BIND_CASES[mode]
    (host,) = check.hosts
    assert host.reachable is True
    assert [p.protocol for p in host.probes] == [protocol]
    assert host.protocol == protocol
    assert check.verdict == verdict
    assert check.bind_tried is True
    responder.close()  # waits until every byte is recorded
    pdus = responder.pdus_received()
    assert all(pdu[2] == 11 for pdu in pdus), pdus  # bind PDUs, never a request
    if mode != "close":
        assert pdus == [kms_rpc.bind_pdu(), kms_rpc.bind_pdu_ndr32_only()][:binds]


def test_no_bind_connects_and_says_nothing_about_the_protocol(dnsmasq, rpc_responder):
    responder = rpc_responder("http_400")
    server = dnsmasq(_zone_with("contoso.test", "kms01.contoso.test", responder.port))
    check = kms.find_kms_hosts(["contoso.test"], [server.address], timeout=3, bind=False)
    (host,) = check.hosts
    assert check.verdict == kms.READY  # a connection is all that was asked for
    assert host.reachable is True and host.protocol is None
    assert [p.protocol for p in host.probes] == [None]
    assert check.bind_tried is False
    responder.close()
    assert responder.received == b""  # nothing was sent


def test_stale_first_domain_hides_a_live_host_in_a_later_one(dnsmasq, rpc_responder):
    """The console uses the first suffix whose answer holds records, even when its host is dead."""
    live = rpc_responder("kms_win8")
    zone = _zone_with("contoso.test", "old.contoso.test", closed_port())
    zone = _zone_with("fabrikam.test", "kms.fabrikam.test", live.port, zone)
    server = dnsmasq(zone)
    check = kms.find_kms_hosts(["contoso.test", "fabrikam.test"], [server.address], timeout=3,
                               connect_timeout=0.5)
    assert check.verdict == kms.UNREACHABLE
    assert [(d.name, d.used) for d in check.domains] == [("contoso.test", True), ("fabrikam.test", False)]
    assert {h.target: h.protocol for h in check.hosts} == {"old.contoso.test": None,
                                                            "kms.fabrikam.test": kms.PROTOCOL_KMS}

    assert check.notes == ()  # the core keeps facts; the sentence is made where it is shown
    (note,) = kms_words.notes(check)
    assert "kms.fabrikam.test" in note and "fabrikam.test" in note and "contoso.test" in note
    from srs_wizard.core.present import judge as judge_words

    assert any("kms.fabrikam.test" in step and "contoso.test" in step for step in judge_words.kms_steps(check))
    # The same domains in the other order: the console uses fabrikam.test and activates.
    swapped = kms.find_kms_hosts(["fabrikam.test", "contoso.test"], [server.address], timeout=3,
                                 connect_timeout=0.5)
    assert swapped.verdict == kms.READY
    assert swapped.used_domain == "fabrikam.test" and kms_words.notes(swapped) == []


def test_first_domain_without_records_is_passed_over(dnsmasq, rpc_responder):
    live = rpc_responder("kms_legacy")
    zone = _zone_with("fabrikam.test", "kms.fabrikam.test", live.port, Zone(local=["empty.test"]))
    server = dnsmasq(zone)
    check = kms.find_kms_hosts(["empty.test", "fabrikam.test"], [server.address], timeout=3)
    assert check.verdict == kms.READY
    assert [d.used for d in check.domains] == [False, True]


def test_used_domain_whose_host_is_not_kms_is_not_kms_even_if_a_later_one_is(dnsmasq, rpc_responder):
    web = rpc_responder("http_400")
    live = rpc_responder("kms_win8")
    zone = _zone_with("contoso.test", "www.contoso.test", web.port)
    zone = _zone_with("fabrikam.test", "kms.fabrikam.test", live.port, zone)
    server = dnsmasq(zone)
    check = kms.find_kms_hosts(["contoso.test", "fabrikam.test"], [server.address], timeout=3)
    assert check.verdict == kms.NOT_KMS
    assert check.later_domain_host().host == "kms.fabrikam.test"


def test_json_round_trip_keeps_protocol_and_used(dnsmasq, kms_zone):
    zone, _ = kms_zone
    server = dnsmasq(zone)
    check = kms.find_kms_hosts(["contoso.test"], [server.address], timeout=3)
    data = check.to_json()
    assert data["domains"][0]["used"] is True
    assert data["hosts"][0]["protocol"] == "kms"
    assert data["hosts"][0]["probes"][0]["protocol"] == "kms"
    again = kms.check_from_json(json.loads(json.dumps(data)))
    assert again.to_json() == data


def test_old_records_without_used_flags_take_the_first_domain_with_records():
    data = {"verdict": "ready", "domains": [
        {"name": "a.test", "status": "nxdomain"}, {"name": "b.test", "status": "ok"},
        {"name": "c.test", "status": "ok"}], "hosts": []}
    check = kms.check_from_json(data)
    assert check.used_domain == "b.test"
    assert [d.used for d in check.domains] == [False, True, False]


# --------------------------------------------------------------------------- words


def _stale_first_check(dnsmasq, rpc_responder) -> kms.KmsCheck:
    live = rpc_responder("kms_win8")
    zone = _zone_with("contoso.test", "old.contoso.test", closed_port())
    zone = _zone_with("fabrikam.test", "kms.fabrikam.test", live.port, zone)
    server = dnsmasq(zone)
    return kms.find_kms_hosts(["contoso.test", "fabrikam.test"], [server.address], timeout=3,
                              connect_timeout=0.5)


def test_summary_path_line_never_contradicts_the_verdict(dnsmasq, rpc_responder):
    from srs_wizard.core.present import summary
    from srs_wizard.core.session import Session

    check = _stale_first_check(dnsmasq, rpc_responder)
    html = summary.summary_html(Session(technician="T", customer="C", choice="kms", kms=check).to_record())
    assert "found in DNS" not in html.split("KMS check")[0]  # the facts table above the KMS section
    assert "no working KMS host" in html
    assert "the console uses the records of contoso.test" in html
    assert "kms.fabrikam.test" in html and "/remhst" in html
    assert "For the customer&#x27;s KMS administrator" in html or "For the customer's KMS administrator" in html
    none = kms.KmsCheck(kms.NOT_FOUND, (), (), (), 1.0)
    html = summary.summary_html(Session(technician="T", customer="C", choice="kms", kms=none).to_record())
    assert "no KMS host found in DNS" in html


def test_pdf_holds_the_protocol_and_the_administrators_checklist(qapp, tmp_path, dnsmasq, kms_zone):
    from srs_wizard.core.session import Session
    from tests.test_pdf import render, text_of

    zone, _ = kms_zone
    server = dnsmasq(zone)
    check = kms.find_kms_hosts(["contoso.test"], [server.address], timeout=3)
    rec = Session(technician="T", customer="C", choice="kms", kms=check).to_record()
    _path, reader = render(tmp_path, rec)
    text = " ".join(text_of(reader).split())
    assert "speaks KMS on port" in text
    assert re.search(r"KMS (\S+ )?protocol", text)  # the header cell may wrap between its words
    port = check.hosts[0].port  # the SRV record's port is the one to open, not the default
    for item in ("Office 2013 KMS host key", "5 or more Office clients",
                 f"TCP port {port} (the SRV record's) is open", "within 4 hours"):
        assert item in text, item


def test_hand_edited_protocol_values_render_as_not_tested():
    from srs_wizard.core.present import report

    data = {"verdict": "ready", "bind_tried": True,
            "domains": [{"name": "a.test", "status": "ok", "used": "yes"}],
            "hosts": [{"target": "k.a.test", "port": 1688, "addresses": ["10.0.0.1"], "reachable": True,
                       "domains": ["a.test"], "protocol": ["kms"],
                       "probes": [{"address": "10.0.0.1", "result": "open", "protocol": 7}]}]}
    check = kms.check_from_json(data)
    assert check.hosts[0].protocol is None and check.hosts[0].probes[0].protocol is None
    assert "k.a.test" in report.format_kms_report(check)


def test_cancel_stops_the_bind_at_once(dnsmasq, rpc_responder):
    silent = rpc_responder("silent")
    server = dnsmasq(_zone_with("contoso.test", "kms01.contoso.test", silent.port))
    token = kms.CancelToken()
    outcome = {}

    def run():
        try:
            kms.find_kms_hosts(["contoso.test"], [server.address], timeout=3, connect_timeout=30, cancel=token)
            outcome["returned"] = True
        except kms.CheckCancelled:
            outcome["cancelled"] = time.perf_counter()

    thread = threading.Thread(target=run)
    thread.start()
    deadline = time.monotonic() + 5
    while not silent.received and time.monotonic() < deadline:
        time.sleep(0.01)
    assert silent.received  # the bind is out; the check waits for its answer
    cancelled_at = time.perf_counter()
    token.cancel()
    thread.join(5)
    assert not thread.is_alive()
    assert "cancelled" in outcome, outcome
    assert outcome["cancelled"] - cancelled_at < 1.0


def test_binds_to_silent_hosts_run_at_once_not_one_after_another(dnsmasq, rpc_responder):
    zone = Zone()
    for i in range(5):
        zone = _zone_with("contoso.test", f"kms{i}.contoso.test", rpc_responder("silent").port, zone)
    server = dnsmasq(zone)
    started = time.perf_counter()
    check = kms.find_kms_hosts(["contoso.test"], [server.address], timeout=3, connect_timeout=0.4)
    elapsed = time.perf_counter() - started
    assert [h.protocol for h in check.hosts] == [kms.PROTOCOL_TIMEOUT] * 5
    assert elapsed < 5 * 0.8  # each host waits 0.4 s for the bind and 0.4 s for its retry, all together


def test_cname_loop_is_bounded(responder):
    server = responder("cname_loop")
    started = time.perf_counter()
    check = kms.find_kms_hosts(["loop.test"], [server.address], timeout=2, connect=False)
    assert time.perf_counter() - started < 2
    (host,) = check.hosts
    assert host.target == "a.loop.test" and host.addresses == ()
    assert host.error_code == kms.HOST_NO_ADDRESS and "no IP address" in kms_words.host_error(host)
    # one SRV query, then A and AAAA for at most MAX_CNAME_HOPS + 1 names
    assert server.received <= 1 + 2 * (kms.MAX_CNAME_HOPS + 1)


@pytest.mark.parametrize("budget", [0.3, 1.5])
def test_cname_hops_and_unanswered_aaaa_stay_within_the_one_dns_budget(responder, budget):
    """Each follow-up lookup (CNAME hops, A, AAAA) draws on the one budget: an AAAA that is
    never answered costs the budget once, and the A chain is followed meanwhile."""
    server = responder("cname_out_no_aaaa")
    started = time.perf_counter()
    check = kms.find_kms_hosts(["out.test"], [server.address], timeout=budget, connect=False)
    elapsed = time.perf_counter() - started
    assert elapsed < budget + 0.25 + budget * 0.2, (budget, elapsed)
    hosts = {h.target: h for h in check.hosts}
    assert hosts["near.out.test"].addresses == ("127.0.0.1",)  # three hops out, found in time
    assert hosts["far.out.test"].addresses == ()
    assert check.verdict == kms.FOUND
    # one SRV; A for near's 1 + 3 names and far's first name and MAX_CNAME_HOPS more (the
    # endless chain is cut there); the two AAAA questions, sent again once a second
    a_lookups = 1 + UdpResponder.CNAME_OUT_DEPTH + 1 + kms.MAX_CNAME_HOPS
    assert server.received <= 1 + a_lookups + 2 * (1 + int(budget / RETRANSMIT_AFTER))


def test_protocol_codes_are_the_bind_outcomes():
    from srs_wizard.core import kms_rpc

    assert set(kms.PROTOCOLS) == set(kms_rpc.OUTCOMES)
    assert kms.best_protocol([kms.PROTOCOL_TIMEOUT, None, kms.PROTOCOL_KMS]) == kms.PROTOCOL_KMS
    assert kms.best_protocol([None, None]) is None


def test_not_kms_sentence_counts_only_the_hosts_that_accepted(dnsmasq, rpc_responder):
    from srs_wizard.core.present import advice

    web = rpc_responder("http_400")
    zone = _zone_with("contoso.test", "www.contoso.test", web.port)
    zone = _zone_with("contoso.test", "dead.contoso.test", closed_port(), zone)
    server = dnsmasq(zone)
    check = kms.find_kms_hosts(["contoso.test"], [server.address], timeout=3, connect_timeout=0.5)
    assert check.verdict == kms.NOT_KMS
    sentence = advice.verdict_sentence(check)
    assert "1 of its 2 KMS host(s) accept connections" in sentence
    from srs_wizard.core.present import judge as judge_words

    first = judge_words.kms_steps(check)[0]
    assert "www.contoso.test" in first and "dead.contoso.test" not in first


def test_summary_path_line_of_a_room_gone_on_without_a_check_claims_nothing_found():
    from srs_wizard.core.present import summary

    assert summary.path_title("kms", None) == "KMS (Key Management Service): not checked"
    assert "found in DNS" not in summary.path_title("kms", None)
    assert summary.path_title("kms", kms.READY) == "KMS (Key Management Service) found in DNS"
