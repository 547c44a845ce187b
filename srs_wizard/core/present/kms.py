"""The KMS check's facts in words: the console's search order, the protocol answer, the
checklist for the customer's KMS administrator."""

from __future__ import annotations

from srs_wizard.i18n import translate


def later_domain_note(later) -> str:
    """A later domain would have worked, but the console stops at the used one."""
    return translate(
        "kms",
        "The console stops at {used}: it uses the first DNS suffix whose answer holds records. "
        "{host} in {domain} would answer, but the console never gets there: remove the stale record "
        "from {used} or put {domain} first in the console's DNS suffix search list.",
    ).format(used=later.used_domain, domain=later.domain, host=later.host)


def notes(check) -> list[str]:
    """The check's notes, and the later-domain note worded in the language chosen now."""
    shown = list(check.notes)
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
        "kms", "The console uses the records of {domain}: the first domain in its search order whose answer holds records."
    ).format(domain=used)


def admin_checklist_title() -> str:
    return translate("kms", "For the customer's KMS administrator")


def admin_checklist_heading() -> str:
    """The title as the text report's line before its items."""
    return translate("kms", "For the customer's KMS administrator:")


def admin_checklist() -> list[str]:
    """What only the KMS host's administrator can check; the bind proves none of it."""
    return [
        translate("kms", "An Office 2013 KMS host key is installed on the KMS host, and the host is activated (otherwise 0xC004F042 or 0xC004F041)."),
        translate("kms", "The KMS host has counted 5 or more Office clients (0xC004F038 until then)."),
        translate("kms", "TCP port 1688 is open in the KMS host's firewall."),
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
    (lambda: translate("kms", "Problem"), lambda check, h, dash: h.error or ""),
    (protocol_heading, lambda check, h, dash: protocol_cell(check, h)),
)


def host_headers() -> list[str]:
    """The host table's column headings, in the language chosen now."""
    return [heading() for heading, _cell in HOST_COLUMNS]


def host_rows(check, dash: str = "–") -> list[list[str]]:
    """One row of cells a host, in the check's order."""
    return [[cell(check, h, dash) for _heading, cell in HOST_COLUMNS] for h in check.hosts]
