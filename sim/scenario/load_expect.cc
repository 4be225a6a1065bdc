// The "expect" array. An item gives a time and exactly one kind, in either of two forms:
//   nested: {"at": "30s", "received": {"node": "H2", "min": 1}}
//   flat:   {"at": "30s", "kind": "received", "node": "H2", "min": 1}
// The kind's keys are read from the nested object or from the item itself.
#include "sim/scenario/load_internal.h"

namespace sim::scenario {
namespace {

std::string NeedName(ObjectReader& o, std::string_view key) {
  return o.Read(key, ReadName, true).value_or("");
}

wire::Ipv4Address NeedGroup(ObjectReader& o) {
  return o.Read("group", Parsed(ParseGroup), true).value_or(wire::Ipv4Address());
}

bool NeedBool(ObjectReader& o, std::string_view key) {
  return o.Read(key, ReadBool, true).value_or(false);
}

// min/max of a count; neither means "at least one".
void ReadCountRange(ObjectReader& o, std::uint64_t& min, std::optional<std::uint64_t>& max) {
  const auto given_min = o.Read("min", UintIn(0, UINT64_MAX));
  max = o.Read("max", UintIn(0, UINT64_MAX));
  min = given_min.value_or(max ? 0 : 1);
  if (given_min && max && *given_min > *max) {
    o.reporter().Error(o.PathOf("max"), "max " + std::to_string(*max) + " is less than min " +
                                            std::to_string(*given_min));
  }
}

ReceivedCheck ReadReceived(ObjectReader& o) {
  ReceivedCheck c;
  c.node = NeedName(o, "node");
  c.socket = o.Read("socket", ReadName);
  c.group = o.Read("group", Parsed(ParseGroup));
  c.source = o.Read("source", Parsed(ParseAddress));
  ReadCountRange(o, c.min, c.max);
  return c;
}

MrouteCheck ReadMroute(ObjectReader& o) {
  MrouteCheck c;
  c.node = NeedName(o, "node");
  if (auto s = o.Read("source", ReadSource, true)) c.source = *s;
  c.group = NeedGroup(o);
  c.iif = o.Read("iif", ReadName);
  c.oifs = o.Read("oifs", ReadNames);
  c.absent = o.Read("absent", ReadBool).value_or(false);
  if (c.absent && (o.Get("iif") != nullptr || o.Get("oifs") != nullptr)) {
    o.reporter().Error(o.PathOf("absent"), "an absent route has no iif or oifs to check");
  }
  return c;
}

// What a packet type's sender needs, when the build has none.
std::optional<std::string_view> UnbuiltSender(PacketType t) {
  if (t == PacketType::kIgmpReportV3) return "IGMPv3 (RFC 3376)";
  return std::nullopt;
}

PacketsCheck ReadPackets(ObjectReader& o) {
  PacketsCheck c;
  c.link = NeedName(o, "link");
  const auto type = o.Read(
      "type",
      [](const JsonValue& v, const std::string& p, Reporter& r) {
        return ReadChoice(v, p, r, "a packet type", PacketTypeNames());
      },
      true);
  if (type) {
    c.type = *PacketTypeFromString(*type);
    // Counting frames no node can send would pass or fail for a reason the file does not show.
    if (auto needs = UnbuiltSender(c.type)) {
      o.reporter().Error(o.PathOf("type"), NotBuilt(Dump(*o.Get("type")), *needs) + ": no node sends it");
    }
  }
  c.group = o.Read("group", Parsed(ParseGroup));
  ReadCountRange(o, c.min, c.max);
  return c;
}

Check ReadCheck(ObjectReader& o, std::string_view kind) {
  if (kind == "received") return ReadReceived(o);
  if (kind == "mroute") return ReadMroute(o);
  if (kind == "igmp_group") {
    IgmpGroupCheck c{NeedName(o, "node"), NeedName(o, "interface"), NeedGroup(o), true};
    c.present = NeedBool(o, "present");
    return c;
  }
  if (kind == "querier") {
    QuerierCheck c{NeedName(o, "node"), NeedName(o, "interface"), true};
    c.is_querier = NeedBool(o, "is");
    return c;
  }
  if (kind == "pim_neighbor") {
    PimNeighborCheck c{NeedName(o, "node"), NeedName(o, "interface"), {}, true, std::nullopt};
    if (auto n = o.Read("neighbor", Parsed(ParseAddress), true)) c.neighbor = *n;
    c.present = o.Read("present", ReadBool).value_or(true);
    c.dr = o.Read("dr", ReadBool);
    return c;
  }
  if (kind == "packets") return ReadPackets(o);
  if (kind == "socket_error") {
    SocketErrorCheck c{NeedName(o, "node"), NeedName(o, "socket"),
                       SocketErrorCode::kConnectionRefused};
    o.Read(
        "error",
        [](const JsonValue& v, const std::string& p, Reporter& r) {
          return ReadChoice(v, p, r, "a socket error", {"ECONNREFUSED"});
        },
        true);
    return c;
  }
  SnoopingCheck c{NeedName(o, "node"), NeedGroup(o), {}};
  if (auto ports = o.Read("ports", ReadNames, true)) c.ports = *ports;
  return c;
}

// The kinds an item names: the value of "kind" and every member named after a kind.
std::vector<std::string> KindsNamed(const JsonValue& item) {
  std::vector<std::string> kinds;
  for (const JsonValue& m : item.children()) {
    if (!item.is_object()) break;
    if (m.key() == "kind") {
      kinds.push_back(m.is_string() ? std::string(m.text()) : "kind");
    } else {
      for (std::string_view k : CheckKindNames()) {
        if (m.key() == k) kinds.emplace_back(m.key());
      }
    }
  }
  return kinds;
}

std::optional<Check> ReadKind(ObjectReader& o, const JsonValue& item, std::string& check_path) {
  Reporter& r = o.reporter();
  const std::vector<std::string> kinds = KindsNamed(item);
  if (kinds.empty()) {
    r.Error(o.path(),
            "missing the kind of check: a key \"received\", \"mroute\", ... or "
            "\"kind\": \"received\"");
    return std::nullopt;
  }
  if (kinds.size() > 1) {
    r.Error(o.path(), "two kinds (\"" + kinds[0] + "\" and \"" + kinds[1] +
                          "\"); an expectation checks exactly one");
    return std::nullopt;
  }
  if (const JsonValue* flat = o.Get("kind")) {
    const auto kind =
        ReadChoice(*flat, o.PathOf("kind"), r, "an expectation kind", CheckKindNames());
    if (!kind) return std::nullopt;
    check_path = o.path();
    return ReadCheck(o, *kind);
  }
  const JsonValue* nested = o.Get(kinds[0]);
  check_path = o.PathOf(kinds[0]);
  ObjectReader k(*nested, check_path, r, "a check");
  Check check = ReadCheck(k, kinds[0]);
  k.Finish();
  return check;
}

}  // namespace

void ReadExpectations(const JsonValue& v, const std::string& path, Scenario& s, Reporter& r) {
  std::size_t index = 0;
  ForEachItem(v, path, r, [&](const JsonValue& item, const std::string& item_path) {
    const std::size_t i = index++;
    ObjectReader o(item, item_path, r, "an expectation");
    if (!o.valid()) return;
    Expectation e;
    e.at = o.Read("at", ReadTime);
    const auto from = o.Read("from", ReadTime);
    const auto until = o.Read("until", ReadTime);
    if (e.at && (o.Get("from") != nullptr || o.Get("until") != nullptr)) {
      r.Error(o.PathOf("at"), "give either at or from/until, not both");
    }
    e.from = e.at.value_or(from.value_or(core::Duration::Zero()));
    e.until = e.at.value_or(until.value_or(s.duration));
    if (from && until && *from > *until) {
      r.Error(o.PathOf("until"),
              "until " + core::ToString(*until) + " is before from " + core::ToString(*from));
    }
    auto check = ReadKind(o, item, e.check_path);
    if (!check) return;  // the remaining keys cannot be judged without a kind
    o.Finish();
    e.check = std::move(*check);
    e.index = i;
    e.json_path = item_path;
    s.expectations.push_back(std::move(e));
  });
}

}  // namespace sim::scenario
