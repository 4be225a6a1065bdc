#include "sim/run/pim_binding.h"

#include "igmp/router_igmp.h"
#include "pim/pim_router.h"

namespace sim::run {
namespace {

// The router's PIM configuration with the interface's own switch and DR priority.
pim::Config ConfigOf(const pim::Config& router, const scenario::RouterInterface& i) {
  pim::Config c = router;
  c.enabled = router.enabled && i.pim;
  c.dr_priority = i.dr_priority;
  return c;
}

pim::RpSet RpSetOf(const scenario::Scenario& s) {
  std::vector<pim::RpEntry> entries;
  for (const auto& m : s.rps) entries.push_back({m.address, m.groups});
  return pim::RpSet(std::move(entries));
}

}  // namespace

void PimBinding::Attach(const scenario::Scenario& s, net::Network& network) {
  for (const scenario::Node& n : s.nodes) {
    const scenario::Router* r = n.router();
    if (r == nullptr || !r->pim.enabled) continue;
    auto& router = dynamic_cast<net::Router&>(*network.FindNode(n.name));
    auto& module = pim::PimRouter::Attach(
        router,
        [r](const net::Interface& i) -> std::optional<pim::Config> {
          for (const auto& spec : r->interfaces) {
            if (spec.name == i.name()) return ConfigOf(r->pim, spec);  // `enabled` says if it runs
          }
          return std::nullopt;
        },
        RpSetOf(s));
    if (auto* igmp = router.FindModule<igmp::RouterIgmp>()) {
      igmp->AddMembershipObserver([&module](net::Interface& i, wire::Ipv4Address g, bool present) {
        module.OnMembershipChanged(i, g, present);
      });
    }
  }
}

void PimBinding::ApplySet(const scenario::SetAction& a, net::Network& network, SetTraceFields& fields) {
  net::Node& node = *network.FindNode(a.node);
  auto* module = node.FindModule<pim::PimRouter>();
  if (module == nullptr) return;
  if (a.dr_priority) {
    for (const auto& i : node.interfaces()) {
      if (!a.interface || i->name() == *a.interface) module->SetDrPriority(*i, *a.dr_priority);
    }
  }
  if (a.pim_interface) {
    for (const auto& i : node.interfaces()) {
      if (!a.interface || i->name() == *a.interface) module->SetInterfaceEnabled(*i, *a.pim_interface);
    }
    fields.emplace_back("pim", *a.pim_interface ? "on" : "off");
  }
  if (a.pim) {
    const scenario::Router* spec = FindNode(scenario_, a.node)->router();
    auto [it, fresh] = settings_now_.try_emplace(a.node, spec->pim_settings);
    it->second = Merge(it->second, *a.pim);
    // Derived values follow the new inputs, as at load time (which checked them already).
    std::vector<scenario::LoadError> problems;
    scenario::PimConfig c = ResolvePim(it->second, &problems);
    c.profile = spec->pim.profile;  // a `set` changes timers, never the stack
    if (problems.empty()) module->Reconfigure(c);  // each interface keeps its own switch and DR priority
    fields.emplace_back("pim", "reconfigured");
  }
}

void PimBinding::DumpTables(const net::Node& node, std::string& out) const {
  const auto* module = node.FindModule<pim::PimRouter>();
  if (module == nullptr) return;
  out += "# show ip pim interface\n" + module->DumpInterfaces() + "# show ip pim neighbor\n" + module->DumpNeighbors() +
         "# show ip pim join\n" + module->DumpJoins() + "# show ip pim rp-mapping\n" + module->DumpRpMapping() +
         "# show ip pim assert\n" + module->DumpAsserts();
}

bool PimBinding::Evaluate(const scenario::Check& c, net::Network& network, Outcome& o) const {
  const auto* k = std::get_if<scenario::PimNeighborCheck>(&c);
  if (k == nullptr) return false;
  net::Node* node = network.FindNode(k->node);
  const auto* module = node->FindModule<pim::PimRouter>();
  const net::Interface* i = node->FindInterface(k->interface);
  const pim::HelloInterface* h = module == nullptr || i == nullptr ? nullptr : module->hello(*i);
  const std::string who = wire::ToString(k->neighbor);
  o.expected = who + (k->present ? " is a PIM neighbor" : " is not a PIM neighbor") + " on " + k->node + ":" + k->interface;
  if (k->dr) o.expected += *k->dr ? ", and the DR" : ", and not the DR";
  if (h == nullptr) {
    o.found = "PIM does not run on that interface";
    return true;
  }
  const bool present = h->IsNeighbor(k->neighbor);
  const bool dr = h->dr() == k->neighbor;
  o.found = who + (present ? " is a neighbor" : " is not a neighbor") + "; the DR is " + wire::ToString(h->dr());
  o.passed = present == k->present && (!k->dr || *k->dr == dr);
  return true;
}

}  // namespace sim::run
