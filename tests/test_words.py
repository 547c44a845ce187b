"""Facts and words apart: the KMS check keeps codes and raw values; every sentence is made
when it is shown, in the language chosen then (the page, the PDF, the text report, --json)."""

from __future__ import annotations

import errno
import json
import re

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QWizard

from srs_wizard import i18n, qm
from srs_wizard.core import kms
from srs_wizard.core.present import kms as kms_words
from srs_wizard.core.session import Session
from tests.conftest import C_LOCALE, run_cli
from tests.helpers import go_to_kms
from tests.servers import Zone, closed_port
from tests.test_i18n import CJK
from tests.test_pdf import NOW, text_of

# Sentences of the check in English; none may be left in a Chinese rendering.
ENGLISH_SENTENCES = ("KMS SRV record", "connection refused", "KMS hosts were found",
                     "KMS hosts found, but none answers", "The name does not exist in DNS")


@pytest.fixture
def english_after():
    yield
    i18n.set_backend(None)


@pytest.fixture
def refused_zone(dnsmasq):
    """Three hosts on a closed port (the check keeps two: the host-limit note) and a missing domain."""
    port = closed_port()
    zone = Zone()
    for i in range(3):
        zone.add_kms("contoso.test", f"kms0{i}.contoso.test", port=port, priority=i)
        zone.add_host(f"kms0{i}.contoso.test", "127.0.0.1")
    zone.local.append("missing.test")
    return dnsmasq(zone)


def made_in(language: str, server) -> dict:
    """A record made while ``language`` was chosen, as the wizard saves it."""
    qm.install_for_cli(language)
    try:
        check = kms.find_kms_hosts(["contoso.test", "missing.test"], [server.address], timeout=3,
                                   connect_timeout=1, max_hosts=2)
        session = Session(technician="Ana", customer="Contoso Ltd", site="Room 1", choice="kms", kms=check)
        return json.loads(session.to_record(now=NOW, machine="PC").dumps())
    finally:
        i18n.set_backend(None)


def as_made_before_codes(data: dict, language: str) -> dict:
    """The same record as the program wrote it before the check kept codes: its sentences in
    ``language``, no codes beside them."""
    qm.install_for_cli(language)
    try:
        check = kms.check_from_json(data["kms"])
        old = kms_words.check_json(check)
    finally:
        i18n.set_backend(None)
    for d in old["domains"]:
        d.pop("detail")
    for h in old["hosts"]:
        h.pop("error_code")
        for p in h["probes"]:
            p.pop("errno"), p.pop("os_error")
    for key in ("note_codes", "config_problem_code", "config_problem_reason"):
        old.pop(key)
    return dict(data, kms=old)


def squash(text: str) -> str:
    """Text without white space: table cells wrap in the PDF."""
    return re.sub(r"\s+", "", text)


def pdf_text(tmp_path, data: dict, language: str) -> str:
    rec = tmp_path / f"rec-{language}.json"
    rec.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    out = tmp_path / f"{language}.pdf"
    result = run_cli("--lang", language, "summary", str(rec), "-o", str(out), env=C_LOCALE)
    assert result.returncode == 0, result.stderr
    return text_of(PdfReader(str(out)), mode="plain")


def test_the_record_holds_codes_not_words(refused_zone):
    data = made_in("zh_CN", refused_zone)
    assert not CJK.search(json.dumps(data, ensure_ascii=False))  # nothing typed in Chinese, no words stored
    assert made_in("en", refused_zone)["kms"]["hosts"] == data["kms"]["hosts"]
    k = data["kms"]
    assert k["verdict"] == kms.UNREACHABLE
    assert k["note_codes"] == [{"code": "host_limit", "total": 3, "shown": 2}]
    assert [(d["status"], d["detail"]) for d in k["domains"]] == [
        (kms.OK, {"code": "records", "count": 3}), (kms.NXDOMAIN, None)]
    assert all(h["error_code"] == kms.HOST_UNREACHABLE for h in k["hosts"])
    probe = k["hosts"][0]["probes"][0]
    assert probe["result"] == kms.PROBE_REFUSED and probe["errno"] == errno.ECONNREFUSED and probe["os_error"]
    assert "message" not in k["domains"][0] and "error" not in k["hosts"][0] and "notes" not in k


@pytest.mark.parametrize("made", ["new", "before codes"])
def test_a_record_made_in_chinese_renders_wholly_in_english(tmp_path, refused_zone, made):
    data = made_in("zh_CN", refused_zone)
    if made == "before codes":
        data = as_made_before_codes(data, "zh_CN")
        assert CJK.search(data["kms"]["domains"][0]["message"]) and CJK.search(data["kms"]["notes"][0])
    text = pdf_text(tmp_path, data, "en")
    assert not CJK.search(text), CJK.findall(text)
    for sentence in ENGLISH_SENTENCES + ("3 KMS hosts were found; only the first 2 are shown",):
        assert squash(sentence) in squash(text), sentence


@pytest.mark.parametrize("made", ["new", "before codes"])
def test_a_record_made_in_english_renders_wholly_in_chinese(tmp_path, refused_zone, made):
    data = made_in("en", refused_zone)
    if made == "before codes":
        data = as_made_before_codes(data, "en")
        assert "connection refused" in json.dumps(data)
    text = pdf_text(tmp_path, data, "zh_CN")
    for sentence in ENGLISH_SENTENCES:
        assert squash(sentence) not in squash(text), sentence
    qm.install_for_cli("zh_CN")
    try:
        refused, missing = kms_words.probe_error(kms.Probe("x", kms.PROBE_REFUSED, None)), \
            kms_words.status_message(kms.NXDOMAIN)
    finally:
        i18n.set_backend(None)
    assert CJK.search(refused) and squash(refused) in squash(text)
    assert squash(missing) in squash(text)


def test_json_keeps_its_sentences_in_the_chosen_language_beside_the_codes(refused_zone, cli):
    args = ["check-kms", "--domain", "contoso.test", "--nameserver", refused_zone.address, "--connect-timeout", "1",
            "--json"]
    english, chinese = (json.loads(cli("--lang", lang, *args, env=C_LOCALE).stdout) for lang in ("en", "zh_CN"))
    assert english["domains"][0]["message"] == "3 KMS SRV record(s) found."
    assert CJK.search(chinese["domains"][0]["message"])
    for data in (english, chinese):
        assert data["domains"][0]["detail"] == {"code": "records", "count": 3}
        host = data["hosts"][0]
        assert host["error_code"] == kms.HOST_UNREACHABLE and host["probes"][0]["errno"] == errno.ECONNREFUSED
        assert data["config_problem"] is None and data["notes"] == []
    assert "connection refused" in english["hosts"][0]["error"]
    assert english["hosts"][0]["probes"][0]["error"] == "connection refused"
    assert CJK.search(chinese["hosts"][0]["error"]) and "connection refused" not in chinese["hosts"][0]["error"]
    # The codes are the same whatever the language.
    for data in (english, chinese):
        for d in data["domains"]:
            d.pop("message"), d.pop("elapsed_ms")
        for h in data["hosts"]:
            h.pop("error")
            for p in h["probes"]:
                p.pop("error")
        data.pop("elapsed_ms")
    for data in (english, chinese):
        for h in data["hosts"]:
            for p in h["probes"]:
                p.pop("connect_ms")
    assert english == chinese


def test_an_unreadable_system_configuration_is_worded_when_shown(tmp_path, english_after):
    conf = tmp_path / "resolv.conf"
    conf.write_bytes(b"search contoso.test\nnameserver 10.0.0.1\x1b[2J\n")
    check = kms.find_kms_hosts(["contoso.test"], resolv_conf=str(conf), connect=False)
    assert check.verdict == kms.DNS_ERROR and check.config_problem.code == kms.CONFIG_UNREADABLE
    assert check.domains[0].detail.code == kms.DETAIL_NO_SERVER
    english = kms_words.config_problem_text(check.config_problem)
    assert english.startswith("The system DNS configuration could not be read")
    again = kms.check_from_json(json.loads(json.dumps(check.to_json())))
    qm.install_for_cli("zh_CN")
    chinese = kms_words.config_problem_text(again.config_problem)
    assert CJK.search(chinese) and check.config_problem.reason in chinese
    assert CJK.search(kms_words.domain_message(again.domains[0]))


def test_switching_language_rewords_the_kms_results_at_once(make_wizard, qtbot, refused_zone, english_after):
    wizard = make_wizard(language="zh_CN")
    page = go_to_kms(wizard, qtbot)
    page.domains.setText("contoso.test, missing.test")
    page.nameserver.setText(refused_zone.address)
    with qtbot.waitSignal(page.completeChanged, timeout=10000, check_params_cb=lambda *a: page.isComplete()):
        page.check_button.click()
    assert wizard.session.kms.verdict == kms.UNREACHABLE
    problem_column = page.hosts.columnCount() - 2

    def shown():
        return {"title": page.verdict_title.text(), "verdict": page.verdict.text(), "steps": page.steps.text(),
                "problem": page.hosts.item(0, problem_column).text(), "message": page.domain_table.item(0, 3).text(),
                "missing": page.domain_table.item(1, 3).text(), "reachable": page.hosts.item(0, 5).text()}

    chinese = shown()
    for key, text in chinese.items():
        assert CJK.search(text), (key, text)

    def choose(language):
        combo = wizard.welcome.language
        combo.setCurrentIndex(combo.findData(language))
        combo.activated.emit(combo.currentIndex())

    choose("en")
    english = shown()
    for key, text in english.items():
        assert not CJK.search(text), (key, text)
    assert english["title"] == "KMS hosts found, but none answers"
    assert english["problem"] == "127.0.0.1: connection refused"
    assert english["message"] == "3 KMS SRV record(s) found." and english["reachable"] == "no"
    assert english["missing"] == "The name does not exist in DNS (NXDOMAIN)."
    assert wizard.button(QWizard.CancelButton).text() == "Cancel"
    choose("zh_CN")
    assert shown() == chinese


def test_switching_language_rewords_a_field_problem(make_wizard, qtbot, english_after):
    wizard = make_wizard(language="zh_CN")
    page = go_to_kms(wizard, qtbot)
    page.domains.setFocus()
    page.domains.insert("a..b")  # like typing
    assert page.domains_message.isVisible() and CJK.search(page.domains_message.text())
    combo = wizard.welcome.language
    combo.setCurrentIndex(combo.findData("en"))
    combo.activated.emit(combo.currentIndex())
    assert page.domains_message.isVisible()
    assert "a..b" in page.domains_message.text() and not CJK.search(page.domains_message.text())
