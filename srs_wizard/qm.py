"""Read a compiled Qt ``.qm`` catalogue without Qt, for the command line.

The GUI loads the same file with ``QTranslator``. Only what lupdate/lrelease write for this
project is read: the messages block (tag 0x69) with context, source and translation.
"""

from __future__ import annotations

import struct

from srs_wizard import i18n

QM_MAGIC = bytes([0x3C, 0xB8, 0x64, 0x18, 0xCA, 0xEF, 0x9C, 0x95, 0xCD, 0x21, 0x1C, 0xBF, 0x60, 0xA1, 0xBD, 0xDD])
_MESSAGES = 0x69
# Tags inside one message record.
_END, _TRANSLATION, _OBSOLETE1, _SOURCE_TEXT, _CONTEXT, _COMMENT = 1, 3, 5, 6, 7, 8


def read_qm(data: bytes) -> dict[tuple[str, str], str]:
    if not data.startswith(QM_MAGIC):
        raise ValueError("not a Qt translation catalogue")
    pos, catalogue = len(QM_MAGIC), {}
    while pos + 5 <= len(data):
        tag, length = data[pos], struct.unpack(">I", data[pos + 1:pos + 5])[0]
        block = data[pos + 5:pos + 5 + length]
        pos += 5 + length
        if tag == _MESSAGES:
            catalogue.update(_read_messages(block))
    return catalogue


def _read_messages(block: bytes) -> dict[tuple[str, str], str]:
    out, pos = {}, 0
    translation = source = context = None
    while pos < len(block):
        tag = block[pos]
        pos += 1
        if tag == _END:
            if source is not None and translation is not None:
                out[(context or "", source)] = translation
            translation = source = context = None
        elif tag == _TRANSLATION:
            (length,) = struct.unpack(">I", block[pos:pos + 4])
            pos += 4
            if length == 0xFFFFFFFF:
                continue
            translation = block[pos:pos + length].decode("utf-16-be")
            pos += length
        elif tag in (_SOURCE_TEXT, _CONTEXT, _COMMENT):
            (length,) = struct.unpack(">I", block[pos:pos + 4])
            pos += 4
            text = block[pos:pos + length].decode("utf-8")
            pos += length
            if tag == _SOURCE_TEXT:
                source = text
            elif tag == _CONTEXT:
                context = text
        elif tag == _OBSOLETE1:
            pos += 4
        elif tag in (2, 4):  # Tag_Obsolete / Tag_SourceText16 are not written by current lrelease
            raise ValueError(f"unsupported catalogue record {tag}")
        else:
            pos += 4  # numerus or other 32-bit fields
    return out


def install_for_cli(language: str) -> None:
    if language == "en":
        i18n.set_backend(None)
        return
    from pathlib import Path  # here: an English start needs neither, nor the paths module

    from srs_wizard.paths import translation_path

    path = translation_path(language)
    if path is None or not Path(path).exists():
        i18n.set_backend(None)
        return
    catalogue = read_qm(Path(path).read_bytes())
    i18n.set_backend(lambda context, text: catalogue.get((context, text)))
