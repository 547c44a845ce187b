"""Finishing after a save: the folder of the PDF and its record is offered, and remembered."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QTimer, QUrl
from PySide6.QtWidgets import QApplication, QMessageBox, QWizard

from tests.test_save_pdf import to_summary


def save(page, wizard, qtbot, path: Path) -> None:
    page.choose_save_path = lambda suggested: str(path)
    wizard.button(QWizard.CustomButton1).click()
    qtbot.waitUntil(lambda: not page.busy, timeout=10000)
    assert path.exists()


def test_finish_offers_the_folder_and_opens_it(make_wizard, qtbot, tmp_path):
    wizard = make_wizard()
    page, failures = to_summary(wizard)
    folder = tmp_path / "rollout" / "3F"
    folder.mkdir(parents=True)
    save(page, wizard, qtbot, folder / "room.pdf")
    offered, opened = [], []
    page.offer_folder = lambda f: offered.append(f) or True
    page.open_url = opened.append
    wizard.button(QWizard.FinishButton).click()
    assert offered == [str(folder)]
    assert opened == [QUrl.fromLocalFile(str(folder))] and opened[0].toLocalFile() == str(folder)
    assert not wizard.isVisible() and not failures


def test_declining_opens_nothing_and_still_finishes(make_wizard, qtbot, tmp_path):
    wizard = make_wizard()
    page, _failures = to_summary(wizard)
    save(page, wizard, qtbot, tmp_path / "room.pdf")
    opened = []
    page.offer_folder = lambda f: False
    page.open_url = opened.append
    wizard.button(QWizard.FinishButton).click()
    assert opened == [] and not wizard.isVisible()


def test_nothing_offered_when_nothing_was_saved(make_wizard, qtbot):
    wizard = make_wizard()
    page, _failures = to_summary(wizard)
    offered = []
    page.offer_folder = lambda f: offered.append(f) or True
    page.open_url = offered.append
    page.confirm_unsaved = lambda: True
    wizard.button(QWizard.FinishButton).click()
    assert offered == [] and not wizard.isVisible()


def test_the_question_names_the_folder_and_offers_to_open_it(make_wizard, qtbot, tmp_path):
    wizard = make_wizard()
    page, _failures = to_summary(wizard)
    box, open_button = page.folder_question(str(tmp_path))
    assert str(tmp_path) in box.text()
    assert open_button.accessibleName() == "Open the folder" and open_button in box.buttons()
    assert box.buttonRole(open_button) == QMessageBox.AcceptRole and box.defaultButton() is open_button
    assert len(box.buttons()) == 2
    box.deleteLater()


def test_save_remembers_the_folder_for_the_next_room(make_wizard, qtbot, tmp_path, settings):
    wizard = make_wizard()
    page, _failures = to_summary(wizard)
    folder = tmp_path / "rollout"
    folder.mkdir()
    save(page, wizard, qtbot, folder / "room.pdf")
    page.offer_folder = lambda f: False
    wizard.button(QWizard.FinishButton).click()
    settings.sync()
    # The next room, in a new window with the same settings: the dialog opens in that folder.
    again = make_wizard()
    page2, _ = to_summary(again)
    suggested = []
    page2.choose_save_path = lambda s: suggested.append(s) or ""
    again.button(QWizard.CustomButton1).click()
    assert Path(suggested[0]).parent == folder and suggested[0].endswith(".pdf")


@pytest.mark.qt_log_ignore("does not support propagateSizeHints")  # the offscreen platform, on a dialog
def test_the_real_question_opens_the_folder_when_its_button_is_clicked(make_wizard, qtbot, tmp_path):
    wizard = make_wizard()
    page, _failures = to_summary(wizard)
    save(page, wizard, qtbot, tmp_path / "room.pdf")
    page.offer_folder = page._offer_folder  # the real question, as the technician sees it
    opened, seen = [], []
    page.open_url = opened.append

    def click_open():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            button = next(b for b in box.buttons() if b.accessibleName() == "Open the folder")
            seen.append(box.text())
            button.click()
        else:
            QTimer.singleShot(20, click_open)

    QTimer.singleShot(0, click_open)
    wizard.button(QWizard.FinishButton).click()
    assert seen and str(tmp_path) in seen[0]
    assert opened == [QUrl.fromLocalFile(str(tmp_path))] and not wizard.isVisible()
