"""Benchmarks: each row is ours against a baseline measured in the same run, as a ratio.

    python bench/run.py [section ...]     sections: kms gui pdf package (default: all but package)

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

from tests.servers import Dnsmasq, TcpListener, UdpResponder, Zone  # noqa: E402

ROWS: list[tuple[str, str, str, float, float, str]] = []


def row(name: str, ours: float, base: float, limit: float, unit: str = "ms", scale: float = 1000.0) -> None:
    ratio = ours / base if base else float("inf")
    fmt = (lambda v: f"{v * scale:.1f} {unit}")
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


def marker_time(cmd: list[str], marker: str = "first-page-shown", env=None, timeout: float = 60) -> float:
    """Seconds from starting a process to the line ``marker`` on its standard output."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=env or os.environ.copy())
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


def bench_kms() -> None:
    import dns.resolver

    from srs_wizard.core import kms

    listener = TcpListener()
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
            check = kms.find_kms_hosts(["contoso.test", "a.test", "b.test", "c.test"],
                                       [server.address], timeout=timeout, connect=False)
            assert [d.status for d in check.domains] == ["ok", "timeout", "timeout", "timeout"], check.domains
        four_times = [timed(four)() for _ in range(3)]
        row("4 domains, 3 silent: total vs one timeout", statistics.median(four_times), timeout, 1.2)

        script = ROOT / "bench" / "out" / "minimal_query.py"
        script.parent.mkdir(exist_ok=True)
        script.write_text(MINIMAL_QUERY)
        py = sys.executable

        def cli():
            subprocess.run([py, "-m", "srs_wizard", "check-kms", "--domain", "contoso.test", "--nameserver",
                            server.address, "--json"], capture_output=True, check=True)

        def minimal():
            subprocess.run([py, str(script), server.address], capture_output=True, check=True)

        a, b = interleaved(timed(cli), timed(minimal), 15)
        row("check-kms --json process vs minimal dnspython script", a, b, 1.3)
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
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    py = sys.executable
    ours, base = [], []
    for _ in range(11):
        ours.append(marker_time([py, "-m", "srs_wizard", "--smoke"], env=env))
        base.append(marker_time([py, str(script)], env=env))
    row("start to first wizard page (offscreen) vs bare QWizard", statistics.median(ours), statistics.median(base), 1.3)


SECTIONS = {"kms": bench_kms, "gui": bench_gui}


def main(argv: list[str]) -> int:
    wanted = argv or [s for s in SECTIONS if s != "package"]
    for name in wanted:
        if name not in SECTIONS:
            print(f"unknown section {name}; choose from {', '.join(SECTIONS)}", file=sys.stderr)
            return 2
        SECTIONS[name]()
    print("| benchmark | ours | baseline | ratio | limit | |")
    print("| --- | ---: | ---: | ---: | ---: | --- |")
    for name, ours, base, ratio, limit, verdict in ROWS:
        print(f"| {name} | {ours} | {base} | {ratio:.2f}x | {limit:.1f}x | {verdict} |")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
