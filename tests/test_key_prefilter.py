"""The key finder's pre-filter skips only text the careful scan would find no key in."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from srs_wizard.core import product_key as pk
from srs_wizard.core import record

GVLK = "2MG3G-3BNTT-3MFW9-KDQW3-TCK7R"
KEYISH = st.sampled_from(list(pk.ALPHABET + "N" + pk.ALPHABET.lower() + "n"))
WIDE = st.sampled_from([chr(ord(c) + 0xFEE0) for c in pk.ALPHABET + "N"])  # full-width forms
TEXT = st.lists(st.one_of(KEYISH, WIDE, st.characters(), st.sampled_from(list("-_ .\u2013\u200b\u3000"))),
                min_size=20, max_size=80).map("".join)


@settings(max_examples=400, deadline=None)
@given(text=TEXT)
def test_the_pre_filter_never_skips_text_the_careful_scan_finds_a_key_in(text):
    careful = pk._scan_spans(text, first_only=False)
    if careful:
        assert pk.could_hold_key(text)
    assert pk._key_spans(text) == careful


@settings(max_examples=200, deadline=None)
@given(cut=st.integers(0, 24), filler=st.text(alphabet="aeiou015 -", max_size=200))
def test_fewer_than_25_candidates_is_no_key(cut, filler):
    plain = GVLK.replace("-", "")[:cut]
    text = filler + plain + filler
    assert not pk.could_hold_key(text)
    assert not pk.contains_whole_key(text)


def test_a_key_in_any_spelling_still_passes_the_filter():
    wide = "".join(chr(ord(c) + 0xFEE0) if c != "-" else c for c in GVLK)
    for text in (GVLK, GVLK.lower(), GVLK.replace("-", ""), wide, "note: " + GVLK + " 已安装"):
        assert pk.could_hold_key(text) and pk.contains_whole_key(text)


def _string_places(value, where=()):
    if isinstance(value, str):
        yield where
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _string_places(item, (*where, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _string_places(item, (*where, i))


def _put(data, where, value):
    for part in where[:-1]:
        data = data[part]
    data[where[-1]] = value


def test_the_record_walk_refuses_a_key_in_every_text_of_a_record():
    """The walk is the record's only key scan: a key put in any of its texts is refused."""
    import copy

    from tests.test_record_shape import kms_record, mak_record

    for base in (kms_record(), mak_record()):
        assert record.check(base) == []
        places = list(_string_places(base))
        assert len(places) >= 8
        for n, where in enumerate(places):
            spelled = (GVLK, GVLK.lower(), "x " + GVLK.replace("-", " ") + " y")[n % 3]
            data = copy.deepcopy(base)
            _put(data, where, spelled)
            assert record.check(data), where
        unknown = copy.deepcopy(base)
        unknown["extra"] = {"nested": ["fine", "installed " + GVLK.lower()]}
        assert record.check(unknown)
        named = copy.deepcopy(base)
        named[GVLK] = 1
        assert record.check(named)


def test_the_walks_shortcuts_still_refuse_bad_leaves():
    """The object loop settles common leaves inline; what it does not settle still gets its problem."""
    import copy

    from tests.test_record_shape import kms_record

    base = kms_record()
    cases = [
        ("port", 70000, record.OUT_OF_RANGE, "kms.hosts[0].port"),
        ("port", True, record.WRONG_TYPE, "kms.hosts[0].port"),
        ("connect_ms", float("nan"), record.NOT_FINITE, "kms.hosts[0].connect_ms"),
        ("connect_ms", 10 ** 13, record.OUT_OF_RANGE, "kms.hosts[0].connect_ms"),
        ("connect_ms", -1.5e13, record.OUT_OF_RANGE, "kms.hosts[0].connect_ms"),
        ("addresses", [1], record.WRONG_TYPE, "kms.hosts[0].addresses[0]"),
        ("addresses", ["x" * (record.MAX_TEXT + 1)], record.TOO_LONG, "kms.hosts[0].addresses[0]"),
        ("addresses", ["\ud800"], record.BROKEN_TEXT, "kms.hosts[0].addresses[0]"),
        ("addresses", ["ok"] * 1001, record.TOO_MANY, "kms.hosts[0].addresses"),
        ("probes", ["open"], record.WRONG_TYPE, "kms.hosts[0].probes[0]"),
        ("reachable", "yes", record.WRONG_TYPE, "kms.hosts[0].reachable"),
        ("target", None, record.WRONG_TYPE, "kms.hosts[0].target"),
    ]
    for name, bad, code, field in cases:
        data = copy.deepcopy(base)
        data["kms"]["hosts"][0][name] = bad
        problems = record.check(data)
        assert any(p.code == code and p.field == field for p in problems), (name, bad, problems)
    fine = copy.deepcopy(base)
    fine["kms"]["hosts"][0].update(connect_ms=12, addresses=[], probes=[])
    assert record.check(fine) == []
