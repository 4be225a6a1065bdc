#include "sim/wire/mac_address.h"

#include <cstddef>

namespace sim::wire {

std::string ToString(const MacAddress& m) {
  // By hand rather than snprintf: topology.json of a large network lists thousands.
  static constexpr char kHex[] = "0123456789abcdef";
  const auto& o = m.octets();
  std::string out(17, ':');
  for (std::size_t i = 0; i < 6; ++i) {
    out[3 * i] = kHex[o[i] >> 4];
    out[3 * i + 1] = kHex[o[i] & 0xf];
  }
  return out;
}

}  // namespace sim::wire
