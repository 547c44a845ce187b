"""One translation mechanism for the whole program, usable without Qt.

Every user-visible sentence outside a widget is written as ``translate(context, text)``:
the call is found by ``pyside6-lupdate`` (same signature as ``QCoreApplication.translate``)
and answered at run time by the active catalogue. The GUI plugs in Qt's translators; the
command line, which must not import Qt, reads the same compiled ``.qm`` catalogue with a
small reader (see ``qm.py``). So each string is translated exactly once, in the ``.ts``.
"""

from __future__ import annotations

from typing import Callable

_backend: Callable[[str, str], str] | None = None


def translate(context: str, text: str) -> str:
    if _backend is None:
        return text
    return _backend(context, text) or text


def set_backend(backend: Callable[[str, str], str] | None) -> None:
    global _backend
    _backend = backend
