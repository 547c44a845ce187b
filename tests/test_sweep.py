"""Findings of the hostile-input sweep of the whole program, each kept as a test.

Every case goes through the command line's own entry point with the input an attacker or
bad luck would give, and checks what the technician would see: no traceback, no product
key beyond its last five characters."""

from __future__ import annotations

import pytest

from tests.console_reports import encode, windows7_report
from tests.test_hostile_sweep import run_main
from tests.test_key_finder import full_width, leaks
from tests.test_mak_page import valid_mak

CORPUS = "tests/corpus/ospp/"


def groups() -> list[str]:
    key = valid_mak().replace("-", "")
    return [key[i:i + 5] for i in range(0, 25, 5)]


# Spellings of a whole key that the older, narrower finders of the status reader and the
# console report let through.
SPELLINGS = {
    "spaces": lambda g: " ".join(g),
    "en dash": lambda g: "\u2013".join(g),
    "zero-width space": lambda g: "\u200b".join(g),
    "full width": lambda g: full_width("-".join(g)),
    "lower case, underscores": lambda g: "_".join(g).lower(),
    "no-break space": lambda g: "\u00a0".join(g),
}


def licensed_status() -> str:
    with open(CORPUS + "dstatus_mak_licensed.txt", encoding="utf-8") as fh:
        return fh.read()


@pytest.mark.parametrize("spelling", SPELLINGS)
@pytest.mark.parametrize("line", ["LICENSE NAME: Office 15, ", "SKU ID: ", "LICENSE STATUS: "])
@pytest.mark.parametrize("as_json", [False, True])
def test_read_status_never_prints_a_key_hidden_in_a_field(tmp_path, spelling, line, as_json):
    key_groups = groups()
    text = licensed_status()
    start = text.index(line.split(":")[0] + ":")
    end = text.index("\n", start)
    text = text[:start] + line + SPELLINGS[spelling](key_groups) + text[end:]
    path = tmp_path / "dstatus.txt"
    path.write_text(text, encoding="utf-8")
    code, output = run_main(["read-status", str(path)] + (["--json"] if as_json else []))
    assert code in (0, 1, 2)
    assert "Traceback" not in output
    assert not leaks(output, "".join(key_groups)), output


@pytest.mark.parametrize("spelling", ["spaces", "zero-width space", "full width"])
@pytest.mark.parametrize("where", ["computer", "nslookup"])
def test_console_report_never_prints_a_key_hidden_in_its_texts(tmp_path, spelling, where):
    key_groups = groups()
    hidden = SPELLINGS[spelling](key_groups)
    if where == "computer":
        data = windows7_report(computer__name=hidden)
    else:
        data = windows7_report(nslookup__results=[{
            "suffix": "rooms.contoso.com", "command": "nslookup -type=srv _vlmcs._tcp.rooms.contoso.com",
            "output": "Server:  " + hidden + "\n", "timed_out": False, "elapsed_ms": 1}])
    path = tmp_path / "console.json"
    path.write_bytes(encode(data))
    # A closed port on loopback: the answers are the console's own, ours time out quickly.
    code, output = run_main(["check-kms", "--console-report", str(path), "--nameserver", "127.0.0.1:9",
                             "--timeout", "0.3", "--no-connect"])
    assert code in (0, 1, 3)
    assert "Traceback" not in output
    assert not leaks(output, "".join(key_groups)), output


def dashed_key() -> str:
    return "-".join(groups())


@pytest.mark.parametrize("argv", [
    lambda k: [k],  # the key typed where the command belongs
    lambda k: ["check-kms", "--nameserver", k, "--domain", "example.invalid"],
    lambda k: ["check-kms", "--nameserver", "[" + k + "]:53", "--domain", "example.invalid"],
    lambda k: ["--lang", k, "check-key", "x"],
    lambda k: ["check-key", "--" + k],
    lambda k: ["summary", "/nonexistent/" + k + ".json", "--json"],
    lambda k: ["read-status", "/nonexistent/" + k.replace("-", " ")],
    lambda k: ["console-script", "-o", "/nonexistent/" + k],
    lambda k: ["check-kms", "--console-report", "/nonexistent/" + k],
], ids=["command", "nameserver", "nameserver v6", "lang", "option", "summary path", "status path",
        "script folder", "console report path"])
def test_a_key_in_the_wrong_place_on_the_command_line_is_never_echoed(argv):
    code, output = run_main(argv(dashed_key()))
    assert code == 2, output
    assert "Traceback" not in output
    assert not leaks(output, "".join(groups())), output


@pytest.mark.parametrize("as_json", [False, True])
def test_a_key_as_the_domain_to_search_is_not_printed_whole(as_json):
    """A key pasted into --domain is a valid DNS name: the check runs, the key is not shown."""
    code, output = run_main(["check-kms", "--domain", dashed_key(), "--nameserver", "127.0.0.1:9",
                             "--timeout", "0.3", "--no-connect"] + (["--json"] if as_json else []))
    assert code == 3, output
    assert not leaks(output, "".join(groups())), output
    if as_json:
        import json

        json.loads(output)


def test_rollout_never_names_a_record_file_whose_name_holds_a_key(tmp_path):
    (tmp_path / ("room " + " ".join(groups()) + ".json")).write_text('{"schema": "srs-wizard/record/1"}',
                                                                      encoding="utf-8")
    code, output = run_main(["rollout", str(tmp_path), "--json"])
    assert code == 1, output
    assert "Traceback" not in output
    assert not leaks(output, "".join(groups())), output


def test_rollout_files_never_carry_a_key_from_a_record_files_name(tmp_path):
    """The CSV's "Record file" column and the PDF name each record's file: a key in it is cut."""
    import json
    import os
    import subprocess
    import sys

    from pypdf import PdfReader

    from tests.test_pdf import good_record

    rooms = tmp_path / "rooms"
    rooms.mkdir()
    (rooms / ("room " + " ".join(groups()) + ".json")).write_text(json.dumps(good_record()), encoding="utf-8")
    pdf, csv = tmp_path / "o.pdf", tmp_path / "o.csv"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "srs_wizard", "rollout", str(rooms), "-o", str(pdf),
                             "--csv", str(csv)], capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    key = "".join(groups())
    csv_text = csv.read_text(encoding="utf-8-sig")
    assert "room *****-*****-*****-*****-" + key[-5:] in csv_text  # the row is there, its name cut
    assert not leaks(csv_text, key)
    pdf_text = "".join(page.extract_text() or "" for page in PdfReader(str(pdf)).pages)
    assert not leaks(pdf_text, key)
    assert not leaks(result.stdout + result.stderr, key)


@pytest.mark.parametrize("args", [["--domain"], ["--nameserver=127.0.0.1"], ["-x"], ["--" + "D28NC"]])
def test_an_option_without_its_command_does_not_open_the_wizard(args, tmp_path):
    """Offscreen, a window that opened would wait to be closed: the timeout fails the test."""
    from tests.test_start import start

    result = start(*args, env={"QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path)}, timeout=15)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert "first-page-shown" not in result.stdout


def test_a_key_in_resolv_conf_never_reaches_the_stored_config_problem(tmp_path):
    from srs_wizard.core import kms
    from tests.test_mak_page import valid_mak

    key = valid_mak()
    conf = tmp_path / "resolv.conf"
    conf.write_text(f"nameserver {key}\nsearch contoso.test\n")
    config = kms.system_dns_config(str(conf))
    shown = repr(config.problem) + repr(config)
    assert key not in shown and key.replace("-", "") not in shown


def test_the_log_file_cuts_a_key_in_a_file_name_or_an_error(tmp_path):
    import logging

    from srs_wizard import logfile
    from tests.test_mak_page import valid_mak

    key = valid_mak()
    path = logfile.setup(tmp_path)
    log = logging.getLogger("srs_wizard.test")
    log.info("saved %s", tmp_path / f"room-{key}.pdf")
    try:
        raise OSError(13, "Permission denied", f"/media/usb/{key.replace('-', '')}.json")
    except OSError:
        log.exception("could not read")
    for handler in logging.getLogger("srs_wizard").handlers:
        handler.flush()
    text = path.read_text("utf-8")
    assert "saved" in text and "Permission denied" in text and text.count("*****-*****-*****-*****-") >= 2
    assert key not in text and key.replace("-", "") not in text and key[:20] not in text


def test_a_closed_pipe_ends_quietly(tmp_path):
    import subprocess
    import sys

    from tests.rollout_records import write_many

    write_many(tmp_path / "records", 400, hosts=2)  # a JSON answer far larger than a pipe's buffer
    proc = subprocess.Popen([sys.executable, "-m", "srs_wizard", "rollout", str(tmp_path / "records"), "--json"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.read(10)
    proc.stdout.close()  # like `| head -c 10`
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in err and "BrokenPipeError" not in err
