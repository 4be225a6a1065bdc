// PIM-SM in a run: on every router whose `pim.enabled` holds, on the interfaces with `pim`
// true, with the scenario's static RPs; IGMP membership feeds it (local_receiver_include);
// `set` of `dr_priority`; the `show ip pim` tables of snapshots; the pim_neighbor expectation.
#ifndef MCASTLAB_SIM_RUN_PIM_BINDING_H_
#define MCASTLAB_SIM_RUN_PIM_BINDING_H_

#include <map>
#include <string>

#include "sim/run/protocol_binding.h"

namespace sim::run {

class PimBinding : public ProtocolBinding {
 public:
  explicit PimBinding(const scenario::Scenario& s) : scenario_(s) {}

  void Attach(const scenario::Scenario& s, net::Network& network) override;
  void ApplySet(const scenario::SetAction& set, net::Network& network, SetTraceFields& fields) override;
  void DumpTables(const net::Node& node, std::string& out) const override;
  bool Evaluate(const scenario::Check& check, net::Network& network, Outcome& o) const override;

 private:
  const scenario::Scenario& scenario_;
  // Router PIM settings as they stand now: each `set` merges over them.
  std::map<std::string, scenario::PimSettings> settings_now_;
};

}  // namespace sim::run

#endif  // MCASTLAB_SIM_RUN_PIM_BINDING_H_
