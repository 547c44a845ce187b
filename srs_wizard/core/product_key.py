"""Office/Windows product keys (the 2013+ format with one ``N``): normalise, check, mask.

Everything here is offline: the alphabet, the single ``N``, and the 10-bit checksum that
the key carries. The security value inside a key cannot be checked without Microsoft, so a
key that passes here can still be refused at activation.
"""

from __future__ import annotations

import bisect
import codecs
import operator
import re
import unicodedata
import zlib
from dataclasses import dataclass
from itertools import accumulate, compress, repeat

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

# A bad character is quoted in a problem only when it says nothing about the key: one of
# these look-alikes (the key has none of them) or one of the last five characters.
_QUOTABLE = frozenset("O0I1LS5AEUZ")
# More problems than this are counted, not listed: 1 MB of bad input is a short report.
MAX_PROBLEMS = 5


# --------------------------------------------------------------------------- the key finder
#
# One finder for every guard (check-key, the record, the draft, the PDF, the console report,
# the log, the command line's output): each character is brought to its NFKC form and upper
# case and classed. A key character stands for itself. Separators and whatever renders as
# nothing or as a blank are skipped: spaces of every kind, dashes, punctuation, symbols,
# control and format characters (bidi controls, zero-width characters), combining marks, the
# Hangul fillers, and terminal escape sequences whole (``ESC [ 0 m``). A letter or digit that
# no key has (a vowel, 0, 1, 5) is ``?``: a typo, or the end of a word. Anything else (a
# Chinese character) is ``#``. The mask itself (``*****-*****-*****-*****-``) is ``#`` too,
# so the five characters it shows never join the text after it into a new key.
#
# The 25 key characters with exactly one N are found in each run of key characters and
# separators. A stretch whose checksum holds is the key and is cut exactly to its own last
# five; so is one set off by separators (a key with a typo). Five groups of five set off
# (``YC7DK-G2MP3-...``) are a key mistyped (M for N, an O for a Q) and are masked too. What
# is left ambiguous is masked together, so that whichever stretch was the key, at most five
# of its characters remain in a row.

_KEY_CHARS = frozenset(ALPHABET + "N")
_SKIP, _BREAK, _OTHER = "_", "#", "?"
_CACHE_LIMIT = 200_000
# Letters that render as blanks (Hangul fillers): separators, like the spaces.
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0")


class _CharClasses(dict):
    """code point -> the key character it stands for, ``_`` (skipped), ``?`` (a letter or
    digit no key has) or ``#`` (breaks)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = unicodedata.normalize("NFKC", char).upper()
        if len(folded) == 1 and folded in _KEY_CHARS:
            kind = folded
        elif folded and all(c in _BLANK_LETTERS or unicodedata.category(c)[0] in "PSZCM" for c in folded):
            kind = _SKIP
        elif len(folded) == 1 and folded.isascii() and folded.isalnum():
            kind = _OTHER
        else:
            kind = _BREAK
        if len(self) < _CACHE_LIMIT:
            self[code] = kind
        return kind


_CLASSES = _CharClasses()
_K = "BCDFGHJKMNPQRTVWXY2346789"
_RUN = re.compile(rf"[{_K}](?:_*[{_K}]){{24,}}")
# Five or more groups of five letters and digits, each group set off by separators. The
# pattern opens with its character set (the look-behind after the first character: "no
# letter or digit before it"), so the engine skips to candidates in C.
_CHAIN = re.compile(rf"[{_K}?](?<![{_K}?][{_K}?])[{_K}?]{{4}}(?:_++[{_K}?]{{5}}){{4,}}(?![{_K}?])")
_GROUP = re.compile(rf"[{_K}?]{{5}}")
# Terminal escape sequences and the mask (which breaks). A sequence with parameters
# (``ESC [ 0 m``), the bare reset ``ESC [ m`` and a character set (``ESC ( B``) are skipped
# whole; of ``ESC M`` or ``ESC [ K`` only the introducer, since the letter after it may as
# well be a key's first (the text is read the other way too).
_PATCH = re.compile(r"(?:\x1b\[|\x9b)(?:[0-?]+[ -/]*[@-~]|[ -/]+[@-~]|m)|(?:\x1b\]|\x9d)[0-9]*;?|"
                    r"\x1b[ -/]+[0-~]|\*{5}-\*{5}-\*{5}-\*{5}-")
_LONG_COMPONENT = 2_000
_MASKS = re.compile(r"\*{5}-\*{5}-\*{5}-\*{5}-")
_TYPOS = 2  # letters or digits no key has, at most, in a group of five times five that is masked
_SHORTEST = KEY_LENGTH - _TYPOS  # characters a text needs to hold a key (with its typos)
_CHECKSUM_BUDGET = 100_000  # checksums tried per text (a few thousand keys); beyond, separators decide


def _nfkc(text: str) -> str:
    return unicodedata.normalize("NFKC", text)


def _classes(text: str, escapes: bool = True) -> str:
    """One class character for each character of ``text`` (positions stay the same); with
    ``escapes``, terminal escape sequences are skipped whole."""
    classes = text.translate(_CLASSES)
    if "*****-" in text or escapes and _has_escape(text):
        pieces, last = [], 0
        for m in (_PATCH if escapes else _MASKS).finditer(text):
            pieces.append(classes[last:m.start()])
            pieces.append((_BREAK if m.group().startswith("*") else _SKIP) * (m.end() - m.start()))
            last = m.end()
        pieces.append(classes[last:])
        classes = "".join(pieces)
    return classes


def _has_escape(text: str) -> bool:
    return "\x1b" in text or "\x9b" in text or "\x9d" in text


# The pre-filter's bytes: every ASCII byte that does not stand for a key character.
_ASCII_NOT_KEY = bytes(b for b in range(128) if chr(b).upper() not in _KEY_CHARS)


def _candidates(text: str) -> int:
    ascii_part = text.encode("ascii", "ignore")
    return len(text) - len(ascii_part) + len(ascii_part.translate(None, _ASCII_NOT_KEY))


def could_hold_key(text: str) -> bool:
    """False when ``text`` surely holds no whole key: fewer than 25 characters that could stand
    for key characters. Each key character of the finder is one character of the text (its
    NFKC form, upper-cased), so an ASCII character counts only when it is one of the alphabet's
    (either case); any other character counts as if it could be one (full-width letters,
    compatibility forms). Counted in C: no per-character Python work."""
    return len(text) >= KEY_LENGTH and _candidates(text) >= KEY_LENGTH


def could_hold_key_in_texts(texts: list[str]) -> bool:
    """False when no whole key (nor a set-off group the masker would cut) can be in any of
    ``texts`` or in texts of them side by side: the pre-filter of ``_key_spans`` run once
    over all of them joined by line breaks. Every search of that pre-filter finds in the
    joined text whatever it finds in a part of it (a line break is a separator at each
    join), so False here is False for each text and each run of them. Used before masking
    a whole report: one search instead of one per text. Over 64 kB in all, True: each text
    then decides alone (most long texts are ruled out by their count of key characters)."""
    if sum(map(len, texts)) > _JOINED_LIMIT:
        return True
    return not _surely_keyless("\n".join(texts))


_JOINED_LIMIT = 65_536


class _Span:
    """A stretch of the text to mask: [start, end), the five characters shown and where they
    stand (``tail``), the key characters it holds, and whether it is one key set off from the
    text around it (``certain``: then what was typed around it is not the key), and whether
    it surely is one key (``sure``: its checksum holds, or it is set off)."""

    __slots__ = ("start", "end", "tail", "shown", "chars", "certain", "sure")

    def __init__(self, start: int, end: int, tail: int, shown: str, chars: str, certain: bool,
                 sure: bool | None = None) -> None:
        self.start, self.end, self.tail, self.shown, self.chars, self.certain = start, end, tail, shown, chars, certain
        self.sure = certain if sure is None else sure

    def copy(self) -> _Span:
        return _Span(self.start, self.end, self.tail, self.shown, self.chars, self.certain, self.sure)

    def as_tuple(self) -> tuple[int, int, str, bool]:
        return self.start, self.end, self.chars, self.certain

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Span) and self.as_tuple() == other.as_tuple() and self.shown == other.shown

    def __repr__(self) -> str:  # never the key itself
        return f"_Span({self.start}, {self.end}, shown={self.shown!r}, certain={self.certain})"


def _key_spans(text: str, first_only: bool = False) -> list[_Span]:
    """The stretches of ``text`` to mask, each a whole key (or a key mistyped), in order.

    ``first_only``: only whether a whole key (25 key characters, one N) is there at all."""
    if _surely_keyless(text):
        return []
    return _scan_spans(text, first_only)


# The pre-filter: the scan's two patterns (_RUN, _CHAIN) decided on the classes of the text,
# in C. Each character becomes one byte of its class: a key's character (either case) or
# another letter or digit is itself, a character the scan skips is a space, one that breaks
# is 0x80 (ASCII is its own class; only the other characters are looked up, in runs, by
# the encoder's error handler). Then _RUN is 25 key characters in a row once the spaces are
# gone, and _CHAIN (as the scan uses it: at most two letters no key has in the five) is
# five words of exactly five letters or digits in a row. Where neither
# is there, the scan finds nothing: a few passes over bytes instead of the scan's set-up,
# whatever the length of the text (a megabyte of log without a key is not scanned).
_BREAK_BYTE = 0x80
_ALNUM = frozenset(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
_RUN_TABLE = bytes((ord("k") if chr(b).upper() in _KEY_CHARS else ord("a")) if b in _ALNUM
                   else ord("|") if b == _BREAK_BYTE else b for b in range(256))
_RUN_DELETE = bytes(b for b in range(128) if b not in _ALNUM)
_CHAIN_TABLE = bytes(ord("a") if b in _ALNUM else ord("|") if b == _BREAK_BYTE else ord(" ") for b in range(256))
_FIVE_GROUPS = b" " + b" ".join([b"aaaaa"] * 5) + b" "
_CLASS_BYTES = bytes.maketrans(f"{_SKIP}{_OTHER}{_BREAK}".encode(), b" O\x80")
_CLASS_ERRORS = "srs-wizard-key-classes"


def _class_bytes_of(error: UnicodeEncodeError) -> tuple[bytes, int]:
    """The class bytes of a run of non-ASCII characters (see above)."""
    part = error.object[error.start:error.end]
    return part.translate(_CLASSES).encode("ascii").translate(_CLASS_BYTES), error.end


codecs.register_error(_CLASS_ERRORS, _class_bytes_of)


def _surely_keyless(text: str) -> bool:
    """True when the scan would find nothing in ``text`` (neither of its patterns is there)."""
    if len(text) < _SHORTEST or _candidates(text) < KEY_LENGTH - _TYPOS:
        return True
    if _has_escape(text):
        return False  # read twice by the scan, escapes skipped and not
    data = text.encode("ascii", _CLASS_ERRORS)
    if b"k" * KEY_LENGTH in data.translate(_RUN_TABLE, _RUN_DELETE):
        return False
    # Five groups the scan takes for a key mistyped hold at most two letters no key has:
    # three of them, at least, are five key characters in a row.
    if data.translate(_RUN_TABLE).count(b"kkkkk") < 3:
        return True
    words = b" ".join(data.translate(_CHAIN_TABLE).replace(b"|", b" | ").split())
    return _FIVE_GROUPS not in b" " + words + b" "


def _fold(text: str) -> str:
    return "".join(_nfkc(c).upper() for c in text)


def _span_chars(text: str, span: _Span) -> str:
    """The key characters a span holds, typos included, as ``check`` reads them."""
    if span.chars:
        return span.chars
    return "".join(_nfkc(c).upper() for c in text[span.start:span.end] if _CLASSES[ord(c)] != _SKIP)


def _overlapping(starts: list[int], ends: list[int], a: int, b: int) -> range:
    """Indices of the ranges (sorted, none inside another) that overlap [a, b)."""
    return range(bisect.bisect_right(ends, a), bisect.bisect_left(starts, b))


class _Run:
    """One run of key characters and separators: where each key character stands, the key
    characters, and the starts of its stretches of 25 with exactly one N."""

    __slots__ = ("positions", "chars", "windows", "window_positions")

    def __init__(self, positions: list[int], chars: str, windows: list[int]) -> None:
        self.positions, self.chars, self.windows = positions, chars, windows
        self.window_positions = list(map(positions.__getitem__, windows))

    def span(self, a: int, b: int, certain: bool, sure: bool | None = None) -> _Span:
        p = self.positions
        return _Span(p[a], p[b - 1] + 1, p[b - 5], self.chars[b - 5:b], self.chars[a:b], certain, sure)


def _scan_spans(text: str, first_only: bool) -> list[_Span]:
    """The careful scan behind ``_key_spans``, for any text (the pre-filter skipped).

    A text with terminal escapes is read twice, the escapes skipped and as the characters
    they are (``ESC [`` may stand before a key's first letters, which a terminal would not
    take for a sequence): what either reading finds is masked."""
    spans = _scan_classes(text, _classes(text), first_only)
    if not _has_escape(text) or (first_only and spans):
        return spans
    # The second reading differs only where an escape stands: the rest is not read again.
    near = [m.start() for m in _INTRODUCER.finditer(text)]
    return _merge(spans + _scan_classes(text, _classes(text, escapes=False), first_only, near))


_INTRODUCER = re.compile("[\x1b\x9b\x9d]")


def _holds(near: list[int] | None, start: int, end: int) -> bool:
    """Does [start, end), or the few characters before it (an introducer and its
    parameters), hold one of the sorted positions ``near`` (None: everything does)?"""
    if near is None:
        return True
    k = bisect.bisect_left(near, start - 32)
    return k < len(near) and near[k] < end


def _scan_classes(text: str, classes: str, first_only: bool, near: list[int] | None = None) -> list[_Span]:
    runs: list[_Run] = []
    for run in _RUN.finditer(classes):
        if not _holds(near, run.start(), run.end()):
            continue
        # Plain loops over a megabyte take seconds: the per-character work is done by
        # map/compress/accumulate, which iterate in C.
        found = run.group()
        chars = found.replace(_SKIP, "")
        n_before = list(accumulate(map("N".__eq__, chars), initial=0))
        ones = map((1).__eq__, map(operator.sub, n_before[KEY_LENGTH:], n_before))
        windows = list(compress(range(len(chars) - KEY_LENGTH + 1), ones))
        if not windows:
            continue
        if first_only:
            return [_Span(run.start(), run.end(), run.end(), "", "", False)]
        positions = list(compress(range(run.start(), run.end()), map(_SKIP.__ne__, found)))
        runs.append(_Run(positions, chars, windows))
    typed = _Typed(text, classes, near) if not first_only else None
    if not runs and not (typed and typed.starts):
        return []

    budget = _CHECKSUM_BUDGET
    exact: list[_Span] = []     # keys whose checksum holds
    pending = []                # per run: what the checksum did not settle
    for run in runs:
        positions, chars, windows = run.positions, run.chars, run.windows
        first, last = positions[0], positions[-1]
        # The run itself begins or ends inside a word when a character that breaks it touches it.
        open_start = first == 0 or classes[first - 1] == _SKIP
        open_end = last + 1 == len(classes) or classes[last + 1] == _SKIP
        # gap[k]: separators stand between key characters k-1 and k; gaps[k]: how many up to k.
        gap = [False, *map((1).__lt__, map(operator.sub, positions[1:], positions))]
        gaps = list(accumulate(gap, initial=0))
        edge = [open_start, *gap[1:], open_end]  # separators (or the run's open end) before k

        # Set off: separators (or the run's open ends) around it, and inside it only between
        # groups of five (or none at all).
        ends_open = map(operator.and_, map(edge.__getitem__, windows),
                        map(edge.__getitem__, map(KEY_LENGTH.__add__, windows)))
        cand = list(compress(windows, ends_open))
        inside = map(operator.sub, map(gaps.__getitem__, map(KEY_LENGTH.__add__, cand)),
                     map(gaps.__getitem__, map((1).__add__, cand)))
        between = map(operator.add,
                      map(operator.add, map(gap.__getitem__, map((5).__add__, cand)),
                          map(gap.__getitem__, map((10).__add__, cand))),
                      map(operator.add, map(gap.__getitem__, map((15).__add__, cand)),
                          map(gap.__getitem__, map((20).__add__, cand))))
        off = list(compress(cand, map(operator.eq, inside, between)))

        tried = windows[:max(0, budget)]
        budget -= len(windows)
        valid = list(compress(tried, map(_checksum_holds, map(operator.getitem, repeat(chars),
                                                              map(slice, tried, map(KEY_LENGTH.__add__, tried))))))
        # A stretch whose checksum holds but is not set off yields to a set-off key with a
        # typo (or a typed group of five times five) it overlaps: a checksum of ten bits
        # holds by chance for one stretch in a thousand.
        accepted: list[list] = []
        if valid:
            off_set, valid_set = set(off), set(valid)
            rivals = [i for i in off if i not in valid_set]
            rival_starts = [positions[i] for i in rivals]
            rival_ends = [positions[i + KEY_LENGTH - 1] + 1 for i in rivals]
            for v in valid:
                a, b = positions[v], positions[v + KEY_LENGTH - 1] + 1
                if v not in off_set and (
                        any((rival_starts[k], rival_ends[k]) != (a, b)
                            for k in _overlapping(rival_starts, rival_ends, a, b))
                        or any((typed.starts[k], typed.ends[k]) != (a, b)
                               for k in _overlapping(typed.starts, typed.ends, a, b))):
                    continue
                if accepted and v < accepted[-1][1]:
                    accepted[-1][1] = v + KEY_LENGTH  # two overlap: neither is sure, both go
                    accepted[-1][2] = accepted[-1][3] = False
                else:
                    accepted.append([v, v + KEY_LENGTH, v in off_set, True])
        for a, b, apart, sure in accepted:
            exact.append(run.span(a, b, apart, sure))
        # What overlaps a key whose checksum holds is that key: the rest is left to separators.
        rest, off_rest = _without(windows, accepted), _without(off, accepted)
        if rest:
            pending.append((run, rest, off_rest))

    # Typed groups over a key whose checksum holds are that key.
    exact_starts = [s.start for s in exact]
    exact_ends = [s.end for s in exact]
    kept = [k for k in range(len(typed.starts))
            if not _overlapping(exact_starts, exact_ends, typed.starts[k], typed.ends[k])]
    kept_starts = [typed.starts[k] for k in kept]
    kept_ends = [typed.ends[k] for k in kept]
    spans = list(exact)
    spans.extend(typed.merged(kept))
    for run, rest, off_rest in pending:
        positions = run.positions
        first, last = positions[0], positions[-1]
        anchors = []
        clean: list[int] = []
        for i in off_rest:
            if not clean or i >= clean[-1] + KEY_LENGTH:
                clean.append(i)
                anchors.append((i, i + KEY_LENGTH))
        for k in _overlapping(kept_starts, kept_ends, first, last + 1):
            anchors.append((bisect.bisect_left(positions, kept_starts[k]),
                            bisect.bisect_left(positions, kept_ends[k])))
        anchors.sort()
        anchor_starts = [a for a, _ in anchors]

        def explained(i: int) -> bool:
            """Within two characters of a set-off key at each end: at most 2 + 5 show."""
            k = bisect.bisect_right(anchor_starts, i + 2)
            return any(anchors[j][1] >= i + KEY_LENGTH - 2 for j in range(max(0, k - 3), k))

        # Stretches that overlap or touch form one component.
        cuts = [0, *compress(range(1, len(rest)), map(operator.lt, map(KEY_LENGTH.__add__, rest), rest[1:])),
                len(rest)]
        for c0, c1 in zip(cuts, cuts[1:]):
            component = rest[c0:c1]
            # A component of thousands of stretches is no one key set off: masked as one.
            if anchors and len(component) <= _LONG_COMPONENT and all(map(explained, component)):
                lo, hi = bisect.bisect_left(clean, component[0]), bisect.bisect_right(clean, component[-1])
                spans.extend(run.span(c, c + KEY_LENGTH, True) for c in clean[lo:hi])
            else:
                spans.append(run.span(component[0], component[-1] + KEY_LENGTH, False))

    spans.sort(key=lambda s: s.start)
    return _close(spans, runs, typed, classes)


def _without(windows: list[int], spans: list[list]) -> list[int]:
    """``windows`` (sorted starts) but those overlapping one of ``spans`` ([a, b), sorted)."""
    if not spans:
        return windows
    out: list[int] = []
    last = 0
    for a, b, *_ in spans:
        lo = bisect.bisect_right(windows, a - KEY_LENGTH, last)
        out.extend(windows[last:lo])
        last = max(lo, bisect.bisect_left(windows, b, lo))
    out.extend(windows[last:])
    return out


class _Typed:
    """Every five groups of five set off with at most two letters no key has, as sorted
    starts, ends and the starts of their last groups."""

    def __init__(self, text: str, classes: str, near: list[int] | None = None) -> None:
        self.text = text
        self.starts: list[int] = []
        self.ends: list[int] = []
        self.tails: list[int] = []
        for chain in _CHAIN.finditer(classes):
            if not _holds(near, chain.start(), chain.end()):
                continue
            groups = [(m.start(), m.end(), m.group().count(_OTHER))
                      for m in _GROUP.finditer(classes, chain.start(), chain.end())]
            sums = list(accumulate((g[2] for g in groups), initial=0))
            for k in compress(range(len(groups) - 4), map(_TYPOS.__ge__, map(operator.sub, sums[5:], sums))):
                self.starts.append(groups[k][0])
                self.tails.append(groups[k + 4][0])
                self.ends.append(groups[k + 4][1])

    def shown(self, k: int) -> str:
        return "".join(_nfkc(c).upper() for c in self.text[self.tails[k]:self.ends[k]])

    def merged(self, kept: list[int]) -> list[_Span]:
        """The kept groups as spans, overlapping ones as one (not sure then)."""
        out: list[_Span] = []
        first = last = None
        for k in [*kept, None]:
            if k is not None and first is not None and self.starts[k] < self.ends[last]:
                last = k
                continue
            if first is not None:
                one = first == last
                out.append(_Span(self.starts[first], self.ends[last], self.tails[last], self.shown(last), "", one))
            first = last = k
        return out


def _merge(spans: list[_Span]) -> list[_Span]:
    """Overlapping stretches as one (neither is sure then), in order."""
    out: list[_Span] = []
    for span in sorted(spans, key=lambda s: s.start):
        if out and span.start < out[-1].end:
            _join(out[-1], span)
        else:
            out.append(span.copy())
    return out


def _join(prev: _Span, span: _Span) -> None:
    if span.end > prev.end:
        prev.end, prev.tail, prev.shown = span.end, span.tail, span.shown
    if (span.start, span.end) != (prev.start, prev.end):
        prev.certain = prev.sure = False
        prev.chars = ""


def _close(spans: list[_Span], runs: list[_Run], typed: _Typed, classes: str) -> list[_Span]:
    """Merge overlapping spans, and extend a span over every stretch that starts among the
    five characters it shows and that no later mask cuts: masked, the text holds no whole
    key (nor a typed group of five times five) any more. A span that is not surely one key
    also takes the rest of the word it ends in (``…KVYY4`` + ``OGMKDY``, a key with a typo):
    the five it shows are then the word's last."""
    run_starts = [run.positions[0] for run in runs]
    out: list[_Span] = []
    for n, span in enumerate(spans):
        if out and span.start < out[-1].end:
            _join(out[-1], span)
        else:
            out.append(span.copy())
        current = out[-1]
        following = spans[n + 1].start if n + 1 < len(spans) else None
        while True:
            w = _window_from(current, runs, run_starts, typed, following)
            if w is not None:
                current.end, current.tail, current.shown = w
                current.certain = current.sure = False
                current.chars = ""
                continue
            if current.sure or not _rest_of_word(current, classes, typed.text, following):
                break
    return out


_WORD = re.compile(rf"[{_K}?]+")


def _rest_of_word(span: _Span, classes: str, text: str, following: int | None) -> bool:
    """Extend ``span`` to the end of the word (letters and digits, no separator) it ends in."""
    word = _WORD.match(classes, span.end)
    if word is None or (following is not None and word.end() > following):
        return False
    end = word.end()
    added = _fold(text[span.end:end])
    if end - span.end >= 5:
        span.tail, span.shown = end - 5, added[-5:]
    else:
        span.shown = (span.shown + added)[-5:]
    span.end = end
    return True


def _window_from(span: _Span, runs: list[_Run], run_starts: list[int], typed: _Typed, following: int | None):
    """A stretch that starts among the five characters ``span`` shows, runs on past it and is
    not cut by the next mask (starting at ``following``): (end, tail, shown), or None."""
    best = None
    r = bisect.bisect_right(run_starts, span.tail) - 1
    if r >= 0:
        run = runs[r]
        k = bisect.bisect_left(run.window_positions, span.tail)
        while k < len(run.windows) and run.window_positions[k] < span.end:
            i = run.windows[k]
            b = i + KEY_LENGTH
            end = run.positions[b - 1] + 1
            if end > span.end and (following is None or following >= end) and (best is None or end > best[0]):
                best = (end, run.positions[b - 5], run.chars[b - 5:b])
            k += 1
    k = bisect.bisect_left(typed.starts, span.tail)
    while k < len(typed.starts) and typed.starts[k] < span.end:
        end = typed.ends[k]
        if end > span.end and (following is None or following >= end) and (best is None or end > best[0]):
            best = (end, typed.tails[k], typed.shown(k))
        k += 1
    return best


def contains_whole_key(text: str) -> bool:
    """Is a whole product key anywhere in ``text``, however it is spelled?"""
    return could_hold_key(text) and bool(_scan_spans(text, first_only=True))


def mask_whole_keys(text: str) -> tuple[str, int]:
    """``text`` with each whole key replaced by its masked form, and how many there were.

    A set-off group of five times five letters and digits is masked too, whatever its N: a
    key mistyped (M for N) is still 24 characters of the real one."""
    spans = _key_spans(text)
    if not spans:
        return text, 0
    out, last = [], 0
    for span in spans:
        out.append(text[last:span.start])
        out.append(MASK_PREFIX + span.shown)
        last = span.end
    out.append(text[last:])
    return "".join(out), len(spans)


@dataclass(frozen=True)
class KeyProblem:
    """One failed check, as a code and what is safe to show: ``core.present.product_key``
    words it. ``params``: ``count`` (characters or letters N), ``char`` (a rejected character,
    only when quoting it says nothing about the key)."""

    code: str
    position: int | None = None  # 1-based position among the 25 key characters
    params: tuple[tuple[str, object], ...] = ()

    def param(self, name: str, default=None):
        return dict(self.params).get(name, default)

    def to_json(self) -> dict:
        return {"code": self.code, "position": self.position}


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


# A group of five times five letters and digits set off in a line: the key ``normalise``
# picks out when the finder is not sure of one (``Product key: XXXXX-XXXXX-...``).
_TYPED_KEY = re.compile(
    r"(?<![A-Za-z0-9])([A-Za-z0-9]{5}(?:[-\s\u2013\u2014_./]+[A-Za-z0-9]{5}){4})(?![A-Za-z0-9])"
)


def normalise(text: str) -> str:
    """The key's 25 (or however many were typed) characters, upper case, no separators.

    NFKC first (full-width characters from a Chinese input method become plain ones). A key
    embedded in a pasted line (``Product key: XXXXX-XXXXX-...``) is picked out.
    """
    text = _nfkc(text)
    spans = _key_spans(text)
    if spans and spans[0].certain:  # a key set off: what was typed around it is not the key
        return _span_chars(text, spans[0])
    match = _TYPED_KEY.search(text)
    if match:
        text = match.group(1)
    kept = []
    for c in text:
        kind = _CLASSES[ord(c)]
        if kind == _SKIP:
            continue
        kept.append(kind if kind not in (_BREAK, _OTHER) else (c.upper() if c.isascii() else c))
    return "".join(kept)


def mask_keys_in(value, report=None):
    """A copy of a JSON value (texts, lists, objects) with every whole key in its texts and
    names masked, also a key split over adjacent texts of one list (printed side by side).

    ``report(path, count)`` hears of each text where keys were masked (``a.b[2]``), in the
    order the texts stand. The walk keeps its own stack: a value nested thousands deep is
    masked like a flat one."""
    root: list = [None]
    stack: list = [(value, root, 0, "", None)]
    while stack:
        source, target, slot, path, done = stack.pop()
        if done is not None:  # a text of a list, masked with its neighbours
            masked, count = done
        elif isinstance(source, str):
            # A text shorter than a key with two typos holds none (as _key_spans decides
            # first): no call for each of the many short texts.
            masked, count = mask_whole_keys(source) if len(source) >= _SHORTEST else (source, 0)
        elif isinstance(source, dict):
            out: dict = {}
            target[slot] = out
            children = []
            for name, item in source.items():
                if isinstance(name, str) and len(name) >= _SHORTEST:
                    name = mask_whole_keys(name)[0]
                # A number, a flag, null or a short text is itself: no step of the walk (unless
                # two names were masked alike: then the walk's order decides, as it always did).
                if name in out or isinstance(item, (dict, list, tuple)) or (
                        isinstance(item, str) and len(item) >= _SHORTEST):
                    out[name] = None
                    children.append((item, out, name, (f"{path}.{name}" if path else str(name)) if report else "",
                                     None))
                else:
                    out[name] = item
            stack.extend(reversed(children))
            continue
        elif isinstance(source, (list, tuple)):
            items = list(source)
            target[slot] = items
            texts = _mask_adjacent(items)
            later = []
            for i, item in enumerate(items):
                done = texts.get(i)
                if done is not None:
                    if not done[1]:  # masked with its neighbours, none found in it: no report
                        items[i] = done[0]
                        continue
                elif not isinstance(item, (dict, list, tuple)):
                    continue
                later.append((item, items, i, f"{path}[{i}]" if report else "", done))
            stack.extend(reversed(later))
            continue
        else:
            target[slot] = source
            continue
        if count and report is not None:
            report(path, count)
        target[slot] = masked
    return root[0]


def contains_key_in(value) -> bool:
    """Is a whole key in any text or name of this JSON value, or split over adjacent texts
    of one of its lists? (Iterative, like ``mask_keys_in``.)"""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if contains_whole_key(item):
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, (list, tuple)):
            run: list[str] = []
            for part in [*item, None]:  # each run of adjacent texts, as mask_keys_in joins them
                if isinstance(part, str):
                    run.append(part)
                    continue
                if len(run) > 1 and contains_whole_key("\n".join(run)):
                    return True
                run = []
            stack.extend(item)
    return False


def mask_key_runs(text: str) -> str:
    """The stricter rule for what ospp.vbs prints: every run of 25 or more key characters and
    dashes is cut to its last five, an N or not; then every whole key, as ``mask_whole_keys``."""

    def masked(match: re.Match) -> str:
        chars = match.group(0).replace("-", "")
        return MASK_PREFIX + chars[-5:].upper() if len(chars) >= KEY_LENGTH else match.group(0)

    return mask_whole_keys(_KEY_RUN.sub(masked, text))[0]


# Any run of key characters (and dashes) long enough to hold a whole key.
_KEY_RUN = re.compile(rf"[{_K}{_K.lower()}-]{{25,}}")


def _mask_adjacent(items: list) -> dict[int, tuple[str, int]]:
    """The texts among ``items`` masked, each run of adjacent texts as one text (joined by
    line breaks), so a key split over two of them is found: index -> (masked, count)."""
    done: dict[int, tuple[str, int]] = {}
    i = 0
    while i < len(items):
        if not isinstance(items[i], str):
            i += 1
            continue
        j = i
        while j < len(items) and isinstance(items[j], str):
            j += 1
        if j - i == 1:
            done[i] = mask_whole_keys(items[i])
        else:
            joined = "\n".join(items[i:j])
            spans = _key_spans(joined)
            if not spans:
                done.update((k, (items[k], 0)) for k in range(i, j))
            else:
                bounds, offset = [], 0
                for k in range(i, j):
                    bounds.append((offset, offset + len(items[k])))
                    offset += len(items[k]) + 1
                for k, result in zip(range(i, j), _apply(joined, spans, bounds)):
                    done[k] = result
        i = j
    return done


def _apply(joined: str, spans: list, bounds: list[tuple[int, int]]) -> list[tuple[str, int]]:
    """Each part ``bounds`` of ``joined`` with the spans masked: a span that runs over several
    parts leaves its mask in the first and the rest of the last."""
    results = []
    si = 0
    for start, end in bounds:
        pieces, pos, count = [], start, 0
        while si < len(spans) and spans[si].start < end:
            span = spans[si]
            if span.start >= pos:
                pieces.append(joined[pos:span.start])
                pieces.append(MASK_PREFIX + span.shown)
                count += 1
            if span.end <= end:
                pos = max(pos, span.end)
                si += 1
            else:
                pos = end
                break
        pieces.append(joined[pos:end])
        results.append(("".join(pieces), count))
    return results


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


def _checksum_reference(key: str) -> bool:
    """The checksum as documented, bit by bit: the fast one below is tested against it."""
    value = _decode(key)
    stored = (value >> 103) & 0x3FF
    cleared = value & ~(0x3FF << 103)
    if cleared >= 1 << 128:
        return False
    return (_crc32_bzip2(cleared.to_bytes(16, "little")) & 0x3FF) == stored


_BASE24 = str.maketrans(ALPHABET, "0123456789abcdefghijklmn")
_DIGITS24 = "0123456789abcdefghijklmn"
_REVERSED_BITS = bytes(int(f"{b:08b}"[::-1], 2) for b in range(256))
_CLEAR = ~(0x3FF << 103)


def _checksum_holds(key: str) -> bool:
    """``checksum_ok`` for 25 key characters with one N, in C: the base-24 number by
    ``int``, and the CRC-32/BZIP2 as zlib's (reflected) CRC-32 of the bit-reversed bytes."""
    n_index = key.index("N")
    if n_index >= 24:
        return False
    value = int(_DIGITS24[n_index] + (key[:n_index] + key[n_index + 1:]).translate(_BASE24), 24)
    crc = zlib.crc32((value & _CLEAR).to_bytes(16, "little").translate(_REVERSED_BITS))
    # The unreflected CRC is the reflected one with its 32 bits reversed.
    unreflected = int.from_bytes(crc.to_bytes(4, "big").translate(_REVERSED_BITS), "little")
    return unreflected & 0x3FF == (value >> 103) & 0x3FF


def checksum_ok(key: str) -> bool:
    """Does the 10-bit checksum in bits 103-112 match the rest of the key?"""
    if len(key) == KEY_LENGTH and key.count("N") == 1 and key.index("N") < 24 and all(
            c in _KEY_CHARS for c in key):
        return _checksum_holds(key)
    return _checksum_reference(key)


def check(text: str) -> KeyCheck:
    """Every offline check of what was typed, each failure its own code."""
    key = normalise(text)
    problems: list[KeyProblem] = []
    if len(key) < KEY_LENGTH:
        problems.append(KeyProblem(TOO_SHORT, params=(("count", len(key)),)))
    elif len(key) > KEY_LENGTH:
        problems.append(KeyProblem(TOO_LONG, params=(("count", len(key)),)))

    bad = [(position, char) for position, char in enumerate(key, start=1) if char not in _KEY_CHARS]
    characters_ok = not bad
    for position, char in bad[:MAX_PROBLEMS]:
        # Quoting it could spell out a key typed in look-alike letters: then the position only.
        quotable = char in _QUOTABLE or position > len(key) - 5
        problems.append(KeyProblem(BAD_CHARACTER, position, (("char", char),) if quotable else ()))
    more_problems = max(0, len(bad) - MAX_PROBLEMS)

    n_positions = [i for i, c in enumerate(key, start=1) if c == "N"]
    single_n_ok: bool | None = None
    complete = len(key) == KEY_LENGTH
    if len(n_positions) > 1:
        single_n_ok = False
        problems.append(KeyProblem(MANY_N, n_positions[1], (("count", len(n_positions)),)))
    elif complete and not n_positions:
        single_n_ok = False
        problems.append(KeyProblem(NO_N))
    elif complete and n_positions == [KEY_LENGTH]:
        single_n_ok = False
        problems.append(KeyProblem(N_LAST, KEY_LENGTH))
    elif complete:
        single_n_ok = True

    sum_ok: bool | None = None
    if complete and characters_ok and single_n_ok:
        sum_ok = checksum_ok(key)
        if not sum_ok:
            problems.append(KeyProblem(CHECKSUM))
    gvlk = PUBLISHED_GVLKS.get(key) if complete else None
    return KeyCheck(key, complete, characters_ok, single_n_ok, sum_ok, gvlk, tuple(problems), more_problems)
