"""Office/Windows product keys (the 2013+ format with one ``N``): normalise, check, mask.

Everything here is offline: the alphabet, the single ``N``, and the 10-bit checksum that
the key carries. The security value inside a key cannot be checked without Microsoft, so a
key that passes here can still be refused at activation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
    r"(?<![A-Za-z0-9])([A-Za-z0-9]{5}(?:[-\s]+[A-Za-z0-9]{5}){4})(?![A-Za-z0-9])"
)


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

    @property
    def valid(self) -> bool:
        return self.complete and not self.problems

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
        }

    def __repr__(self) -> str:  # never show the key in a traceback or a log
        return f"KeyCheck(masked={self.masked!r}, valid={self.valid}, problems={len(self.problems)})"


def normalise(text: str) -> str:
    """The key's 25 (or however many were typed) characters, upper case, no separators.

    A key embedded in a pasted line (``Product key: XXXXX-XXXXX-...``) is picked out.
    """
    match = _KEY_IN_TEXT.search(text)
    if match:
        text = match.group(1)
    return "".join(c for c in text.upper() if not (c.isspace() or c in "-–—_."))


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

    characters_ok = True
    for position, char in enumerate(key, start=1):
        if char in ALPHABET or char == "N":
            continue
        characters_ok = False
        hint = _hint(char)
        if hint:
            message = translate("product_key", "Character {position} (\"{char}\") cannot be in a product key: {hint}.")
        else:
            message = translate("product_key", "Character {position} (\"{char}\") cannot be in a product key.")
        message = message.format(position=position, char=char, hint=hint)
        problems.append(KeyProblem(BAD_CHARACTER, message, position))

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
                "The checksum does not match: at least one character is mistyped (compare each group with the original).",
            )))
    gvlk = PUBLISHED_GVLKS.get(key) if complete else None
    return KeyCheck(key, complete, characters_ok, single_n_ok, sum_ok, gvlk, tuple(problems))


def gvlk_message(product: str) -> str:
    return translate(
        "product_key",
        "This is the public KMS client key (GVLK) of {product}, not a MAK: it activates only against a KMS host.",
    ).format(product=product)
