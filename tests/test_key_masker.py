"""The one key masker: it finds the 25 key characters themselves and keeps exactly the key's
own last five, whatever stands around the key and however it is spelled."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from srs_wizard.core import product_key as pk
from tests.test_key_finder import full_width, leaks


def make_key(value: int, n_at: int) -> str:
    """A key with a valid checksum: ``value`` fills its bits, N stands near ``n_at``."""
    base = n_at * 24 ** 24 + value % 24 ** 24
    for attempt in range(1000):
        cleared = (base + attempt * 7919) & ~(0x3FF << 103)
        crc = pk._crc32_bzip2(cleared.to_bytes(16, "little")) & 0x3FF
        n_index, rest = divmod(cleared | crc << 103, 24 ** 24)
        if n_index > 23:
            continue
        digits = []
        for _ in range(24):
            rest, d = divmod(rest, 24)
            digits.append(pk.ALPHABET[d])
        chars = "".join(reversed(digits))
        key = chars[:n_index] + "N" + chars[n_index:]
        assert pk.checksum_ok(key)
        return key
    raise AssertionError("no key")


KEYS = st.builds(make_key, st.integers(0, (1 << 103) - 1), st.integers(0, 23))

# Everything that separates groups in a key typed, pasted or printed by a program.
SEPARATORS = ["", "-", " ", "  ", "\u2013", "_", ".", "/", "\n", "\r\n", "\t", "\u00a0", "\u200b", "\u3000",
              "\u00ad", "\ufeff", "\u3164", "\uffa0", "\u115f", "\u1160", "\x1b[0m", "\x1b[1;31m", "\x9b0m",
              "\x1b]8;;\x1b\\", "\u202e", "\u2066", " - ", "\x00", "\x7f", "\x85", "\u2800"]
# What stands around a key: words of every shape, key letters among them.
WORDS = st.sampled_from(["Using ", "Hello ", "Enter ", "names/", "CRYPT ", "rhythm ", "MY", "2346 ", "N ", "nN",
                         "key: ", "密钥：", "BCDFG-", "-", "installed ", " yesterday", " now", "7", "x",
                         "\x1b[32m", "\u3164", "ok.", "\n", "TV/PC/HP ", "GYM", "B", "Q", "NY "])
AROUND = st.lists(st.one_of(WORDS, st.text(max_size=6)), max_size=6).map("".join)


def spell(key: str, seps: list[str], every: bool, case: str, wide: bool) -> str:
    if wide:  # the key's characters as a Chinese input method types them; an escape stays one
        key = full_width(key)
    if every:
        text = key[0] + "".join(seps[i % len(seps)] + c for i, c in enumerate(key[1:]))
    else:
        groups = [key[i:i + 5] for i in range(0, 25, 5)]
        text = groups[0] + "".join(s + g for s, g in zip(seps, groups[1:]))
    if case == "lower":
        text = text.lower()
    elif case == "mixed":
        text = "".join(c.lower() if i % 2 else c for i, c in enumerate(text))
    return text


def leaks_any(output: str, key: str) -> bool:
    """Six or more of the key's characters in order, separators and escapes aside."""
    import re
    import unicodedata

    text = re.sub(r"\x1b\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07", "", output)
    text = unicodedata.normalize("NFKC", text).upper()
    text = text.replace(pk.MASK_PREFIX + key[-5:], "#")
    flat = "".join(c for c in text if c.isalnum() or c == "#")
    return any(key[i:i + 6] in flat for i in range(0, 20))


@settings(max_examples=400, deadline=None)
@given(key=KEYS, before=AROUND, after=AROUND, seps=st.lists(st.sampled_from(SEPARATORS), min_size=4, max_size=4),
       every=st.booleans(), case=st.sampled_from(["upper", "lower", "mixed"]), wide=st.booleans())
def test_a_valid_key_shows_only_its_own_last_five_whatever_stands_around_it(key, before, after, seps, every,
                                                                              case, wide):
    text = before + spell(key, seps, every, case, wide) + after
    masked, count = pk.mask_whole_keys(text)
    assert count >= 1
    assert not leaks_any(masked, key), (text, masked)
    assert not pk.contains_whole_key(masked)
    assert pk.mask_whole_keys(masked)[0] == masked  # masking twice changes nothing


@pytest.mark.parametrize("before", ["Using ", "Hello ", "Enter ", "names/", "CRYPT ", "see C:\\names\\"])
@pytest.mark.parametrize("after", ["", "-TCK7R", " yesterday", "/BCDFG"])
def test_a_five_letter_word_before_the_key_is_not_taken_for_its_first_group(before, after):
    key = "2MG3G-3BNTT-3MFW9-KDQW3-TCK7R"
    masked, count = pk.mask_whole_keys(before + key + after)
    assert count == 1
    assert masked == before + pk.MASK_PREFIX + "TCK7R" + after
    assert not leaks(masked, key.replace("-", ""))


def test_a_word_glued_to_the_key_keeps_the_key_s_own_last_five():
    key = make_key(123456789, 7)
    for before, after in (("MY", " ok"), ("rhythm", "gym"), ("BCDF ", " GHJK")):
        masked, count = pk.mask_whole_keys(before + key + after)
        assert (masked, count) == (before + pk.MASK_PREFIX + key[-5:] + after, 1)


@pytest.mark.parametrize("sep", ["\u3164", "\uffa0", "\u115f", "\u1160", "\x1b[0m", "\x1b[38;5;196m", "\x9b1m",
                                 "\x00", "\u200d", "\u2800"])
def test_blank_letters_and_escapes_between_groups_are_separators(sep):
    key = "2MG3G-3BNTT-3MFW9-KDQW3-TCK7R"
    text = "key " + key.replace("-", sep) + " done"
    masked, count = pk.mask_whole_keys(text)
    assert count == 1 and not leaks_any(masked, key.replace("-", "")), repr(masked)
    assert masked == "key " + pk.MASK_PREFIX + "TCK7R" + " done"


@pytest.mark.parametrize("before", ["\x9b", "\x1b[", "\x1b", "\x1b]", "\x9d"])
def test_an_escape_introducer_before_a_key_does_not_hide_its_first_letters(before):
    key = "2MG3G3BNTT3MFW9KDQW3TCK7R"
    masked, count = pk.mask_whole_keys("x " + before + key + " y")
    assert count == 1 and not leaks_any(masked, key) and not leaks(masked, key), repr(masked)


def test_a_key_split_across_adjacent_items_of_a_list_is_masked():
    key = make_key(987654321, 3)
    data = {"suffixes": ["corp.example", key[:13].lower(), key[13:].lower() + ".example", "other"],
            "name": "x"}
    masked = pk.mask_keys_in(data)
    text = json.dumps(masked)
    assert not leaks_any(text, key), text
    assert masked["suffixes"][0] == "corp.example" and masked["suffixes"][-1] == "other"
    assert len(masked["suffixes"]) == 4
    assert masked["suffixes"][1] == pk.MASK_PREFIX + key[-5:]
    assert masked["suffixes"][2] == ".example"


def test_a_key_split_across_lines_is_masked():
    key = "2MG3G-3BNTT-3MFW9-KDQW3-TCK7R"
    masked, count = pk.mask_whole_keys("first line 2MG3G-3BNTT\nsecond line... no: 3MFW9-KDQW3-TCK7R\n")
    assert "3BNTT" in masked  # words between the halves: not one key
    masked, count = pk.mask_whole_keys("2MG3G-3BNTT-\n3MFW9-KDQW3-\r\nTCK7R")
    assert (masked, count) == (pk.MASK_PREFIX + "TCK7R", 1)
    assert not leaks(masked, key.replace("-", ""))


def test_a_deeply_nested_value_is_masked_without_recursion():
    key = "2MG3G-3BNTT-3MFW9-KDQW3-TCK7R"
    value: object = [key]
    for i in range(5000):
        value = {"a": value} if i % 2 else [value, "x"]
    masked = pk.mask_keys_in(value)
    depth = 0
    while not isinstance(masked, str):
        masked = masked["a"] if isinstance(masked, dict) else masked[0]
        depth += 1
    assert depth == 5001 and masked == pk.MASK_PREFIX + "TCK7R"


def test_the_fast_checksum_matches_the_reference():
    import random

    rng = random.Random(3)
    for _ in range(2000):
        chars = [rng.choice(pk.ALPHABET) for _ in range(24)]
        chars.insert(rng.randrange(24), "N")
        key = "".join(chars)
        assert pk.checksum_ok(key) == pk._checksum_reference(key)
    assert pk.checksum_ok(pk.LYNC_2013_GVLK.replace("-", ""))


# --------------------------------------------------------------------------- console reports


def _run(*args: str):
    import os
    import subprocess
    import sys

    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, "-m", "srs_wizard", *args], capture_output=True, text=True,
                          timeout=120, env=env)


def test_a_key_split_over_two_adapters_suffixes_never_reaches_check_kms_output(tmp_path):
    from tests.console_reports import encode, windows7_report

    key = "2MG3G3BNTT3MFW9KDQW3TCK7R"
    data = windows7_report()
    adapter = data["dns"]["adapters"][0]
    data["dns"]["adapters"] = [dict(adapter, dhcp_domain="2mg3g-3bntt-3mf"),
                               dict(adapter, guid="{8F1C2D3E-0000-4000-8000-00000000A002}",
                                    dhcp_domain="w9-kdqw3-tck7r")]
    del data["dns"]["effective_suffixes"]
    path = tmp_path / "report.json"
    path.write_bytes(encode(data))
    for extra in ((), ("--json",)):
        result = _run("check-kms", "--console-report", str(path), "--nameserver", "127.0.0.1:9", "--timeout",
                      "0.3", *extra)
        assert "Traceback" not in result.stderr
        assert not leaks_any(result.stdout + result.stderr, key), result.stdout
    as_json = json.loads(_run("check-kms", "--console-report", str(path), "--nameserver", "127.0.0.1:9",
                              "--timeout", "0.3", "--json").stdout)
    assert as_json  # still real JSON


def test_a_report_nested_thousands_deep_is_refused_by_name_without_a_traceback(tmp_path):
    from srs_wizard.core import console
    from tests.console_reports import windows7_report

    data = windows7_report()
    deep: object = "key 2MG3G-3BNTT-3MFW9-KDQW3-TCK7R"
    for i in range(900):
        deep = [deep] if i % 2 else {"x": deep}
    # The masker itself keeps its own stack: json.loads manages this depth, and so must it.
    masked = pk.mask_keys_in(deep)
    assert not leaks_any(json.dumps(masked), "2MG3G3BNTT3MFW9KDQW3TCK7R")
    # A console report that deep is no collector's: refused, naming why, before any masking.
    data["extra"] = deep
    raw = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with pytest.raises(console.ConsoleReportError) as info:
        console.loads(raw)
    assert [p.code for p in info.value.problems] == [console.TOO_DEEP]
    path = tmp_path / "deep.json"
    path.write_bytes(raw)
    result = _run("read-status", "--console-report", str(path))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "RecursionError" not in result.stderr
    assert not leaks_any(result.stdout + result.stderr, "2MG3G3BNTT3MFW9KDQW3TCK7R")
