"""Real servers on loopback for the tests: dnsmasq, fault responders, TCP listeners."""

from __future__ import annotations

import shutil
import socket
import socketserver
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import dns.flags
import dns.message
import dns.rcode
import dns.rdatatype
import dns.rrset

DNSMASQ = shutil.which("dnsmasq") or "/usr/sbin/dnsmasq"


def free_port() -> int:
    """A port free for both UDP and TCP on 127.0.0.1 (dnsmasq listens on both)."""
    for _ in range(50):
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp:
            udp.bind(("127.0.0.1", 0))
            port = udp.getsockname()[1]
            with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as tcp:
                try:
                    tcp.bind(("127.0.0.1", port))
                except OSError:
                    continue
                return port
    raise RuntimeError("no free port")


def closed_port() -> int:
    """A TCP port on 127.0.0.1 where nothing listens (connect is refused)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Zone:
    """Records for dnsmasq. Domains listed in ``local`` answer NXDOMAIN for unknown names."""

    srv: list[tuple[str, str | None, int, int, int]] = field(default_factory=list)
    hosts: list[tuple[str, str]] = field(default_factory=list)
    local: list[str] = field(default_factory=list)
    txt: list[tuple[str, str]] = field(default_factory=list)
    forward: list[tuple[str, str]] = field(default_factory=list)  # (domain, "127.0.0.1#port")
    cnames: list[tuple[str, str]] = field(default_factory=list)  # (alias, target)

    def add_kms(self, domain: str, target: str | None, port: int = 1688, priority: int = 0,
                weight: int = 100) -> "Zone":
        self.srv.append((f"_vlmcs._tcp.{domain}", target, port, priority, weight))
        if domain not in self.local:
            self.local.append(domain)
        return self

    def add_host(self, name: str, address: str) -> "Zone":
        self.hosts.append((name, address))
        return self


class Dnsmasq:
    def __init__(self, zone: Zone):
        self.zone = zone
        self.port = 0
        self.proc: subprocess.Popen | None = None
        self.dir = tempfile.TemporaryDirectory(prefix="srs-dnsmasq-")

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def _config(self) -> str:
        lines = []
        for name, target, port, prio, weight in self.zone.srv:
            if target is None:
                lines.append(f"srv-host={name}")
            else:
                lines.append(f"srv-host={name},{target},{port},{prio},{weight}")
        for name, address in self.zone.hosts:
            lines.append(f"host-record={name},{address}")
        for alias, target in self.zone.cnames:
            lines.append(f"cname={alias},{target}")
        for name, text in self.zone.txt:
            lines.append(f'txt-record={name},"{text}"')
        for domain, upstream in self.zone.forward:
            lines.append(f"server=/{domain}/{upstream}")
        for domain in self.zone.local:
            lines.append(f"local=/{domain}/")
        return "\n".join(lines) + "\n"

    def start(self) -> "Dnsmasq":
        conf = Path(self.dir.name) / "dnsmasq.conf"
        conf.write_text(self._config())
        for _ in range(5):
            self.port = free_port()
            self.proc = subprocess.Popen(
                [DNSMASQ, "--keep-in-foreground", "--conf-file=" + str(conf), "--no-resolv",
                 "--no-hosts", "--no-poll", "--bind-interfaces", "--listen-address=127.0.0.1",
                 f"--port={self.port}", "--pid-file", "--user=" + _user(), "--log-facility=-",
                 "--cache-size=0"],
                stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            )
            if self._wait_ready():
                return self
            self.stop()
        raise RuntimeError("dnsmasq did not start")

    def _wait_ready(self) -> bool:
        query = dns.message.make_query("ready.invalid.", "A")
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                return False
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
                s.settimeout(0.1)
                try:
                    s.sendto(query.to_wire(), ("127.0.0.1", self.port))
                    s.recvfrom(4096)
                    return True
                except OSError:
                    time.sleep(0.02)
        return False

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        if self.proc and self.proc.stderr:
            self.proc.stderr.close()

    def close(self) -> None:
        self.stop()
        self.dir.cleanup()


def _user() -> str:
    import getpass

    return getpass.getuser()


class _Server(socketserver.ThreadingMixIn):
    """What every responder here shares: a thread per request, a prompt shutdown."""

    daemon_threads = True
    allow_reuse_address = True
    closing = False

    def verify_request(self, request, client_address) -> bool:
        return not self.closing  # the wake-up sent by stop() is not served


class UdpServer(_Server, socketserver.UDPServer):
    pass


class TcpServer(_Server, socketserver.TCPServer):
    request_queue_size = 64


class Tcp6Server(TcpServer):
    address_family = socket.AF_INET6


def tcp_server(host: str, handler) -> TcpServer:
    """A threading TCP server on ``host`` (IPv4 or IPv6) and a free port."""
    return (Tcp6Server if ":" in host else TcpServer)((host, 0), handler)


def serve(server: socketserver.BaseServer) -> threading.Thread:
    """Run ``server.serve_forever()`` in a thread of its own."""
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread


def stop(server: socketserver.BaseServer, thread: threading.Thread) -> None:
    """``shutdown()`` and close. The loop sees shutdown's flag when its select returns: a
    wake-up (a datagram, or a connection, refused by verify_request) makes that at once
    instead of after a whole poll interval."""
    server.closing = True
    stopper = threading.Thread(target=server.shutdown, daemon=True)
    stopper.start()
    address = server.server_address[:2]
    while stopper.is_alive():
        try:
            if server.socket_type == socket.SOCK_DGRAM:
                with socket.socket(server.address_family, socket.SOCK_DGRAM) as s:
                    s.sendto(b"", address)
            else:
                socket.create_connection(address, timeout=1).close()
        except OSError:
            pass
        stopper.join(0.02)
    thread.join(2)
    server.server_close()


class UdpResponder:
    """A real UDP DNS server on loopback that misbehaves in one chosen way.

    mode: ``silent`` (never answers), ``garbage`` (bytes that are no DNS message),
    ``refused`` / ``servfail`` (a proper reply with that rcode), ``wrong_id`` (a reply to
    another query, then nothing), ``other_port`` (a REFUSED reply sent from another port,
    as a spoofer would), ``truncated`` (a reply with the TC flag; on TCP at the same port
    it accepts the connection and never answers), ``cname_loop`` (an SRV record whose
    target a.loop.test is a CNAME of b.loop.test, itself a CNAME of a.loop.test),
    ``cname_out_no_aaaa`` (an SRV answer with two targets and no addresses: the A lookup of
    ``near.out.test`` goes through ``CNAME_OUT_DEPTH`` CNAMEs, each answer holding only the
    next name, to 127.0.0.1; that of ``far.out.test`` through CNAMEs that never end; AAAA
    questions are never answered).
    """

    CNAME_OUT_DEPTH = 3

    def __init__(self, mode: str):
        self.mode = mode
        self.received = 0
        self.tcp_accepted = 0
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._other = None
        if mode == "other_port":
            self._other = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            self._other.bind(("127.0.0.1", 0))
        responder = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                wire, sock = self.request
                responder._datagram(wire, sock, self.client_address)

        self._udp = UdpServer(("127.0.0.1", 0), Handler)
        self.port = self._udp.server_address[1]
        self._servers = [(self._udp, serve(self._udp))]
        if mode == "truncated":
            class Holder(socketserver.BaseRequestHandler):
                def handle(self) -> None:
                    with responder._lock:
                        responder.tcp_accepted += 1
                    responder._stop.wait()  # held open, never answered

            tcp = TcpServer(("127.0.0.1", self.port), Holder)
            self._servers.append((tcp, serve(tcp)))

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def _datagram(self, wire: bytes, sock: socket.socket, peer) -> None:
        with self._lock:
            self.received += 1
        if self.mode == "silent":
            return
        if self.mode == "garbage":
            sock.sendto(wire[:2] + b"\x81\x80garbage!", peer)
            return
        query = dns.message.from_wire(wire)
        reply = dns.message.make_response(query)
        if self.mode == "refused":
            reply.set_rcode(dns.rcode.REFUSED)
        elif self.mode == "servfail":
            reply.set_rcode(dns.rcode.SERVFAIL)
        elif self.mode == "wrong_id":
            reply.id = (query.id + 1) % 65536
        elif self.mode == "other_port":
            reply.set_rcode(dns.rcode.REFUSED)
            self._other.sendto(reply.to_wire(), peer)
            return
        elif self.mode == "truncated":
            reply.flags |= dns.flags.TC
        elif self.mode == "cname_out_no_aaaa":
            if not self._cname_out(query, reply):
                return
        elif self.mode == "cname_loop":
            question = query.question[0]
            name = question.name.to_text()
            if question.rdtype == dns.rdatatype.SRV:
                reply.answer.append(dns.rrset.from_text(name, 60, "IN", "SRV", "0 100 1688 a.loop.test."))
            elif name in ("a.loop.test.", "b.loop.test."):
                other = "b.loop.test." if name == "a.loop.test." else "a.loop.test."
                reply.answer.append(dns.rrset.from_text(name, 60, "IN", "CNAME", other))
        sock.sendto(reply.to_wire(), peer)

    @staticmethod
    def _cname_out(query: dns.message.Message, reply: dns.message.Message) -> bool:
        """Fill the ``cname_out_no_aaaa`` reply; False: stay silent."""
        question = query.question[0]
        name = question.name.to_text()
        if question.rdtype == dns.rdatatype.SRV:
            reply.answer.append(dns.rrset.from_text(name, 60, "IN", "SRV", "0 100 1688 near.out.test.",
                                                    "0 100 1688 far.out.test."))
            return True
        if question.rdtype != dns.rdatatype.A:
            return False  # AAAA (or anything else): never answered
        label, _, rest = name.partition(".")
        if rest != "out.test." or not label.startswith(("near", "far")):
            reply.set_rcode(dns.rcode.NXDOMAIN)
            return True
        kind = "near" if label.startswith("near") else "far"
        hop = int(label[len(kind):] or 0)
        if kind == "near" and hop >= UdpResponder.CNAME_OUT_DEPTH:
            reply.answer.append(dns.rrset.from_text(name, 60, "IN", "A", "127.0.0.1"))
        else:  # only the alias: the next name has to be asked for
            reply.answer.append(dns.rrset.from_text(name, 60, "IN", "CNAME", f"{kind}{hop + 1}.out.test."))
        return True

    def close(self) -> None:
        self._stop.set()
        for server, thread in self._servers:
            stop(server, thread)
        if self._other is not None:
            self._other.close()


class TcpListener:
    """A real listening TCP socket on loopback that accepts and closes connections."""

    def __init__(self, host: str = "127.0.0.1"):
        listener = self
        self.accepted = 0
        self._lock = threading.Lock()

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                with listener._lock:
                    listener.accepted += 1  # closed by the server when this returns

        self._server = tcp_server(host, Handler)
        self.port = self._server.server_address[1]
        self._thread = serve(self._server)

    def close(self) -> None:
        stop(self._server, self._thread)
