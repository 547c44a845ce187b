"""One truth for the room, through the real widgets, in English and Chinese: each scenario a
new technician met, with the page, the summary, Copy summary, the saved record and the PDF
saying the same thing (real dnsmasq, real KMS/RPC responders, PDFs read back)."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QApplication, QWizard

from srs_wizard import flow
from srs_wizard.core import activation as act
from srs_wizard.core import judge, kms
from srs_wizard.core.present import judge as judge_words
from tests.console_reports import encode, windows7_report
from tests.helpers import go_to_kms
from tests.servers import Zone, closed_port
from tests.test_mak_page import go_to_mak, valid_mak

CORPUS = Path(__file__).parent / "corpus" / "ospp"
LANGUAGES = ["en", "zh_CN"]
GVLK = "2MG3G-3BNTT-3MFW9-KDQW3-TCK7R"


FOOTER = re.compile(r"srs-wizard[^·]{1,20}·ContosoLtd(?:Page\d+of\d+|第\d+页,共\d+页)")


def squash(text: str) -> str:
    """Text without whitespace (PDF lines wrap anywhere, in Chinese without spaces), in NFKC
    (the PDF's text has its ligatures undone and full-width punctuation as ASCII), and without
    the PDF's page footers, so a sentence over a page break is one sentence."""
    return FOOTER.sub("", "".join(unicodedata.normalize("NFKC", text).split()))


def corpus_text(name: str) -> str:
    return act.decode_output((CORPUS / name).read_bytes())


def run_check(page, qtbot, domains, server, expect=""):
    page.domains.setText(domains)
    page.nameserver.setText(server)
    page.expect.setText(expect)
    with qtbot.waitSignal(page.completeChanged, timeout=8000, check_params_cb=lambda *a: page.isComplete()):
        page.check_button.click()


def paste(page, qtbot, text):
    session = page.wizard().session
    page.output.setFocus()
    page.output.selectAll()
    page.output.insertPlainText(text)
    qtbot.waitUntil(lambda: session.activation is not None and not page.busy, timeout=5000)


def finish(wizard, qtbot, tmp_path) -> dict:
    """On to the summary; save the PDF; the five places a room's truth is told, as text."""
    while wizard.currentId() != flow.Page.SUMMARY:
        assert wizard.button(QWizard.NextButton).isEnabled(), flow.Page(wizard.currentId())
        wizard.next()
    summary = wizard.summary_page
    summary.copy_summary.click()
    copied = QApplication.clipboard().text()
    summary.ask_open = lambda p: False
    summary.choose_save_path = lambda s: str(tmp_path / "room.pdf")
    summary.save_pdf()
    qtbot.waitUntil(lambda: not summary.busy, timeout=20000)
    assert summary.saved_path == str(tmp_path / "room.pdf"), summary.status.text()
    pages = PdfReader(str(tmp_path / "room.pdf")).pages
    pdf = unicodedata.normalize("NFKC", "\n".join(p.extract_text() for p in pages))  # ligatures as typed
    record = json.loads((tmp_path / "room.json").read_text("utf-8"))
    return {"page": summary.view.toPlainText(), "copied": copied, "pdf": pdf, "record": record}


def told_everywhere(told: dict, *sentences: str) -> None:
    for sentence in sentences:
        for where in ("page", "copied", "pdf"):
            assert squash(sentence) in squash(told[where]), (where, sentence)


def never_told(told: dict, *sentences: str) -> None:
    for sentence in sentences:
        for where in ("page", "copied", "pdf"):
            assert squash(sentence) not in squash(told[where]), (where, sentence)


def verdict_of(told: dict) -> judge.RoomVerdict:
    """The saved record's verdict, as the record holds it (and the summary renders it)."""
    return judge.RoomVerdict.from_json(told["record"]["verdict"])


# --------------------------------------------------------------------------- 1. the console's own evidence


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_consoles_own_lookup_outranks_this_computers(make_wizard, qtbot, tmp_path, dnsmasq, language):
    report = tmp_path / "srs-console-SRS-ROOM-07-20261128-140509.json"
    report.write_bytes(encode(windows7_report()))  # its nslookup found kms01.contoso.com for rooms.contoso.com
    wizard = make_wizard(language=language)
    page = go_to_kms(wizard, qtbot)
    page.console_import.choose_file = lambda s: str(report)
    page.console_import.button.click()
    qtbot.waitUntil(lambda: not page.console_import.busy, timeout=10000)
    # This computer (a guest network) finds nothing in any of the console's suffixes.
    server = dnsmasq(Zone(local=["rooms.contoso.com", "lab.contoso.com", "contoso.com"]))
    run_check(page, qtbot, page.domains.text(), server.address)
    assert wizard.session.kms.verdict == kms.NOT_FOUND

    verdict = wizard.session.room_verdict()
    assert verdict.state == judge.KMS_CONSOLE_FOUND and verdict.evidence == judge.EV_CONSOLE_NSLOOKUP
    said = judge_words.disagreements(verdict)[0]
    assert "kms01.contoso.com:1688" in said and "rooms.contoso.com" in said
    if language == "en":
        assert said.startswith("The console's own lookup found kms01.contoso.com:1688 for rooms.contoso.com; this "
                               "computer could not") and said.endswith("check from the console's network.")
    # The page: the disagreement instead of "the console will not find a KMS host", the console's
    # nslookup beside ours, and no "KMS will not activate this room".
    assert page.verdict.text() == said
    assert not page.fallback_box.isVisible()
    assert page.domain_table.columnCount() == 5
    assert "kms01.contoso.com:1688" in page.domain_table.item(0, 4).text()
    assert page.domain_table.item(1, 4).text() == judge_words.lookup_status(
        judge.ConsoleLookup("lab.contoso.com", judge.LOOKUP_NXDOMAIN))
    nothing_here = judge_words.step_text(judge.item(judge.S_PUBLISH_SRV, port=1688))
    assert nothing_here not in page.steps.text()
    page.copy_results.click()  # Copy results says what the page says
    copied = QApplication.clipboard().text()
    assert said in copied and nothing_here not in copied

    told = finish(wizard, qtbot, tmp_path)
    told_everywhere(told, said, judge_words.state_title(verdict), "kms01.contoso.com:1688")
    never_told(told, page.tr("KMS will not activate this room. Continue with:"), nothing_here)
    if language == "en":
        never_told(told, "so the console will not find a KMS host")
    saved = verdict_of(told)
    assert saved.state == judge.KMS_CONSOLE_FOUND
    assert [d.code for d in saved.disagreements] == [judge.D_CONSOLE_FOUND_HERE_NOT]
    assert told["record"]["console"]["lookups"][0] == {
        "domain": "rooms.contoso.com", "status": "found",
        "hosts": [{"target": "kms01.contoso.com", "port": 1688, "priority": 0, "weight": 0}]}


# --------------------------------------------------------------------------- 2. results belong to their inputs


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_edited_or_cancelled_check_leaves_no_result(make_wizard, qtbot, tmp_path, dnsmasq, responder,
                                                        kms_zone, language):
    zone, _ = kms_zone
    server = dnsmasq(zone.add_kms("dead.test", "kms09.dead.test", port=closed_port())
                     .add_host("kms09.dead.test", "127.0.0.1"))
    wizard = make_wizard(language=language)
    page = go_to_kms(wizard, qtbot)
    next_button = wizard.button(QWizard.NextButton)
    run_check(page, qtbot, "dead.test", server.address)
    assert wizard.session.kms.verdict == kms.UNREACHABLE and next_button.isEnabled()

    # Typing another domain: the shown result is stale at once (greyed, said), and not the session's.
    page.domains.setFocus()
    page.domains.selectAll()
    page.domains.insert("rogue.test")
    assert page.stale and page.stale_label.isVisible() and not page.results.isEnabled()
    assert wizard.session.kms is None and not next_button.isEnabled()

    # Check, then Cancel: no result at all, Next needs a fresh one or "go on without a check".
    silent = responder("silent")
    page.nameserver.setText(silent.address)
    page.timeout.setValue(30)
    page.domains.setText("slow.test")
    page.check_button.click()
    assert page.busy and not page.results.isVisible()
    page.cancel_button.click()
    assert not page.busy and wizard.session.kms is None
    assert not page.results.isVisible() and not next_button.isEnabled()
    assert page.skip_check.isVisible()
    page.skip_check.click()
    assert page.skip_check.isChecked(), page.skip_check.isVisible()
    assert page.isComplete()
    assert next_button.isEnabled()
    qtbot.waitUntil(lambda: wizard.pool.activeThreadCount() == 0, timeout=5000)

    told = finish(wizard, qtbot, tmp_path)
    assert told["record"]["kms"] is None
    assert judge.N_KMS_NOT_CHECKED in [n["code"] for n in told["record"]["verdict"]["notes"]]
    from srs_wizard.core import record, rollout

    again = record.loads((tmp_path / "room.json").read_bytes())  # the saved record is one the program takes
    assert rollout.classify(again)[0] == rollout.NOT_CHECKED
    told_everywhere(told, judge_words.note_text(judge.item(judge.N_KMS_NOT_CHECKED)))
    never_told(told, "kms09.dead.test", "dead.test")


# --------------------------------------------------------------------------- 3. steps from the final verdict


@pytest.mark.parametrize("language", LANGUAGES)
def test_licensed_means_no_install_or_activate_steps(make_wizard, qtbot, tmp_path, dnsmasq, kms_zone, language):
    zone, _ = kms_zone
    server = dnsmasq(zone)
    wizard = make_wizard(language=language)
    page = go_to_kms(wizard, qtbot)
    run_check(page, qtbot, "contoso.test", server.address)
    wizard.next()
    activation = wizard.activation_page
    paste(activation, qtbot, corpus_text("dstatus_kms_dns_licensed.txt"))
    verdict = wizard.session.room_verdict()
    assert verdict.state == judge.LICENSED and verdict.step_codes == (judge.S_KEEP_RECORD,)
    steps = judge_words.steps(verdict)
    assert activation.next_step.text() == steps[0]
    told = finish(wizard, qtbot, tmp_path)
    told_everywhere(told, judge_words.state_title(verdict), steps[0])
    for where in ("page", "copied", "pdf"):
        tail = told[where][told[where].rfind(judge_words.state_title(verdict)):]
        assert "/inpkey" not in squash(told[where]) and GVLK not in told[where], where
        assert "/act" not in tail.split(steps[0])[0] if steps[0] in tail else True
    assert told["record"]["verdict"]["steps"] == [{"code": "keep_record"}]
    # Not the KMS administrator's checklist under a licensed room.
    from srs_wizard.core.present import kms as kms_words

    never_told(told, kms_words.admin_checklist_title())


@pytest.mark.parametrize("language", LANGUAGES)
def test_mak_licensed_with_another_key_is_a_note_not_an_instruction(make_wizard, qtbot, tmp_path, language):
    wizard = make_wizard(language=language)
    page = go_to_mak(wizard)
    page.key.setText(valid_mak())
    wizard.next()
    activation = wizard.activation_page
    paste(activation, qtbot, corpus_text("dstatus_mak_licensed.txt"))  # licensed, key ends Q7W3K
    verdict = wizard.session.room_verdict()
    assert verdict.state == judge.LICENSED and verdict.step_codes == (judge.S_KEEP_RECORD,)
    note = judge_words.note_text(next(n for n in verdict.notes if n.code == judge.N_KEY_NOT_THE_MAK))
    assert "Q7W3K" in note and valid_mak()[-5:] in note
    assert note in activation.advice.text()
    told = finish(wizard, qtbot, tmp_path)
    told_everywhere(told, note)
    install = judge_words.step_text(judge.item(judge.S_INSTALL_MAK, last5=valid_mak()[-5:]))
    never_told(told, install, judge_words.step_text(judge.item(judge.S_INSTALL_MAK, last5=None)))


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_wrong_key_comes_before_asking_for_more_activations(make_wizard, qtbot, tmp_path, language):
    wizard = make_wizard(language=language)
    page = go_to_mak(wizard)
    page.key.setText(valid_mak())
    wizard.next()
    activation = wizard.activation_page
    paste(activation, qtbot, corpus_text("dstatus_mak_grace.txt"))  # 0xC004C020, but the key is Q7W3K
    verdict = wizard.session.room_verdict()
    assert verdict.state == judge.ACTIVATION_ERROR
    assert verdict.step_codes[:3] == (judge.S_INSTALL_MAK, judge.S_DSTATUS, judge.S_ERROR_ACTION)
    steps = judge_words.steps(verdict)
    assert valid_mak()[-5:] in steps[0]
    if language == "en":
        assert steps[2].startswith("If 0xC004C020 remains after that: Ask for more activations")
    shown = activation.next_step.text()
    assert shown.index(steps[0]) < shown.index(steps[2])
    told = finish(wizard, qtbot, tmp_path)
    for where in ("page", "copied", "pdf"):
        text = squash(told[where])
        assert text.index(squash(steps[0])) < text.index(squash(steps[2])), where


@pytest.mark.parametrize("language", LANGUAGES)
def test_promo_after_a_kms_check_says_why(make_wizard, qtbot, tmp_path, dnsmasq, language):
    from tests.test_promo_page import type_into

    server = dnsmasq(Zone(local=["empty.test"]))
    wizard = make_wizard(language=language)
    page = go_to_kms(wizard, qtbot)
    run_check(page, qtbot, "empty.test", server.address)
    page.fallback_buttons[flow.FALLBACK_PROMO].click()
    wizard.next()
    promo = wizard.promo_page
    type_into(promo.edits["company"], "Contoso Ltd")
    type_into(promo.edits["contact_name"], "张伟")
    type_into(promo.edits["contact_email"], "zhang.wei@example.cn")
    type_into(promo.edits["contact_phone"], "+86 10 6552 8899")
    promo.systems.setValue(2)
    verdict = wizard.session.room_verdict()
    assert verdict.state == judge.PROMO_PENDING
    reason = judge_words.note_text(next(n for n in verdict.notes if n.code == judge.N_PROMO_REASON))
    if language == "en":
        assert reason == "A promotional MAK was chosen because the KMS check said: No KMS host published in DNS."
    told = finish(wizard, qtbot, tmp_path)
    told_everywhere(told, reason, judge_words.state_title(verdict))


# --------------------------------------------------------------------------- 4. words that claim no more than seen


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_srv_port_not_1688_and_a_silent_bind_is_not_called_not_kms(make_wizard, qtbot, tmp_path, dnsmasq,
                                                                          rpc_responder, language):
    silent = rpc_responder("silent")  # accepts, reads the bind, never answers
    zone = Zone().add_kms("contoso.test", "kms01.contoso.test", port=silent.port)
    server = dnsmasq(zone.add_host("kms01.contoso.test", "127.0.0.1"))
    wizard = make_wizard(language=language)
    page = go_to_kms(wizard, qtbot)
    page.advanced_toggle.setChecked(True)
    page.connect_timeout.setValue(0.5)
    run_check(page, qtbot, "contoso.test", server.address)
    assert wizard.session.kms.verdict == kms.NOT_KMS
    page.fallback_buttons[None].click()  # record this result only: the KMS path's own steps
    verdict = wizard.session.room_verdict()
    timeout_step = next(s for s in verdict.steps if s.code == judge.S_BIND_TIMEOUT)
    assert timeout_step.get("timeout") == 0.5 and timeout_step.get("port") == silent.port
    said = judge_words.step_text(timeout_step)
    assert "0.5" in said and str(silent.port) in said
    if language == "en":
        assert "did not answer the KMS bind within 0.5 s (busy, far away, or not KMS)" in said
        assert "none speaks KMS" not in page.verdict_title.text()
        assert "it is not a KMS service" not in page.steps.text()
    assert said in page.steps.text()
    ports = {int(p) for p in re.findall(r"(?:port|端口|/setprt:)\s*(\d+)", page.steps.text())}
    assert ports == {silent.port}
    told = finish(wizard, qtbot, tmp_path)
    told_everywhere(told, said)
    for where in ("page", "copied", "pdf"):
        assert not re.search(r"(?<!\d)1688(?!\d)", told[where]) or silent.port == 1688, where


@pytest.mark.parametrize("language", LANGUAGES)
def test_a_rogue_host_is_its_own_warning_first(make_wizard, qtbot, tmp_path, dnsmasq, kms_zone, language):
    zone, _ = kms_zone
    server = dnsmasq(zone)
    wizard = make_wizard(language=language)
    page = go_to_kms(wizard, qtbot)
    page.advanced_toggle.setChecked(True)
    run_check(page, qtbot, "contoso.test", server.address, expect="kms77.contoso.test")
    verdict = wizard.session.room_verdict()
    warning = judge_words.warnings(verdict)[0]
    assert page.rogue.text() == warning and page.rogue.isVisible()
    assert page.rogue.y() < page.verdict_box.y()  # above the verdict, outside its box
    assert page.verdict_box.property("good") is False
    assert "kms01.contoso.test" not in page.steps.text().split(warning)[0] or warning not in page.steps.text()
    told = finish(wizard, qtbot, tmp_path)
    told_everywhere(told, warning)
    for where in ("page", "copied", "pdf"):
        text = squash(told[where])
        assert text.index(squash(warning)) < text.index(squash(judge_words.state_title(verdict))), where
    assert told["record"]["verdict"]["warnings"][0] == {"code": "rogue_hosts", "evidence": "this_computer",
                                                        "hosts": ["kms01.contoso.test"]}


@pytest.mark.parametrize("language", LANGUAGES)
def test_grace_days_and_each_sentence_once_on_the_activation_page(make_wizard, qtbot, tmp_path, dnsmasq, kms_zone,
                                                                  language):
    zone, _ = kms_zone
    server = dnsmasq(zone)
    wizard = make_wizard(language=language)
    page = go_to_kms(wizard, qtbot)
    run_check(page, qtbot, "contoso.test", server.address)
    wizard.next()
    activation = wizard.activation_page
    text = re.sub(r"REMAINING GRACE: .*\n", "", corpus_text("pasted_powershell.txt"))
    text = re.sub(r"(LICENSE STATUS: .*\n)", r"\1REMAINING GRACE: 179 days  (259199 minute(s) before expiring)\n",
                  text)
    paste(activation, qtbot, text)
    assert wizard.session.activation.report.error_code == "0xC004F074"
    row = next(r for r in range(activation.products.rowCount()) if "259199" in activation.products.item(r, 4).text())
    cell = activation.products.item(row, 4).text()
    assert cell.startswith("179") and "259199" in cell
    shown = "\n".join(w.text() for w in (activation.verdict, activation.next_step, activation.advice))
    for sentence in [activation.verdict.text()] + judge_words.steps(wizard.session.room_verdict()):
        assert shown.count(sentence) == 1, sentence
    told = finish(wizard, qtbot, tmp_path)
    assert "180" not in squash(told["pdf"]).split("259199")[0][-12:]


# --------------------------------------------------------------------------- 5. no dead end


@pytest.mark.parametrize("language", LANGUAGES)
def test_when_kms_will_not_do_the_way_on_is_offered_first(make_wizard, qtbot, tmp_path, dnsmasq, language):
    server = dnsmasq(Zone(local=["empty.test"]))
    wizard = make_wizard(language=language)
    page = go_to_kms(wizard, qtbot)
    run_check(page, qtbot, "empty.test", server.address)
    # Above the fold: right under the verdict, before the tables; MAK is the default.
    assert page.fallback_box.isVisible()
    assert page.verdict_box.y() < page.fallback_box.y() < page.hosts_title.y() or not page.hosts_title.isVisible()
    assert page.fallback_box.y() < page.domain_table.y()
    assert page.fallback_buttons[flow.FALLBACK_MAK].isChecked()
    assert wizard.session.fallback == flow.FALLBACK_MAK
    assert not page.copy_gvlk.isVisible() and GVLK not in page.steps.text()  # no KMS client key to install
    wizard.next()
    assert wizard.currentId() == flow.Page.MAK
    wizard.back()
    # Recording this result only: the activation page shows no GVLK /inpkey and no /act.
    page.fallback_buttons[None].click()
    wizard.next()
    activation = wizard.activation_page
    assert wizard.currentId() == flow.Page.ACTIVATION
    assert not activation.command_edits[0].isVisible() and not activation.command_edits[1].isVisible()
    assert activation.command_edits[2].isVisible() and activation.command_edits[2].text().endswith("/dstatus")
    # A failing answer offers the next path.
    paste(activation, qtbot, corpus_text("pasted_powershell.txt"))
    offer = judge_words.step_text(judge.item(judge.S_USE_MAK_OR_PROMO))
    assert offer in activation.next_step.text()
    told = finish(wizard, qtbot, tmp_path)
    told_everywhere(told, offer)
    assert "use_mak_or_promo" in [s["code"] for s in told["record"]["verdict"]["steps"]]


def test_save_pdf_never_writes_a_record_the_validator_refuses(make_wizard, qtbot, tmp_path):
    wizard = make_wizard()
    page = go_to_mak(wizard)
    wizard.session.technician = "T" * 3000  # longer than a record's text may be
    page.key.setText(valid_mak())
    wizard.next()
    wizard.next()
    assert wizard.currentId() == flow.Page.SUMMARY
    summary = wizard.summary_page
    failures = []
    summary.show_failure = failures.append
    summary.choose_save_path = lambda s: str(tmp_path / "room.pdf")
    summary.save_pdf()
    assert not summary.busy and failures and "technician" in failures[0]
    assert list(tmp_path.glob("room.*")) == []  # nothing written
