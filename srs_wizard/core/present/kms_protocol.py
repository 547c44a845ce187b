"""Words for the KMS bind probe (codes from ``srs_wizard.core.kms_rpc``).

Each sentence says only what the bind proved: "speaks KMS" means the host accepted a bind
for the KMS interface, not that it will activate Office; that caveat is its own sentence
(``activation_caveat``) so every output can put it beside a ``kms`` outcome.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from srs_wizard.i18n import translate

# kms_rpc is imported where its codes are needed: a check that did not bind (--no-connect,
# --no-bind) words its result without loading the bind's code.
if TYPE_CHECKING:
    from srs_wizard.core import kms_rpc


def outcome_label(outcome: str | None) -> str:
    """A short table cell for a protocol outcome (None: not checked)."""
    from srs_wizard.core import kms_rpc

    labels = {
        kms_rpc.KMS: translate("kms", "speaks KMS"),
        kms_rpc.RPC_REJECTED: translate("kms", "RPC, no KMS"),
        kms_rpc.NOT_RPC: translate("kms", "not RPC"),
        kms_rpc.CLOSED: translate("kms", "closed, no reply"),
        kms_rpc.TIMEOUT: translate("kms", "no reply in time"),
    }
    return labels.get(outcome, translate("kms", "not checked"))


def outcome_sentence(outcome: str | None, host: str, port: int) -> str:
    """One sentence for the technician, claiming no more than the bind showed."""
    from srs_wizard.core import kms_rpc

    sentences = {
        kms_rpc.KMS: translate("kms", "{host} speaks KMS on port {port}."),
        kms_rpc.RPC_REJECTED: translate(
            "kms", "{host} runs an RPC service on port {port} that does not offer KMS."),
        kms_rpc.NOT_RPC: translate(
            "kms", "Something other than KMS listens on {host} port {port}: its answer is not valid DCE/RPC."),
        kms_rpc.CLOSED: translate(
            "kms", "{host} accepted the connection on port {port}, then closed it without answering the KMS bind."),
        kms_rpc.TIMEOUT: translate(
            "kms", "{host} accepted the connection on port {port} but did not answer the KMS bind in time."),
    }
    text = sentences.get(outcome) or translate(
        "kms", "{host} accepted the connection on port {port}; the KMS protocol was not checked.")
    return text.format(host=host, port=port)


def activation_caveat() -> str:
    """What a ``kms`` outcome does not prove."""
    return translate(
        "kms", "Whether it will activate Office 2013 is shown only by the console's own ospp.vbs /act.")


def reply_details(reply: kms_rpc.BindReply | None) -> list[str]:
    """Short notes on the raw reply: the transfer syntax accepted, why the bind was
    refused, a call id other than the one sent."""
    if reply is None:
        return []
    from srs_wizard.core import kms_rpc

    notes = []
    names = {kms_rpc.SYNTAX_NDR32: "NDR32", kms_rpc.SYNTAX_NDR64: "NDR64"}
    accepted = [names.get(s, s) for s in reply.accepted_syntaxes]
    if accepted:
        notes.append(translate("kms", "accepted {syntaxes}").format(syntaxes=", ".join(accepted)))
    if reply.nak_reason is not None:
        notes.append(translate("kms", "bind refused (bind_nak, reason {reason})")
                     .format(reason=reply.nak_reason))
    elif reply.outcome == kms_rpc.RPC_REJECTED and reply.contexts:
        notes.append(translate("kms", "KMS interface rejected (reasons {reasons})").format(
            reasons=", ".join(str(c.reason) for c in reply.contexts
                              if c.offered in kms_rpc.KMS_SYNTAXES)))
    if reply.call_id_differs:
        notes.append(translate("kms", "replied with call id {got} instead of {sent}")
                     .format(got=reply.call_id, sent=reply.sent_call_id))
    return notes


def _invalid_reply_reasons() -> tuple[str, ...]:
    """The reasons that mean an answer looked like DCE/RPC but was broken: worth a note, since
    the outcome's own sentence ("not valid DCE/RPC") does not say what was wrong."""
    from srs_wizard.core import kms_rpc

    return (
        kms_rpc.PROBLEM_BAD_LENGTH, kms_rpc.PROBLEM_UNEXPECTED_PTYPE, kms_rpc.PROBLEM_MALFORMED,
        kms_rpc.PROBLEM_NOT_ONE_FRAGMENT, kms_rpc.PROBLEM_LENGTH_MISMATCH, kms_rpc.PROBLEM_RESULT_COUNT,
        kms_rpc.PROBLEM_SYNTAX_NOT_OFFERED, kms_rpc.PROBLEM_BAD_RESULT,
    )


def reason_text(reason: str | None) -> str | None:
    """Why the bind's answer was judged as it was (a probe's ``protocol_reason``), or None."""
    from srs_wizard.core import kms_rpc

    texts = {
        kms_rpc.PROBLEM_NOT_DCE_RPC: translate("kms", "the answer is not DCE/RPC version 5"),
        kms_rpc.PROBLEM_BAD_LENGTH: translate("kms", "its length field is under 16 or over 5840 bytes"),
        kms_rpc.PROBLEM_UNEXPECTED_PTYPE: translate("kms", "an RPC packet other than a bind_ack or bind_nak came back"),
        kms_rpc.PROBLEM_MALFORMED: translate("kms", "the bind_ack is shorter than the fields it announces"),
        kms_rpc.PROBLEM_TRUNCATED: translate("kms", "the connection ended before the whole answer arrived"),
        kms_rpc.PROBLEM_NOT_ONE_FRAGMENT: translate(
            "kms", "the bind_ack is a fragment, not a whole packet (PFC_FIRST_FRAG or PFC_LAST_FRAG missing)"),
        kms_rpc.PROBLEM_LENGTH_MISMATCH: translate(
            "kms", "the bind_ack's lengths do not add up (frag_length or auth_length)"),
        kms_rpc.PROBLEM_RESULT_COUNT: translate(
            "kms", "the bind_ack answers another number of contexts than were offered"),
        kms_rpc.PROBLEM_SYNTAX_NOT_OFFERED: translate(
            "kms", "the bind_ack accepts a transfer syntax that was never offered"),
        kms_rpc.PROBLEM_BAD_RESULT: translate("kms", "the bind_ack holds a context result that does not exist"),
        kms_rpc.REASON_BIND_NAK: translate("kms", "the bind was refused (bind_nak)"),
        kms_rpc.REASON_KMS_REJECTED: translate("kms", "the KMS interface was rejected"),
    }
    return texts.get(reason)


def reason_notes(check) -> list[str]:
    """One note per address whose answer to the bind was a broken DCE/RPC packet: what was
    wrong with it (it is not counted as speaking KMS)."""
    notes = []
    if not check.bind_tried:
        return notes
    invalid = _invalid_reply_reasons()
    for host in check.hosts:
        for probe in host.probes:
            if probe.protocol_reason in invalid:
                notes.append(translate(
                    "kms", "{host} ({address}) answered the KMS bind with an invalid packet: {reason}. "
                           "It is not taken as a KMS host.").format(
                    host=host.target, address=probe.address, reason=reason_text(probe.protocol_reason)))
    return notes
