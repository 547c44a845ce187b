"""What a KMS check means for the technician, in plain sentences.

One place for the verdict sentence and the next steps, so the command line, the wizard
page, the on-screen summary and the PDF all say the same thing.
"""

from __future__ import annotations

from srs_wizard.core import kms
from srs_wizard.core.present import kms as kms_words
from srs_wizard.core.present import kms_protocol, sentences
from srs_wizard.i18n import translate


def _bind_timed_out(check: kms.KmsCheck | None) -> bool:
    """not_kms only because every host that accepted a connection was silent to the bind:
    a busy or distant KMS host looks the same as a service that is not KMS."""
    if check is None or check.verdict != kms.NOT_KMS:
        return False
    reachable = [h for h in (check.used_hosts() or check.hosts) if h.reachable]
    return bool(reachable) and all(h.protocol == kms.PROTOCOL_TIMEOUT for h in reachable)


def verdict_title(verdict: str, check: kms.KmsCheck | None = None) -> str:
    if _bind_timed_out(check):
        return translate("advice", "KMS hosts found, but none answered the KMS bind in time")
    titles = {
        kms.READY: translate("advice", "KMS is ready"),
        kms.FOUND: translate("advice", "KMS hosts found (not contacted)"),
        kms.NOT_KMS: translate("advice", "KMS hosts found, but none speaks KMS"),
        kms.UNREACHABLE: translate("advice", "KMS hosts found, but none answers"),
        kms.NOT_FOUND: translate("advice", "No KMS host published in DNS"),
        kms.DNS_ERROR: translate("advice", "DNS could not be asked"),
        kms.NO_DOMAIN: translate("advice", "No DNS domain to search"),
    }
    return titles[verdict]


def source_label(source: str) -> str:
    return {
        kms.SOURCE_ARGUMENT: translate("advice", "typed in"),  # the Domains field or --domain
        kms.SOURCE_PRIMARY: translate("advice", "primary"),
        kms.SOURCE_SEARCH_LIST: translate("advice", "search-list"),
        "console": translate("advice", "console"),  # check-kms --console-report (core/console.py)
    }.get(source, source)


def verdict_sentence(check: kms.KmsCheck) -> str:
    """One plain sentence that says what the check found."""
    verdict = check.verdict
    used_hosts = check.used_hosts() or check.hosts
    if verdict == kms.READY:
        working = ([h for h in used_hosts if h.speaks_kms] if check.bind_tried else []) or \
            [h for h in used_hosts if h.reachable] or [h for h in check.hosts if h.reachable]
        if not working:  # a hand-made record: claim nothing about a host
            return kms_protocol.activation_caveat()
        host = working[0]
        outcome = host.protocol if check.bind_tried else None
        return sentences(kms_protocol.outcome_sentence(outcome, host.target, host.port),
                         kms_protocol.activation_caveat())
    if _bind_timed_out(check) and len(used_hosts) == 1:
        return translate(
            "advice",
            "The console uses {domain}: its one KMS host accepts connections, but it did not answer the KMS bind "
            "in time (busy, far away, or not KMS); the console's own ospp.vbs /act shows which.",
        ).format(domain=check.used_domain or "–")
    if _bind_timed_out(check):
        return translate(
            "advice",
            "The console uses {domain}: {reachable} of its {count} KMS host(s) accept connections, but none answered "
            "the KMS bind in time (busy, far away, or not KMS); the console's own ospp.vbs /act shows which.",
        ).format(domain=check.used_domain or "–", count=len(used_hosts),
                 reachable=sum(1 for h in used_hosts if h.reachable))
    if verdict == kms.NOT_KMS and len(used_hosts) == 1:
        return translate(
            "advice",
            "The console uses {domain}: its one KMS host accepts connections, but it did not accept the KMS bind, "
            "so activation would fail (0xC004F074).",
        ).format(domain=check.used_domain or "–")
    if verdict == kms.NOT_KMS:
        return translate(
            "advice",
            "The console uses {domain}: {reachable} of its {count} KMS host(s) accept connections, but none accepted "
            "the KMS bind, so activation would fail (0xC004F074).",
        ).format(domain=check.used_domain or "–", count=len(used_hosts),
                 reachable=sum(1 for h in used_hosts if h.reachable))
    if verdict == kms.UNREACHABLE and check.used_domain is not None and len(used_hosts) == 1:
        return translate(
            "advice",
            "The console uses {domain}: its one KMS host is published in DNS, but it did not accept a connection "
            "from this computer; a console that cannot reach it either fails to activate (0xC004F039 / 0xC004F074).",
        ).format(domain=check.used_domain)
    if verdict == kms.UNREACHABLE and check.used_domain is not None:
        return translate(
            "advice",
            "The console uses {domain}: its {count} KMS host(s) are published in DNS, but none accepted a connection "
            "from this computer; a console that cannot reach them either fails to activate (0xC004F039 / 0xC004F074).",
        ).format(domain=check.used_domain, count=len(used_hosts))
    if verdict == kms.FOUND and len(check.hosts) == 1:
        return translate("advice", "One KMS host is published in DNS; the connection was not tested.")
    if verdict == kms.FOUND:
        return translate(
            "advice", "{count} KMS host(s) are published in DNS; the connection was not tested."
        ).format(count=len(check.hosts))
    if verdict == kms.UNREACHABLE and len(check.hosts) == 1:
        return translate(
            "advice",
            "One KMS host is published in DNS, but it did not accept a connection, so activation would fail "
            "(0xC004F039 / 0xC004F074).",
        )
    if verdict == kms.UNREACHABLE:
        return translate(
            "advice",
            "{count} KMS host(s) are published in DNS, but none accepted a connection, so activation would fail "
            "(0xC004F039 / 0xC004F074).",
        ).format(count=len(check.hosts))
    if verdict == kms.NOT_FOUND:
        return translate(
            "advice",
            "No domain publishes a _vlmcs._tcp SRV record, so the console will not find a KMS host (0x8007232B).",
        )
    if verdict == kms.DNS_ERROR:
        return translate(
            "advice",
            "No KMS host was found and some domains could not be asked; the DNS answer is unknown, not negative.",
        )
    return translate(
        "advice",
        "This machine has no DNS domain or search list, so a KMS client has nowhere to look (0x8007007B).",
    )


def admin_checklist(check: kms.KmsCheck) -> list[str]:
    """The checklist for the customer's KMS administrator, when there is a host to check."""
    if check.verdict in (kms.READY, kms.NOT_KMS, kms.UNREACHABLE, kms.FOUND):
        ports = sorted({h.port for h in (check.used_hosts() or check.hosts)})
        return kms_words.admin_checklist(ports[0] if ports else None)
    return []
