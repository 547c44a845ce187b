"""Cancellable, concurrent network work on one ``select`` loop: DNS queries and TCP
conversations (``tcp``, loaded only by a check that connects), all at once, each with a
deadline. Nothing here knows about KMS.

Why a selector and not asyncio with ``dns.asyncquery``: both give concurrency and
cancellation, and both need the same checks (source of a reply, TCP after truncation,
sockets in flight). Measured here on loopback against dnsmasq, one ``asyncio.run`` of a
bare ``dns.asyncquery.udp`` took 1.1 ms where this whole check takes 0.7 ms, and importing
asyncio and dns.asyncquery adds about 85 ms to the CLI's start: the loop stays.

- Every UDP query uses one socket for its whole life (retransmissions to the next server
  included) and accepts an answer only from a server it asked, from that server's port
  (the spoofing protection dnspython's own ``dns.query.udp`` has).
- A truncated answer is asked again over TCP inside the same loop, so Cancel stops it too.
- At most ``MAX_IN_FLIGHT`` sockets are open at a time; the rest wait their turn.
"""

from __future__ import annotations

import errno
import ipaddress
import selectors
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from typing import Callable, Sequence

import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.rcode
import dns.rdataclass

from srs_wizard.core.kms.model import CheckCancelled, Nameserver

# A UDP query with no answer is sent again (to the next server, if any) after this long.
RETRANSMIT_AFTER = 1.0
# Sockets open at once: far below the usual open-files limit of 1,024.
MAX_IN_FLIGHT = 100

# How a query ended.
ANSWERED = "answered"
TIMED_OUT = "timed_out"
FAILED = "failed"

# Why a query failed (``Query.failure``), with the raw detail in ``Query.detail``.
FAIL_SOCKET = "socket"      # an OSError; ``Query.errno`` holds its number
FAIL_BAD_REPLY = "bad_reply"  # bytes that are no DNS message
FAIL_TCP = "tcp"            # the answer was truncated and TCP failed

# TCP connection results.
TCP_OPEN = "open"
TCP_REFUSED = "refused"
TCP_TIMEOUT = "timeout"
TCP_ERROR = "error"

_IN_PROGRESS = (errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EAGAIN, getattr(errno, "WSAEWOULDBLOCK", -1))
_REFUSED = (errno.ECONNREFUSED, getattr(errno, "WSAECONNREFUSED", -1))


class CancelToken:
    """Lets another thread stop a running check at once."""

    def __init__(self) -> None:
        self._event = threading.Event()
        self._lock = threading.Lock()
        self._wakers: list[socket.socket] = []

    def cancel(self) -> None:
        with self._lock:
            self._event.set()
            for waker in self._wakers:
                try:
                    waker.send(b"x")
                except OSError:
                    pass

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()

    def _attach(self, waker: socket.socket) -> None:
        with self._lock:
            self._wakers.append(waker)
            if self._event.is_set():
                waker.send(b"x")

    def _detach(self, waker: socket.socket) -> None:
        with self._lock:
            if waker in self._wakers:
                self._wakers.remove(waker)


class Loop:
    """One selector, a cancel waker and the sockets in flight, shared by every phase."""

    def __init__(self, token: CancelToken | None):
        self.selector = selectors.DefaultSelector()
        self.token = token
        self.wake_r = self.wake_w = None
        if token is not None:  # without a token nothing can wake us: no waker needed
            self.wake_r, self.wake_w = socket.socketpair()
            self.wake_r.setblocking(False)
            self.selector.register(self.wake_r, selectors.EVENT_READ, None)
            token._attach(self.wake_w)

    def close(self) -> None:
        if self.token is not None:
            self.token._detach(self.wake_w)
            self.wake_r.close()
            self.wake_w.close()
        self.selector.close()

    def check_cancel(self) -> None:
        if self.token is not None and self.token.cancelled:
            raise CheckCancelled()

    def wait(self, timeout: float):
        events = self.selector.select(max(0.0, timeout))
        self.check_cancel()
        return [(key, mask) for key, mask in events if key.fileobj is not self.wake_r]

    def watch(self, sock: socket.socket, events: int, data) -> None:
        try:
            self.selector.modify(sock, events, data)
        except KeyError:
            self.selector.register(sock, events, data)

    def forget(self, sock: socket.socket | None) -> None:
        if sock is None:
            return
        try:
            self.selector.unregister(sock)
        except (KeyError, ValueError):
            pass
        sock.close()


def family(address: str) -> int:
    return socket.AF_INET6 if ":" in address else socket.AF_INET


def _same_endpoint(source, server: Nameserver) -> bool:
    if source[0] == server.address:
        return source[1] == server.port
    try:
        return (ipaddress.ip_address(source[0].split("%")[0]) == ipaddress.ip_address(server.address)
                and source[1] == server.port)
    except (ValueError, IndexError, TypeError):
        return False


# --------------------------------------------------------------------------- DNS


@dataclass
class Query:
    """One DNS question, asked of ``servers`` in turn until one answers or the deadline."""

    key: object
    qname: dns.name.Name
    rdtype: int
    servers: Sequence[Nameserver]
    started: float = 0.0
    message: dns.message.Message | None = None
    sock: socket.socket | None = None
    asked: list = field(default_factory=list)
    next_server: int = 0
    next_send: float = 0.0
    response: dns.message.Message | None = None
    outcome: str | None = None
    failure: str | None = None
    errno: int | None = None
    detail: str | None = None
    finished: float = 0.0
    server_used: Nameserver | None = None
    # The TCP retry of a truncated answer.
    tcp: socket.socket | None = None
    tcp_server: Nameserver | None = None
    tcp_buffer: bytes = b""

    def _fail(self, failure: str, detail: str, server: Nameserver | None, code: int | None = None) -> None:
        self.outcome, self.failure, self.detail, self.errno = FAILED, failure, detail, code
        self.server_used, self.finished = server, time.perf_counter()


def oserror_text(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc) or type(exc).__name__


def run_queries(loop: Loop, queries: list[Query], deadline: float, max_in_flight: int = MAX_IN_FLIGHT,
                on_answer: Callable[[Query], Sequence[Query]] | None = None) -> None:
    """Ask every query over UDP (TCP for a truncated answer), retransmitting to the next
    server, until each has an answer or the deadline passes. At most ``max_in_flight``
    queries hold a socket at once; a query that never got its turn ends ``TIMED_OUT``.

    ``on_answer`` is called with each query as soon as it is answered and may return
    follow-up queries (the next CNAME hop): they join this run and its one deadline, so a
    slow or silent question never holds up the answers of the others."""
    queries = list(queries)
    waiting = list(reversed(queries))
    active: dict[int, Query] = {}

    def send(q: Query, now: float) -> None:
        server = q.servers[q.next_server % len(q.servers)]
        q.next_server += 1
        try:
            if q.sock is None or q.sock.family != family(server.address):
                if q.sock is not None:
                    loop.forget(q.sock)
                q.sock = socket.socket(family(server.address), socket.SOCK_DGRAM)
                q.sock.setblocking(False)
                loop.selector.register(q.sock, selectors.EVENT_READ, ("udp", q))
            q.sock.sendto(q.message.to_wire(), (server.address, server.port))
        except OSError as exc:
            if q.next_server >= len(q.servers):
                q._fail(FAIL_SOCKET, oserror_text(exc), server, exc.errno)
            q.next_send = now
            return
        if server not in q.asked:
            q.asked.append(server)
        q.next_send = now + RETRANSMIT_AFTER

    def finish(q: Query) -> None:
        active.pop(id(q), None)
        loop.forget(q.sock)
        loop.forget(q.tcp)
        q.sock = q.tcp = None
        if on_answer is not None and q.outcome == ANSWERED:
            more = list(on_answer(q) or ())
            queries.extend(more)
            waiting.extend(reversed(more))

    def start_more(now: float) -> None:
        while waiting and len(active) < max_in_flight:
            q = waiting.pop()
            q.started = now
            q.message = dns.message.make_query(q.qname, q.rdtype, dns.rdataclass.IN)
            q.message.flags |= dns.flags.RD
            active[id(q)] = q
            send(q, now)
            if q.outcome is not None:
                finish(q)

    def start_tcp(q: Query, server: Nameserver) -> None:
        loop.forget(q.sock)
        q.sock = None
        try:
            sock = socket.socket(family(server.address), socket.SOCK_STREAM)
        except OSError as exc:
            q._fail(FAIL_TCP, oserror_text(exc), server, exc.errno)
            return
        sock.setblocking(False)
        code = sock.connect_ex((server.address, server.port))
        if code not in (0,) + _IN_PROGRESS:
            sock.close()
            q._fail(FAIL_TCP, oserror_text(OSError(code, _strerror(code))), server, code)
            return
        q.tcp, q.tcp_server, q.tcp_buffer = sock, server, b""
        loop.selector.register(sock, selectors.EVENT_WRITE, ("tcp", q))

    def on_tcp(q: Query, mask: int) -> None:
        sock, server = q.tcp, q.tcp_server
        try:
            if mask & selectors.EVENT_WRITE:
                code = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                if code:
                    raise OSError(code, _strerror(code))
                wire = q.message.to_wire()
                sock.sendall(struct.pack("!H", len(wire)) + wire)  # a query fits the send buffer
                loop.watch(sock, selectors.EVENT_READ, ("tcp", q))
                return
            chunk = sock.recv(65537)
        except OSError as exc:
            q._fail(FAIL_TCP, oserror_text(exc), server, exc.errno)
            return
        if not chunk:
            q._fail(FAIL_TCP, _strerror(errno.ECONNRESET), server, errno.ECONNRESET)
            return
        q.tcp_buffer += chunk
        if len(q.tcp_buffer) < 2:
            return
        size = struct.unpack("!H", q.tcp_buffer[:2])[0]
        if len(q.tcp_buffer) < 2 + size:
            return
        try:
            response = dns.message.from_wire(q.tcp_buffer[2:2 + size], ignore_trailing=True)
        except (dns.exception.DNSException, ValueError, IndexError) as exc:
            q._fail(FAIL_BAD_REPLY, type(exc).__name__, server)
            return
        if not q.message.is_response(response):
            q._fail(FAIL_BAD_REPLY, "id", server)
            return
        q.response, q.server_used, q.finished, q.outcome = response, server, time.perf_counter(), ANSWERED

    def on_udp(q: Query) -> None:
        try:
            wire, source = q.sock.recvfrom(65535)
        except OSError as exc:
            # ICMP port unreachable shows up here as ECONNREFUSED on some systems.
            server = q.asked[-1] if q.asked else None
            q._fail(FAIL_SOCKET, oserror_text(exc), server, exc.errno)
            return
        server = next((s for s in q.asked if _same_endpoint(source, s)), None)
        if server is None:
            return  # not from a server we asked: a spoofed or stray datagram
        try:
            response = dns.message.from_wire(wire, ignore_trailing=True)
        except (dns.exception.DNSException, ValueError, IndexError) as exc:
            q._fail(FAIL_BAD_REPLY, type(exc).__name__, server)
            return
        if not q.message.is_response(response):
            return  # a stray or late datagram: keep waiting for ours
        if response.flags & dns.flags.TC:
            start_tcp(q, server)
            return
        rcode = response.rcode()
        if rcode in (dns.rcode.SERVFAIL, dns.rcode.REFUSED) and q.next_server < len(q.servers):
            # Another server may do better: ask it right away.
            q.response = response
            send(q, time.perf_counter())
            return
        q.response, q.server_used, q.finished, q.outcome = response, server, time.perf_counter(), ANSWERED

    try:
        start_more(time.perf_counter())
        while active or waiting:
            now = time.perf_counter()
            if now >= deadline:
                break
            # Retransmit queries whose last attempt went unanswered.
            wake_at = deadline
            for q in list(active.values()):
                if q.tcp is None and q.next_send <= now:
                    send(q, now)
                    if q.outcome is not None:
                        finish(q)
                        continue
                if q.tcp is None:
                    wake_at = min(wake_at, q.next_send)
            start_more(now)
            for key, mask in loop.wait(wake_at - now):
                kind, q = key.data
                if id(q) not in active:
                    continue
                if kind == "tcp":
                    on_tcp(q, mask)
                else:
                    on_udp(q)
                if q.outcome is not None:
                    finish(q)
            start_more(time.perf_counter())
    finally:
        end = time.perf_counter()
        for q in list(active.values()):
            finish(q)
        for q in queries:
            if q.outcome is None and q.response is not None:
                q.outcome, q.finished = ANSWERED, q.finished or end  # the last SERVFAIL/REFUSED
                q.server_used = q.server_used or (q.asked[-1] if q.asked else None)
            elif q.outcome is None:
                q.outcome, q.finished = TIMED_OUT, end
                if not q.started:
                    q.started = end
                q.server_used = q.tcp_server or (q.asked[-1] if q.asked else None)


def _strerror(code: int) -> str:
    import os

    try:
        return os.strerror(code)
    except ValueError:
        return str(code)
