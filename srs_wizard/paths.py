"""Where the program's files are: from source, from an installed wheel, or frozen."""

from __future__ import annotations

import sys
from functools import lru_cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@lru_cache(maxsize=1)
def resource_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:  # PyInstaller: collected under the package name, as in a wheel
        return Path(frozen_root) / "srs_wizard" / "resources"
    installed = _PACKAGE / "resources"  # a wheel: resources/ ships as srs_wizard.resources
    if installed.is_dir():
        return installed
    return _PACKAGE.parent / "resources"  # the source tree (also an editable install)


def resource_path(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


def translation_path(language: str) -> Path | None:
    path = resource_path("translations", f"srs_wizard_{language}.qm")
    return path if path.exists() else None
