// The list of protocols: the one place that names them all.
#include "sim/run/igmp_binding.h"
#include "sim/run/protocol_binding.h"

namespace sim::run {

ProtocolBindings MakeProtocolBindings(const scenario::Scenario& s) {
  ProtocolBindings b;
  b.push_back(std::make_unique<IgmpBinding>(s));
  return b;
}

}  // namespace sim::run
