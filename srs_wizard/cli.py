"""The command line: ``check-kms``, ``check-key``, ``summary``, ``read-status``, ``console-script``, ``rollout``.

This module imports no Qt, so the checks start as fast as plain Python and run on a
machine without a screen. ``summary`` needs Qt to draw the PDF and imports it only there.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Sequence

from srs_wizard.core.present.report import format_key_report, format_kms_report
from srs_wizard.i18n import translate
from srs_wizard.lang import LANGUAGES

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2
EXIT_DNS_ERROR = 3


def _masked(text: str) -> str:
    """``text`` with every whole product key cut to its last five characters.

    The last guard of everything printed: a key pasted into the wrong option, a file name,
    a DNS name or a field of a report is never echoed whole, however it is spelled."""
    from srs_wizard.core.product_key import mask_whole_keys

    return mask_whole_keys(text)[0]


def _say(*parts, file=None) -> None:
    print(*(_masked(str(p)) for p in parts), file=file)


def _dumps(data, **options) -> str:
    """JSON of ``data`` with the keys masked in its texts and names (the JSON stays valid)."""
    from srs_wizard.core.product_key import mask_keys_in

    return json.dumps(mask_keys_in(data), **options)


class _Parser(argparse.ArgumentParser):
    """argparse, but a usage error is one plain line and exit 2, never a traceback."""

    def error(self, message: str) -> None:  # type: ignore[override]
        hint = translate("cli", "see --help")
        self.exit(EXIT_USAGE, _masked(f"{self.prog}: {message} ({hint})") + "\n")


class _VersionAction(argparse.Action):
    """``--version``, with the version looked up only when asked for."""

    def __call__(self, parser, namespace, values, option_string=None):
        from srs_wizard import __version__

        _say(f"srs-wizard {__version__}")
        parser.exit(0)


def _usage_error(prog: str, message: str) -> int:
    _say(f"{prog}: {message}", file=sys.stderr)
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
    parser.add_argument("--version", action=_VersionAction, nargs=0, help=translate("cli", "print the version and "
                                                                                           "exit"))
    parser.add_argument("--lang", choices=LANGUAGES, help=translate("cli", "language of the output"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    # --lang is welcome after the command too: srs-wizard check-kms --lang zh_CN ...
    lang_parent = argparse.ArgumentParser(add_help=False)
    lang_parent.add_argument("--lang", choices=LANGUAGES, default=argparse.SUPPRESS,
                             help=translate("cli", "language of the output"))

    kms = sub.add_parser("check-kms", parents=[lang_parent], help=translate("cli", "find KMS hosts in DNS and test "
                                                                                   "that they answer"))
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
    kms.add_argument("--no-bind", action="store_true",
                     help=translate("cli", "connect, but do not ask the hosts for the KMS interface (RPC bind)"))
    kms.add_argument("--expect", action="append", default=[], metavar="HOST",
                     help=translate("cli", "a KMS host the customer runs (repeatable); others are flagged"))
    kms.add_argument("--json", action="store_true", help=translate("cli", "print JSON"))
    kms.add_argument("--resolv-conf", metavar="FILE", help=argparse.SUPPRESS)
    kms.add_argument("--console-report", metavar="FILE",
                     help=translate("cli", "use the DNS servers and suffixes (in order) of a console report "
                                           "written by srs-collect.cmd; --nameserver still wins"))

    key = sub.add_parser("check-key", parents=[lang_parent], help=translate("cli", "check a product key (MAK) offline"))
    key.add_argument("key", nargs="?", help=translate("cli", "the key (prefer --stdin: it stays out of shell history)"))
    key.add_argument("--stdin", action="store_true", help=translate("cli", "read the key from standard input"))
    key.add_argument("--json", action="store_true", help=translate("cli", "print JSON"))

    script = sub.add_parser("console-script", parents=[lang_parent],
                            help=translate("cli", "write the collector (srs-collect.cmd) to run on a Windows 7 "
                                                  "console"))
    script.add_argument("-o", "--output", metavar="DIR", default=".",
                        help=translate("cli", "folder to write it to (default: the current folder)"))

    summary = sub.add_parser("summary", parents=[lang_parent], help=translate("cli", "render a saved session record "
                                                                                     "as a PDF"))
    summary.add_argument("record", metavar="RECORD.json")
    summary.add_argument("-o", "--output", metavar="OUT.pdf")
    summary.add_argument("--json", action="store_true", help=translate("cli", "print the validated record"))
    _add_read_status(sub, lang_parent)

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

    if verdict in kms.USABLE_VERDICTS:
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
    report = None
    if args.console_report:
        loaded = _console_report_arguments(args, prog, domains, servers)
        if isinstance(loaded, int):
            return loaded
        report, domains, servers = loaded
    try:
        check = kms.find_kms_hosts(domains or None, servers or None, timeout=timeout,
                                   connect=not args.no_connect, connect_timeout=connect_timeout,
                                   expect=args.expect or None, resolv_conf=args.resolv_conf,
                                   bind=not args.no_bind)
    except kms.UsageError as exc:
        return _usage_error(prog, str(exc))
    if report is not None:
        return _print_console_check(args, check, report)
    if args.json:
        print(_dumps(_check_json(check), ensure_ascii=False, indent=2))
    else:
        _say(format_kms_report(check))
    return exit_code_for_verdict(check.verdict)


def _console_report_arguments(args: argparse.Namespace, prog: str, domains: list, servers: list):
    """check-kms --console-report: (report, domains, servers) from the report, or an exit code.

    The console's suffixes are searched in its order; ``--nameserver`` wins over the
    report's DNS servers (a test DNS server, or one reachable from this laptop).
    """
    from srs_wizard.core import console, kms
    from srs_wizard.core.present.console import problem_text

    if domains:
        return _usage_error(prog, translate("cli", "--domain and --console-report cannot be combined: "
                                                   "the report gives the console's domains"))
    try:
        report = console.read_file(args.console_report)
    except OSError as exc:
        return _usage_error(prog, translate("cli", "cannot read {path}: {reason}").format(
            path=args.console_report, reason=exc.strerror or exc))
    except console.ConsoleReportError as exc:
        _say(translate("cli", "{path} is not a usable console report:").format(path=args.console_report),
              file=sys.stderr)
        for problem in exc.problems:
            _say(f"  - {problem_text(problem)}", file=sys.stderr)
        return EXIT_FAILED
    suffixes, report_servers = console.check_arguments(report)
    if not suffixes:
        _say(translate("cli", "The console report lists no DNS suffix: the console searches no domain "
                               "for its KMS host."), file=sys.stderr)
        return EXIT_FAILED
    if not servers:
        if not report_servers:
            _say(translate("cli", "The console report names no DNS server; give one with --nameserver."),
                  file=sys.stderr)
            return EXIT_FAILED
        try:
            servers = [kms.parse_nameserver(s) for s in report_servers]
        except kms.UsageError as exc:
            return _usage_error(prog, str(exc))
    return report, suffixes, servers


def _check_json(check) -> dict:
    from srs_wizard.core.present import kms as kms_words

    return kms_words.check_json(check)  # its sentences in the language chosen now


def _print_console_check(args: argparse.Namespace, check, report) -> int:
    """The check labelled as the console's, with the console's own nslookup answers beside ours."""
    import dataclasses

    from srs_wizard.core import console
    from srs_wizard.core.present.console import console_answers_text

    check = dataclasses.replace(check, domains=tuple(
        dataclasses.replace(d, source=console.SOURCE_CONSOLE) for d in check.domains))
    verdict = _console_verdict(check, report)
    if args.json:
        data = _check_json(check)
        for domain in data["domains"]:
            domain["console_nslookup"] = report.nslookup_for(domain["name"])
        data["room_verdict"] = verdict.to_json()
        data["console"] = {"file": report.file, "computer": report.computer,
                           "collected_at": report.collected_at, "suffix_order": list(report.suffix_order),
                           "order_source": report.order_source, "order_matches": report.order_matches,
                           "dns_servers": list(report.dns_servers),
                           "problems": [p.code for p in report.collector_problems]}
        print(_dumps(data, ensure_ascii=False, indent=2))
    else:
        _say(format_kms_report(check))
        _say()
        _say(console_answers_text(report, check))
        from srs_wizard.core.present import judge as judge_words

        for line in judge_words.disagreements(verdict):  # the console's own answer outranks ours
            _say()
            _say(line)
    return exit_code_for_verdict(check.verdict)


def _console_verdict(check, report):
    """The room verdict of this check and the report's own nslookup answers (core.judge)."""
    from srs_wizard.core import judge

    return judge.judge(path="kms", check=check, console=judge.console_record(report))


# --------------------------------------------------------------------------- console-script


def run_console_script(args: argparse.Namespace) -> int:
    from srs_wizard.core.console_script import SCRIPT_FILES, write_console_script

    prog = "srs-wizard console-script"
    try:
        path = write_console_script(args.output)
    except OSError as exc:
        return _usage_error(prog, translate("cli", "cannot write to {path}: {reason}").format(
            path=args.output, reason=exc.strerror or exc))
    import os

    _say(translate("cli", "Wrote {files} to {folder}").format(
        files=", ".join(SCRIPT_FILES), folder=os.path.abspath(path.parent)))
    _say(translate("cli", "On the console, double-click {script} (or run it from an administrator "
                           "command prompt for the license state); it writes its report beside itself.")
          .format(script=SCRIPT_FILES[0]))
    return EXIT_OK


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
        print(_dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        _say(format_key_report(result))
    return EXIT_OK if result.valid else EXIT_FAILED


# --------------------------------------------------------------------------- summary


def run_summary(args: argparse.Namespace) -> int:
    from srs_wizard.core import record as record_mod

    prog = "srs-wizard summary"
    if not args.output and not args.json:
        return _usage_error(prog, translate("cli", "say where to write the PDF with -o OUT.pdf, or use --json"))
    if args.output:
        from srs_wizard.core import files

        try:  # before the work: /dev/null, a FIFO or a folder is refused, never replaced
            files.check_target(args.output)
        except OSError as exc:
            return _usage_error(prog, translate("cli", "cannot write {path}: {reason}").format(
                path=args.output, reason=exc.strerror or exc))
    try:
        with open(args.record, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        return _usage_error(prog, translate("cli", "cannot read {path}: {reason}").format(
            path=args.record, reason=exc.strerror or exc))
    try:
        rec = record_mod.loads(raw)
    except record_mod.RecordError as exc:
        _say(translate("cli", "{path} is not a valid session record:").format(path=args.record), file=sys.stderr)
        from srs_wizard.core.present.record import problem_text as record_problem_text

        for problem in exc.problems:
            _say(f"  - {record_problem_text(problem)}", file=sys.stderr)
        return EXIT_FAILED
    if args.json:
        print(_dumps(rec.to_json(), ensure_ascii=False, indent=2, allow_nan=False))
    if args.output:
        from srs_wizard import pdf  # Qt is needed only to draw the PDF
        from srs_wizard.core.files import NotARegularFile

        try:
            pdf.render_record_headless(rec, args.output, language=args.language)
        except NotARegularFile as exc:  # it changed since the check above
            return _usage_error(prog, translate("cli", "cannot write {path}: {reason}").format(
                path=args.output, reason=exc.strerror))
        except OSError as exc:
            _say(f"{prog}: " + translate("cli", "cannot write {path}: {reason}").format(
                path=args.output, reason=exc.strerror or exc), file=sys.stderr)
            return EXIT_FAILED
        if not args.json:
            _say(translate("cli", "Wrote {path}").format(path=args.output))
    return EXIT_OK


def command_names(parser: argparse.ArgumentParser) -> list[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices)
    return []


def _unknown_command(word: str, commands: list[str]) -> int:
    """A mistyped command: say so, list the commands, exit 2 (the wizard is not opened)."""
    import difflib

    line = translate("cli", "srs-wizard: unknown command '{command}'").format(command=word)
    close = difflib.get_close_matches(word, commands, n=1)
    if close:
        line += " " + translate("cli", "(did you mean '{command}'?)").format(command=close[0])
    _say(line, file=sys.stderr)
    _say(translate("cli", "Commands: {commands}. Without a command the wizard window opens; "
                           "see srs-wizard --help.").format(commands=", ".join(commands)), file=sys.stderr)
    return EXIT_USAGE
# --------------------------------------------------------------------------- read-status


def _add_read_status(sub, lang_parent) -> None:
    status = sub.add_parser("read-status", parents=[lang_parent],
                            help=translate("cli", "read the console's ospp.vbs /dstatus or /act output"))
    status.add_argument("file", nargs="?", default=None, metavar="FILE|-",
                        help=translate("cli", "a file with the output, or - (the default) for standard input"))
    status.add_argument("--expect-last5", metavar="XXXXX",
                        help=translate("cli", "the last 5 characters of the MAK: the installed key must end so"))
    status.add_argument("--console-report", metavar="FILE",
                        help=translate("cli", "take the /dstatus output from a console report written by "
                                              "srs-collect.cmd (instead of FILE)"))
    status.add_argument("--json", action="store_true", help=translate("cli", "print JSON"))


def _expected_last5(text: str) -> str | None:
    value = text.strip().upper()
    if value.startswith("*****-*****-*****-*****-"):
        value = value[len("*****-*****-*****-*****-"):]
    return value if len(value) == 5 and value.isascii() and value.isalnum() else None


def run_read_status(args: argparse.Namespace) -> int:
    from srs_wizard.core import activation
    from srs_wizard.core.present import activation as words

    prog = "srs-wizard read-status"
    expected = None
    if args.expect_last5 is not None:
        expected = _expected_last5(args.expect_last5)
        if expected is None:
            return _usage_error(prog, translate("cli", "--expect-last5 takes the last 5 characters of the key, "
                                                       "for example 7RQ2K"))
    console_report = None
    if args.console_report is not None:
        if args.file is not None:
            return _usage_error(prog, translate("cli", "give either FILE or --console-report, not both"))
        loaded = _console_dstatus(args.console_report)
        if isinstance(loaded, int):
            return loaded
        console_report, text = loaded
    else:
        if args.file is None:
            args.file = "-"
        text = _read_status_input(args, prog)
        if isinstance(text, int):
            return text
    report = activation.read_status(text)
    matches = activation.key_matches(report, expected)
    items = words.advice(report, expected, activation.compare_kms_host(report))
    if args.json:
        data = {
            "verdict": report.verdict,
            "product": report.product.to_json() if report.product else None,
            "products": [p.to_json() for p in report.products],
            "advice": [a.to_json() for a in items],
            "key_matches": matches,
        }
        if console_report is not None:
            data["console"] = {"file": console_report.file, "computer": console_report.computer,
                               "collected_at": console_report.collected_at}
        print(_dumps(data, ensure_ascii=False, indent=2))
    else:
        if console_report is not None:
            from srs_wizard.core.present.console import collected_line

            _say(collected_line(console_report.computer, console_report.collected_at))
        from srs_wizard.core.present.report import format_status_report

        _say(format_status_report(report, items, matches))
    if report.verdict == activation.UNREADABLE:
        return EXIT_USAGE
    return EXIT_OK if report.verdict == activation.LICENSED else EXIT_FAILED


def _console_dstatus(path: str):
    """read-status --console-report: (report, its /dstatus text), or an exit code (2) after one line."""
    from srs_wizard.core import console
    from srs_wizard.core.present.console import collector_problem_text, problem_text

    prog = "srs-wizard read-status"
    try:
        report = console.read_file(path)
    except OSError as exc:
        return _usage_error(prog, translate("cli", "cannot read {path}: {reason}").format(
            path=path, reason=exc.strerror or exc))
    except console.ConsoleReportError as exc:
        _say(translate("cli", "{path} is not a usable console report:").format(path=path), file=sys.stderr)
        for problem in exc.problems:
            _say(f"  - {problem_text(problem)}", file=sys.stderr)
        return EXIT_USAGE
    text = console.dstatus_text(report)
    if text is None:
        reasons = "; ".join(collector_problem_text(p) for p in report.collector_problems)
        line = translate("cli", "{path} holds no ospp.vbs /dstatus output").format(path=path)
        if reasons:
            line += translate("cli", ": {reasons}").format(reasons=reasons)
        _say(line, file=sys.stderr)
        return EXIT_USAGE
    return report, text


def _read_status_input(args: argparse.Namespace, prog: str):
    """The text of FILE or standard input, or an exit code (2) after one line."""
    from srs_wizard.core import activation

    limit = activation.MAX_BYTES
    try:
        if args.file == "-":
            data = sys.stdin.buffer.read(limit + 1)
        else:
            with open(args.file, "rb") as fh:
                data = fh.read(limit + 1)
    except OSError as exc:
        return _usage_error(prog, translate("cli", "cannot read {path}: {reason}").format(
            path=args.file, reason=exc.strerror or exc))
    where = translate("cli", "standard input") if args.file == "-" else args.file
    if len(data) > limit:
        return _usage_error(prog, translate("cli", "{path} is larger than 1 MB: not an ospp.vbs answer").format(
            path=where))
    text = activation.decode_output(data)
    if activation.looks_binary(text):
        return _usage_error(prog, translate("cli", "{path} is not text: not an ospp.vbs answer").format(path=where))
    return text
# --------------------------------------------------------------------------- rollout


def run_rollout(args: argparse.Namespace) -> int:
    from srs_wizard.core import rollout
    from srs_wizard.core.files import atomic_write
    from srs_wizard.core.present import rollout as words

    prog = "srs-wizard rollout"
    if not args.output and not args.csv and not args.json:
        return _usage_error(prog, translate("cli", "say where to write the report with -o OUT.pdf or --csv OUT.csv, "
                                                   "or use --json"))
    from srs_wizard.core import files

    for target in (args.output, args.csv):
        if target:
            try:
                files.check_target(target)
            except files.NotARegularFile as exc:
                return _usage_error(prog, f"{target}: {exc.strerror}")
            except OSError:
                pass  # e.g. a folder that does not exist: said when writing, with exit 1
    report = rollout.read_rollout(args.paths)
    if args.json:
        print(_dumps(words.report_json(report), ensure_ascii=False, indent=2, allow_nan=False))
    else:
        _say(words.totals_line(report.totals))
        _say(words.sources_line(report))
    for item in report.not_included:
        _say(translate("cli", "not included: {path}: {problem}").format(
            path=item.file, problem=words.not_included_sentence(item)), file=sys.stderr)
    failed = False
    if args.csv:
        try:
            atomic_write(args.csv, words.csv_bytes(report))
        except OSError as exc:
            failed = True
            _say(f"{prog}: " + translate("cli", "cannot write {path}: {reason}").format(
                path=args.csv, reason=exc.strerror or exc), file=sys.stderr)
        else:
            if not args.json:
                _say(translate("cli", "Wrote {path}").format(path=args.csv))
    if args.output:
        from srs_wizard import rollout_pdf  # Qt is needed only to draw the PDF

        try:
            rollout_pdf.render_rollout_headless(report, args.output, language=args.language)
        except OSError as exc:
            failed = True
            _say(f"{prog}: " + translate("cli", "cannot write {path}: {reason}").format(
                path=args.output, reason=exc.strerror or exc), file=sys.stderr)
        else:
            if not args.json:
                _say(translate("cli", "Wrote {path}").format(path=args.output))
    if report.records == 0:
        _say(f"{prog}: " + translate("cli", "no session record could be read"), file=sys.stderr)
        return EXIT_FAILED
    return EXIT_FAILED if failed else EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    try:
        return _main(argv)
    except BrokenPipeError:
        # The reader went away (``srs-wizard read-status x | head``): nothing more to say.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # Python's own flush at exit would fail again
        return EXIT_FAILED


def _main(argv: Sequence[str] | None = None) -> int:
    from srs_wizard import lang, qm
    from srs_wizard.argv import first_word

    argv = list(sys.argv[1:] if argv is None else argv)
    # The language first, so that help and usage errors are in it too.
    language = _language_from_argv(argv) or lang.system_language_without_qt()
    qm.install_for_cli(language)
    parser = build_parser()
    word = first_word(argv)
    commands = command_names(parser)
    if word is not None and word not in commands:
        return _unknown_command(word, commands)
    args = parser.parse_args(argv)
    args.language = language
    if args.command == "check-kms":
        return run_check_kms(args)
    if args.command == "check-key":
        return run_check_key(args)
    if args.command == "summary":
        return run_summary(args)
    if args.command == "read-status":
        return run_read_status(args)
    if args.command == "console-script":
        return run_console_script(args)
    if args.command == "rollout":
        return run_rollout(args)
    parser.print_help()
    return EXIT_USAGE
