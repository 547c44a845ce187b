"""The pinned packaging stack must exist as Windows wheels for the Python the exe is built
with, so a pin without a Windows build fails here, not on the technician's build machine."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The Python the Windows exe is built with (README, "The packaged program").
PACKAGED_PYTHON = "3.11"


def runtime_pins() -> list[str]:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    block = text.split("dependencies = [", 1)[1].split("]", 1)[0]
    return re.findall(r'"([^"]+==[^"]+)"', block)


def test_readme_names_the_packaged_python():
    assert f"Python {PACKAGED_PYTHON}" in (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.network
def test_pins_resolve_to_windows_wheels(tmp_path):
    pins = runtime_pins()
    assert any(p.startswith("PySide6-Essentials==") for p in pins)
    cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:",
           "--platform", "win_amd64", "--python-version", PACKAGED_PYTHON,
           "--implementation", "cp", "-d", str(tmp_path),
           "-r", str(ROOT / "packaging" / "requirements-build.txt"), *pins]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=600)
    if proc.returncode != 0 and ("Could not fetch" in proc.stderr or "NewConnectionError" in proc.stderr):
        pytest.skip("the package index cannot be reached from here")
    assert proc.returncode == 0, proc.stderr[-2000:]
    wheels = {p.name.split("-")[0].lower() for p in tmp_path.glob("*.whl")}
    for name in ("pyside6_essentials", "shiboken6", "pyinstaller"):
        assert name in wheels, (name, sorted(wheels))
    assert any("win_amd64" in p.name for p in tmp_path.glob("pyside6_essentials*.whl"))
