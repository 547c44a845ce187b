"""The first step of the KMS protocol: a DCE/RPC bind for the KMS interface, and its answer.

A KMS client first binds to the KMS interface, then sends the activation request. The
client machine id the host counts travels only inside that request, so a bind alone never
adds to the customer's KMS count. This module builds the bind exactly as a Windows KMS
client sends it, reads the reply (incrementally, so a non-blocking caller can feed it
whatever arrives) and names the outcome. It never builds a REQUEST PDU.

Codes and raw values only; ``srs_wizard.core.present.kms_protocol`` turns them into words.

Decisions beyond the wire format:
- A peer that closes before a whole reply arrived gives ``closed`` (it did not answer the
  bind), unless the bytes it sent already cannot be DCE/RPC version 5 (``not_rpc``). A
  time limit reached with part of a reply gives ``timeout``.
- A reply longer than the ``max_recv_frag`` we offer (5840 bytes) breaks the protocol and
  is ``not_rpc``, decided from the 16-byte header alone: nothing waits for 64 KiB.
- A PDU type a server never sends (a bind echoed back, connectionless types) is
  ``not_rpc`` from its third byte; a fault, shutdown or other server PDU instead of an ack is ``rpc_rejected``.
- A bind_ack too short for the fields it announces is ``not_rpc`` (problem ``malformed``):
  a broken ack proves nothing about KMS.
- An ack proves KMS only when it is one whole, well-formed PDU that accepts a context we
  offered with the very transfer syntax (UUID and version) we offered there. Anything else
  is ``not_rpc``, with its problem: a fragment (PFC_FIRST_FRAG or PFC_LAST_FRAG missing),
  lengths that do not add up (fields ending before frag_length, an auth_length with no
  auth asked for), a result count other than the contexts offered (a result for a context
  index never offered), an acceptance naming another syntax or version (a random or nil
  UUID, NDR64 in the NDR32 slot), a result code that does not exist or a negotiate-ack for
  a context that is no feature negotiation.
"""

from __future__ import annotations

import socket
import struct
import time
import uuid
from dataclasses import dataclass

# Outcomes (codes; the words are in core.present.kms_protocol).
KMS = "kms"
RPC_REJECTED = "rpc_rejected"
NOT_RPC = "not_rpc"
CLOSED = "closed"
TIMEOUT = "timeout"
OUTCOMES = (KMS, RPC_REJECTED, NOT_RPC, CLOSED, TIMEOUT)

KMS_INTERFACE = uuid.UUID("51C82175-844E-4750-B0D8-EC255555BC06")
KMS_INTERFACE_VERSION = (1, 0)
NDR32 = uuid.UUID("8A885D04-1CEB-11C9-9FE8-08002B104860")
NDR64 = uuid.UUID("71710533-BEBA-4937-8319-B5DBEF9CCC36")
# Bind-time feature negotiation; bytes 8-9 of the wire form carry the feature bits 0x0003.
BIND_TIME_FEATURE = uuid.UUID("6CB71C2C-9812-4540-0300-000000000000")

# Names of the transfer syntaxes, as they appear in BindReply.contexts.
SYNTAX_NDR32 = "ndr32"
SYNTAX_NDR64 = "ndr64"
SYNTAX_BIND_TIME_FEATURE = "bind_time_feature"
KMS_SYNTAXES = (SYNTAX_NDR32, SYNTAX_NDR64)

_SYNTAXES = {
    SYNTAX_NDR32: (NDR32, 2),
    SYNTAX_NDR64: (NDR64, 1),
    SYNTAX_BIND_TIME_FEATURE: (BIND_TIME_FEATURE, 1),
}
# The contexts of each bind we send, in order (p_cont_id = position).
THREE_CONTEXTS = (SYNTAX_NDR32, SYNTAX_NDR64, SYNTAX_BIND_TIME_FEATURE)
NDR32_ONLY = (SYNTAX_NDR32,)

# PDU types (connection-oriented DCE/RPC, [MS-RPCE] / C706).
PTYPE_RESPONSE = 2
PTYPE_FAULT = 3
PTYPE_BIND = 11
PTYPE_BIND_ACK = 12
PTYPE_BIND_NAK = 13
PTYPE_ALTER_CONTEXT_RESP = 15
PTYPE_SHUTDOWN = 17
# What a server may send on a connection; anything else (a bind echoed back, a
# connectionless type) does not come from an RPC server.
_SERVER_PTYPES = frozenset({PTYPE_RESPONSE, PTYPE_FAULT, PTYPE_BIND_ACK, PTYPE_BIND_NAK,
                            PTYPE_ALTER_CONTEXT_RESP, PTYPE_SHUTDOWN})

# Context results in a bind_ack.
RESULT_ACCEPTANCE = 0
RESULT_USER_REJECTION = 1
RESULT_PROVIDER_REJECTION = 2
RESULT_NEGOTIATE_ACK = 3

HEADER_LENGTH = 16
MAX_FRAG = 5840  # our max_xmit_frag / max_recv_frag: no conforming reply is longer
_PFC_FLAGS = 0x13  # first frag, last frag, concurrent multiplex
_DREP_LITTLE_ENDIAN = b"\x10\x00\x00\x00"  # little endian, ASCII, IEEE

# BindReply.problem codes: why a reply was judged as it was, beyond the PDU itself.
PROBLEM_NOT_DCE_RPC = "not_dce_rpc"  # the first bytes are not a DCE/RPC v5 header
PROBLEM_BAD_LENGTH = "bad_length"  # frag_length under 16 or over MAX_FRAG
PROBLEM_UNEXPECTED_PTYPE = "unexpected_ptype"  # an RPC PDU, but no bind_ack or bind_nak
PROBLEM_MALFORMED = "malformed"  # a bind_ack shorter than the fields it announces
PROBLEM_TRUNCATED = "truncated"  # closed or timed out before the whole PDU arrived
PROBLEM_NOT_ONE_FRAGMENT = "not_one_fragment"  # an ack without PFC_FIRST_FRAG and PFC_LAST_FRAG
PROBLEM_LENGTH_MISMATCH = "length_mismatch"  # fields end before frag_length, or an auth_length
PROBLEM_RESULT_COUNT = "result_count"  # results other than the contexts we offered
PROBLEM_SYNTAX_NOT_OFFERED = "syntax_not_offered"  # accepted a transfer syntax or version not offered there
PROBLEM_BAD_RESULT = "bad_result"  # a result code that does not exist, or a negotiate-ack out of place
# BindReply.reason for the ordinary refusals (no problem with the PDU itself).
REASON_BIND_NAK = "bind_nak"  # the bind was refused as a whole
REASON_KMS_REJECTED = "kms_rejected"  # an RPC server that rejects the KMS contexts
# Every reason code (BindReply.reason, the probe's ``protocol_reason``).
REASONS = (PROBLEM_NOT_DCE_RPC, PROBLEM_BAD_LENGTH, PROBLEM_UNEXPECTED_PTYPE, PROBLEM_MALFORMED,
           PROBLEM_TRUNCATED, PROBLEM_NOT_ONE_FRAGMENT, PROBLEM_LENGTH_MISMATCH, PROBLEM_RESULT_COUNT,
           PROBLEM_SYNTAX_NOT_OFFERED, PROBLEM_BAD_RESULT, REASON_BIND_NAK, REASON_KMS_REJECTED)

PFC_FIRST_FRAG = 0x01
PFC_LAST_FRAG = 0x02


def _context(p_cont_id: int, syntax: str) -> bytes:
    transfer, version = _SYNTAXES[syntax]
    return (struct.pack("<HBx", p_cont_id, 1)
            + KMS_INTERFACE.bytes_le + struct.pack("<HH", *KMS_INTERFACE_VERSION)
            + transfer.bytes_le + struct.pack("<I", version))


def _bind(call_id: int, syntaxes: tuple[str, ...]) -> bytes:
    contexts = b"".join(_context(i, s) for i, s in enumerate(syntaxes))
    body = struct.pack("<HHIB3x", MAX_FRAG, MAX_FRAG, 0, len(syntaxes)) + contexts
    header = (struct.pack("<BBBB", 5, 0, PTYPE_BIND, _PFC_FLAGS) + _DREP_LITTLE_ENDIAN
              + struct.pack("<HHI", HEADER_LENGTH + len(body), 0, call_id & 0xFFFFFFFF))
    return header + body


def bind_pdu(call_id: int = 2) -> bytes:
    """The 160-byte bind a Windows KMS client sends: NDR32, NDR64 and feature negotiation."""
    return _bind(call_id, THREE_CONTEXTS)


def bind_pdu_ndr32_only(call_id: int = 2) -> bytes:
    """The second try when the three-context bind got no answer: one NDR32 context."""
    return _bind(call_id, NDR32_ONLY)


def syntax_name(value: uuid.UUID) -> str:
    """``ndr32`` / ``ndr64`` / ``bind_time_feature`` (any feature bits), else the UUID text."""
    if value == NDR32:
        return SYNTAX_NDR32
    if value == NDR64:
        return SYNTAX_NDR64
    if value.bytes[:8] == BIND_TIME_FEATURE.bytes[:8]:
        return SYNTAX_BIND_TIME_FEATURE
    return str(value)


@dataclass(frozen=True)
class ContextResult:
    """One presentation context's answer in a bind_ack, matched to what we offered there."""

    offered: str | None  # the transfer syntax we offered at this position; None past our list
    result: int
    reason: int
    transfer_syntax: str  # what the server names (often the nil UUID when rejected)
    version: int
    syntax_uuid: uuid.UUID | None = None  # the same, raw

    @property
    def syntax(self) -> tuple[uuid.UUID | None, int]:
        """The transfer syntax named, as (UUID, version), to compare with what was offered."""
        return self.syntax_uuid, self.version

    @property
    def accepted(self) -> bool:
        return self.result == RESULT_ACCEPTANCE

    @property
    def accepts_kms(self) -> bool:
        return self.accepted and self.offered in KMS_SYNTAXES


@dataclass(frozen=True)
class BindReply:
    """What came back for one bind: the outcome and the raw facts behind it."""

    outcome: str
    received: int = 0  # bytes received (all of them, even past the PDU)
    ptype: int | None = None
    pfc_flags: int | None = None
    frag_length: int | None = None
    call_id: int | None = None
    sent_call_id: int | None = None
    max_xmit_frag: int | None = None
    max_recv_frag: int | None = None
    assoc_group: int | None = None
    secondary_address: str | None = None
    contexts: tuple[ContextResult, ...] = ()
    nak_reason: int | None = None
    problem: str | None = None

    @property
    def accepted_syntaxes(self) -> tuple[str, ...]:
        """The KMS transfer syntaxes the host accepted, e.g. ``("ndr64",)``."""
        return tuple(c.offered for c in self.contexts if c.accepts_kms)

    @property
    def reason(self) -> str | None:
        """Why the reply was judged as it was (one of REASONS), or None for ``kms`` and for
        a peer that sent nothing."""
        if self.problem is not None:
            return self.problem
        if self.ptype == PTYPE_BIND_NAK:
            return REASON_BIND_NAK
        if self.outcome == RPC_REJECTED and self.ptype == PTYPE_BIND_ACK:
            return REASON_KMS_REJECTED
        return None

    @property
    def call_id_differs(self) -> bool:
        """The reply names another call id: worth a note (Wine-hosted vlmcsd), not a failure."""
        return (self.call_id is not None and self.sent_call_id is not None
                and self.call_id != self.sent_call_id)


def _prefix_is_dce_rpc(data: bytes) -> bool:
    """Whether the first bytes (up to six are checked) can still begin a server's DCE/RPC v5 PDU."""
    checks = (
        lambda b: b == 5,  # rpc_vers
        lambda b: b in (0, 1),  # rpc_vers_minor (5.0 or 5.1)
        lambda b: b in _SERVER_PTYPES,  # a bind echoed back is no server's answer
        lambda b: True,  # pfc_flags
        lambda b: (b >> 4) <= 1 and (b & 0x0F) <= 1,  # integer and character representation
        lambda b: b <= 3,  # floating point representation
    )
    return all(check(b) for check, b in zip(checks, data))


class BindReplyReader:
    """Reads one reply to a bind as bytes arrive.

    ``feed()`` returns the outcome as soon as it is known (``not_rpc`` from the first byte
    that cannot be DCE/RPC v5; otherwise once the header and then ``frag_length - 16``
    more bytes are in), else None. ``finish_closed()`` / ``finish_timeout()`` end the read
    for a peer that closed / a time limit reached. ``reply`` holds the facts once decided.
    """

    def __init__(self, call_id: int = 2, offered: tuple[str, ...] = THREE_CONTEXTS):
        self.call_id = call_id
        self.offered = offered
        self._data = bytearray()
        self._received = 0
        self.reply: BindReply | None = None

    @property
    def outcome(self) -> str | None:
        return None if self.reply is None else self.reply.outcome

    @property
    def received(self) -> int:
        return self._received

    def feed(self, data: bytes) -> str | None:
        self._received += len(data)
        if self.reply is not None:
            return self.reply.outcome
        # One reply is at most MAX_FRAG bytes (checked from its header): keep no more.
        self._data += bytes(data[:max(0, MAX_FRAG - len(self._data))])
        data_now = bytes(self._data)
        if not _prefix_is_dce_rpc(data_now[:6]):
            return self._decide(BindReply(NOT_RPC, self._received, problem=PROBLEM_NOT_DCE_RPC))
        if len(data_now) < HEADER_LENGTH:
            return None
        header = _Header.parse(data_now)
        if header.problem is not None:
            return self._decide(header.reply(NOT_RPC, self._received, self.call_id,
                                             problem=header.problem))
        if len(data_now) < header.frag_length:
            return None
        return self._decide(_judge(header, data_now[:header.frag_length], self._received,
                                   self.call_id, self.offered))

    def finish_closed(self) -> str:
        """The peer closed: nothing (or only part of a PDU) came, so the bind got no reply."""
        return self._finish(CLOSED)

    def finish_timeout(self) -> str:
        return self._finish(TIMEOUT)

    def _finish(self, outcome: str) -> str:
        if self.reply is not None:
            return self.reply.outcome
        data_now = bytes(self._data)
        if len(data_now) >= HEADER_LENGTH:
            header = _Header.parse(data_now)
            return self._decide(header.reply(outcome, self._received, self.call_id,
                                             problem=PROBLEM_TRUNCATED))
        problem = PROBLEM_TRUNCATED if data_now else None
        return self._decide(BindReply(outcome, self._received, problem=problem))

    def _decide(self, reply: BindReply) -> str:
        self.reply = reply
        self._data = bytearray()
        return reply.outcome


@dataclass(frozen=True)
class _Header:
    ptype: int
    pfc_flags: int
    little: bool
    frag_length: int
    call_id: int
    problem: str | None
    auth_length: int = 0

    @classmethod
    def parse(cls, data: bytes) -> "_Header":
        little = bool(data[4] >> 4)
        order = "<" if little else ">"
        frag_length, auth_length, call_id = struct.unpack_from(order + "HHI", data, 8)
        problem = None
        if frag_length < HEADER_LENGTH or frag_length > MAX_FRAG:
            problem = PROBLEM_BAD_LENGTH
        return cls(data[2], data[3], little, frag_length, call_id, problem, auth_length)

    def reply(self, outcome: str, received: int, sent_call_id: int, **facts) -> BindReply:
        return BindReply(outcome, received, self.ptype, self.pfc_flags, self.frag_length,
                         self.call_id, sent_call_id, **facts)


def _judge(header: _Header, pdu: bytes, received: int, sent_call_id: int,
           offered: tuple[str, ...]) -> BindReply:
    order = "<" if header.little else ">"
    if header.ptype == PTYPE_BIND_NAK:
        reason = struct.unpack_from(order + "H", pdu, 16)[0] if len(pdu) >= 18 else None
        return header.reply(RPC_REJECTED, received, sent_call_id, nak_reason=reason)
    if header.ptype != PTYPE_BIND_ACK:
        return header.reply(RPC_REJECTED, received, sent_call_id,
                            problem=PROBLEM_UNEXPECTED_PTYPE)
    try:
        max_xmit, max_recv, assoc_group, addr_length = struct.unpack_from(order + "HHIH", pdu, 16)
        offset = 26 + addr_length
        if offset > len(pdu):
            raise struct.error("secondary address past the end")
        address = pdu[26:offset].rstrip(b"\0").decode("ascii", "replace")
        offset += -offset % 4
        (n_results,) = struct.unpack_from(order + "B", pdu, offset)
        offset += 4
        contexts = []
        for i in range(n_results):
            result, reason = struct.unpack_from(order + "HH", pdu, offset)
            syntax = uuid.UUID(bytes_le=pdu[offset + 4:offset + 20]) if header.little \
                else uuid.UUID(bytes=pdu[offset + 4:offset + 20])
            (version,) = struct.unpack_from(order + "I", pdu, offset + 20)
            contexts.append(ContextResult(offered[i] if i < len(offered) else None, result,
                                          reason, syntax_name(syntax), version, syntax))
            offset += 24
    except (struct.error, ValueError):
        return header.reply(NOT_RPC, received, sent_call_id, problem=PROBLEM_MALFORMED)
    facts = dict(max_xmit_frag=max_xmit, max_recv_frag=max_recv, assoc_group=assoc_group,
                 secondary_address=address)
    problem = _ack_problem(header, offset, len(pdu), contexts, offered)
    if problem is not None:
        # The contexts are kept as raw facts, but an invalid ack accepts nothing.
        return header.reply(NOT_RPC, received, sent_call_id, problem=problem, **facts)
    outcome = KMS if any(c.accepts_kms for c in contexts) else RPC_REJECTED
    return header.reply(outcome, received, sent_call_id, contexts=tuple(contexts), **facts)


def _ack_problem(header: _Header, end: int, frag_length: int, contexts: list[ContextResult],
                 offered: tuple[str, ...]) -> str | None:
    """What makes a parsed bind_ack invalid (a PROBLEM_* code), or None when it is whole and
    well formed and every result answers a context we offered as only that context can be."""
    if header.pfc_flags & (PFC_FIRST_FRAG | PFC_LAST_FRAG) != PFC_FIRST_FRAG | PFC_LAST_FRAG:
        return PROBLEM_NOT_ONE_FRAGMENT
    if header.auth_length or end != frag_length:
        return PROBLEM_LENGTH_MISMATCH  # we asked for no auth, and nothing follows the results
    if len(contexts) != len(offered):
        return PROBLEM_RESULT_COUNT
    for context in contexts:
        if context.result not in (RESULT_ACCEPTANCE, RESULT_USER_REJECTION, RESULT_PROVIDER_REJECTION,
                                  RESULT_NEGOTIATE_ACK):
            return PROBLEM_BAD_RESULT
        if context.result == RESULT_NEGOTIATE_ACK and context.offered != SYNTAX_BIND_TIME_FEATURE:
            return PROBLEM_BAD_RESULT
        if context.accepted and context.syntax != _SYNTAXES[context.offered]:
            return PROBLEM_SYNTAX_NOT_OFFERED
    return None


def parse_bind_reply(data: bytes, call_id: int = 2,
                     offered: tuple[str, ...] = THREE_CONTEXTS) -> BindReply:
    """Judge ``data`` as everything the peer sent before it closed. Never raises."""
    reader = BindReplyReader(call_id, offered)
    if reader.feed(bytes(data)) is None:
        reader.finish_closed()
    return reader.reply


@dataclass(frozen=True)
class BindProbe:
    """One bind probe of one address: the outcome (None when no connection was made)."""

    address: str
    port: int
    outcome: str | None
    reply: BindReply | None = None
    offered: tuple[str, ...] = THREE_CONTEXTS  # the bind that gave the outcome
    retried: bool = False  # the three-context bind got no answer; a NDR32-only bind followed
    first_outcome: str | None = None  # the three-context bind's outcome when retried
    error: str | None = None  # why the connection failed (raw OS text)
    elapsed_ms: float = 0.0


def _one_bind(address: str, port: int, timeout: float, offered: tuple[str, ...],
              call_id: int) -> tuple[BindReply | None, str | None]:
    reader = BindReplyReader(call_id, offered)
    deadline = time.monotonic() + timeout
    try:
        sock = socket.create_connection((address, port), timeout=timeout)
    except OSError as exc:
        return None, str(exc) or type(exc).__name__
    with sock:
        try:
            sock.sendall(_bind(call_id, offered))
            while reader.reply is None:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    reader.finish_timeout()
                    break
                sock.settimeout(remaining)
                chunk = sock.recv(4096)
                if not chunk:
                    reader.finish_closed()
                    break
                reader.feed(chunk)
        except (socket.timeout, TimeoutError):
            reader.finish_timeout()
        except OSError:  # reset or broken pipe: the peer closed on us
            reader.finish_closed()
    return reader.reply, None


def probe_bind(address: str, port: int, timeout: float, call_id: int = 2) -> BindProbe:
    """Blocking reference client: bind, read one reply, close; never sends anything else.

    ``timeout`` applies to each connection. When the three-context bind gets no answer at
    all in that time (not a byte), one NDR32-only bind follows on a new connection and its
    outcome is the one reported (a failed reconnect keeps the first outcome).
    """
    start = time.monotonic()

    def done(**kw) -> BindProbe:
        return BindProbe(address, port, elapsed_ms=(time.monotonic() - start) * 1000, **kw)

    reply, error = _one_bind(address, port, timeout, THREE_CONTEXTS, call_id)
    if reply is None:
        return done(outcome=None, error=error)
    if reply.outcome != TIMEOUT or reply.received:
        return done(outcome=reply.outcome, reply=reply)
    retry, _error = _one_bind(address, port, timeout, NDR32_ONLY, call_id)
    if retry is None:
        return done(outcome=reply.outcome, reply=reply, retried=True, first_outcome=reply.outcome)
    return done(outcome=retry.outcome, reply=retry, offered=NDR32_ONLY, retried=True,
                first_outcome=reply.outcome)
