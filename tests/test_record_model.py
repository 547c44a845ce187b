"""The record as one model: the dataclasses' reader writes back exactly what it read, the
record a session makes is the JSON the parts themselves write, a draft's parts are read by
the same rules, and read-status, the record and rollout share one activation shape."""

from __future__ import annotations

import json

import pytest

from srs_wizard.core import activation, model, record, rollout
from srs_wizard.core.session import DraftError, Session, computer_name
from tests import pdf_records
from tests.rollout_records import make_record
from tests.test_pdf import NOW, session_for


def every_session() -> dict[str, Session]:
    sessions = dict(pdf_records.every_path())
    sessions.update({f"short-{path}": session_for(path) for path in ("kms", "mak", "promo")})
    return sessions


def dumped(data: dict) -> str:
    """A record as Save PDF writes it."""
    return json.dumps(data, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


def as_written_before(s: Session, machine: str = "PC") -> dict:
    """The record a session made when it was composed by hand: each part's own JSON, in this
    order (the saved records' layout, which the model must keep)."""
    path = s.path
    data = {
        "schema": record.SCHEMA, "created": NOW.isoformat(timespec="seconds"), "time_zone": NOW.tzname(),
        "app_version": __import__("srs_wizard").__version__, "machine": machine,
        "technician": s.technician.strip(), "customer": s.customer.strip(), "site": s.site.strip(), "path": path,
        "kms": s.kms.to_json() if s.kms else None,
        "mak": record.mak_json(s.mak, s.mak_used_anyway, s.mak_checklist) if s.mak is not None and path == "mak"
        else None,
        "promo": s.promo.to_json() if path == "promo" else None,
        "promo_actions": list(s.promo_actions) if path == "promo" else [],
        "notes": s.notes,
        "activation": s.activation.to_json() if s.activation is not None and path != "promo" else None,
    }
    if s.console is not None:
        data["console"] = s.console
    data["verdict"] = s.room_verdict(path).to_json()
    return record.mask_keys(data)


@pytest.mark.parametrize("name", sorted(every_session()))
def test_a_session_record_is_the_json_its_parts_write(name):
    s = every_session()[name]
    made = s.to_record(now=NOW, machine="PC")
    assert isinstance(made, record.Record) and isinstance(made.verdict, record.Verdict)
    assert made.dumps() == dumped(as_written_before(s))


@pytest.mark.parametrize("name", sorted(every_session()))
def test_every_test_record_round_trips_byte_for_byte(name):
    text = every_session()[name].to_record(now=NOW, machine="PC").dumps()
    assert record.loads(text).dumps() == text                       # from bytes (the reader owns the JSON)
    data = json.loads(text)
    assert record.from_json(data).dumps() == text                   # from a caller's object ...
    assert json.loads(text) == data                                 # ... which is left as it was


def test_rollout_records_round_trip_byte_for_byte():
    for data in (make_record("kms", hosts=5, unexpected=1), make_record("mak"), make_record("promo"),
                 make_record("kms", activation="licensed"), make_record("kms", with_activation=False)):
        assert record.from_json(data).dumps() == dumped(data)


def test_unknown_fields_keep_their_place_and_absent_fields_stay_absent():
    data = json.loads(session_for("kms").to_record(now=NOW, machine="PC").dumps())
    data = {"from_a_newer_version": {"a": [1, 2.5, None]}, **data, "z_last": "kept"}
    data["kms"]["hosts"][0] = {"x_first": True, **data["kms"]["hosts"][0]}
    del data["kms"]["hosts"][0]["protocol"]        # optional: absent, not null
    data["kms"]["domains"][0]["nameserver"] = None  # optional: null, not absent
    made = record.from_json(data)
    assert made.extra == {"from_a_newer_version": {"a": [1, 2.5, None]}, "z_last": "kept"}
    assert made.kms.hosts[0].extra == {"x_first": True} and made.kms.hosts[0].protocol is None
    assert made.dumps() == dumped(data)
    assert list(made.to_json()) == list(data)
    assert "protocol" not in made.to_json()["kms"]["hosts"][0]


def test_the_model_is_typed_all_the_way_down():
    made = pdf_records.every_path()["kms-activation"].to_record(now=NOW, machine="PC")
    assert isinstance(made.kms, record.Kms) and isinstance(made.kms.hosts[0], record.Host)
    assert isinstance(made.kms.domains[0], record.Domain)
    assert isinstance(made.activation, model.Activation) and isinstance(made.activation.products[0], model.Product)
    assert isinstance(made.console, record.Console) and isinstance(made.verdict.steps[0], record.Step)
    with pytest.raises(AttributeError):  # frozen
        made.kms.verdict = "ready"


def test_a_field_that_is_wrong_is_reported_by_path_and_kept_for_showing():
    data = json.loads(session_for("kms").to_record(now=NOW, machine="PC").dumps())
    data["kms"]["hosts"][1]["port"] = "1688"
    data["kms"]["domains"][0]["detail"]["code"] = "said"
    made, problems = record.read(data)
    assert [(p.field, p.code) for p in problems] == [("kms.domains[0].detail.code", record.NOT_ONE_OF),
                                                     ("kms.hosts[1].port", record.WRONG_TYPE)]
    assert made.kms.hosts[1].port == "1688"  # as it came: the problems say it cannot be saved
    with pytest.raises(record.RecordError):
        record.from_json(data)


def draft_with(name: str, value) -> dict:
    return dict(Session(technician="T", customer="C", site="S").to_draft(), **{name: value})


def test_a_draft_part_is_read_by_the_records_reader():
    good_console = pdf_records.every_path()["kms-activation"].console
    assert Session.from_draft(draft_with("console", good_console)).console == good_console
    assert record.part_problems("console", good_console) == []
    for broken in (
        dict(good_console, lookups=[{"domain": "rooms.contoso.com", "status": "guessed"}]),  # a deep code
        dict(good_console, discovery={"host": 1688, "not_available": False}),
        dict(good_console, dns_servers="10.0.0.53"),
        dict(good_console, collected_at="at noon"),                                        # a format
    ):
        assert record.part_problems("console", broken), broken
        with pytest.raises(DraftError) as info:
            Session.from_draft(draft_with("console", broken))
        assert info.value.problems == ["console"]


def test_a_draft_kms_result_meets_the_records_own_rules():
    kms = json.loads(session_for("kms").to_record(now=NOW, machine="PC").dumps())["kms"]
    for host in kms["hosts"]:
        host["reachable"] = False  # "ready" without a reachable host: the record's rule across fields
    assert [(p.field, p.code) for p in record.part_problems("kms", kms)] == [("kms.verdict",
                                                                            record.READY_WITHOUT_HOST)]
    with pytest.raises(DraftError):
        Session.from_draft(draft_with("kms", kms))


def test_save_refuses_what_the_reader_refuses_and_shows_it_unchecked():
    s = session_for("kms")
    s.console = {"computer": "SRS-ROOM-07", "file": None, "collected_at": "noon"}
    with pytest.raises(record.RecordError) as info:
        s.to_record(now=NOW, machine="PC")
    assert [p.field for p in info.value.problems] == ["console.collected_at"]
    assert s.to_record(now=NOW, machine="PC", check=False).console.collected_at == "noon"


def test_read_status_the_record_and_rollout_share_one_activation_model():
    s = pdf_records.every_path()["kms-activation"]
    result = s.activation
    shared = model.Activation.of(result)
    saved = s.to_record(now=NOW, machine="PC").activation
    assert saved == shared and saved.to_json() == result.to_json()
    # read-status --json: the report's own verdict, product and products, key for key.
    report = result.report
    expected = {k: v for k, v in report.to_json().items() if k != "error_code"}
    assert json.dumps(model.Activation.of_report(report).status_json()) == json.dumps(expected)
    # rollout counts the same verdict.
    rec = s.to_record(now=NOW, machine="PC")
    assert rollout.classify(rec)[2]["activation"] == shared.verdict == report.verdict


def test_read_status_json_of_an_answer_without_a_product():
    report = activation.read_status("nothing ospp.vbs would print")
    assert model.Activation.of_report(report).status_json() == {"verdict": report.verdict, "product": None,
                                                                 "products": []}


def test_the_record_names_its_time_zone_and_the_summary_shows_it():
    from srs_wizard.core.present.summary import summary_html

    made = session_for("kms").to_record(now=NOW, machine="PC")
    assert made.time_zone == NOW.tzname() == "UTC+08:00" and made.to_json()["time_zone"] == "UTC+08:00"
    assert "<td>UTC+08:00</td>" in summary_html(made)
    older = made.to_json()
    del older["time_zone"]  # a record made before it
    assert record.from_json(older).time_zone is None and "Time zone" not in summary_html(record.from_json(older))
    assert [p.field for p in record.check(dict(older, time_zone="x" * 65))] == ["time_zone"]


def test_machine_defaults_to_this_computer():
    assert session_for("kms").to_record(now=NOW).machine == computer_name()
