"""The headless commands stay headless: drawing a PDF loads no widget module."""

from __future__ import annotations

import os
import subprocess
import sys

from tests.test_pdf import NOW, session_for


def test_summary_command_loads_no_widgets(tmp_path):
    rec_path = tmp_path / "rec.json"
    rec_path.write_text(session_for("kms").to_record(now=NOW).dumps(), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-X", "importtime", "-m", "srs_wizard", "summary", str(rec_path),
                             "-o", str(tmp_path / "out.pdf")], capture_output=True, text=True, timeout=60, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    imported = [line.rsplit("|", 1)[-1].strip() for line in result.stderr.splitlines() if "|" in line]
    assert "PySide6.QtGui" in imported  # the PDF is drawn with Qt...
    assert not [m for m in imported if "QtWidgets" in m or m.startswith("srs_wizard.ui")]  # ...but no widgets
