"""The command line's entry: the parser, the dispatch to ``srs_wizard.commands``, and the one
place where what went wrong becomes an exit code.

This module imports no Qt, so the checks start as fast as plain Python and run on a
machine without a screen. Only the command that runs is imported (``summary`` and
``rollout`` load Qt there, to draw their PDFs).
"""

from __future__ import annotations

import argparse
import sys
from typing import Sequence

from srs_wizard import commands
from srs_wizard.commands.common import EXIT_CANCELLED, EXIT_FAILED, EXIT_USAGE, CliError, masked, say
from srs_wizard.i18n import translate
from srs_wizard.lang import LANGUAGES


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one plain line and exit 2, never a traceback."""

    def error(self, message: str) -> None:  # type: ignore[override]
        hint = translate("cli", "see --help")
        self.exit(EXIT_USAGE, masked(f"{self.prog}: {message} ({hint})") + "\n")


class _VersionAction(argparse.Action):
    """``--version``, with the version looked up only when asked for."""

    def __call__(self, parser, namespace, values, option_string=None):
        from srs_wizard import __version__

        say(f"srs-wizard {__version__}")
        parser.exit(0)


def _language_from_argv(argv: Sequence[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def build_parser(load: Sequence[str] | None = None, only: str | None = None) -> argparse.ArgumentParser:
    """The parser with every command listed (``only``: that command alone); the options of the
    commands in ``load`` (default: all) are added, which imports their modules.
    ``parser.commands``: name -> its parser."""
    parser = _Parser(
        prog="srs-wizard",
        description=translate(
            "cli",
            "Find out how a Skype Room System gets its Skype for Business volume license. "
            "Without a command the wizard window opens.",
        ),
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help=translate("cli", "print the version and "
                                                                                           "exit"))
    parser.add_argument("--lang", choices=LANGUAGES, help=translate("cli", "language of the output"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    # --lang is welcome after the command too: srs-wizard check-kms --lang zh_CN ...
    lang_parent = argparse.ArgumentParser(add_help=False)
    lang_parent.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                             help=translate("cli", "language of the output"))
    parser.commands = {}  # type: ignore[attr-defined]
    for name, summary in commands.summaries().items():
        if only is not None and name != only:
            continue
        command = sub.add_parser(name, parents=[lang_parent], help=summary)
        if load is None or name in load:
            commands.load(name).add_arguments(command)
        parser.commands[name] = command  # type: ignore[attr-defined]
    return parser


def _options_before(argv: Sequence[str], word: str) -> bool:
    """Whether an option other than --lang comes before the command (-h, --version, ...)."""
    skip = False
    for arg in argv:
        if skip:
            skip = False
        elif arg == word:
            return False
        elif arg == "--lang":
            skip = True
        elif arg.startswith("-") and not arg.startswith("--lang="):
            return True
    return False


def _unknown_command(word: str) -> int:
    """A mistyped command: say so, list the commands, exit 2 (the wizard is not opened)."""
    import difflib

    names = list(commands.COMMANDS)
    line = translate("cli", "srs-wizard: unknown command '{command}'").format(command=word)
    close = difflib.get_close_matches(word, names, n=1)
    if close:
        line += " " + translate("cli", "(did you mean '{command}'?)").format(command=close[0])
    say(line, file=sys.stderr)
    say(translate("cli", "Commands: {commands}. Without a command the wizard window opens; "
                         "see srs-wizard --help.").format(commands=", ".join(names)), file=sys.stderr)
    return EXIT_USAGE


def _as_cli_error(exc: BaseException) -> CliError | None:
    """The one table of what went wrong -> exit code, for what a command lets through."""
    from srs_wizard.core import files

    if isinstance(exc, (files.NotARegularFile, files.SameFile, files.TooLarge)):
        return CliError(EXIT_USAGE, f"{exc.filename}: {exc.strerror}")
    kms_model = sys.modules.get("srs_wizard.core.kms.model")  # loaded if a command used it
    if kms_model is not None and isinstance(exc, kms_model.UsageError):
        from srs_wizard.core.present.kms_inputs import usage_error_text

        return CliError(EXIT_USAGE, usage_error_text(exc))
    return None


def main(argv: Sequence[str] | None = None) -> int:
    from srs_wizard.commands.common import make_output_safe

    make_output_safe()
    try:
        return _main(argv)
    except CliError as exc:
        for line in exc.lines():
            say(line, file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        # Ctrl-C: the work stops where it is; nothing half-written is left (writes are atomic).
        say(translate("cli", "cancelled"), file=sys.stderr)
        return EXIT_CANCELLED
    except BrokenPipeError:
        # The reader went away (``srs-wizard read-status x | head``): nothing more to say.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # Python's own flush at exit would fail again
        return EXIT_FAILED
    except (OSError, ValueError) as exc:
        error = _as_cli_error(exc)
        if error is None:
            raise
        for line in error.lines():
            say(line, file=sys.stderr)
        return error.exit_code


def _main(argv: Sequence[str] | None = None) -> int:
    from srs_wizard import lang, qm
    from srs_wizard.argv import first_word

    argv = list(sys.argv[1:] if argv is None else argv)
    # The language first, so that help and usage errors are in it too.
    language = _language_from_argv(argv) or lang.system_language_without_qt()
    qm.install_for_cli(language)
    word = first_word(argv)
    if word is not None and word not in commands.COMMANDS:
        return _unknown_command(word)
    # A command runs with its own parser alone: the other commands' parsers are for the list
    # of --help, which is only shown when an option before the command asks for it.
    only = word if word is not None and not _options_before(argv, word) else None
    parser = build_parser(load=[word] if word else [], only=only)
    args = parser.parse_args(argv)
    args.language = language
    if args.command is None:
        parser.print_help()
        return EXIT_USAGE
    return commands.load(args.command).run(args)
