"""``srs-wizard summary``: a saved session record drawn as the wizard's PDF, without a window."""

from __future__ import annotations

import argparse

from srs_wizard.commands.common import (
    EXIT_FAILED,
    EXIT_OK,
    CliError,
    cannot_read,
    cannot_write,
    print_json,
    refuse_overlap,
    say,
    usage,
)
from srs_wizard.i18n import translate

PROG = "srs-wizard summary"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("record", metavar="RECORD.json")
    parser.add_argument("-o", "--output", metavar="OUT.pdf")
    parser.add_argument("--json", action="store_true", help=translate("cli", "print the validated record"))


def _invalid(path: str, problems) -> CliError:
    from srs_wizard.core.present.record import problem_text

    return CliError(EXIT_FAILED, translate("cli", "{path} is not a valid session record:").format(path=path),
                    [problem_text(p) for p in problems])


def run(args: argparse.Namespace) -> int:
    from srs_wizard.core import files
    from srs_wizard.core import record as record_mod

    if not args.output and not args.json:
        raise usage(PROG, translate("cli", "say where to write the PDF with -o OUT.pdf, or use --json"))
    if args.output:
        try:  # before the work: /dev/null, a FIFO or a folder is refused, never replaced
            files.check_target(args.output)
        except OSError as exc:
            raise usage(PROG, cannot_write(args.output, exc)) from None
        refuse_overlap(PROG, [args.record], [args.output])
    try:
        raw = files.read_bounded(args.record, record_mod.MAX_RECORD_BYTES)
    except files.TooLarge:
        from srs_wizard.core.record_problems import TOO_BIG, Problem

        raise _invalid(args.record, [Problem("", TOO_BIG, (record_mod.MAX_RECORD_BYTES,))]) from None
    except OSError as exc:
        raise usage(PROG, cannot_read(args.record, exc)) from None
    try:
        rec = record_mod.loads(raw)
    except record_mod.RecordError as exc:
        raise _invalid(args.record, exc.problems) from None
    if args.json:
        print_json(rec.to_json(), allow_nan=False)
    if args.output:
        from srs_wizard import pdf  # Qt is needed only to draw the PDF

        try:
            pdf.render_record_headless(rec, args.output, language=args.language)
        except files.NotARegularFile as exc:  # it changed since the check above
            raise usage(PROG, cannot_write(args.output, exc)) from None
        except OSError as exc:
            raise CliError(EXIT_FAILED, cannot_write(args.output, exc), prog=PROG) from None
        if not args.json:
            say(translate("cli", "Wrote {path}").format(path=args.output))
    return EXIT_OK
