"""The KMS bind probe: the bind's bytes, the reply reader, and real responders on loopback."""

from __future__ import annotations

import socket
import struct
import uuid

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from srs_wizard.core import kms_rpc
from srs_wizard.core.kms_rpc import (
    CLOSED,
    KMS,
    NOT_RPC,
    OUTCOMES,
    RPC_REJECTED,
    TIMEOUT,
    BindReplyReader,
    bind_pdu,
    bind_pdu_ndr32_only,
    parse_bind_reply,
    probe_bind,
)
from srs_wizard.core.present import kms_protocol
from tests.rpc_servers import (
    INVALID_ACKS,
    NDR32,
    NDR64,
    NIL,
    build_bind_ack,
    build_bind_nak,
    invalid_ack,
    split_pdus,
)
from tests.servers import closed_port

# Wire forms written out by hand from the UUIDs in the facts file (first three fields
# little endian), not computed with the code under test.
KMS_WIRE = bytes.fromhex("7521c8514e845047b0d8ec255555bc06")
NDR32_WIRE = bytes.fromhex("045d888aeb1cc9119fe808002b104860")
NDR64_WIRE = bytes.fromhex("33057171babe37498319b5dbef9ccc36")
FEATURE_WIRE = bytes.fromhex("2c1cb76c129840450300000000000000")

WIN8_RESULTS = [(2, 2, NIL, 0), (0, 0, NDR64, 1), (3, 3, NIL, 0)]
LEGACY_RESULTS = [(0, 0, NDR32, 2), (2, 2, NIL, 0), (3, 3, NIL, 0)]
NO_KMS_RESULTS = [(2, 1, NIL, 0), (2, 1, NIL, 0), (3, 3, NIL, 0)]
VALID_REPLIES = [
    build_bind_ack(WIN8_RESULTS),
    build_bind_ack(LEGACY_RESULTS, secondary_address="49152"),
    build_bind_ack(NO_KMS_RESULTS, secondary_address="135"),
    build_bind_nak(4),
]


# --- the bind ------------------------------------------------------------------------

def test_bind_is_the_160_bytes_a_windows_kms_client_sends():
    pdu = bind_pdu()
    assert len(pdu) == 160
    assert pdu[0:4] == bytes([5, 0, 11, 0x13])
    assert pdu[4:8] == bytes([0x10, 0, 0, 0])
    assert struct.unpack_from("<HHI", pdu, 8) == (160, 0, 2)
    assert struct.unpack_from("<HHI", pdu, 16) == (5840, 5840, 0)
    assert pdu[24:28] == bytes([3, 0, 0, 0])
    transfers = [(NDR32_WIRE, 2), (NDR64_WIRE, 1), (FEATURE_WIRE, 1)]
    for i, (wire, version) in enumerate(transfers):
        ctx = pdu[28 + 44 * i:28 + 44 * (i + 1)]
        assert struct.unpack_from("<HBB", ctx, 0) == (i, 1, 0)
        assert ctx[4:20] == KMS_WIRE
        assert struct.unpack_from("<HH", ctx, 20) == (1, 0)
        assert ctx[24:40] == wire
        assert struct.unpack_from("<I", ctx, 40) == (version,)
    # feature bits 0x0003 in bytes 8-9 of that UUID, exactly
    assert pdu[28 + 88 + 24 + 8:28 + 88 + 24 + 10] == b"\x03\x00"


def test_bind_carries_the_call_id_given():
    assert struct.unpack_from("<I", bind_pdu(7), 12) == (7,)
    assert bind_pdu(7)[16:] == bind_pdu()[16:]


def test_retry_bind_offers_ndr32_alone():
    pdu = bind_pdu_ndr32_only()
    assert len(pdu) == 72
    assert pdu[0:8] == bind_pdu()[0:8]
    assert struct.unpack_from("<HHI", pdu, 8) == (72, 0, 2)
    assert pdu[24] == 1
    assert pdu[28:72] == bind_pdu()[28:72]  # the same first context: NDR32


def test_uuid_constants_match_the_facts():
    assert kms_rpc.KMS_INTERFACE.bytes_le == KMS_WIRE
    assert kms_rpc.NDR32.bytes_le == NDR32_WIRE
    assert kms_rpc.NDR64.bytes_le == NDR64_WIRE
    assert kms_rpc.BIND_TIME_FEATURE.bytes_le == FEATURE_WIRE


# --- the reply -----------------------------------------------------------------------

def test_windows8_ack_is_kms_with_ndr64():
    reply = parse_bind_reply(build_bind_ack(WIN8_RESULTS))
    assert reply.outcome == KMS
    assert reply.accepted_syntaxes == ("ndr64",)
    assert [(c.offered, c.result, c.reason) for c in reply.contexts] == [
        ("ndr32", 2, 2), ("ndr64", 0, 0), ("bind_time_feature", 3, 3)]
    assert reply.contexts[1].transfer_syntax == "ndr64" and reply.contexts[1].version == 1
    assert reply.contexts[0].transfer_syntax == str(uuid.UUID(int=0))
    assert reply.secondary_address == "1688"  # "1688\0", then one byte of padding
    assert reply.assoc_group == 0x1063BF3F
    assert (reply.ptype, reply.call_id, reply.call_id_differs) == (12, 2, False)
    assert reply.problem is None


def test_older_host_ack_is_kms_with_ndr32():
    reply = parse_bind_reply(build_bind_ack(LEGACY_RESULTS, secondary_address="49152"))
    assert reply.outcome == KMS
    assert reply.accepted_syntaxes == ("ndr32",)
    assert reply.contexts[0].transfer_syntax == "ndr32" and reply.contexts[0].version == 2
    assert reply.secondary_address == "49152"  # 6 bytes with the NUL: no padding


def test_feature_negotiation_ack_alone_says_nothing_about_kms():
    reply = parse_bind_reply(build_bind_ack([(2, 2, NIL, 0), (2, 2, NIL, 0), (3, 3, NIL, 0)]))
    assert reply.outcome == RPC_REJECTED
    # nor does an "acceptance" of the feature context: with the syntax offered there it is
    # still no KMS; naming the nil UUID it accepts a syntax never offered
    feature = kms_rpc.BIND_TIME_FEATURE
    assert parse_bind_reply(build_bind_ack([(2, 1, NIL, 0), (2, 1, NIL, 0),
                                            (0, 0, feature, 1)])).outcome == RPC_REJECTED
    nil = parse_bind_reply(build_bind_ack([(2, 1, NIL, 0), (2, 1, NIL, 0), (0, 0, NIL, 0)]))
    assert (nil.outcome, nil.reason) == (NOT_RPC, kms_rpc.PROBLEM_SYNTAX_NOT_OFFERED)


def test_rpc_server_without_kms_and_bind_nak_are_rejected():
    reply = parse_bind_reply(build_bind_ack(NO_KMS_RESULTS))
    assert reply.outcome == RPC_REJECTED and reply.accepted_syntaxes == ()
    nak = parse_bind_reply(build_bind_nak(4))
    assert (nak.outcome, nak.ptype, nak.nak_reason) == (RPC_REJECTED, 13, 4)


def test_other_call_id_is_a_note_not_a_failure():
    reply = parse_bind_reply(build_bind_ack(WIN8_RESULTS, call_id=1))
    assert reply.outcome == KMS and reply.call_id_differs
    assert (reply.call_id, reply.sent_call_id) == (1, 2)


@pytest.mark.parametrize("first", [b"HTTP/1.1 400 Bad Request\r\n", b"SSH-2.0-OpenSSH_9.2\r\n",
                                   b"220 mail.contoso.com ESMTP\r\n", b"\x00\x00\x00\x00"])
def test_not_rpc_is_known_from_the_first_byte(first):
    reader = BindReplyReader()
    assert reader.feed(first[:1]) == NOT_RPC
    assert reader.reply.problem == kms_rpc.PROBLEM_NOT_DCE_RPC
    assert parse_bind_reply(first).outcome == NOT_RPC


def test_bind_echoed_back_is_not_an_rpc_server():
    reader = BindReplyReader()
    assert reader.feed(bind_pdu()[:2]) is None
    assert reader.feed(bind_pdu()[2:3]) == NOT_RPC


def test_reader_waits_for_the_whole_pdu_then_decides():
    ack = build_bind_ack(WIN8_RESULTS)
    reader = BindReplyReader()
    for i in range(len(ack) - 1):
        assert reader.feed(ack[i:i + 1]) is None, i
    assert reader.feed(ack[-1:] + b"trailing bytes are not read") == KMS
    assert reader.reply.frag_length == len(ack)
    assert reader.feed(b"more") == KMS


def test_huge_frag_length_is_judged_from_the_header_alone():
    header = bytearray(build_bind_ack(WIN8_RESULTS)[:16])
    struct.pack_into("<H", header, 8, 0xFFFF)
    reader = BindReplyReader()
    assert reader.feed(bytes(header)) == NOT_RPC
    assert reader.reply.problem == kms_rpc.PROBLEM_BAD_LENGTH
    # just past what we offered as max_recv_frag is too long; the limit itself is not
    struct.pack_into("<H", header, 8, kms_rpc.MAX_FRAG + 1)
    assert parse_bind_reply(bytes(header)).outcome == NOT_RPC
    struct.pack_into("<H", header, 8, kms_rpc.MAX_FRAG)
    assert BindReplyReader().feed(bytes(header)) is None


def test_frag_length_shorter_than_a_header_is_not_rpc():
    header = bytearray(build_bind_nak()[:16])
    struct.pack_into("<H", header, 8, 15)
    assert parse_bind_reply(bytes(header)).outcome == NOT_RPC


def test_closed_and_timed_out_partial_replies():
    ack = build_bind_ack(WIN8_RESULTS)
    assert parse_bind_reply(b"").outcome == CLOSED
    assert parse_bind_reply(b"").problem is None
    part = parse_bind_reply(ack[:40])
    assert (part.outcome, part.problem, part.ptype, part.received) == (CLOSED, "truncated", 12, 40)
    reader = BindReplyReader()
    reader.feed(ack[:5])
    assert reader.finish_timeout() == TIMEOUT and reader.reply.problem == "truncated"
    assert BindReplyReader().finish_timeout() == TIMEOUT


def test_fault_instead_of_ack_is_rpc_rejected():
    fault = bytes([5, 0, 3, 3, 0x10, 0, 0, 0]) + struct.pack("<HHI", 32, 0, 2) + bytes(16)
    reply = parse_bind_reply(fault)
    assert (reply.outcome, reply.problem) == (RPC_REJECTED, kms_rpc.PROBLEM_UNEXPECTED_PTYPE)


def test_ack_shorter_than_its_results_is_malformed():
    ack = bytearray(build_bind_ack(WIN8_RESULTS))
    ack[32] = 4  # one result more than the PDU holds
    reply = parse_bind_reply(bytes(ack))
    assert (reply.outcome, reply.problem) == (NOT_RPC, kms_rpc.PROBLEM_MALFORMED)


def test_big_endian_ack_is_read_in_its_own_byte_order():
    little = build_bind_ack(LEGACY_RESULTS)
    fields = [(0, 0, NDR32, 2), (2, 2, NIL, 0), (3, 3, NIL, 0)]
    body = struct.pack(">HHIH", 5840, 5840, 7, 5) + b"1688\0" + b"\0"
    body += struct.pack(">B3x", 3)
    for result, reason, syntax, version in fields:
        body += struct.pack(">HH", result, reason) + syntax.bytes + struct.pack(">I", version)
    big = bytes([5, 0, 12, 3, 0x00, 0, 0, 0]) + struct.pack(">HHI", 16 + len(body), 0, 2) + body
    assert len(big) == len(little)
    reply = parse_bind_reply(big)
    assert (reply.outcome, reply.accepted_syntaxes, reply.assoc_group) == (KMS, ("ndr32",), 7)


# --- never raises --------------------------------------------------------------------

PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(st.binary(max_size=400))
def test_parser_never_raises_on_arbitrary_bytes(data):
    reply = parse_bind_reply(data)
    assert reply.outcome in OUTCOMES
    if data and data[0] != 5:
        assert reply.outcome == NOT_RPC
    if reply.outcome == KMS:
        assert reply.ptype == 12 and reply.accepted_syntaxes


@PROPERTY
@given(st.sampled_from(VALID_REPLIES),
       st.lists(st.tuples(st.integers(0, 200), st.integers(0, 255)), max_size=6),
       st.integers(0, 200), st.binary(max_size=40), st.data())
def test_parser_never_raises_on_mutated_replies(reply, changes, cut, tail, data):
    mutated = bytearray(reply)
    for index, value in changes:
        if index < len(mutated):
            mutated[index] = value
    mutated = bytes(mutated[:cut]) + tail
    whole = parse_bind_reply(mutated)
    assert whole.outcome in OUTCOMES
    if whole.outcome == KMS:
        assert whole.ptype == 12 and whole.accepted_syntaxes
        # only a whole, well-formed ack answering exactly the contexts offered
        assert whole.pfc_flags & 0x03 == 0x03 and len(whole.contexts) == 3
        assert all(c.syntax == (NDR64, 1) if c.offered == "ndr64" else c.syntax == (NDR32, 2)
                   for c in whole.contexts if c.accepts_kms)
    # fed in pieces, the reader comes to the same outcome
    reader = BindReplyReader()
    rest = mutated
    while rest and reader.outcome is None:
        size = data.draw(st.integers(1, len(rest)))
        reader.feed(rest[:size])
        rest = rest[size:]
    if reader.outcome is None:
        reader.finish_closed()
    assert reader.outcome == whole.outcome


_OFFERED_SYNTAX = [(NDR32, 2), (NDR64, 1), (kms_rpc.BIND_TIME_FEATURE, 1)]
_SOME_SYNTAXES = [NIL, NDR32, NDR64, kms_rpc.BIND_TIME_FEATURE, uuid.UUID(int=12345)]


@PROPERTY
@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 3), st.sampled_from(_SOME_SYNTAXES),
                          st.integers(0, 3)), min_size=0, max_size=5),
       st.sampled_from([0x13, 0x03, 0x11, 0x12, 0x10]))
def test_an_ack_is_kms_exactly_when_it_accepts_an_offered_kms_syntax_and_is_well_formed(results, flags):
    reply = parse_bind_reply(build_bind_ack(results, flags_drep=bytes([flags, 0x10, 0, 0, 0])))
    well_formed = flags & 0x03 == 0x03 and len(results) == 3 and all(
        result in (1, 2) or (result == 3 and i == 2) or (result == 0 and (syntax, version) == _OFFERED_SYNTAX[i])
        for i, (result, _reason, syntax, version) in enumerate(results))
    kms_accepted = any(result == 0 and i < 2 for i, (result, *_rest) in enumerate(results))
    assert (reply.outcome == KMS) == (well_formed and kms_accepted), (results, flags, reply)
    if not well_formed:
        assert reply.outcome == NOT_RPC and reply.reason in kms_rpc.REASONS


# --- real responders on loopback -----------------------------------------------------

EXPECTED = {
    "kms_win8": (KMS, False),
    "kms_legacy": (KMS, False),
    "ndr32_only": (KMS, True),
    "rpc_no_kms": (RPC_REJECTED, False),
    "bind_nak": (RPC_REJECTED, False),
    "http_400": (NOT_RPC, False),
    "banner": (NOT_RPC, False),
    "close": (CLOSED, False),
    "silent": (TIMEOUT, True),
}


def _timeout(mode: str) -> float:
    # the ones that never answer the first bind cost the whole time: keep it short
    return 1.0 if mode == "ndr32_only" else 0.4 if mode == "silent" else 5.0


@pytest.mark.parametrize("mode", sorted(EXPECTED))
def test_every_responder_gives_its_outcome_and_receives_only_binds(rpc_responder, mode):
    server = rpc_responder(mode)
    probe = probe_bind("127.0.0.1", server.port, _timeout(mode))
    outcome, retried = EXPECTED[mode]
    assert (probe.outcome, probe.retried) == (outcome, retried), probe
    assert probe.error is None and probe.reply is not None
    server.close()  # waits until every byte is recorded
    pdus = server.pdus_received()
    assert all(pdu[2] == 11 for pdu in pdus), pdus
    if mode != "close":
        expected = [bind_pdu()] + ([bind_pdu_ndr32_only()] if retried else [])
        assert pdus == expected
        assert server.received == b"".join(expected)


# Why each invalid ack is refused (BindReply.reason, the probe's protocol_reason).
INVALID_ACK_REASONS = {
    "ack_random_syntax": kms_rpc.PROBLEM_SYNTAX_NOT_OFFERED,
    "ack_nil_syntax": kms_rpc.PROBLEM_SYNTAX_NOT_OFFERED,
    "ack_ndr64_in_ndr32": kms_rpc.PROBLEM_SYNTAX_NOT_OFFERED,
    "ack_wrong_version": kms_rpc.PROBLEM_SYNTAX_NOT_OFFERED,
    "ack_not_last_frag": kms_rpc.PROBLEM_NOT_ONE_FRAGMENT,
    "ack_no_frag_flags": kms_rpc.PROBLEM_NOT_ONE_FRAGMENT,
    "ack_too_few_results": kms_rpc.PROBLEM_RESULT_COUNT,
    "ack_too_many_results": kms_rpc.PROBLEM_RESULT_COUNT,
    "ack_trailing_bytes": kms_rpc.PROBLEM_LENGTH_MISMATCH,
    "ack_auth_length": kms_rpc.PROBLEM_LENGTH_MISMATCH,
    "ack_short_frag_length": kms_rpc.PROBLEM_MALFORMED,
    "ack_negotiate_on_kms": kms_rpc.PROBLEM_BAD_RESULT,
    "ack_bad_result": kms_rpc.PROBLEM_BAD_RESULT,
}


def test_every_invalid_ack_mode_has_its_reason():
    assert set(INVALID_ACK_REASONS) == set(INVALID_ACKS)
    assert set(INVALID_ACK_REASONS.values()) <= set(kms_rpc.REASONS)


@pytest.mark.parametrize("mode", INVALID_ACKS)
def test_invalid_ack_is_not_kms_and_says_why(mode):
    reply = parse_bind_reply(invalid_ack(mode, WIN8_RESULTS))
    assert (reply.outcome, reply.reason) == (NOT_RPC, INVALID_ACK_REASONS[mode])
    assert reply.accepted_syntaxes == ()
    # the same ack, whole and valid, does prove KMS: only the one flaw decides
    assert parse_bind_reply(build_bind_ack(WIN8_RESULTS)).outcome == KMS


@pytest.mark.parametrize("mode", INVALID_ACKS)
def test_invalid_ack_from_a_real_responder_is_not_kms(rpc_responder, mode):
    server = rpc_responder(mode)
    probe = probe_bind("127.0.0.1", server.port, 5.0)
    assert (probe.outcome, probe.retried) == (NOT_RPC, False), probe
    assert probe.reply.reason == INVALID_ACK_REASONS[mode]
    server.close()
    assert server.pdus_received() == [bind_pdu()]  # a bind, and nothing else


def test_invalid_ack_reason_reaches_the_probe_record_and_words(dnsmasq, rpc_responder):
    """find_kms_hosts keeps the reason on the probe: JSON, the record read back, the report."""
    from srs_wizard.core import kms
    from srs_wizard.core.present import kms as kms_words
    from srs_wizard.core.present import report
    from tests.servers import Zone

    server = rpc_responder("ack_ndr64_in_ndr32")
    good = rpc_responder("kms_win8")
    zone = Zone().add_kms("contoso.test", "kms01.contoso.test", port=server.port)
    zone.add_kms("contoso.test", "kms02.contoso.test", port=good.port, priority=10)
    zone.add_host("kms01.contoso.test", "127.0.0.1").add_host("kms02.contoso.test", "127.0.0.1")
    check = kms.find_kms_hosts(["contoso.test"], [dnsmasq(zone).address], timeout=3)
    bad_host, good_host = check.hosts
    (probe,) = bad_host.probes
    assert (probe.protocol, probe.protocol_reason) == (kms.PROTOCOL_NOT_RPC, kms_rpc.PROBLEM_SYNTAX_NOT_OFFERED)
    assert good_host.probes[0].protocol_reason is None and good_host.speaks_kms
    data = kms_words.check_json(check)
    assert data["hosts"][0]["probes"][0]["protocol_reason"] == "syntax_not_offered"
    assert kms.check_from_json(check.to_json()).hosts[0].probes[0].protocol_reason == "syntax_not_offered"
    text = report.format_kms_report(check)
    assert "kms01.contoso.test (127.0.0.1)" in text
    assert kms_protocol.reason_text(kms_rpc.PROBLEM_SYNTAX_NOT_OFFERED) in text


def test_ordinary_rejections_have_their_reason_too():
    assert parse_bind_reply(build_bind_nak(4)).reason == kms_rpc.REASON_BIND_NAK
    assert parse_bind_reply(build_bind_ack(NO_KMS_RESULTS)).reason == kms_rpc.REASON_KMS_REJECTED
    assert parse_bind_reply(build_bind_ack(WIN8_RESULTS)).reason is None
    assert parse_bind_reply(b"HTTP/1.1 400").reason == kms_rpc.PROBLEM_NOT_DCE_RPC
    for reason in kms_rpc.REASONS:
        assert kms_protocol.reason_text(reason), reason


def test_windows8_host_accepts_ndr64_and_names_its_port(rpc_responder):
    server = rpc_responder("kms_win8")
    probe = probe_bind("127.0.0.1", server.port, 5.0)
    assert probe.reply.accepted_syntaxes == ("ndr64",)
    assert probe.reply.secondary_address == str(server.port)
    assert [c.result for c in probe.reply.contexts] == [2, 0, 3]


def test_older_host_accepts_ndr32(rpc_responder):
    probe = probe_bind("127.0.0.1", rpc_responder("kms_legacy").port, 5.0)
    assert probe.reply.accepted_syntaxes == ("ndr32",)


def test_retry_offers_ndr32_alone_on_a_new_connection(rpc_responder):
    server = rpc_responder("ndr32_only")
    probe = probe_bind("127.0.0.1", server.port, 1.0)
    assert (probe.outcome, probe.first_outcome, probe.offered) == (KMS, TIMEOUT, ("ndr32",))
    assert probe.reply.accepted_syntaxes == ("ndr32",)
    server.close()
    assert server.accepted == 2


def test_no_retry_once_anything_came_back(rpc_responder):
    server = rpc_responder("close")
    probe = probe_bind("127.0.0.1", server.port, 5.0)
    assert (probe.outcome, probe.retried) == (CLOSED, False)
    server.close()
    assert server.accepted == 1


def test_refused_connection_has_no_outcome():
    probe = probe_bind("127.0.0.1", closed_port(), 2.0)
    assert probe.outcome is None and probe.error and probe.reply is None


def _has_ipv6_loopback() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as s:
            s.bind(("::1", 0))
        return True
    except OSError:
        return False


@pytest.mark.skipif(not _has_ipv6_loopback(), reason="no IPv6 loopback here")
def test_ipv6_loopback_host(rpc_responder):
    server = rpc_responder("kms_win8", host="::1")
    assert probe_bind("::1", server.port, 5.0).outcome == KMS


def test_split_pdus_shows_a_partial_piece():
    assert split_pdus(bind_pdu() + bind_pdu()[:10]) == [bind_pdu(), bind_pdu()[:10]]


# --- words ---------------------------------------------------------------------------

def test_words_claim_no_more_than_the_bind_proved():
    sentence = kms_protocol.outcome_sentence(KMS, "kms01.contoso.com", 1688)
    assert sentence == "kms01.contoso.com speaks KMS on port 1688."
    assert "activat" not in sentence
    assert "ospp.vbs /act" in kms_protocol.activation_caveat()
    labels = {kms_protocol.outcome_label(o) for o in (*OUTCOMES, None)}
    assert len(labels) == len(OUTCOMES) + 1
    for outcome in (*OUTCOMES, None):
        text = kms_protocol.outcome_sentence(outcome, "h.contoso.com", 1688)
        assert "h.contoso.com" in text and "1688" in text
    assert "not checked" in kms_protocol.outcome_sentence(None, "h", 1688)


def test_reply_details_name_what_came_back():
    assert kms_protocol.reply_details(parse_bind_reply(build_bind_ack(WIN8_RESULTS))) == [
        "accepted NDR64"]
    assert kms_protocol.reply_details(parse_bind_reply(build_bind_nak(4))) == [
        "bind refused (bind_nak, reason 4)"]
    assert kms_protocol.reply_details(parse_bind_reply(build_bind_ack(NO_KMS_RESULTS))) == [
        "KMS interface rejected (reasons 1, 1)"]
    notes = kms_protocol.reply_details(parse_bind_reply(build_bind_ack(LEGACY_RESULTS, call_id=1)))
    assert notes == ["accepted NDR32", "replied with call id 1 instead of 2"]
    assert kms_protocol.reply_details(None) == []


def test_words_in_chinese():
    from srs_wizard import i18n, qm

    qm.install_for_cli("zh_CN")
    try:
        sentence = kms_protocol.outcome_sentence(KMS, "kms01.contoso.com", 1688)
        caveat = kms_protocol.activation_caveat()
        label = kms_protocol.outcome_label(TIMEOUT)
    finally:
        i18n.set_backend(None)
    assert "kms01.contoso.com" in sentence and "1688" in sentence and "speaks" not in sentence
    assert "ospp.vbs /act" in caveat and "Whether" not in caveat
    assert label != "no reply in time"
