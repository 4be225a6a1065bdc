#include "sim/wire/mac_address.h"

#include <cstdio>

namespace sim::wire {

std::string ToString(const MacAddress& m) {
  const auto& o = m.octets();
  char buf[18];
  std::snprintf(buf, sizeof buf, "%02x:%02x:%02x:%02x:%02x:%02x", o[0], o[1], o[2], o[3], o[4],
                o[5]);
  return buf;
}

}  // namespace sim::wire
