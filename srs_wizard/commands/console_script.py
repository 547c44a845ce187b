"""``srs-wizard console-script``: the collector for a Windows 7 console, written to a folder."""

from __future__ import annotations

import argparse
import os

from srs_wizard.commands.common import EXIT_OK, say, usage
from srs_wizard.i18n import translate

PROG = "srs-wizard console-script"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-o", "--output", metavar="DIR", default=".",
                        help=translate("cli", "folder to write it to (default: the current folder)"))


def run(args: argparse.Namespace) -> int:
    from srs_wizard.core.console_script import SCRIPT_FILES, write_console_script

    try:
        path = write_console_script(args.output)
    except OSError as exc:
        raise usage(PROG, translate("cli", "cannot write to {path}: {reason}").format(
            path=args.output, reason=exc.strerror or exc)) from None
    say(translate("cli", "Wrote {files} to {folder}").format(
        files=", ".join(SCRIPT_FILES), folder=os.path.abspath(path.parent)))
    say(translate("cli", "On the console, double-click {script} (or run it from an administrator "
                         "command prompt for the license state); it writes its report beside itself.")
        .format(script=SCRIPT_FILES[0]))
    return EXIT_OK
