#include "sim/explain/ladder.h"

#include <algorithm>

#include "sim/core/near_name.h"
#include "sim/wire/frame_decoder.h"

namespace sim::explain {
namespace {

std::string ProtocolOf(const wire::Bytes& frame) {
  if (frame.size() < wire::kEthernetHeaderLen) return "other";
  const std::uint16_t ethertype = wire::LoadU16(frame, 12);
  if (ethertype == wire::kEtherTypeArp) return "arp";
  // The IP protocol field, so that a fragment after the first still counts as UDP.
  if (ethertype != wire::kEtherTypeIpv4 || frame.size() < wire::kEthernetHeaderLen + 20) return "other";
  switch (frame[wire::kEthernetHeaderLen + 9]) {
    case 1: return "icmp";
    case 2: return "igmp";
    case 17: return "udp";
    case 103: return "pim";
    default: return "other";
  }
}

std::string Summary(const wire::Bytes& frame) {
  const auto decoded = wire::DecodeFrame(frame);
  return decoded ? ToString(*decoded) : "undecodable: " + ToString(decoded.error());
}

// The protocol whose state an event line tells, or "" for a line that is no state change.
std::string EventProtocol(const RecordedEvent& e) {
  const bool change = !e.Get("to").empty() && !e.Get("from").empty();
  if (e.kind.starts_with("igmp.")) return change || e.kind == "igmp.snooping" ? "igmp" : "";
  if (e.kind.starts_with("membership.")) return "igmp";
  if (e.kind.starts_with("pim.")) return change || e.kind == "pim.neighbor" || e.kind == "pim.spt" ? "pim" : "";
  if (e.kind == "node.down" || e.kind == "node.up" || e.kind == "link.down" || e.kind == "link.up") return "any";
  return "";
}

std::string EventText(const RecordedEvent& e) {
  std::string where;
  for (const char* key : {"interface", "port", "entry", "group", "source", "link", "neighbor"}) {
    if (!e.Get(key).empty()) where += " " + e.Get(key);
  }
  std::string text = e.kind + where;
  if (!e.Get("to").empty() && !e.Get("from").empty()) {
    text += ": " + e.Get("from") + " -> " + e.Get("to") + " (" + e.Get("event") + ")";
  } else if (!e.Get("change").empty()) {
    text += ": " + e.Get("change") + (e.Get("event").empty() ? "" : " (" + e.Get("event") + ")");
  }
  // pim.spt says which of its two things happened.
  if (e.Get("spt_bit") == "set") text += ": SPT bit set";
  if (!e.Get("switch").empty()) text += ": " + e.Get("switch");
  if (!e.Get("action").empty()) text += "; " + e.Get("action");
  return text;
}

bool Among(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

}  // namespace

std::variant<Ladder, std::string> BuildLadder(const RunRecord& r, const RunFrames& frames, const LadderQuery& q) {
  Ladder ladder;
  std::vector<std::string_view> names;
  for (const TopologyNode& n : r.nodes) names.push_back(n.name);
  for (const std::string& n : q.nodes) {
    if (r.FindNode(n) == nullptr) return "no node named " + n + " in this run" + core::DidYouMean(n, names);
  }
  ladder.columns = q.nodes;
  if (ladder.columns.empty()) ladder.columns.assign(names.begin(), names.end());
  const auto wanted = [&](const std::string& protocol) {
    return q.protocols.empty() || q.protocols.contains(protocol) || protocol == "any";
  };
  // Merge the frames and the events by time; at one instant the events come first, since a
  // state change is logged as it sends its message.
  auto e = r.events.begin();
  auto take_events = [&](std::int64_t until) {
    for (; e != r.events.end() && e->t <= until; ++e) {
      if (e->t < q.from || e->t > q.until) continue;
      const std::string p = EventProtocol(*e);
      const std::string node = e->node.empty() ? "" : e->node;
      if (p.empty() || !wanted(p) || (!node.empty() && !Among(ladder.columns, node))) continue;
      ladder.rows.push_back({e->t, false, node, {}, e->Get("link"), p, EventText(*e)});
    }
  };
  for (const LinkFrame& f : frames.frames) {
    if (f.t > q.until) break;
    take_events(f.t);
    if (f.t < q.from) continue;
    const std::string p = ProtocolOf(f.bytes);
    if (!wanted(p)) continue;
    LadderRow row{f.t, true, f.sender, {}, f.link, p, Summary(f.bytes)};
    for (const std::string& n : f.receivers) {
      if (Among(ladder.columns, n)) row.receivers.push_back(n);
    }
    if (!Among(ladder.columns, f.sender) && row.receivers.empty()) continue;
    ladder.rows.push_back(std::move(row));
  }
  take_events(q.until);
  return ladder;
}

}  // namespace sim::explain
