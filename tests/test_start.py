"""Starting the program: a mistyped command or a machine without a screen gets one plain line."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest


def start(*args: str, env: dict | None = None, drop=(), timeout: float = 30) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k not in drop}
    environ.update(PYTHONIOENCODING="utf-8", **(env or {}))
    return subprocess.run([sys.executable, "-m", "srs_wizard", *args], capture_output=True, text=True,
                          timeout=timeout, env=environ)


@pytest.mark.parametrize("args", [["chek-kms"], ["--lang", "en", "chek-kms", "--domain", "x.test"],
                                  ["--smoke", "chek-kms"]])
def test_an_unknown_command_does_not_open_the_wizard(args, tmp_path):
    # Were the wizard to start, --smoke-less it would wait for a window to close: the
    # timeout, offscreen, would fail the test instead of hanging it.
    result = start(*args, env={"QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path)}, timeout=10)
    assert result.returncode == 2, result.stderr
    assert "unknown command 'chek-kms'" in result.stderr
    for command in ("check-kms", "check-key", "summary"):
        assert command in result.stderr
    assert "did you mean 'check-kms'" in result.stderr
    assert result.stdout == "" and "first-page-shown" not in result.stdout
    assert "Traceback" not in result.stderr


def test_an_unknown_command_is_named_in_chinese():
    result = start("--lang", "zh_CN", "summry")
    assert result.returncode == 2
    assert "未知命令" in result.stderr and "'summry'" in result.stderr and "summary" in result.stderr


def test_known_commands_still_run():
    result = start("--lang", "en", "check-key", "--stdin", "--json")
    assert result.returncode == 2  # its own usage error: the command ran, not the wizard


DISPLAY_VARS = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="displays are named by environment on Linux")
@pytest.mark.parametrize("env", [{}, {"QT_QPA_PLATFORM": "xcb"}, {"QT_QPA_PLATFORM": "wayland;xcb"}])
def test_no_display_says_so_in_one_line(env, tmp_path):
    result = start(env={**env, "XDG_DATA_HOME": str(tmp_path)}, drop=DISPLAY_VARS)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "desktop" in lines[0] and "srs-wizard check-kms" in lines[0]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="an X display that is not there")
def test_a_display_that_does_not_answer_is_not_an_abort(tmp_path):
    # DISPLAY names a server that is not running: Qt's plugin gives up with a fatal
    # message, which must end the program in our words, not with abort() (exit 134).
    result = start(env={"DISPLAY": ":97", "XDG_DATA_HOME": str(tmp_path)}, drop=DISPLAY_VARS)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    from srs_wizard.app import missing_plugin_libraries

    # Where Qt's X11 plugin lacks libraries, that is said first (the next test).
    assert "desktop" in lines[0] or missing_plugin_libraries()[0] in lines[0]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Qt's X11 plugin exists on Linux")
def test_missing_x11_libraries_are_named_not_called_no_display(tmp_path):
    from srs_wizard.app import missing_plugin_libraries

    missing = missing_plugin_libraries()
    if not missing:
        pytest.skip("every library of Qt's X11 plugin is installed here")
    result = start(env={"DISPLAY": ":97", "XDG_DATA_HOME": str(tmp_path)}, drop=DISPLAY_VARS)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert all(name in lines[0] for name in missing) and "no display" not in lines[0]
    assert "srs-wizard check-kms" in lines[0]


def test_the_gui_entry_point_checks_for_a_display_too(tmp_path):
    if not sys.platform.startswith("linux"):
        pytest.skip("displays are named by environment on Linux")
    environ = {k: v for k, v in os.environ.items() if k not in DISPLAY_VARS}
    result = subprocess.run([sys.executable, "-c", "import sys; from srs_wizard import app; sys.exit(app.main([]))"],
                            capture_output=True, text=True, timeout=30, env=environ)
    assert result.returncode == 2 and "desktop" in result.stderr


@pytest.mark.parametrize("how", ["option", "environment"])
def test_smoke_start_still_works_offscreen(how, tmp_path):
    env = {"QT_QPA_PLATFORM": "offscreen", "XDG_DATA_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    if how == "environment":
        env["SRS_WIZARD_SMOKE"] = "1"
    result = start(*(["--smoke"] if how == "option" else []), env=env, drop=("DISPLAY", "WAYLAND_DISPLAY"))
    assert result.returncode == 0, result.stderr
    assert "first-page-shown" in result.stdout


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="displays are named by environment on Linux")
def test_no_display_in_chinese(tmp_path):
    result = start("--lang", "zh_CN", env={"XDG_DATA_HOME": str(tmp_path)}, drop=DISPLAY_VARS)
    assert result.returncode == 2
    assert "桌面" in result.stderr and "srs-wizard check-kms" in result.stderr
