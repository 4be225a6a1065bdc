// Builds the text with string appends: the largest trees are tens of megabytes, printed once.
#include "tools/tree_scenario.h"

#include <algorithm>
#include <set>
#include <vector>

#include "sim/core/rng.h"
#include "sim/core/time.h"
#include "sim/scenario/scenario.h"
#include "sim/scenario/values.h"

namespace tools {
namespace {

constexpr std::int64_t kNanosPerSecond = 1'000'000'000;
// Static routes: ARP and the joins are done by 1 s. PIM: the first Hellos go within
// Triggered_Hello_Delay (5 s), and the Joins right after them.
constexpr std::int64_t kStaticSendAt = kNanosPerSecond;
constexpr std::int64_t kPimSendAt = 10 * kNanosPerSecond;

std::string N(std::uint64_t v) { return std::to_string(v); }

std::string LanPrefix(std::uint64_t k) {  // "10.X.Y." for LAN k
  return "10." + N(1 + k / 256) + "." + N(k % 256) + ".";
}

std::string CoreAddress(std::uint64_t k, int side) {  // the /30 of core link k: .1 core, .2 edge
  const std::uint64_t base = 4 * k + static_cast<std::uint64_t>(side);
  return "172." + N(16 + base / 65536) + "." + N((base / 256) % 256) + "." + N(base % 256);
}

std::string HostName(std::uint64_t lan, std::uint64_t i) { return "h" + N(lan) + "-" + N(i); }

// Static routing: the MFIB entries do it all, so PIM is off and sends no Hellos.
std::string PimOffWhenStatic(const TreeSpec& t) {
  return t.routing == TreeRouting::kStatic ? ",\n     \"pim\": {\"enabled\": false}" : "";
}

void AppendNodes(const TreeSpec& t, std::string& out) {
  out += "  \"nodes\": [\n    {\"name\": \"core\", \"type\": \"router\", \"interfaces\": [";
  for (std::uint64_t k = 0; k < t.routers; ++k) {
    out += (k ? ", " : "") + ("{\"name\": \"e" + N(k) + "\", \"address\": \"" + CoreAddress(k, 1) + "/30\"}");
  }
  out += "]";
  if (t.routing == TreeRouting::kStatic) {
    out += ",\n     \"static_mroutes\": [{\"source\": \"*\", \"group\": \"239.1.1.1\", \"iif\": \"e0\", \"oifs\": [";
    for (std::uint64_t k = 1; k < t.routers; ++k) out += (k > 1 ? ", " : "") + ("\"e" + N(k) + "\"");
    out += "]}]";
  }
  out += PimOffWhenStatic(t) + "}";
  for (std::uint64_t k = 0; k < t.routers; ++k) {
    const bool first = k == 0;  // the sender's edge forwards up to the core, the others down
    out += ",\n    {\"name\": \"edge" + N(k) + "\", \"type\": \"router\", \"interfaces\": [{\"name\": \"core\", " +
           "\"address\": \"" + CoreAddress(k, 2) + "/30\"}, {\"name\": \"lan\", \"address\": \"" + LanPrefix(k) +
           "1/24\"}]";
    if (t.routing == TreeRouting::kStatic) {
      out += std::string(",\n     \"static_mroutes\": [{\"source\": \"*\", \"group\": \"239.1.1.1\", \"iif\": \"") +
             (first ? "lan" : "core") + "\", \"oifs\": [\"" + (first ? "core" : "lan") + "\"]}]";
    }
    out += PimOffWhenStatic(t) + "}";
    for (std::uint64_t i = 0; i < t.hosts; ++i) {
      out += ",\n    {\"name\": \"" + HostName(k, i) + "\", \"type\": \"host\", \"interfaces\": [{\"name\": " +
             "\"eth0\", \"address\": \"" + LanPrefix(k) + N(i + 10) + "/24\", \"gateway\": \"" + LanPrefix(k) +
             "1\"}]}";
    }
  }
  out += "\n  ],\n";
}

void AppendLinks(const TreeSpec& t, std::string& out) {
  out += "  \"links\": [";
  for (std::uint64_t k = 0; k < t.routers; ++k) {
    out += "\n    {\"name\": \"core" + N(k) + "\", \"endpoints\": [\"core:e" + N(k) + "\", \"edge" + N(k) +
           ":core\"], \"delay\": \"1ms\", \"bandwidth\": \"1Gbps\"},";
    out += "\n    {\"name\": \"lan" + N(k) + "\", \"endpoints\": [\"edge" + N(k) + ":lan\"";
    for (std::uint64_t i = 0; i < t.hosts; ++i) out += ", \"" + HostName(k, i) + ":eth0\"";
    out += std::string("], \"delay\": \"10us\", \"bandwidth\": \"100Mbps\"}") + (k + 1 < t.routers ? "," : "");
  }
  out += "\n  ],\n";
}

// 239.1.1.1 and on: group g is that address plus g.
std::string GroupAddress(std::uint64_t g) {
  const std::uint64_t v = 0x010101 + g;
  return "239." + N((v >> 16) & 255) + "." + N((v >> 8) & 255) + "." + N(v & 255);
}

// Sources are numbered across the LANs first: source s is host s / R of LAN s mod R.
bool IsSource(const TreeSpec& t, std::uint64_t lan, std::uint64_t i) { return i * t.routers + lan < t.sources; }

std::uint64_t JoinsPerHost(const TreeSpec& t) {
  return t.joins != 0 ? t.joins : std::min(t.groups, kDefaultTreeJoins);
}

// The groups a receiver joins, in increasing order: all of them, or a random set drawn from the
// host's own stream of the seed (Floyd's sampling: no draw is wasted, no vector of all groups).
std::vector<std::uint64_t> GroupsOf(const TreeSpec& t, std::uint64_t lan, std::uint64_t i) {
  const std::uint64_t m = JoinsPerHost(t);
  std::vector<std::uint64_t> chosen;
  if (m >= t.groups) {
    for (std::uint64_t g = 0; g < t.groups; ++g) chosen.push_back(g);
    return chosen;
  }
  sim::core::Rng rng(t.seed, lan * t.hosts + i);
  std::set<std::uint64_t> picked;
  for (std::uint64_t j = t.groups - m; j < t.groups; ++j) {
    const std::uint64_t g = rng.UniformInt(0, j);
    picked.insert(picked.contains(g) ? j : g);
  }
  return std::vector<std::uint64_t>(picked.begin(), picked.end());
}

// One send event: a source's stream to one group.
struct Stream {
  std::string source;
  std::int64_t start_ns = 0;
  std::string rate;
  std::uint64_t datagrams = 0;
};

// "p/k" pps with at most 9 decimals, as the loader reads rates.
std::string RateText(std::uint64_t p, std::uint64_t k) {
  if (p % k == 0) return N(p / k) + "pps";
  std::uint64_t whole = p / k;
  std::uint64_t nanos = ((p % k) * 1'000'000'000 + k / 2) / k;
  if (nanos == 1'000'000'000) ++whole, nanos = 0;
  std::string frac = N(nanos);
  frac.insert(0, 9 - frac.size(), '0');
  while (frac.back() == '0') frac.pop_back();
  return N(whole) + "." + frac + "pps";
}

// Group g comes from source g mod S. A source of k groups sends P datagrams a second in all, in
// turn: its i-th group from i/P after the start, then every k/P. The counts use the loader's own
// rounding of each interval, so the expectation is exact.
std::vector<Stream> Streams(const TreeSpec& t, const TreeSchedule& when) {
  if (t.groups == 1 && t.sources == 1) return {{HostName(0, 0), when.send_at_ns, N(t.rate) + "pps", when.datagrams}};
  std::vector<Stream> streams(t.groups);
  for (std::uint64_t s = 0; s < t.sources && s < t.groups; ++s) {
    const std::uint64_t k = (t.groups - s + t.sources - 1) / t.sources;  // groups s, s + S, ...
    const std::string rate = RateText(t.rate, k);
    const std::int64_t interval = sim::scenario::ParseRate(rate).value().interval.nanos();
    for (std::uint64_t i = 0; i < k; ++i) {
      Stream& st = streams[s + i * t.sources];
      st.source = HostName(s % t.routers, s / t.routers);
      st.start_ns = when.send_at_ns + static_cast<std::int64_t>(i) * when.interval_ns;
      st.rate = rate;
      st.datagrams = static_cast<std::uint64_t>((when.until_ns - st.start_ns) / interval) + 1;
    }
  }
  return streams;
}

void AppendEventsAndChecks(const TreeSpec& t, const TreeSchedule& when, std::string& out) {
  const std::vector<Stream> streams = Streams(t, when);
  out += "  \"events\": [\n";
  std::string last;
  std::uint64_t last_expects = 0;
  for (std::uint64_t k = 0; k < t.routers; ++k) {
    for (std::uint64_t i = 0; i < t.hosts; ++i) {
      if (IsSource(t, k, i)) continue;
      const std::string host = HostName(k, i);
      out += "    {\"at\": \"0s\", \"action\": \"listen\", \"node\": \"" + host +
             "\", \"port\": 5001, \"bind\": \"0.0.0.0\", \"socket\": \"s\"},\n";
      last = host;
      last_expects = 0;
      for (const std::uint64_t g : GroupsOf(t, k, i)) {
        out += "    {\"at\": \"0s\", \"action\": \"join\", \"node\": \"" + host + "\", \"group\": \"" +
               GroupAddress(g) + "\", \"socket\": \"s\"},\n";
        last_expects += streams[g].datagrams;
      }
    }
  }
  for (std::uint64_t g = 0; g < t.groups; ++g) {
    const Stream& st = streams[g];
    out += std::string(g ? ",\n" : "") + "    {\"at\": \"" + sim::core::ToString(sim::core::Nanoseconds(st.start_ns)) +
           "\", \"action\": \"send\", \"node\": \"" + st.source + "\", \"to\": \"" + GroupAddress(g) +
           ":5001\", \"size\": " + N(t.payload) + ", \"ttl\": 8, \"rate\": \"" + st.rate + "\", \"until\": \"" +
           sim::core::ToString(sim::core::Nanoseconds(when.until_ns)) + "\"}";
  }
  out += "\n  ],\n";
  const std::string expected = N(last_expects);
  out += "  \"expect\": [\n    {\"received\": {\"node\": \"" + last + "\", \"socket\": \"s\", \"min\": " +
         expected + ", \"max\": " + expected + "}}\n  ],\n";
  out += std::string("  \"capture\": {\"links\": [") + (t.capture ? "\"*\"" : "") + "]}";
  // PIM: the core router is the RP of every group.
  if (t.routing == TreeRouting::kPim) out += ",\n  \"rp\": [{\"address\": \"" + CoreAddress(0, 1) + "\", \"groups\": \"224.0.0.0/4\"}]";
  out += "\n";
}

}  // namespace

std::optional<TreeSchedule> ScheduleTree(const TreeSpec& t) {
  // The loader's own rounding of 1/rate, so that the count below is the runner's.
  const auto rate = sim::scenario::ParseRate(N(t.rate) + "pps");
  if (!rate.ok()) return std::nullopt;
  TreeSchedule s;
  s.send_at_ns = t.routing == TreeRouting::kPim ? kPimSendAt : kStaticSendAt;
  s.interval_ns = rate.value().interval.nanos();
  const auto interval = static_cast<std::uint64_t>(s.interval_ns);
  std::uint64_t span = 0, until = 0;  // any overflow is past the longest duration anyway
  if (__builtin_mul_overflow(t.rate, t.seconds, &s.datagrams) || s.datagrams == 0 ||
      __builtin_mul_overflow(s.datagrams - 1, interval, &span) ||
      __builtin_add_overflow(span, static_cast<std::uint64_t>(s.send_at_ns) + interval / 2, &until) || until > INT64_MAX) {
    return std::nullopt;
  }
  s.until_ns = static_cast<std::int64_t>(until);
  s.duration_s = until / kNanosPerSecond + 2;
  if (s.duration_s > sim::scenario::kMaxDurationSeconds) return std::nullopt;
  return s;
}

std::string TreeScenarioText(const TreeSpec& t, const TreeSchedule& when) {
  const std::string shape = N(t.routers) + " edge routers with " + N(t.hosts) + " hosts each";
  const bool one_stream = t.groups == 1 && t.sources == 1;
  const std::string many = one_stream ? "" : "-g" + N(t.groups) + "-s" + N(t.sources);
  std::string out = "{\n  \"format\": 1,\n  \"name\": \"tree-r" + N(t.routers) + "-h" + N(t.hosts) + "-p" +
                    N(t.rate) + "-t" + N(t.seconds) + many + "\",\n";
  if (one_stream) {
    out += "  \"description\": \"Benchmark tree: a core router, " + shape + "; one sender at " + N(t.rate) +
           " pps for " + N(t.seconds) + " s; " + N(t.routers * t.hosts - 1) + " receivers.\",\n";
  } else {
    out += "  \"description\": \"Benchmark tree: a core router, " + shape + "; " + N(t.sources) + " sources of " +
           N(t.groups) + " groups, each group at " + N(t.rate) + " pps for " + N(t.seconds) + " s; " +
           N(t.routers * t.hosts - t.sources) + " receivers joining " + N(std::min(JoinsPerHost(t), t.groups)) +
           " groups each (seed " + N(t.seed) + ").\",\n";
  }
  out += "  \"duration\": \"" + N(when.duration_s) + "s\",\n";
  AppendNodes(t, out);
  AppendLinks(t, out);
  AppendEventsAndChecks(t, when, out);
  out += "}\n";
  return out;
}

}  // namespace tools
