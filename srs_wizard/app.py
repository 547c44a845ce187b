"""The GUI entry point: QApplication, style, translators, the wizard window."""

from __future__ import annotations

import argparse
import os
import sys

from srs_wizard import APP_NAME, ORGANIZATION


def parse_gui_args(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="srs-wizard")
    parser.add_argument("--lang", choices=["en", "zh_CN"])
    parser.add_argument("--smoke", action="store_true",
                        help="start, show the first page, print 'first-page-shown' and exit 0")
    args, _unknown = parser.parse_known_args(argv)
    if os.environ.get("SRS_WIZARD_SMOKE") == "1":
        args.smoke = True
    return args


def create_application(argv: list[str] | None = None):
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from srs_wizard.paths import resource_path

    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName(ORGANIZATION)
        QCoreApplication.setApplicationName(APP_NAME)
        app = QApplication(sys.argv[:1] + list(argv or []))
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
    app = create_application()
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
