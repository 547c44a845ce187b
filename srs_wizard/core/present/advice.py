"""What a KMS check means for the technician, in plain sentences.

One place for the verdict sentence and the next steps, so the command line, the wizard
page, the on-screen summary and the PDF all say the same thing.
"""

from __future__ import annotations

from srs_wizard.core import kms
from srs_wizard.core.present import kms as kms_words
from srs_wizard.core.present import kms_protocol, sentences
from srs_wizard.core.product_key import LYNC_2013_GVLK
from srs_wizard.i18n import translate


def verdict_title(verdict: str) -> str:
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


def next_steps(check: kms.KmsCheck) -> list[str]:
    """What to do next for this result, most useful first."""
    verdict = check.verdict
    steps: list[str] = []
    gvlk_step = translate(
        "advice",
        "Make sure the Lync 2013 KMS client key {gvlk} is installed on the console (cscript ospp.vbs /inpkey:{gvlk}, "
        "then cscript ospp.vbs /act).",
    ).format(gvlk=LYNC_2013_GVLK)
    sethst_step = translate(
        "advice",
        "As a workaround, point Office at a working host: cscript ospp.vbs /sethst:HOST and /setprt:1688, then /act. "
        "This turns off finding the host in DNS until cscript ospp.vbs /remhst.",
    )
    later = check.later_domain_host()
    if later is not None:
        steps.append(translate(
            "advice",
            "The console stops at {used}; {host} in {domain} would answer: remove the stale record from {used}, or "
            "put {domain} first in the console's DNS suffix search list.",
        ).format(used=later.used_domain, host=later.host, domain=later.domain))
    if verdict == kms.READY:
        steps.append(gvlk_step)
        steps.append(translate(
            "advice",
            "The KMS host activates Office clients only once it has counted 5 or more of them (0xC004F038 until then).",
        ))
        steps.append(translate("advice", "Check the result on the console with cscript ospp.vbs /dstatus."))
    elif verdict == kms.FOUND:
        steps.append(translate(
            "advice", "Run the check again with the connection test to be sure TCP port 1688 is open."))
        steps.append(gvlk_step)
    elif verdict == kms.NOT_KMS:
        hosts = [h for h in (check.used_hosts() or check.hosts) if h.reachable]
        steps.append(translate(
            "advice",
            "Ask the customer's IT what listens on port {port} of {hosts}: it is not a KMS service. Remove the SRV "
            "records of hosts that no longer run KMS.",
        ).format(port=hosts[0].port if hosts else 1688, hosts=", ".join(h.target for h in hosts) or "–"))
        steps.append(sethst_step)
    elif verdict == kms.UNREACHABLE:
        steps.append(translate(
            "advice",
            "Open TCP port 1688 from the console to the KMS host (firewalls on the host and in the network).",
        ))
        steps.append(translate(
            "advice",
            "Remove SRV records of hosts that no longer exist: a stale record sends clients to a dead host "
            "(0x800706BA).",
        ))
        steps.append(sethst_step)
    elif verdict == kms.NOT_FOUND:
        steps.append(translate(
            "advice",
            "If the customer runs KMS, publish it: add an SRV record _vlmcs._tcp with port 1688 in the console's DNS "
            "domain, or add that domain to the console's DNS suffix search list.",
        ))
        steps.append(translate(
            "advice",
            "As a workaround, point Office at the host directly: cscript ospp.vbs /sethst:HOST, then /act. This turns "
            "off finding the host in DNS until cscript ospp.vbs /remhst.",
        ))
        steps.append(translate(
            "advice",
            "Without KMS, use a MAK from the Volume Licensing Service Center, or ask the OEM for a promotional MAK "
            "(Office 365 without VLSC access).",
        ))
    elif verdict == kms.DNS_ERROR:
        steps.append(translate(
            "advice",
            "Check that the console uses the customer's DNS servers and that they answer (see each domain's status).",
        ))
        steps.append(translate("advice", "Run the check again once DNS answers."))
    else:
        steps.append(translate(
            "advice",
            "Join the console to the domain, or set its primary DNS suffix (or the DHCP domain option 15), then check "
            "again.",
        ))
        steps.append(translate("advice", "Or type the customer's DNS domain in the check and run it again."))
    if check.unexpected_hosts:
        steps.append(translate(
            "advice",
            "Unexpected KMS host(s) publish themselves in DNS: {hosts}. Every _vlmcs record should be a host the "
            "customer runs; remove the others.",
        ).format(hosts=", ".join(check.unexpected_hosts)))
    return steps


def rogue_warning(check: kms.KmsCheck) -> str | None:
    if not check.unexpected_hosts:
        return None
    return translate(
        "advice", "Warning: KMS host(s) not on the expected list: {hosts}. This may be a rogue KMS host."
    ).format(hosts=", ".join(check.unexpected_hosts))


def admin_checklist(check: kms.KmsCheck) -> list[str]:
    """The checklist for the customer's KMS administrator, when there is a host to check."""
    if check.verdict in (kms.READY, kms.NOT_KMS, kms.UNREACHABLE, kms.FOUND):
        return kms_words.admin_checklist()
    return []
