"""``srs-wizard rollout``: one report of many rooms from their saved records."""

from __future__ import annotations

import argparse
import sys

from srs_wizard.commands.common import EXIT_FAILED, EXIT_OK, cannot_write, print_json, refuse_overlap, say, usage
from srs_wizard.i18n import translate

PROG = "srs-wizard rollout"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help=translate("cli", "session records and console reports: files or folders "
                                                       "(searched for *.json)"))
    parser.add_argument("-o", "--output", metavar="OUT.pdf", help=translate("cli", "write the report as a PDF"))
    parser.add_argument("--csv", metavar="OUT.csv", help=translate("cli", "write the rooms as CSV (for Excel)"))
    parser.add_argument("--json", action="store_true", help=translate("cli", "print the rooms and totals as JSON"))
    parser.add_argument("--quiet", action="store_true",
                        help=translate("cli", "no progress line on standard error while reading"))


def _inputs(paths: list[str]):
    """Every file the report would read (named, or found in a named folder)."""
    from srs_wizard.core import rollout

    for path, problem in rollout.iter_candidates(paths):
        if problem is None:
            yield path


def run(args: argparse.Namespace) -> int:
    from srs_wizard.commands.common import CliError
    from srs_wizard.core import files, rollout
    from srs_wizard.core.present import rollout as words

    if not args.output and not args.csv and not args.json:
        raise usage(PROG, translate("cli", "say where to write the report with -o OUT.pdf or --csv OUT.csv, "
                                           "or use --json"))
    for target in (args.output, args.csv):
        if target:
            try:
                files.check_target(target)
            except files.NotARegularFile as exc:
                raise usage(PROG, f"{words.file_text(target)}: {exc.strerror}") from None
            except OSError:
                pass  # e.g. a folder that does not exist: said when writing, with exit 1
    if args.output or args.csv:
        refuse_overlap(PROG, _inputs(args.paths), [args.output, args.csv])
    progress = None if args.quiet else words.ProgressLine.for_stream(sys.stderr)
    try:
        report = rollout.read_rollout(args.paths, progress=progress)
    finally:
        if progress is not None:
            progress.close()
    # Standard output that cannot be written (closed, a full disk) is said once, at the end:
    # the CSV and the PDF are still written, and the exit is 1.
    lost: list[CliError] = []

    def tell(show, *what, **options) -> None:
        if not lost:
            try:
                show(*what, **options)
            except CliError as exc:
                lost.append(exc)

    if args.json:
        tell(print_json, words.report_json(report), allow_nan=False)
    else:
        tell(say, words.totals_line(report.totals))
        tell(say, words.sources_line(report))
    for item in report.not_included:
        say(translate("cli", "not included: {path}: {problem}").format(
            path=words.file_text(item.file), problem=words.not_included_sentence(item)), file=sys.stderr)
    failed = False
    if args.csv:
        try:
            files.atomic_write(args.csv, words.csv_bytes(report))
        except OSError as exc:
            failed = True
            say(f"{PROG}: " + cannot_write(words.file_text(args.csv), exc), file=sys.stderr)
        else:
            if not args.json:
                tell(say, translate("cli", "Wrote {path}").format(path=words.file_text(args.csv)))
    if args.output:
        from srs_wizard import rollout_pdf  # Qt is needed only to draw the PDF

        try:
            rollout_pdf.render_rollout_headless(report, args.output, language=args.language)
        except OSError as exc:
            failed = True
            say(f"{PROG}: " + cannot_write(words.file_text(args.output), exc), file=sys.stderr)
        else:
            if not args.json:
                tell(say, translate("cli", "Wrote {path}").format(path=words.file_text(args.output)))
    if lost:
        raise lost[0]
    if report.records == 0 and report.reports == 0:
        say(f"{PROG}: " + translate("cli", "no session record or console report could be read"), file=sys.stderr)
        return EXIT_FAILED
    return EXIT_FAILED if failed else EXIT_OK
