"""Reads classic pcap files (mcastlab's, and dumpcap -P's) and describes each frame by what the
differential check compares: type, addresses, TTL, IP options, destination MAC. Stdlib only."""
import socket
import struct

IGMP_TYPES = {0x11: "igmp-query", 0x12: "igmp-v1-report", 0x16: "igmp-v2-report", 0x17: "igmp-leave",
              0x22: "igmp-v3-report"}


def read_pcap(path):
    """[(seconds, bytes)] of an Ethernet pcap."""
    with open(path, "rb") as f:
        data = f.read()
    magic = struct.unpack("<I", data[:4])[0]
    endian, nanos = {0xA1B2C3D4: ("<", False), 0xA1B23C4D: ("<", True),
                     0xD4C3B2A1: (">", False), 0x4D3CB2A1: (">", True)}[magic]
    out, at = [], 24
    while at + 16 <= len(data):
        sec, frac, incl, _ = struct.unpack(endian + "IIII", data[at:at + 16])
        at += 16
        out.append((sec + frac / (1e9 if nanos else 1e6), data[at:at + incl]))
        at += incl
    return out


def ip(b):
    return socket.inet_ntoa(b)


def describe(frame):
    """A dict of the compared fields, or None for what is not IPv4 or ARP (IPv6, LLDP...)."""
    if len(frame) < 14:
        return None
    dst_mac = frame[0:6].hex(":")
    ethertype = struct.unpack("!H", frame[12:14])[0]
    if ethertype == 0x0806:
        op = struct.unpack("!H", frame[20:22])[0]
        return {"kind": "arp-request" if op == 1 else "arp-reply", "src": ip(frame[28:32]), "dst": ip(frame[38:42]),
                "ttl": "", "options": "", "mac": "broadcast" if dst_mac == "ff:ff:ff:ff:ff:ff" else "unicast",
                "detail": ""}
    if ethertype != 0x0800:
        return None
    p = frame[14:]
    ihl = (p[0] & 0x0F) * 4
    total = struct.unpack("!H", p[2:4])[0]
    flags_frag = struct.unpack("!H", p[6:8])[0]
    ttl, proto = p[8], p[9]
    src, dst = ip(p[12:16]), ip(p[16:20])
    options = p[20:ihl].hex()
    body = p[ihl:total]
    d = {"src": src, "dst": dst, "ttl": str(ttl), "options": options,
         "mac": dst_mac if dst_mac.startswith("01:00:5e") else ("broadcast" if dst_mac == "ff:ff:ff:ff:ff:ff" else "unicast"),
         "df": "DF" if flags_frag & 0x4000 else ""}
    offset = (flags_frag & 0x1FFF) * 8
    more = bool(flags_frag & 0x2000)
    if offset or more:
        d.update(kind="ip-fragment", detail="offset %d%s len %d" % (offset, " MF" if more else "", total))
        return d
    if proto == 2 and len(body) >= 8:
        kind = IGMP_TYPES.get(body[0], "igmp-%02x" % body[0])
        group = ip(body[4:8])
        if kind == "igmp-v3-report" and len(body) >= 16:
            group = ip(body[12:16])  # the first group record's multicast address
        if kind == "igmp-query":
            kind = "igmp-query-general" if group == "0.0.0.0" else "igmp-query-group"
        d.update(kind=kind, detail="group %s mrt %.1fs" % (group, body[1] / 10) if kind.startswith("igmp-query")
                 else "group %s" % group)
        return d
    if proto == 17 and len(body) >= 8:
        dport, ulen = struct.unpack("!HH", body[2:6])
        d.update(kind="udp", detail="dport %d len %d" % (dport, ulen))
        return d
    if proto == 1 and len(body) >= 4:
        d.update(kind="icmp", detail="type %d code %d ip.len %d" % (body[0], body[1], total))
        return d
    if proto == 103:
        d.update(kind="pim", detail="type %d" % (body[0] & 0x0F))
        return d
    d.update(kind="ip-proto-%d" % proto, detail="")
    return d


def key(d):
    return (d["kind"], d["src"], d["dst"], d["ttl"], d["options"], d["mac"], d["detail"], d.get("df", ""))
