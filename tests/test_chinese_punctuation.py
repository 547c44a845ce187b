"""Chinese text uses Chinese punctuation: no ASCII "?", ":" or "," between Han characters and
no stray space after a Chinese full stop, in the catalogue and in every rendered summary."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from srs_wizard import qm
from srs_wizard.core.present import sentences
from srs_wizard.core.present.summary import summary_html
from tests import pdf_records

CATALOGUE = Path(__file__).parent.parent / "resources" / "translations" / "srs_wizard_zh_CN.ts"
HAN = r"[\u4e00-\u9fff]"
# ASCII punctuation touching a Han character, or a space after a Chinese full stop before Han.
# "主机:端口" and "[地址]:端口" are the syntax of a host and port: literal, allowed.
WRONG = re.compile(rf"{HAN} ?[?:,]|[?,] ?{HAN}|(?<![\]机址]):(?!端口) ?{HAN}|[。？！，：] (?={HAN})")


def wrong_in(text: str) -> list[str]:
    return [text[max(0, m.start() - 12):m.end() + 12] for m in WRONG.finditer(text)
            if not text[m.start():m.end() + 2].endswith((":端口", ":端"))]


def test_no_ascii_punctuation_between_chinese_characters_in_the_catalogue():
    found = []
    for message in ET.parse(CATALOGUE).iter("message"):
        translation = message.find("translation")
        found += wrong_in(translation.text or "")
    assert found == []


def test_the_checker_sees_what_it_looks_for():
    assert wrong_in("这个会议室将如何获得许可证?") and wrong_in("0xC004C020: 该 MAK 已没有")
    assert wrong_in("KMS 协议。 它能否") and not wrong_in("主机:端口") and not wrong_in("KMS 协议。它能否")


def test_sentences_join_without_a_space_after_a_chinese_full_stop():
    assert sentences("支持 KMS 协议。", "它能否激活") == "支持 KMS 协议。它能否激活"
    assert sentences("It speaks KMS.", "Whether") == "It speaks KMS. Whether"


@pytest.mark.parametrize("name", list(pdf_records.every_path()))
def test_every_rendered_summary_in_chinese(name):
    qm.install_for_cli("zh_CN")
    try:
        record = pdf_records.every_path()[name].to_record(now=pdf_records.NOW, machine="SRS-CONSOLE-01")
        text = html.unescape(re.sub(r"<[^>]+>", " ", summary_html(record, for_print=True)))
    finally:
        qm.install_for_cli("en")
    assert wrong_in(text) == []
