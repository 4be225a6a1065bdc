// Internal to the IGMP codec (include sim/wire/igmp.h instead): the IGMPv3 Membership Query
// and Membership Report of RFC 3376 §4.1 and §4.2, which igmp.cc dispatches to, and the checks
// both files share.
#ifndef MCASTLAB_SIM_WIRE_IGMPV3_H_
#define MCASTLAB_SIM_WIRE_IGMPV3_H_

#include <optional>

#include "sim/wire/checksum.h"
#include "sim/wire/igmp.h"

namespace sim::wire::igmp_internal {

// RFC 2236 §2.3, RFC 3376 §4.1.2 and §4.2.2: the checksum covers "the whole IGMP message (the
// entire IP payload)" and "MUST be verified before processing".
inline std::optional<ParseError> VerifyChecksum(ByteSpan bytes) {
  if (ChecksumVerifies(bytes)) return std::nullopt;
  return ParseError{ParseErrorCode::kBadChecksum, igmp_field::kChecksum, "igmp checksum"};
}

// A query names no group (general) or one multicast group (RFC 3376 §4.1.3, RFC 2236 §2.4).
inline bool IsQueryGroup(Ipv4Address group) {
  return group.is_unspecified() || group.is_multicast();
}

// `bytes` holds at least kIgmpV3QueryMinLen octets and starts with type 0x11.
Expected<IgmpMessage> ParseV3Query(ByteSpan bytes);
// `bytes` holds at least kIgmpHeaderLen octets and starts with type 0x22.
Expected<IgmpMessage> ParseV3Report(ByteSpan bytes);

std::size_t V3QueryLen(const IgmpV3Query& q);
std::size_t V3ReportLen(const IgmpV3Report& r);

// Write the message with a zero checksum field; Emit fills the checksum in afterwards.
void WriteV3Query(const IgmpV3Query& q, ByteWriter& w);
void WriteV3Report(const IgmpV3Report& r, ByteWriter& w);

std::string V3QueryToString(const IgmpV3Query& q);
std::string V3ReportToString(const IgmpV3Report& r);

}  // namespace sim::wire::igmp_internal

#endif  // MCASTLAB_SIM_WIRE_IGMPV3_H_
