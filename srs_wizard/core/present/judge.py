"""The room verdict in words: the headline, the warnings, what is proven, the next steps.

Every sentence says no more than its evidence showed and names where it came from; each
parameter (host, port, domain, timeout) is the evidence's own. Translated when called.
"""

from __future__ import annotations

from typing import Any

from srs_wizard.core import activation as act
from srs_wizard.core import judge as j
from srs_wizard.core.present import activation as act_words
from srs_wizard.core.present import advice
from srs_wizard.core.product_key import LYNC_2013_GVLK
from srs_wizard.i18n import translate


def _value(found: j.Item, name: str) -> str:
    value: Any = found.get(name)
    if value is None or value == "" or value == ():
        return "–"
    if isinstance(value, (tuple, list)):
        return ", ".join(str(v) for v in value) or "–"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def _fill(text: str, found: j.Item, *names: str) -> str:
    return text.format(**{name: _value(found, name) for name in names})


def evidence_label(evidence: str) -> str:
    return {
        j.EV_CONSOLE_ACTIVATION: translate("judge", "the console's own ospp.vbs answer"),
        j.EV_CONSOLE_DNS: translate("judge", "the console's KMS client (ospp.vbs /dstatus)"),
        j.EV_CONSOLE_NSLOOKUP: translate("judge", "the console's own nslookup"),
        j.EV_THIS_COMPUTER: translate("judge", "this computer's KMS check"),
        j.EV_OFFLINE: translate("judge", "the checks made here"),
        j.EV_NONE: translate("judge", "nothing checked"),
    }.get(evidence, evidence)


def state_title(verdict: j.RoomVerdict) -> str:
    """The headline in large words: what the console said, or that it was not asked."""
    state = verdict.state
    if state == j.ACTIVATION_ERROR:
        code = next((p.get("error") for p in verdict.proven if p.code == j.P_ACTIVATION), None)
        return act_words.verdict_title(act.ERROR, code if isinstance(code, str) else None)
    return {
        j.LICENSED: act_words.verdict_title(act.LICENSED),
        j.LICENSED_SUITE_ONLY: translate("judge", "Office 2013 licensed; Lync 2013 not shown"),
        j.GRACE: act_words.verdict_title(act.GRACE),
        j.NO_KEY: act_words.verdict_title(act.NO_KEY),
        j.ACTIVATION_NOT_FOUND: act_words.verdict_title(act.NOT_FOUND),
        j.ACTIVATION_UNREADABLE: act_words.verdict_title(act.UNREADABLE),
        j.PROMO_PENDING: act_words.verdict_title(act_words.PROMO_PENDING),
    }.get(state, act_words.verdict_title(act_words.NOT_CHECKED))


def state_detail(verdict: j.RoomVerdict) -> str:
    """Under a headline that is not the console's answer: what the best evidence did show."""
    state = verdict.state
    if state.startswith(j.KMS_PREFIX) and state[len(j.KMS_PREFIX):] in j.kms.VERDICTS:
        return translate("judge", "KMS: {verdict}").format(verdict=advice.verdict_title(state[len(j.KMS_PREFIX):]))
    return {
        j.KMS_CONSOLE_FOUND: translate("judge", "KMS: the console's own DNS answer names a KMS host"),
        j.KMS_CONSOLE_NONE: translate("judge", "KMS: the console's own DNS answer names no KMS host"),
        j.MAK_READY: translate("judge", "MAK: the offline checks passed"),
        j.MAK_KEY_PROBLEM: translate("judge", "MAK: the key does not pass the checks"),
    }.get(state, "")


def state_colour(verdict: j.RoomVerdict) -> str:
    state = verdict.state
    if state == j.LICENSED:
        return "#1b5e20"
    if state in (j.ACTIVATION_ERROR, j.MAK_KEY_PROBLEM, j.KMS_CONSOLE_NONE) or state in (
            j.KMS_PREFIX + v for v in (j.kms.NOT_KMS, j.kms.UNREACHABLE, j.kms.DNS_ERROR)):
        return "#b71c1c"
    if state in (j.GRACE, j.NO_KEY, j.ACTIVATION_NOT_FOUND, j.KMS_PREFIX + j.kms.NOT_FOUND,
                 j.KMS_PREFIX + j.kms.NO_DOMAIN):
        return "#8a4b00"
    return "#333333"


def evidence_line(verdict: j.RoomVerdict) -> str:
    line = translate("judge", "Decided by {evidence}.").format(evidence=evidence_label(verdict.evidence))
    detail = state_detail(verdict)
    return f"{detail}. {line}" if detail else line


def warning_text(found: j.Item) -> str:
    if found.code == j.W_ROGUE_HOSTS:
        return _fill(translate(
            "judge", "Warning: KMS host(s) not on the expected list: {hosts}. This may be a rogue KMS host: every "
                     "_vlmcs record should be a host the customer runs; remove the others."), found, "hosts")
    if found.code == j.W_CONSOLE_HOST_UNEXPECTED:
        return _fill(translate(
            "judge", "Warning: the console uses the KMS host {host}, which is not one the customer runs (a rogue "
                     "KMS host or a wrong override)."), found, "host")
    return ""


def proven_text(found: j.Item) -> str:
    code = found.code
    if code == j.P_ACTIVATION:
        verdict = found.get("verdict")
        error = found.get("error")
        return translate("judge", "The console's own answer: {answer}.").format(
            answer=act_words.verdict_title(verdict if verdict in act.VERDICTS else act.UNREADABLE,
                                           error if isinstance(error, str) else None))
    if code == j.P_CONSOLE_DISCOVERY:
        return _fill(translate("judge", "The console's KMS client found {host} in DNS (ospp.vbs /dstatus: KMS "
                                        "machine name from DNS)."), found, "host")
    if code == j.P_CONSOLE_NO_DISCOVERY:
        return translate("judge", "The console's KMS client found no KMS host in DNS (ospp.vbs /dstatus: KMS name "
                                  "not available).")
    if code == j.P_CONSOLE_LOOKUP:
        return _fill(translate("judge", "The console's own nslookup found {hosts} for _vlmcs._tcp.{domain}."),
                     found, "hosts", "domain")
    if code == j.P_CONSOLE_LOOKUP_NONE:
        return _fill(translate("judge", "The console's own nslookup found no _vlmcs._tcp record in {domains}."),
                     found, "domains")
    if code == j.P_DISCOVERY_AGREES:
        return _fill(translate("judge", "Proof of discovery: the host the console's KMS client found, {host}, is one "
                                        "of the hosts this computer found for {domain}."), found, "host", "domain")
    if code == j.P_DISCOVERY_DIFFERS:
        return _fill(translate("judge", "The console's KMS client found {host}, which is not among the hosts this "
                                        "computer found for {domain} ({hosts})."), found, "host", "domain", "hosts")
    if code == j.P_KMS_CHECK:
        verdict = found.get("verdict")
        return translate("judge", "This computer's KMS check: {verdict}.").format(
            verdict=advice.verdict_title(verdict) if verdict in j.kms.VERDICTS else "–")
    if code == j.P_OVERRIDE:
        return _fill(translate("judge", "The console uses a KMS host set by hand: {host} (DNS discovery is off "
                                        "until /remhst)."), found, "host")
    return ""


def disagreement_text(found: j.Item) -> str:
    if found.code == j.D_CONSOLE_FOUND_HERE_NOT:
        here = found.get("here")
        here_words = advice.verdict_title(here) if here in j.kms.VERDICTS else "–"
        if found.get("domain"):
            return translate(
                "judge", "The console's own lookup found {hosts} for {domain}; this computer could not ({here}): "
                         "check from the console's network.").format(
                hosts=_value(found, "hosts"), domain=_value(found, "domain"), here=here_words)
        return translate(
            "judge", "The console's KMS client found {hosts}; this computer could not ({here}): check from the "
                     "console's network.").format(hosts=_value(found, "hosts"), here=here_words)
    if found.code == j.D_CONSOLE_NONE_HERE_FOUND:
        if found.get("by") == "dstatus":
            return _fill(translate(
                "judge", "This computer found {hosts} for {domain}, but the console's own KMS client did not find "
                         "it (ospp.vbs /dstatus: KMS name not available)."), found, "hosts", "domain")
        return _fill(translate(
            "judge", "This computer found {hosts} for {domain}, but the console's own nslookup found no "
                     "_vlmcs._tcp record: the console does not see it."), found, "hosts", "domain")
    return ""


def note_text(found: j.Item) -> str:
    code = found.code
    if code == j.N_KEY_NOT_THE_MAK:
        return _fill(translate("judge", "Note: the console's key ends in {found}, not like the MAK typed here "
                                        "({expected})."), found, "found", "expected")
    if code == j.N_KEY_MATCH:
        said = act_words.key_message(True, _value(found, "last5"), None)
        return f"{said.message} {said.action}" if said else ""
    if code == j.N_PROMO_REASON:
        verdict = found.get("kms")
        if verdict in j.kms.VERDICTS:
            return translate("judge", "A promotional MAK was chosen because the KMS check said: {verdict}.").format(
                verdict=advice.verdict_title(verdict))
        return translate("judge", "A promotional MAK was chosen at the start (Office 365 without VLSC access).")
    if code == j.N_MAK_REASON:
        verdict = found.get("kms")
        if verdict in j.kms.VERDICTS:
            return translate("judge", "A MAK was chosen because the KMS check said: {verdict}.").format(
                verdict=advice.verdict_title(verdict))
        return ""
    if code == j.N_KMS_NOT_CHECKED:
        return translate("judge", "KMS not checked: the technician went on without a check.")
    return ""


def _error_action(found: j.Item) -> str:
    code = found.get("error")
    if not isinstance(code, str):
        return ""
    port = found.get("port")
    if not isinstance(port, int) or isinstance(port, bool):
        text = act_words.code_words(code)[1]  # no SRV record seen: the default port's words
    elif code == "0xC004F074":
        text = translate("judge", "Check the SRV record, TCP port {port} on the KMS host's firewall and the console's "
                                  "DNS suffix (the Application log, event 12288, and cscript ospp.vbs /dhistorykms "
                                  "show what the console tried).").format(port=port)
    elif code == "0x800706BA":
        text = translate("judge", "Open TCP port {port} on the KMS host's firewall, or remove a stale SRV "
                                  "record.").format(port=port)
    elif code == "0xC004F039":
        text = translate("judge", "Check that TCP port {port} is open and that the KMS service runs on the "
                                  "host.").format(port=port)
    else:
        text = act_words.code_words(code)[1]
    if found.get("still"):
        return translate("judge", "If {code} remains after that: {action}").format(code=code, action=text)
    return text


def step_text(found: j.Item) -> str:
    code = found.code
    if code == j.S_ERROR_ACTION:
        return _error_action(found)
    if code == j.S_KEEP_RECORD:
        return translate("judge", "Nothing more to do on the console: keep this record with the customer.")
    if code == j.S_CHECK_LYNC_BLOCK:
        return act_words.next_step(act.LICENSED, None, None,
                                   act.Product(source=act.SOURCE_DSTATUS, license_name="Office 15, suite"))
    if code == j.S_INSTALL_GVLK:
        return translate("judge", "Make sure the Lync 2013 KMS client key {gvlk} is installed on the console "
                                  "(cscript ospp.vbs /inpkey:{gvlk}, then cscript ospp.vbs /act).").format(
            gvlk=LYNC_2013_GVLK)
    if code == j.S_INSTALL_MAK:
        if found.get("last5"):
            return _fill(translate("judge", "Install the MAK typed here (ending in {last5}) with cscript ospp.vbs "
                                            "/inpkey:<MAK>, then run cscript ospp.vbs /act."), found, "last5")
        return translate("judge", "Install the MAK with cscript ospp.vbs /inpkey:<MAK>, then run cscript ospp.vbs "
                                  "/act.")
    if code == j.S_ACTIVATE:
        if found.get("mak"):
            return translate("judge", "Run cscript ospp.vbs /act (the console needs internet, or activate by phone).")
        return translate("judge", "Run cscript ospp.vbs /act.")
    if code == j.S_DSTATUS:
        return translate("judge", "Check the result on the console with cscript ospp.vbs /dstatus.")
    if code == j.S_KMS_COUNT:
        return translate("judge", "The KMS host activates Office clients only once it has counted 5 or more of them "
                                  "(0xC004F038 until then).")
    if code == j.S_LATER_DOMAIN:
        return _fill(translate(
            "judge", "The console stops at {used}; {host} in {domain} would answer: remove the stale record from "
                     "{used}, or put {domain} first in the console's DNS suffix search list."),
            found, "used", "host", "domain")
    if code == j.S_NOT_KMS:
        return _fill(translate(
            "judge", "Ask the customer's IT what listens on port {port} of {hosts}: it refused or did not understand "
                     "the KMS bind. Remove the SRV records of hosts that no longer run KMS."), found, "port", "hosts")
    if code == j.S_BIND_TIMEOUT:
        timeout = found.get("timeout")
        if isinstance(timeout, (int, float)) and not isinstance(timeout, bool):
            return translate(
                "judge", "{hosts} accepted the connection on port {port} but did not answer the KMS bind within "
                         "{seconds} s (busy, far away, or not KMS): ask the customer's IT whether it runs KMS, or "
                         "check again with a longer connect timeout.").format(
                hosts=_value(found, "hosts"), port=_value(found, "port"), seconds=f"{timeout:g}")
        return _fill(translate(
            "judge", "{hosts} accepted the connection on port {port} but did not answer the KMS bind in time (busy, "
                     "far away, or not KMS): ask the customer's IT whether it runs KMS, or check again with a "
                     "longer connect timeout."), found, "hosts", "port")
    if code == j.S_TEST_CONNECTION:
        return _fill(translate("judge", "Run the check again with the connection test to be sure TCP port {port} is "
                                        "open."), found, "port")
    if code == j.S_OPEN_PORT:
        return _fill(translate("judge", "Open TCP port {port} from the console to {hosts} (firewalls on the host "
                                        "and in the network)."), found, "port", "hosts")
    if code == j.S_REMOVE_STALE:
        return translate("judge", "Remove SRV records of hosts that no longer exist: a stale record sends clients "
                                  "to a dead host (0x800706BA).")
    if code == j.S_SETHST:
        if found.get("port") is not None:
            return _fill(translate(
                "judge", "As a workaround, point Office at a working host: cscript ospp.vbs /sethst:HOST and "
                         "/setprt:{port}, then /act. This turns off finding the host in DNS until cscript ospp.vbs "
                         "/remhst."), found, "port")
        return translate(
            "judge", "As a workaround, point Office at the host directly: cscript ospp.vbs /sethst:HOST, then /act. "
                     "This turns off finding the host in DNS until cscript ospp.vbs /remhst.")
    if code == j.S_PUBLISH_SRV:
        return _fill(translate(
            "judge", "If the customer runs KMS, publish it: add an SRV record _vlmcs._tcp (port {port}, the KMS "
                     "default, unless the host listens elsewhere) in the console's DNS domain, or add that domain "
                     "to the console's DNS suffix search list."), found, "port")
    if code == j.S_USE_MAK_OR_PROMO:
        return translate("judge", "Without KMS, use a MAK from the Volume Licensing Service Center, or ask the OEM "
                                  "for a promotional MAK (Office 365 without VLSC access).")
    if code == j.S_CHECK_DNS_SERVERS:
        return translate("judge", "Check that the console uses the customer's DNS servers and that they answer "
                                  "(see each domain's status).")
    if code == j.S_CHECK_AGAIN:
        return translate("judge", "Run the check again once DNS answers.")
    if code == j.S_JOIN_DOMAIN:
        return translate("judge", "Join the console to the domain, or set its primary DNS suffix (or the DHCP "
                                  "domain option 15), then check again.")
    if code == j.S_TYPE_DOMAIN:
        return translate("judge", "Or type the customer's DNS domain in the check and run it again.")
    if code == j.S_CHECK_FROM_CONSOLE_NETWORK:
        return _fill(translate(
            "judge", "Check from the console's network: this computer does not see what the console sees ({hosts}). "
                     "Run the KMS check on the console's network with the console's DNS server, or read the "
                     "console's own answer with ospp.vbs /dstatus."), found, "hosts")
    if code == j.S_CONSOLE_DNS:
        return _fill(translate(
            "judge", "Make the console find {hosts}: give it the customer's DNS servers and the DNS suffix that "
                     "publishes the record, then run cscript ospp.vbs /act and /dstatus on the console."),
            found, "hosts")
    if code == j.S_REMHST:
        return translate("judge", "If the customer's KMS is found in DNS, run cscript ospp.vbs /remhst, then /act.")
    if code == j.S_REMOVE_ROGUE:
        return _fill(translate("judge", "Remove the SRV record of {host}, or run cscript ospp.vbs /remhst if it was "
                                        "set by hand."), found, "host")
    if code == j.S_ASK_HOST_OWNER:
        return _fill(translate("judge", "Ask the customer whether {host} is theirs: it is not among the hosts the KMS "
                                        "check found in DNS."), found, "host")
    if code == j.S_RETYPE_MAK:
        if found.get("gvlk"):
            return translate("judge", "The key typed is a public KMS client key (GVLK), not a MAK: type the MAK from "
                                      "VLSC (or the OEM's promotional MAK).")
        return translate("judge", "Retype the MAK: it does not pass the offline checks.")
    if code == j.S_MAK_CHECKLIST:
        return translate("judge", "Finish the VLSC checklist on the MAK page with the customer's IT.")
    if code == j.S_SEND_PROMO:
        return translate("judge", "Send the request to the OEM and keep their answer with this record.")
    if code == j.S_PROMO_INSTALL:
        return translate("judge", "When the MAK arrives, type it in the Skype Room System admin console (or cscript "
                                  "ospp.vbs /inpkey:<MAK>, then /act).")
    if code == j.S_GIVE_DSTATUS:
        return act_words.next_step(act_words.NOT_CHECKED)
    if code == j.S_PASTE_WHOLE:
        return act_words.next_step(act.UNREADABLE)
    if code == j.S_RUN_OFFICE15:
        return act_words.next_step(act.NOT_FOUND)
    return ""


def _unique(texts) -> list[str]:
    out: list[str] = []
    for text in texts:
        if text and text not in out:
            out.append(text)
    return out


def steps(verdict: j.RoomVerdict) -> list[str]:
    """The next steps, each once, in order."""
    return _unique(step_text(s) for s in verdict.steps)


def warnings(verdict: j.RoomVerdict) -> list[str]:
    return _unique(warning_text(w) for w in verdict.warnings)


def disagreements(verdict: j.RoomVerdict) -> list[str]:
    return _unique(disagreement_text(d) for d in verdict.disagreements)


def notes(verdict: j.RoomVerdict) -> list[str]:
    return _unique(note_text(n) for n in verdict.notes)


def proven(verdict: j.RoomVerdict) -> list[str]:
    return _unique(proven_text(p) for p in verdict.proven)


def lookup_status(lookup: j.ConsoleLookup) -> str:
    return {
        j.LOOKUP_FOUND: translate("judge", "found {hosts}").format(
            hosts=", ".join(f"{t}:{p}" for t, p, _, _ in lookup.hosts)),
        j.LOOKUP_NXDOMAIN: translate("judge", "no such name (NXDOMAIN)"),
        j.LOOKUP_NO_RECORDS: translate("judge", "no SRV record"),
        j.LOOKUP_TIMEOUT: translate("judge", "timed out"),
        j.LOOKUP_NOT_RUN: translate("judge", "not asked"),
        j.LOOKUP_UNKNOWN: translate("judge", "answer not understood"),
    }.get(lookup.status, lookup.status)


def console_lookup_for(lookups, domain: str) -> str:
    """The console's own nslookup answer for one domain, for the column beside ours."""
    for lookup in lookups:
        if lookup.domain == domain:
            return lookup_status(lookup)
    return "–"


def kms_steps(check: j.kms.KmsCheck, connect_timeout: float | None = None) -> list[str]:
    """The steps for a room whose only evidence is this computer's check (``check-kms``)."""
    return steps(j.judge(path="kms", check=check, connect_timeout=connect_timeout))


def rogue_warning(check: j.kms.KmsCheck) -> str | None:
    if not check.unexpected_hosts:
        return None
    return warning_text(j.item(j.W_ROGUE_HOSTS, hosts=list(check.unexpected_hosts)))


def as_text(verdict: j.RoomVerdict) -> str:
    """The verdict as plain text (the command line)."""
    lines = warnings(verdict) + [state_title(verdict), evidence_line(verdict)]
    lines += disagreements(verdict)
    body = steps(verdict)
    if body:
        lines.append(translate("judge", "Next steps:"))
        lines += [f"{i}. {s}" for i, s in enumerate(body, 1)]
    lines += notes(verdict)
    return "\n".join(lines)
