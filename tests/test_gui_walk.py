"""Every page of the wizard, in both languages, at 1280x800 and at 1920x1080 with 150 %
scaling (offscreen, in a subprocess: the scale factor must be set before Qt starts): no
visible control clipped by its parent or the window, every control a finger uses at least
40x40 px, a wrong value typed into a field moves no other field. A screenshot of each page
is kept in the test's temporary folder. And the language switch rewords every page."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


def walk(language: str, width: int, height: int, scale: str, folder: Path) -> list[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_SCALE_FACTOR=scale)
    # The window's size in Qt's logical pixels: the screen's pixels over the scale factor.
    logical = (round(width / float(scale)), round(height / float(scale)))
    result = subprocess.run([sys.executable, "-m", "tests.layout_check", "walk", language, *map(str, logical),
                             str(folder)], capture_output=True, text=True, timeout=180, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("width, height, scale", [(1280, 800, "1"), (1920, 1080, "1.5")])
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_every_page_fits_a_finger(tmp_path, language, width, height, scale):
    problems = walk(language, width, height, scale, tmp_path)
    assert problems == []
    shots = sorted(p.name for p in tmp_path.glob(f"{language}-*.png"))
    from srs_wizard.ui.wizard import PAGES

    assert len(shots) >= len(PAGES)  # each page of the wizard was shown and photographed


@pytest.mark.parametrize("first, then", [("en", "zh_CN"), ("zh_CN", "en")])
def test_the_language_switch_rewords_every_page_at_once(first, then):
    """Each page after the button row's switch reads exactly as in a wizard started in that language."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "tests.layout_check", "reword", first, then], capture_output=True,
                            text=True, timeout=180, env=env, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
