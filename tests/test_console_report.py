"""Reading a console report back: real Windows 7 shapes, and hostile files."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from srs_wizard.core import console, console_file, kms
from srs_wizard.core.present.console import collected_line, console_answers_text, problem_text
from tests.console_reports import DSTATUS_ZH, NSLOOKUP_FOUND_EN, NSLOOKUP_NXDOMAIN_ZH, encode, windows7_report
from tests.servers import Zone

KEY = "2MG3G-3BNTT-3MFW9-KDQW3-TCK7R"


def problems_of(raw: bytes) -> list[console.ReportProblem]:
    with pytest.raises(console.ConsoleReportError) as info:
        console.loads(raw)
    return info.value.problems


@pytest.mark.parametrize("encoding", ["utf-16-bom", "utf-16", "utf-8-bom", "utf-8"])
def test_a_windows7_report_reads_in_every_encoding(encoding):
    report = console.loads(encode(windows7_report(), encoding), file="r.json")
    assert report.computer == "SRS-ROOM-07"
    assert report.collected_at == "2026-11-28T14:05:09+08:00"
    # Built order: primary, the adapter's DHCP suffix, then the primary's parent (devolution).
    assert report.suffix_order == ("rooms.contoso.com", "lab.contoso.com", "contoso.com")
    assert report.order_source == console.ORDER_BUILT and report.order_matches
    assert report.dns_servers == ("10.0.0.53", "10.0.0.54")
    assert report.nslookup_for("rooms.contoso.com") == NSLOOKUP_FOUND_EN
    assert report.nslookup_for("lab.contoso.com") == NSLOOKUP_NXDOMAIN_ZH
    assert console.dstatus_text(report) == DSTATUS_ZH
    assert report.notes == ()
    assert report.adapters[0].description == "Intel(R) 82579LM 千兆网络连接"


@pytest.mark.parametrize(
    "policy, local, devolution, expected",
    [
        ("b.test, a.test", "x.test", True, ("policy", ["b.test", "a.test"])),
        (None, "x.test,y.test,X.TEST.", True, ("local", ["x.test", "y.test"])),
        (None, None, True, ("built", ["a.b.contoso.com", "lab.test", "b.contoso.com", "contoso.com"])),
        (None, None, False, ("built", ["a.b.contoso.com", "lab.test"])),
        ("", " ", True, ("built", ["a.b.contoso.com", "lab.test", "b.contoso.com", "contoso.com"])),
    ],
)
def test_resolver_suffix_order_follows_the_windows_rules(policy, local, devolution, expected):
    source, order = console.resolver_suffix_order(
        policy, local, "a.b.contoso.com", ["lab.test", "LAB.test"], devolution
    )
    assert (source, order) == expected


def test_the_order_is_recomputed_and_a_different_one_labelled():
    data = windows7_report(dns__effective_suffixes=["contoso.com", "rooms.contoso.com"])
    report = console.loads(encode(data))
    assert report.suffix_order == ("rooms.contoso.com", "lab.contoso.com", "contoso.com")
    assert not report.order_matches
    assert [n.code for n in report.notes] == [console.ORDER_DIFFERS]
    assert "registry order is used" in problem_text(report.notes[0])


def test_devolution_off_and_a_policy_list():
    data = windows7_report(dns__devolution=False, dns__effective_suffixes=["rooms.contoso.com", "lab.contoso.com"])
    assert console.loads(encode(data)).suffix_order == ("rooms.contoso.com", "lab.contoso.com")
    data = windows7_report(
        dns__search_list_policy="corp.contoso.com,contoso.com",
        dns__effective_suffixes=["corp.contoso.com", "contoso.com"],
    )
    report = console.loads(encode(data))
    assert report.suffix_order == ("corp.contoso.com", "contoso.com")
    assert report.order_source == console.ORDER_POLICY and report.order_matches


def test_collected_line_and_the_answers_beside_ours():
    report = console.loads(encode(windows7_report()))
    assert (
        collected_line(report.computer, report.collected_at)
        == "collected on the console SRS-ROOM-07 at 2026-11-28 14:05:09+08:00"
    )

    class Check:
        domains = [
            kms.DomainResult(
                "rooms.contoso.com", kms.SOURCE_ARGUMENT, kms.OK, kms.Detail(kms.DETAIL_RECORDS, count=1), 1.0
            ),
            kms.DomainResult("lab.contoso.com", kms.SOURCE_ARGUMENT, kms.NXDOMAIN, None, 1.0),
        ]

    naive = collected_line("SRS-ROOM-07", "2026-11-28T14:05:09")
    assert naive == "collected on the console SRS-ROOM-07 at 2026-11-28 14:05 (time zone unknown)"
    text = console_answers_text(report, Check())
    assert "svr hostname   = kms01.contoso.com" in text
    assert "找不到 _vlmcs._tcp.lab.contoso.com" in text
    assert text.index("rooms.contoso.com: ours: 1 KMS SRV record(s) found.") < text.index(
        "lab.contoso.com: ours: The name"
    )


# --------------------------------------------------------------------------- hostile files


def test_a_truncated_report_is_refused_with_its_position():
    raw = encode(windows7_report(), "utf-8")[:700]
    [problem] = problems_of(raw)
    assert problem.code == console.NOT_JSON and problem.params["line"] > 1
    assert "cut short" in problem_text(problem)


def test_a_truncated_utf16_report_is_refused():
    raw = encode(windows7_report())[:701]  # an odd length: half a character
    [problem] = problems_of(raw)
    assert problem.code in (console.ENCODING, console.NOT_JSON)


def test_a_50_mb_file_is_refused_unread(tmp_path, cli):
    path = tmp_path / "huge.json"
    with open(path, "wb") as fh:
        fh.write(encode(windows7_report(), "utf-8")[:-2])
        fh.truncate(50 * 1024 * 1024)
    with pytest.raises(console.ConsoleReportError) as info:
        console_file.read_file(str(path))
    assert [p.code for p in info.value.problems] == [console.TOO_LARGE]
    assert "1000000" in problem_text(info.value.problems[0])
    result = cli("check-kms", "--console-report", str(path), "--nameserver", "127.0.0.1:9")
    assert result.returncode == 2 and "larger than" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize(
    "data, field, code",
    [
        ({"schema": "srs-wizard/record/1"}, "schema", console.WRONG_SCHEMA),
        ([1, 2], "", console.NOT_OBJECT),
        (windows7_report(computer=None), "computer", console.WRONG_TYPE),
        (windows7_report(collected_at="yesterday"), "collected_at", console.BAD_TIME),
        (windows7_report(dns__adapters="all"), "dns.adapters", console.WRONG_TYPE),
        (windows7_report(dns__dns_servers=[1]), "dns.dns_servers[0]", console.WRONG_TYPE),
        (windows7_report(computer__name="SRS\nROOM"), "computer.name", console.CONTROL_CHARACTERS),
        (windows7_report(dns__effective_suffixes=["a.test"] * 65), "dns.effective_suffixes", console.TOO_MANY),
        (
            windows7_report(office__dstatus=[{"path": "x", "output": "y" * 300_000}]),
            "office.dstatus[0].output",
            console.TOO_LONG,
        ),
    ],
)
def test_wrong_fields_are_named(data, field, code):
    problems = problems_of(encode(data, "utf-8"))
    assert (field, code) in [(p.field, p.code) for p in problems]
    assert all(problem_text(p) for p in problems)


def test_nan_is_not_json_and_nesting_past_the_parser_is_too_deep():
    assert problems_of(b'{"schema": NaN}')[0].code == console.NOT_JSON
    assert problems_of(b"[" * 100_000)[0].code == console.TOO_DEEP  # the parser stops there, before its end
    assert problems_of(b"")[0].code == console.EMPTY


def test_markup_in_every_string_stays_plain_text():
    markup = '<b onmouseover="alert(1)">x</b>&amp;<script>'

    def poison(value):
        if isinstance(value, str):
            return value + markup
        if isinstance(value, dict):
            return {k: (v if k in ("schema", "collected_at") else poison(v)) for k, v in value.items()}
        if isinstance(value, list):
            return [poison(v) for v in value]
        return value

    report = console.loads(encode(poison(windows7_report()), "utf-8"))
    assert report.computer == "SRS-ROOM-07" + markup  # kept literally; escaped where shown
    assert report.suffix_order == ()  # no suffix with markup is a DNS name
    assert report.dns_servers == ()
    assert {n.code for n in report.notes} >= {console.BAD_SUFFIX, console.BAD_SERVER}
    assert console.dstatus_text(report).endswith(markup)


def test_a_whole_product_key_is_cut_to_its_last_five():
    data = windows7_report()
    data["nslookup"]["results"][0]["output"] += f"\nkey {KEY}\n"
    data["os"]["caption"] = "Windows " + KEY.replace("-", "")
    data["computer"]["domain"] = KEY.lower()
    report = console.loads(encode(data))
    everything = repr(report)
    assert KEY not in everything and KEY.replace("-", "") not in everything and KEY.lower() not in everything
    assert "*****-*****-*****-*****-TCK7R" in report.nslookup_for("rooms.contoso.com")
    assert report.os_caption == "Windows *****-*****-*****-*****-TCK7R"
    masked = [n for n in report.notes if n.code == console.KEY_MASKED]
    assert {n.field for n in masked} == {"nslookup.results[0].output", "os.caption", "computer.domain"}
    assert all("3BNTT" not in problem_text(n) for n in masked)


def test_a_key_in_a_wrong_field_is_never_quoted():
    data = windows7_report(collected_at=KEY)
    problems = problems_of(encode(data))
    assert [p.field for p in problems] == ["collected_at"]
    assert "3BNTT" not in problem_text(problems[0]) and "TCK7R" not in problem_text(problems[0])
    result_file = encode(data)
    assert b"3" in result_file  # the file does hold it; the messages do not


def test_check_kms_refuses_a_bad_report_naming_the_field(tmp_path, cli):
    path = tmp_path / "r.json"
    path.write_bytes(encode(windows7_report(collected_at=KEY)))
    result = cli("check-kms", "--console-report", str(path), "--nameserver", "127.0.0.1:9")
    assert result.returncode == 2  # nothing was checked: as for bad usage (the same in read-status)
    assert "collected_at" in result.stderr and "3BNTT" not in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def test_check_kms_with_a_windows7_report_shows_the_consoles_answers(tmp_path, dnsmasq, rpc_responder, cli):
    live = rpc_responder("kms_win8")
    zone = Zone(local=["lab.contoso.com", "contoso.com"])
    zone.add_kms("rooms.contoso.com", "kms01.rooms.contoso.com", port=live.port)
    zone.add_host("kms01.rooms.contoso.com", "127.0.0.1")
    server = dnsmasq(zone)
    path = tmp_path / "srs-console-SRS-ROOM-07-20261128-140509.json"
    path.write_bytes(encode(windows7_report()))
    result = cli("check-kms", "--console-report", str(path), "--nameserver", server.address)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "collected on the console SRS-ROOM-07" in out
    assert "svr hostname   = kms01.contoso.com" in out and "找不到" in out
    assert out.index("rooms.contoso.com  console") < out.index("lab.contoso.com    console")
    combined = cli("check-kms", "--console-report", str(path), "--domain", "x.test")
    assert combined.returncode == 2


def test_a_report_without_a_dns_server_asks_for_one(tmp_path, cli):
    data = windows7_report(dns__dns_servers=[])
    path = tmp_path / "r.json"
    path.write_bytes(encode(data))
    result = cli("check-kms", "--console-report", str(path))
    assert result.returncode == 1 and "--nameserver" in result.stderr


def test_console_script_writes_both_files_and_says_where(tmp_path, cli):
    result = cli("console-script", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert str(tmp_path) in result.stdout
    cmd = (tmp_path / "srs-collect.cmd").read_bytes()
    vbs = (tmp_path / "srs-collect.vbs").read_bytes()
    assert cmd.isascii() and vbs.isascii()
    assert b"\r\n" in cmd and b"\n" not in cmd.replace(b"\r\n", b"")
    assert b'"%~dp0."' in cmd  # the trailing backslash of %~dp0 would swallow the quote
    code = b"\n".join(line for line in vbs.split(b"\r\n") if not line.lstrip().startswith(b"'"))
    assert b"AscW" not in code and b"ChrW" not in code  # Wine's VBScript lacks both
    for forbidden in (b"RegWrite", b"RegDelete", b"/inpkey", b"/act", b"/unpkey", b"DeleteKey", b"SetStringValue"):
        assert forbidden not in code  # it changes nothing on the console


def test_console_script_default_is_the_current_folder(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "srs_wizard", "console-script"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ, PYTHONPATH=os.getcwd()),
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "srs-collect.cmd").exists()


@pytest.mark.parametrize("where", ["missing", "file", "read-only"])
def test_console_script_into_an_unusable_folder_exits_2_with_one_line(tmp_path, where, cli):
    from tests.helpers import read_only

    target = tmp_path / "target"
    if where == "file":
        target.write_text("x")
    if where == "read-only":
        target.mkdir()
        with read_only(target):
            result = cli("console-script", "-o", str(target))
    else:
        result = cli("console-script", "-o", str(target))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1 and str(target) in result.stderr
    assert "Traceback" not in result.stderr


def test_problems_are_said_in_chinese_too(tmp_path, cli):
    path = tmp_path / "cut.json"
    path.write_bytes(encode(windows7_report(), "utf-8")[:500])
    result = cli("--lang", "zh_CN", "check-kms", "--console-report", str(path), "--nameserver", "127.0.0.1:9")
    assert result.returncode == 2
    assert "不是可用的控制台报告" in result.stderr and "不是完整的 JSON" in result.stderr
