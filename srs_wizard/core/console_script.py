"""The collector a technician runs on a Windows 7 console: written out from the program's data.

The script sources ship under resources/console (from source, a wheel or the frozen program,
found through ``srs_wizard.paths``); writing them turns line ends into CRLF, which cmd needs.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from srs_wizard.core.files import atomic_write_many
from srs_wizard.paths import resource_path

SCRIPT_NAME = "srs-collect.cmd"
SCRIPT_FILES = (SCRIPT_NAME, "srs-collect.vbs")


def script_sources() -> dict[str, bytes]:
    """The collector's files as written to the stick: ASCII with CRLF line ends."""
    sources = {}
    for name in SCRIPT_FILES:
        text = resource_path("console", name).read_text("ascii")
        sources[name] = text.replace("\r\n", "\n").replace("\n", "\r\n").encode("ascii")
    return sources


def write_console_script(folder: str | os.PathLike) -> Path:
    """Write the collector into ``folder`` (which must exist); returns the .cmd's path.

    Raises OSError (a missing or read-only folder) and leaves earlier copies untouched then.
    """
    target = Path(folder)
    if not target.exists():
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(target))
    if not target.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, os.strerror(errno.ENOTDIR), str(target))
    sources = script_sources()
    atomic_write_many([(target / name, data) for name, data in sources.items()])
    return target / SCRIPT_NAME
