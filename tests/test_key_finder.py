"""One key finder for every guard: a whole key is found however it is spelled, and only then."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from srs_wizard.core import product_key as pk
from srs_wizard.core.present import product_key as key_words
from srs_wizard.core.present import record as record_words
from tests.test_mak_page import valid_mak

GVLK = "2MG3G-3BNTT-3MFW9-KDQW3-TCK7R"
PLAIN = GVLK.replace("-", "")


def full_width(text: str) -> str:
    return "".join(chr(ord(c) + 0xFEE0) if "!" <= c <= "~" else c for c in text)


def spellings(key: str) -> dict[str, str]:
    plain = key.replace("-", "")
    groups = [plain[i:i + 5] for i in range(0, 25, 5)]
    return {
        "dashes": "-".join(groups),
        "none": plain,
        "spaces": " ".join(groups),
        "en dash": "\u2013".join(groups),
        "em dash": "\u2014".join(groups),
        "underscore": "_".join(groups),
        "dot": ".".join(groups),
        "slash": "/".join(groups),
        "newline": "\n".join(groups),
        "crlf": "\r\n".join(groups),
        "tab": "\t".join(groups),
        "no-break space": "\u00a0".join(groups),
        "zero-width space": "\u200b".join(groups),
        "zero-width inside a group": plain[:3] + "\u200b" + plain[3:12] + "\u2060" + plain[12:],
        "soft hyphen": "\u00ad".join(groups),
        "ideographic space": "\u3000".join(groups),
        "full-width": full_width("-".join(groups)),
        "full-width, no dashes": full_width(plain),
        "lower case": "-".join(groups).lower(),
        "mixed separators": groups[0] + " - " + groups[1] + "\u2013" + groups[2] + "\n" + groups[3] + "\t" + groups[4],
        "one per character": " ".join(plain),
    }


SPELLINGS = spellings(GVLK)


@pytest.mark.parametrize("name", sorted(SPELLINGS))
def test_every_spelling_of_a_key_is_found_and_masked(name):
    text = "Notes: installed " + SPELLINGS[name] + " yesterday (门口)."
    assert pk.contains_whole_key(text), name
    masked, count = pk.mask_whole_keys(text)
    assert count == 1
    assert not leaks(masked, PLAIN)
    if name not in ("one per character", "zero-width inside a group"):
        assert masked == "Notes: installed *****-*****-*****-*****-TCK7R yesterday (门口)."
    # Spelled irregularly, the key cannot be told from its neighbours' letters: they go too.


@pytest.mark.parametrize("name", sorted(SPELLINGS))
def test_the_record_guard_refuses_every_spelling_and_names_the_field(name):
    data = json.loads(json.dumps(good_record()))
    data["notes"] = "key " + SPELLINGS[name]
    problems = record_words.validate(data)
    assert any(p.startswith("notes:") for p in problems), problems


def good_record() -> dict:
    from tests.test_pdf import good_record as make

    return make()


def test_a_key_inside_a_longer_run_is_still_masked():
    # Two key characters glued in front ("MY") must not hide the key.
    masked, count = pk.mask_whole_keys("MY" + PLAIN + " ok")
    assert count == 1 and "3BNTT" not in masked and PLAIN[:6] not in masked.replace("-", "")


def test_two_keys_are_both_masked():
    mak = valid_mak()
    masked, count = pk.mask_whole_keys(f"{GVLK}, then {mak.lower()}")
    assert count == 2
    assert masked == f"*****-*****-*****-*****-TCK7R, then *****-*****-*****-*****-{mak[-5:]}"


@pytest.mark.parametrize("text", [
    "",
    "北京见长门科技有限公司 3F 会议室",
    "kms01.corp.contoso.com, kms02.corp.contoso.com",
    "Contoso Rhythm Gym PTY BV",
    "BCDFGHJKMPQRTVWXY2346789BCDFGHJKM",             # 33 key characters, no N: not a key
    "2346789234678923467892346789 2346789",          # a long number: no N
    "Contoso TV/PC/HP by Rhythm, NY 2346789",        # key letters across words, no whole key
    "*****-*****-*****-*****-TCK7R",                 # already masked
    "+86 10 6552 8899 ext. 12",
    "0x3F9C5A1E-0000-4000-8000-00AA00BB00CC",        # a GUID
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 40,
    "我们 在 北京 的 办公室 有 四 个 会议室",
    "2MG3G-3BNTT-3MFW9-KDQW3",                       # 20 characters: not whole
])
def test_ordinary_text_is_not_a_key(text):
    assert not pk.contains_whole_key(text)
    assert pk.mask_whole_keys(text) == (text, 0)


def test_a_long_text_is_scanned_in_linear_time():
    import time

    short = ("BCDFG HJKMP QRTVW 门口 " * 5_000)
    long = short * 10
    start = time.perf_counter()
    pk.contains_whole_key(short)
    pk.mask_whole_keys(short)
    small = time.perf_counter() - start
    start = time.perf_counter()
    pk.contains_whole_key(long)
    pk.mask_whole_keys(long)
    big = time.perf_counter() - start
    assert big < small * 40 + 0.5  # linear is 10x; quadratic would be 100x


SEPARATORS = st.sampled_from(["", "", "-", " ", "\u2013", "_", ".", "/", "\n", "\t", "\u00a0", "\u200b", "\u3000"])


def spell(key: str, seps: list[str], every: bool) -> str:
    """The key with a separator at each group boundary, or (``every``) between all characters."""
    if every:
        return key[0] + "".join(seps[0] + c for c in key[1:])
    groups = [key[i:i + 5] for i in range(0, 25, 5)]
    return groups[0] + "".join(s + g for s, g in zip(seps, groups[1:]))


@settings(max_examples=300, deadline=None)
@given(prefix=st.text(max_size=30), suffix=st.text(max_size=30), seps=st.lists(SEPARATORS, min_size=4, max_size=4),
       every=st.booleans(), lower=st.booleans(), wide=st.booleans())
def test_a_spelled_key_never_survives_masking(prefix, suffix, seps, every, lower, wide):
    key = valid_mak().replace("-", "")
    spelled = spell(key.lower() if lower else key, seps, every)
    if wide:
        spelled = full_width(spelled)
    masked, count = pk.mask_whole_keys(prefix + spelled + suffix)
    assert count >= 1
    assert not pk.contains_whole_key(masked)
    assert not leaks(masked, key)


# --------------------------------------------------------------------------- check-key


def test_a_full_width_key_is_normalised_and_passes():
    result = pk.check(full_width(GVLK))
    assert result.valid and result.gvlk == "Lync 2013"


@pytest.mark.parametrize("text", [
    "".join(chr(ord(c) + 0x0400 - 0x40) if c.isalpha() else c for c in GVLK),  # look-alike letters
    "\u00c2" + GVLK[1:],                                                         # one accented letter
    GVLK.replace("-", "|"),                                                      # odd separators
    full_width(GVLK).replace("\uff0d", "\u2503"),
])
def test_check_key_never_spells_out_the_key(text, cli):
    result = cli("check-key", "--stdin", stdin=text + "\n")
    as_json = cli("check-key", "--stdin", "--json", stdin=text + "\n")
    for out in (result.stdout + result.stderr, as_json.stdout + as_json.stderr):
        assert "Traceback" not in out
        assert not leaks(out, PLAIN), out


def leaks(output: str, key: str) -> bool:
    """Does ``output`` carry six or more characters of ``key`` in order (dashes aside)?"""
    import unicodedata

    text = unicodedata.normalize("NFKC", output).upper()
    # The mask itself shows the last five on purpose: it is one unit, not characters that a
    # neighbouring letter (or the "25" of the next line) could extend into a sixth. For a
    # mistyped key the five shown are the last five of what was typed, not always the key's.
    text = re.sub(re.escape(pk.MASK_PREFIX) + "[A-Z0-9]{5}", "#", text)
    flat = "".join(c for c in text if c.isalnum() or c == "#")
    return any(key[i:i + 6] in flat for i in range(0, len(key) - 5))



def test_rejected_characters_are_named_only_within_the_last_five():
    result = pk.check("\u0421MG3G-3BNTT-3MFW9-KDQW3-TCK7Ä")
    bad = [p for p in result.problems if p.code == pk.BAD_CHARACTER]
    assert [p.position for p in bad] == [1, 25]
    assert "Ä" in key_words.problem_text(bad[1])
    assert '"' not in key_words.problem_text(bad[0])


def test_a_long_line_of_bad_input_gives_a_short_report(cli):
    result = cli("check-key", "--stdin", stdin="Ö" * 2_000 + "\n")  # 4,000 bytes: just within what --stdin reads
    assert result.returncode == 1
    assert len(result.stdout) < 2_000, len(result.stdout)
    assert "more" in result.stdout
    as_json = cli("check-key", "--stdin", "--json", stdin="O" * 4_000 + "\n")
    data = json.loads(as_json.stdout)
    assert len(as_json.stdout) < 3_000 and data["more_problems"] > 0
    checked = pk.check("O" * 1_000_000)  # the checker itself: a megabyte is a short report too
    assert len(checked.problems) <= 6 and checked.more_problems > 0  # too_long and 5 characters


def test_a_megabyte_on_standard_input_is_refused_unread(cli):
    result = cli("check-key", "--stdin", stdin="Ö" * 1_000_000 + "\n")
    assert result.returncode == 2
    assert "input too long" in result.stderr and not result.stdout


@settings(max_examples=150, deadline=None)
@given(prefix=st.text(max_size=20), seps=st.lists(SEPARATORS, min_size=4, max_size=4), every=st.booleans(),
       typo=st.integers(0, 24), wrong=st.sampled_from("OI1L5SAEUZÄВ0"), wide=st.booleans())
def test_a_mistyped_key_report_shows_at_most_its_last_five(prefix, seps, every, typo, wrong, wide):
    from srs_wizard.core.present.report import format_key_report

    key = valid_mak().replace("-", "")
    chars = key[:typo] + wrong + key[typo + 1:]
    spelled = spell(chars, seps, every)
    if wide:
        spelled = full_width(spelled)
    result = pk.check(prefix + spelled)
    out = format_key_report(result) + json.dumps(key_words.check_json(result), ensure_ascii=False)
    assert not leaks(out, key), out


@pytest.mark.parametrize("before, typed, after", [
    ("company ", "YC7DK-G2MP3-2QQC3-J6H88-GVGXT", " now"),  # M typed for N: no N at all
    ("see /tmp/nonexist-", "YC7DK-G2MP3-2QQC3-J6H88-GVGXT", ".txt: missing"),
    ("two Ns ", "2MG3G-3BNTT-3MFW9-KDQN3-TCK7R", " here"),
])
def test_a_mistyped_key_is_masked_and_its_neighbours_kept(before, typed, after):
    masked, count = pk.mask_whole_keys(before + typed + after)
    assert count == 1 and masked == before + pk.MASK_PREFIX + typed[-5:] + after
