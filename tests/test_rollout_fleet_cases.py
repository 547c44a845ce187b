"""Fleet cases a review found: what a console's report proves, and reading each file once."""

from __future__ import annotations

import json
import os
from datetime import timedelta

import pytest

from srs_wizard.core import rollout
from tests.conftest import run_cli as run
from tests.rollout_records import START, make_record, write
from tests.test_rollout_consoles import LICENSED_EN, at, put, report

ACCESS_DENIED = """Microsoft (R) Windows Script Host Version 5.8
---Processing--------------------------
---------------------------------------
ERROR CODE: 0x80070005
ERROR DESCRIPTION: Access is denied. Run the command as an administrator.
---------------------------------------
---Exiting-----------------------------
"""
PROPLUS_2016 = LICENSED_EN.replace("1b9f11e3-c85c-4e1b-bb29-879ad2c909e3", "d450596f-894d-49e0-966a-fd39ed4c4c64") \
    .replace("Office 15, OfficeLyncVL_KMS_Client edition", "Office 16, Office16ProPlusVL_KMS_Client edition") \
    .replace("Office 15, VOLUME_KMSCLIENT", "Office 16, VOLUME_KMSCLIENT")


def rows_by_machine(folder, *paths) -> dict:
    result = rollout.read_rollout([str(p) for p in (paths or [folder])])
    return {row.machine.casefold(): row for row in result.rows}, result


def test_a_report_taken_without_administrator_rights_proves_nothing(tmp_path):
    not_elevated = report("SRS-J1", at(3), ACCESS_DENIED)
    not_elevated["problems"] = [{"code": "not_elevated", "detail": "not run as administrator"}]
    put(tmp_path, "srs-console-SRS-J1.json", not_elevated)
    # ... and it does not undo a console's earlier "licensed" in a record.
    write(tmp_path, "j2.json", make_record("kms", site="2F", machine="SRS-J2", created=START, activation="licensed"))
    put(tmp_path, "srs-console-SRS-J2.json", not_elevated | {"computer": {**not_elevated["computer"], "name": "SRS-J2",
                                                                            "wmi_name": "SRS-J2"}})
    rows, _ = rows_by_machine(tmp_path)
    alone, merged = rows["srs-j1"], rows["srs-j2"]
    assert (alone.status, alone.problem, alone.console_verdict) == (rollout.NOT_CHECKED, "report_no_dstatus", None)
    assert alone.console_error_code == "0x80070005"  # what the console said is kept, not judged
    assert (merged.status, merged.activation, merged.activation_source) == (rollout.LICENSED, "licensed", "record")


def test_a_record_saying_access_denied_is_not_a_failed_activation(tmp_path):
    data = make_record("kms", site="3F", machine="SRS-K", created=START)
    data["activation"] = {"verdict": "error", "error_code": "0x80070005", "products": []}
    write(tmp_path, "k.json", data)
    rows, _ = rows_by_machine(tmp_path)
    assert rows["srs-k"].status == rollout.NOT_CHECKED and rows["srs-k"].problem == "activation_not_checked"


def test_office_2016_beside_office_2013_the_lync_run_decides(tmp_path):
    data = report("SRS-U", at(2))
    office15 = data["office"]["dstatus"][0]
    data["office"]["dstatus"] = [{**office15, "path": office15["path"].replace("Office15", "Office16"),
                                  "output": PROPLUS_2016}, office15]
    put(tmp_path, "srs-console-SRS-U.json", data)
    rows, _ = rows_by_machine(tmp_path)
    assert (rows["srs-u"].status, rows["srs-u"].console_verdict) == (rollout.LICENSED, "licensed")
    result = run("read-status", "--console-report", str(tmp_path / "srs-console-SRS-U.json"), "--json")
    assert json.loads(result.stdout)["verdict"] == "licensed"


def test_one_console_under_two_spellings_of_its_site_follows_its_own_report(tmp_path):
    write(tmp_path, "s1.json", make_record("kms", site="3F Room", machine="SRS-S", created=START, activation="grace"))
    write(tmp_path, "s2.json", make_record("kms", site="Room 3F", machine="SRS-S", created=START + timedelta(days=1)))
    put(tmp_path, "srs-console-SRS-S.json", report("SRS-S", at(4)))
    result = rollout.read_rollout([str(tmp_path)])
    named = [row for row in result.rows if row.machine == "SRS-S"]
    assert sorted(row.site for row in named) == ["3F Room", "Room 3F"]
    assert {(row.status, row.console_verdict, row.source) for row in named} == {
        (rollout.LICENSED, "licensed", rollout.SOURCE_BOTH)}


def test_each_file_is_read_once_however_often_it_is_named(tmp_path):
    write(tmp_path, "records/m1.json", make_record("kms", site="1F", machine="SRS-M1", created=START))
    put(tmp_path, "share/srs-console-SRS-M1.json", report("SRS-M1", at(1)))
    (tmp_path / "share" / "notes.json").write_text('{"other": "program"}', encoding="utf-8")
    os.symlink(tmp_path / "records" / "m1.json", tmp_path / "records" / "link-to-m1.json")
    named = [tmp_path / "records", tmp_path, tmp_path / "share" / "srs-console-SRS-M1.json", tmp_path / "share",
             tmp_path / "missing.json", tmp_path / "missing.json"]
    result = rollout.read_rollout([str(p) for p in named])
    assert (result.records, result.reports, result.older, result.older_reports, result.foreign) == (1, 1, 0, 0, 1)
    assert [n.reason for n in result.not_included] == [rollout.MISSING]
    # A file elsewhere reached by two links, and a file with two names (a hard link).
    outside = write(tmp_path / "elsewhere", "m2.json", make_record("kms", site="2F", machine="SRS-M2", created=START))
    os.symlink(outside, tmp_path / "records" / "m2-a.json")
    os.symlink(outside, tmp_path / "records" / "m2-b.json")
    os.link(tmp_path / "share" / "srs-console-SRS-M1.json", tmp_path / "share" / "copy.json")
    result = rollout.read_rollout([str(tmp_path / "records"), str(tmp_path / "share"), str(outside)])
    assert (result.records, result.reports, result.older, result.older_reports) == (2, 1, 0, 0)
    # Folders walked once each, whichever of two nested folders is named first.
    inner_first = rollout.read_rollout([str(tmp_path / "share"), str(tmp_path)])
    assert (inner_first.records, inner_first.reports, inner_first.older) == (2, 1, 0)


def test_reports_collected_at_the_same_moment_give_the_same_row_in_any_order(tmp_path):
    put(tmp_path / "a", "srs-console-SRS-E.json", report("SRS-E", at(2)))
    put(tmp_path / "b", "srs-console-SRS-E.json", report("SRS-E", at(2), ACCESS_DENIED))
    one = rollout.read_rollout([str(tmp_path / "a"), str(tmp_path / "b")]).rows
    other = rollout.read_rollout([str(tmp_path / "b"), str(tmp_path / "a")]).rows
    assert one == other and one[0].older_reports == 1


def test_a_report_cut_short_or_nested_past_the_parser_is_named_for_what_it_is(tmp_path):
    from srs_wizard.core import console

    whole = put(tmp_path, "srs-console-SRS-C.json", report("SRS-C", at(1))).read_bytes()
    (tmp_path / "srs-console-SRS-C.json").write_bytes(whole[:-1])  # UTF-16 cut at an odd byte
    deep = b'\xef\xbb\xbf{"schema": "srs-wizard/console/1", "x": ' + b"[" * 100_000 + b"]" * 100_000 + b"}"
    (tmp_path / "srs-console-SRS-D.json").write_bytes(deep)
    for name, code in (("srs-console-SRS-C.json", console.ENCODING), ("srs-console-SRS-D.json", console.TOO_DEEP)):
        with pytest.raises(console.ConsoleReportError) as raised:
            console.loads((tmp_path / name).read_bytes())
        assert raised.value.problems[0].code == code
    result = run("rollout", str(tmp_path), "--json")
    said = {name: line for line in result.stderr.splitlines()
            for name in ("srs-console-SRS-C.json", "srs-console-SRS-D.json") if name in line}
    assert "cut short" in said["srs-console-SRS-C.json"], said
    assert "not valid JSON" not in said["srs-console-SRS-D.json"] and "deep" in said["srs-console-SRS-D.json"], said
