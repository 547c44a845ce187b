"""The reader of ospp.vbs output, against a corpus written in the formats the tool prints,
property tests on any text, and ``srs-wizard read-status`` as a real process."""

from __future__ import annotations

import codecs
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from srs_wizard.core import activation as act
from srs_wizard.core.present import activation as words

CORPUS = Path(__file__).parent / "corpus" / "ospp"
LYNC_KMS = "1b9f11e3-c85c-4e1b-bb29-879ad2c909e3"
LYNC_MAK = "e1264e10-afaf-4439-a98b-256df8bb156f"


def read(name: str) -> act.StatusReport:
    return act.read_bytes((CORPUS / name).read_bytes())


# (file, verdict, error code behind the verdict, channel, status, last5)
CASES = [
    ("dstatus_kms_dns_licensed.txt", act.LICENSED, None, act.KMS_CLIENT, "LICENSED", "TCK7R"),
    ("dstatus_kms_dns_licensed_spaces.txt", act.LICENSED, None, act.KMS_CLIENT, "LICENSED", "TCK7R"),
    ("dstatus_kms_override.txt", act.LICENSED, None, act.KMS_CLIENT, "LICENSED", "TCK7R"),
    ("dstatus_grace_4004F00C.txt", act.GRACE, None, act.KMS_CLIENT, "OOB_GRACE", "TCK7R"),
    ("dstatus_licensed_4004F040.txt", act.LICENSED, None, act.KMS_CLIENT, "LICENSED", "TCK7R"),
    ("act_C004F074.txt", act.ERROR, "0xC004F074", act.KMS_CLIENT, None, "TCK7R"),
    ("act_C004F038.txt", act.ERROR, "0xC004F038", act.KMS_CLIENT, None, "TCK7R"),
    ("act_C004F042.txt", act.ERROR, "0xC004F042", act.KMS_CLIENT, None, "TCK7R"),
    ("act_C004C020_mak.txt", act.ERROR, "0xC004C020", act.MAK, None, "Q7W3K"),
    ("act_success_mak.txt", act.LICENSED, None, act.MAK, None, "Q7W3K"),
    ("dstatus_mak_grace.txt", act.ERROR, "0xC004C020", act.MAK, "OOB_GRACE", "Q7W3K"),
    ("dstatus_mak_licensed.txt", act.LICENSED, None, act.MAK, "LICENSED", "Q7W3K"),
    ("dstatus_several_products.txt", act.ERROR, "0xC004F074", act.KMS_CLIENT, "OOB_GRACE", "TCK7R"),
    ("dstatus_suite_only.txt", act.LICENSED, None, act.KMS_CLIENT, "LICENSED", "GVGXT"),
    ("dstatus_banner_zh.txt", act.LICENSED, None, act.KMS_CLIENT, "LICENSED", "TCK7R"),
    ("dstatus_banner_ru.txt", act.GRACE, None, act.KMS_CLIENT, "OOB_GRACE", "TCK7R"),
    ("dstatus_utf16_bom.txt", act.LICENSED, None, act.KMS_CLIENT, "LICENSED", "TCK7R"),
    ("dstatus_utf16_nobom.txt", act.GRACE, None, act.KMS_CLIENT, "OOB_GRACE", "TCK7R"),
    ("dstatus_gbk.txt", act.LICENSED, None, act.KMS_CLIENT, "LICENSED", "TCK7R"),
    ("dstatus_utf8_bom.txt", act.LICENSED, None, act.KMS_CLIENT, "LICENSED", "TCK7R"),
    ("pasted_powershell.txt", act.ERROR, "0xC004F074", act.KMS_CLIENT, "OOB_GRACE", "TCK7R"),
    ("pasted_cmd_act_then_licensed.txt", act.LICENSED, None, act.KMS_CLIENT, "LICENSED", "TCK7R"),
    ("dstatus_win8_ad_licensed.txt", act.LICENSED, None, act.KMS_CLIENT, "LICENSED", "TCK7R"),
    ("dstatus_win8_kms_lookup_domain.txt", act.LICENSED, None, act.KMS_CLIENT, "LICENSED", "TCK7R"),
    ("dstatus_unknown.txt", act.GRACE, None, act.KMS_CLIENT, "UNKNOWN", "TCK7R"),
]


@pytest.mark.parametrize("name, verdict, code, channel, status, last5", CASES)
def test_corpus_verdicts(name, verdict, code, channel, status, last5):
    report = read(name)
    assert report.verdict == verdict
    assert report.error_code == code
    assert report.product is not None
    assert report.product.channel == channel
    assert report.product.status == status
    assert report.product.last5 == last5


def test_lync_is_the_product_that_matters_among_several():
    report = read("dstatus_several_products.txt")
    assert len(report.products) == 3
    assert [p.last5 for p in report.products] == ["GVGXT", "C2FG3", "TCK7R"]
    assert report.product.sku_id == LYNC_KMS
    assert report.products[0].status == "LICENSED"  # the suite is licensed; Lync is what counts
    visio = report.products[1]
    assert visio.error_code == "0x4004F00C" and visio.informational is True
    assert visio.grace_minutes == 17280


def test_kms_lines_from_dns_with_tab_and_spaces_read_the_same():
    tab, spaces = read("dstatus_kms_dns_licensed.txt"), read("dstatus_kms_dns_licensed_spaces.txt")
    assert b"\tKMS machine name" in (CORPUS / "dstatus_kms_dns_licensed.txt").read_bytes()
    assert b"    KMS machine name" in (CORPUS / "dstatus_kms_dns_licensed_spaces.txt").read_bytes()
    assert tab.product == spaces.product
    p = tab.product
    assert p.kms_dns_host == "kms01.contoso.test:1688" and p.kms_override is None
    assert p.activation_interval == 120 and p.renewal_interval == 10080
    assert p.grace_minutes == 259170
    assert tab.kms_host == "kms01.contoso.test:1688" and tab.override is False


def test_registry_override_is_named_and_means_dns_is_off():
    report = read("dstatus_kms_override.txt")
    p = report.product
    assert p.kms_override == "kms-old.fabrikam.test:1688"
    assert p.kms_name_not_available is True
    assert report.kms_host == "kms-old.fabrikam.test:1688" and report.override is True
    check = act.compare_kms_host(report, found=["kms01.contoso.test"], expected=["kms01.contoso.test"])
    assert check.code == act.HOST_UNEXPECTED and check.override is True
    codes = [a.code for a in words.advice(report, host_check=check)]
    assert codes == ["kms_override", "kms_host_unexpected"]
    assert "/remhst" in words.advice(report, host_check=check)[0].message


def test_kms_host_compared_with_found_and_expected_hosts():
    report = read("dstatus_kms_dns_licensed.txt")
    assert act.compare_kms_host(report, expected=["kms01"]).code == act.HOST_EXPECTED
    assert act.compare_kms_host(report, expected=["kms01.contoso.test:1688"]).code == act.HOST_EXPECTED
    assert act.compare_kms_host(report, expected=["kms02.contoso.test"]).code == act.HOST_UNEXPECTED
    assert act.compare_kms_host(report, found=["kms01.contoso.test"]).code == act.HOST_FOUND
    assert act.compare_kms_host(report, found=["kms07.contoso.test"]).code == act.HOST_NOT_IN_DNS
    assert act.compare_kms_host(report).code == act.HOST_UNKNOWN
    assert act.compare_kms_host(read("dstatus_grace_4004F00C.txt")).code == act.HOST_NONE


def test_informational_codes_are_not_failures():
    licensed = read("dstatus_licensed_4004F040.txt")
    assert licensed.product.error_code == "0x4004F040" and licensed.product.informational is True
    assert licensed.product.failing_code is None
    grace = read("dstatus_grace_4004F00C.txt")
    assert grace.verdict == act.GRACE and grace.error_code is None
    assert act.is_informational("0x4004F040") and not act.is_informational("0xC004F074")


def test_act_blocks_say_whether_activation_succeeded():
    assert read("act_success_mak.txt").product.activated is True
    failed = read("act_C004F042.txt").product
    assert failed.source == act.SOURCE_ACT and failed.activated is False
    assert failed.error_description == "Run the following: cscript ospp.vbs /ddescr:0xC004F042"
    both = read("pasted_cmd_act_then_licensed.txt")
    assert [p.source for p in both.products] == [act.SOURCE_ACT, act.SOURCE_DSTATUS]
    assert both.has_act and both.has_dstatus


def test_powershell_paste_takes_the_failing_act_code_when_status_is_grace():
    report = read("pasted_powershell.txt")
    assert [p.source for p in report.products] == [act.SOURCE_ACT, act.SOURCE_DSTATUS]
    assert report.product.source == act.SOURCE_DSTATUS
    assert words.verdict_title(report.verdict, report.error_code) == \
        "Error 0xC004F074: no KMS host could be contacted"


def test_no_key_not_found_access_denied_and_garbage():
    assert read("dstatus_no_key.txt").verdict == act.NO_KEY
    office16 = read("dstatus_office16_only.txt")
    assert office16.verdict == act.NOT_FOUND and office16.product is None
    assert office16.products[0].last5 == "WFG99"
    denied = read("dstatus_access_denied.txt")
    assert denied.verdict == act.ERROR and denied.error_code == "0x80070005" and denied.product is None
    assert "administrator" in words.next_step(denied.verdict, denied.error_code)
    assert act.read_status("").verdict == act.UNREADABLE
    assert act.read_status("hello world\nnothing here").verdict == act.UNREADABLE
    assert act.read_bytes(bytes(range(256)) * 10).verdict == act.UNREADABLE
    assert act.read_bytes(b"x" * (act.MAX_BYTES + 1)).verdict == act.UNREADABLE


def test_decoding_of_every_encoding_keeps_the_banner():
    assert "版权所有" in act.decode_output((CORPUS / "dstatus_gbk.txt").read_bytes())
    assert "版权所有" in act.decode_output((CORPUS / "dstatus_utf16_bom.txt").read_bytes())
    assert (CORPUS / "dstatus_utf16_bom.txt").read_bytes().startswith(codecs.BOM_UTF16_LE)
    assert "LICENSE STATUS" in act.decode_output((CORPUS / "dstatus_utf16_nobom.txt").read_bytes())
    assert not act.decode_output((CORPUS / "dstatus_utf8_bom.txt").read_bytes()).startswith("\ufeff")
    assert "Сервер" in act.decode_output((CORPUS / "dstatus_banner_ru.txt").read_bytes())
    ru_oem = (CORPUS / "dstatus_banner_ru.txt").read_text("utf-8").encode("cp866")
    assert act.read_bytes(ru_oem).verdict == act.GRACE  # the OEM code page of a Russian console


def test_key_matches_compares_last_five_only():
    mak = read("dstatus_mak_grace.txt")
    assert act.key_matches(mak, "Q7W3K") is True
    assert act.key_matches(mak, "q7w3k") is True
    assert act.key_matches(mak, "*****-*****-*****-*****-Q7W3K") is True
    assert act.key_matches(mak, "AAAAA") is False
    assert act.key_matches(mak, None) is None
    assert act.key_matches(read("dstatus_no_key.txt"), "Q7W3K") is None
    # A MAK installed and matching is still not activated: both are said.
    items = words.advice(mak, "Q7W3K")
    assert [a.code for a in items] == ["0xC004C020", "key_match"]
    assert "not the activation" in items[1].action


def test_a_longer_last5_is_dropped_and_whole_keys_are_masked():
    key = "2MG3G-3BNTT-3MFW9-KDQW3-TCK7R"
    text = (CORPUS / "dstatus_kms_dns_licensed.txt").read_text("utf-8")
    text = text.replace("installed product key: TCK7R", f"installed product key: {key}")
    text = text.replace("VOLUME_KMSCLIENT channel", f"VOLUME_KMSCLIENT channel {key}")
    report = act.read_status(text)
    assert report.product.last5 is None
    dumped = json.dumps(report.to_json())
    assert "2MG3G" not in dumped and "KDQW3" not in dumped
    assert "*****-*****-*****-*****-TCK7R" in report.product.description


def test_every_failing_code_of_the_facts_has_words():
    codes = ["0xC004F074", "0x8007232B", "0x8007007B", "0x8007251D", "0x80092328", "0x800706BA", "0xC004F038",
             "0xC004F039", "0xC004F041", "0xC004F042", "0xC004F06C", "0xC004F050", "0xC004C001", "0xC004C003",
             "0xC004F051", "0xC004C008", "0xC004C020", "0xC004C021", "0xC004B100", "0xC004F009", "0x80070005",
             "0x80070422", "0x80070426", "0x8007000D"]
    for code in codes:
        meaning, action, known = words.code_words(code)
        assert known and meaning and action, code
    meaning, action, known = words.code_words("0xC004FFFF")
    assert not known and "cscript ospp.vbs /ddescr:0xC004FFFF" in action
    assert words.verdict_title(act.ERROR, "0xC004FFFF").startswith("Error 0xC004FFFF")


def test_titles_in_plain_words():
    assert words.verdict_title(act.LICENSED) == "Licensed"
    assert words.verdict_title(act.GRACE) == "Not activated yet"
    assert words.verdict_title(words.NOT_CHECKED) == "Activation not checked"
    assert words.verdict_title(words.PROMO_PENDING) == "Promotional MAK requested; activation pending"


def test_a_record_round_trip_keeps_the_facts():
    report = read("dstatus_several_products.txt")
    result = act.ActivationResult("pasted", "2026-11-28T10:30:00+08:00", report, None,
                                  act.compare_kms_host(report))
    back = act.result_from_json(json.loads(json.dumps(result.to_json())))
    assert back.report.products == report.products
    assert back.report.product == report.product
    assert back.report.verdict == report.verdict and back.report.error_code == "0xC004F074"


# --------------------------------------------------------------------------- properties

KEY_ALPHABET = "BCDFGHJKMPQRTVWXY2346789"


@st.composite
def keys(draw):
    chars = draw(st.lists(st.sampled_from(KEY_ALPHABET), min_size=24, max_size=24))
    chars.insert(draw(st.integers(0, 23)), "N")
    return "".join(chars)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_reads_without_exception(text):
    report = act.read_status(text)
    assert report.verdict in act.VERDICTS
    json.dumps(report.to_json())
    words.advice(report, "ABCDE")
    words.product_rows(report.products)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=4096))
def test_any_bytes_read_without_exception(data):
    assert act.read_bytes(data).verdict in act.VERDICTS


@settings(max_examples=300, deadline=None)
@given(key=keys(), dashes=st.booleans(), before=st.text(max_size=40), after=st.text(max_size=40),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "gbk"]),
       where=st.sampled_from(["LICENSE NAME: ", "LICENSE DESCRIPTION: ", "ERROR DESCRIPTION: ",
                              "Last 5 characters of installed product key: ",
                              "KMS machine name from DNS: ", "KMS machine registry override defined: ",
                              "LICENSE STATUS: ", "SKU ID: "]))
def test_never_more_than_five_key_characters_out(key, dashes, before, after, encoding, where):
    shown = "-".join(key[i:i + 5] for i in range(0, 25, 5)) if dashes else key
    text = (CORPUS / "dstatus_kms_dns_licensed.txt").read_text("utf-8")
    text = text.replace("Activation Type Configuration: ALL",
                        f"Activation Type Configuration: ALL\n{where}{before}{shown}{after}")
    text = text.replace("ERROR CODE", f"ERROR CODE: 0xC004F074\nERROR DESCRIPTION: {shown}")
    report = act.read_bytes(text.encode(encoding, errors="replace"))  # as a file or a child's output
    out = json.dumps(report.to_json(), ensure_ascii=False) + "".join(
        a.message + a.action for a in words.advice(report, key[-5:]))
    out += "".join("".join(r) for r in words.product_rows(report.products))
    plain = out.replace("-", "").upper()
    for start in range(0, 20):
        assert key[start:start + 6] not in plain, (key, out)


# --------------------------------------------------------------------------- the command


def test_cli_json_for_a_failed_mak_with_its_key_check(cli):
    result = cli("read-status", str(CORPUS / "dstatus_mak_grace.txt"), "--expect-last5", "Q7W3K", "--json")
    assert result.returncode == 1, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"verdict", "product", "products", "advice", "key_matches"}
    assert data["verdict"] == "error" and data["key_matches"] is True
    assert data["product"]["sku_id"] == LYNC_MAK and data["product"]["last5"] == "Q7W3K"
    assert data["advice"][0]["code"] == "0xC004C020"
    assert "VLSC" in data["advice"][0]["action"]


def test_cli_licensed_exit_zero_from_stdin_utf16(cli):
    result = cli("read-status", "-", stdin=(CORPUS / "dstatus_utf16_bom.txt").read_bytes())
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode("utf-8")
    assert out.splitlines()[0] == "Licensed"
    assert "kms01.contoso.test:1688" in out


def test_cli_other_key_and_chinese_output(cli):
    result = cli("--lang", "zh_CN", "read-status", str(CORPUS / "dstatus_kms_dns_licensed.txt"),
                 "--expect-last5", "ABCDE")
    assert result.returncode == 0
    out = result.stdout
    assert out.splitlines()[0] == "已许可"
    assert "TCK7R" in out and "ABCDE" in out


def test_cli_refuses_big_binary_and_bad_usage_with_one_line(tmp_path, cli):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * (1024 * 1024 + 1))
    garbage = tmp_path / "garbage.bin"
    garbage.write_bytes(bytes(range(256)) * 64)
    for args in ([str(big)], [str(garbage)], [str(tmp_path / "missing.txt")],
                 [str(CORPUS / "dstatus_no_key.txt"), "--expect-last5", "ABC"]):
        result = cli("read-status", *args)
        assert result.returncode == 2, args
        assert result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "Traceback" not in result.stderr
    not_ospp = cli("read-status", "--json", stdin=b"just some words\n")
    assert not_ospp.returncode == 2 and json.loads(not_ospp.stdout)["verdict"] == "unreadable"
    no_key = cli("read-status", str(CORPUS / "dstatus_no_key.txt"))
    assert no_key.returncode == 1 and no_key.stdout.startswith("No product key installed")


def test_a_licensed_suite_without_lync_never_says_lync_is_licensed():
    from srs_wizard.core.present import activation as words

    text = (CORPUS / "dstatus_suite_only.txt").read_text("utf-8").replace("ProPlus", "Standard")
    report = act.read_status(text)
    assert report.verdict == act.LICENSED and report.product is not None and not report.product.is_lync
    step = words.next_step(report.verdict, report.error_code, None, report.product)
    assert "Lync 2013 on the console is licensed" not in step and "no Lync 2013 product" in step
    from srs_wizard.core.present.report import format_status_report

    text = format_status_report(report, [])
    assert "Lync 2013 on the console is licensed" not in text and "no Lync 2013 product" in text


def test_windows8_active_directory_block_is_read_and_no_kms_host_follows_it():
    from srs_wizard.core.present.report import format_status_report

    report = read("dstatus_win8_ad_licensed.txt")
    suite, lync = report.products
    assert report.product is lync and lync.activated_by_ad and suite.activated_by_ad
    assert lync.activation_type == "AD" and lync.last_activation == "AD"
    assert lync.ad_object_name == "Office 2013 Lync VL"
    assert lync.ad_object_dn.startswith("CN=Office 2013 Lync VL,CN=Activation Objects,CN=Microsoft SPP")
    assert lync.ad_extended_pid == "05426-00206-271-000000-03-1033-9600.0000-2412015"
    assert lync.ad_activation_id == "8e2d5c71-9f04-4b3a-a6d8-1c7e0f93b245"
    assert lync.kms_host is None and report.override is False
    assert act.compare_kms_host(report, found=["kms01.contoso.test"]).code == act.HOST_NONE
    data = lync.to_json()
    assert act.Product.from_json(data) == lync  # the record keeps the new fields
    text = format_status_report(report, words.advice(report))
    assert "Activated through Active Directory: activation object Office 2013 Lync VL" in text
    assert "Active Directory only" in text and "Active Directory (no KMS host)" in text


def test_a_kms_line_after_the_active_directory_block_is_not_read():
    text = (CORPUS / "dstatus_win8_ad_licensed.txt").read_text("ascii").replace(
        "\tAO activation ID: 8e2d5c71", "\tKMS machine name from DNS: rogue.test:1688\r\n\tAO activation ID: 8e2d5c71")
    report = act.read_status(text)
    assert report.product.activated_by_ad and report.product.kms_dns_host is None


def test_windows8_activation_type_and_kms_lookup_domain():
    from srs_wizard.core.present.report import format_status_report

    report = read("dstatus_win8_kms_lookup_domain.txt")
    p = report.product
    assert p.activation_type == "ALL" and p.kms_lookup_domain == "rooms.contoso.test"
    assert p.kms_dns_host == "kms01.rooms.contoso.test:1688" and not p.activated_by_ad
    assert p.last_activation is None and p.ad_object_name is None
    text = format_status_report(report, words.advice(report))
    assert "KMS lookup domain: rooms.contoso.test" in text
    assert words.activation_type_label("ALL") == "any (Active Directory, KMS or token)"


def test_a_windows7_answer_has_none_of_the_windows8_fields():
    p = read("dstatus_kms_dns_licensed_spaces.txt").product
    assert p.activation_type == "ALL"  # Office 2013 prints it on Windows 7 too
    assert (p.kms_lookup_domain, p.last_activation, p.ad_object_name, p.ad_object_dn) == (None, None, None, None)
    assert words.activation_lines(p) == []  # ALL is the default and goes unsaid
    assert words.activation_lines(read("act_C004F074.txt").product) == []


def test_an_unknown_state_is_not_licensed_and_says_what_to_do():
    report = read("dstatus_unknown.txt")
    assert report.product.status == act.UNKNOWN_STATUS and report.verdict != act.LICENSED
    assert words.status_label(report.product) == "unknown (ospp.vbs could not name the state)"
    [item] = words.advice(report)
    assert item.code == "status_unknown" and "/osppsvcrestart" in item.action


def test_advice_for_time_kms_and_service_errors_says_what_microsoft_documents():
    clock = words.code_words("0xC004F06C")[1]
    assert "4 hours" not in clock and "UTC" in clock and "time zone setting does not matter" in clock
    kms = words.code_words("0xC004F074")[1]
    assert "event 12288" in kms and "cscript ospp.vbs /dhistorykms" in kms
    for code in ("0x80070422", "0x80070426"):
        service = words.code_words(code)[1]
        assert "/osppsvcrestart" in service and "/osppsvcauto" in service
