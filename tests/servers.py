"""Real servers on loopback for the tests: dnsmasq, fault responders, TCP listeners."""

from __future__ import annotations

import shutil
import socket
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
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.received = 0
        self.tcp_accepted = 0
        self._other = None
        self._tcp = None
        if mode == "other_port":
            self._other = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            self._other.bind(("127.0.0.1", 0))
        if mode == "truncated":
            self._tcp = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            self._tcp.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
            self._tcp.bind(("127.0.0.1", self.port))
            self._tcp.listen(8)
            self._tcp.settimeout(0.05)
        self._held: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def address(self) -> str:
        return f"127.0.0.1:{self.port}"

    def _serve(self) -> None:
        self.sock.settimeout(0.05)
        while not self._stop.is_set():
            if self._tcp is not None:
                try:
                    conn, _ = self._tcp.accept()
                    self._held.append(conn)  # held open, never answered
                    self.tcp_accepted += 1
                except OSError:
                    pass
            try:
                wire, peer = self.sock.recvfrom(4096)
            except OSError:
                continue
            self.received += 1
            if self.mode == "silent":
                continue
            if self.mode == "garbage":
                self.sock.sendto(wire[:2] + b"\x81\x80garbage!", peer)
                continue
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
                continue
            elif self.mode == "truncated":
                reply.flags |= dns.flags.TC
            elif self.mode == "cname_out_no_aaaa":
                if not self._cname_out(query, reply):
                    continue
            elif self.mode == "cname_loop":
                question = query.question[0]
                name = question.name.to_text()
                if question.rdtype == dns.rdatatype.SRV:
                    reply.answer.append(dns.rrset.from_text(name, 60, "IN", "SRV", "0 100 1688 a.loop.test."))
                elif name in ("a.loop.test.", "b.loop.test."):
                    other = "b.loop.test." if name == "a.loop.test." else "a.loop.test."
                    reply.answer.append(dns.rrset.from_text(name, 60, "IN", "CNAME", other))
            self.sock.sendto(reply.to_wire(), peer)

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
        self._thread.join(2)
        self.sock.close()
        for sock in [self._other, self._tcp, *self._held]:
            if sock is not None:
                sock.close()


class TcpListener:
    """A real listening TCP socket on loopback that accepts and closes connections."""

    def __init__(self, host: str = "127.0.0.1"):
        family = socket.AF_INET6 if ":" in host else socket.AF_INET
        self.sock = socket.socket(family, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((host, 0))
        self.sock.listen(64)
        self.port = self.sock.getsockname()[1]
        self.accepted = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        self.sock.settimeout(0.05)
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.accepted += 1
            conn.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()
