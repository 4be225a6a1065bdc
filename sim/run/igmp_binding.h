// IGMP in a run: host membership on every host, the router side on every router interface,
// snooping (and its optional querier) on switches that ask for it; `set` of router IGMP
// settings; the IGMP tables of snapshots; the igmp_group, querier and snooping expectations.
#ifndef MCASTLAB_SIM_RUN_IGMP_BINDING_H_
#define MCASTLAB_SIM_RUN_IGMP_BINDING_H_

#include <map>
#include <string>
#include <utility>

#include "sim/run/protocol_binding.h"

namespace sim::run {

class IgmpBinding : public ProtocolBinding {
 public:
  explicit IgmpBinding(const scenario::Scenario& s) : scenario_(s) {}

  net::Node* AddNode(const scenario::Node& spec, net::Network& network) override;
  void Attach(const scenario::Scenario& s, net::Network& network) override;
  void ApplySet(const scenario::SetAction& set, net::Network& network, SetTraceFields& fields) override;
  void DumpTables(const net::Node& node, std::string& out) const override;
  bool Evaluate(const scenario::Check& check, net::Network& network, Outcome& o) const override;

 private:
  const scenario::Scenario& scenario_;
  // Router IGMP settings as they stand now, per (router, interface): each `set` merges over them.
  std::map<std::pair<std::string, std::string>, scenario::IgmpSettings> settings_now_;
};

}  // namespace sim::run

#endif  // MCASTLAB_SIM_RUN_IGMP_BINDING_H_
