// One lower-case hex digit, for the text formatted by hand where snprintf was too slow (MAC
// addresses, PIM Generation IDs).
#ifndef MCASTLAB_SIM_WIRE_HEX_DIGIT_H_
#define MCASTLAB_SIM_WIRE_HEX_DIGIT_H_

#include <cstdint>

namespace sim::wire {

// The digit of the low four bits of `v`.
constexpr char HexDigit(std::uint32_t v) { return "0123456789abcdef"[v & 0xf]; }

}  // namespace sim::wire

#endif  // MCASTLAB_SIM_WIRE_HEX_DIGIT_H_
