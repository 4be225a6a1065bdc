#include "pim/join_ports.h"

namespace pim {

std::string ToString(const JoinKey& key) {
  const std::string source = key.source ? sim::wire::ToString(*key.source) : "*";
  return "(" + source + "," + sim::wire::ToString(key.group) + ")";
}

}  // namespace pim
