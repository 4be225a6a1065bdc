// IGMP entry points and the 8-octet messages of IGMPv1 (RFC 1112 app. I) and IGMPv2
// (RFC 2236 §2): Membership Query, v1 and v2 Membership Report, Leave Group. The IGMPv3
// messages live in igmpv3.cc; ParseIgmp, Emit and ToString dispatch to them.
#include "sim/wire/igmp.h"

#include <stdexcept>

#include "sim/wire/igmpv3.h"

namespace sim::wire {
namespace {

using igmp_internal::IsQueryGroup;
using igmp_internal::VerifyChecksum;

template <typename... Fs>
struct Overloaded : Fs... {
  using Fs::operator()...;
};
template <typename... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

// RFC 2236 §2.2: the Max Response Time octet counts units of 1/10 second (up to 25.5 s).
constexpr core::Duration kMaxRespTimeUnit = core::Deciseconds(1);
constexpr core::Duration kMaxV2RespTime = core::Deciseconds(255);

// The 8-octet query: RFC 3376 §7.1, "IGMPv1 Query: length = 8 octets AND Max Resp Code field
// is zero; IGMPv2 Query: length = 8 octets AND Max Resp Code field is non-zero".
Expected<IgmpMessage> ParseV1V2Query(ByteSpan bytes) {
  if (auto bad = VerifyChecksum(bytes)) return *bad;
  const Ipv4Address group(LoadU32(bytes, igmp_field::kGroup));
  if (!IsQueryGroup(group)) {
    return ParseError{ParseErrorCode::kBadValue, igmp_field::kGroup, "igmp query group"};
  }
  return IgmpMessage{IgmpQuery{kMaxRespTimeUnit * bytes[igmp_field::kMaxRespCode], group}};
}

// Reports and leaves of IGMPv1/v2. RFC 2236 §2.5: "IGMP messages may be longer than 8 octets
// ... As long as the Type is one that is recognized, an IGMPv2 implementation MUST ignore
// anything past the first 8 octets while processing the packet. However, the IGMP checksum is
// always computed over the whole IP payload". Therefore: any length from 8 up is accepted, the
// checksum covers all of it, and only the first 8 octets are read. The second octet is
// "Unused" in v1 (RFC 1112 app. I) and ignored by receivers in v2 (RFC 2236 §2.2).
Expected<IgmpMessage> ParseV1V2Membership(ByteSpan bytes, IgmpType type) {
  if (auto bad = VerifyChecksum(bytes)) return *bad;
  const Ipv4Address group(LoadU32(bytes, igmp_field::kGroup));
  if (!group.is_multicast()) {
    const char* what = type == IgmpType::kLeaveGroup ? "igmp leave group" : "igmp report group";
    return ParseError{ParseErrorCode::kBadValue, igmp_field::kGroup, what};
  }
  switch (type) {
    case IgmpType::kV1MembershipReport:
      return IgmpMessage{IgmpV1Report{group}};
    case IgmpType::kV2MembershipReport:
      return IgmpMessage{IgmpV2Report{group}};
    default:
      return IgmpMessage{IgmpLeave{group}};
  }
}

Expected<IgmpMessage> ParseQuery(ByteSpan bytes) {
  if (bytes.size() == kIgmpHeaderLen) return ParseV1V2Query(bytes);
  // RFC 3376 §7.1: "Query messages that do not match any of the above conditions (e.g., a
  // Query of length 10 octets) MUST be silently ignored."
  if (bytes.size() < kIgmpV3QueryMinLen) {
    return ParseError{ParseErrorCode::kBadLength, kIgmpHeaderLen, "igmp query length"};
  }
  return igmp_internal::ParseV3Query(bytes);
}

void WriteHeader(ByteWriter& w, IgmpType type, std::uint8_t code, Ipv4Address group) {
  w.U8(static_cast<std::uint8_t>(type));
  w.U8(code);
  w.U16(0);  // checksum, filled in by Emit
  w.U32(group.value());
}

void WriteV1V2Query(const IgmpQuery& q, ByteWriter& w) {
  const core::Duration t = q.max_resp_time;
  if (t < core::Duration::Zero() || t > kMaxV2RespTime ||
      t.nanos() % kMaxRespTimeUnit.nanos() != 0) {
    throw std::invalid_argument("igmp query max resp time is not a multiple of 100ms in 0..25.5s");
  }
  if (!IsQueryGroup(q.group)) throw std::invalid_argument("igmp query group is not multicast");
  WriteHeader(w, IgmpType::kMembershipQuery, static_cast<std::uint8_t>(t / kMaxRespTimeUnit),
              q.group);
}

void WriteMembership(IgmpType type, Ipv4Address group, ByteWriter& w) {
  if (!group.is_multicast()) {
    throw std::invalid_argument("igmp report or leave group is not multicast");
  }
  WriteHeader(w, type, 0, group);  // RFC 2236 §2.2: "set to zero by the sender"
}

std::string QueryToString(const IgmpQuery& q) {
  const std::string target = q.group.is_unspecified() ? "general" : ToString(q.group);
  // RFC 2236 §4: an IGMPv1 router's query has a zero Max Response Time.
  if (q.max_resp_time == core::Duration::Zero()) return "igmp v1 query " + target;
  return "igmp query " + target + " max-resp " + core::ToString(q.max_resp_time);
}

}  // namespace

Expected<IgmpMessage> ParseIgmp(ByteSpan bytes) {
  if (bytes.size() < kIgmpHeaderLen) {
    return ParseError{ParseErrorCode::kTruncated, bytes.size(), "igmp header"};
  }
  const auto type = static_cast<IgmpType>(bytes[igmp_field::kType]);
  switch (type) {
    case IgmpType::kMembershipQuery:
      return ParseQuery(bytes);
    case IgmpType::kV1MembershipReport:
    case IgmpType::kV2MembershipReport:
    case IgmpType::kLeaveGroup:
      return ParseV1V2Membership(bytes, type);
    case IgmpType::kV3MembershipReport:
      return igmp_internal::ParseV3Report(bytes);
  }
  // RFC 3376 §4: "Unrecognized message types MUST be silently ignored."
  return ParseError{ParseErrorCode::kBadValue, igmp_field::kType, "igmp type"};
}

std::size_t BufferLen(const IgmpMessage& m) {
  return std::visit(Overloaded{
                        [](const IgmpV3Query& q) { return igmp_internal::V3QueryLen(q); },
                        [](const IgmpV3Report& r) { return igmp_internal::V3ReportLen(r); },
                        [](const auto&) { return kIgmpHeaderLen; },
                    },
                    m);
}

void Emit(const IgmpMessage& m, MutableByteSpan out) {
  ByteWriter w(out);
  std::visit(Overloaded{
                 [&](const IgmpQuery& q) { WriteV1V2Query(q, w); },
                 [&](const IgmpV3Query& q) { igmp_internal::WriteV3Query(q, w); },
                 [&](const IgmpV1Report& r) {
                   WriteMembership(IgmpType::kV1MembershipReport, r.group, w);
                 },
                 [&](const IgmpV2Report& r) {
                   WriteMembership(IgmpType::kV2MembershipReport, r.group, w);
                 },
                 [&](const IgmpLeave& l) { WriteMembership(IgmpType::kLeaveGroup, l.group, w); },
                 [&](const IgmpV3Report& r) { igmp_internal::WriteV3Report(r, w); },
             },
             m);
  // RFC 2236 §2.3: "For computing the checksum, the checksum field is set to zero."
  StoreU16(out, igmp_field::kChecksum, InternetChecksum(out.first(w.offset())));
}

IgmpType TypeOf(const IgmpMessage& m) {
  return std::visit(Overloaded{
                        [](const IgmpQuery&) { return IgmpType::kMembershipQuery; },
                        [](const IgmpV3Query&) { return IgmpType::kMembershipQuery; },
                        [](const IgmpV1Report&) { return IgmpType::kV1MembershipReport; },
                        [](const IgmpV2Report&) { return IgmpType::kV2MembershipReport; },
                        [](const IgmpLeave&) { return IgmpType::kLeaveGroup; },
                        [](const IgmpV3Report&) { return IgmpType::kV3MembershipReport; },
                    },
                    m);
}

std::string ToString(const IgmpMessage& m) {
  return std::visit(Overloaded{
                        [](const IgmpQuery& q) { return QueryToString(q); },
                        [](const IgmpV3Query& q) { return igmp_internal::V3QueryToString(q); },
                        [](const IgmpV1Report& r) { return "igmp v1 report " + ToString(r.group); },
                        [](const IgmpV2Report& r) { return "igmp v2 report " + ToString(r.group); },
                        [](const IgmpLeave& l) { return "igmp leave " + ToString(l.group); },
                        [](const IgmpV3Report& r) { return igmp_internal::V3ReportToString(r); },
                    },
                    m);
}

}  // namespace sim::wire
