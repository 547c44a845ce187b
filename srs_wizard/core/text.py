"""Text as the program meets it: bytes from a console (UTF-8, UTF-16 with or without a byte
order mark, GBK), lists typed or stored as one string, and untrusted text shown as what it is
(control, C1 and bidi characters as escapes). One of each, for every reader.

A console report, a pasted ospp.vbs output or a DNS answer may hold ``ESC [ 2 J`` (a
terminal clears the screen), U+009B (the one-character CSI), or U+202E (the line after it is
drawn right to left, so ``exe.txt`` reads as ``txt.exe``). Shown here they are ``\\x1b``,
``\\x9b`` and ``\\u202e``: visible, and inert in a terminal, a label or a PDF.
"""

from __future__ import annotations

import codecs
import re

_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))
_SAMPLE = 4096
# Patterns as text: ``re`` compiles each on its first use (and keeps it), not at every start.
_LIST_SEPARATORS = r"[\s,;]+"


def sniff(data: bytes) -> tuple[str | None, int]:
    """(encoding, length of its byte order mark) when the bytes say it, else (None, 0).

    A byte order mark decides; without one, UTF-16 is told by its zero bytes in the first
    4 KB (the high byte of ASCII characters: one side of the pairs is mostly zero, the
    other almost never)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding, len(bom)
    sample = data[:_SAMPLE]
    if len(sample) >= 2:
        half = len(sample) // 2
        even_zeros = sample[0::2].count(0)
        odd_zeros = sample[1::2].count(0)
        if odd_zeros > half * 0.3 and even_zeros < half * 0.05:
            return "utf-16-le", 0
        if even_zeros > half * 0.3 and odd_zeros < half * 0.05:
            return "utf-16-be", 0
    return None, 0


def decode_strict(data: bytes) -> str:
    """UTF-8 or UTF-16, with or without a byte order mark. Raises UnicodeDecodeError."""
    encoding, skip = sniff(data)
    return data[skip:].decode(encoding or "utf-8")


def decode_lenient(data: bytes, fallbacks: tuple[str, ...] = ("utf-8", "gbk")) -> str:
    """Never fails: the sniffed encoding (bad bytes replaced), else the first of ``fallbacks``
    that decodes the whole, else Latin-1."""
    encoding, skip = sniff(data)
    if encoding is not None:
        return data[skip:].decode(encoding, errors="replace")
    for fallback in fallbacks:
        try:
            return data.decode(fallback)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def split_list(text: str | None) -> list[str]:
    """A list written as one string (domains, DNS servers, hosts; a registry value): items
    separated by commas, semicolons or white space."""
    return [part for part in re.split(_LIST_SEPARATORS, text or "") if part]

# C0 controls but TAB and LF, DEL and the C1 controls, the bidi controls (embeddings,
# overrides, isolates, the marks), the line and paragraph separators, lone surrogates.
_UNSAFE = ("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
           "\u2028\u2029\ud800-\udfff]")
# The same in JSON text, where C0 controls are escaped already.
_UNSAFE_IN_JSON = "[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]"


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str, *, breaks: bool = True) -> str:
    """``text`` with every control, C1 and bidi character as a visible escape (``\\x1b``,
    ``\\u202e``); tabs and line breaks (LF, CR LF) stay what they are, unless ``breaks`` is
    false (a file name, which is one line: ``\\x0a``, ``\\x0d``, ``\\x09``)."""
    if text.isascii() and text.isprintable():
        return text
    if not breaks:
        return re.sub(_UNSAFE, _escape, re.sub("[\t\n\r]", _escape, text))
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    return re.sub(_UNSAFE, _escape, text)


def visible_json(text: str) -> str:
    """JSON text with the characters ``json.dumps(ensure_ascii=False)`` leaves raw (C1 and
    bidi controls, line separators) as ``\\u`` escapes: still the same JSON."""
    if text.isascii() and "\x7f" not in text:
        return text
    return re.sub(_UNSAFE_IN_JSON, lambda m: f"\\u{ord(m.group()):04x}", text)
