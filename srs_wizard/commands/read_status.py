"""``srs-wizard read-status``: what ospp.vbs printed on the console, read into a verdict."""

from __future__ import annotations

import argparse
import re

from srs_wizard.commands.common import (
    EXIT_FAILED,
    EXIT_OK,
    EXIT_USAGE,
    CliError,
    load_console_report,
    print_json,
    read_input,
    say,
    usage,
)
from srs_wizard.i18n import translate

PROG = "srs-wizard read-status"
_MASKED_PREFIX = "*****-*****-*****-*****-"
_LAST5 = re.compile(r"[A-Za-z0-9]{5}")


def _last5(text: str) -> str:
    """``--expect-last5``: five letters or digits, or a masked key ending in them."""
    value = text.strip().upper()
    if value.startswith(_MASKED_PREFIX):
        value = value[len(_MASKED_PREFIX):]
    if not _LAST5.fullmatch(value):
        raise argparse.ArgumentTypeError(translate("cli", "--expect-last5 takes the last 5 characters of the key, "
                                                          "for example 7RQ2K"))
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    source = parser.add_mutually_exclusive_group()
    source.add_argument("file", nargs="?", default=None, metavar="FILE|-",
                        help=translate("cli", "a file with the output, or - (the default) for standard input"))
    parser.add_argument("--expect-last5", metavar="XXXXX", type=_last5,
                        help=translate("cli", "the last 5 characters of the MAK: the installed key must end so"))
    source.add_argument("--console-report", metavar="FILE",
                        help=translate("cli", "take the /dstatus output from a console report written by "
                                              "srs-collect.cmd (instead of FILE)"))
    parser.add_argument("--json", action="store_true", help=translate("cli", "print JSON"))


def run(args: argparse.Namespace) -> int:
    from srs_wizard.core import activation
    from srs_wizard.core.present import activation as words

    expected = args.expect_last5
    console_report = None
    if args.console_report is not None:
        console_report, text = _console_dstatus(args.console_report)
    else:
        text = _read_text(args.file or "-")
    report = activation.read_status(text)
    installation_ids = activation.read_installation_ids(text)  # /dinstid lines, for offline activation
    if console_report is not None and not installation_ids:
        from srs_wizard.core.console import dinstid_text

        installation_ids = activation.read_installation_ids(dinstid_text(console_report) or "")
    items = words.advice(report, expected, activation.compare_kms_host(report))
    matches = activation.key_matches(report, expected)
    if args.json:
        data = words.status_json(report, items, matches, console_report)
        if installation_ids:
            data["installation_ids"] = [i.to_json() for i in installation_ids]
        print_json(data)
    else:
        if console_report is not None:
            from srs_wizard.core.present.console import collected_line

            say(collected_line(console_report.computer, console_report.collected_at))
        from srs_wizard.core.present.report import format_status_and_ids

        say(format_status_and_ids(report, items, installation_ids, matches))
    if report.verdict == activation.UNREADABLE:
        return EXIT_USAGE
    return EXIT_OK if report.verdict == activation.LICENSED else EXIT_FAILED


def _console_dstatus(path: str):
    """(report, its /dstatus text); CliError (2) in one line when the report has none."""
    from srs_wizard.core import console
    from srs_wizard.core.present.console import collector_problem_text

    report = load_console_report(path, PROG)
    text = console.dstatus_text(report)
    if text is None:
        reasons = "; ".join(collector_problem_text(p) for p in report.collector_problems)
        line = translate("cli", "{path} holds no ospp.vbs /dstatus output").format(path=path)
        if reasons:
            line += translate("cli", ": {reasons}").format(reasons=reasons)
        raise CliError(EXIT_USAGE, line)
    return report, text


def _read_text(path: str) -> str:
    """The text of FILE or standard input; CliError (2) in one line when it is no ospp.vbs answer."""
    from srs_wizard.core import activation

    where = translate("cli", "standard input") if path == "-" else path
    data = read_input(path, activation.MAX_BYTES, PROG, too_large=translate(
        "cli", "{path} is larger than 1 MB: not an ospp.vbs answer").format(path=where))
    text = activation.decode_output(data)
    if activation.looks_binary(text):
        raise usage(PROG, translate("cli", "{path} is not text: not an ospp.vbs answer").format(path=where))
    return text
