"""Console reports in words: problems with a report, what the collector could not collect,
the "collected on the console" line, and the console's own answers beside ours."""

from __future__ import annotations

from datetime import datetime
from typing import Callable

from srs_wizard.core import console
from srs_wizard.core.present import kms as kms_words
from srs_wizard.i18n import translate


def problem_text(problem: console.ReportProblem) -> str:
    """One problem with a report file, naming its field (never its value)."""
    p = problem.params
    texts = {
        console.TOO_LARGE: translate("console", "the file is larger than {limit} bytes; a console report is much "
                                                "smaller"),
        console.EMPTY: translate("console", "the file is empty"),
        console.ENCODING: translate("console", "the file is neither UTF-8 nor UTF-16 text (byte {position})"),
        console.NOT_JSON: translate("console", "the file is not complete JSON (line {line}, column {column}); was it "
                                               "cut short?")
        if "line" in p else translate("console", "the file is not valid JSON"),
        console.NOT_OBJECT: translate("console", "the file holds no report object"),
        console.WRONG_SCHEMA: translate("console", "not a console report written by srs-collect.cmd (expected schema "
                                                   "{expected})"),
        console.MISSING: translate("console", "missing"),
        console.WRONG_TYPE: translate("console", "expected {expected}"),
        console.TOO_LONG: translate("console", "longer than {limit} characters"),
        console.TOO_MANY: translate("console", "more than {limit} entries"),
        console.TOO_DEEP: translate("console", "lists and objects are nested more than {limit} deep; a console "
                                               "report is four levels deep"),
        console.BAD_TIME: translate("console", "not a date and time (ISO 8601)"),
        console.CONTROL_CHARACTERS: translate("console", "contains control characters"),
        console.KEY_MASKED: translate("console", "held a whole product key; only its last 5 characters are kept"),
        console.BAD_SUFFIX: translate("console", "a DNS suffix is not a valid DNS name and is left out"),
        console.BAD_SERVER: translate("console", "not an IP address; this DNS server is left out"),
        console.NO_UTC_OFFSET: translate("console", "the time has no UTC offset"),
        console.ORDER_DIFFERS: translate("console", "the order the collector wrote differs from the order its "
                                                    "registry facts give; the registry order is used"),
    }
    if problem.code == console.ENCODING and p.get("cut_short"):  # ends in the middle of a character
        texts[console.ENCODING] = translate("console", "the file is cut short: it ends in the middle of a "
                                                       "character (byte {position}); was it copied completely?")
    text = texts.get(problem.code, problem.code)
    params = {"limit": "", "position": "", "line": "", "column": "", "expected": ""}
    params.update({k: v for k, v in p.items() if isinstance(v, (int, str))})
    if problem.code == console.WRONG_TYPE:
        params["expected"] = kind_name(str(p.get("expected", "")))
    text = text.format(**params)
    return f"{problem.field}: {text}" if problem.field else text


def kind_name(kind: str) -> str:
    return {"text": translate("console", "text"), "true/false": translate("console", "true/false"),
            "a whole number": translate("console", "a whole number"),
            "object": translate("console", "an object"), "list": translate("console", "a list")}.get(kind, kind)


def collector_problem_text(problem: console.CollectorProblem) -> str:
    """What the collector could not collect on the console, and why."""
    texts = {
        "nslookup_missing": translate("console", "nslookup is not on the console, so it could not ask its own DNS "
                                                 "servers"),
        "office_missing": translate("console", "no Office ospp.vbs was found, so the license state was not read"),
        "not_elevated": translate("console", "the collector did not run as administrator; ospp.vbs /dstatus may have "
                                             "been refused"),
        "elevation_unknown": translate("console", "it could not tell whether it ran as administrator"),
        "nslookup_timeout": translate("console", "an nslookup did not finish in time"),
        "nslookup_failed": translate("console", "nslookup could not be started"),
        "dstatus_timeout": translate("console", "ospp.vbs /dstatus did not finish in time"),
        "dstatus_failed": translate("console", "ospp.vbs /dstatus could not be started"),
        "dinstid_timeout": translate("console", "ospp.vbs /dinstid did not finish in time"),
        "dinstid_failed": translate("console", "ospp.vbs /dinstid could not be started"),
        "suffix_not_queried": translate("console", "a suffix that is not a plain DNS name was not looked up"),
        "no_dns_server": translate("console", "no network adapter has a DNS server"),
        "no_suffix": translate("console", "the console searches no DNS suffix (activation fails with 0x8007232B)"),
        "folder_read_only": translate("console", "the report could not be written whole in the chosen folder "
                                                 "(read-only, full or unreachable); it was written to %TEMP%"),
        "folder_no_rename": translate("console", "the folder let the collector create its temporary file but not "
                                                 "rename or remove it; that file is left there"),
        "computer_name_missing": translate("console", "the computer name was not set"),
        "domain_membership_unknown": translate("console", "domain membership could not be read"),
        "utc_offset_unknown": translate("console", "the time zone could not be read"),
        "wmi_unavailable": translate("console", "WMI could not be used"),
        "adapters_unreadable": translate("console", "the network adapters could not be listed"),
        "ospp_ended": translate("console", "ospp.vbs did not end in time (it may have been waiting for a click on a "
                                           "window), so the collector ended its cscript process"),
        "ospp_not_ended": translate("console", "ospp.vbs did not end in time and its cscript process could not be "
                                               "ended; it may still run on the console"),
        "dhistorykms_timeout": translate("console", "ospp.vbs /dhistorykms did not finish in time"),
        "dhistorykms_failed": translate("console", "ospp.vbs /dhistorykms could not be started"),
    }
    return texts.get(problem.code, problem.code)


def collected_line(computer: str, collected_at: str,
                   format_datetime: Callable[[datetime], str] | None = None) -> str:
    """"collected on the console SRS-ROOM-07 at <time>", the time in the console's offset."""
    when = collected_at
    try:
        moment = datetime.fromisoformat(collected_at)
    except (TypeError, ValueError):
        pass
    else:
        if moment.tzinfo is None:  # never shown as UTC: the console did not say its offset
            when = translate("console", "{time} (time zone unknown)").format(
                time=moment.isoformat(sep=" ", timespec="minutes"))
        else:
            when = format_datetime(moment) if format_datetime else moment.isoformat(sep=" ")
    return translate("console", "collected on the console {computer} at {time}").format(computer=computer, time=when)


def order_source_label(source: str) -> str:
    return {
        console.ORDER_POLICY: translate("console", "the search list set by group policy"),
        console.ORDER_LOCAL: translate("console", "the search list set on the console"),
        console.ORDER_BUILT: translate("console", "the primary suffix, the adapters' suffixes and devolution"),
    }.get(source, source)


def devolved_mark() -> str:
    return translate("console", "only if the console devolves")


def suffix_label(report: console.ConsoleReport, suffix: str) -> str:
    """A suffix of the console's order, marked when it is a devolved parent."""
    if report.is_devolved(suffix):
        return translate("console", "{suffix} ({mark})").format(suffix=suffix, mark=devolved_mark())
    return suffix


def devolved_line(report: console.ConsoleReport) -> str | None:
    """The devolved parents of the console's order, in one line (None when there are none)."""
    if not report.devolved:
        return None
    return translate("console", "Searched only if the console devolves (a devolved parent of its primary suffix): "
                                "{suffixes}").format(suffixes=", ".join(report.devolved))


def source_label(source: str | None) -> str:
    return {
        console.FROM_POLICY: translate("console", "group policy"),
        console.FROM_LOCAL: translate("console", "set on the console"),
        console.FROM_NV_DOMAIN: translate("console", "the configured primary suffix (NV Domain)"),
        console.FROM_ADAPTERS: translate("console", "each adapter's own"),
        console.FROM_DEFAULT: translate("console", "Windows' default"),
        console.FROM_POLICY_SEARCH_LIST: translate("console", "off: a search list set by group policy is used "
                                                              "alone"),
        console.FROM_LOCAL_SEARCH_LIST: translate("console", "off: the search list is used alone"),
    }.get(source or "", source or "-")


def evidence_lines(report: console.ConsoleReport) -> list[str]:
    """What the console's order rests on: each value Windows uses, and where it comes from."""
    e = report.evidence
    if e is None:
        return []
    out = [translate("console", "Primary suffix: {suffix} ({source})").format(
        suffix=e.primary_suffix or "-", source=source_label(e.primary_source) if e.primary_source else "-")]
    out.append(translate("console", "Adapters' suffixes: {suffixes} ({source})").format(
        suffixes=", ".join(e.adapter_suffixes) or "-", source=source_label(e.adapter_source)))
    if e.search_list_source:
        out.append(translate("console", "Search list: {source}").format(source=source_label(e.search_list_source)))
    if e.devolution:
        out.append(translate("console", "Devolution: on ({source}), to parents of at least {level} labels "
                                        "(level: {level_source}); Microsoft documents devolution for single-label "
                                        "names, so a devolved parent is searched only if the console devolves"
                             ).format(source=source_label(e.devolution_source), level=e.devolution_level,
                                      level_source=source_label(e.devolution_level_source)))
    elif e.devolution_source in (console.FROM_POLICY_SEARCH_LIST, console.FROM_LOCAL_SEARCH_LIST):
        out.append(translate("console", "Devolution: {source}").format(source=source_label(e.devolution_source)))
    else:
        out.append(translate("console", "Devolution: off ({source})").format(source=source_label(e.devolution_source)))
    out.append(translate("console", "DNS servers from: {source}").format(source=source_label(e.dns_servers_source)))
    return out


def console_answers_text(report: console.ConsoleReport, check) -> str:
    """For the text report: per domain, our answer and the console's own nslookup output."""
    out = [translate("console", "DNS view {line}:").format(
        line=collected_line(report.computer, report.collected_at))]
    out.append("  " + translate("console", "Suffix order: {suffixes} (from {source})").format(
        suffixes=", ".join(suffix_label(report, s) for s in report.suffix_order) or "-",
        source=order_source_label(report.order_source)))
    out += ["    " + line for line in evidence_lines(report)]
    out.append("  " + translate("console", "DNS servers: {servers}").format(
        servers=", ".join(report.dns_servers) or "-"))
    for override in report.kms_overrides:
        if override.name:
            out.append("  " + translate("console", "KMS host set by hand in the registry: {host} ({key}); DNS "
                                                   "discovery is off while it is set").format(
                host=override.name + (f":{override.port}" if override.port else ""), key=override.key))
    for note in report.notes:
        out.append("  " + problem_text(note))
    for problem in report.collector_problems:
        out.append("  " + translate("console", "Not collected: "
                                               "{reason}").format(reason=collector_problem_text(problem)))
    for domain in getattr(check, "domains", ()):
        out.append("")
        out.append(translate("console", "{domain}: ours: "
                                        "{status}").format(domain=suffix_label(report, domain.name),
                                                           status=kms_words.domain_message(domain)))
        answer = report.nslookup_for(domain.name)
        if answer is None:
            out.append("  " + translate("console", "the console's nslookup: not collected"))
        else:
            out.append("  " + translate("console", "the console's nslookup:"))
            out += ["    " + line for line in answer.replace("\r\n", "\n").rstrip().split("\n")]
    return "\n".join(out)


def record_rows(data: dict | None, format_datetime: Callable[[datetime], str] | None = None) -> list[tuple[str, str]]:
    """The summary's and the PDF's line for a record's ``console`` object (none without one)."""
    if not data:
        return []
    line = collected_line(str(data.get("computer", "")), str(data.get("collected_at", "")), format_datetime)
    if data.get("file"):
        line += " (" + str(data["file"]).replace("\\", "/").rsplit("/", 1)[-1] + ")"
    return [(translate("console", "Console report"), line)]
