// PIM Register and Register-Stop (RFC 7761 §4.9.3, §4.9.4).
//
// A Register carries the B (Border) and N (Null-Register) bits and then the whole inner IPv4
// packet; its checksum covers only the first 8 bytes (pim_common.h). The inner packet is kept
// as bytes, but parsing checks its shape the way a decapsulating RP must (version 4, a header
// length of at least 20, a total length equal to the bytes carried), so a cut-short Register
// never parses. The inner header checksum is not checked: a Null-Register's dummy header is
// only a placeholder for the (S,G) it names.
//
// A Register-Stop names the group and the source (0.0.0.0 = any source) to stop registering.
#ifndef MCASTLAB_SIM_WIRE_PIM_REGISTER_H_
#define MCASTLAB_SIM_WIRE_PIM_REGISTER_H_

#include <cstdint>
#include <string>

#include "sim/wire/bytes.h"
#include "sim/wire/ipv4_address.h"
#include "sim/wire/parse_error.h"
#include "sim/wire/pim_common.h"

namespace sim::wire {

namespace pim_register_field {
inline constexpr std::size_t kFlags = 4;  // B(1) | N(1) | Reserved2(30)
inline constexpr std::size_t kInnerPacket = 8;
}  // namespace pim_register_field

namespace pim_register_stop_field {
inline constexpr std::size_t kGroup = 4;    // Encoded-Group
inline constexpr std::size_t kSource = 12;  // Encoded-Unicast
inline constexpr std::size_t kEnd = 18;
}  // namespace pim_register_stop_field

inline constexpr std::uint32_t kPimRegisterBorderBit = 0x80000000;
inline constexpr std::uint32_t kPimRegisterNullBit = 0x40000000;

struct PimRegister {
  bool border = false;
  bool null_register = false;
  Bytes inner_packet;  // the whole inner IPv4 packet (for a Null-Register, a dummy header)
  friend bool operator==(const PimRegister&, const PimRegister&) = default;
};

struct PimRegisterStop {
  EncodedGroup group;
  Ipv4Address source;  // 0.0.0.0 = any source
  friend bool operator==(const PimRegisterStop&, const PimRegisterStop&) = default;
};

// `message` is the whole PIM message; ParsePim has checked its common header and checks the
// checksum. Offsets in errors count from the start of `message`.
Expected<PimRegister> ParsePimRegister(ByteSpan message);
Expected<PimRegisterStop> ParsePimRegisterStop(ByteSpan message);

std::size_t BufferLen(const PimRegister& r);
std::size_t BufferLen(const PimRegisterStop& r);
// Emits the inner packet as given; the checksum covers the first 8 bytes (RFC 7761 §4.9.3).
void Emit(const PimRegister& r, MutableByteSpan out);
void Emit(const PimRegisterStop& r, MutableByteSpan out);

// "pim register null inner ip 10.0.0.5 > 239.1.1.1 proto 17 ttl 63 (20 bytes)"
std::string ToString(const PimRegister& r);
// "pim register-stop 239.1.1.1/32 source 10.0.0.5" ("source *" for any source)
std::string ToString(const PimRegisterStop& r);

}  // namespace sim::wire

#endif  // MCASTLAB_SIM_WIRE_PIM_REGISTER_H_
