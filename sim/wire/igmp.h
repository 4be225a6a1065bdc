// IGMP messages (IP protocol 2): IGMPv1 (RFC 1112 app. I), IGMPv2 (RFC 2236 §2) and IGMPv3
// (RFC 3376 §4, revised as RFC 9776). The codec covers the IGMP message only, i.e. exactly the
// IP payload; the IPv4 header (TTL 1, Router Alert) is the ipv4 codec's business.
//
// One parser serves all versions. A Membership Query's version comes from its length
// (RFC 3376 §7.1): 8 octets is IGMPv1/v2 (IgmpQuery; Max Resp Time 0 marks IGMPv1), 12 or more
// is IGMPv3 (IgmpV3Query), anything between is rejected. The checksum always covers the whole
// message, trailing octets included (RFC 2236 §2.3, RFC 3376 §4.1.2).
//
// Receive rules chosen here, each quoted at the code that applies it:
// - v1/v2 reports and leaves may be longer than 8 octets; the extra octets are checksummed and
//   otherwise ignored (RFC 2236 §2.5).
// - A v3 query may carry octets after its source list; they are checksummed and otherwise
//   ignored (RFC 3376 §4.1.10).
// - Octets after a v3 report's last group record are checksummed and otherwise ignored
//   (RFC 3376 §4.2.11); our own emitter never writes them.
// - Group record types outside 1..6 are kept (the enum holds the raw octet); RFC 3376 §4.2.12
//   has receivers ignore such records, which is the protocol layer's job.
// - The group of a report, a leave or a v3 group record must be multicast; the group of a
//   query must be zero or multicast; a v3 general query may not list sources (RFC 3376 §4.1.8).
//
// Emit writes every octet (reserved and flag bits as zero) and the checksum. It throws
// std::invalid_argument for a message the parser would reject or that the wire cannot carry
// exactly (a time the field cannot represent, a count over 65535, aux data not in whole words),
// and std::length_error when the buffer is shorter than BufferLen.
#ifndef MCASTLAB_SIM_WIRE_IGMP_H_
#define MCASTLAB_SIM_WIRE_IGMP_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "sim/core/time.h"
#include "sim/wire/bytes.h"
#include "sim/wire/igmp_codes.h"
#include "sim/wire/ipv4_address.h"
#include "sim/wire/parse_error.h"

namespace sim::wire {

enum class IgmpType : std::uint8_t {
  kMembershipQuery = 0x11,
  kV1MembershipReport = 0x12,
  kV2MembershipReport = 0x16,
  kLeaveGroup = 0x17,
  kV3MembershipReport = 0x22,
};

inline constexpr std::size_t kIgmpHeaderLen = 8;       // every IGMP message starts with 8 octets
inline constexpr std::size_t kIgmpV3QueryMinLen = 12;  // RFC 3376 §7.1
inline constexpr std::size_t kIgmpGroupRecordMinLen = 8;

// Offsets from the start of the IGMP message.
namespace igmp_field {
inline constexpr std::size_t kType = 0;
inline constexpr std::size_t kMaxRespCode = 1;  // v1 "Unused"; reports and leaves: zero
inline constexpr std::size_t kChecksum = 2;
inline constexpr std::size_t kGroup = 4;  // queries, v1/v2 reports, leaves
// IGMPv3 query (RFC 3376 §4.1).
inline constexpr std::size_t kFlagsSQrv = 8;  // Flags(4, RFC 9776 §4.1.4) | S(1) | QRV(3)
inline constexpr std::size_t kQqic = 9;
inline constexpr std::size_t kQueryNumberOfSources = 10;
inline constexpr std::size_t kQuerySources = 12;
// IGMPv3 report (RFC 3376 §4.2).
inline constexpr std::size_t kReportFlags =
    4;  // "Reserved" in RFC 3376, "Flags" in RFC 9776 §4.2.3
inline constexpr std::size_t kNumberOfGroupRecords = 6;
inline constexpr std::size_t kGroupRecords = 8;
}  // namespace igmp_field

// Offsets from the start of one IGMPv3 group record (RFC 3376 §4.2.4).
namespace igmp_record_field {
inline constexpr std::size_t kRecordType = 0;
inline constexpr std::size_t kAuxDataLen = 1;  // in 32-bit words
inline constexpr std::size_t kNumberOfSources = 2;
inline constexpr std::size_t kGroup = 4;
inline constexpr std::size_t kSources = 8;
}  // namespace igmp_record_field

// IGMPv1/v2 Membership Query, 8 octets. max_resp_time zero = an IGMPv1 query (RFC 2236 §4).
// group zero = general query. The time travels in 1/10 s units, so it must be a multiple of
// 100 ms and at most 25.5 s.
struct IgmpQuery {
  core::Duration max_resp_time;
  Ipv4Address group;
  friend bool operator==(const IgmpQuery&, const IgmpQuery&) = default;
};

// IGMPv3 Membership Query (RFC 3376 §4.1). Both times must be exactly representable by their
// codes (round with DecodeMaxRespCode(EncodeMaxRespCode(t)) first if need be). A robustness
// over 7 is sent as QRV 0, as RFC 3376 §4.1.6 says, and so parses back as 0.
struct IgmpV3Query {
  core::Duration max_resp_time;
  Ipv4Address group;                        // zero = general query
  bool suppress_router_processing = false;  // the S flag
  std::uint8_t robustness = 2;              // QRV, 0..7
  core::Duration query_interval;            // QQIC
  std::vector<Ipv4Address> sources;
  friend bool operator==(const IgmpV3Query&, const IgmpV3Query&) = default;
};

struct IgmpV1Report {
  Ipv4Address group;
  friend bool operator==(const IgmpV1Report&, const IgmpV1Report&) = default;
};

struct IgmpV2Report {
  Ipv4Address group;
  friend bool operator==(const IgmpV2Report&, const IgmpV2Report&) = default;
};

struct IgmpLeave {
  Ipv4Address group;
  friend bool operator==(const IgmpLeave&, const IgmpLeave&) = default;
};

// RFC 3376 §4.2.12.
enum class IgmpRecordType : std::uint8_t {
  kModeIsInclude = 1,
  kModeIsExclude = 2,
  kChangeToInclude = 3,
  kChangeToExclude = 4,
  kAllowNewSources = 5,
  kBlockOldSources = 6,
};

// One group record of an IGMPv3 report. aux_data is a whole number of 32-bit words (its
// length field counts words); RFC 3376 §4.2.10 says senders include none.
struct IgmpGroupRecord {
  IgmpRecordType type = IgmpRecordType::kModeIsInclude;
  Ipv4Address group;
  std::vector<Ipv4Address> sources;
  Bytes aux_data;
  friend bool operator==(const IgmpGroupRecord&, const IgmpGroupRecord&) = default;
};

struct IgmpV3Report {
  std::vector<IgmpGroupRecord> records;
  friend bool operator==(const IgmpV3Report&, const IgmpV3Report&) = default;
};

using IgmpMessage =
    std::variant<IgmpQuery, IgmpV3Query, IgmpV1Report, IgmpV2Report, IgmpLeave, IgmpV3Report>;

// `bytes` is the IP payload exactly (IPv4 total length minus header length).
Expected<IgmpMessage> ParseIgmp(ByteSpan bytes);
std::size_t BufferLen(const IgmpMessage& m);
// Writes BufferLen(m) octets at the start of `out`.
void Emit(const IgmpMessage& m, MutableByteSpan out);
IgmpType TypeOf(const IgmpMessage& m);

// "igmp v2 report 239.1.1.1", "igmp query general max-resp 10s", "igmp leave 239.1.1.1".
std::string ToString(const IgmpMessage& m);
// "to-ex 239.1.1.1 {}", "allow 232.1.1.1 {10.0.0.1, 10.0.0.2}".
std::string ToString(const IgmpGroupRecord& r);

}  // namespace sim::wire

#endif  // MCASTLAB_SIM_WIRE_IGMP_H_
