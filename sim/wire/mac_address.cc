#include "sim/wire/mac_address.h"

#include <cstddef>

#include "sim/core/hex_digit.h"

namespace sim::wire {

std::string ToString(const MacAddress& m) {
  // By hand rather than snprintf: topology.json of a large network lists thousands.
  const auto& o = m.octets();
  std::string out(17, ':');
  for (std::size_t i = 0; i < 6; ++i) {
    out[3 * i] = core::HexDigit(o[i] >> 4);
    out[3 * i + 1] = core::HexDigit(o[i]);
  }
  return out;
}

}  // namespace sim::wire
