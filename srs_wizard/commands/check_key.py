"""``srs-wizard check-key``: a product key checked offline, shown only as its last five."""

from __future__ import annotations

import argparse
import sys

from srs_wizard.commands.common import EXIT_FAILED, EXIT_OK, print_json, say, usage
from srs_wizard.i18n import translate

PROG = "srs-wizard check-key"
STDIN_LIMIT = 4096  # a key is 29 characters; a pasted line around it, with room to spare


def add_arguments(parser: argparse.ArgumentParser) -> None:
    given = parser.add_mutually_exclusive_group()
    given.add_argument("key", nargs="?", help=translate("cli", "the key (prefer --stdin: it stays out of shell "
                                                               "history)"))
    given.add_argument("--stdin", action="store_true", help=translate("cli", "read the key from standard input"))
    parser.add_argument("--json", action="store_true", help=translate("cli", "print JSON"))


def read_stdin_line() -> str:
    """One line of standard input, at most STDIN_LIMIT bytes: /dev/zero is refused, not read."""
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text stream put in place of standard input
        line = sys.stdin.readline(STDIN_LIMIT + 1)
        too_long = len(line) > STDIN_LIMIT
    else:
        raw = stream.readline(STDIN_LIMIT + 1)
        too_long = len(raw) > STDIN_LIMIT
        line = raw.decode(getattr(sys.stdin, "encoding", None) or "utf-8", errors="replace")
    if too_long:
        raise usage(PROG, translate("cli", "input too long: a product key is 25 characters (at most {limit} bytes "
                                           "are read)").format(limit=STDIN_LIMIT))
    return line


def run(args: argparse.Namespace) -> int:
    from srs_wizard.core import product_key

    if args.stdin:
        text = read_stdin_line()
    elif args.key:
        text = args.key
    else:
        raise usage(PROG, translate("cli", "no key given: use --stdin (recommended) or pass the key"))
    if not text.strip():
        raise usage(PROG, translate("cli", "the key is empty"))
    result = product_key.check(text)
    if args.json:
        from srs_wizard.core.present.product_key import check_json

        print_json(check_json(result))
    else:
        from srs_wizard.core.present.report import format_key_report

        say(format_key_report(result))
    return EXIT_OK if result.valid else EXIT_FAILED
