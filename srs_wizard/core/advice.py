"""What a KMS check means for the technician, in plain sentences.

One place for the verdict sentence and the next steps, so the command line, the wizard
page, the on-screen summary and the PDF all say the same thing.
"""

from __future__ import annotations

from srs_wizard.core import kms
from srs_wizard.core.product_key import LYNC_2013_GVLK
from srs_wizard.i18n import translate



def verdict_title(verdict: str) -> str:
    titles = {
        kms.READY: translate("advice", "KMS is ready"),
        kms.FOUND: translate("advice", "KMS hosts found (not contacted)"),
        kms.UNREACHABLE: translate("advice", "KMS hosts found, but none answers"),
        kms.NOT_FOUND: translate("advice", "No KMS host published in DNS"),
        kms.DNS_ERROR: translate("advice", "DNS could not be asked"),
        kms.NO_DOMAIN: translate("advice", "No DNS domain to search"),
    }
    return titles[verdict]


def status_label(status: str) -> str:
    """A domain status for people; the JSON keeps the code."""
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


def source_label(source: str) -> str:
    return {
        kms.SOURCE_ARGUMENT: translate("advice", "argument"),
        kms.SOURCE_PRIMARY: translate("advice", "primary"),
        kms.SOURCE_SEARCH_LIST: translate("advice", "search-list"),
        "console": translate("advice", "console"),  # check-kms --console-report (core/console.py)
    }.get(source, source)


def verdict_sentence(check: kms.KmsCheck) -> str:
    """One plain sentence that says what the check found."""
    verdict = check.verdict
    if verdict == kms.READY:
        reachable = [h for h in check.hosts if h.reachable]
        return translate(
            "advice",
            "{host} answers on TCP port {port}, so the console can activate by itself.",
        ).format(host=reachable[0].target, port=reachable[0].port)
    if verdict == kms.FOUND:
        return translate(
            "advice", "{count} KMS host(s) are published in DNS; the connection was not tested."
        ).format(count=len(check.hosts))
    if verdict == kms.UNREACHABLE:
        return translate(
            "advice",
            "{count} KMS host(s) are published in DNS, but none accepted a connection, so activation would fail (0xC004F039 / 0xC004F074).",
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
        "Make sure the Lync 2013 KMS client key {gvlk} is installed on the console (cscript ospp.vbs /inpkey:{gvlk}, then cscript ospp.vbs /act).",
    ).format(gvlk=LYNC_2013_GVLK)
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
    elif verdict == kms.UNREACHABLE:
        steps.append(translate(
            "advice",
            "Open TCP port 1688 from the console to the KMS host (firewalls on the host and in the network).",
        ))
        steps.append(translate(
            "advice",
            "Remove SRV records of hosts that no longer exist: a stale record sends clients to a dead host (0x800706BA).",
        ))
        steps.append(translate(
            "advice",
            "As a workaround, point Office at a working host: cscript ospp.vbs /sethst:HOST and /setprt:1688, then /act.",
        ))
    elif verdict == kms.NOT_FOUND:
        steps.append(translate(
            "advice",
            "If the customer runs KMS, publish it: add an SRV record _vlmcs._tcp with port 1688 in the console's DNS domain, or add that domain to the console's DNS suffix search list.",
        ))
        steps.append(translate(
            "advice",
            "As a workaround, point Office at the host directly: cscript ospp.vbs /sethst:HOST, then /act.",
        ))
        steps.append(translate(
            "advice",
            "Without KMS, use a MAK from the Volume Licensing Service Center, or ask the OEM for a promotional MAK (Office 365 without VLSC access).",
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
            "Join the console to the domain, or set its primary DNS suffix (or the DHCP domain option 15), then check again.",
        ))
        steps.append(translate("advice", "Or type the customer's DNS domain in the check and run it again."))
    if check.unexpected_hosts:
        steps.append(translate(
            "advice",
            "Unexpected KMS host(s) publish themselves in DNS: {hosts}. Every _vlmcs record should be a host the customer runs; remove the others.",
        ).format(hosts=", ".join(check.unexpected_hosts)))
    return steps


def rogue_warning(check: kms.KmsCheck) -> str | None:
    if not check.unexpected_hosts:
        return None
    return translate(
        "advice", "Warning: KMS host(s) not on the expected list: {hosts}. This may be a rogue KMS host."
    ).format(hosts=", ".join(check.unexpected_hosts))
