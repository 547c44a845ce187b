"""The KMS check's facts in words: the domains' statuses and details, the hosts' problems,
the notes, the console's search order, the protocol answer, the checklist for the customer's
KMS administrator.

The check (core.kms) keeps codes and raw values only; every sentence is made here, when it
is shown, in the language chosen then. A record made in one language therefore renders
wholly in another.
"""

from __future__ import annotations

from srs_wizard.core import kms
from srs_wizard.i18n import translate


def status_label(status: str) -> str:
    """A domain status for people, short (a table cell); the JSON keeps the code."""
    return {
        kms.OK: translate("advice", "ok"),
        kms.NXDOMAIN: translate("advice", "nxdomain"),
        kms.NO_ANSWER: translate("advice", "no_answer"),
        kms.NOT_AVAILABLE: translate("advice", "not_available"),
        kms.TIMEOUT: translate("advice", "timeout"),
        kms.SERVFAIL: translate("advice", "servfail"),
        kms.REFUSED: translate("advice", "refused"),
        kms.ERROR: translate("advice", "error"),
    }.get(status, status)


def status_message(status: str) -> str:
    """The plain sentence for a domain status, in the current language."""
    messages = {
        kms.OK: translate("kms", "KMS SRV records found."),
        kms.NXDOMAIN: translate("kms", "The name does not exist in DNS (NXDOMAIN)."),
        kms.NO_ANSWER: translate("kms", "The DNS server answered, but there is no _vlmcs._tcp SRV record."),
        kms.NOT_AVAILABLE: translate("kms", "The domain says KMS is decidedly not available here (SRV target \".\")."),
        kms.TIMEOUT: translate("kms", "No answer from the DNS server in time (timeout)."),
        kms.SERVFAIL: translate("kms", "The DNS server failed to answer (SERVFAIL)."),
        kms.REFUSED: translate("kms", "The DNS server refused the query (REFUSED)."),
        kms.ERROR: translate("kms", "The DNS query failed."),
    }
    return messages.get(status, messages[kms.ERROR])


def _too_many_files() -> str:
    return translate("kms", "This computer's limit of open files was reached; check fewer domains at once, or close "
                            "other programs and check again.")


def config_problem_text(problem: kms.ConfigProblem | None) -> str | None:
    """Why the system's DNS configuration is unusable, or None."""
    if problem is None:
        return None
    if problem.code == kms.CONFIG_NO_SERVER:
        return translate("kms", "The system DNS configuration has no DNS server: {reason}").format(
            reason=problem.reason)
    if problem.reason:
        return translate("kms", "The system DNS configuration could not be read: {reason}").format(
            reason=problem.reason)
    return translate("kms", "The system DNS configuration could not be read.")


def domain_message(domain: kms.DomainResult) -> str:
    """What a domain's answer means, from its status and detail (raw texts are the OS's own)."""
    detail = domain.detail
    if detail is None:
        return status_message(domain.status)
    if detail.code == kms.DETAIL_RECORDS and detail.count is not None:
        return translate("kms", "{count} KMS SRV record(s) found.").format(count=detail.count)
    if detail.code == kms.DETAIL_RCODE and detail.rcode:
        return translate("kms", "The DNS server answered with error {rcode}.").format(rcode=detail.rcode)
    if detail.code == kms.DETAIL_TOO_MANY_FILES:
        return _too_many_files()
    if detail.code == kms.DETAIL_BAD_REPLY:
        return translate("kms", "The DNS server sent a reply that is not a valid DNS message ({reason}).").format(
            reason=detail.reason or "")
    if detail.code == kms.DETAIL_TCP_FAILED:
        return translate("kms", "The answer was too large for UDP and TCP failed: {reason}").format(
            reason=detail.reason or "")
    if detail.code == kms.DETAIL_NO_SERVER:
        if detail.reason:
            return translate("kms", "The system DNS configuration has no DNS server: {reason}").format(
                reason=detail.reason)
        return translate("kms", "No DNS server is configured.")
    if detail.code == kms.DETAIL_SOCKET and detail.reason:
        return detail.reason  # the OS's own text, as it gave it
    return status_message(domain.status)


def probe_error(probe: kms.Probe) -> str | None:
    """Why one address did not take the connection, or None when it did."""
    if probe.result == kms.PROBE_OPEN:
        return None
    if probe.result == kms.PROBE_REFUSED:
        return translate("kms", "connection refused")
    if probe.result == kms.PROBE_TIMEOUT:
        return translate("kms", "timed out")
    if probe.errno in kms.TOO_MANY_FILES_ERRNOS:
        return _too_many_files()
    return probe.os_error or translate("kms", "the connection failed")


def host_error(host: kms.KmsHost) -> str | None:
    """The host table's problem column: no address, or each address's failure."""
    code = host.error_code
    if code == kms.HOST_NO_ADDRESS:
        return translate("kms", "no IP address found for this host")
    if code == kms.HOST_UNREACHABLE:
        return translate("kms", "; ").join(
            translate("kms", "{address}: {problem}").format(address=p.address, problem=probe_error(p) or p.result)
            for p in host.probes) or None
    return None


def note_text(note: kms.Note) -> str:
    if note.code == kms.NOTE_HOST_LIMIT:
        return translate("kms", "{total} KMS hosts were found; only the first {shown} are shown and checked.").format(
            total=note.total, shown=note.shown)
    return note.code


def check_json(check: kms.KmsCheck, console=None) -> dict:
    """The check's JSON with its sentences (``message``, ``error``, ``notes``, ``config_problem``)
    in the language chosen now, beside the codes they are made from (check-kms --json).
    With a console report: each domain's ``console_nslookup`` and the report's ``console``."""
    data = check.to_json()
    if console is not None:
        for item in data["domains"]:
            item["console_nslookup"] = console.nslookup_for(item["name"])
            item["console_devolved"] = console.is_devolved(item["name"])
        data["console"] = console.check_json()
    for d, item in zip(check.domains, data["domains"]):
        item["message"] = domain_message(d)
    for h, item in zip(check.hosts, data["hosts"]):
        item["error"] = host_error(h)
        for p, probe in zip(h.probes, item["probes"]):
            probe["error"] = probe_error(p)
    data["config_problem"] = config_problem_text(check.config_problem)
    data["notes"] = notes(check)
    return data


def later_domain_note(later) -> str:
    """A later domain would have worked, but the console stops at the used one."""
    return translate(
        "kms",
        "The console stops at {used}: it uses the first DNS suffix whose answer holds records. "
        "{host} in {domain} would answer, but the console never gets there: remove the stale record "
        "from {used} or put {domain} first in the console's DNS suffix search list.",
    ).format(used=later.used_domain, domain=later.domain, host=later.host)


def notes(check) -> list[str]:
    """The check's notes, and the later-domain note, worded in the language chosen now."""
    shown = [note_text(n) for n in check.notes]
    if check.bind_tried:  # the bind's words are loaded only for a check that bound
        from srs_wizard.core.present.kms_protocol import reason_notes

        shown += reason_notes(check)
    later = check.later_domain_host()
    if later is not None:
        sentence = later_domain_note(later)
        if sentence not in shown:
            shown.append(sentence)
    return shown


def hosts_heading() -> str:
    return translate("kms", "KMS hosts, by DNS preference (priority, then weight)")


def random_pick_line() -> str:
    return translate(
        "kms",
        "Office picks among the hosts of the domain it uses at random (honouring priority and weight "
        "when they are set) and keeps using the host that worked.")


def used_domain_line(check) -> str | None:
    """Which domain's records the console would use, or None when no domain has records."""
    used = check.used_domain
    if used is None:
        return None
    return translate(
        "kms", "Searching these domains in this order, the console uses the records of {domain}: the first whose "
               "answer holds records."
    ).format(domain=used)


def admin_checklist_title() -> str:
    return translate("kms", "For the customer's KMS administrator")


def admin_checklist_heading() -> str:
    """The title as the text report's line before its items."""
    return translate("kms", "For the customer's KMS administrator:")


def admin_checklist(port: int | None = None) -> list[str]:
    """What only the KMS host's administrator can check; the bind proves none of it.
    ``port``: the SRV record's port (the KMS default 1688 when none was seen)."""
    return [
        translate("kms", "An Office 2013 KMS host key is installed on the KMS host, and the host is activated "
                         "(otherwise 0xC004F042 or 0xC004F041)."),
        translate("kms", "The KMS host has counted 5 or more Office clients (0xC004F038 until then)."),
        translate("kms", "TCP port 1688 is open in the KMS host's firewall.") if port in (None, 1688) else
        translate("kms", "TCP port {port} (the SRV record's) is open in the KMS host's firewall.").format(port=port),
        translate("kms", "The clocks of the console and the KMS host are within 4 hours of each other."),
    ]


def protocol_cell(check, host) -> str:
    """The host table's protocol column: the best bind outcome among the host's addresses."""
    from srs_wizard.core.present.kms_protocol import outcome_label

    if not check.connect_tried or not host.reachable:
        return "–"
    return outcome_label(host.protocol if check.bind_tried else None)


def protocol_heading() -> str:
    return translate("kms", "KMS protocol")


# The host table, one definition for the CLI report, the summary (HTML and PDF) and the
# wizard's page: each column's heading and how its cell is drawn from the check and a host.
# A cell with nothing to show holds ``dash`` (the plain-text report uses "-").
def _yes_no(value, dash: str) -> str:
    if value is None:
        return dash
    return translate("kms", "yes") if value else translate("kms", "no")


HOST_COLUMNS = (
    (lambda: translate("kms", "Host"), lambda check, h, dash: h.target),
    (lambda: translate("kms", "Port"), lambda check, h, dash: str(h.port)),
    (lambda: translate("kms", "Priority"), lambda check, h, dash: str(h.priority)),
    (lambda: translate("kms", "Weight"), lambda check, h, dash: str(h.weight)),
    (lambda: translate("kms", "Addresses"), lambda check, h, dash: ", ".join(h.addresses) or dash),
    (lambda: translate("kms", "Reachable"), lambda check, h, dash: _yes_no(h.reachable, dash)),
    (lambda: translate("kms", "Connect ms"),
     lambda check, h, dash: dash if h.connect_ms is None else f"{h.connect_ms:.1f}"),
    (lambda: translate("kms", "Expected"), lambda check, h, dash: _yes_no(h.expected, dash)),
    (lambda: translate("kms", "Problem"), lambda check, h, dash: host_error(h) or ""),
    (protocol_heading, lambda check, h, dash: protocol_cell(check, h)),
)


def host_headers() -> list[str]:
    """The host table's column headings, in the language chosen now."""
    return [heading() for heading, _cell in HOST_COLUMNS]


def host_rows(check, dash: str = "–") -> list[list[str]]:
    """One row of cells a host, in the check's order."""
    return [[cell(check, h, dash) for _heading, cell in HOST_COLUMNS] for h in check.hosts]
