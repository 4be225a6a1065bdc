// The list of protocols: the one place that names them all.
#include "sim/run/igmp_binding.h"
#include "sim/run/pim_binding.h"
#include "sim/run/protocol_binding.h"

namespace sim::run {

ProtocolBindings MakeProtocolBindings(const scenario::Scenario& s) {
  ProtocolBindings b;
  b.push_back(std::make_unique<IgmpBinding>(s));
  // After IGMP: PIM subscribes to the routers' IGMP membership.
  b.push_back(std::make_unique<PimBinding>(s));
  return b;
}

}  // namespace sim::run
