"""A console report read from its file, by the one bounded reader of input files.

Apart from ``console`` (which reads bytes) so that the file rules (``files``, whose refusals
are worded) stay out of the report's model.
"""

from __future__ import annotations

from srs_wizard.core import console, files


def read_file(path: str) -> console.ConsoleReport:
    """Read at most the size limit from ``path``: a bigger file is refused unread
    (ConsoleReportError, too large); a FIFO, a device or a folder is refused unopened
    (files.NotARegularFile, an OSError); OSError when it cannot be read."""
    try:
        raw = files.read_bounded(path, console.MAX_BYTES)
    except files.TooLarge:
        raise console.ConsoleReportError(
            [console.ReportProblem("", console.TOO_LARGE, {"limit": console.MAX_BYTES})]) from None
    return console.loads(raw, file=str(path))
