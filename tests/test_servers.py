"""The loopback responders the network tests stand on: idle ones sleep, close is prompt."""

from __future__ import annotations

import socket
import threading
import time

from tests.rpc_servers import BindResponder
from tests.servers import TcpListener, UdpResponder


def _wakeups_while_idle(make, seconds: float = 1.0) -> int:
    """How often the responders' threads look for work while nobody talks to them: calls
    of a selector's or socket's wait (a poll loop makes one each time round)."""
    counts = {"n": 0}

    def profile(frame, event, arg):
        if event == "call" and frame.f_code.co_name in ("select", "accept"):  # selectors, socket.py
            counts["n"] += 1
        elif event == "c_call" and getattr(arg, "__name__", "") in ("recvfrom", "recv"):
            counts["n"] += 1

    threading.setprofile(profile)
    try:
        servers = make()
    finally:
        threading.setprofile(None)
    time.sleep(0.1)  # let them settle
    before = counts["n"]
    time.sleep(seconds)
    woke = counts["n"] - before
    for server in servers:
        server.close()
    return woke


def test_idle_responders_sleep_instead_of_polling():
    woke = _wakeups_while_idle(lambda: [UdpResponder("silent"), TcpListener(), BindResponder("silent"),
                                        UdpResponder("truncated")])
    # five serving loops (truncated has UDP and TCP): a 50 ms poll would be 100 in a second
    assert woke <= 5 * 3, woke


def test_close_is_prompt_and_keeps_every_byte():
    server = BindResponder("silent")
    client = socket.create_connection(("127.0.0.1", server.port))
    client.sendall(b"\x05\x00\x0b\x03" + bytes(12))
    deadline = time.monotonic() + 5
    while not server.received and time.monotonic() < deadline:
        time.sleep(0.01)
    client.close()
    started = time.perf_counter()
    server.close()
    assert time.perf_counter() - started < 1.0
    assert server.received == b"\x05\x00\x0b\x03" + bytes(12) and server.accepted == 1
    udp = UdpResponder("silent")
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.sendto(b"\x00\x01", ("127.0.0.1", udp.port))
    deadline = time.monotonic() + 5
    while not udp.received and time.monotonic() < deadline:
        time.sleep(0.01)
    started = time.perf_counter()
    udp.close()
    assert time.perf_counter() - started < 1.0 and udp.received == 1  # the wake-up is not counted
