// The "nodes" array: hosts, routers and switches, with their configurations resolved.
//
// IGMP settings merge defaults -> node -> interface (routers) or defaults -> node (hosts), PIM
// settings defaults -> node; the merged settings are then resolved (config.h), so that derived
// timers follow the nearest given inputs.
#include <array>

#include "sim/scenario/load_internal.h"

namespace sim::scenario {
namespace {

constexpr std::array<std::string_view, 3> kSwitchOnlyKeys = {"igmp_snooping", "querier",
                                                             "fast_leave"};

void Resolved(std::vector<LoadError>& problems, Reporter& r) {
  for (LoadError& e : problems) r.Error(std::move(e.path), std::move(e.message));
}

// Keys of the other node types, reported as misplaced rather than unknown.
void MarkOtherTypesKeys(ObjectReader& o, NodeType type) {
  const std::string here = "not allowed on a " + std::string(ToString(type));
  if (type != NodeType::kSwitch) {
    o.Misplaced("ports", "a switch key, " + here);
    for (std::string_view k : kSwitchOnlyKeys) o.Misplaced(k, "a switch key, " + here);
  } else {
    o.Misplaced("interfaces", "a switch has ports, not interfaces");
    o.Misplaced("igmp", "a host or router key, " + here + " (see igmp_snooping)");
  }
  if (type != NodeType::kRouter) {
    o.Misplaced("pim", "a router key, " + here);
    o.Misplaced("static_mroutes", "a router key, " + here);
  }
}

Host ReadHost(ObjectReader& o, const Scenario& s, core::StackProfile node_profile) {
  Host h;
  Reporter& r = o.reporter();
  if (const JsonValue* list = o.Get("interfaces")) {
    ForEachItem(*list, o.PathOf("interfaces"), r, [&](const JsonValue& v, const std::string& p) {
      ObjectReader i(v, p, r, "an interface");
      HostInterface hi;
      if (auto n = i.Read("name", ReadName, true)) hi.name = *n;
      if (auto a = i.Read("address", Parsed(ParseInterfacePrefix), true)) hi.address = *a;
      hi.gateway = i.Read("gateway", Parsed(ParseAddress));
      hi.profile = ReadProfile(i, node_profile);
      for (std::string_view k : {"cost", "igmp", "pim", "dr_priority"}) {
        i.Misplaced(k, "a router interface key, not allowed on a host");
      }
      i.Finish();
      h.interfaces.push_back(std::move(hi));
    });
  }
  IgmpSettings own;
  if (const JsonValue* v = o.Get("igmp")) {
    own = ReadIgmpSettings(*v, o.PathOf("igmp"), r, IgmpRole::kHost);
  }
  h.igmp_settings = Merge(s.default_igmp, own);
  h.igmp = ResolveHostIgmp(h.igmp_settings);
  h.igmp.profile = node_profile;  // an interface's own profile replaces it there (igmp_binding.cc)
  return h;
}

std::optional<StaticMroute> ReadStaticMroute(const JsonValue& v, const std::string& path,
                                             Reporter& r) {
  ObjectReader o(v, path, r, "a static mroute");
  StaticMroute m;
  bool ok = o.valid();
  if (const JsonValue* src = o.Get("source")) {
    if (auto parsed = ReadSource(*src, o.PathOf("source"), r)) m.source = *parsed;
  }
  if (auto g = o.Read("group", Parsed(ParseGroup), true)) {
    m.group = *g;
  } else {
    ok = false;
  }
  if (auto n = o.Read("iif", ReadName, true)) {
    m.iif = *n;
  } else {
    ok = false;
  }
  if (auto oifs = o.Read("oifs", ReadNames)) m.oifs = *oifs;
  o.Finish();
  if (!ok) return std::nullopt;
  return m;
}

RouterInterface ReadRouterInterface(const JsonValue& v, const std::string& path, Reporter& r,
                                    const IgmpSettings& node_igmp, core::StackProfile node_profile) {
  ObjectReader i(v, path, r, "an interface");
  RouterInterface ri;
  if (auto n = i.Read("name", ReadName, true)) ri.name = *n;
  if (auto a = i.Read("address", Parsed(ParseInterfacePrefix), true)) ri.address = *a;
  if (auto c = i.Read("cost", UintIn(1, UINT32_MAX))) ri.cost = static_cast<std::uint32_t>(*c);
  IgmpSettings own;
  if (const JsonValue* igmp = i.Get("igmp")) {
    own = ReadIgmpSettings(*igmp, i.PathOf("igmp"), r, IgmpRole::kRouter);
  }
  if (auto p = i.Read("pim", ReadBool)) ri.pim = *p;
  if (auto d = i.Read("dr_priority", UintIn(0, UINT32_MAX))) {
    ri.dr_priority = static_cast<std::uint32_t>(*d);
  }
  i.Misplaced("gateway", "a host interface key, not allowed on a router");
  ri.profile = ReadProfile(i, node_profile);
  i.Finish();
  ri.igmp_settings = Merge(node_igmp, own);
  std::vector<LoadError> problems;
  ri.igmp = ResolveRouterIgmp(ri.igmp_settings, &problems);
  // The kernel has no IGMP router side (a daemon such as FRR's is the querier), so only frr
  // changes a router's IGMP.
  ri.igmp.profile = ri.profile == core::StackProfile::kFrr ? ri.profile : core::StackProfile::kRfc;
  Resolved(problems, r);
  return ri;
}

Router ReadRouter(ObjectReader& o, const Scenario& s, core::StackProfile node_profile) {
  Router router;
  Reporter& r = o.reporter();
  IgmpSettings node_igmp;
  if (const JsonValue* v = o.Get("igmp")) {
    node_igmp = ReadIgmpSettings(*v, o.PathOf("igmp"), r, IgmpRole::kRouter);
  }
  node_igmp = Merge(s.default_igmp, node_igmp);
  if (const JsonValue* list = o.Get("interfaces")) {
    ForEachItem(*list, o.PathOf("interfaces"), r, [&](const JsonValue& v, const std::string& p) {
      router.interfaces.push_back(ReadRouterInterface(v, p, r, node_igmp, node_profile));
    });
  }
  PimSettings own_pim;
  if (const JsonValue* v = o.Get("pim")) own_pim = ReadPimSettings(*v, o.PathOf("pim"), r);
  router.pim_settings = Merge(s.default_pim, own_pim);
  std::vector<LoadError> problems;
  router.pim = ResolvePim(router.pim_settings, &problems);
  router.pim.profile = node_profile;
  Resolved(problems, r);
  if (const JsonValue* list = o.Get("static_mroutes")) {
    ForEachItem(*list, o.PathOf("static_mroutes"), r,
                [&](const JsonValue& v, const std::string& p) {
                  if (auto m = ReadStaticMroute(v, p, r)) router.static_mroutes.push_back(*m);
                });
  }
  return router;
}

Switch ReadSwitch(ObjectReader& o, core::StackProfile node_profile) {
  Switch sw;
  Reporter& r = o.reporter();
  if (const JsonValue* ports = o.Get("ports")) {
    const std::string path = o.PathOf("ports");
    if (ports->is_number()) {
      // A number N names the ports p1..pN; 4096 keeps a typo from allocating millions.
      if (auto n = ReadUint(*ports, path, r, 1, 4096)) {
        for (std::uint64_t k = 1; k <= *n; ++k) sw.ports.push_back("p" + std::to_string(k));
      }
    } else if (ports->is_array()) {
      if (auto names = ReadNames(*ports, path, r)) sw.ports = *names;
    } else {
      r.Error(path, Dump(*ports) + " is not a port list (expected a number or an array of names)");
    }
  }
  if (auto b = o.Read("igmp_snooping", ReadBool)) sw.igmp_snooping = *b;
  if (const JsonValue* q = o.Get("querier")) {
    ObjectReader qo(*q, o.PathOf("querier"), r, "a snooping querier");
    auto address = qo.Read("address", Parsed(ParseAddress), true);
    // The querier's own timers, with the router's keys, derivations and RFC defaults. The
    // scenario's defaults.igmp does not reach it: a switch is configured on its own.
    IgmpSettings settings;
    ReadQuerierIgmpKeys(qo, settings);
    qo.Finish();
    std::vector<LoadError> problems;
    RouterIgmpConfig config = ResolveRouterIgmp(settings, &problems);
    // A switch's querier is the Linux bridge's under linux; frr names no switch.
    config.profile = node_profile == core::StackProfile::kLinux ? node_profile : core::StackProfile::kRfc;
    Resolved(problems, r);
    if (address) sw.querier = SnoopingQuerier{*address, std::move(config), std::move(settings)};
  }
  if (auto b = o.Read("fast_leave", ReadBool)) sw.fast_leave = *b;
  return sw;
}

void ReadNode(const JsonValue& v, const std::string& path, Scenario& s, Reporter& r) {
  ObjectReader o(v, path, r, "a node");
  Node node;
  if (auto n = o.Read("name", ReadName, true)) node.name = *n;
  const JsonValue* type_value = o.Need("type");
  if (type_value == nullptr) return;  // the keys cannot be judged without a type
  const auto type =
      ReadChoice(*type_value, o.PathOf("type"), r, "a node type", {"host", "router", "switch"});
  if (!type) return;
  node.profile = ReadProfile(o, s.profile);
  if (*type == "host") {
    node.kind = ReadHost(o, s, node.profile);
    MarkOtherTypesKeys(o, NodeType::kHost);
  } else if (*type == "router") {
    node.kind = ReadRouter(o, s, node.profile);
    MarkOtherTypesKeys(o, NodeType::kRouter);
  } else {
    node.kind = ReadSwitch(o, node.profile);
    MarkOtherTypesKeys(o, NodeType::kSwitch);
  }
  if (auto state = o.Read("state", [](const JsonValue& j, const std::string& p, Reporter& rep) {
        return ReadChoice(j, p, rep, "a node state", {"down", "up"});
      })) {
    node.initial_state = *state == "down" ? UpDown::kDown : UpDown::kUp;
  }
  o.Finish();
  s.nodes.push_back(std::move(node));
}

}  // namespace

void ReadNodes(const JsonValue& v, const std::string& path, Scenario& s, Reporter& r) {
  if (v.is_array()) s.nodes.reserve(v.size);
  ForEachItem(v, path, r, [&](const JsonValue& item, const std::string& item_path) {
    ReadNode(item, item_path, s, r);
  });
}

}  // namespace sim::scenario
