"""The command line: ``srs-wizard check-kms``, ``check-key``, ``summary`` and ``rollout``.

This module imports no Qt, so the checks start as fast as plain Python and run on a
machine without a screen. ``summary`` needs Qt to draw the PDF and imports it only there.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Sequence

from srs_wizard.core.report import format_key_report, format_kms_report
from srs_wizard.i18n import translate


EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_DNS_ERROR = 3


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one plain line and exit 2, never a traceback."""

    def error(self, message: str) -> None:  # type: ignore[override]
        hint = translate("cli", "see --help")
        self.exit(EXIT_USAGE, f"{self.prog}: {message} ({hint})\n")


class _VersionAction(argparse.Action):
    """``--version``, with the version looked up only when asked for."""

    def __call__(self, parser, namespace, values, option_string=None):
        from srs_wizard import __version__

        print(f"srs-wizard {__version__}")
        parser.exit(0)


def _usage_error(prog: str, message: str) -> int:
    print(f"{prog}: {message}", file=sys.stderr)
    return EXIT_USAGE


def _language_from_argv(argv: Sequence[str]) -> str | None:
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="srs-wizard",
        description=translate(
            "cli",
            "Find out how a Skype Room System gets its Skype for Business volume license. "
            "Without a command the wizard window opens.",
        ),
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help=translate("cli", "print the version and exit"))
    parser.add_argument("--lang", choices=["en", "zh_CN"], help=translate("cli", "language of the output"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    # --lang is welcome after the command too: srs-wizard check-kms --lang zh_CN ...
    lang_parent = argparse.ArgumentParser(add_help=False)
    lang_parent.add_argument("--lang", choices=["en", "zh_CN"], default=argparse.SUPPRESS,
                             help=translate("cli", "language of the output"))

    kms = sub.add_parser("check-kms", parents=[lang_parent], help=translate("cli", "find KMS hosts in DNS and test that they answer"))
    kms.add_argument("--domain", action="append", default=[], metavar="D",
                     help=translate("cli", "DNS domain to search (repeatable); default: this machine's"))
    kms.add_argument("--nameserver", action="append", default=[], metavar="HOST[:PORT]",
                     help=translate("cli", "DNS server to ask (repeatable); IPv6 as [addr]:port"))
    kms.add_argument("--timeout", default="5", metavar="S",
                     help=translate("cli", "overall DNS time budget in seconds (default 5)"))
    kms.add_argument("--connect-timeout", default="2", metavar="S",
                     help=translate("cli", "TCP connect timeout in seconds (default 2)"))
    kms.add_argument("--no-connect", action="store_true",
                     help=translate("cli", "do not test TCP connections to the hosts"))
    kms.add_argument("--expect", action="append", default=[], metavar="HOST",
                     help=translate("cli", "a KMS host the customer runs (repeatable); others are flagged"))
    kms.add_argument("--json", action="store_true", help=translate("cli", "print JSON"))
    kms.add_argument("--resolv-conf", metavar="FILE", help=argparse.SUPPRESS)

    key = sub.add_parser("check-key", parents=[lang_parent], help=translate("cli", "check a product key (MAK) offline"))
    key.add_argument("key", nargs="?", help=translate("cli", "the key (prefer --stdin: it stays out of shell history)"))
    key.add_argument("--stdin", action="store_true", help=translate("cli", "read the key from standard input"))
    key.add_argument("--json", action="store_true", help=translate("cli", "print JSON"))

    summary = sub.add_parser("summary", parents=[lang_parent], help=translate("cli", "render a saved session record as a PDF"))
    summary.add_argument("record", metavar="RECORD.json")
    summary.add_argument("-o", "--output", metavar="OUT.pdf")
    summary.add_argument("--json", action="store_true", help=translate("cli", "print the validated record"))

    rollout = sub.add_parser("rollout", parents=[lang_parent],
                             help=translate("cli", "one report of many rooms from their saved records"))
    rollout.add_argument("paths", nargs="+", metavar="PATH",
                         help=translate("cli", "record files and folders (searched for *.json)"))
    rollout.add_argument("-o", "--output", metavar="OUT.pdf", help=translate("cli", "write the report as a PDF"))
    rollout.add_argument("--csv", metavar="OUT.csv", help=translate("cli", "write the rooms as CSV (for Excel)"))
    rollout.add_argument("--json", action="store_true", help=translate("cli", "print the rooms and totals as JSON"))
    return parser


# --------------------------------------------------------------------------- check-kms


def exit_code_for_verdict(verdict: str) -> int:
    from srs_wizard.core import kms

    if verdict in (kms.READY, kms.FOUND):
        return EXIT_OK
    if verdict == kms.DNS_ERROR:
        return EXIT_DNS_ERROR
    return EXIT_FAILED


def run_check_kms(args: argparse.Namespace) -> int:
    from srs_wizard.core import kms

    prog = "srs-wizard check-kms"
    try:
        timeout = kms.parse_seconds(args.timeout, translate("cli", "timeout"))
        connect_timeout = kms.parse_seconds(args.connect_timeout, translate("cli", "connect timeout"))
        domains = [kms.normalise_domain(d) for d in args.domain]
        servers = [kms.parse_nameserver(n) for n in args.nameserver]
        for host in args.expect:
            kms.check_expected_host(host)
    except kms.UsageError as exc:
        return _usage_error(prog, str(exc))
    try:
        check = kms.find_kms_hosts(domains or None, servers or None, timeout=timeout,
                                   connect=not args.no_connect, connect_timeout=connect_timeout,
                                   expect=args.expect or None, resolv_conf=args.resolv_conf)
    except kms.UsageError as exc:
        return _usage_error(prog, str(exc))
    if args.json:
        print(json.dumps(check.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_kms_report(check))
    return exit_code_for_verdict(check.verdict)


# --------------------------------------------------------------------------- check-key


def run_check_key(args: argparse.Namespace) -> int:
    from srs_wizard.core import product_key

    prog = "srs-wizard check-key"
    if args.stdin and args.key:
        return _usage_error(prog, translate("cli", "give the key either as an argument or with --stdin, not both"))
    if args.stdin:
        text = sys.stdin.readline()
    elif args.key:
        text = args.key
    else:
        return _usage_error(prog, translate("cli", "no key given: use --stdin (recommended) or pass the key"))
    if not text.strip():
        return _usage_error(prog, translate("cli", "the key is empty"))
    result = product_key.check(text)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_key_report(result))
    return EXIT_OK if result.valid else EXIT_FAILED


# --------------------------------------------------------------------------- summary


def run_summary(args: argparse.Namespace) -> int:
    from srs_wizard.core import record as record_mod

    prog = "srs-wizard summary"
    if not args.output and not args.json:
        return _usage_error(prog, translate("cli", "say where to write the PDF with -o OUT.pdf, or use --json"))
    try:
        with open(args.record, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        return _usage_error(prog, translate("cli", "cannot read {path}: {reason}").format(
            path=args.record, reason=exc.strerror or exc))
    try:
        rec = record_mod.loads(raw)
    except record_mod.RecordError as exc:
        print(translate("cli", "{path} is not a valid session record:").format(path=args.record), file=sys.stderr)
        for problem in exc.problems:
            print(f"  - {problem}", file=sys.stderr)
        return EXIT_FAILED
    if args.json:
        print(json.dumps(rec.to_json(), ensure_ascii=False, indent=2))
    if args.output:
        from srs_wizard import pdf  # Qt is needed only to draw the PDF

        try:
            pdf.render_record_headless(rec, args.output, language=args.language)
        except OSError as exc:
            print(f"{prog}: " + translate("cli", "cannot write {path}: {reason}").format(
                path=args.output, reason=exc.strerror or exc), file=sys.stderr)
            return EXIT_FAILED
        if not args.json:
            print(translate("cli", "Wrote {path}").format(path=args.output))
    return EXIT_OK


# --------------------------------------------------------------------------- rollout


def _not_a_file_target(path: str) -> bool:
    """An output path that exists and is not a plain file (a folder, a device, a FIFO)."""
    import os
    import stat

    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISREG(mode)


def run_rollout(args: argparse.Namespace) -> int:
    from srs_wizard.core import rollout
    from srs_wizard.core.files import atomic_write
    from srs_wizard.core.present import rollout as words

    prog = "srs-wizard rollout"
    if not args.output and not args.csv and not args.json:
        return _usage_error(prog, translate("cli", "say where to write the report with -o OUT.pdf or --csv OUT.csv, "
                                                   "or use --json"))
    for target in (args.output, args.csv):
        if target and _not_a_file_target(target):
            return _usage_error(prog, translate("cli", "{path} is not a file; give a file name to write").format(
                path=target))
    report = rollout.read_rollout(args.paths)
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2, allow_nan=False))
    else:
        print(words.totals_line(report.totals))
        print(words.sources_line(report))
    for item in report.not_included:
        print(translate("cli", "not included: {path}: {problem}").format(
            path=item.file, problem=words.not_included_sentence(item)), file=sys.stderr)
    failed = False
    if args.csv:
        try:
            atomic_write(args.csv, words.csv_bytes(report))
        except OSError as exc:
            failed = True
            print(f"{prog}: " + translate("cli", "cannot write {path}: {reason}").format(
                path=args.csv, reason=exc.strerror or exc), file=sys.stderr)
        else:
            if not args.json:
                print(translate("cli", "Wrote {path}").format(path=args.csv))
    if args.output:
        from srs_wizard import rollout_pdf  # Qt is needed only to draw the PDF

        try:
            rollout_pdf.render_rollout_headless(report, args.output, language=args.language)
        except OSError as exc:
            failed = True
            print(f"{prog}: " + translate("cli", "cannot write {path}: {reason}").format(
                path=args.output, reason=exc.strerror or exc), file=sys.stderr)
        else:
            if not args.json:
                print(translate("cli", "Wrote {path}").format(path=args.output))
    if report.records == 0:
        print(f"{prog}: " + translate("cli", "no session record could be read"), file=sys.stderr)
        return EXIT_FAILED
    return EXIT_FAILED if failed else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    from srs_wizard import lang, qm

    argv = list(sys.argv[1:] if argv is None else argv)
    # The language first, so that help and usage errors are in it too.
    language = _language_from_argv(argv) or lang.system_language_without_qt()
    qm.install_for_cli(language)
    parser = build_parser()
    args = parser.parse_args(argv)
    args.language = language
    if args.command == "check-kms":
        return run_check_kms(args)
    if args.command == "check-key":
        return run_check_key(args)
    if args.command == "summary":
        return run_summary(args)
    if args.command == "rollout":
        return run_rollout(args)
    parser.print_help()
    return EXIT_USAGE
