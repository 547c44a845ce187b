"""Real TCP responders on loopback for the KMS bind probe, each recording every byte received.

The KMS replies are built to the layout of a bind_ack / bind_nak in
shared/reference/kms-rpc-bind.md (what vlmcsd, py-kms and a Windows host send), written
here from the wire format, independent of the client code in srs_wizard.core.kms_rpc.

Modes of ``BindResponder``:
- ``kms_win8``: a Windows 8 / Server 2012+ host: NDR64 accepted (0/0), NDR32 rejected
  (2/2) when NDR64 is offered beside it, the feature context negotiate-acked (3);
- ``kms_legacy``: an older host: NDR32 accepted, NDR64 rejected (2/2);
- ``ndr32_only``: a legacy host behind a filter that drops binds offering more than one
  context (it stays silent on them) and answers only the single-NDR32 bind;
- ``rpc_no_kms``: an RPC server without the KMS interface: KMS contexts rejected with
  reason 1, the feature context negotiate-acked;
- ``bind_nak``: answers every bind with a bind_nak;
- ``http_400``: a web server answering ``HTTP/1.1 400 Bad Request`` and closing;
- ``banner``: sends an SSH banner as soon as it accepts;
- ``close``: closes every connection at once;
- ``silent``: reads and records, never answers.

Invalid bind_acks, each a Windows 8 host's ack (``kms_win8``) broken in one way; none
proves KMS:
- ``ack_random_syntax`` / ``ack_nil_syntax``: the NDR64 context accepted, naming a random
  UUID / the nil UUID as its transfer syntax;
- ``ack_ndr64_in_ndr32``: the NDR32 context accepted naming NDR64, the NDR64 one rejected;
- ``ack_wrong_version``: NDR64 accepted with version 2 (we offer version 1);
- ``ack_not_last_frag`` / ``ack_no_frag_flags``: pfc_flags without PFC_LAST_FRAG / without
  PFC_FIRST_FRAG and PFC_LAST_FRAG (a fragment, not a whole PDU);
- ``ack_too_few_results`` / ``ack_too_many_results``: one result less than the contexts
  offered / one more, accepting NDR64 at a context index that was never offered;
- ``ack_trailing_bytes``: frag_length (and the bytes sent) 8 longer than the fields;
- ``ack_auth_length``: auth_length 8 with no auth verifier (none was asked for);
- ``ack_short_frag_length``: frag_length cuts the last result in half;
- ``ack_negotiate_on_kms``: the NDR64 context answered with the feature negotiation's
  result 3 instead of an acceptance;
- ``ack_bad_result``: the NDR64 context answered with result 7, which does not exist.
"""

from __future__ import annotations

import socket
import socketserver
import struct
import threading
import uuid

from tests.servers import serve, stop, tcp_server

INVALID_ACKS = ("ack_random_syntax", "ack_nil_syntax", "ack_ndr64_in_ndr32", "ack_wrong_version",
                "ack_not_last_frag", "ack_no_frag_flags", "ack_too_few_results", "ack_too_many_results",
                "ack_trailing_bytes", "ack_auth_length", "ack_short_frag_length", "ack_negotiate_on_kms",
                "ack_bad_result")
MODES = ("kms_win8", "kms_legacy", "ndr32_only", "rpc_no_kms", "bind_nak", "http_400",
         "banner", "close", "silent") + INVALID_ACKS

KMS_INTERFACE = uuid.UUID("51C82175-844E-4750-B0D8-EC255555BC06")
NDR32 = uuid.UUID("8A885D04-1CEB-11C9-9FE8-08002B104860")
NDR64 = uuid.UUID("71710533-BEBA-4937-8319-B5DBEF9CCC36")
FEATURE_PREFIX = uuid.UUID("6CB71C2C-9812-4540-0000-000000000000").bytes_le[:8]
NIL = uuid.UUID(int=0)
RANDOM_SYNTAX = uuid.UUID("3f2b8c1e-9d47-4a6b-b1c0-5e7d2a9f4c81")

BANNER = b"SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n"
HTTP_400 = (b"HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\nContent-Length: 11\r\n"
            b"Connection: close\r\n\r\nBad Request")


def split_pdus(data: bytes) -> list[bytes]:
    """Cut one connection's bytes into PDUs by their frag_length; a remainder that is no
    whole PDU is returned as one last piece (so a test sees it)."""
    pdus = []
    offset = 0
    while offset < len(data):
        rest = data[offset:]
        if len(rest) < 16:
            pdus.append(rest)
            break
        order = "<" if rest[4] >> 4 else ">"
        (frag_length,) = struct.unpack_from(order + "H", rest, 8)
        if frag_length < 16 or frag_length > len(rest):
            pdus.append(rest)
            break
        pdus.append(rest[:frag_length])
        offset += frag_length
    return pdus


def parse_bind(pdu: bytes) -> tuple[int, bytes, int, list[tuple[int, uuid.UUID, uuid.UUID]]]:
    """(call_id, header flags+drep, assoc_group, [(p_cont_id, abstract, first transfer)])."""
    (call_id,) = struct.unpack_from("<I", pdu, 12)
    (assoc_group,) = struct.unpack_from("<I", pdu, 20)
    n_contexts = pdu[24]
    contexts = []
    offset = 28
    for _ in range(n_contexts):
        p_cont_id, n_transfer = struct.unpack_from("<HB", pdu, offset)
        abstract = uuid.UUID(bytes_le=pdu[offset + 4:offset + 20])
        transfer = uuid.UUID(bytes_le=pdu[offset + 24:offset + 40])
        contexts.append((p_cont_id, abstract, transfer))
        offset += 24 + 20 * n_transfer
    return call_id, pdu[3:8], assoc_group, contexts


def _header(ptype: int, flags_drep: bytes, frag_length: int, call_id: int) -> bytes:
    return (bytes([5, 0, ptype]) + flags_drep
            + struct.pack("<HHI", frag_length, 0, call_id))


def build_bind_ack(results: list[tuple[int, int, uuid.UUID, int]], call_id: int = 2,
                   secondary_address: str = "1688", assoc_group: int = 0x1063BF3F,
                   flags_drep: bytes = b"\x13\x10\x00\x00\x00") -> bytes:
    """A bind_ack (ptype 12): results are (result, reason, transfer syntax, version)."""
    address = secondary_address.encode("ascii") + b"\0"
    body = struct.pack("<HHIH", 5840, 5840, assoc_group, len(address)) + address
    body += b"\0" * (-(16 + len(body)) % 4)
    body += struct.pack("<B3x", len(results))
    for result, reason, syntax, version in results:
        body += struct.pack("<HH", result, reason) + syntax.bytes_le + struct.pack("<I", version)
    return _header(12, flags_drep, 16 + len(body), call_id) + body


def build_bind_nak(reason: int = 0, call_id: int = 2,
                   flags_drep: bytes = b"\x03\x10\x00\x00\x00") -> bytes:
    """A bind_nak (ptype 13): the reason, then the one protocol version supported (5.0)."""
    body = struct.pack("<HBBB", reason, 1, 5, 0)
    body += b"\0" * (-(16 + len(body)) % 4)
    return _header(13, flags_drep, 16 + len(body), call_id) + body


def kms_results(contexts: list[tuple[int, uuid.UUID, uuid.UUID]], prefer_ndr64: bool,
                interface: uuid.UUID | None = KMS_INTERFACE) -> list[tuple[int, int, uuid.UUID, int]]:
    """The per-context answer of a KMS host (or, with interface None, of an RPC server
    that offers no such interface)."""
    ndr64_offered = any(t == NDR64 for _, a, t in contexts if a == interface)
    results = []
    for _, abstract, transfer in contexts:
        if transfer.bytes_le[:8] == FEATURE_PREFIX:
            bits = struct.unpack_from("<H", transfer.bytes_le, 8)[0]
            results.append((3, bits & 0x0003, NIL, 0))
        elif abstract != interface:
            results.append((2, 1, NIL, 0))
        elif transfer == NDR64 and prefer_ndr64:
            results.append((0, 0, NDR64, 1))
        elif transfer == NDR32 and not (prefer_ndr64 and ndr64_offered):
            results.append((0, 0, NDR32, 2))
        else:
            results.append((2, 2, NIL, 0))
    return results


def invalid_ack(mode: str, results: list[tuple[int, int, uuid.UUID, int]], call_id: int = 2,
                secondary_address: str = "1688", flags_drep: bytes = b"\x13\x10\x00\x00\x00") -> bytes:
    """A Windows 8 host's bind_ack to ``results`` (kms_results) broken the way ``mode`` says."""
    accepted = next((i for i, r in enumerate(results) if r[0] == 0), 0)
    results = list(results)
    flags = flags_drep[0]
    if mode == "ack_random_syntax":
        results[accepted] = (0, 0, RANDOM_SYNTAX, 1)
    elif mode == "ack_nil_syntax":
        results[accepted] = (0, 0, NIL, 0)
    elif mode == "ack_ndr64_in_ndr32":
        results = [(0, 0, NDR64, 1)] + [(2, 2, NIL, 0) if r[0] == 0 else r for r in results[1:]]
    elif mode == "ack_wrong_version":
        results[accepted] = (0, 0, results[accepted][2], results[accepted][3] + 1)
    elif mode == "ack_not_last_frag":
        flags &= ~0x02
    elif mode == "ack_no_frag_flags":
        flags &= ~0x03
    elif mode == "ack_too_few_results":
        results = results[:-1] if len(results) > 1 else []
    elif mode == "ack_too_many_results":
        results = [(2, 2, NIL, 0) if r[0] == 0 else r for r in results] + [(0, 0, NDR64, 1)]
    elif mode == "ack_negotiate_on_kms":
        results[accepted] = (3, 0, NIL, 0)
    elif mode == "ack_bad_result":
        results[accepted] = (7, 0, results[accepted][2], results[accepted][3])
    pdu = bytearray(build_bind_ack(results, call_id, secondary_address,
                                   flags_drep=bytes([flags]) + flags_drep[1:]))
    if mode == "ack_trailing_bytes":
        pdu += bytes(8)
        struct.pack_into("<H", pdu, 8, len(pdu))
    elif mode == "ack_auth_length":
        struct.pack_into("<H", pdu, 10, 8)
    elif mode == "ack_short_frag_length":
        del pdu[-12:]
        struct.pack_into("<H", pdu, 8, len(pdu))
    return bytes(pdu)


class BindResponder:
    """A real TCP server on loopback playing one kind of listener (see the module's modes)."""

    def __init__(self, mode: str, host: str = "127.0.0.1", secondary_address: str | None = None):
        if mode not in MODES:
            raise ValueError(mode)
        self.mode = mode
        self.host = host
        self.accepted = 0
        self._connections: list[bytearray] = []
        self._open: set[socket.socket] = set()
        self._lock = threading.Lock()
        self._handlers_done = threading.Condition(self._lock)
        self._handling = 0
        responder = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                responder._handle(self.request)

        self._server = tcp_server(host, Handler)
        self.port = self._server.server_address[1]
        self.secondary_address = secondary_address or str(self.port)
        self._thread = serve(self._server)

    @property
    def received(self) -> bytes:
        """Every byte received, all connections in the order they were accepted."""
        with self._lock:
            return b"".join(bytes(c) for c in self._connections)

    def pdus_received(self) -> list[bytes]:
        """What arrived, cut into PDUs connection by connection (see split_pdus)."""
        with self._lock:
            connections = [bytes(c) for c in self._connections]
        return [pdu for data in connections for pdu in split_pdus(data)]

    def _handle(self, conn: socket.socket) -> None:
        record = bytearray()
        with self._lock:
            self.accepted += 1
            if self.mode == "close":
                return  # the server closes the connection when the handler returns
            self._connections.append(record)
            self._open.add(conn)
            self._handling += 1
        try:
            self._converse(conn, record)
        finally:
            with self._lock:
                self._open.discard(conn)
                self._handling -= 1
                self._handlers_done.notify_all()

    def _recv(self, conn: socket.socket, record: bytearray) -> bytes | None:
        """Next bytes from the client (blocking); None once it closed (or close() ended the
        connection): what has arrived by then is recorded."""
        try:
            chunk = conn.recv(4096)
        except OSError:  # reset
            return None
        if not chunk:
            return None
        with self._lock:
            record += chunk
        return chunk

    def _converse(self, conn: socket.socket, record: bytearray) -> None:
        if self.mode == "banner":
            conn.sendall(BANNER)
        pending = b""
        answered_http = False
        while True:
            chunk = self._recv(conn, record)
            if chunk is None:
                return
            if self.mode == "http_400":
                if not answered_http:
                    # answer, close our side, keep recording until the client closes
                    conn.sendall(HTTP_400)
                    conn.shutdown(socket.SHUT_WR)
                    answered_http = True
                continue
            pending += chunk
            for pdu in split_pdus(pending):
                if len(pdu) < 16 or struct.unpack_from("<H", pdu, 8)[0] != len(pdu):
                    pending = pdu  # wait for the rest
                    break
                pending = pending[len(pdu):]
                answer = self._answer(pdu)
                if answer:
                    try:
                        conn.sendall(answer)
                    except OSError:
                        return  # the client is gone

    def _answer(self, pdu: bytes) -> bytes | None:
        if self.mode in ("banner", "silent") or pdu[2] != 11:
            return None
        call_id, flags_drep, assoc_group, contexts = parse_bind(pdu)
        if self.mode == "bind_nak":
            return build_bind_nak(0, call_id)
        if self.mode == "ndr32_only" and len(contexts) > 1:
            return None
        if self.mode == "rpc_no_kms":
            results = kms_results(contexts, prefer_ndr64=True, interface=None)
        else:
            results = kms_results(contexts, prefer_ndr64=self.mode not in ("kms_legacy", "ndr32_only"))
        if self.mode in INVALID_ACKS:
            return invalid_ack(self.mode, results, call_id, self.secondary_address, flags_drep)
        # vlmcsd echoes flags, data representation and call_id
        return build_bind_ack(results, call_id, self.secondary_address,
                              assoc_group or 0x1063BF3F, flags_drep)

    def close(self) -> None:
        """Stop, and wait until every connection's bytes are recorded: each handler ends
        when its client closes; one still open after 2 s is ended from here (its reading
        side shut, so whatever it already received is still read and recorded)."""
        stop(self._server, self._thread)
        with self._lock:
            if not self._handlers_done.wait_for(lambda: self._handling == 0, timeout=2):
                for conn in self._open:
                    try:
                        conn.shutdown(socket.SHUT_RD)
                    except OSError:
                        pass
                self._handlers_done.wait_for(lambda: self._handling == 0, timeout=2)
