"""``srs-wizard check-kms``: the console's KMS discovery, from here."""

from __future__ import annotations

import argparse

from srs_wizard.commands.common import (
    EXIT_DNS_ERROR,
    EXIT_FAILED,
    EXIT_OK,
    CliError,
    load_console_report,
    print_json,
    say,
    usage,
)
from srs_wizard.i18n import translate

PROG = "srs-wizard check-kms"


def usage_error_text(exc) -> str:
    from srs_wizard.core.present.kms_inputs import usage_error_text as words

    return words(exc)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    from srs_wizard.core.kms.model import DEFAULT_CONNECT_TIMEOUT, DEFAULT_TIMEOUT

    seconds = _seconds_type()
    where = parser.add_mutually_exclusive_group()  # the report gives the console's domains
    where.add_argument("--domain", action="append", default=[], metavar="D",
                        help=translate("cli", "DNS domain to search (repeatable); default: this machine's"))
    parser.add_argument("--nameserver", action="append", default=[], metavar="HOST[:PORT]",
                        help=translate("cli", "DNS server to ask (repeatable); IPv6 as [addr]:port"))
    parser.add_argument("--timeout", default=float(DEFAULT_TIMEOUT), type=seconds("timeout"), metavar="S",
                        help=translate("cli", "overall DNS time budget in seconds (default 5)"))
    parser.add_argument("--connect-timeout", default=float(DEFAULT_CONNECT_TIMEOUT), type=seconds("connect_timeout"),
                        metavar="S", help=translate("cli", "TCP connect timeout in seconds (default 2)"))
    parser.add_argument("--no-connect", action="store_true",
                        help=translate("cli", "do not test TCP connections to the hosts"))
    parser.add_argument("--no-bind", action="store_true",
                        help=translate("cli", "connect, but do not ask the hosts for the KMS interface (RPC bind)"))
    parser.add_argument("--expect", action="append", default=[], metavar="HOST",
                        help=translate("cli", "a KMS host the customer runs (repeatable); others are flagged"))
    parser.add_argument("--json", action="store_true", help=translate("cli", "print JSON"))
    parser.add_argument("--resolv-conf", metavar="FILE", help=argparse.SUPPRESS)
    where.add_argument("--console-report", metavar="FILE",
                        help=translate("cli", "use the DNS servers and suffixes (in order) of a console report "
                                              "written by srs-collect.cmd; --nameserver still wins"))


def _seconds_type():
    def make(what: str):
        def parse(text: str) -> float:
            from srs_wizard.core.kms.inputs import parse_seconds
            from srs_wizard.core.kms.model import UsageError

            try:
                return parse_seconds(text, what)
            except UsageError as exc:
                raise argparse.ArgumentTypeError(usage_error_text(exc)) from None
        parse.__name__ = what  # argparse names the type in its message only when it raises ValueError
        return parse
    return make


def exit_code_for_verdict(verdict: str) -> int:
    from srs_wizard.core.kms.model import DNS_ERROR, USABLE_VERDICTS

    if verdict in USABLE_VERDICTS:
        return EXIT_OK
    if verdict == DNS_ERROR:
        return EXIT_DNS_ERROR
    return EXIT_FAILED


def run(args: argparse.Namespace) -> int:
    from srs_wizard.core import kms

    try:
        domains = [kms.normalise_domain(d) for d in args.domain]
        servers = [kms.parse_nameserver(n) for n in args.nameserver]
        for host in args.expect:
            kms.check_expected_host(host)
    except kms.UsageError as exc:
        raise usage(PROG, usage_error_text(exc)) from None
    report = None
    if args.console_report:
        report, domains, servers = _console_report_arguments(args, servers)
    try:
        check = kms.find_kms_hosts(domains or None, servers or None, timeout=args.timeout,
                                   connect=not args.no_connect, connect_timeout=args.connect_timeout,
                                   expect=args.expect or None, resolv_conf=args.resolv_conf,
                                   bind=not args.no_bind)
    except kms.UsageError as exc:
        raise usage(PROG, usage_error_text(exc)) from None
    if report is not None:
        return _print_console_check(args, check, report)
    if args.json:
        from srs_wizard.core.present import kms as kms_words

        print_json(kms_words.check_json(check))  # its sentences in the language chosen now
    else:
        from srs_wizard.core.present.report import format_kms_report

        say(format_kms_report(check))
    return exit_code_for_verdict(check.verdict)


def _console_report_arguments(args: argparse.Namespace, servers: list):
    """(report, domains, servers) from the console report.

    The console's suffixes are searched in its order; ``--nameserver`` wins over the
    report's DNS servers (a test DNS server, or one reachable from this laptop).
    """
    from srs_wizard.core import console, kms

    report = load_console_report(args.console_report, PROG)
    suffixes, report_servers = console.check_arguments(report)
    if not suffixes:
        raise CliError(EXIT_FAILED, translate("cli", "The console report lists no DNS suffix: the console searches "
                                                     "no domain for its KMS host."))
    if not servers:
        if not report_servers:
            raise CliError(EXIT_FAILED, translate("cli", "The console report names no DNS server; give one with "
                                                         "--nameserver."))
        try:
            servers = [kms.parse_nameserver(s) for s in report_servers]
        except kms.UsageError as exc:
            raise usage(PROG, usage_error_text(exc)) from None
    return report, suffixes, servers


def _print_console_check(args: argparse.Namespace, check, report) -> int:
    """The check labelled as the console's, with the console's own nslookup answers beside ours."""
    import dataclasses

    from srs_wizard.core import console

    check = dataclasses.replace(check, domains=tuple(
        dataclasses.replace(d, source=console.SOURCE_CONSOLE) for d in check.domains))
    verdict = _console_verdict(check, report)
    if args.json:
        from srs_wizard.core.present import kms as kms_words

        data = kms_words.check_json(check, console=report)
        data["room_verdict"] = verdict.to_json()
        print_json(data)
    else:
        from srs_wizard.core.present import judge as judge_words
        from srs_wizard.core.present.console import console_answers_text
        from srs_wizard.core.present.report import format_kms_report

        say(format_kms_report(check))
        say()
        say(console_answers_text(report, check))
        for line in judge_words.disagreements(verdict):  # the console's own answer outranks ours
            say()
            say(line)
    return exit_code_for_verdict(check.verdict)


def _console_verdict(check, report):
    """The room verdict of this check and the report's own nslookup answers (core.judge)."""
    from srs_wizard.core import judge

    return judge.judge(path="kms", check=check, console=judge.console_record(report))
