// The "events" array: one reader per action, then a stable sort by time.
//
// Only what one event says is checked here (types, ranges, keys that go together); whether the
// names it uses exist is validate.cc's job.
#include <algorithm>

#include "sim/scenario/load_internal.h"

namespace sim::scenario {
namespace {

std::string NeedName(ObjectReader& o, std::string_view key) {
  return o.Read(key, ReadName, true).value_or("");
}

UpDown NeedState(ObjectReader& o) {
  const auto s = o.Read(
      "state",
      [](const JsonValue& v, const std::string& p, Reporter& r) {
        return ReadChoice(v, p, r, "a state", {"down", "up"});
      },
      true);
  return s == "up" ? UpDown::kUp : UpDown::kDown;
}

ListenAction ReadListen(ObjectReader& o) {
  ListenAction a;
  a.node = NeedName(o, "node");
  a.port = static_cast<std::uint16_t>(o.Read("port", UintIn(1, 65535), true).value_or(0));
  if (const JsonValue* bind = o.Get("bind")) {
    const auto address = Parsed(ParseAddress)(*bind, o.PathOf("bind"), o.reporter());
    if (address && !address->is_unspecified() && !address->is_multicast()) {
      o.reporter().Bad(o.PathOf("bind"), *bind,
                       {"a bind address", "use \"0.0.0.0\" or a multicast group"});
    }
    if (address) a.bind = *address;
  }
  a.socket = o.Read("socket", ReadName).value_or("s" + std::to_string(a.port));
  return a;
}

JoinAction ReadJoin(ObjectReader& o) {
  JoinAction a;
  a.node = NeedName(o, "node");
  a.group = o.Read("group", Parsed(ParseGroup), true).value_or(wire::Ipv4Address());
  if (a.group == wire::Ipv4Address(224, 0, 0, 0)) {
    // RFC 1112 §4: "224.0.0.0 is guaranteed not to be assigned to any group".
    o.reporter().Bad(o.PathOf("group"), *o.Get("group"), {"a multicast group", "224.0.0.0 is the base address, never a group, RFC 1112 §4"});
  }
  a.socket = o.Read("socket", ReadName);
  a.interface = o.Read("interface", ReadName);
  if (o.Get("sources") != nullptr) {
    o.reporter().Error(o.PathOf("sources"), NotBuilt("a source list", "IGMPv3 (RFC 3376)"));
  }
  return a;
}

LeaveAction ReadLeave(ObjectReader& o) {
  LeaveAction a;
  a.node = NeedName(o, "node");
  a.group = o.Read("group", Parsed(ParseGroup), true).value_or(wire::Ipv4Address());
  a.socket = o.Read("socket", ReadName);
  return a;
}

SendAction ReadSend(ObjectReader& o, core::Duration at) {
  SendAction a;
  Reporter& r = o.reporter();
  a.node = NeedName(o, "node");
  if (auto to = o.Read("to", Parsed(ParseSocketAddress), true)) a.to = *to;
  // 65507 = 65535 - 20 (IPv4 header) - 8 (UDP header): the most one IPv4 datagram can carry.
  if (auto size = o.Read("size", UintIn(0, 65507))) a.size = static_cast<std::uint32_t>(*size);
  const auto count = o.Read("count", UintIn(1, UINT32_MAX));
  a.rate = o.Read("rate", Parsed(ParseRate));
  a.until = o.Read("until", ReadTime);
  if (count && o.Get("rate") != nullptr) {
    r.Error(o.PathOf("rate"), "give either count or rate, not both");
  } else if (o.Get("rate") != nullptr && o.Get("until") == nullptr) {
    r.Error(o.path(), "missing required key \"until\" (a send with a rate needs an end)");
  } else if (o.Get("rate") == nullptr && o.Get("until") != nullptr) {
    r.Error(o.PathOf("until"), "until needs a rate");
  }
  if (a.until && *a.until <= at) {
    r.Error(o.PathOf("until"),
            "until " + core::ToString(*a.until) + " is not after at " + core::ToString(at));
  }
  if (count) a.count = *count;
  const auto ttl = o.Read("ttl", UintIn(0, 255));
  a.ttl = static_cast<std::uint8_t>(ttl.value_or(a.to.address.is_multicast() ? 1 : 64));
  if (ttl == 0u && !a.to.address.is_multicast()) {
    // Linux refuses setsockopt(IP_TTL, 0) with EINVAL; only IP_MULTICAST_TTL may be 0 (host only).
    r.Error(o.PathOf("ttl"), "a unicast TTL must be 1 to 255 (Linux refuses IP_TTL 0); 0 is for groups only");
  }
  a.socket = o.Read("socket", ReadName);
  if (auto port = o.Read("source_port", UintIn(1, 65535))) {
    a.source_port = static_cast<std::uint16_t>(*port);
  }
  return a;
}

SetAction ReadSet(ObjectReader& o) {
  SetAction a;
  Reporter& r = o.reporter();
  a.node = NeedName(o, "node");
  a.interface = o.Read("interface", ReadName);
  if (const JsonValue* igmp = o.Get("igmp")) {
    a.igmp = ReadIgmpSettings(*igmp, o.PathOf("igmp"), r, IgmpRole::kAny);
  }
  if (const JsonValue* pim = o.Get("pim")) {
    // A boolean switches PIM on the interface(s), as the interface key does; an object changes
    // the router's PIM settings.
    if (pim->is_bool()) {
      a.pim_interface = pim->boolean;
    } else {
      a.pim = ReadPimSettings(*pim, o.PathOf("pim"), r);
    }
  }
  if (auto d = o.Read("dr_priority", UintIn(0, UINT32_MAX))) {
    a.dr_priority = static_cast<std::uint32_t>(*d);
  }
  if (auto c = o.Read("cost", UintIn(1, UINT32_MAX))) a.cost = static_cast<std::uint32_t>(*c);
  if (o.valid() && !o.Get("igmp") && !o.Get("pim") && !o.Get("dr_priority") && !o.Get("cost")) {
    r.Error(o.path(), "a set changes nothing (give igmp, pim, dr_priority or cost)");
  }
  return a;
}

std::optional<Action> ReadAction(ObjectReader& o, std::string_view name, core::Duration at) {
  Reporter& r = o.reporter();
  if (name == "listen") return ReadListen(o);
  if (name == "join") return ReadJoin(o);
  if (name == "leave") return ReadLeave(o);
  if (name == "send") return ReadSend(o, at);
  if (name == "connect") {
    ConnectAction a{NeedName(o, "node"), NeedName(o, "socket"), {}};
    if (auto to = o.Read("to", Parsed(ParseSocketAddress), true)) a.to = *to;
    return a;
  }
  if (name == "close") return CloseAction{NeedName(o, "node"), NeedName(o, "socket")};
  if (name == "recv") return RecvAction{NeedName(o, "node"), NeedName(o, "socket")};
  if (name == "link") {
    LinkAction a{NeedName(o, "link"), UpDown::kDown};
    a.state = NeedState(o);
    return a;
  }
  if (name == "node") {
    NodeAction a{NeedName(o, "node"), UpDown::kDown};
    a.state = NeedState(o);
    return a;
  }
  if (name == "set") return ReadSet(o);
  // A label becomes part of the snapshot's file name, state-<time>-<label>.txt.
  if (name == "snapshot") return SnapshotAction{o.Read("label", ReadFileName).value_or("")};
  r.Error(o.PathOf("action"), "unhandled action");  // unreachable: names were checked
  return std::nullopt;
}

}  // namespace

void ReadEvents(const JsonValue& v, const std::string& path, Scenario& s, Reporter& r) {
  std::size_t index = 0;
  if (v.is_array()) s.events.reserve(v.size);
  ForEachItem(v, path, r, [&](const JsonValue& item, const std::string& item_path) {
    const std::size_t i = index++;
    ObjectReader o(item, item_path, r, "an event");
    const auto at = o.Read("at", ReadTime, true);
    const JsonValue* action_value = o.Need("action");
    if (action_value == nullptr) return;  // the other keys depend on the action
    const auto name = ReadChoice(*action_value, o.PathOf("action"), r, "an action", ActionNames());
    if (!name) return;
    auto action = ReadAction(o, *name, at.value_or(core::Duration::Zero()));
    o.Finish();
    if (at && action) s.events.push_back(Event{*at, std::move(*action), i, item_path});
  });
  std::stable_sort(s.events.begin(), s.events.end(),
                   [](const Event& a, const Event& b) { return a.at < b.at; });
}

}  // namespace sim::scenario
