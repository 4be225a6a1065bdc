// The tree workload of the performance issue: a core router with R edge routers (1 Gbps, 1 ms
// cables), each edge with one shared segment (100 Mbps, 10 us) of H hosts. Host 0 of LAN 0
// sends UDP to 239.1.1.1 at P packets/s for T seconds with TTL 8; every other host listens
// and joins, so R x H - 1 receivers get every datagram. The output is an ordinary scenario
// file: open it, change it, run it.
#include "tools/gen_command.h"

#include <cstdio>
#include <string>

#include "tools/exit_codes.h"

namespace tools {
namespace {

constexpr const char* kUsage =
    "usage: mcastlab gen tree --routers R --hosts H --rate P --seconds T\n"
    "                         [--payload BYTES] [--routing static|pim] [--capture all|none]\n"
    "  Prints a scenario on stdout: a core router, R edge routers, H hosts per edge LAN,\n"
    "  one sender at P packets/s for T seconds to 239.1.1.1, every other host receiving.\n";

struct TreeSpec {
  long routers = 4, hosts = 10, rate = 1000, seconds = 10, payload = 1000;
  bool capture = false;
};

std::string LanPrefix(long k) {  // 10.X.Y.0/24 for LAN k
  return "10." + std::to_string(1 + k / 256) + "." + std::to_string(k % 256) + ".";
}

std::string CoreAddress(long k, int side) {  // the /30 of core link k: .1 core side, .2 edge side
  const long base = 4 * k + side;
  return "172." + std::to_string(16 + base / 65536) + "." + std::to_string((base / 256) % 256) + "." +
         std::to_string(base % 256);
}

std::string HostName(long lan, long i) { return "h" + std::to_string(lan) + "-" + std::to_string(i); }

void PrintNodes(const TreeSpec& t) {
  std::printf("  \"nodes\": [\n    {\"name\": \"core\", \"type\": \"router\", \"interfaces\": [");
  for (long k = 0; k < t.routers; ++k) {
    std::printf("%s{\"name\": \"e%ld\", \"address\": \"%s/30\"}", k ? ", " : "", k, CoreAddress(k, 1).c_str());
  }
  std::printf("],\n     \"static_mroutes\": [{\"source\": \"*\", \"group\": \"239.1.1.1\", \"iif\": \"e0\", \"oifs\": [");
  for (long k = 1; k < t.routers; ++k) std::printf("%s\"e%ld\"", k > 1 ? ", " : "", k);
  std::printf("]}]}");
  for (long k = 0; k < t.routers; ++k) {
    const bool first = k == 0;
    std::printf(",\n    {\"name\": \"edge%ld\", \"type\": \"router\", \"interfaces\": [{\"name\": \"core\", \"address\": \"%s/30\"}, "
                "{\"name\": \"lan\", \"address\": \"%s1/24\"}],\n     \"static_mroutes\": [{\"source\": \"*\", \"group\": \"239.1.1.1\", "
                "\"iif\": \"%s\", \"oifs\": [\"%s\"]}]}",
                k, CoreAddress(k, 2).c_str(), LanPrefix(k).c_str(), first ? "lan" : "core", first ? "core" : "lan");
    for (long i = 0; i < t.hosts; ++i) {
      std::printf(",\n    {\"name\": \"%s\", \"type\": \"host\", \"interfaces\": [{\"name\": \"eth0\", \"address\": \"%s%ld/24\", "
                  "\"gateway\": \"%s1\"}]}",
                  HostName(k, i).c_str(), LanPrefix(k).c_str(), i + 10, LanPrefix(k).c_str());
    }
  }
  std::printf("\n  ],\n");
}

void PrintLinks(const TreeSpec& t) {
  std::printf("  \"links\": [");
  for (long k = 0; k < t.routers; ++k) {
    std::printf("%s\n    {\"name\": \"core%ld\", \"endpoints\": [\"core:e%ld\", \"edge%ld:core\"], \"delay\": \"1ms\", \"bandwidth\": \"1Gbps\"},",
                k ? "" : "", k, k, k);
    std::printf("\n    {\"name\": \"lan%ld\", \"endpoints\": [\"edge%ld:lan\"", k, k);
    for (long i = 0; i < t.hosts; ++i) std::printf(", \"%s:eth0\"", HostName(k, i).c_str());
    std::printf("], \"delay\": \"10us\", \"bandwidth\": \"100Mbps\"}%s", k + 1 < t.routers ? "," : "");
  }
  std::printf("\n  ],\n");
}

void PrintEventsAndChecks(const TreeSpec& t) {
  std::printf("  \"events\": [\n");
  for (long k = 0; k < t.routers; ++k) {
    for (long i = 0; i < t.hosts; ++i) {
      if (k == 0 && i == 0) continue;
      std::printf("    {\"at\": \"0s\", \"action\": \"listen\", \"node\": \"%s\", \"port\": 5001, \"bind\": \"0.0.0.0\", \"socket\": \"s\"},\n"
                  "    {\"at\": \"0s\", \"action\": \"join\", \"node\": \"%s\", \"group\": \"239.1.1.1\", \"socket\": \"s\"},\n",
                  HostName(k, i).c_str(), HostName(k, i).c_str());
    }
  }
  // Start at 1 s (ARP and joins are done by then) and stop one interval before 1 s + T.
  std::printf("    {\"at\": \"1s\", \"action\": \"send\", \"node\": \"%s\", \"to\": \"239.1.1.1:5001\", \"size\": %ld, \"ttl\": 8, "
              "\"rate\": \"%ldpps\", \"until\": \"%.9fs\"}\n  ],\n",
              HostName(0, 0).c_str(), t.payload, t.rate, 1.0 + static_cast<double>(t.seconds) - 1.0 / static_cast<double>(t.rate));
  const long per_receiver = t.rate * t.seconds;
  const std::string last = HostName(t.routers - 1, t.hosts - 1);
  std::printf("  \"expect\": [\n    {\"received\": {\"node\": \"%s\", \"socket\": \"s\", \"min\": %ld, \"max\": %ld}}\n  ],\n",
              last.c_str(), per_receiver, per_receiver);
  std::printf("  \"capture\": {\"links\": [%s]}\n", t.capture ? "\"*\"" : "");
}

bool ParseLong(std::string_view s, long& out) {
  try {
    std::size_t used = 0;
    out = std::stol(std::string(s), &used);
    return used == s.size() && out > 0;
  } catch (...) {
    return false;
  }
}

}  // namespace

int GenCommand(std::span<const std::string_view> args) {
  if (args.empty() || args[0] != "tree") {
    std::fputs(kUsage, stderr);
    return kExitBadInput;
  }
  TreeSpec t;
  for (std::size_t i = 1; i < args.size(); ++i) {
    const std::string_view flag = args[i];
    const std::string_view value = i + 1 < args.size() ? args[i + 1] : std::string_view();
    long* target = flag == "--routers" ? &t.routers : flag == "--hosts" ? &t.hosts : flag == "--rate" ? &t.rate
                 : flag == "--seconds" ? &t.seconds : flag == "--payload" ? &t.payload : nullptr;
    ++i;
    if (target != nullptr && ParseLong(value, *target)) continue;
    if (flag == "--capture" && (value == "all" || value == "none")) {
      t.capture = value == "all";
      continue;
    }
    if (flag == "--routing" && value == "static") continue;
    if (flag == "--routing" && value == "pim") {
      std::fputs("mcastlab gen: --routing pim needs the PIM-SM module, not built yet; use --routing static\n", stderr);
      return kExitBadInput;
    }
    std::fprintf(stderr, "mcastlab gen: bad argument '%.*s %.*s'\n%s", static_cast<int>(flag.size()), flag.data(),
                 static_cast<int>(value.size()), value.data(), kUsage);
    return kExitBadInput;
  }
  if (t.hosts > 240 || t.routers > 60000) {
    std::fputs("mcastlab gen: at most 240 hosts per LAN (one /24) and 60000 routers\n", stderr);
    return kExitBadInput;
  }
  std::printf("{\n  \"format\": 1,\n  \"name\": \"tree-r%ld-h%ld-p%ld-t%ld\",\n", t.routers, t.hosts, t.rate, t.seconds);
  std::printf("  \"description\": \"Benchmark tree: a core router, %ld edge routers with %ld hosts each; one sender at %ld pps for %ld s; %ld receivers.\",\n",
              t.routers, t.hosts, t.rate, t.seconds, t.routers * t.hosts - 1);
  std::printf("  \"duration\": \"%lds\",\n", t.seconds + 2);
  PrintNodes(t);
  PrintLinks(t);
  PrintEventsAndChecks(t);
  std::printf("}\n");
  return kExitOk;
}

}  // namespace tools
