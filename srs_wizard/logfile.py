"""The wizard's log file: what happened, for the technician or support to read afterwards.

A windowed program has no console, so warnings and unexpected errors would otherwise be
lost. The file sits next to the draft, is kept small (two files of 512 kB), and never holds
a product key: nothing logs one, and the tests read the log to make sure.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

LOG_NAME = "srs-wizard.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


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
    handler.setFormatter(logging.Formatter(_FORMAT))
    logger.addHandler(handler)
    logger.setLevel(logging.INFO)
    return path
