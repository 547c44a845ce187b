"""Why a path cannot be written, in words."""

from __future__ import annotations

from srs_wizard.i18n import translate


def not_a_regular_file(kind: str, reading: bool = False) -> str:
    what = {
        "device": translate("files", "it is a device"),
        "fifo": translate("files", "it is a named pipe (FIFO)"),
        "directory": translate("files", "it is a folder"),
        "socket": translate("files", "it is a socket"),
    }.get(kind, translate("files", "it is a special file"))
    if reading:
        return translate("files", "not a regular file ({what})").format(what=what)
    return translate("files", "not a regular file ({what}); choose a file name").format(what=what)


def too_large(limit: int) -> str:
    for unit in (1024 * 1024, 1_000_000):
        if limit >= unit and limit % unit == 0:
            return translate("files", "larger than {count} MB").format(count=limit // unit)
    return translate("files", "larger than {count} bytes").format(count=limit)


def same_file(other: str, other_is_output: bool) -> str:
    if other_is_output:
        return translate("files", "the same file as the other output {path}; choose another name").format(path=other)
    return translate("files", "the same file as the input {path}; writing it would destroy it").format(path=other)
