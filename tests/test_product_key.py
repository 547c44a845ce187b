"""Product keys: every offline rule, the checksum's power, and that a key is never shown."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from srs_wizard.core import product_key as pk
from srs_wizard.core.present import product_key as key_words

FACTS = Path(__file__).resolve().parents[2] / "shared" / "reference" / "domain-facts.md"


def published_gvlks() -> dict[str, str]:
    """The GVLKs as the facts file lists them (falls back to the module's list without it)."""
    if not FACTS.exists():
        return {pk.group(k): v for k, v in pk.PUBLISHED_GVLKS.items()}
    text = FACTS.read_text("utf-8")
    found = re.findall(r"([A-Za-z0-9 ]+?) `([A-Z0-9]{5}(?:-[A-Z0-9]{5}){4})`", text)
    keys = {key: name.strip().lstrip(";").strip() for name, key in found}
    assert len(keys) >= 4
    return keys


@pytest.mark.parametrize("key", list(published_gvlks()))
def test_every_published_gvlk_passes_and_is_recognised(key):
    result = pk.check(key)
    assert result.valid
    assert result.checksum_ok is True
    assert result.gvlk is not None
    assert "KMS client key" in key_words.gvlk_message(result.gvlk)


def test_lync_gvlk_is_named():
    assert pk.check("2MG3G-3BNTT-3MFW9-KDQW3-TCK7R").gvlk == "Lync 2013"


@pytest.mark.parametrize("text", [
    "2mg3g-3bntt-3mfw9-kdqw3-tck7r",
    "2MG3G 3BNTT 3MFW9 KDQW3 TCK7R",
    "2MG3G3BNTT3MFW9KDQW3TCK7R",
    "2MG3-G3BN-TT3M-FW9K-DQW3-TCK7R",
    "Product key: 2MG3G-3BNTT-3MFW9-KDQW3-TCK7R (Lync)",
    "  2MG3G–3BNTT—3MFW9-KDQW3-TCK7R\n",
])
def test_normalisation(text):
    assert pk.normalise(text) == "2MG3G3BNTT3MFW9KDQW3TCK7R"


def test_bad_characters_are_named_with_position_and_hint():
    result = pk.check("OMG3G-3BNTT-3MFW9-KDQW3-TCK7R")
    (problem,) = [p for p in result.problems if p.code == pk.BAD_CHARACTER]
    assert problem.position == 1
    assert '"O"' in key_words.problem_text(problem) and "no O or 0" in key_words.problem_text(problem)
    result = pk.check("2MG3G-3BNTT-3MFW9-KDQW3-TCK7I")
    problem = [p for p in result.problems if p.code == pk.BAD_CHARACTER][0]
    assert problem.position == 25 and "perhaps J or 7" in key_words.problem_text(problem)


def test_each_failure_is_its_own_reason():
    result = pk.check("2MG3G-3BNTT")
    assert [p.code for p in result.problems] == [pk.TOO_SHORT]
    assert pk.check("2MG3G-3BNTT-3MFW9-KDQW3-TCK7RB").problems[0].code == pk.TOO_LONG
    no_n = pk.check("2MG3G-3BGTT-3MFW9-KDQW3-TCK7R")
    assert [p.code for p in no_n.problems] == [pk.NO_N]
    many_n = pk.check("2MG3G-3BNTT-3MFW9-KDQW3-TCKNR")
    assert pk.MANY_N in [p.code for p in many_n.problems]
    n_last = pk.check("2MG3G-3BGTT-3MFW9-KDQW3-TCK7N")
    assert [p.code for p in n_last.problems] == [pk.N_LAST]
    typo = pk.check("2MG3G-3BNTT-3MFW9-KDQW3-TCK7B")
    assert [p.code for p in typo.problems] == [pk.CHECKSUM]
    assert typo.checksum_ok is False


def _all_substitutions(key: str):
    alphabet = pk.ALPHABET + "N"
    for i, original in enumerate(key):
        for replacement in alphabet:
            if replacement != original:
                yield key[:i] + replacement + key[i + 1:]


def test_single_character_substitutions_are_caught():
    valid_keys = [pk.normalise(k) for k in published_gvlks()]
    total = rejected = 0
    for key in valid_keys:
        for variant in _all_substitutions(key):
            total += 1
            rejected += not pk.check(variant).valid
    rate = rejected / total
    print(f"single substitutions rejected: {rejected}/{total} = {rate:.4%}")
    assert rate >= 0.99


def test_adjacent_transpositions_are_caught():
    total = rejected = 0
    for key in (pk.normalise(k) for k in published_gvlks()):
        for i in range(len(key) - 1):
            if key[i] == key[i + 1]:
                continue
            variant = key[:i] + key[i + 1] + key[i] + key[i + 2:]
            total += 1
            rejected += not pk.check(variant).valid
    print(f"adjacent transpositions rejected: {rejected}/{total} = {rejected / total:.2%}")
    # A transposition passes only when the checksum happens to match: about 1 in 1024.
    assert rejected >= total - 1


def test_mask_shows_only_the_last_five():
    assert pk.mask("2MG3G-3BNTT-3MFW9-KDQW3-TCK7R") == "*****-*****-*****-*****-TCK7R"
    assert pk.mask("2MG3G") == "*****-*****-*****-*****-*****"
    assert "TCK7R" not in repr(pk.check("2MG3G-3BNTT-3MFW9-KDQW3-TCK7R")).replace("*****-*****-*****-*****-TCK7R", "")
    assert "2MG3G" not in repr(pk.check("2MG3G-3BNTT-3MFW9-KDQW3-TCK7R"))


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_validator_never_raises(text):
    result = pk.check(text)
    assert isinstance(result.problems, tuple)
    assert result.valid == (not result.problems and result.complete)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=pk.ALPHABET + "N", min_size=21, max_size=30))
def test_mask_never_contains_the_first_twenty_in_order(chars):
    masked = pk.mask(chars)
    first20 = pk.normalise(chars)[:20]
    assert first20 not in masked.replace("-", "")
    assert masked.startswith(pk.MASK_PREFIX)
    # no run of 6 or more of the first 20 characters shows either
    visible = masked[len(pk.MASK_PREFIX):].replace("*", "")
    assert len(visible) <= 5


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_normalisation_is_idempotent(text):
    once = pk.normalise(text)
    assert pk.normalise(once) == once


# --------------------------------------------------------------------------- check-key


def test_check_key_stdin_json_gvlk(cli):
    result = cli("check-key", "--stdin", "--json", stdin="2MG3G-3BNTT-3MFW9-KDQW3-TCK7R\n")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data == {"masked": "*****-*****-*****-*****-TCK7R", "valid": True, "checksum_ok": True,
                    "gvlk": "Lync 2013", "problems": [], "more_problems": 0}
    assert "2MG3G" not in result.stdout + result.stderr


def test_check_key_reports_problems_and_exit_1(cli):
    result = cli("check-key", "--stdin", "--json", stdin="2MG3G-3BNTT-3MFW9-KDQW3-TCK7B")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["checksum_ok"] is False and data["problems"][0]["code"] == "checksum"
    readable = cli("check-key", "2MG3G-3BNTT-3MFW9-KDQW3-TCK7B")
    assert readable.returncode == 1
    assert "Checksum" in readable.stdout and "3BNTT" not in readable.stdout


@pytest.mark.parametrize("args, stdin", [([], None), (["--stdin"], ""), (["KEY", "--stdin"], "x")])
def test_check_key_usage_errors(args, stdin, cli):
    result = cli("check-key", *args, stdin=stdin)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and result.stderr.strip()


def test_the_key_check_keeps_codes_and_the_words_live_in_present():
    """The check says what failed as codes with parameters; present makes the sentences."""
    import ast

    source = Path(pk.__file__).read_text(encoding="utf-8")
    imported = {node.module for node in ast.walk(ast.parse(source)) if isinstance(node, ast.ImportFrom)}
    assert "srs_wizard.i18n" not in imported and not re.search(r"(?<![.\w])translate\(", source)
    result = pk.check("2MG3G-3BNTT-3MFW9-KDQW3")
    assert result.problems[0].code == pk.TOO_SHORT and result.problems[0].param("count") == 20
    assert key_words.problem_text(result.problems[0]) == "The key has 20 of 25 characters."
    data = key_words.check_json(pk.check("OMG3G-3BNTT-3MFW9-KDQW3-TCK7R"))
    assert set(data["problems"][0]) == {"code", "message", "position"} and "no O or 0" in data["problems"][0]["message"]
