"""Hostile input through the command line's own entry point: no traceback, no key beyond
its last five characters, whatever is typed or loaded."""

from __future__ import annotations

import contextlib
import io
import json
import os
import tempfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from srs_wizard import cli
from tests.test_key_finder import SEPARATORS, full_width, leaks, spell
from tests.test_mak_page import valid_mak
from tests.test_pdf import good_record
from tests.test_record_shape import PATHS_INTO, json_values, put


def run_main(argv: list[str], stdin: str = "") -> tuple[int, str]:
    out, err = io.StringIO(), io.StringIO()
    old_stdin = cli.sys.stdin
    cli.sys.stdin = io.StringIO(stdin)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                code = cli.main(argv)
            except SystemExit as exc:  # argparse's usage errors
                code = exc.code
    finally:
        cli.sys.stdin = old_stdin
    return code, out.getvalue() + err.getvalue()


def spelled_key(draw_seps, every, lower, wide) -> tuple[str, str]:
    key = valid_mak().replace("-", "")
    text = spell(key.lower() if lower else key, draw_seps, every)
    return key, full_width(text) if wide else text


@settings(max_examples=150, deadline=None)
@given(prefix=st.text(max_size=30), suffix=st.text(max_size=30), seps=st.lists(SEPARATORS, min_size=4, max_size=4),
       every=st.booleans(), lower=st.booleans(), wide=st.booleans(), as_json=st.booleans(),
       typo=st.one_of(st.none(), st.tuples(st.integers(0, 24), st.characters())))
def test_check_key_never_spells_out_a_key(prefix, suffix, seps, every, lower, wide, as_json, typo):
    key = valid_mak().replace("-", "")
    chars = key if typo is None else key[:typo[0]] + typo[1] + key[typo[0] + 1:]
    text = spell(chars.lower() if lower else chars, seps, every)
    text = prefix + (full_width(text) if wide else text) + suffix
    code, output = run_main(["check-key", "--stdin"] + (["--json"] if as_json else []), stdin=text + "\n")
    assert code in (0, 1, 2)
    assert "Traceback" not in output
    assert not leaks(output, key), output


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(changes=st.lists(st.tuples(st.sampled_from(PATHS_INTO), json_values()), min_size=1, max_size=3),
       seps=st.lists(SEPARATORS, min_size=4, max_size=4), where=st.sampled_from(PATHS_INTO), hide=st.booleans())
def test_summary_json_never_tracebacks_nor_leaks(changes, seps, where, hide):
    key = valid_mak().replace("-", "")
    data = good_record()
    for place, value in changes:
        try:
            put(data, place, value)
        except (KeyError, IndexError, TypeError):
            pass
    if hide:
        try:
            put(data, where, "note " + spell(key, seps, False))
        except (KeyError, IndexError, TypeError):
            pass
    fd, path = tempfile.mkstemp(suffix=".json")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="surrogatepass") as fh:
            fh.write(json.dumps(data, ensure_ascii=False))
        code, output = run_main(["summary", path, "--json"])
    finally:
        os.unlink(path)
    assert code in (0, 1)
    assert "Traceback" not in output
    assert not leaks(output, key), output
    if code == 0:
        json.loads(output.split("\n", 0)[0])
