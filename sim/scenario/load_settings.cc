// The "igmp" and "pim" settings objects, and small readers shared by the typing passes.
#include <array>

#include "sim/scenario/load_internal.h"

namespace sim::scenario {
namespace {

constexpr std::array<std::string_view, 8> kRouterIgmpKeys = {"query_interval",
                                                             "query_response_interval",
                                                             "group_membership_interval",
                                                             "other_querier_present_interval",
                                                             "startup_query_interval",
                                                             "startup_query_count",
                                                             "last_member_query_interval",
                                                             "last_member_query_count"};

template <typename T, typename Fn>
void ReadSetting(ObjectReader& o, std::string_view key, Fn read, Setting<T>& out) {
  if (auto v = o.Read(key, read)) {
    out.value = static_cast<T>(*v);
    out.path = o.PathOf(key);
  }
}

void ReadRouterKeys(ObjectReader& o, IgmpSettings& s) {
  ReadSetting(o, "query_interval", ReadInterval, s.query_interval);
  ReadSetting(o, "query_response_interval", ReadInterval, s.query_response_interval);
  ReadSetting(o, "group_membership_interval", ReadInterval, s.group_membership_interval);
  ReadSetting(o, "other_querier_present_interval", ReadInterval, s.other_querier_present_interval);
  ReadSetting(o, "startup_query_interval", ReadInterval, s.startup_query_interval);
  ReadSetting(o, "startup_query_count", UintIn(1, 255), s.startup_query_count);
  ReadSetting(o, "last_member_query_interval", ReadInterval, s.last_member_query_interval);
  ReadSetting(o, "last_member_query_count", UintIn(1, 255), s.last_member_query_count);
}

}  // namespace

void ReadQuerierIgmpKeys(ObjectReader& o, IgmpSettings& s) {
  ReadSetting(o, "version", UintIn(1, 3), s.version);
  ReadSetting(o, "robustness", UintIn(1, 255), s.robustness);
  ReadRouterKeys(o, s);
  o.Misplaced("unsolicited_report_interval", "a host IGMP setting, not allowed on a querier");
}

IgmpSettings ReadIgmpSettings(const JsonValue& v, const std::string& path, Reporter& r,
                              IgmpRole role) {
  IgmpSettings s;
  ObjectReader o(v, path, r, "IGMP settings");
  ReadSetting(o, "version", UintIn(1, 3), s.version);
  if (s.version.value == 3) {
    // Refused rather than run as IGMPv2: a lesson on IGMPv3 must not show v2 frames unannounced.
    r.Error(s.version.path, NotBuilt("version 3", "IGMPv3 (RFC 3376)") + "; versions 1 and 2 run");
  }
  // RFC 2236 §8.1: "The Robustness Variable MUST NOT be zero".
  ReadSetting(o, "robustness", UintIn(1, 255), s.robustness);
  if (role == IgmpRole::kHost) {
    for (std::string_view key : kRouterIgmpKeys) {
      o.Misplaced(key, "a router IGMP setting, not allowed on a host");
    }
  } else {
    ReadRouterKeys(o, s);
  }
  if (role == IgmpRole::kRouter) {
    o.Misplaced("unsolicited_report_interval", "a host IGMP setting, not allowed on a router");
  } else {
    ReadSetting(o, "unsolicited_report_interval", ReadInterval, s.unsolicited_report_interval);
  }
  o.Finish();
  return s;
}

PimSettings ReadPimSettings(const JsonValue& v, const std::string& path, Reporter& r) {
  PimSettings s;
  ObjectReader o(v, path, r, "PIM settings");
  ReadSetting(o, "enabled", ReadBool, s.enabled);
  ReadSetting(o, "hello_period", ReadInterval, s.hello_period);
  ReadSetting(o, "hello_holdtime", ReadInterval, s.hello_holdtime);
  ReadSetting(o, "join_prune_period", ReadInterval, s.join_prune_period);
  ReadSetting(o, "join_prune_holdtime", ReadInterval, s.join_prune_holdtime);
  ReadSetting(o, "keepalive_period", ReadInterval, s.keepalive_period);
  ReadSetting(o, "register_suppression", ReadInterval, s.register_suppression);
  ReadSetting(o, "register_probe", ReadInterval, s.register_probe);
  if (auto choice =
          o.Read("spt_switchover", [](const JsonValue& j, const std::string& p, Reporter& rep) {
            return ReadChoice(j, p, rep, "an SPT switchover policy", {"immediate", "never"});
          })) {
    s.spt_switchover.value =
        *choice == "immediate" ? SptSwitchover::kImmediate : SptSwitchover::kNever;
    s.spt_switchover.path = o.PathOf("spt_switchover");
  }
  ReadSetting(o, "assert", ReadBool, s.assert_enabled);
  o.Finish();
  return s;
}

std::optional<std::optional<wire::Ipv4Address>> ReadSource(const JsonValue& v,
                                                           const std::string& path, Reporter& r) {
  if (v.is_string() && v.text() == "*") return std::optional<wire::Ipv4Address>();
  if (v.is_string()) {
    if (auto a = wire::Ipv4Address::Parse(v.text())) {
      return std::optional<wire::Ipv4Address>(*a);
    }
  }
  r.Bad(path, v, {"a source", "expected \"*\" or an IPv4 address"});
  return std::nullopt;
}

std::optional<std::vector<std::string>> ReadNames(const JsonValue& v, const std::string& path,
                                                  Reporter& r) {
  std::vector<std::string> names;
  bool ok = v.is_array();
  ForEachItem(v, path, r, [&](const JsonValue& item, const std::string& item_path) {
    if (auto n = ReadName(item, item_path, r)) {
      names.push_back(*n);
    } else {
      ok = false;
    }
  });
  if (!ok) return std::nullopt;
  return names;
}

core::StackProfile ReadProfile(ObjectReader& o, core::StackProfile inherited) {
  const auto choice = o.Read("profile", [](const JsonValue& j, const std::string& p, Reporter& rep) {
    return ReadChoice(j, p, rep, "a stack profile", {"rfc", "linux", "frr"});
  });
  if (!choice) return inherited;
  if (*choice == "linux") return core::StackProfile::kLinux;
  return *choice == "frr" ? core::StackProfile::kFrr : core::StackProfile::kRfc;
}

std::optional<std::string> ReadChoice(const JsonValue& v, const std::string& path, Reporter& r,
                                      std::string_view kind,
                                      const std::vector<std::string_view>& choices) {
  if (v.is_string()) {
    for (std::string_view c : choices) {
      if (c == v.text()) return std::string(v.text());
    }
    r.Error(path, Dump(v) + " is not " + std::string(kind) + SuggestionClause(v.text(), choices));
  } else {
    r.Error(path, Dump(v) + " is not " + std::string(kind) + " (expected a string)");
  }
  return std::nullopt;
}

}  // namespace sim::scenario
