"""Both languages everywhere: catalogue, GUI, layout, PDF and the command line."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtWidgets import QWizard

from srs_wizard import flow
from srs_wizard.lang import normalise_language
from tests.conftest import C_LOCALE
from tests.helpers import fill_welcome

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "resources" / "translations" / "srs_wizard_zh_CN.ts"
QM = TS.with_suffix(".qm")
GLOSSARY = ROOT / "resources" / "translations" / "GLOSSARY.md"
BIN = Path(sys.executable).parent
CJK = re.compile(r"[\u4e00-\u9fff]")


def messages(ts: Path):
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.find("name").text
        for message in context.iter("message"):
            yield name, message.find("source").text, message.find("translation")


def same_text_allowed() -> set[str]:
    section = GLOSSARY.read_text("utf-8").split("may equal the English source")[1].split("##")[0]
    return set(re.findall(r"`([^`]+)`", section))


def test_every_source_string_has_a_finished_translation(tmp_path):
    # Extract again from the code now: nothing in it may be missing from the catalogue.
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    sources = sorted(str(p) for p in (ROOT / "srs_wizard").rglob("*.py"))
    subprocess.run([str(BIN / "pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources, "-ts", str(fresh)],
                   check=True, capture_output=True)
    allowed = same_text_allowed()
    count = 0
    for context, source, translation in messages(fresh):
        count += 1
        assert translation is not None and translation.get("type") is None, f"{context}: {source!r} unfinished"
        text = translation.text or ""
        assert text.strip(), f"{context}: {source!r} has no translation"
        if text == source:
            assert source in allowed, f"{context}: {source!r} is not translated (and not in the glossary)"
        assert sorted(re.findall(r"\{[^}]*\}", source)) == sorted(re.findall(r"\{[^}]*\}", text)), source
    assert count > 300


def test_compiled_catalogue_is_up_to_date(tmp_path):
    out = tmp_path / "check.qm"
    subprocess.run([str(BIN / "pyside6-lrelease"), str(TS), "-qm", str(out)], check=True, capture_output=True)
    assert out.read_bytes() == QM.read_bytes(), "run `make translations` and commit the .qm"


def test_cli_reader_reads_what_qt_reads():
    from PySide6.QtCore import QTranslator

    from srs_wizard.qm import read_qm

    catalogue = read_qm(QM.read_bytes())
    translator = QTranslator()
    assert translator.load(str(QM))
    for (context, source), text in list(catalogue.items())[::7]:
        assert translator.translate(context, source) == text


@pytest.mark.parametrize("name, expected", [
    ("zh_CN", "zh_CN"), ("zh-SG", "zh_CN"), ("zh-Hans", "zh_CN"), ("zh-Hans-HK", "zh_CN"),
    ("zh_CN.UTF-8", "zh_CN"), ("zh-TW", None), ("zh-Hant", None), ("en_US", "en"), ("de_DE", None), ("C", "en"),
])
def test_system_language_mapping(name, expected):
    assert normalise_language(name) == expected


@pytest.fixture
def english_after():
    yield
    from srs_wizard.ui import language

    language.install("en")


def test_gui_in_chinese_and_switching_keeps_typing(make_wizard, english_after):
    wizard = make_wizard(language="zh_CN")
    assert CJK.search(wizard.welcome.title())
    assert wizard.button(QWizard.CancelButton).text() == "取消"
    assert "下一步" in wizard.button(QWizard.NextButton).text()
    fill_welcome(wizard, technician="王小明", customer="Contoso", site="Room 9")
    wizard.welcome.language.setCurrentIndex(wizard.welcome.language.findData("en"))
    wizard.welcome.language.activated.emit(wizard.welcome.language.currentIndex())
    assert wizard.welcome.title() == "Skype Room System licensing"
    assert wizard.button(QWizard.CancelButton).text() == "Cancel"
    assert wizard.welcome.technician.text() == "王小明" and wizard.welcome.site.text() == "Room 9"
    assert wizard.settings.value("ui/language") == "en"
    wizard.welcome.language.activated.emit(wizard.welcome.language.findData("zh_CN"))
    assert CJK.search(wizard.welcome.title())
    wizard.next()
    for page_id in (flow.Page.CHOOSE_PATH, flow.Page.KMS_CHECK, flow.Page.MAK, flow.Page.PROMO, flow.Page.ACTIVATION,
                    flow.Page.SUMMARY):
        page = wizard.page(page_id)
        assert CJK.search(page.title()), (page_id, page.title())
    wizard.choose_path.buttons[flow.CHOICE_PROMO].click()
    wizard.next()
    assert CJK.search(wizard.promo_page.labels["company"].text())


def mnemonic_clashes(wizard, page):
    """Alt+letter keys used twice on one page (its own controls, shown now or after a check,
    and the wizard buttons shown with it): Qt then only moves the focus between them."""
    from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel

    buttons = [wizard.button(b) for b in (QWizard.BackButton, QWizard.NextButton, QWizard.FinishButton,
                                          QWizard.CancelButton, QWizard.HelpButton, QWizard.CustomButton1)]
    texts = [b.text() for b in buttons if b.isVisibleTo(wizard)]
    texts += [b.text() for b in page.findChildren(QAbstractButton)]
    texts += [g.title() for g in page.findChildren(QGroupBox)]
    texts += [label.text() for label in page.findChildren(QLabel) if label.buddy() is not None]
    seen = {}
    for text in texts:
        for match in re.finditer(r"&([^&])", text.replace("&&", "")):
            seen.setdefault(match.group(1).lower(), []).append(text)
    return {key: found for key, found in seen.items() if len(found) > 1}


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_each_alt_key_does_one_thing_per_page(make_wizard, english_after, language):
    wizard = make_wizard(language=language)
    wizard.ensure_pages()
    for page_id in flow.Page:
        wizard.setStartId(page_id)
        wizard.restart()
        assert wizard.currentId() == page_id
        assert mnemonic_clashes(wizard, wizard.currentPage()) == {}, page_id


@pytest.mark.parametrize("scale", ["1", "1.5"])
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_no_text_is_clipped(language, scale):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=scale)
    result = subprocess.run([sys.executable, "-m", "tests.layout_check", language], capture_output=True, text=True,
                            timeout=120, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    problems = json.loads(result.stdout.strip().splitlines()[-1])
    assert problems == []


def test_cli_speaks_chinese_and_keeps_json_the_same(dnsmasq, kms_zone, cli):
    zone, _ = kms_zone
    server = dnsmasq(zone)
    args = ["check-kms", "--domain", "contoso.test", "--nameserver", server.address]
    chinese = cli("--lang", "zh_CN", *args, env=C_LOCALE)
    assert chinese.returncode == 0
    assert "KMS 已就绪" in chinese.stdout and "后续步骤" in chinese.stdout
    english = cli(*args, env=C_LOCALE)
    assert "KMS is ready" in english.stdout
    after = cli(*args, "--lang", "zh_CN", "--json", env=C_LOCALE)
    plain = cli(*args, "--json", env=C_LOCALE)

    def codes(data):
        return [(d["name"], d["status"], d["source"]) for d in data["domains"]], data["verdict"], \
            [h["target"] for h in data["hosts"]]

    assert codes(json.loads(after.stdout)) == codes(json.loads(plain.stdout))
    # The tables line up in a terminal: each column starts at the same screen column in the
    # header, the rule and the rows, with Chinese characters two columns wide.
    from srs_wizard.core.present.report import display_width

    lines = chinese.stdout.splitlines()
    assert "域" in lines[0] and set(lines[1]) <= {"-", " "}

    def cell_columns(line):  # screen column where each cell starts (cells are two spaces apart)
        return [display_width(line[:m.start()]) for m in re.finditer(r"(?:^|(?<=  ))\S", line)]

    assert len(cell_columns(lines[1])) == 5
    assert cell_columns(lines[0]) == cell_columns(lines[1]) == cell_columns(lines[2])
    assert CJK.search(json.loads(after.stdout)["domains"][0]["message"])  # the message is in the language
    bad = cli("--lang", "zh_CN", "check-kms", "--domain", "a..b", env=C_LOCALE)
    assert bad.returncode == 2 and CJK.search(bad.stderr)


def test_pdf_in_chinese_has_chinese_headings_and_dates(tmp_path, cli):
    from pypdf import PdfReader

    from tests.test_pdf import NOW, session_for

    rec = tmp_path / "rec.json"
    rec.write_text(session_for("promo").to_record(now=NOW).dumps(), encoding="utf-8")
    result = cli("--lang", "zh_CN", "summary", str(rec), "-o", str(tmp_path / "zh.pdf"), env=C_LOCALE)
    assert result.returncode == 0, result.stderr
    text = "\n".join(p.extract_text(extraction_mode="layout") for p in PdfReader(str(tmp_path / "zh.pdf")).pages)
    for heading in ("Skype 会议室系统", "促销 MAK", "后续步骤", "技术人员"):
        assert heading in text
    assert "2026年12月1日" in text and "2026年11月28日" in text
    english = cli("--lang", "en", "summary", str(rec), "-o", str(tmp_path / "en.pdf"), env=C_LOCALE)
    assert english.returncode == 0
    text = "\n".join(p.extract_text(extraction_mode="layout") for p in PdfReader(str(tmp_path / "en.pdf")).pages)
    assert "1 Dec 2026" in text and "Next steps" in text


@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_key_report_values_line_up(language, cli):
    from srs_wizard.core.present.report import display_width

    result = cli("--lang", language, "check-key", "NKHVT-7P3QF-GYVCC-J2CXV-8MCT2", env=C_LOCALE)
    assert result.returncode == 1
    rows = result.stdout.splitlines()[:5]
    assert rows[0].endswith("*****-*****-*****-*****-8MCT2")
    # The value after each label starts at one screen column, whatever the labels' language.
    columns = {display_width(row[:re.search(r"\s(\S+)$", row).start(1)]) for row in rows}
    assert len(columns) == 1, rows
    assert ("通过" if language == "zh_CN" else "ok") in rows[1]
