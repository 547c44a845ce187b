"""The rollout report: many records read together, the PDF, CSV and JSON read back."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import tracemalloc
from datetime import timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from srs_wizard.core import rollout
from tests.rollout_records import GVLK, START, make_record, write, write_many

ZH_CUSTOMER = "北京见长门科技有限公司"  # 见 长 门 share glyphs with radicals: the ToUnicode repair


def read(folder) -> rollout.Rollout:
    return rollout.read_rollout([str(folder)])


def only_row(folder) -> rollout.RoomRow:
    report = read(folder)
    assert len(report.rows) == 1, report
    return report.rows[0]


# --------------------------------------------------------------------------- classification

CASES = [
    # (what the record holds, status, problem)
    (dict(path="kms", activation="licensed"), "licensed", None),
    (dict(path="kms", activation=None), "not_checked", "activation_not_checked"),
    (dict(path="kms", with_activation=False), "not_checked", "activation_not_checked"),
    (dict(path="kms", kms_verdict="found"), "not_checked", "activation_not_checked"),
    (dict(path="kms", kms_verdict="not_kms"), "failing", "kms_not_kms"),
    (dict(path="kms", kms_verdict="unreachable"), "failing", "kms_unreachable"),
    (dict(path="kms", kms_verdict="not_found"), "failing", "kms_not_found"),
    (dict(path="kms", kms_verdict="dns_error"), "failing", "kms_dns_error"),
    (dict(path="kms", kms_verdict="no_domain"), "failing", "kms_no_domain"),
    (dict(path="kms", unexpected=1), "failing", "rogue_kms"),
    (dict(path="kms", unexpected=2, activation="licensed"), "licensed", "rogue_kms"),
    (dict(path="kms", activation="error"), "failing", "activation_error"),
    (dict(path="kms", kms_verdict="not_found", activation="grace"), "pending", "kms_not_found"),
    (dict(path="kms", activation="no_key"), "pending", "activation_no_key"),
    (dict(path="kms", activation="not_found"), "not_checked", "activation_not_found"),
    (dict(path="kms", activation="unreadable"), "not_checked", "activation_unreadable"),
    (dict(path="mak"), "not_checked", "activation_not_checked"),
    (dict(path="mak", activation="licensed"), "licensed", None),
    (dict(path="mak", activation="grace"), "pending", "activation_grace"),
    (dict(path="mak", key=GVLK), "failing", "key_gvlk"),
    (dict(path="mak", key="BBBBB-BBBBB-BBBBB-BBBBB-BBBBB"), "failing", "key_invalid"),
    (
        dict(path="mak", checklist={"vlsc_sign_in": True, "agreement_confirmed": False, "mak_downloaded": True}),
        "pending",
        "mak_checklist_open",
    ),
    (dict(path="promo"), "pending", "promo_not_sent"),
    (dict(path="promo", promo_actions=("copied", "opened")), "pending", "promo_waiting"),
    (dict(path="promo", promo_actions=("saved",), activation="no_key"), "pending", "activation_no_key"),
    (dict(path="promo", promo_actions=("saved",), activation="licensed"), "licensed", None),
]


@pytest.mark.parametrize("holds,status,problem", CASES, ids=[str(c[0]) for c in CASES])
def test_each_record_is_classified_by_what_it_proves(tmp_path, holds, status, problem):
    holds = dict(holds)
    path = holds.pop("path")
    write(tmp_path, "room.json", make_record(path, **holds))
    row = only_row(tmp_path)
    assert (row.status, row.problem) == (status, problem)
    assert row.path == path
    # Nothing without the console's own "licensed" is counted as licensed.
    assert (row.status == "licensed") == (holds.get("activation") == "licensed")


def test_a_malformed_activation_is_refused_as_summary_refuses_it(tmp_path):
    from srs_wizard.core.present.rollout import not_included_sentence as said

    for i, value in enumerate(([1, 2], "licensed", {"verdict": None}, {}, {"verdict": "maybe"})):
        data = make_record("kms", site=f"Room {i}")
        data["activation"] = value
        write(tmp_path, f"r{i}.json", data)
    report = read(tmp_path)
    assert report.rows == () and len(report.not_included) == 5
    assert all(said(n).startswith("activation") for n in report.not_included)


def test_row_facts_and_the_mak_shown_masked(tmp_path):
    from tests.test_mak_page import valid_mak

    write(
        tmp_path,
        "m.json",
        make_record("mak", site="3F 会议室", machine="SRS-7", customer=ZH_CUSTOMER, technician="王小明", created=START),
    )
    row = only_row(tmp_path)
    assert row.key_state == "valid" and row.key_masked == "*****-*****-*****-*****-" + valid_mak()[-5:]
    assert (row.site, row.machine, row.customer, row.technician) == ("3F 会议室", "SRS-7", ZH_CUSTOMER, "王小明")
    assert row.date == "2026-11-02" and row.created == START.isoformat()
    assert row.file == str(tmp_path / "m.json")


# --------------------------------------------------------------------------- rooms and files


def test_newest_record_of_a_room_wins_and_older_ones_are_counted(tmp_path):
    # Written in an order where neither the file names nor the walk order match the times.
    write(
        tmp_path,
        "a/late.json",
        make_record("kms", site="Room 1", machine="SRS-01", created=START + timedelta(days=2), activation="licensed"),
    )
    write(tmp_path, "b/first.json", make_record("kms", site="Room 1", machine="SRS-01", kms_verdict="unreachable"))
    write(
        tmp_path,
        "c/middle.json",
        make_record(
            "kms", site=" room  1 ", machine="srs-01", created=START + timedelta(days=1), kms_verdict="not_found"
        ),
    )
    write(tmp_path, "other.json", make_record("kms", site="Room 1", machine="SRS-02", kms_verdict="not_found"))
    report = read(tmp_path)
    assert report.records == 4 and report.older == 2 and report.totals.rooms == 2
    first = {r.machine: r for r in report.rows}
    assert first["SRS-01"].file.endswith("late.json") and first["SRS-01"].older == 2
    assert first["SRS-01"].status == "licensed" and first["SRS-02"].older == 0
    assert report.rows[0].machine == "SRS-02"  # the room that needs action comes first


def test_rooms_needing_action_first_then_by_site(tmp_path):
    sites = {"D": "licensed", "A": "licensed", "C": None, "B": "error", "E": "grace"}
    for site, act in sites.items():
        write(tmp_path, f"{site}.json", make_record("kms", site=site, activation=act))
    rows = read(tmp_path).rows
    assert [r.site for r in rows] == ["B", "E", "C", "A", "D"]
    assert [r.status for r in rows] == ["failing", "pending", "not_checked", "licensed", "licensed"]


def test_broken_foreign_and_refused_files(tmp_path):
    from tests.test_mak_page import valid_mak

    key = valid_mak()
    write(tmp_path, "good.json", make_record("kms"))
    write(tmp_path, "broken.json", '{"schema": "srs-wizard/record/1", "created": ')
    write(tmp_path, "package.json", {"name": "left-pad", "version": "1.0.0"})
    write(tmp_path, "list.json", [1, 2, 3])
    write(tmp_path, "draft.json", {"schema": "srs-wizard/draft/1", "site": "x"})
    write(tmp_path, "notes.txt", "not json at all")  # not *.json: never opened
    no_site = make_record("kms")
    del no_site["site"]
    write(tmp_path, "no-site.json", no_site)
    leaked = make_record("kms")
    leaked["site"] = f"Room {key}"  # a whole key typed into the room name (the wizard would mask it)
    write(tmp_path, "leaked.json", leaked)
    odd = make_record("kms")
    odd["path"] = "BCDFG-HJKMP-QRTVW-XY234-67899"  # shaped like a key (no N): quoted only masked
    write(tmp_path, "odd.json", odd)
    os.symlink(tmp_path / "gone.json", tmp_path / "dangling.json")
    os.mkfifo(tmp_path / "pipe.json")
    report = rollout.read_rollout([str(tmp_path), str(tmp_path / "missing-folder")])
    assert report.records == 1 and report.foreign == 3
    reasons = {Path(n.file).name: n for n in report.not_included}
    assert set(reasons) == {
        "broken.json",
        "no-site.json",
        "leaked.json",
        "odd.json",
        "dangling.json",
        "pipe.json",
        "missing-folder",
    }
    from srs_wizard.core.present.rollout import not_included_sentence as said

    assert reasons["broken.json"].reason == "invalid" and "JSON" in said(reasons["broken.json"])
    assert said(reasons["no-site.json"]).startswith("site")
    assert reasons["leaked.json"].reason == "unmasked_key" and reasons["leaked.json"].detail == ""
    assert reasons["odd.json"].reason == "invalid" and said(reasons["odd.json"]).startswith("path")
    assert "BCDFG" not in said(reasons["odd.json"]) and "67899" not in said(reasons["odd.json"])  # never quoted
    assert reasons["dangling.json"].reason == "unreadable"
    assert reasons["pipe.json"].reason == "not_a_file"
    assert reasons["missing-folder"].reason == "missing"
    assert key not in json.dumps(report.to_json())


# --------------------------------------------------------------------------- memory


def peak_while_reading(folder) -> tuple[int, rollout.Rollout]:
    tracemalloc.start()
    try:
        report = read(folder)
        return tracemalloc.get_traced_memory()[1], report
    finally:
        tracemalloc.stop()


def test_memory_does_not_grow_with_the_records(tmp_path):
    # 50 rooms, each checked again and again: 200 records, then 2,000 of the same shape.
    write_many(tmp_path / "few", 200, hosts=20, rooms=50)
    many = write_many(tmp_path / "many", 2000, hosts=20, rooms=50)
    total = sum(p.stat().st_size for p in many)
    peak_few, report_few = peak_while_reading(tmp_path / "few")
    peak_many, report = peak_while_reading(tmp_path / "many")
    assert report.records == 2000 and report.totals.rooms == 50 and report.older == 1950
    assert report_few.totals.rooms == 50
    assert total > 10_000_000
    assert peak_many < total / 20, (peak_many, total)  # never the records themselves
    assert peak_many < 2 * peak_few, (peak_many, peak_few)  # 10x the records, not 10x the memory


# --------------------------------------------------------------------------- the command


def many_rooms(folder: Path) -> dict:
    """40 rooms of two customers, every path and verdict, plus duplicates and bad files."""
    acts = [None, "licensed", "grace", "error", "no_key", "not_found", "unreadable"]
    verdicts = ["ready", "unreachable", "not_found", "dns_error", "found", "no_domain"]
    for i in range(40):
        path = ("kms", "mak", "promo")[i % 3]
        write(
            folder,
            f"tech{i % 4}/room{i:02d}.json",
            make_record(
                path,
                site=f"{i // 10 + 1}F 会议室 {i:02d}",
                machine=f"SRS-{i:03d}",
                customer=(ZH_CUSTOMER, "Contoso Ltd")[i % 2],
                technician=("王小明", "Ana")[i % 2],
                created=START + timedelta(hours=i),
                activation=acts[i % 7],
                kms_verdict=verdicts[i % 6],
                promo_actions=("saved",) if i % 2 else (),
            ),
        )
    # Room 00 checked again later: the newer record counts.
    write(
        folder,
        "recheck/room00.json",
        make_record(
            "kms",
            site="1F 会议室 00",
            machine="SRS-000",
            customer=ZH_CUSTOMER,
            technician="王小明",
            created=START + timedelta(days=5),
            activation="licensed",
        ),
    )
    write(folder, "broken.json", "{")
    write(folder, "tsconfig.json", {"compilerOptions": {}})
    return read(folder).to_json()


def compact(text: str) -> str:
    return re.sub(r"\s+", "", text)


@pytest.mark.parametrize("lang", ["en", "zh_CN"])
def test_pdf_csv_and_json_of_40_rooms(tmp_path, lang, cli):
    records = tmp_path / "records"
    expected = many_rooms(records)
    totals = expected["totals"]
    assert totals["rooms"] == 40 and expected["older_records"] == 1
    out_pdf, out_csv = tmp_path / "rollout.pdf", tmp_path / "rollout.csv"
    result = cli(
        "rollout", str(records), "-o", str(out_pdf), "--csv", str(out_csv), "--json", "--lang", lang, timeout=120
    )
    assert result.returncode == 0, result.stderr

    def no_nan(value):
        raise AssertionError(f"not JSON: {value}")

    data = json.loads(result.stdout, parse_constant=no_nan)
    assert data["totals"] == totals and len(data["rows"]) == 40
    assert data["foreign_skipped"] == 1 and [n["file"] for n in data["not_included"]] == [str(records / "broken.json")]
    assert "broken.json" in result.stderr
    counted = {s: sum(r["status"] == s for r in data["rows"]) for s in rollout.STATUSES}
    assert counted == {s: totals[s] for s in rollout.STATUSES}
    assert all(counted.values())  # every class is present in this rollout
    assert {c["customer"] for c in data["customers"]} == {ZH_CUSTOMER, "Contoso Ltd"}

    reader = PdfReader(str(out_pdf))
    assert 2 <= len(reader.pages) <= 6
    box = reader.pages[0].mediabox
    assert box.width > box.height  # landscape
    assert reader.metadata.title and reader.metadata.creator.startswith("srs-wizard")
    text = compact("\n".join(page.extract_text() for page in reader.pages))
    for row in data["rows"]:
        assert compact(row["site"]) in text and row["machine"] in text
    assert ZH_CUSTOMER in text and "王小明" in text
    all_word, zh = ("All customers", False) if lang == "en" else ("全部客户", True)
    line = [totals[k] for k in ("rooms", "licensed", "pending", "failing", "not_checked")]
    assert compact(all_word) + "".join(map(str, line)) in text
    for name in (ZH_CUSTOMER, "Contoso Ltd"):
        t = next(c for c in data["customers"] if c["customer"] == name)
        assert (
            compact(name) + "".join(str(t[k]) for k in ("rooms", "licensed", "pending", "failing", "not_checked"))
            in text
        )
    assert ("2026年11月2日" in text) if zh else ("2Nov2026" in text)
    assert f"1/{len(reader.pages)}" in text or f"1of{len(reader.pages)}" in text or f"共{len(reader.pages)}页" in text

    raw = out_csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    header, body = rows[0], rows[1:]
    assert len(body) == 40 and len(header) == len(body[0])
    assert ("Status" in header) != zh and ("状态" in header) == zh
    by_machine = {r[3]: r for r in body}
    for row in data["rows"]:
        cells = by_machine[row["machine"]]
        assert cells[2] == row["site"] and cells[1] == row["customer"] and cells[5] == row["date"]
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", cells[5])
    assert by_machine["SRS-000"][11] == "1"  # one older record of room 00


def test_csv_cells_never_run_as_formulas(tmp_path, cli):
    write(tmp_path, "r.json", make_record("kms", site='=HYPERLINK("x")', technician="@ana"))
    out = tmp_path / "r.csv"
    result = cli("rollout", str(tmp_path / "r.json"), "--csv", str(out))
    assert result.returncode == 0, result.stderr
    row = list(csv.reader(io.StringIO(out.read_text("utf-8-sig"))))[1]
    assert row[2] == '\'=HYPERLINK("x")' and row[4] == "'@ana"


def test_exit_codes(tmp_path, cli):
    good, bad = tmp_path / "good", tmp_path / "bad"
    write(good, "r.json", make_record("promo"))
    write(bad, "x.json", "{")
    write(bad, "y.json", {"some": "thing"})
    # 0: a record was read, even with bad files beside it
    result = cli("rollout", str(good), str(bad), "--json")
    assert result.returncode == 0, result.stderr
    # 1: nothing could be read; the report is still written, listing why
    out = tmp_path / "none.csv"
    result = cli("rollout", str(bad), str(tmp_path / "nowhere"), "--csv", str(out))
    assert result.returncode == 1
    assert "x.json" in result.stderr and "nowhere" in result.stderr and out.exists()
    # 2: bad usage
    assert cli("rollout").returncode == 2
    assert cli("rollout", str(good)).returncode == 2  # nowhere to write
    assert cli("rollout", str(good), "-o", str(tmp_path)).returncode == 2  # a folder
    assert cli("rollout", str(good), "--csv", "/dev/null").returncode == 2  # a device
    os.mkfifo(tmp_path / "fifo.pdf")
    assert cli("rollout", str(good), "-o", str(tmp_path / "fifo.pdf")).returncode == 2
    assert cli("rollout", str(good), "--csv", str(tmp_path / "x.csv"), "--bogus").returncode == 2
    # A target that cannot be written: said in words, exit 1, no traceback
    result = cli("rollout", str(good), "--csv", str(tmp_path / "no" / "such" / "dir.csv"))
    assert result.returncode == 1 and "Traceback" not in result.stderr and "dir.csv" in result.stderr


def test_a_whole_key_never_reaches_the_outputs(tmp_path, cli):
    from tests.test_mak_page import valid_mak

    key = valid_mak()
    records = tmp_path / "records"
    write(records, "ok.json", make_record("mak"))
    leaky = make_record("kms")
    leaky["site"] = f"Room {key}"  # written by hand: the wizard masks a key it saves
    write(records, "leak.json", leaky)
    result = cli("rollout", str(records), "--csv", str(tmp_path / "r.csv"), "-o", str(tmp_path / "r.pdf"), "--json")
    assert result.returncode == 0, result.stderr
    text = "".join(p.extract_text() for p in PdfReader(str(tmp_path / "r.pdf")).pages)
    for output in (result.stdout, result.stderr, (tmp_path / "r.csv").read_text("utf-8-sig"), text):
        assert key not in output and key.replace("-", "") not in output
    assert "leak.json" in result.stderr and "whole product key" in result.stderr


def test_the_command_draws_the_pdf_without_qtwidgets(tmp_path):
    import subprocess
    import sys

    write(tmp_path, "r.json", make_record("kms"))
    code = (
        "import sys; from srs_wizard import cli; "
        f"rc = cli.main(['rollout', {str(tmp_path)!r}, '-o', {str(tmp_path / 'r.pdf')!r}]); "
        "assert rc == 0, rc; assert 'PySide6.QtWidgets' not in sys.modules, 'QtWidgets loaded'; print('ok')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env=dict(os.environ, QT_QPA_PLATFORM="offscreen"),
    )
    assert result.returncode == 0 and result.stdout.strip().endswith("ok"), result.stderr
    assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("created", ["20261128T103000+0800", "2026-W48-6"])
def test_created_in_basic_or_week_form_is_not_a_room_with_a_cut_date(tmp_path, created):
    good = make_record("kms", site="A")
    odd = make_record("kms", site="B")
    odd["created"] = created
    write(tmp_path, "good.json", good)
    write(tmp_path, "odd.json", odd)
    report = rollout.read_rollout([str(tmp_path)])
    assert [r.site for r in report.rows] == ["A"] and report.rows[0].date == START.date().isoformat()
    assert [Path(n.file).name for n in report.not_included] == ["odd.json"]


def test_rollout_date_is_the_day_of_the_parsed_moment():
    from srs_wizard.core import record

    data = make_record("kms", site="A")
    data["created"] = "20261128T103000+0800"  # a record that skipped validation
    assert rollout.room_row(record.unchecked(data), "a.json").date == "2026-11-28"
    data["created"] = "2026-11-28T23:30:00.250000-05:00"
    assert rollout.room_row(record.unchecked(data), "a.json").date == "2026-11-28"  # in its own offset
