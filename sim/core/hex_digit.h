// One lower-case hex digit, for the text formatted by hand where snprintf was too slow (MAC
// addresses, PIM Generation IDs, JSON's \u00XX escapes).
#ifndef MCASTLAB_SIM_CORE_HEX_DIGIT_H_
#define MCASTLAB_SIM_CORE_HEX_DIGIT_H_

#include <cstdint>

namespace sim::core {

// The digit of the low four bits of `v`.
constexpr char HexDigit(std::uint32_t v) { return "0123456789abcdef"[v & 0xf]; }

}  // namespace sim::core

#endif  // MCASTLAB_SIM_CORE_HEX_DIGIT_H_
