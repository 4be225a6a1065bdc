// The IGMPv3 one-octet time codes: Max Resp Code (RFC 3376 §4.1.1, 1/10 s units) and QQIC
// (RFC 3376 §4.1.7, seconds). RFC 9776 §4.1.1 and §4.1.7 keep the same format.
//
// Both codes are linear below 128. From 128 up the octet is a small float,
//
//    0 1 2 3 4 5 6 7
//   +-+-+-+-+-+-+-+-+
//   |1| exp | mant  |     value = (mant | 0x10) << (exp + 3)
//   +-+-+-+-+-+-+-+-+
//
// which reaches 31744 units (0xff). The values grow strictly with the code, so every duration
// has one largest code not above it: the encoders round down to that code, and cap at 0xff.
// IGMPv1/v2 queries do not use this: their Max Resp Time is a plain count of 1/10 s (RFC 2236
// §2.2), which the IgmpQuery codec handles.
#ifndef MCASTLAB_SIM_WIRE_IGMP_CODES_H_
#define MCASTLAB_SIM_WIRE_IGMP_CODES_H_

#include <cstdint>

#include "sim/core/time.h"

namespace sim::wire {

// Largest value of either code, in its own units: (0x0f | 0x10) << (7 + 3).
inline constexpr std::int64_t kIgmpMaxCodedUnits = 31744;

// Max Resp Code <-> time, in 1/10 s. Durations below zero encode as 0.
std::uint8_t EncodeMaxRespCode(core::Duration t);
core::Duration DecodeMaxRespCode(std::uint8_t code);

// Querier's Query Interval Code <-> time, in seconds. Durations below zero encode as 0.
std::uint8_t EncodeQqic(core::Duration t);
core::Duration DecodeQqic(std::uint8_t code);

}  // namespace sim::wire

#endif  // MCASTLAB_SIM_WIRE_IGMP_CODES_H_
