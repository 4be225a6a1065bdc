#!/usr/bin/env python3
"""Plays one host's part of a scenario timeline with real sockets, inside the host's network
namespace. Reads a JSON plan on stdin: {"t0": epoch seconds, "default_address": "a.b.c.d",
"actions": [{"at": seconds, "action": ..., ...}, ...]} and prints one JSON line per action
done (or refused) on stdout. Stdlib only; run by realnet.py, not by hand."""
import json
import socket
import struct
import sys
import threading
import time

IP_MULTICAST_ALL = 49  # Linux <linux/in.h>, on by default


class Host:
    def __init__(self, default_address):
        self.default_address = default_address
        self.sockets = {}       # scenario socket name -> socket
        self.members = {}       # (socket name or None, group) -> socket holding it
        self.host_socket = None  # holds the host's own memberships
        self.counts = {}
        self.connected_anywhere = set()
        self.lock = threading.Lock()

    def log(self, **fields):
        fields["t"] = round(time.time() - T0, 6)
        print(json.dumps(fields), flush=True)

    def drain(self, name, s):
        # Counts what arrives; an ICMP error shows as ConnectionRefusedError on a connected socket.
        while True:
            try:
                s.recv(70000)
                with self.lock:
                    self.counts[name] = self.counts.get(name, 0) + 1
            except ConnectionRefusedError:
                self.log(action="error", socket=name, error="ECONNREFUSED")
            except OSError:
                return

    def listen(self, a):
        s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        s.bind((a.get("bind", "0.0.0.0"), a["port"]))
        name = a.get("socket", "s%d" % a["port"])
        self.sockets[name] = s
        # A reader would take a connected socket's pending error (ECONNREFUSED) before the
        # scenario's next send does, so those sockets are left unread, like mcastlab's.
        if name not in self.connected_anywhere:
            threading.Thread(target=self.drain, args=(name, s), daemon=True).start()
        self.log(action="listen", socket=name)

    def membership_socket(self, a):
        if "socket" in a:
            return self.sockets[a["socket"]]
        if self.host_socket is None:
            self.host_socket = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        return self.host_socket

    def join(self, a):
        s = self.membership_socket(a)
        mreq = socket.inet_aton(a["group"]) + socket.inet_aton(a.get("interface_address", self.default_address))
        s.setsockopt(socket.IPPROTO_IP, socket.IP_ADD_MEMBERSHIP, mreq)
        self.members[(a.get("socket"), a["group"])] = mreq
        self.log(action="join", group=a["group"])

    def leave(self, a):
        s = self.membership_socket(a)
        mreq = self.members.pop((a.get("socket"), a["group"]))
        s.setsockopt(socket.IPPROTO_IP, socket.IP_DROP_MEMBERSHIP, mreq)
        self.log(action="leave", group=a["group"])

    def send(self, a):
        host, port = a["to"].rsplit(":", 1)
        group = socket.inet_aton(host)[0] >> 4 == 14
        if "socket" in a:
            s = self.sockets[a["socket"]]
        else:
            s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
            if "source_port" in a:
                s.bind(("0.0.0.0", a["source_port"]))
        if group:
            s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton(self.default_address))
            if "ttl" in a:
                s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, a["ttl"])
        elif "ttl" in a:
            s.setsockopt(socket.IPPROTO_IP, socket.IP_TTL, a["ttl"])
        size = a.get("size", 64)
        times = [a["at"]]
        if "rate" in a and "until" in a:
            k = 1
            while a["at"] + k / a["rate"] <= a["until"] + 1e-9:
                times.append(a["at"] + k / a["rate"])
                k += 1
        seq = 0
        for at in times:
            wait_until(at)
            for _ in range(a.get("count", 1)):
                payload = struct.pack("!I", seq)[: size] + bytes(max(0, size - 4))
                seq += 1
                try:
                    if "socket" in a and a.get("connected"):
                        s.send(payload)
                    else:
                        s.sendto(payload, (host, int(port)))
                except OSError as e:
                    self.log(action="send", error=e.strerror)
        self.log(action="send", to=a["to"], datagrams=seq)

    def connect(self, a):
        s = self.sockets[a["socket"]]
        host, port = a["to"].rsplit(":", 1)
        s.connect((host, int(port)))
        self.log(action="connect", socket=a["socket"])

    def close(self, a):
        self.sockets.pop(a["socket"]).close()
        self.log(action="close", socket=a["socket"])

    def recv(self, a):
        s = self.sockets[a["socket"]]
        err = s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
        self.log(action="recv", socket=a["socket"], so_error=err)


def wait_until(at):
    delay = T0 + at - time.time()
    if delay > 0:
        time.sleep(delay)


if __name__ == "__main__":
    plan = json.load(sys.stdin)
    T0 = plan["t0"]
    host = Host(plan["default_address"])
    host.connected_anywhere = {a["socket"] for a in plan["actions"] if a["action"] == "connect"}
    connected = set()
    for action in sorted(plan["actions"], key=lambda a: a["at"]):
        if action["action"] == "connect":
            connected.add(action["socket"])
        if action["action"] == "send" and action.get("socket") in connected:
            action["connected"] = True
        if action["action"] == "close":
            connected.discard(action["socket"])
        wait_until(action["at"])
        if action["action"] == "send" and "rate" in action:
            # A stream runs beside the rest of the timeline.
            threading.Thread(target=host.send, args=(action,), daemon=True).start()
            continue
        try:
            getattr(host, action["action"])(action)
        except (OSError, KeyError) as e:
            host.log(action=action["action"], error=str(e))
    wait_until(plan["end"])
    host.log(action="end", received=host.counts)
