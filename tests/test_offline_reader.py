"""Offline activation, read: ``ospp.vbs /dinstid`` and ``/actcid`` answers (tests/corpus/ospp,
hand-made to the documented format, as UTF-16 and GBK files as the console writes them), the
confirmation ID as typed, the record's ``activation.offline`` and ``read-status``."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from srs_wizard.core import activation as act
from srs_wizard.core import record
from srs_wizard.core.present import activation as words
from tests.conftest import run_cli as run

CORPUS = Path(__file__).parent / "corpus" / "ospp"
LYNC_IID = "307418529630741852963074185296307418529630741852963074185296307"
SUITE_IID = "147036925814703692581470369258147036925814703692581470369258147"


def text_of(name: str) -> str:
    return act.decode_output((CORPUS / name).read_bytes())


@pytest.mark.parametrize("name", ["dinstid_two_products.txt", "dinstid_utf16_bom.txt", "dinstid_gbk.txt"])
def test_dinstid_lines_in_every_encoding_and_lync_chosen(name):
    ids = act.read_installation_ids(text_of(name))
    assert [i.license_name for i in ids] == ["Office 15, OfficeProPlusVL_MAK edition",
                                             "Office 15, OfficeLyncVL_MAK edition"]
    assert [i.digits for i in ids] == [SUITE_IID, LYNC_IID]
    chosen = act.installation_id_that_matters(ids)
    assert chosen is ids[1]  # Lync, though it is not the first line
    assert chosen.groups == [LYNC_IID[i:i + 7] for i in range(0, 63, 7)]  # 63 digits: 9 groups of 7
    assert chosen.to_json() == {"product": "OfficeLyncVL_MAK edition",
                                "license_name": "Office 15, OfficeLyncVL_MAK edition",
                                "groups": chosen.groups}


def test_grouping_is_7_when_the_length_allows_else_6():
    assert act.group_digits("1" * 63) == ["1" * 7] * 9
    assert act.group_digits("2" * 48) == ["2" * 6] * 8
    assert act.group_digits("1234567890") == ["123456", "7890"]
    assert act.group_digits("") == []


def test_a_wrapped_console_line_is_joined_and_a_suite_alone_is_chosen():
    text = ("Installation ID for: Office 15, OfficeProPlusVL_MAK edition: " + SUITE_IID[:40] + "\r\n"
            + SUITE_IID[40:] + "\r\n---------------------------------------\r\n")
    ids = act.read_installation_ids(text)
    assert len(ids) == 1 and ids[0].digits == SUITE_IID
    assert act.installation_id_that_matters(ids) is ids[0]
    assert act.read_installation_ids("Installation ID for: Office 15, X: 12ab34\n") == []
    assert act.read_installation_ids("nothing here") == []


@pytest.mark.parametrize("name", ["actcid_error_beside_success.txt", "actcid_utf16_bom.txt", "actcid_gbk.txt"])
def test_actcid_an_error_beside_a_success_reads_the_lync_block(name):
    report = act.read_status(text_of(name))
    assert [(p.source, p.license_name, p.activated, p.error_code) for p in report.products] == [
        (act.SOURCE_ACTCID, "Office 15, OfficeProPlusVL_MAK edition", False, "0xC004F04D"),
        (act.SOURCE_ACTCID, "Office 15, OfficeLyncVL_MAK edition", True, None),
    ]
    assert report.verdict == act.LICENSED and report.product.is_lync
    assert report.general_errors == ()  # the suite's error is its own block's, not the answer's
    assert [a.code for a in words.advice(report)] == []
    assert act.offline_outcome(report, 9) == act.OfflineActivation(9, act.OFFLINE_ACTIVATED)


def test_actcid_refused_for_lync_beside_a_suite_that_took_it():
    report = act.read_status(text_of("actcid_lync_refused.txt"))
    assert report.verdict == act.ERROR and report.error_code == "0xC004F04D"
    assert report.product.license_name == "Office 15, OfficeLyncVL_MAK edition"
    title = words.verdict_title(report.verdict, report.error_code)
    assert title == "Error 0xC004F04D: the installation ID or the confirmation ID is invalid"
    step = words.next_step(report.verdict, report.error_code)
    assert "A digit is wrong, or the ID is for another installation" in step and "/dinstid again" in step
    outcome = act.offline_outcome(report, 9)
    assert outcome.result == act.OFFLINE_REFUSED and outcome.error_code == "0xC004F04D"
    assert "refused the confirmation ID (0xC004F04D" in words.offline_result_text(outcome, "1 Dec 2026")


def test_actcid_then_dstatus_licensed_and_then_grace():
    licensed = act.read_status(text_of("actcid_error_beside_success.txt") + text_of("dstatus_mak_licensed.txt"))
    assert licensed.verdict == act.LICENSED and licensed.product.source == act.SOURCE_DSTATUS
    assert act.offline_outcome(licensed, 9).result == act.OFFLINE_ACTIVATED
    grace = act.read_status(text_of("actcid_lync_refused.txt") + text_of("dstatus_mak_grace.txt"))
    assert grace.verdict == act.ERROR and grace.product.source == act.SOURCE_DSTATUS
    assert act.offline_outcome(grace, 9).result == act.OFFLINE_REFUSED
    # /dstatus alone: licensed, but nothing shows a confirmation ID was deposited
    assert act.offline_outcome(act.read_status(text_of("dstatus_mak_licensed.txt")), 9).result \
        == act.OFFLINE_NOT_DEPOSITED


def test_dstatus_and_act_read_as_before_beside_actcid():
    before = act.read_status(text_of("dstatus_several_products.txt"))
    after = act.read_status(text_of("dstatus_several_products.txt") + text_of("dinstid_two_products.txt"))
    assert after.products == before.products and after.verdict == before.verdict
    # a license name without its SKU ID line that holds license-state lines is not an /actcid block
    text = "LICENSE NAME: Office 15, OfficeLyncVL_MAK edition\nLICENSE STATUS:  ---LICENSED---\n"
    assert not [p for p in act.read_status(text).products if p.source == act.SOURCE_ACTCID]


@pytest.mark.parametrize("code", ["0xC004F04D", "0xC004F02C", "0x80072EE2", "0x80072EE7"])
def test_the_new_codes_have_words_and_next_steps(code):
    meaning, action, known = words.code_words(code)
    assert known and meaning and action


def test_unreachable_server_on_act_is_recognised():
    for name in ("act_80072EE2_mak.txt", "act_80072EE7_mak.txt"):
        report = act.read_status(text_of(name))
        assert report.verdict == act.ERROR and act.server_unreachable(report)
        assert "without internet" in words.next_step(report.verdict, report.error_code)
    assert not act.server_unreachable(act.read_status(text_of("act_C004C020_mak.txt")))


def test_words_name_the_activation_centre_never_a_phone_number():
    centre = words.activation_centre()
    assert "Microsoft's activation centre" in centre and "by phone or on the web page" in centre
    every = [centre, *[m + " " + a for m, a in words.offline_codes().values()],
             words.offline_result_text(act.OfflineActivation(9, act.OFFLINE_NOT_DEPOSITED), None),
             *words.installation_id_lines(act.read_installation_ids(text_of("dinstid_gbk.txt")))[-1:]]
    for sentence in every:
        without_codes = re.sub(r"0x[0-9A-F]{8}|Lync 2013|Office 2013", "", sentence)
        assert not re.search(r"\d", without_codes), sentence  # no number to call
        assert "call" not in sentence.lower() and "hotline" not in sentence.lower()


@pytest.mark.parametrize("typed", [
    "123456-234567-345678-456789-567890-678901-789012-890123",
    "123456 234567 345678 456789 567890 678901 789012 890123",
    "１２３４５６－２３４５６７－３４５６７８－４５６７８９－５６７８９０－６７８９０１－７８９０１２－８９０１２３",
    "123456\u2013234567\u00a0345678\u3000456789\t567890\n678901\u200b789012.890123",
])
def test_a_confirmation_id_with_any_separators_and_full_width_digits(typed):
    read = act.read_confirmation_id(typed)
    assert read.ok and read.digits == "123456234567345678456789567890678901789012890123"
    assert read.groups == ["123456", "234567", "345678", "456789", "567890", "678901", "789012", "890123"]


def test_letters_are_refused_with_where_they_are():
    read = act.read_confirmation_id("123456-23A567")
    assert not read.ok and read.bad_character == "A" and read.bad_position == 10
    assert not act.read_confirmation_id("１２３ｂ").ok  # a full-width letter is a letter too
    assert not act.read_confirmation_id("").ok
    assert act.read_confirmation_id("1" * 2000).too_long


def test_the_record_keeps_the_outcome_never_the_digits():
    report = act.read_status(text_of("actcid_error_beside_success.txt") + text_of("dstatus_mak_licensed.txt"))
    result = act.ActivationResult("pasted", "2026-12-01T10:30:00+08:00", report,
                                  offline=act.offline_outcome(report, 9))
    data = result.to_json()
    assert data["offline"] == {"used": True, "installation_id_groups": 9, "result": "activated", "error_code": None}
    assert act.result_from_json(json.loads(json.dumps(data))).offline == result.offline
    assert LYNC_IID[:7] not in json.dumps(data)
    base = {"schema": record.SCHEMA, "created": "2026-12-01T10:30:00+08:00", "app_version": "0.1.0",
            "machine": "SRS-01", "technician": "A", "customer": "B", "site": "C", "path": "mak",
            "kms": None, "promo": None, "activation": data,
            "mak": {"masked": "*****-*****-*****-*****-Q7W3K", "checksum_ok": True, "gvlk": None, "checklist": {}}}
    assert record.check(base) == []
    bad = json.loads(json.dumps(base))
    bad["activation"]["offline"]["result"] = "maybe"
    assert [p.field for p in record.check(bad)] == ["activation.offline.result"]
    bad["activation"]["offline"] = {"installation_id_groups": "nine", "result": "activated"}
    assert {p.field for p in record.check(bad)} >= {"activation.offline.used"}


def test_read_status_reads_dinstid_and_actcid(tmp_path):
    result = run("read-status", "--json", str(CORPUS / "dinstid_gbk.txt"))
    assert result.returncode == 1, result.stderr  # no license state in it
    data = json.loads(result.stdout)
    assert [i["license_name"] for i in data["installation_ids"]] == ["Office 15, OfficeProPlusVL_MAK edition",
                                                                     "Office 15, OfficeLyncVL_MAK edition"]
    assert data["installation_ids"][1]["groups"] == [LYNC_IID[i:i + 7] for i in range(0, 63, 7)]
    assert data["installation_ids"][1]["product"] == "OfficeLyncVL_MAK edition"
    text = run("read-status", str(CORPUS / "dinstid_utf16_bom.txt"))
    assert text.returncode == 1
    assert " ".join(LYNC_IID[i:i + 7] for i in range(0, 63, 7)) in text.stdout
    assert text.stdout.index("OfficeLyncVL") < text.stdout.index("OfficeProPlusVL")  # Lync first
    assert "activation centre" in text.stdout

    result = run("read-status", "--json", str(CORPUS / "actcid_utf16_bom.txt"))
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["verdict"] == "licensed" and "installation_ids" not in data  # only when there are some
    assert [(p["source"], p["activated"], p["error_code"]) for p in data["products"]] == [
        ("actcid", False, "0xC004F04D"), ("actcid", True, None)]
    refused = run("read-status", str(CORPUS / "actcid_lync_refused.txt"))
    assert refused.returncode == 1 and "0xC004F04D" in refused.stdout and "/dinstid again" in refused.stdout


def test_readers_are_linear():
    unit = text_of("actcid_error_beside_success.txt") + text_of("dinstid_two_products.txt")

    def cost(n: int) -> float:
        text = unit * n
        start = time.perf_counter()
        act.read_status(text)
        act.read_installation_ids(text)
        return time.perf_counter() - start

    small, big = min(cost(50) for _ in range(3)), min(cost(800) for _ in range(3))
    assert big < small * 16 * 4, (small, big)  # 16 times the text: far from 256 times the time


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_reads_without_exception(text):
    act.read_installation_ids(text)
    act.read_confirmation_id(text)
    report = act.read_status(text)
    act.offline_outcome(report, None)


def test_flow_goes_to_activate_without_internet_on_the_mak_path_only():
    from srs_wizard.flow import FlowState, Page, next_page, pages_visited

    assert next_page(Page.ACTIVATION, FlowState(choice="mak", offline=True)) == Page.OFFLINE
    assert next_page(Page.OFFLINE, FlowState(choice="mak", offline=True)) == Page.SUMMARY
    assert next_page(Page.ACTIVATION, FlowState(choice="mak")) == Page.SUMMARY
    assert next_page(Page.ACTIVATION, FlowState(choice="kms", kms_verdict="ready", offline=True)) == Page.SUMMARY
    assert pages_visited(FlowState(choice="mak", offline=True))[-3:] == [Page.ACTIVATION, Page.OFFLINE, Page.SUMMARY]


def test_the_session_goes_offline_when_act_cannot_reach_the_server():
    from srs_wizard.core.session import Session

    session = Session(choice="mak")
    assert not session.flow_state().offline
    session.activation = act.ActivationResult("pasted", None, act.read_status(text_of("act_80072EE2_mak.txt")))
    assert session.flow_state().offline
    session.activation = act.ActivationResult("pasted", None, act.read_status(text_of("act_C004C020_mak.txt")))
    assert not session.flow_state().offline  # the server answered: a confirmation ID does not help
    session.offline_wanted = True
    assert session.flow_state().offline


def test_the_command_line_never_takes_an_installation_id_for_a_key(tmp_path):
    # 63 digits of the key alphabet only, after "edition": n + 24 of them would look like a key
    iid = "2346789" * 9
    path = tmp_path / "dinstid.txt"
    path.write_text("Installation ID for: Office 15, OfficeLyncVL_MAK edition: " + iid + "\r\n", "ascii")
    text = run("read-status", str(path))
    assert " ".join([iid[i:i + 7] for i in range(0, 63, 7)]) in text.stdout, text.stdout
    data = json.loads(run("read-status", "--json", str(path)).stdout)
    assert "".join(data["installation_ids"][0]["groups"]) == iid


def test_products_keep_the_order_the_console_printed_them():
    text = text_of("dstatus_mak_grace.txt") + text_of("actcid_error_beside_success.txt") \
        + text_of("dstatus_mak_licensed.txt")
    report = act.read_status(text)
    assert [(p.source, p.status) for p in report.products] == [
        (act.SOURCE_DSTATUS, "OOB_GRACE"), (act.SOURCE_ACTCID, None), (act.SOURCE_ACTCID, None),
        (act.SOURCE_DSTATUS, "LICENSED")]
    assert report.verdict == act.LICENSED  # the last /dstatus, after the deposit


def test_the_quick_look_for_an_actcid_block_decides_as_the_reader_does(monkeypatch):
    # Texts without an /actcid block are passed on after a few searches (a pasted megabyte
    # of /dstatus is not read line by line twice); wherever that look says "no block", the
    # line-by-line reader gives the same text and no product.
    import random

    from srs_wizard.core import activation as act

    pieces = ["SKU ID: 9d0c1a0b-5b37-4f46-a4c5-b27b4e0ea0ed", "LICENSE NAME: Office 15, OfficeLyncVL_MAK edition",
              "license name:", "License Name: x", "LICENSE STATUS:  ---LICENSED---", "ERROR CODE: 0xC004F074",
              "ERROR DESCRIPTION: The confirmation ID is not valid", "<Offline product activation successful>",
              "---------------------------------------", "----", "---Processing--------------------------",
              "---Exiting-----------------------------", "Installing confirmation ID for: Office 15",
              "Attempting to activate", "sku id : x", "\ufeffLICENSE NAME: y", "LICENSE NAME: İstanbul", "",
              "Last 5 characters of installed product key: TCK7R", "   LICENSE NAME: z  "]
    rng = random.Random(3)
    quick = act._opens_actcid_block
    decided = 0
    for _ in range(3000):
        lines = [rng.choice(pieces) for _ in range(rng.randint(1, 14))]
        text = rng.choice(["\n", "\r\n", "\r"]).join(lines)
        got = act._split_actcid(text)
        monkeypatch.setattr(act, "_opens_actcid_block", lambda _text: True)
        assert got == act._split_actcid(text), repr(text)
        monkeypatch.setattr(act, "_opens_actcid_block", quick)
        decided += not quick(text)
    assert decided > 500
