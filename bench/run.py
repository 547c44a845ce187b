"""Benchmarks: each row is ours against a baseline measured in the same run, as a ratio.

    python bench/run.py [section ...]     sections: kms gui pdf summary activation package rollout cli_frozen
                                          (default: all; rollout: records, then console reports and the
                                          PDF of 1,000 rooms)

Medians of repeated, interleaved runs, so a busy machine slows both sides alike. Printed
as a Markdown table; nothing here is a pass/fail test.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.rpc_servers import BindResponder  # noqa: E402
from tests.servers import Dnsmasq, UdpResponder, Zone  # noqa: E402

ROWS: list[tuple[str, str, str, float, float, str]] = []
_qt_app = None


def row(name: str, ours: float, base: float, limit: float, unit: str = "ms", scale: float = 1000.0) -> None:
    ratio = ours / base if base else float("inf")
    fmt = lambda v: f"{v * scale:.1f} {unit}"
    ROWS.append((name, fmt(ours), fmt(base), ratio, limit, "ok" if ratio <= limit else "OVER"))


def interleaved(a, b, repeat: int) -> tuple[float, float]:
    ta, tb = [], []
    for _ in range(repeat):
        ta.append(a())
        tb.append(b())
    return statistics.median(ta), statistics.median(tb)


def timed(fn):
    def run():
        start = time.perf_counter()
        fn()
        return time.perf_counter() - start

    return run


def clean_env(**extra) -> dict:
    """The environment for a timed program: offscreen, and empty settings and data folders,
    so that no remembered draft or settings of the machine's user changes what is measured."""
    import tempfile

    home = tempfile.mkdtemp(prefix="srs-bench-")
    return dict(
        os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=f"{home}/config", XDG_DATA_HOME=f"{home}/data", **extra
    )


def marker_time(cmd: list[str], marker: str = "first-page-shown", env=None, timeout: float = 60) -> float:
    """Seconds from starting a process to the line ``marker`` on its standard output."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env or os.environ.copy()
    )
    try:
        for line in proc.stdout:
            if line.strip() == marker:
                elapsed = time.perf_counter() - start
                break
        else:
            raise RuntimeError(f"{cmd[0]} ended without {marker!r}")
    finally:
        proc.wait(timeout)
    return elapsed


# --------------------------------------------------------------------------- kms

MINIMAL_QUERY = textwrap.dedent("""
    import sys, dns.resolver
    host, port = sys.argv[1].rsplit(":", 1)
    resolver = dns.resolver.Resolver(configure=False)
    resolver.nameservers = [host]
    resolver.port = int(port)
    print([str(r) for r in resolver.resolve("_vlmcs._tcp.contoso.test", "SRV")])
""")

# The same lookups as ``check-kms --no-connect``: the SRV records, then each target's address.
MINIMAL_LOOKUP = textwrap.dedent("""
    import sys, dns.resolver
    host, port = sys.argv[1].rsplit(":", 1)
    resolver = dns.resolver.Resolver(configure=False)
    resolver.nameservers = [host]
    resolver.port = int(port)
    answer = resolver.resolve("_vlmcs._tcp.contoso.test", "SRV")
    for record in answer:
        print(record.target, [str(a) for a in resolver.resolve(record.target, "A")])
""")


def kms_zone_server():
    """dnsmasq with contoso.test's one KMS host (a real bind responder); close both after."""
    listener = BindResponder("kms_win8")
    zone = Zone().add_kms("contoso.test", "kms01.contoso.test", port=listener.port)
    zone.add_host("kms01.contoso.test", "127.0.0.1")
    return Dnsmasq(zone).start(), listener


def fresh_process_pairs(ours: list[str], base: list[str], pairs: int) -> tuple[float, float]:
    """Medians of ``pairs`` interleaved fresh runs of two commands (after one warm-up each)."""
    def once(cmd):
        start = time.perf_counter()
        subprocess.run(cmd, capture_output=True, check=True)
        return time.perf_counter() - start

    once(ours), once(base)  # the file cache warm for both
    return interleaved(lambda: once(ours), lambda: once(base), pairs)


def bench_kms() -> None:
    import dns.resolver

    from srs_wizard.core import kms

    listener = BindResponder("kms_win8")  # a KMS host: the bind is answered, the verdict is ready
    zone = Zone().add_kms("contoso.test", "kms01.contoso.test", port=listener.port)
    zone.add_host("kms01.contoso.test", "127.0.0.1")
    silent = UdpResponder("silent")
    # a.test, b.test and c.test are forwarded to a server that never answers.
    for domain in ("a.test", "b.test", "c.test"):
        zone.forward.append((domain, f"127.0.0.1#{silent.port}"))
    server = Dnsmasq(zone).start()
    try:
        resolver = dns.resolver.Resolver(configure=False)
        resolver.nameservers = ["127.0.0.1"]
        resolver.port = server.port
        resolver.cache = None

        def bare():
            resolver.resolve("_vlmcs._tcp.contoso.test", "SRV")

        def ours():
            kms.find_kms_hosts(["contoso.test"], [server.address], connect=False)

        a, b = interleaved(timed(ours), timed(bare), 300)
        row("find (1 domain, no connect) vs bare dnspython resolve", a, b, 1.2)

        # Four domains, three of which never answer: they must cost one timeout, not three.
        timeout = 1.0

        def four():
            check = kms.find_kms_hosts(
                ["contoso.test", "a.test", "b.test", "c.test"], [server.address], timeout=timeout, connect=False
            )
            assert [d.status for d in check.domains] == ["ok", "timeout", "timeout", "timeout"], check.domains

        four_times = [timed(four)() for _ in range(3)]
        row("4 domains, 3 silent: total vs one timeout", statistics.median(four_times), timeout, 1.2)

        script = ROOT / "bench" / "out" / "minimal_query.py"
        script.parent.mkdir(exist_ok=True)
        script.write_text(MINIMAL_QUERY)
        py = sys.executable

        def cli():
            subprocess.run(
                [
                    py,
                    "-m",
                    "srs_wizard",
                    "check-kms",
                    "--domain",
                    "contoso.test",
                    "--nameserver",
                    server.address,
                    "--json",
                ],
                capture_output=True,
                check=True,
            )

        def minimal():
            subprocess.run([py, str(script), server.address], capture_output=True, check=True)

        a, b = interleaved(timed(cli), timed(minimal), 15)
        row("check-kms --json process (connect, KMS bind) vs minimal dnspython script (SRV only)", a, b, 1.3)

        # The same lookups on both sides, both fresh processes: what starting the command costs.
        lookup = ROOT / "bench" / "out" / "minimal_lookup.py"
        lookup.write_text(MINIMAL_LOOKUP)
        a, b = fresh_process_pairs(
            [py, "-m", "srs_wizard", "check-kms", "--domain", "contoso.test", "--nameserver", server.address,
             "--json", "--no-connect"],
            [py, str(lookup), server.address], 21)
        row("check-kms --no-connect process vs minimal dnspython script (SRV + A, same dnsmasq)", a, b, 1.15)

        # The KMS bind on top of the connection: one KMS responder, the same command with --no-bind.
        def cli_no_bind():
            subprocess.run(
                [
                    py,
                    "-m",
                    "srs_wizard",
                    "check-kms",
                    "--domain",
                    "contoso.test",
                    "--nameserver",
                    server.address,
                    "--json",
                    "--no-bind",
                ],
                capture_output=True,
                check=True,
            )

        a, b = interleaved(timed(cli), timed(cli_no_bind), 15)
        row("check-kms with the KMS bind vs --no-bind (one KMS responder)", a, b, 1.2)

        def find_bind():
            assert kms.find_kms_hosts(["contoso.test"], [server.address]).verdict == "ready"

        def find_connect():
            kms.find_kms_hosts(["contoso.test"], [server.address], bind=False)

        a, b = interleaved(timed(find_bind), timed(find_connect), 100)
        row("find with bind vs connect only, in process (for the record)", a, b, 3.0)
    finally:
        server.close()
        listener.close()
        silent.close()


# --------------------------------------------------------------------------- gui

BARE_WIZARD = textwrap.dedent("""
    import sys
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QWizard, QWizardPage
    app = QApplication(sys.argv)
    wizard = QWizard()
    page = QWizardPage()
    page.setTitle("Welcome")
    wizard.addPage(page)
    class FirstPaint(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Paint:
                page.removeEventFilter(self)
                print("first-page-shown", flush=True)
                QTimer.singleShot(0, app.quit)
            return False
    first = FirstPaint()
    page.installEventFilter(first)
    wizard.show()
    sys.exit(app.exec())
""")


def bench_gui() -> None:
    script = ROOT / "bench" / "out" / "bare_wizard.py"
    script.parent.mkdir(exist_ok=True)
    script.write_text(BARE_WIZARD)
    env = clean_env()
    py = sys.executable
    ours_cmd, base_cmd = [py, "-m", "srs_wizard", "--smoke"], [py, str(script)]
    marker_time(ours_cmd, env=env), marker_time(base_cmd, env=env)  # warm the file cache for both
    ours, base = [], []
    for _ in range(21):  # single starts vary by ±50 ms here: many pairs, medians
        ours.append(marker_time(ours_cmd, env=env))
        base.append(marker_time(base_cmd, env=env))
    row("start to first wizard page (offscreen) vs bare QWizard", statistics.median(ours), statistics.median(base), 1.3)


def bench_pdf() -> None:
    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QFont, QGuiApplication, QPdfWriter, QTextDocument

    from srs_wizard import pdf
    from srs_wizard.core import kms
    from srs_wizard.core.present.summary import summary_html
    from srs_wizard.core.session import Session

    global _qt_app  # kept for the whole run: Qt needs its application object alive
    _qt_app = QGuiApplication.instance() or QGuiApplication([])
    hosts = tuple(
        kms.KmsHost(
            f"kms{i:02d}.contoso.com",
            1688,
            i,
            100,
            "contoso.com",
            (f"10.0.0.{i}",),
            i == 0,
            0.4 if i == 0 else None,
            None,
            probes=(kms.Probe(f"10.0.0.{i}", "open", 0.4),) if i == 0 else (kms.Probe(f"10.0.0.{i}", "timeout", None),),
        )
        for i in range(50)
    )
    check = kms.KmsCheck(
        "ready",
        (kms.DomainResult("contoso.com", "primary", "ok", kms.Detail("records", count=1), 1.0),),
        hosts,
        (),
        5.0,
    )
    record = Session(
        technician="王小明", customer="北京见长门科技有限公司", site="3F 会议室", choice="kms", kms=check
    ).to_record()
    families = pdf.font_families()
    html = summary_html(record, for_print=True, fonts=pdf._css_families(families))

    def ours():
        pdf.render_pdf_bytes(record)

    def bare():
        buffer = QBuffer()
        buffer.open(QIODevice.WriteOnly)
        writer = QPdfWriter(buffer)
        writer.setResolution(pdf.RESOLUTION)
        document = QTextDocument()
        font = QFont()
        font.setFamilies(families)
        document.setDefaultFont(font)
        document.setHtml(html)
        document.print_(writer)

    a, b = interleaved(timed(ours), timed(bare), 9)
    row("PDF of a 50-host record vs bare QTextDocument -> QPdfWriter", a, b, 1.3)


def bench_summary() -> None:
    """``summary`` of a record with a 100 kB note against the same with a 10 kB note: a
    linear renderer takes about 10x; before the fix an unbroken word took about 40x."""
    from datetime import date

    from PySide6.QtGui import QGuiApplication

    from srs_wizard import pdf
    from srs_wizard.core import record as record_mod
    from srs_wizard.core.promo import PromoRequest
    from srs_wizard.core.session import Session

    global _qt_app
    _qt_app = QGuiApplication.instance() or QGuiApplication([])
    base = Session(
        technician="王小明",
        customer="北京见长门科技有限公司",
        site="3F 会议室",
        choice="promo",
        promo=PromoRequest(
            company="Contoso",
            contact_name="张长门",
            contact_email="zhang@example.cn",
            contact_phone="+86 10 6552 8899",
            systems=4,
            deployment_date=date(2026, 12, 1),
        ),
    )
    data = base.to_record().to_json()

    def with_note(chars: int):
        raw = record_mod.unchecked(dict(data, notes="x" * chars)).dumps()

        def run():
            pdf.render_pdf_bytes(record_mod.loads(raw))

        return run

    a, b = interleaved(timed(with_note(100_000)), timed(with_note(10_000)), 5)
    row("summary of a record with a 100 kB note vs a 10 kB note (linear: ~10x)", a, b, 15.0)


def bench_activation() -> None:
    """Reading ospp.vbs output against a bare reader: one regex over the lines, no checks."""
    import re

    from srs_wizard.core import activation as act

    one = act.decode_output((ROOT / "tests" / "corpus" / "ospp" / "pasted_powershell.txt").read_bytes())
    big = (one * (act.MAX_BYTES // len(one)))[: act.MAX_BYTES - 100]
    line = re.compile(r"^\s*([A-Za-z][A-Za-z0-9 ()\-/]*?)\s*:\s?(.*)$")

    def bare(text):
        return [m.groups() for m in map(line.match, text.splitlines()) if m]

    for name, text, repeat in (("a pasted /act + /dstatus (2 kB)", one, 201), ("a pasted megabyte", big, 7)):
        a, b = interleaved(timed(lambda: act.read_status(text)), timed(lambda: bare(text)), repeat)
        # A small answer pays a fixed cost (binary check, masking, dataclasses): a looser goal.
        row(f"read_status of {name} vs one regex over its lines", a, b, 6.0 if len(text) < 10000 else 4.0)
    raw = (ROOT / "tests" / "corpus" / "ospp" / "dstatus_utf16_bom.txt").read_bytes()
    a, b = interleaved(timed(lambda: act.decode_output(raw)), timed(lambda: raw.decode("utf-16")), 201)
    row("decode_output of a UTF-16 file vs bytes.decode", a, b, 4.0, unit="µs", scale=1e6)

    # Hostile lines (spaces without a colon, digits that never become "minutes", ...): the
    # baseline's pattern cannot backtrack, so a reader that does shows here.
    import json

    from srs_wizard.core import console
    from tests.adversarial import adversarial_console_report, adversarial_paste

    hostile = adversarial_paste(1_000_000)
    plain = re.compile(r"^\s*([A-Za-z][^:]*):(.*)$")
    a, b = interleaved(timed(lambda: act.read_status(hostile)),
                       timed(lambda: [m.groups() for m in map(plain.match, hostile.splitlines()) if m]), 7)
    row("read_status of a 1 MB adversarial paste vs one regex over its lines", a, b, 5.0)
    raw_report = adversarial_console_report(1_000_000)

    def read_report():
        report = console.loads(raw_report)
        act.read_status(console.dstatus_text(report))  # as read-status --console-report does

    a, b = interleaved(timed(read_report), timed(lambda: json.loads(raw_report)), 7)
    row("console report of 1 MB (long lines of spaces, its /dstatus read too) vs json.loads", a, b, 5.0)


def _dir_size(path: Path) -> int:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file())


def bench_package() -> None:
    """Our packaged program against a bare one-page QWizard frozen the same way (untrimmed)."""
    ours_dir = ROOT / "dist" / "onedir" / "srs-wizard"
    ours_file = ROOT / "dist" / "onefile" / "srs-wizard"
    venv_py = ROOT / "build" / "venv-package" / "bin" / "python"
    if not (ours_dir / "srs-wizard").exists() or not ours_file.exists() or not venv_py.exists():
        subprocess.run(["bash", str(ROOT / "packaging" / "build.sh")], check=True)
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    script = out / "bare_wizard.py"
    script.write_text(BARE_WIZARD)
    for mode in ("onedir", "onefile"):
        subprocess.run(
            [
                str(venv_py),
                "-m",
                "PyInstaller",
                "--noconfirm",
                "--clean",
                "--log-level",
                "ERROR",
                f"--{mode}",
                "--windowed",
                "--name",
                "bare-wizard",
                "--distpath",
                str(out / f"dist-{mode}"),
                "--workpath",
                str(out / f"build-{mode}"),
                "--specpath",
                str(out),
                str(script),
            ],
            check=True,
        )
    bare_dir = out / "dist-onedir" / "bare-wizard"
    bare_file = out / "dist-onefile" / "bare-wizard"
    ours_size, bare_size = _dir_size(ours_dir), _dir_size(bare_dir)
    row("onedir bundle size vs bare QWizard bundle", ours_size, bare_size, 1.0, unit="MB", scale=1 / 1e6)
    env = clean_env()
    for name, ours_cmd, bare_cmd, pairs in (
        (
            "onedir start to first page vs bare",
            [str(ours_dir / "srs-wizard"), "--smoke"],
            [str(bare_dir / "bare-wizard")],
            21,
        ),
        ("onefile start to first page vs bare", [str(ours_file), "--smoke"], [str(bare_file)], 9),
    ):
        marker_time(ours_cmd, env=env), marker_time(bare_cmd, env=env)  # warm the file cache for both
        ours_t, bare_t = [], []
        for _ in range(pairs):  # single starts vary by ±50 ms here: many pairs, medians
            ours_t.append(marker_time(ours_cmd, env=env))
            bare_t.append(marker_time(bare_cmd, env=env))
        row(name, statistics.median(ours_t), statistics.median(bare_t), 1.3)
    row(
        "onefile file size (srs-wizard) vs bare onefile",
        ours_file.stat().st_size,
        bare_file.stat().st_size,
        1.0,
        unit="MB",
        scale=1 / 1e6,
    )


def bench_cli_frozen() -> None:
    """The frozen onedir ``srs-wizard-cli check-kms`` against the minimal lookup script frozen
    the same way (PyInstaller onedir, console, the same build environment), both against
    the same dnsmasq. Needs ``make package`` first."""
    cli = ROOT / "dist" / "onedir" / "srs-wizard" / "srs-wizard-cli"
    venv_py = ROOT / "build" / "venv-package" / "bin" / "python"
    if not cli.exists() or not venv_py.exists():
        print("cli_frozen: no onedir build (run `make package` first); row skipped", file=sys.stderr)
        return
    out = ROOT / "bench" / "out"
    out.mkdir(exist_ok=True)
    script = out / "minimal_lookup.py"
    script.write_text(MINIMAL_LOOKUP)
    subprocess.run([str(venv_py), "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "ERROR", "--onedir",
                    "--console", "--name", "minimal-lookup", "--distpath", str(out / "dist-lookup"),
                    "--workpath", str(out / "build-lookup"), "--specpath", str(out), str(script)], check=True)
    minimal = out / "dist-lookup" / "minimal-lookup" / "minimal-lookup"
    server, listener = kms_zone_server()
    try:
        a, b = fresh_process_pairs(
            [str(cli), "check-kms", "--domain", "contoso.test", "--nameserver", server.address, "--json",
             "--no-connect"],
            [str(minimal), server.address], 21)
        row("frozen onedir srs-wizard-cli check-kms --no-connect vs the minimal script frozen the same way", a, b, 1.2)
    finally:
        server.close()
        listener.close()


def bench_rollout() -> None:
    """``srs-wizard rollout``'s reading: 10,000 records of 50 hosts against 1,000 (linear
    means about 10x), and per record against reading the same files with json.load alone."""
    import json
    import shutil
    import tempfile

    from srs_wizard.core import record, rollout
    from tests.rollout_records import write_many

    folder = Path(tempfile.mkdtemp(prefix="srs-bench-rollout-"))
    try:
        # 10,000 rooms in one tree, whose sub-folder "first" holds 1,000 of them.
        paths = write_many(folder / "all" / "first", 1000, hosts=50, per_folder=500)
        paths += write_many(folder / "all", 9000, hosts=50, per_folder=500, start=1000)

        def read_many():
            report = rollout.read_rollout([str(folder / "all")])
            assert report.records == 10_000

        def read_few():
            assert rollout.read_rollout([str(folder / "all" / "first")]).records == 1000

        def json_only():
            for path in paths:
                with open(path, "rb") as fh:
                    json.load(fh)

        def loads_only():
            for path in paths:
                with open(path, "rb") as fh:
                    record.loads(fh.read())

        a, b = interleaved(timed(read_many), timed(read_few), 3)
        row("rollout: 10,000 records of 50 hosts vs 1,000 (linear: ~10x)", a, b, 12.0, unit="s", scale=1.0)
        c, d = interleaved(timed(read_many), timed(json_only), 3)
        row("rollout: per record vs json.load of the same files alone", c / 10_000, d / 10_000, 3.0, unit="ms")
        e, f = interleaved(timed(read_many), timed(loads_only), 3)
        row("rollout: per record vs record.loads (summary's validation) alone", e / 10_000, f / 10_000, 1.3, unit="ms")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    bench_rollout_reports()


def bench_rollout_reports() -> None:
    """``srs-wizard rollout`` over console reports (UTF-16, as the collector writes them):
    10,000 consoles against 1,000 (linear: ~10x); per report against the readers it uses
    and against json.loads alone; json.loads calls per report; peak memory for 10,000
    reports of 1,000 consoles against 1,000; the PDF of 1,000 rooms against a minute."""
    import json
    import shutil
    import tempfile
    import tracemalloc
    from datetime import datetime, timedelta, timezone

    from srs_wizard.core import activation, console, rollout
    from tests.console_reports import encode, windows7_report

    start = datetime(2026, 11, 2, 9, 0, tzinfo=timezone(timedelta(hours=8)))
    folder = Path(tempfile.mkdtemp(prefix="srs-bench-reports-"))

    def write(sub: str, consoles: range, offset: int) -> list[Path]:
        paths = []
        for n, i in enumerate(consoles):
            name = f"SRS-ROOM-{i:05d}"
            data = windows7_report(computer__name=name, computer__wmi_name=name,
                                   collected_at=(start + timedelta(minutes=offset + n)).isoformat())
            path = folder / sub / f"batch{n // 500:03d}" / f"srs-console-{name}-{offset + n}.json"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(encode(data))
            paths.append(path)
        return paths

    try:
        first = write("first", range(1000), 0)               # 1,000 consoles
        write("rest", range(1000, 10_000), 1000)               # 9,000 more consoles
        write("again", [i % 1000 for i in range(9000)], 20_000)  # the first 1,000, collected again
        few, many, again = [str(folder / "first")], [str(folder / "first"), str(folder / "rest")], \
            [str(folder / "first"), str(folder / "again")]

        def read_many():
            assert rollout.read_rollout(many).reports == 10_000

        def read_few():
            assert rollout.read_rollout(few).reports == 1000

        def readers_only():
            for path in first:
                report = console.loads(path.read_bytes(), file=str(path))
                activation.read_status(console.dstatus_text(report))

        def json_only():
            for path in first:
                json.loads(path.read_bytes())

        a, b = interleaved(timed(read_many), timed(read_few), 2)
        row("rollout: 10,000 console reports vs 1,000 (linear: ~10x)", a, b, 12.0, unit="s", scale=1.0)
        c, d = interleaved(timed(read_few), timed(readers_only), 3)
        row("rollout: per report vs its readers alone (console.loads + read_status)", c / 1000, d / 1000, 1.3,
            unit="ms")
        e, f = interleaved(timed(read_few), timed(json_only), 3)
        row("rollout: per report vs json.loads of the same files alone (the reader validates and masks)",
            e / 1000, f / 1000, 3.0, unit="ms")

        calls = [0]
        real = json.loads

        def counting(*args, **kwargs):
            calls[0] += 1
            return real(*args, **kwargs)

        json.loads = counting
        try:
            read_few()
        finally:
            json.loads = real
        row("rollout: json.loads calls per report", calls[0] / 1000, 1.0, 3.0, unit="calls", scale=1.0)

        def peak(paths) -> float:
            tracemalloc.start()
            try:
                rollout.read_rollout(paths)
                return tracemalloc.get_traced_memory()[1]
            finally:
                tracemalloc.stop()

        row("rollout: peak memory, 10,000 reports of 1,000 consoles vs 1,000 reports (tracemalloc)",
            peak(again), peak(few), 1.5, unit="MB", scale=1 / 1e6)
        row("rollout: peak memory, 10,000 consoles vs 1,000 (one row each: ~10x at most)",
            peak(many), peak(few), 12.0, unit="MB", scale=1 / 1e6)

        def pdf_run(paths) -> tuple[float, float]:
            """(seconds, peak RSS in kB) of the whole command writing the PDF."""
            out = folder / "rollout.pdf"
            began = time.perf_counter()
            proc = subprocess.Popen([sys.executable, "-m", "srs_wizard", "rollout", *paths, "-o", str(out), "--quiet"],
                                    env=clean_env(), stdout=subprocess.DEVNULL)
            _, status, usage = os.wait4(proc.pid, 0)
            took = time.perf_counter() - began
            assert os.waitstatus_to_exitcode(status) == 0 and out.stat().st_size > 0
            return took, usage.ru_maxrss

        write("hundred", range(100), 0)
        took, rss = pdf_run(few)
        _, rss_hundred = pdf_run([str(folder / "hundred")])
        row("rollout -o: the PDF of 1,000 rooms vs a minute (the whole command)", took, 60.0, 1.0, unit="s",
            scale=1.0)
        row("rollout -o: peak RSS of the command, 1,000 rooms vs 100", rss, rss_hundred, 2.0, unit="MB",
            scale=1 / 1024)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


SECTIONS = {
    "kms": bench_kms,
    "gui": bench_gui,
    "pdf": bench_pdf,
    "summary": bench_summary,
    "activation": bench_activation,
    "package": bench_package,
    "rollout": bench_rollout,
    "cli_frozen": bench_cli_frozen,
}


def compile_sources() -> None:
    """Write the package's .pyc files first, as an installation does: with
    PYTHONDONTWRITEBYTECODE set (as on some machines), every timed start would otherwise
    compile the modules edited since the last cached bytecode, and measure the compiler."""
    import compileall

    compileall.compile_dir(str(ROOT / "srs_wizard"), quiet=1)


def main(argv: list[str]) -> int:
    wanted = argv or list(SECTIONS)
    compile_sources()
    for name in wanted:
        if name not in SECTIONS:
            print(f"unknown section {name}; choose from {', '.join(SECTIONS)}", file=sys.stderr)
            return 2
        SECTIONS[name]()
    print("| benchmark | ours | baseline | ratio | limit | |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    for name, ours, base, ratio, limit, verdict in ROWS:
        print(f"| {name} | {ours} | {base} | {ratio:.2f}x | {limit:.2f}x | {verdict} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
