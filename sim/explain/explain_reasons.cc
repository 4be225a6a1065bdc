// Why a reason dropped a stream, in words, with the state the events recorded.
#include <cstdio>

#include "sim/explain/explain_text.h"

namespace sim::explain {
namespace {

// The last event of `kind` at `node` with `key` == `value`, at or before `at`; null if none.
const RecordedEvent* Last(const RunRecord& r, const std::string& node, const std::string& kind,
                          const std::string& key, const std::string& value, std::int64_t at) {
  const RecordedEvent* found = nullptr;
  for (const RecordedEvent& e : r.events) {
    if (e.t > at) break;
    if (e.node == node && e.kind == kind && e.Get(key) == value) found = &e;
  }
  return found;
}

std::string Plural(int n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); }

std::vector<std::string> WhyTtl(const DropContext& c) {
  std::vector<std::string> out;
  const std::string ttl = c.first != nullptr ? c.first->Get("ttl") : "";
  out.push_back((ttl.empty() ? std::string("They arrive") : "They arrive with TTL " + ttl) +
                ", and a router forwards only a TTL above 1.");
  out.push_back("A TTL of at least " + std::to_string(c.routers_on_path + 1) + " reaches " + c.host + " (it is " +
                Plural(c.routers_on_path, "router", "routers") + " away).");
  return out;
}

std::vector<std::string> WhySnooping(const DropContext& c) {
  const std::string port = c.total.Get("port");
  std::vector<std::string> out{c.total.node + " learned no member of " + c.group + " and no router on " + port + "."};
  const RecordedEvent* join = Last(c.record, c.host, "membership.join", "group", c.group, c.at);
  if (join == nullptr) {
    out.push_back(c.host + " never joined " + c.group + ", so it sent no membership report.");
  } else {
    out.push_back(c.host + " joined " + c.group + " at " + Seconds(join->t) +
                  ", but the switch has not registered its port (was there a querier?).");
  }
  return out;
}

std::vector<std::string> WhyNotJoined(const DropContext& c) {
  const std::string where = c.total.Get("interface");
  const RecordedEvent* leave = Last(c.record, c.host, "membership.leave", "group", c.group, c.at);
  if (leave != nullptr) {
    // Drops from before the join are counted under the same key: name the member span, so the
    // sentence does not blame the leave for all of them.
    const RecordedEvent* join = Last(c.record, c.host, "membership.join", "group", c.group, leave->t);
    if (join != nullptr && ParseEventTime(c.total.Get("first")) < join->t) {
      return {c.host + " was a member of " + c.group + " on " + leave->Get("interface") + " only from " +
              Seconds(join->t) + " to " + Seconds(leave->t) + "; before and after, its NIC filter passes none of it."};
    }
    return {c.host + " left " + c.group + " on " + leave->Get("interface") + " at " + Seconds(leave->t) +
            ", so its NIC filter passes none of it."};
  }
  return {c.host + " is not a member of " + c.group + " on " + where +
          ": no socket and no join asked for it, so its NIC filter passes none of it."};
}

std::vector<std::string> WhyNoSocket(const DropContext& c) {
  const std::string port = c.total.Get("port");
  std::vector<std::string> out{"No socket of " + c.total.node + " listened on port " + port + " then."};
  for (const RecordedEvent& e : c.record.events) {
    if (e.t > c.at) break;
    if (e.node == c.total.node && e.kind == "socket.open" && e.Get("port") == port &&
        e.t > ParseEventTime(c.total.Get("last"))) {
      out.push_back("Socket " + e.Get("socket") + " opened port " + port + " at " + Seconds(e.t) +
                    "; later datagrams reach it.");
      break;
    }
  }
  return out;
}

std::vector<std::string> WhyOtherGroup(const DropContext& c) {
  const std::string port = c.total.Get("port");
  std::string list;
  for (const RecordedEvent& e : c.record.events) {
    if (e.t > c.at) break;
    if (e.node != c.total.node || e.kind != "socket.open" || e.Get("port") != port) continue;
    list += (list.empty() ? "" : ", ") + e.Get("socket") + " (" + e.Get("bind") + ")";
  }
  return {"The sockets on port " + port + " are bound to another group or address: " + list + "."};
}

}  // namespace

std::string Seconds(std::int64_t ns) {
  std::string s = EventTimeString(ns);
  while (s.back() == '0') s.pop_back();
  if (s.back() == '.') s.pop_back();
  return s + " s";
}

std::string Datagrams(std::uint64_t n) { return std::to_string(n) + (n == 1 ? " datagram" : " datagrams"); }

std::vector<std::string> WhyDropped(const DropContext& c) {
  const std::string reason = c.total.Get("reason");
  const std::string& node = c.total.node;
  const std::string in = c.total.Get("interface");
  if (reason == "ttl-expired") return WhyTtl(c);
  if (reason == "snooping-filtered") return WhySnooping(c);
  if (reason == "not-joined") return WhyNotJoined(c);
  if (reason == "no-socket") return WhyNoSocket(c);
  if (reason == "other-group") return WhyOtherGroup(c);
  if (reason == "other-peer") return {"The sockets on port " + c.total.Get("port") + " are connected to another peer."};
  if (reason == "rpf-failure") {
    return {"They arrive on " + in + ", which is not the incoming interface of " + node + "'s route for " + c.group +
            ": the RPF check fails (see show ip mroute)."};
  }
  if (reason == "no-mroute") return {node + " has no multicast route for " + c.group + " (see show ip mroute)."};
  if (reason == "no-route") return {node + " has no route to " + c.group + "."};
  if (reason == "scope") return {c.group + " is in 224.0.0.0/24, which routers never forward (RFC 5771)."};
  if (reason == "link-down") return {"The interface " + in + " of " + node + ", or its link, was down."};
  if (reason == "queue-full") return {"The egress queue of " + node + "'s " + in + " was full."};
  if (reason == "bad-checksum") return {"They failed the UDP checksum."};
  return {};
}

}  // namespace sim::explain
