"""The TCP half of ``net``'s loop: connect to many addresses at once and hold on each the
short conversation the caller describes (an ``Exchange``: what to send, how to read the
reply). Its own module so that a check that does not connect (``--no-connect``) never
loads it. Nothing here knows about KMS.
"""

from __future__ import annotations

import errno
import selectors
import socket
import time
from dataclasses import dataclass
from typing import Callable, Protocol

from srs_wizard.core.kms.net import (
    _IN_PROGRESS,
    _REFUSED,
    MAX_IN_FLIGHT,
    TCP_ERROR,
    TCP_OPEN,
    TCP_REFUSED,
    TCP_TIMEOUT,
    Loop,
    _strerror,
    family,
    oserror_text,
)


class Reader(Protocol):
    """Reads the peer's reply in pieces: ``feed`` returns an outcome once it knows one."""

    def feed(self, data: bytes) -> str | None: ...

    def finish_closed(self) -> str: ...

    def finish_timeout(self) -> str: ...


@dataclass(frozen=True)
class Exchange:
    """What to say once connected, and how to read the reply, attempt by attempt.

    ``attempts[0]`` (payload, reader factory) is tried first; when its reply stays silent
    (not a byte before ``wait`` ran out), the next attempt is made once on a new
    connection and its outcome is the one reported. A close is an answer, not silence.
    """

    attempts: tuple[tuple[bytes, Callable[[], Reader]], ...]
    wait: float


@dataclass
class TcpResult:
    """One address: the connection, and the outcome of the exchange (None: not tried)."""

    result: str
    connect_ms: float | None
    errno: int | None = None
    detail: str | None = None
    outcome: str | None = None
    attempts: int = 0
    reader: Reader | None = None  # the reader whose outcome this is (its facts stay there)


@dataclass
class _Conversation:
    key: object
    address: str
    port: int
    result: TcpResult | None = None
    sock: socket.socket | None = None
    began: float = 0.0
    attempt: int = 0
    connected: bool = False
    reader: Reader | None = None
    got_bytes: bool = False
    reading: bool = False
    wait_until: float = 0.0


def converse_all(loop: Loop, targets: list[tuple[object, str, int]], connect_timeout: float,
                 exchange: Exchange | None = None, max_in_flight: int = MAX_IN_FLIGHT) -> dict:
    """Connect to every (key, address, port) at once; when ``exchange`` is given, hold its
    conversation on each open connection. Returns {(key, address): TcpResult}.

    The connection has ``connect_timeout``; each attempt of the exchange then has
    ``exchange.wait`` for its reply (a retry's new connection included)."""
    results: dict = {}
    waiting = [_Conversation(key, address, port) for key, address, port in reversed(targets)]
    active: dict[int, _Conversation] = {}

    def done(c: _Conversation) -> None:
        loop.forget(c.sock)
        c.sock = None
        active.pop(id(c), None)
        results[(c.key, c.address)] = c.result

    def connect(c: _Conversation, now: float) -> None:
        try:
            sock = socket.socket(family(c.address), socket.SOCK_STREAM)
        except OSError as exc:
            if c.connected:  # the retry found no socket: the first attempt's outcome stands
                done(c)
            else:
                c.result = TcpResult(TCP_ERROR, None, exc.errno, oserror_text(exc))
                done(c)
            return
        sock.setblocking(False)
        c.sock, c.began, c.reading = sock, now, False
        c.wait_until = now + (exchange.wait if c.connected else connect_timeout)
        code = sock.connect_ex((c.address, c.port))
        if code == 0:
            opened(c)
        elif code in _IN_PROGRESS:
            loop.selector.register(sock, selectors.EVENT_WRITE, c)
        else:
            failed(c, code)

    def failed(c: _Conversation, code: int) -> None:
        if not c.connected:
            result = TCP_REFUSED if code in _REFUSED else TCP_TIMEOUT if code == errno.ETIMEDOUT else TCP_ERROR
            c.result = TcpResult(result, None, code, _strerror(code))
        done(c)  # a retry that cannot connect keeps the first attempt's outcome

    def opened(c: _Conversation) -> None:
        now = time.perf_counter()
        if not c.connected:
            c.connected = True
            c.result = TcpResult(TCP_OPEN, (now - c.began) * 1000)
            c.wait_until = now + exchange.wait if exchange is not None else now
        if exchange is None:
            done(c)
            return
        payload, make_reader = exchange.attempts[c.attempt]
        c.reader, c.got_bytes, c.reading = make_reader(), False, True
        c.result.attempts = c.attempt + 1
        try:
            c.sock.sendall(payload)  # one small PDU fits the send buffer of a new connection
        except OSError:
            pass  # the peer closed already: reading says so
        loop.watch(c.sock, selectors.EVENT_READ, c)

    def answered(c: _Conversation, outcome: str) -> None:
        c.result.outcome, c.result.reader = outcome, c.reader
        done(c)

    def timed_out(c: _Conversation) -> None:
        if not c.connected:
            c.result = TcpResult(TCP_TIMEOUT, None, errno.ETIMEDOUT, _strerror(errno.ETIMEDOUT))
            done(c)
            return
        if not c.reading:  # a retry's connection that did not open in time
            done(c)
            return
        c.result.outcome, c.result.reader = c.reader.finish_timeout(), c.reader
        if not c.got_bytes and c.attempt + 1 < len(exchange.attempts):
            loop.forget(c.sock)
            c.sock = None
            c.attempt += 1
            connect(c, time.perf_counter())
            return
        done(c)

    def start_more(now: float) -> None:
        while waiting and len(active) < max_in_flight:
            c = waiting.pop()
            active[id(c)] = c
            connect(c, now)

    try:
        start_more(time.perf_counter())
        while active or waiting:
            now = time.perf_counter()
            for c in [c for c in active.values() if c.wait_until <= now]:
                timed_out(c)
            start_more(now)
            if not active:
                continue
            wake_at = min(c.wait_until for c in active.values())
            for key, _mask in loop.wait(wake_at - time.perf_counter()):
                c = key.data
                if id(c) not in active or key.fileobj is not c.sock:
                    continue
                if not c.reading:
                    code = c.sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
                    if code == 0:
                        opened(c)
                    else:
                        failed(c, code)
                    continue
                try:
                    data = c.sock.recv(4096)
                except (BlockingIOError, InterruptedError):
                    continue
                except OSError:
                    data = b""  # reset by the peer: as good as closed
                if not data:
                    answered(c, c.reader.finish_closed())
                    continue
                c.got_bytes = True
                outcome = c.reader.feed(data)
                if outcome is not None:
                    answered(c, outcome)
    finally:
        for c in list(active.values()):
            loop.forget(c.sock)
            c.sock = None
    return results
