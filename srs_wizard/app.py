"""The GUI entry point: QApplication, style, translators, the wizard window."""

from __future__ import annotations

import argparse
import os
import sys

from srs_wizard import APP_NAME, ORGANIZATION
from srs_wizard.lang import LANGUAGES


def parse_gui_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="srs-wizard")
    parser.add_argument("--lang", choices=LANGUAGES)
    parser.add_argument("--smoke", action="store_true",
                        help="start, show the first page, print 'first-page-shown' and exit 0")
    args, _unknown = parser.parse_known_args(argv)
    if os.environ.get("SRS_WIZARD_SMOKE") == "1":
        args.smoke = True
    return args


EXIT_NO_DISPLAY = 2  # as a usage error: this is not where the window can open; a command can run

# Qt platforms that draw on a screen server named by DISPLAY or WAYLAND_DISPLAY; the others
# (offscreen, minimal, vnc, linuxfb, eglfs, ...) need neither.
_NEEDS_A_DISPLAY_SERVER = ("", "xcb", "wayland", "wayland-egl", "wayland-brcm")


def has_display(environ=None) -> bool:
    """Could Qt open a window here? Only Linux and other X11/Wayland systems can tell from the
    environment; Windows and macOS always have their own platform."""
    environ = os.environ if environ is None else environ
    if sys.platform in ("win32", "darwin"):
        return True
    platforms = [p.split(":", 1)[0].strip() for p in environ.get("QT_QPA_PLATFORM", "").split(";")]
    if any(p not in _NEEDS_A_DISPLAY_SERVER for p in platforms):
        return True
    return bool(environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"))


def no_display_exit(language: str | None) -> int:
    """One line in the technician's language instead of Qt's page of plugin text (or an abort)."""
    from srs_wizard import lang, qm
    from srs_wizard.i18n import translate

    qm.install_for_cli(language or lang.system_language_without_qt())
    message = translate("app", "srs-wizard: there is no display to open the wizard window on. Run it on the "
                               "console's desktop, or use a command such as srs-wizard check-kms (see srs-wizard "
                               "--help).")
    if sys.stderr is not None:
        print(message, file=sys.stderr, flush=True)
    return EXIT_NO_DISPLAY


def missing_plugin_libraries(plugin: str = "xcb") -> list[str]:
    """The shared libraries Qt's platform plugin needs and this system lacks (``ldd``'s "not
    found" lines), in order, once each; [] when none are missing or it cannot be told."""
    import re
    import subprocess
    from pathlib import Path

    try:
        import PySide6

        path = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / f"libq{plugin}.so"
        out = subprocess.run(["ldd", str(path)], capture_output=True, text=True, timeout=10).stdout
    except (OSError, subprocess.SubprocessError, ImportError):
        return []
    return list(dict.fromkeys(re.findall(r"^\s*(\S+) => not found", out, re.M)))


def _plugin_not_loaded(messages: list[str]) -> bool:
    return any('Could not load the Qt platform plugin "xcb"' in m or "needed to load the Qt xcb platform plugin" in m
               for m in messages)


def missing_libraries_exit(language: str | None, libraries: list[str]) -> int:
    """There is a display, but Qt's X11 plugin cannot load: say which libraries are missing."""
    from srs_wizard import lang, qm
    from srs_wizard.i18n import translate

    qm.install_for_cli(language or lang.system_language_without_qt())
    message = translate("app", "srs-wizard: the wizard window cannot open: Qt's X11 platform plugin needs libraries "
                               "this system does not have: {libraries}. Install the packages that provide them (on "
                               "Debian or Ubuntu, apt-file search {first} names the package); commands such as "
                               "srs-wizard check-kms work without them.").format(libraries=", ".join(libraries),
                                                                                 first=libraries[0])
    if sys.stderr is not None:
        print(message, file=sys.stderr, flush=True)
    return EXIT_NO_DISPLAY


def _construct_or_exit(make, language: str | None):
    """Build the QApplication; if Qt's platform plugin gives up (a DISPLAY nobody answers,
    missing X libraries), end with our one line and EXIT_NO_DISPLAY rather than abort()."""
    from PySide6.QtCore import QtMsgType, qInstallMessageHandler

    held: list[str] = []

    def handler(kind, _context, message):
        if kind == QtMsgType.QtFatalMsg:
            missing = missing_plugin_libraries() if _plugin_not_loaded(held + [message]) else []
            os._exit(missing_libraries_exit(language, missing) if missing else no_display_exit(language))
        held.append(message)

    previous = qInstallMessageHandler(handler)
    try:
        return make()
    finally:
        qInstallMessageHandler(previous)
        if held and sys.stderr is not None:  # what Qt said while starting, as it would have
            print("\n".join(held), file=sys.stderr)


def create_application(argv: list[str] | None = None, language: str | None = None):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from srs_wizard.paths import resource_path

    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APP_NAME)
        app = _construct_or_exit(lambda: QApplication(sys.argv[:1] + list(argv or [])), language)
    style = resource_path("style.qss")
    if style.exists():
        app.setStyleSheet(style.read_text("utf-8"))
    return app


def _start_log(wizard) -> None:
    import logging
    import platform

    from PySide6.QtCore import qVersion

    from srs_wizard import __version__, logfile

    wizard.log_path = logfile.setup(wizard.data_dir)
    logging.getLogger("srs_wizard").info(
        "srs-wizard %s started (Qt %s, Python %s, %s %s %s, language %s)", __version__, qVersion(),
        platform.python_version(), platform.system(), platform.release(), platform.machine(), wizard.language)


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    args = parse_gui_args(argv)
    if not has_display():
        return no_display_exit(args.lang)
    app = create_application(language=args.lang)
    from PySide6.QtCore import QTimer

    from srs_wizard.ui.wizard import SrsWizard

    wizard = SrsWizard(language=args.lang)
    # An error nobody expected is shown in words and logged, not lost with a windowed
    # program's missing console.
    sys.excepthook = lambda kind, value, tb: wizard.report_unexpected_error(kind, value, tb)
    # The log file is opened just after the first paint, not before it.
    wizard.first_page_shown.connect(lambda: QTimer.singleShot(0, lambda: _start_log(wizard)))
    wizard.show()
    if args.smoke:
        # Prove the program starts: the first page is painted, the other pages build, exit 0.
        def first_page_shown():
            if sys.stdout is not None:  # a windowed Windows program has no console to print to
                print("first-page-shown", flush=True)
            wizard.ensure_pages()
            QTimer.singleShot(0, wizard.close)
        wizard.first_page_shown.connect(first_page_shown)
    return app.exec()
