"""Steps through the wizard that several tests share."""

from __future__ import annotations

import contextlib
import os
import subprocess

import pytest
from PySide6.QtWidgets import QWizard

from srs_wizard import flow


def fill_welcome(wizard, technician="Ana Técnica", customer="Contoso Ltd", site="Room 1"):
    page = wizard.welcome
    for edit, value in ((page.technician, technician), (page.customer, customer), (page.site, site)):
        edit.setFocus()
        edit.clear()
        edit.insert(value)  # like typing: emits textEdited
    assert wizard.button(QWizard.NextButton).isEnabled()


def go_to_kms(wizard, qtbot, choice=flow.CHOICE_UNSURE):
    fill_welcome(wizard)
    wizard.next()
    assert wizard.currentId() == flow.Page.CHOOSE_PATH
    wizard.choose_path.buttons[choice].click()
    wizard.next()
    assert wizard.currentId() == flow.Page.KMS_CHECK
    return wizard.kms_page


@contextlib.contextmanager
def read_only(folder):
    """A folder nobody may write to, root included (chmod, and the immutable flag for root)."""
    folder.chmod(0o555)
    immutable = False
    if os.geteuid() == 0:
        immutable = subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
        if not immutable:
            folder.chmod(0o755)
            pytest.skip("cannot make a folder read-only for root here (no chattr)")
    try:
        yield folder
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], check=True)
        folder.chmod(0o755)


class Heartbeat:
    """A 10 ms timer on the GUI thread: its longest gap shows whether the loop stalled, and
    its count that it really ran meanwhile."""

    def __init__(self):
        import time

        from PySide6.QtCore import QTimer

        self._clock = time.perf_counter
        self.last = self._clock()
        self.longest = 0.0
        self.count = 0
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._beat)
        self.timer.start()

    def _beat(self):
        now = self._clock()
        self.longest = max(self.longest, now - self.last)
        self.count += 1
        self.last = now

    def stop(self):
        self.timer.stop()
