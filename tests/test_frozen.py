"""The packaged program (``make package``) behaves like the source version.

These run after the build in ``make test``; they prove the spec collects everything the
program needs on this machine. They cannot prove the Windows DLLs (see the README).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
SUFFIX = ".exe" if sys.platform == "win32" else ""
BUILDS = {
    "onedir": ROOT / "dist" / "onedir" / "srs-wizard",
    "onefile": ROOT / "dist" / "onefile",
}

pytestmark = pytest.mark.frozen
# dnsmasq exists only where the suite runs on Linux; on the Windows build runner the smoke
# tests that need no DNS server of their own run (the Python responders of tests/servers.py).
needs_dnsmasq = pytest.mark.skipif(sys.platform == "win32", reason="dnsmasq is not available on Windows")


@pytest.fixture(params=sorted(BUILDS))
def build(request):
    folder = BUILDS[request.param]
    if not (folder / f"srs-wizard-cli{SUFFIX}").exists():
        pytest.fail(f"no {request.param} build in {folder}: run `make package` first")
    return folder


def run(program: Path, *args, env=None, timeout=60):
    return subprocess.run([str(program), *args], capture_output=True, text=True, timeout=timeout,
                          env=dict(os.environ, **(env or {})))


def strip_times(data):
    if isinstance(data, dict):
        return {k: strip_times(v) for k, v in data.items() if k not in ("elapsed_ms", "connect_ms")}
    if isinstance(data, list):
        return [strip_times(v) for v in data]
    return data


def test_version(build):
    from srs_wizard import __version__

    result = run(build / f"srs-wizard-cli{SUFFIX}", "--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"srs-wizard {__version__}"


@needs_dnsmasq
def test_check_kms_same_json_as_source(build, dnsmasq, kms_zone):
    zone, _ = kms_zone
    server = dnsmasq(zone)
    args = ["check-kms", "--domain", "contoso.test", "--domain", "missing.test", "--nameserver", server.address,
            "--json"]
    frozen = run(build / f"srs-wizard-cli{SUFFIX}", *args)
    source = subprocess.run([sys.executable, "-m", "srs_wizard", *args], capture_output=True, text=True, timeout=60)
    assert frozen.returncode == source.returncode == 0, frozen.stderr
    assert strip_times(json.loads(frozen.stdout)) == strip_times(json.loads(source.stdout))


def test_check_kms_against_a_python_dns_responder_same_json_as_source(build, responder):
    """No dnsmasq needed: a DNS server on loopback that refuses every query (tests/servers.py)."""
    server = responder("refused")
    args = ["check-kms", "--domain", "contoso.test", "--nameserver", server.address, "--timeout", "2", "--json"]
    frozen = run(build / f"srs-wizard-cli{SUFFIX}", *args)
    source = subprocess.run([sys.executable, "-m", "srs_wizard", *args], capture_output=True, text=True, timeout=60)
    assert frozen.returncode == source.returncode == 3, frozen.stderr
    data = json.loads(frozen.stdout)
    assert data["verdict"] == "dns_error" and data["domains"][0]["status"] == "refused"
    assert strip_times(data) == strip_times(json.loads(source.stdout))


def test_summary_pdf_with_chinese(build, tmp_path):
    from tests.test_pdf import NOW, session_for

    rec = tmp_path / "rec.json"
    rec.write_text(session_for("promo").to_record(now=NOW).dumps(), encoding="utf-8")
    out = tmp_path / "frozen.pdf"
    result = run(build / f"srs-wizard-cli{SUFFIX}", "summary", str(rec), "-o", str(out),
                 env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    text = "\n".join(p.extract_text(extraction_mode="layout") for p in PdfReader(str(out)).pages)
    assert "北京见长门科技有限公司" in text and "张长门" in text


def test_rollout_pdf_and_csv_with_chinese(build, tmp_path):
    import csv

    from tests.rollout_records import make_record, write

    records = tmp_path / "records"
    write(records, "a.json", make_record("promo", site="3F 会议室", customer="北京见长门科技有限公司"))
    write(records, "b.json", make_record("kms", site="Room 2", activation="licensed"))
    out, table = tmp_path / "rollout.pdf", tmp_path / "rollout.csv"
    result = run(build / f"srs-wizard-cli{SUFFIX}", "--lang", "zh_CN", "rollout", str(records), "-o", str(out),
                 "--csv", str(table), env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    text = "".join(p.extract_text() for p in PdfReader(str(out)).pages)
    assert "北京见长门科技有限公司" in text and "全部客户" in text
    rows = list(csv.reader(table.read_text("utf-8-sig").splitlines()))
    assert rows[0][0] == "状态" and len(rows) == 3


def test_gui_starts_and_shows_its_first_page(build, tmp_path):
    started = time.perf_counter()
    result = run(build / f"srs-wizard{SUFFIX}", "--smoke", timeout=30,
                 env={"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path),
                      "XDG_DATA_HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert "first-page-shown" in result.stdout
    assert time.perf_counter() - started < 20
    logs = list(tmp_path.rglob("srs-wizard.log"))  # the log file works frozen too
    assert logs and "started" in logs[0].read_text("utf-8")


@needs_dnsmasq
def test_frozen_program_speaks_chinese(build, dnsmasq):
    from tests.servers import Zone

    server = dnsmasq(Zone(local=["empty.test"]))
    result = run(build / f"srs-wizard-cli{SUFFIX}", "--lang", "zh_CN", "check-kms", "--domain", "empty.test",
                 "--nameserver", server.address)
    assert result.returncode == 1
    assert "没有任何域发布 _vlmcs._tcp SRV 记录" in result.stdout


def test_console_script_ships_in_the_package(build, tmp_path):
    # The collector's sources are data files: the spec must collect resources/console.
    from srs_wizard.core.console_script import script_sources

    result = run(build / f"srs-wizard-cli{SUFFIX}", "console-script", "-o", str(tmp_path))
    assert result.returncode == 0, result.stderr
    for name, data in script_sources().items():
        assert (tmp_path / name).read_bytes() == data
