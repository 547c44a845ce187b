"""The wizard's log file: what happened, for the technician or support to read afterwards.

A windowed program has no console, so warnings and unexpected errors would otherwise be
lost. The file sits next to the draft, is kept small (two files of 512 kB), and never holds
a product key: nothing logs one on purpose, and what a message carries from outside (a
file name, an exception's text) passes the key finder on its way to the file.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

LOG_NAME = "srs-wizard.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


class _MaskedFormatter(logging.Formatter):
    """Formats as usual, then cuts every whole product key in the line (traceback included)
    to its last five characters: a technician may name a file after a key."""

    def format(self, record: logging.LogRecord) -> str:
        from srs_wizard.core.product_key import mask_whole_keys

        return mask_whole_keys(super().format(record))[0]


def setup(folder: Path) -> Path | None:
    """Send the program's log records to ``folder/srs-wizard.log``; None if it cannot be written."""
    from logging.handlers import RotatingFileHandler

    path = Path(folder) / LOG_NAME
    logger = logging.getLogger("srs_wizard")
    for handler in logger.handlers:
        if isinstance(handler, RotatingFileHandler) and handler.baseFilename == os.path.abspath(path):
            return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        # A FIFO or a device there would block the open (on the GUI thread) or swallow the log.
        if path.exists() and not path.is_file():
            return None
        handler = RotatingFileHandler(path, maxBytes=512 * 1024, backupCount=1, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(_MaskedFormatter(_FORMAT))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return path
