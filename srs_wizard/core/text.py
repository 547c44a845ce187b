"""Text from untrusted files, shown as what it is: control, C1 and bidi characters as escapes.

A console report, a pasted ospp.vbs output or a DNS answer may hold ``ESC [ 2 J`` (a
terminal clears the screen), U+009B (the one-character CSI), or U+202E (the line after it is
drawn right to left, so ``exe.txt`` reads as ``txt.exe``). Shown here they are ``\\x1b``,
``\\x9b`` and ``\\u202e``: visible, and inert in a terminal, a label or a PDF.
"""

from __future__ import annotations

import re

# C0 controls but TAB and LF, DEL and the C1 controls, the bidi controls (embeddings,
# overrides, isolates, the marks), the line and paragraph separators, lone surrogates.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
                     "\u2028\u2029\ud800-\udfff]")
# The same in JSON text, where C0 controls are escaped already.
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029]")


def _escape(match: re.Match) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with every control, C1 and bidi character as a visible escape (``\\x1b``,
    ``\\u202e``); tabs and line breaks (LF, CR LF) stay what they are."""
    if text.isascii() and text.isprintable():
        return text
    if "\r\n" in text:
        text = text.replace("\r\n", "\n")
    return _UNSAFE.sub(_escape, text)


def visible_json(text: str) -> str:
    """JSON text with the characters ``json.dumps(ensure_ascii=False)`` leaves raw (C1 and
    bidi controls, line separators) as ``\\u`` escapes: still the same JSON."""
    if text.isascii() and "\x7f" not in text:
        return text
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)
