"""Why a path cannot be written, in words."""

from __future__ import annotations

from srs_wizard.i18n import translate


def not_a_regular_file(kind: str) -> str:
    what = {
        "device": translate("files", "it is a device"),
        "fifo": translate("files", "it is a named pipe (FIFO)"),
        "directory": translate("files", "it is a folder"),
        "socket": translate("files", "it is a socket"),
    }.get(kind, translate("files", "it is a special file"))
    return translate("files", "not a regular file ({what}); choose a file name").format(what=what)
