"""Builds a scenario's hosts, switches and links in Linux network namespaces (iproute2), and
says what it cannot build. Stdlib only."""
import ipaddress
import subprocess

PREFIX = "rn-"
WIRE = PREFIX + "wire"


def sh(*args, ns=None, check=True):
    cmd = (["ip", "netns", "exec", ns] if ns else []) + list(args)
    return subprocess.run(cmd, check=check, capture_output=True, text=True)


def centis(text):
    """A scenario interval ("1s", "500ms") as the bridge's clock_t hundredths."""
    units = [("ms", 0.1), ("us", 1e-4), ("ns", 1e-7), ("s", 100.0)]
    for suffix, factor in units:
        if text.endswith(suffix):
            return int(round(float(text[: -len(suffix)]) * factor))
    raise ValueError(text)


class Topology:
    def __init__(self, scenario):
        self.s = scenario
        self.nodes = {n["name"]: n for n in scenario["nodes"]}
        self.ns = {name: "%sn%d" % (PREFIX, k) for k, name in enumerate(self.nodes)}
        self.links = ["L%d" % k for k in range(len(scenario["links"]))]
        self.skipped = []  # (what, why)
        self.bridges_to_start = []  # (ns, device): brought up at t0 so their queriers start then
        self.attached = {}  # node -> its interface or port names that a link reaches

    def not_built(self, what, why):
        self.skipped.append((what, why))

    def default_address(self, name):
        ifs = self.nodes[name].get("interfaces", [])
        for i in ifs:
            if "gateway" in i:
                return i["address"].split("/")[0]
        return ifs[0]["address"].split("/")[0] if ifs else "0.0.0.0"

    def build(self):
        self.teardown()
        for ns in [WIRE] + list(self.ns.values()):
            sh("ip", "netns", "add", ns)
            sh("ip", "link", "set", "lo", "up", ns=ns)
            for key in ("all", "default"):
                sh("sysctl", "-qw", "net.ipv6.conf.%s.disable_ipv6=1" % key, ns=ns)
        for k, link in enumerate(self.s["links"]):
            # Every link is a hub: a bridge without snooping in the wire namespace, where it is
            # captured. Cables (two endpoints) and shared segments alike.
            sh("ip", "link", "add", self.links[k], "type", "bridge", "stp_state", "0", "forward_delay", "0",
               "mcast_snooping", "0", ns=WIRE)
            sh("ip", "link", "set", self.links[k], "up", ns=WIRE)
            for e, endpoint in enumerate(link["endpoints"]):
                node, port = endpoint.split(":")
                self.attach(k, e, node, port)
        for name, node in self.nodes.items():
            getattr(self, "build_" + node["type"])(name, node)
        for event in self.s.get("events", []):
            if event["action"] in ("link", "node", "set", "snapshot"):
                self.not_built("event %s at %s" % (event["action"], event["at"]),
                               "realnet plays socket and membership events only")

    def attach(self, k, e, node, port):
        peer = "v%d_%d" % (k, e)
        self.attached.setdefault(node, []).append(port)
        sh("ip", "link", "add", "name", port, "netns", self.ns[node], "type", "veth", "peer", "name", peer, "netns", WIRE)
        sh("ip", "link", "set", peer, "master", self.links[k], "up", ns=WIRE)

    def build_host(self, name, node):
        ns = self.ns[name]
        igmp = dict(self.s.get("defaults", {}).get("igmp", {}))
        igmp.update(node.get("igmp", {}))
        # The kernel speaks IGMPv3 until it hears an older query; mcastlab's hosts speak v2 (or v1).
        version = igmp.get("version", 2)
        sh("sysctl", "-qw", "net.ipv4.conf.all.force_igmp_version=%d" % version, ns=ns)
        if "robustness" in igmp:
            sh("sysctl", "-qw", "net.ipv4.igmp_qrv=%d" % igmp["robustness"], ns=ns)
        for i in node.get("interfaces", []):
            sh("sysctl", "-qw", "net.ipv4.conf.%s.force_igmp_version=%d" % (i["name"], version), ns=ns)
            if "unsolicited_report_interval" in igmp:
                sh("sysctl", "-qw", "net.ipv4.conf.%s.igmpv2_unsolicited_report_interval=%d"
                   % (i["name"], int(centis(igmp["unsolicited_report_interval"]) * 10)), ns=ns)
            sh("ip", "addr", "add", i["address"], "dev", i["name"], ns=ns)
            sh("ip", "link", "set", "dev", i["name"], "up", ns=ns)
            if "gateway" in i:
                sh("ip", "route", "add", "default", "via", i["gateway"], ns=ns, check=False)

    def build_router(self, name, node):
        ns = self.ns[name]
        sh("sysctl", "-qw", "net.ipv4.ip_forward=1", ns=ns)
        for i in node.get("interfaces", []):
            sh("ip", "addr", "add", i["address"], "dev", i["name"], ns=ns)
            sh("ip", "link", "set", "dev", i["name"], "up", ns=ns)
        self.not_built("router %s: IGMP querier, PIM-SM, multicast forwarding, static_mroutes" % name,
                       "they need a multicast routing daemon (FRR pimd), which realnet does not install; "
                       "the router forwards unicast between its connected subnets only")

    def build_switch(self, name, node):
        ns = self.ns[name]
        snooping = "1" if node.get("igmp_snooping") else "0"
        args = ["ip", "link", "add", "br0", "type", "bridge", "stp_state", "0", "forward_delay", "0",
                "mcast_snooping", snooping, "mcast_igmp_version", "2"]
        q = node.get("querier")
        if q:
            # mcast_querier itself is switched on at t0 (start_bridges): enabling it starts the
            # bridge's wait of one query response interval before it snoops.
            args += ["mcast_query_use_ifaddr", "1"]
            keys = {"query_interval": "mcast_query_interval",
                    "query_response_interval": "mcast_query_response_interval",
                    "startup_query_interval": "mcast_startup_query_interval",
                    "last_member_query_interval": "mcast_last_member_interval",
                    "group_membership_interval": "mcast_membership_interval",
                    "other_querier_present_interval": "mcast_querier_interval"}
            for key, option in keys.items():
                if key in q:
                    args += [option, str(centis(q[key]))]
            for key, option in (("startup_query_count", "mcast_startup_query_count"),
                                ("last_member_query_count", "mcast_last_member_count")):
                if key in q:
                    args += [option, str(q[key])]
        sh(*args, ns=ns)
        for port in self.attached.get(name, []):
            sh("ip", "link", "set", "dev", port, "master", "br0", "up", ns=ns)
            if node.get("fast_leave"):
                sh("ip", "link", "set", "dev", port, "type", "bridge_slave", "fastleave", "on", ns=ns)
        if q:
            sh("ip", "addr", "add", q["address"] + "/32", "dev", "br0", ns=ns)
        self.bridges_to_start.append((ns, "br0", bool(q)))

    def prepare_bridges(self):
        """Starts one `ip -batch -` per switch ahead of t0, so that starting the bridges at t0
        costs a write each rather than a process start (tens of ms)."""
        self.batches = [(subprocess.Popen(["ip", "-n", ns, "-batch", "-"], stdin=subprocess.PIPE, text=True), dev, q)
                        for ns, dev, q in self.bridges_to_start]

    def start_bridges(self):
        for p, dev, querier in self.batches:
            if querier:
                p.stdin.write("link set %s type bridge mcast_querier 1\n" % dev)
            p.stdin.write("link set %s up\n" % dev)
            p.stdin.flush()
        for p, _, _ in self.batches:
            p.stdin.close()
            p.wait()

    def teardown(self):
        out = subprocess.run(["ip", "netns", "list"], capture_output=True, text=True).stdout
        for line in out.splitlines():
            name = line.split()[0] if line.strip() else ""
            if name.startswith(PREFIX):
                subprocess.run(["ip", "netns", "del", name], check=False)


def is_group(address):
    return ipaddress.ip_address(address).is_multicast
