"""A record that passes validation always renders; one that does not is refused by field name."""

from __future__ import annotations

import copy
import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from srs_wizard.core import product_key, record
from srs_wizard.core.present import record as record_words
from srs_wizard.core.present import summary
from tests.test_mak_page import valid_mak
from tests.test_pdf import NOW, session_for
from tests.test_pdf import good_record as kms_record

GVLK = "2MG3G-3BNTT-3MFW9-KDQW3-TCK7R"


def promo_record() -> dict:
    return json.loads(session_for("promo").to_record(now=NOW, machine="PC").dumps())


def mak_record() -> dict:
    return json.loads(session_for("mak").to_record(now=NOW, machine="PC").dumps())


def deep(levels: int):
    value: object = "x"
    for _ in range(levels):
        value = [value]
    return value


def host(r: dict) -> dict:
    return r["kms"]["hosts"][0]


# Each of these passed validation before and then broke the renderer.
SHAPES = {
    "probes as text": (lambda r: host(r).update(probes="open"), "kms.hosts[0].probes"),
    "probes [1]": (lambda r: host(r).update(probes=[1]), "kms.hosts[0].probes[0]"),
    "probes [{}]": (lambda r: host(r).update(probes=[{}]), "kms.hosts[0].probes[0].address"),
    "elapsed_ms as text": (lambda r: r["kms"]["domains"][0].update(elapsed_ms="fast"), "kms.domains[0].elapsed_ms"),
    "connect_ms as text": (lambda r: host(r).update(connect_ms="0.4"), "kms.hosts[0].connect_ms"),
    "a number in addresses": (lambda r: host(r).update(addresses=[10]), "kms.hosts[0].addresses[0]"),
    "a list in nameservers": (lambda r: r["kms"].update(nameservers=[["a"]]), "kms.nameservers[0]"),
    "an object in unexpected_hosts": (lambda r: r["kms"].update(unexpected_hosts=[{}]), "kms.unexpected_hosts[0]"),
    "notes as a number": (lambda r: r["kms"].update(notes=5), "kms.notes"),
    "record notes as a number": (lambda r: r.update(notes=5), "notes"),
    "ready, no reachable host": (lambda r: [h.update(reachable=False) for h in r["kms"]["hosts"]], "kms.verdict"),
    "ready, no host at all": (lambda r: r["kms"].update(hosts=[]), "kms.verdict"),
    "source as a list": (lambda r: r["kms"]["domains"][0].update(source=["primary"]), "kms.domains[0].source"),
    "unknown source": (lambda r: r["kms"]["domains"][0].update(source="guess"), "kms.domains[0].source"),
    "unknown status": (lambda r: r["kms"]["domains"][0].update(status="fine"), "kms.domains[0].status"),
    "nesting 600 deep": (lambda r: r.update(extra=deep(600)), "extra"),
    "a lone surrogate": (lambda r: r.update(site="room \ud800"), "site"),
    "a lone surrogate in a key name": (lambda r: r.update({"x\udfff": 1}), "x"),
    "a huge port": (lambda r: host(r).update(port=10**30), "kms.hosts[0].port"),
    "a huge elapsed_ms": (lambda r: r["kms"].update(elapsed_ms=10**400), "kms.elapsed_ms"),
    "NaN": (lambda r: r["kms"].update(elapsed_ms=math.nan), "kms.elapsed_ms"),
    "Infinity in an extra field": (lambda r: r.update(extra={"v": math.inf}), "extra.v"),
    "a port of true": (lambda r: host(r).update(port=True), "kms.hosts[0].port"),
    "promo_actions with a list": (lambda r: r.update(promo_actions=[["saved"]]), "promo_actions[0]"),
    "a 100,001-character note": (lambda r: r.update(notes="x" * 100_001), "notes"),
    "a 10,000-character site": (lambda r: r.update(site="x" * 10_000), "site"),
    "5,000 addresses": (lambda r: host(r).update(addresses=["10.0.0.1"] * 5_000), "kms.hosts[0].addresses"),
    "unknown detail code": (
        lambda r: r["kms"]["domains"][0].update(detail={"code": "fine"}),
        "kms.domains[0].detail.code",
    ),
    "detail count as text": (
        lambda r: r["kms"]["domains"][0].update(detail={"code": "records", "count": "2"}),
        "kms.domains[0].detail.count",
    ),
    "unknown note code": (lambda r: r["kms"].update(note_codes=[{"code": "said"}]), "kms.note_codes[0].code"),
    "unknown config problem": (lambda r: r["kms"].update(config_problem_code="broken"), "kms.config_problem_code"),
    "unknown host error code": (lambda r: host(r).update(error_code="down"), "kms.hosts[0].error_code"),
    "errno as text": (lambda r: host(r)["probes"][0].update(errno="ECONNREFUSED"), "kms.hosts[0].probes[0].errno"),
}


@pytest.mark.parametrize("name", sorted(SHAPES))
def test_a_wrong_shape_is_refused_by_field_name(name):
    change, field = SHAPES[name]
    data = kms_record()
    change(data)
    problems = record_words.validate(data)
    assert problems and any(p.startswith(field) for p in problems), problems


PROMO_SHAPES = {
    "systems as text": (lambda r: r["promo"].update(systems="4"), "promo.systems"),
    "systems huge": (lambda r: r["promo"].update(systems=10**6), "promo.systems"),
    "note as a list": (lambda r: r["promo"].update(note=["x"]), "promo.note"),
    "date without zeros": (lambda r: r["promo"].update(deployment_date="2026-1-5"), "promo.deployment_date"),
}


@pytest.mark.parametrize("name", sorted(PROMO_SHAPES))
def test_a_wrong_promo_shape_is_refused(name):
    change, field = PROMO_SHAPES[name]
    data = promo_record()
    change(data)
    problems = record_words.validate(data)
    assert problems and any(p.startswith(field) for p in problems), problems


@pytest.mark.parametrize(
    "field, value",
    [
        ("path", GVLK),
        ("schema", GVLK),
        ("kms.verdict", GVLK),
        ("created", GVLK),
        ("kms.domains[0].source", GVLK),
        ("kms.domains[0].status", GVLK),
        ("mak.masked", GVLK),
    ],
)
def test_refusals_never_quote_a_key(field, value):
    data = mak_record() if field.startswith("mak") else kms_record()
    target = data
    parts = field.replace("[0]", ".0").split(".")
    for part in parts[:-1]:
        target = target[int(part)] if part.isdigit() else target[part]
    target[parts[-1]] = value
    problems = record_words.validate(data)
    assert problems
    shown = "\n".join(problems)
    assert "3BNTT" not in shown and "TCK7R" not in shown and field.split("[")[0].split(".")[0] in shown


def test_a_key_as_a_field_name_is_not_printed():
    data = kms_record()
    data[GVLK] = 1
    data["x" * 5000] = {"y": math.nan}
    shown = "\n".join(record_words.validate(data))
    assert "3BNTT" not in shown and len(shown) < 2_000


def test_the_record_file_size_is_bounded():
    data = kms_record()
    data["padding"] = ["x" * 1000] * 3000
    with pytest.raises(record.RecordError) as info:
        record.loads(json.dumps(data))
    assert "MB" in record_words.problem_text(info.value.problems[0])
    with pytest.raises(record.RecordError):
        record.loads("[" * 100_000 + "]" * 100_000)


@pytest.mark.parametrize("builder", [kms_record, promo_record, mak_record])
def test_what_the_wizard_writes_passes(builder):
    assert record_words.validate(builder()) == []


# --------------------------------------------------------------------------- the sweep


def json_values(depth: int = 3):
    leaves = st.one_of(
        st.none(),
        st.booleans(),
        st.integers(-(2**70), 2**70),
        st.floats(allow_nan=True, allow_infinity=True),
        st.text(max_size=40),
        st.sampled_from(
            [
                "ready",
                "found",
                "primary",
                "ok",
                "open",
                valid_mak(),
                valid_mak().lower(),
                "2026-11-28",
                "*****-*****-*****-*****-TCK7R",
                "\ud800",
            ]
        ),
    )
    return st.recursive(
        leaves,
        lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=12), inner, max_size=4)),
        max_leaves=12,
    )


PATHS_INTO = [
    ("notes",),
    ("site",),
    ("path",),
    ("kms",),
    ("kms", "verdict"),
    ("kms", "domains"),
    ("kms", "hosts"),
    ("kms", "notes"),
    ("kms", "nameservers"),
    ("kms", "unexpected_hosts"),
    ("kms", "elapsed_ms"),
    ("kms", "config_problem"),
    ("kms", "domains", 0),
    ("kms", "domains", 0, "source"),
    ("kms", "domains", 0, "elapsed_ms"),
    ("kms", "domains", 0, "message"),
    ("kms", "hosts", 0),
    ("kms", "hosts", 0, "probes"),
    ("kms", "hosts", 0, "addresses"),
    ("kms", "hosts", 0, "connect_ms"),
    ("kms", "hosts", 0, "reachable"),
    ("kms", "hosts", 0, "port"),
    ("kms", "hosts", 0, "error"),
    ("kms", "hosts", 0, "domains"),
    ("kms", "domains", 0, "detail"),
    ("kms", "note_codes"),
    ("kms", "config_problem_code"),
    ("kms", "config_problem_reason"),
    ("kms", "hosts", 0, "error_code"),
    ("kms", "hosts", 0, "probes", 0, "os_error"),
    ("mak",),
    ("promo",),
    ("promo_actions",),
    ("created",),
]


def put(data: dict, where: tuple, value) -> None:
    target = data
    for part in where[:-1]:
        target = target[part]
    target[where[-1]] = value


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    changes=st.lists(st.tuples(st.sampled_from(PATHS_INTO), json_values()), min_size=1, max_size=3),
    base=st.sampled_from([kms_record, promo_record, mak_record]),
)
def test_anything_that_passes_validation_renders(changes, base):
    data = base()
    for where, value in changes:
        try:
            put(data, where, copy.deepcopy(value))
        except (KeyError, IndexError, TypeError):
            pass
    problems = record_words.validate(data)
    secret = valid_mak()[:20]
    for problem in problems:
        problem.encode("utf-8")
        assert not any(secret[i : i + 6] in problem.upper() for i in range(15))
    if problems:
        return
    rec = record.from_json(data)
    html = summary.summary_html(rec, for_print=True)
    text = json.dumps(rec.to_json(), ensure_ascii=False, allow_nan=False)
    text.encode("utf-8")
    assert not any(secret[i : i + 6] in (html + text).upper() for i in range(15))


def test_summary_json_is_strict_json(tmp_path, cli):
    data = kms_record()
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = cli("summary", str(path), "--json")
    assert result.returncode == 0
    json.loads(result.stdout, parse_constant=lambda name: pytest.fail(f"{name} in --json"))
    data["kms"]["elapsed_ms"] = math.nan
    path.write_text(json.dumps(data), encoding="utf-8")
    result = cli("summary", str(path), "--json")
    assert result.returncode == 1 and "NaN" not in result.stdout and "kms.elapsed_ms" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("name", ["nesting 600 deep", "a lone surrogate", "probes [{}]", "ready, no reachable host"])
def test_summary_command_never_tracebacks(tmp_path, name, cli):
    change, field = SHAPES[name]
    data = kms_record()
    change(data)
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    for args in (["--json"], ["-o", str(tmp_path / "out.pdf")]):
        result = cli("summary", str(path), *args)
        assert result.returncode == 1, result.stderr
        assert "Traceback" not in result.stderr and field in result.stderr


def test_product_key_guard_in_summary_of_promo_note(tmp_path, cli):
    data = promo_record()
    data["promo"]["note"] = "key: " + product_key.group(GVLK.replace("-", "")).replace("-", "\u3000").lower()
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    result = cli("summary", str(path), "--json")
    assert result.returncode == 1 and "promo.note" in result.stderr
    assert "3bntt" not in result.stdout.lower() + result.stderr.lower()


# --------------------------------------------------------------------------- linear rendering


def test_a_long_unbroken_word_is_laid_out_in_pieces(qapp):
    """Qt lays out one unbroken word in time that grows with its square; the summary gives
    long words a break opportunity (an invisible zero-width space) every 256 characters."""
    data = kms_record()
    data["notes"] = "x" * 1000 + " short words stay whole " + "y" * 253
    html = summary.summary_html(record.from_json(data))
    assert html.count("\u200b") == 3
    assert ("x" * 256 + "\u200b") in html and "y" * 253 in html


def test_the_pdf_of_a_long_note_keeps_its_text(qapp, tmp_path):
    from pypdf import PdfReader

    from srs_wizard import pdf

    data = kms_record()
    data["notes"] = "长" * 30_000
    out = tmp_path / "n.pdf"
    out.write_bytes(pdf.render_pdf_bytes(record.from_json(data)))
    text = "".join(page.extract_text() for page in PdfReader(str(out)).pages)
    assert text.count("长") >= 30_000


@pytest.mark.parametrize(
    "where, value",
    [
        ("host", ["kms"]),
        ("host", "speaks"),
        ("probe", 7),
        ("domain_used", "yes"),
        ("bind_tried", None),
    ],
)
def test_bind_fields_of_the_kms_result_are_checked(where, value):
    from tests.test_pdf import NOW, session_for

    data = json.loads(session_for("kms").to_record(now=NOW).dumps())
    assert record_words.validate(data) == []
    host = data["kms"]["hosts"][0]
    if where == "host":
        host["protocol"] = value
    elif where == "probe":
        host["probes"] = [{"address": "10.0.0.1", "result": "open", "protocol": value}]
    elif where == "domain_used":
        data["kms"]["domains"][0]["used"] = value
    else:
        data["kms"]["bind_tried"] = value
    problems = record_words.validate(data)
    assert problems and all("kms" in p for p in problems)


@pytest.mark.parametrize("created", [
    "20261128T103000+0800",       # ISO basic form
    "2026-W48-1",                 # ISO week date
    "2026-W48-1T10:30:00+08:00",
    "2026-333T10:30:00+08:00",    # ordinal date (which Python may not read at all)
    "2026-11-28T10:30:00Z",       # not the offset the program writes
    "2026-11-28 10:30:00+08:00",
    "2026-11-28T10:30+08:00",
    "2026-11-28T10:30:00,5+08:00",
    "2026-11-28T10:30:00+0800",
])
def test_created_only_in_the_extended_form_the_program_writes(created):
    data = kms_record()
    data["created"] = created
    problems = record.check(data)
    assert [p.field for p in problems] == ["created"]
    assert problems[0].code in (record.NOT_EXTENDED_DATETIME, record.NOT_DATETIME)
    if created in ("20261128T103000+0800", "2026-W48-1"):  # read by Python, refused by its form
        assert problems[0].code == record.NOT_EXTENDED_DATETIME
        text = record_words.problem_text(problems[0])
        assert "created" in text and "YYYY-MM-DDTHH:MM:SS" in text and created not in text


@pytest.mark.parametrize("created", ["2026-11-28T10:30:00+08:00", "2026-11-28T10:30:00.123456-05:30",
                                     "2026-11-28T02:30:00+00:00"])
def test_created_as_the_program_writes_it_passes(created):
    data = kms_record()
    data["created"] = created
    assert record.check(data) == []


def test_created_without_offset_or_no_date_keeps_its_own_code():
    data = kms_record()
    data["created"] = "2026-11-28T10:30:00"
    assert [p.code for p in record.check(data)] == [record.NO_UTC_OFFSET]
    data["created"] = "yesterday"
    assert [p.code for p in record.check(data)] == [record.NOT_DATETIME]
