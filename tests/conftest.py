from __future__ import annotations

import os
import subprocess
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402

from tests.servers import Dnsmasq, TcpListener, UdpResponder, Zone  # noqa: E402

pytest_plugins = ["tests.rpc_fixtures"]


@pytest.fixture
def dnsmasq():
    """Factory: ``dnsmasq(zone)`` starts a real dnsmasq for that zone on a free port."""
    started: list[Dnsmasq] = []

    def start(zone: Zone) -> Dnsmasq:
        server = Dnsmasq(zone).start()
        started.append(server)
        return server

    yield start
    for server in started:
        server.close()


@pytest.fixture
def responder():
    """Factory: ``responder("silent" | "garbage" | "refused" | "servfail" | "wrong_id")``."""
    made: list[UdpResponder] = []

    def make(mode: str) -> UdpResponder:
        r = UdpResponder(mode)
        made.append(r)
        return r

    yield make
    for r in made:
        r.close()


@pytest.fixture
def listener():
    made: list[TcpListener] = []

    def make(host: str = "127.0.0.1") -> TcpListener:
        lst = TcpListener(host)
        made.append(lst)
        return lst

    yield make
    for lst in made:
        lst.close()


@pytest.fixture
def kms_zone(rpc_responder):
    """A zone with one KMS host (a real responder that accepts the KMS bind) in contoso.test."""
    lst = rpc_responder("kms_win8")
    zone = Zone().add_kms("contoso.test", "kms01.contoso.test", port=lst.port)
    zone.add_host("kms01.contoso.test", "127.0.0.1")
    return zone, lst


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "settings.ini"), QSettings.IniFormat)


@pytest.fixture
def make_wizard(qtbot, settings, tmp_path):
    made = []

    def make(**kwargs):
        kwargs.setdefault("settings", settings)
        kwargs.setdefault("data_dir", tmp_path / "appdata")
        from srs_wizard.ui.wizard import SrsWizard

        wizard = SrsWizard(**kwargs)
        qtbot.addWidget(wizard)
        wizard.show()
        qtbot.waitExposed(wizard)
        qtbot.waitUntil(lambda: wizard.started, timeout=5000)  # first page shown, the rest built
        made.append(wizard)
        return wizard

    yield make
    for wizard in made:
        wizard.shutdown()
        assert wizard.pool.activeThreadCount() == 0
        assert wizard.file_pool.activeThreadCount() == 0


def run_cli(*args: str, stdin: str | bytes | None = None, env: dict | None = None, timeout: float = 60,
            cwd=None) -> subprocess.CompletedProcess:
    """``python -m srs_wizard ARGS`` as a real process: text in and out as UTF-8 (bytes when
    ``stdin`` is bytes), the environment's settings overridden by ``env``."""
    environment = dict(os.environ, PYTHONIOENCODING="utf-8")
    environment.update(env or {})
    as_text = not isinstance(stdin, bytes)
    options = dict(encoding="utf-8", errors="replace") if as_text else {}
    return subprocess.run([sys.executable, "-m", "srs_wizard", *args], input=stdin, capture_output=True,
                          timeout=timeout, env=environment, cwd=cwd, **options)


# The C locale with no language list: the program's own default language (English).
C_LOCALE = {"LC_ALL": "C.UTF-8", "LANGUAGE": ""}


@pytest.fixture(scope="session")
def cli():
    """``cli("check-kms", "--json", ...)``: the command line run as a user runs it."""
    return run_cli


def package_index() -> str:
    """The index pip downloads from here (PIP_INDEX_URL, else pip's own default)."""
    return os.environ.get("PIP_INDEX_URL") or "https://pypi.org/simple"


def index_unreachable_reason() -> str | None:
    """Why the package index cannot be used from here, or None: one quick connection, 3 s at most."""
    import socket
    from urllib.parse import urlsplit

    url = urlsplit(package_index())
    if url.scheme == "file":
        return None if os.path.isdir(url.path) else f"the package index {url.path} does not exist"
    port = url.port or (443 if url.scheme == "https" else 80)
    try:
        socket.create_connection((url.hostname, port), timeout=3).close()
    except OSError as exc:
        return f"the package index {url.hostname}:{port} cannot be reached ({exc.strerror or exc})"
    return None


_index_reason: list[str | None] = []


def pytest_runtest_setup(item):
    if item.get_closest_marker("network") is not None:
        if not _index_reason:
            _index_reason.append(index_unreachable_reason())
        if _index_reason[0] is not None:
            pytest.skip(_index_reason[0])
