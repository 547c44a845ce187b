"""activation.offline in the record, the draft and the PDF: "activated offline with a
confirmation ID on <date>", or why not; never the IDs themselves."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from srs_wizard.core import activation as act
from srs_wizard.core import record
from srs_wizard.core.session import Session
from tests.test_pdf import NOW, render, session_for, text_of

CORPUS = Path(__file__).parent / "corpus" / "ospp"


def offline_result(*names: str, groups: int = 9) -> act.ActivationResult:
    text = "".join(act.decode_output((CORPUS / n).read_bytes()) for n in names)
    report = act.read_status(text)
    return act.ActivationResult("pasted", "2026-11-28T10:45:00+08:00", report,
                                offline=act.offline_outcome(report, groups))


@pytest.mark.parametrize("names, words", [
    (("actcid_error_beside_success.txt", "dstatus_mak_licensed.txt"),
     ["Activated offline with a confirmation ID on 2026-11-28 10:45"]),
    (("actcid_lync_refused.txt",),  # a wrapped cell is read line by line beside its label
     ["Not activated offline: the console refused the confirmation ID",
      "(0xC004F04D: the installation ID or the confirmation ID is invalid)"]),
    (("act_80072EE2_mak.txt",), ["Not activated offline: the console's answer shows no confirmation ID"]),
    (("dstatus_mak_licensed.txt",), ["Licensed, but the console's answer shows no confirmation ID deposited"]),
])
def test_the_pdf_says_activated_offline_or_why_not(qapp, tmp_path, names, words):
    s = session_for("mak")
    s.activation = offline_result(*names)
    rec = s.to_record(now=NOW, machine="SRS-CONSOLE-01")
    data = json.loads(rec.dumps())
    assert data["activation"]["offline"]["used"] is True
    assert data["activation"]["offline"]["installation_id_groups"] == 9
    assert record.from_json(data).data["activation"]["offline"] == data["activation"]["offline"]
    _file, reader = render(tmp_path, rec)
    text = " ".join(text_of(reader).split())
    for part in words:
        # In order, word for word: a label wrapped beside the cell may stand between two lines of it.
        assert part in text or _in_order(part.split(), text.split()), text


def _in_order(wanted: list[str], words: list[str]) -> bool:
    """Is ``wanted`` a run of ``words`` once at most two words of a wrapped label are taken out?"""
    for start in range(len(words)):
        i, skipped = start, 0
        for n, w in enumerate(wanted):
            last = n == len(wanted) - 1  # the last may have the sentence's full stop after it

            def same(word: str) -> bool:
                return word == w or (last and word.startswith(w))

            while i < len(words) and not same(words[i]) and skipped < 2:
                i, skipped = i + 1, skipped + 1
            if i >= len(words) or not same(words[i]):
                break
            i += 1
        else:
            return True
    return False


def test_the_draft_keeps_the_outcome():
    s = session_for("mak")
    s.activation = offline_result("actcid_error_beside_success.txt", "dstatus_mak_licensed.txt")
    resumed = Session.from_draft(json.loads(json.dumps(s.to_draft())))
    assert resumed.activation.offline == act.OfflineActivation(9, act.OFFLINE_ACTIVATED)


def test_records_without_offline_are_unchanged():
    s = session_for("mak")
    s.activation = act.ActivationResult("pasted", None, act.read_status(
        (CORPUS / "dstatus_mak_licensed.txt").read_text("ascii")))
    assert "offline" not in json.loads(s.to_record(now=NOW).dumps())["activation"]
