"""The console's answer in words: verdict titles, error codes with what to do, the product table.

Everything is translated when called (``translate("activation", ...)``), so a record renders
in the language it is shown in.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Sequence

from srs_wizard.core import activation as act
from srs_wizard.i18n import translate

NOT_CHECKED = "not_checked"  # the technician went on without checking
PROMO_PENDING = "promo_pending"  # the promo path: the MAK is still to come


def code_table() -> dict[str, tuple[str, str]]:
    """Every failing code a technician meets on this job: (meaning, what to do)."""
    no_srv = (
        translate("activation", "no KMS SRV record found in the console's DNS"),
        translate(
            "activation",
            "Publish _vlmcs._tcp in the console's DNS domain, or fix the console's DNS "
            "suffix and search list, "
            "or set the host with cscript ospp.vbs /sethst:<host>.",
        ),
    )
    blocked = (
        translate("activation", "the product key is blocked"),
        translate("activation", "Obtain a new MAK (from VLSC, or from the OEM for a promotional MAK)."),
    )
    no_left = (
        translate("activation", "the MAK has no activations left"),
        translate("activation", "Ask for more activations in VLSC (or from the OEM for a promotional MAK)."),
    )
    service = (
        translate("activation", "the licensing service is disabled or stopped"),
        translate(
            "activation",
            'On Windows 7 start the "Office Software Protection Platform" service: cscript ospp.vbs '
            "/osppsvcauto sets it to start automatically and /osppsvcrestart restarts it; on Windows 8 "
            "or later start the Software Protection service. Then try again.",
        ),
    )
    return {
        "0xC004F074": (
            translate("activation", "no KMS host could be contacted"),
            translate(
                "activation",
                "Check the SRV record, port 1688 on the KMS host's firewall and the "
                "console's DNS suffix; "
                "run the KMS check of this wizard. On the console, the Application event log "
                "(event 12288) and cscript ospp.vbs /dhistorykms show the requests it sent.",
            ),
        ),
        "0x8007232B": no_srv,
        "0x8007007B": no_srv,
        "0x8007251D": no_srv,
        "0x80092328": no_srv,
        "0x800706BA": (
            translate("activation", "the RPC server is unavailable"),
            translate("activation", "Open TCP port 1688 on the KMS host's firewall, or remove a stale SRV record."),
        ),
        "0xC004F038": (
            translate("activation", "the KMS host has counted fewer than 5 Office clients"),
            translate(
                "activation",
                "Wait until 5 or more clients have asked the customer's KMS host; the "
                "count is the KMS "
                "host's, not the console's. Then run /act again.",
            ),
        ),
        "0xC004F039": (
            translate("activation", "the KMS host did not answer (KMS not enabled)"),
            translate("activation", "Check that port 1688 is open and that the KMS service runs on the host."),
        ),
        "0xC004F041": (
            translate("activation", "the KMS host itself is not activated"),
            translate("activation", "The customer activates its KMS host; then run /act again."),
        ),
        "0xC004F042": (
            translate("activation", "this KMS host cannot activate this product"),
            translate(
                "activation",
                "The KMS host lacks the Office 2013 KMS host key (it may activate "
                "Windows only): the "
                "customer installs it, or the console uses a MAK.",
            ),
        ),
        "0xC004F06C": (
            translate("activation", "the request time stamp is invalid"),
            translate(
                "activation",
                "The console's clock is too far from the KMS host's. Both are compared in UTC, so "
                "the time zone setting does not matter: set the console's date and time so that "
                "its UTC time is right, for example from the domain or an NTP server.",
            ),
        ),
        "0xC004F050": (
            translate("activation", "the product key is invalid"),
            translate("activation", "Retype the key: a KMS client needs the GVLK, a MAK must be a real MAK."),
        ),
        "0xC004C001": (
            translate("activation", "the activation server says the key is invalid"),
            translate("activation", "Check the MAK against VLSC."),
        ),
        "0xC004C003": blocked,
        "0xC004F051": blocked,
        "0xC004C008": (
            translate("activation", "the key cannot be used any more (activation limit)"),
            translate("activation", "Contact the Microsoft Licensing Activation Centers."),
        ),
        "0xC004C020": no_left,
        "0xC004C021": no_left,
        "0xC004B100": (
            translate("activation", "the activation server could not activate this computer"),
            translate("activation", "Verify the MAK with the Microsoft Licensing Activation Centers."),
        ),
        "0xC004F009": (
            translate("activation", "the grace period has expired"),
            translate("activation", "Activate now, with KMS or a MAK."),
        ),
        "0x80070005": (
            translate("activation", "access denied"),
            translate("activation", "Open the command prompt as administrator and run the command again."),
        ),
        "0x80070422": service,
        "0x80070426": service,
        "0x8007000D": (
            translate("activation", "the licensing data is damaged"),
            translate("activation", "Repair the licensing service's data as Microsoft KB 2870357 describes."),
        ),
        **offline_codes(),
        act.INFORMATIONAL_GRACE: (
            translate("activation", "running in the grace period"),
            translate("activation", "Not activated yet: activate it."),
        ),
        act.INFORMATIONAL_LICENSED: (
            translate("activation", "activated; verify the product use rights"),
            translate("activation", "Licensed: nothing to do."),
        ),
    }


def offline_codes() -> dict[str, tuple[str, str]]:
    """The codes of activating a MAK, online and offline with a confirmation ID."""
    unreachable = (
        translate("activation", "the activation server could not be reached"),
        translate(
            "activation",
            "The console has no internet (or only through a proxy, or no DNS for it): activate it "
            "without internet, with a confirmation ID.",
        ),
    )
    return {
        act.CID_INVALID: (
            translate("activation", "the installation ID or the confirmation ID is invalid"),
            translate(
                "activation",
                "A digit is wrong, or the ID is for another installation: check the digits, and run "
                "/dinstid again after any key change.",
            ),
        ),
        act.OFFLINE_DATA_FORMAT: (
            translate("activation", "the offline activation data is in the wrong format"),
            translate(
                "activation",
                "Give the confirmation ID as digits only, exactly as the activation centre gave it, "
                "and run /actcid again.",
            ),
        ),
        **{code: unreachable for code in act.SERVER_UNREACHABLE},
    }


def code_words(code: str) -> tuple[str, str, bool]:
    """(meaning, what to do, known) for any code; an unknown one says how to look it up."""
    known = code_table().get(code)
    if known:
        return known[0], known[1], True
    return (
        translate("activation", "an error this program does not know"),
        translate("activation", "On the console run cscript ospp.vbs /ddescr:{code} to see what it means.").format(
            code=code
        ),
        False,
    )


def verdict_title(verdict: str, code: str | None = None) -> str:
    """The answer in large plain words."""
    if verdict == act.ERROR:
        if not code:
            return translate("activation", "Error")
        meaning, _, _ = code_words(code)
        return translate("activation", "Error {code}: {meaning}").format(code=code, meaning=meaning)
    return {
        act.LICENSED: translate("activation", "Licensed"),
        act.GRACE: translate("activation", "Not activated yet"),
        act.NO_KEY: translate("activation", "No product key installed"),
        act.NOT_FOUND: translate("activation", "No Office 2013 product in this answer"),
        act.UNREADABLE: translate("activation", "This is not an ospp.vbs answer that can be read"),
        NOT_CHECKED: translate("activation", "Activation not checked"),
        PROMO_PENDING: translate("activation", "Promotional MAK requested; activation pending"),
    }.get(verdict, verdict)


def verdict_colour(verdict: str) -> str:
    return {
        act.LICENSED: "#1b5e20",
        act.ERROR: "#b71c1c",
        act.GRACE: "#8a4b00",
        act.NO_KEY: "#8a4b00",
        act.NOT_FOUND: "#8a4b00",
    }.get(verdict, "#333333")


def next_step(verdict: str, code: str | None = None, path: str | None = None,
              product: act.Product | None = None) -> str:
    """What to do now, in one sentence. ``product`` is the one the verdict is about: when it
    is the Office suite (no Lync block in the answer), Lync's own license is not proven."""
    if verdict == act.LICENSED:
        if product is not None and not product.is_lync:
            return translate(
                "activation",
                "Office 2013 on the console is licensed, but the answer lists no Lync 2013 product: "
                "run cscript ospp.vbs /dstatus again and look for the Lync block.",
            )
        return translate("activation", "Lync 2013 on the console is licensed: the job is done.")
    if verdict == act.ERROR and code:
        return code_words(code)[1]
    if verdict == act.GRACE:
        if path == "mak":
            return translate(
                "activation",
                "Run cscript ospp.vbs /act (the console needs internet, or activate it without "
                "internet, with a confirmation ID), then "
                "cscript ospp.vbs /dstatus again.",
            )
        return translate("activation", "Run cscript ospp.vbs /act, then cscript ospp.vbs /dstatus again.")
    if verdict == act.NO_KEY:
        if path == "mak":
            return translate("activation", "Install the MAK with cscript ospp.vbs /inpkey:<MAK>, then run /act.")
        return translate(
            "activation", "Install the Lync 2013 KMS client key (GVLK) with cscript ospp.vbs /inpkey, then run /act."
        )
    if verdict == act.NOT_FOUND:
        return translate(
            "activation",
            "Run the commands with the OSPP.VBS of Office15 (Office 2013) on the console, and give its whole answer.",
        )
    if verdict == act.UNREADABLE:
        return translate(
            "activation", "Paste the whole output of cscript ospp.vbs /dstatus, or open the text file it was saved to."
        )
    if verdict == PROMO_PENDING:
        return translate(
            "activation",
            "When the OEM sends the MAK, install it and activate: cscript ospp.vbs /inpkey:<MAK>, /act, /dstatus.",
        )
    if verdict == NOT_CHECKED:
        return translate(
            "activation", "On the console run cscript ospp.vbs /dstatus and look for ---LICENSED--- in the Lync block."
        )
    return ""


@dataclass(frozen=True)
class Advice:
    code: str  # an error code (0x...), or key_mismatch / key_match / kms_override / kms_host_*
    message: str
    action: str

    def to_json(self) -> dict:
        return {"code": self.code, "message": self.message, "action": self.action}


def key_message(matches: bool | None, found: str | None, expected: str | None) -> Advice | None:
    if matches is None:
        return None
    if matches:
        return Advice(
            "key_match",
            translate("activation", "The console holds this MAK: the last 5 characters match ({last5}).").format(
                last5=found or ""
            ),
            translate(
                "activation", "That proves the key, not the activation: the verdict above says whether it is activated."
            ),
        )
    return Advice(
        "key_mismatch",
        translate(
            "activation", "The console holds another key: its last 5 characters are {found}, the MAK's are {expected}."
        ).format(found=found or "–", expected=expected or "–"),
        translate("activation", "Install the MAK with cscript ospp.vbs /inpkey:<MAK>, then run /act."),
    )


def host_message(check: act.KmsHostCheck | None) -> list[Advice]:
    if check is None:
        return []
    out = []
    if check.override:
        out.append(
            Advice(
                "kms_override",
                translate(
                    "activation",
                    "The console uses a KMS host set by hand (registry "
                    "override): {host}. "
                    "DNS discovery is off until /remhst.",
                ).format(host=check.host or ""),
                translate(
                    "activation", "If the customer's KMS is found in DNS, run cscript ospp.vbs /remhst, then /act."
                ),
            )
        )
    if check.code == act.HOST_UNEXPECTED:
        out.append(
            Advice(
                "kms_host_unexpected",
                translate("activation", "The console's KMS host {host} is not one the customer runs.").format(
                    host=check.host or ""
                ),
                translate(
                    "activation",
                    "A rogue KMS host or a wrong override: remove its SRV record, or run "
                    "cscript ospp.vbs /remhst, then /act.",
                ),
            )
        )
    elif check.code == act.HOST_NOT_IN_DNS:
        out.append(
            Advice(
                "kms_host_not_in_dns",
                translate(
                    "activation", "The console's KMS host {host} is not among the hosts the KMS check found in DNS."
                ).format(host=check.host or ""),
                translate("activation", "Ask the customer whether this host is theirs."),
            )
        )
    return out


def advice(
    report: act.StatusReport, expected_last5: str | None = None, host_check: act.KmsHostCheck | None = None
) -> list[Advice]:
    """Every code seen (each once) with its meaning and what to do, then the checks."""
    out: list[Advice] = []
    seen: set[str] = set()
    codes = list(report.general_errors)
    if report.error_code:
        codes.insert(0, report.error_code)
    if report.product is not None and report.product.error_code:
        codes.append(report.product.error_code)
    for code in codes:
        if code in seen:
            continue
        seen.add(code)
        meaning, action, _ = code_words(code)
        out.append(Advice(code, translate("activation", "{code}: {meaning}").format(code=code, meaning=meaning),
                          action))
    if report.product is not None and report.product.status == act.UNKNOWN_STATUS and not report.error_code:
        out.append(Advice(
            "status_unknown",
            translate("activation", "ospp.vbs could not name the license state (---UNKNOWN---)."),
            translate("activation", "Run cscript ospp.vbs /act, then /dstatus again; if the state stays unknown, "
                                    "restart the licensing service with cscript ospp.vbs /osppsvcrestart."),
        ))
    matches = act.key_matches(report, expected_last5)
    expected = "".join(c for c in (expected_last5 or "") if c.isalnum())[-5:].upper() or None
    key = key_message(matches, report.product.last5 if report.product else None, expected)
    if key:
        out.append(key)
    out += host_message(host_check)
    return out


def channel_label(channel: str) -> str:
    return {
        act.KMS_CLIENT: translate("activation", "KMS client"),
        act.MAK: translate("activation", "MAK"),
        act.RETAIL: translate("activation", "retail"),
        act.OTHER: translate("activation", "other"),
    }.get(channel, channel)


def status_label(product: act.Product) -> str:
    if product.source == act.SOURCE_ACTCID:
        if product.activated:
            return translate("activation", "/actcid: activated")
        return translate("activation", "/actcid: refused") if product.error_code else translate("activation",
                                                                                               "/actcid")
    if product.source == act.SOURCE_ACT:
        if product.activated:
            return translate("activation", "/act: activated")
        return translate("activation", "/act: failed") if product.error_code else translate("activation", "/act")
    return {
        "LICENSED": translate("activation", "licensed"),
        "UNLICENSED": translate("activation", "unlicensed"),
        "OOB_GRACE": translate("activation", "grace period (not activated)"),
        "OOT_GRACE": translate("activation", "grace period (activation lapsed)"),
        "NON_GENUINE_GRACE": translate("activation", "non-genuine grace"),
        "NOTIFICATIONS": translate("activation", "notifications (reduced functionality)"),
        "EXTENDED GRACE": translate("activation", "extended grace"),
        act.UNKNOWN_STATUS: translate("activation", "unknown (ospp.vbs could not name the state)"),
    }.get(product.status or "", product.status or "–")


def activation_type_label(kind: str | None) -> str:
    """Windows 8 and later: how the product may activate (Activation Type Configuration)."""
    return {
        "AD": translate("activation", "Active Directory only"),
        "KMS": translate("activation", "KMS only"),
        "TOKEN": translate("activation", "token only"),
        "ALL": translate("activation", "any (Active Directory, KMS or token)"),
    }.get(kind or "", kind or "–")


def activation_lines(product: act.Product) -> list[str]:
    """How a product may activate and how it did (Active Directory and the KMS lookup domain
    only on Windows 8 and later), one line each."""
    lines = []
    if product.activation_type and product.activation_type != "ALL":  # ALL, the default, says nothing
        lines.append(translate("activation", "Activation type: {kind}").format(
            kind=activation_type_label(product.activation_type)))
    if product.kms_lookup_domain:
        lines.append(translate("activation", "KMS lookup domain: {domain}").format(domain=product.kms_lookup_domain))
    if product.activated_by_ad:
        lines.append(translate("activation", "Activated through Active Directory: activation object {name}").format(
            name=product.ad_object_name or "–"))
        if product.ad_object_dn:
            lines.append(translate("activation", "Activation object DN: {dn}").format(dn=product.ad_object_dn))
    return lines


def product_name(product: act.Product) -> str:
    name = product.license_name or product.sku_id or "–"
    for prefix in ("Office 15, ", "Office 16, "):
        if name.startswith(prefix):
            name = name[len(prefix) :]
    return name


def grace_text(minutes: int | None) -> str:
    if minutes is None:
        return "–"
    # ospp.vbs prints whole days rounded down (259199 minutes left: 179 days), so the same here.
    return translate("activation", "{days} days ({minutes} min)").format(days=minutes // 1440, minutes=minutes)


def product_headers() -> list[str]:
    return [
        translate("activation", "Product"),
        translate("activation", "Channel"),
        translate("activation", "Status"),
        translate("activation", "Error code"),
        translate("activation", "Grace left"),
        translate("activation", "Key (last 5)"),
        translate("activation", "KMS host"),
    ]


def product_rows(products: Sequence[act.Product]) -> list[list[str]]:
    rows = []
    for p in products:
        code = p.error_code or ""
        if code and p.informational:
            code = translate("activation", "{code} (information only)").format(code=code)
        host = p.kms_override or p.kms_dns_host
        if p.kms_override:
            host = translate("activation", "{host} (set by hand)").format(host=host)
        elif not host and p.activated_by_ad:
            host = translate("activation", "Active Directory (no KMS host)")
        elif not host and p.kms_name_not_available:
            host = translate("activation", "not found in DNS")
        rows.append(
            [
                product_name(p),
                channel_label(p.channel),
                status_label(p),
                code,
                grace_text(p.grace_minutes),
                p.last5 or "–",
                host or "–",
            ]
        )
    return rows


def ospp_paths() -> tuple[str, str]:
    """OSPP.VBS of Office 2013: Office of the same bitness as Windows, and 32-bit Office on 64-bit Windows."""
    return (
        r"%ProgramFiles%\Microsoft Office\Office15\OSPP.VBS",
        r"%ProgramFiles(x86)%\Microsoft Office\Office15\OSPP.VBS",
    )


# --------------------------------------------------------------------------- offline activation


def activation_centre() -> str:
    """Where a confirmation ID comes from. No phone number, no promise of a phone line."""
    return translate("activation", "Microsoft's activation centre (by phone or on the web page the activation "
                                   "wizard shows)")


def offline_result_text(offline: act.OfflineActivation, when: str | None, licensed: bool = False) -> str:
    """The summary's and the PDF's one line on offline activation (``licensed``: the verdict is)."""
    if offline.result == act.OFFLINE_ACTIVATED:
        if when:
            return translate("activation", "Activated offline with a confirmation ID on {date}.").format(date=when)
        return translate("activation", "Activated offline with a confirmation ID.")
    if offline.result == act.OFFLINE_REFUSED:
        code = offline.error_code or "–"
        meaning, _, _ = code_words(code)
        return translate("activation", "Not activated offline: the console refused the confirmation ID "
                                       "({code}: {meaning}).").format(code=code, meaning=meaning)
    if licensed:
        return translate("activation", "Licensed, but the console's answer shows no confirmation ID deposited for "
                                       "Lync 2013: it may have been activated before.")
    return translate("activation", "Not activated offline: the console's answer shows no confirmation ID "
                                   "deposited for Lync 2013.")


def installation_id_lines(ids: Sequence[act.InstallationId]) -> list[str]:
    """Each installation ID in groups, the one that matters first: for the command line."""
    chosen = act.installation_id_that_matters(ids)
    ordered = ([chosen] if chosen else []) + [i for i in ids if i is not chosen]
    lines = []
    for item in ordered:
        # "ID" last: a name ending in "edition" must not run into the digits, or the key finder
        # that guards every printed line could take n + 24 key-alphabet digits for a key.
        lines.append(translate("activation", "{product}, installation ID:").format(product=item.short_name))
        lines.append("  " + " ".join(item.groups))
    if ordered:
        lines.append(translate("activation", "Give it to {centre} for a confirmation ID, then run "
                                             "cscript ospp.vbs /actcid:<confirmation ID>.").format(
            centre=activation_centre()))
    return lines


def status_json(report: act.StatusReport, items: list[Advice], key_matches: bool | None, console=None) -> dict:
    """``read-status --json``: the report's own JSON, the advice in the language chosen now,
    the key check, and where the text came from when it was a console report."""
    from srs_wizard.core.model import Activation  # the one activation model (the record's, rollout's)

    data = Activation.of_report(report).status_json()  # the error code: advice[0] holds it
    data.update(advice=[a.to_json() for a in items], key_matches=key_matches)
    if console is not None:
        data["console"] = console.origin_json()
    return data
