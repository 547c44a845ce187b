"""Where the program's files are: from source, from an installed wheel, or frozen."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_dir() -> Path:
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "srs_wizard" / "resources"
    try:
        from importlib import resources

        return Path(str(resources.files("srs_wizard.resources")))
    except ModuleNotFoundError:  # a source tree run without installing
        return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


def translation_path(language: str) -> Path | None:
    path = resource_path("translations", f"srs_wizard_{language}.qm")
    return path if path.exists() else None
