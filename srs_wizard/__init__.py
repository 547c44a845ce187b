"""srs-wizard: how a Skype Room System's Skype for Business client gets its volume license."""

from __future__ import annotations

APP_NAME = "srs-wizard"
ORGANIZATION = "srs-wizard"


def _version() -> str:
    from importlib import metadata

    try:
        return metadata.version(APP_NAME)
    except metadata.PackageNotFoundError:  # a source tree that was never installed
        import re
        from pathlib import Path

        pyproject = Path(__file__).resolve().parent.parent / "pyproject.toml"
        match = re.search(r'^version\s*=\s*"([^"]+)"', pyproject.read_text("utf-8"), re.M)
        return match.group(1) if match else "0+unknown"


def __getattr__(name: str) -> str:
    # Computed on first use: importlib.metadata costs more than the whole KMS check.
    if name == "__version__":
        value = _version()
        globals()["__version__"] = value
        return value
    raise AttributeError(name)
