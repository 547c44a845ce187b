"""Office/Windows product keys (the 2013+ format with one ``N``): normalise, check, mask.

Everything here is offline: the alphabet, the single ``N``, and the 10-bit checksum that
the key carries. The security value inside a key cannot be checked without Microsoft, so a
key that passes here can still be refused at activation.
"""

from __future__ import annotations

import bisect
import operator
import re
import unicodedata
from dataclasses import dataclass
from itertools import accumulate, compress

from srs_wizard.i18n import translate

ALPHABET = "BCDFGHJKMPQRTVWXY2346789"
KEY_LENGTH = 25
MASK_PREFIX = "*****-*****-*****-*****-"

LYNC_2013_GVLK = "2MG3G-3BNTT-3MFW9-KDQW3-TCK7R"

# Published KMS client keys (GVLKs). A GVLK typed where a MAK belongs is a mistake.
PUBLISHED_GVLKS = {
    "2MG3G3BNTT3MFW9KDQW3TCK7R": "Lync 2013",
    "YC7DKG2NP32QQC3J6H88GVGXT": "Office Professional Plus 2013",
    "KBKQT2NMXYJJWGPM62JB92CD4": "Office Standard 2013",
    "869NQFJ69K466HWQYCP2DDBV6": "Skype for Business 2016",
}

# Problem codes (stable: they appear in JSON).
TOO_SHORT = "too_short"
TOO_LONG = "too_long"
BAD_CHARACTER = "bad_character"
NO_N = "no_n"
MANY_N = "many_n"
N_LAST = "n_last"
CHECKSUM = "checksum"

_KEY_IN_TEXT = re.compile(
    r"(?<![A-Za-z0-9])([A-Za-z0-9]{5}(?:[-\s\u2013\u2014_./]+[A-Za-z0-9]{5}){4})(?![A-Za-z0-9])"
)

# A bad character is quoted in a problem only when it says nothing about the key: one of
# these look-alikes (the key has none of them) or one of the last five characters.
_QUOTABLE = frozenset("O0I1LS5AEUZ")
# More problems than this are counted, not listed: 1 MB of bad input is a short report.
MAX_PROBLEMS = 5


# --------------------------------------------------------------------------- the key finder
#
# One finder for every guard (check-key, the record, the draft, the PDF): each character is
# brought to its NFKC form and upper case; key characters are kept, separators and invisible
# characters (spaces of every kind, dashes, punctuation, symbols, zero-width and control
# characters, combining marks) are skipped, anything else (a vowel, 0, 1, 5, a Chinese
# character) ends a run. A whole key is 25 key characters in one run with exactly one N.

_KEY_CHARS = frozenset(ALPHABET + "N")
_SKIP, _BREAK = "_", "#"
_CACHE_LIMIT = 200_000


class _CharClasses(dict):
    """code point -> the key character it stands for, ``_`` (skipped) or ``#`` (breaks)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = unicodedata.normalize("NFKC", char).upper()
        if len(folded) == 1 and folded in _KEY_CHARS:
            kind = folded
        elif folded and all(unicodedata.category(c)[0] in "PSZCM" for c in folded):
            kind = _SKIP
        else:
            kind = _BREAK
        if len(self) < _CACHE_LIMIT:
            self[code] = kind
        return kind


_CLASSES = _CharClasses()
_RUN = re.compile(r"[BCDFGHJKMNPQRTVWXY2346789](?:_*[BCDFGHJKMNPQRTVWXY2346789]){24,}")


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


# The pre-filter's bytes: every ASCII byte that does not stand for a key character.
_ASCII_NOT_KEY = bytes(b for b in range(128) if chr(b).upper() not in _KEY_CHARS)


def could_hold_key(text: str) -> bool:
    """False when ``text`` surely holds no whole key: fewer than 25 characters that could stand
    for key characters. Each key character of the finder is one character of the text (its
    NFKC form, upper-cased), so an ASCII character counts only when it is one of the alphabet's
    (either case); any other character counts as if it could be one (full-width letters,
    compatibility forms). Counted in C: no per-character Python work."""
    if len(text) < KEY_LENGTH:
        return False
    ascii_part = text.encode("ascii", "ignore")
    candidates = len(text) - len(ascii_part) + len(ascii_part.translate(None, _ASCII_NOT_KEY))
    return candidates >= KEY_LENGTH


def _key_spans(text: str, first_only: bool = False) -> list[tuple[int, int, str, bool]]:
    """(start, end, key characters, set off) of each stretch of ``text`` that holds a whole key.

    Separators may stand anywhere, so a key can run on into a neighbouring word's letters
    ("installed KEY yesterday"). A candidate set off by separators at both ends (and inside
    only between its groups of five) is the key; when there is none, or candidates that such
    a key does not explain, all candidates of the run are masked together, so whichever of
    them was the key, no more than its last five characters remain.
    """
    if not could_hold_key(text):
        return []
    return _scan_spans(text, first_only)


def _scan_spans(text: str, first_only: bool) -> list[tuple[int, int, str, bool]]:
    """The careful scan behind ``_key_spans``, for any text (the pre-filter skipped)."""
    classes = text.translate(_CLASSES)  # one character for one: positions stay the same
    spans: list[tuple[int, int, str, bool]] = []
    for run in _RUN.finditer(classes):
        # Plain loops over a megabyte take seconds: the per-character work is done by
        # map/compress/accumulate, which iterate in C.
        found = run.group()
        positions = list(compress(range(run.start(), run.end()), map(_SKIP.__ne__, found)))
        chars = found.replace(_SKIP, "")
        n_before = list(accumulate(map("N".__eq__, chars), initial=0))
        ones = map((1).__eq__, map(operator.sub, n_before[KEY_LENGTH:], n_before))
        windows = list(compress(range(len(chars) - KEY_LENGTH + 1), ones))
        if not windows:
            continue

        first, last = positions[0], positions[-1]
        # The run itself begins or ends inside a word when a character that breaks it touches it.
        open_start = first == 0 or classes[first - 1] == _SKIP
        open_end = last + 1 == len(classes) or classes[last + 1] == _SKIP

        # gap[k]: separators stand between key characters k-1 and k; gaps[k]: how many up to k.
        gap = [False, *map((1).__lt__, map(operator.sub, positions[1:], positions))]
        gaps = list(accumulate(gap, initial=0))

        def set_off(i: int) -> bool:
            """Separators around it, and inside it only between groups of five (or none)."""
            j = i + KEY_LENGTH
            if not ((open_start if i == 0 else gap[i]) and (open_end if j == len(chars) else gap[j])):
                return False
            inside = gaps[j] - gaps[i + 1]  # gaps before characters i+1 .. j-1
            return inside == sum(gap[i + k] for k in (5, 10, 15, 20))

        clean: list[int] = []
        for i in windows:
            if set_off(i) and (not clean or i >= clean[-1] + KEY_LENGTH):
                clean.append(i)
        def explained(i: int) -> bool:
            """A candidate within two characters of a set-off key: at most 2 + 5 show."""
            k = bisect.bisect_left(clean, i)
            return any(abs(i - clean[j]) <= 2 for j in (k - 1, k) if 0 <= j < len(clean))

        if clean and all(explained(i) for i in windows):
            chosen = [(i, i + KEY_LENGTH) for i in clean]
            set_apart = True
        else:
            set_apart = False
            chosen = []
            for i in windows:
                if chosen and i <= chosen[-1][1]:
                    chosen[-1] = (chosen[-1][0], i + KEY_LENGTH)
                else:
                    chosen.append((i, i + KEY_LENGTH))
        for a, b in chosen:
            spans.append((positions[a], positions[b - 1] + 1, chars[a:b], set_apart))
            if first_only:
                return spans
    return spans


def contains_whole_key(text: str) -> bool:
    """Is a whole product key anywhere in ``text``, however it is spelled?"""
    return bool(_key_spans(text, first_only=True))


def mask_whole_keys(text: str) -> tuple[str, int]:
    """``text`` with each whole key replaced by its masked form, and how many there were.

    A set-off group of five times five letters and digits is masked too, whatever its N: a
    key mistyped (M for N) is still 24 characters of the real one, and left whole its last
    group would let the scan below borrow a neighbouring word's N and garble the text."""
    typed = 0
    if "-" in text or " " in text:
        text, typed = _KEY_IN_TEXT.subn(lambda m: MASK_PREFIX + _ascii_key_chars(m.group(1))[-5:].upper(), text)
    spans = _key_spans(text)
    if not spans:
        return text, typed
    out, last = [], 0
    for start, end, chars, _set_apart in spans:
        out.append(text[last:start])
        out.append(MASK_PREFIX + chars[-5:])
        last = end
    out.append(text[last:])
    return "".join(out), typed + len(spans)


def _ascii_key_chars(group_text: str) -> str:
    return "".join(c for c in group_text if c.isascii() and c.isalnum())


def _hint(char: str) -> str:
    hints = {
        "O": translate("product_key", "there is no O or 0 in product keys; perhaps D, Q or 9"),
        "0": translate("product_key", "there is no 0 or O in product keys; perhaps D, Q or 9"),
        "I": translate("product_key", "there is no I or 1 in product keys; perhaps J or 7"),
        "1": translate("product_key", "there is no 1 or I in product keys; perhaps J or 7"),
        "L": translate("product_key", "there is no L in product keys; perhaps 4 or 7"),
        "S": translate("product_key", "there is no S in product keys; perhaps 6 or 8"),
        "5": translate("product_key", "there is no 5 in product keys; perhaps 6 or 8"),
        "A": translate("product_key", "there is no A in product keys; perhaps 4"),
        "E": translate("product_key", "there is no E in product keys; perhaps 3 or 8"),
        "U": translate("product_key", "there is no U in product keys; perhaps V"),
        "Z": translate("product_key", "there is no Z in product keys; perhaps 2"),
    }
    return hints.get(char, "")


@dataclass(frozen=True)
class KeyProblem:
    code: str
    message: str
    position: int | None = None  # 1-based position among the 25 key characters

    def to_json(self) -> dict:
        return {"code": self.code, "message": self.message, "position": self.position}


@dataclass(frozen=True)
class KeyCheck:
    """The offline checks of one key. ``key`` is the normalised key: never log or store it."""

    key: str
    complete: bool
    characters_ok: bool
    single_n_ok: bool | None
    checksum_ok: bool | None
    gvlk: str | None
    problems: tuple[KeyProblem, ...]
    more_problems: int = 0  # bad characters beyond MAX_PROBLEMS, counted only

    @property
    def valid(self) -> bool:
        return self.complete and not self.problems and not self.more_problems

    @property
    def masked(self) -> str:
        return mask(self.key)

    def to_json(self) -> dict:
        return {
            "masked": self.masked,
            "valid": self.valid,
            "checksum_ok": self.checksum_ok,
            "gvlk": self.gvlk,
            "problems": [p.to_json() for p in self.problems],
            "more_problems": self.more_problems,
        }

    def __repr__(self) -> str:  # never show the key in a traceback or a log
        return f"KeyCheck(masked={self.masked!r}, valid={self.valid}, problems={len(self.problems)})"


def normalise(text: str) -> str:
    """The key's 25 (or however many were typed) characters, upper case, no separators.

    NFKC first (full-width characters from a Chinese input method become plain ones). A key
    embedded in a pasted line (``Product key: XXXXX-XXXXX-...``) is picked out.
    """
    text = _nfkc(text)
    spans = _key_spans(text, first_only=True)
    if spans and spans[0][3]:  # a key set off from the rest: what was typed around it is not the key
        return spans[0][2]
    match = _KEY_IN_TEXT.search(text)
    if match:
        text = match.group(1)
    kept = []
    for c in text:
        kind = _CLASSES[ord(c)]
        if kind == _SKIP:
            continue
        kept.append(kind if kind != _BREAK else (c.upper() if c.isascii() else c))
    return "".join(kept)


def mask_keys_in(value):
    """A copy of a JSON value (texts, lists, objects) with every whole key in its texts masked."""
    if isinstance(value, str):
        return mask_whole_keys(value)[0]
    if isinstance(value, dict):
        return {mask_keys_in(k): mask_keys_in(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [mask_keys_in(v) for v in value]
    return value


def group(key: str) -> str:
    """``ABCDEFGHIJ`` -> ``ABCDE-FGHIJ``: groups of five, as printed on a key."""
    return "-".join(key[i:i + 5] for i in range(0, len(key), 5))


def mask(key: str) -> str:
    """Only the last five characters, as Windows and Office show an installed key."""
    chars = normalise(key) if key else ""
    # Never more than what lies beyond the 20th character, so a short key shows nothing.
    tail = chars[max(20, len(chars) - 5):]
    return MASK_PREFIX + tail.rjust(5, "*")


def _decode(key: str) -> int:
    """The key as the integer it encodes: the position of N is the leading base-24 digit."""
    n_index = key.index("N")
    value = n_index
    for char in key[:n_index] + key[n_index + 1:]:
        value = value * 24 + ALPHABET.index(char)
    return value


def _crc32_bzip2(data: bytes) -> int:
    crc = 0xFFFFFFFF
    for byte in data:
        crc ^= byte << 24
        for _ in range(8):
            crc = ((crc << 1) ^ 0x04C11DB7) if crc & 0x80000000 else (crc << 1)
            crc &= 0xFFFFFFFF
    return crc ^ 0xFFFFFFFF


def checksum_ok(key: str) -> bool:
    """Does the 10-bit checksum in bits 103-112 match the rest of the key?"""
    value = _decode(key)
    stored = (value >> 103) & 0x3FF
    cleared = value & ~(0x3FF << 103)
    if cleared >= 1 << 128:
        return False
    return (_crc32_bzip2(cleared.to_bytes(16, "little")) & 0x3FF) == stored


def check(text: str) -> KeyCheck:
    """Every offline check of what was typed, each failure its own plain reason."""
    key = normalise(text)
    problems: list[KeyProblem] = []
    if len(key) < KEY_LENGTH:
        problems.append(KeyProblem(TOO_SHORT, translate(
            "product_key", "The key has {count} of 25 characters.").format(count=len(key))))
    elif len(key) > KEY_LENGTH:
        problems.append(KeyProblem(TOO_LONG, translate(
            "product_key", "The key has {count} characters; a product key has 25.").format(count=len(key))))

    bad = [(position, char) for position, char in enumerate(key, start=1) if char not in _KEY_CHARS]
    characters_ok = not bad
    for position, char in bad[:MAX_PROBLEMS]:
        hint = _hint(char)
        if char not in _QUOTABLE and position <= len(key) - 5:
            # Quoting it could spell out a key typed in look-alike letters: the position only.
            message = translate("product_key", "Character {position} cannot be in a product key.")
        elif hint:
            message = translate("product_key", "Character {position} (\"{char}\") cannot be in a product key: {hint}.")
        else:
            message = translate("product_key", "Character {position} (\"{char}\") cannot be in a product key.")
        message = message.format(position=position, char=char, hint=hint)
        problems.append(KeyProblem(BAD_CHARACTER, message, position))
    more_problems = max(0, len(bad) - MAX_PROBLEMS)

    n_positions = [i for i, c in enumerate(key, start=1) if c == "N"]
    single_n_ok: bool | None = None
    complete = len(key) == KEY_LENGTH
    if len(n_positions) > 1:
        single_n_ok = False
        problems.append(KeyProblem(MANY_N, translate(
            "product_key", "The key has {count} letters N; a product key has exactly one.").format(
                count=len(n_positions)), n_positions[1]))
    elif complete and not n_positions:
        single_n_ok = False
        problems.append(KeyProblem(NO_N, translate(
            "product_key", "The key has no letter N; a product key has exactly one.")))
    elif complete and n_positions == [KEY_LENGTH]:
        single_n_ok = False
        problems.append(KeyProblem(N_LAST, translate(
            "product_key", "The letter N cannot be the last character of a product key."), KEY_LENGTH))
    elif complete:
        single_n_ok = True

    sum_ok: bool | None = None
    if complete and characters_ok and single_n_ok:
        sum_ok = checksum_ok(key)
        if not sum_ok:
            problems.append(KeyProblem(CHECKSUM, translate(
                "product_key",
                "The checksum does not match: at least one character is mistyped (compare each group with the "
                "original).",
            )))
    gvlk = PUBLISHED_GVLKS.get(key) if complete else None
    return KeyCheck(key, complete, characters_ok, single_n_ok, sum_ok, gvlk, tuple(problems), more_problems)


def gvlk_message(product: str) -> str:
    return translate(
        "product_key",
        "This is the public KMS client key (GVLK) of {product}, not a MAK: it activates only against a KMS host.",
    ).format(product=product)
