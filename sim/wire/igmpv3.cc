// IGMPv3 Membership Query (RFC 3376 §4.1) and Membership Report (RFC 3376 §4.2); RFC 9776
// keeps both layouts and renames the reserved bits "Flags".
//
// Query:  type 0x11 | Max Resp Code | checksum | group | Flags(4) S(1) QRV(3) | QQIC |
//         number of sources (16) | sources...
// Report: type 0x22 | reserved | checksum | flags (16) | number of group records (16) |
//         records, each: record type | aux data len (words) | number of sources (16) | group |
//         sources... | aux data...
//
// Parsing checks the structure first (every count must fit the bytes), then the checksum,
// then the field values, so a corrupted octet shows as a checksum error, not a value error.
#include "sim/wire/igmpv3.h"

#include <optional>
#include <stdexcept>

namespace sim::wire::igmp_internal {
namespace {

constexpr std::uint8_t kSuppressFlag = 0x08;  // RFC 3376 §4.1.5, the S flag
constexpr std::uint8_t kQrvMask = 0x07;       // RFC 3376 §4.1.6
constexpr std::uint8_t kMaxQrv = 7;
constexpr std::size_t kAddressLen = 4;
constexpr std::size_t kAuxWordLen = 4;
constexpr std::size_t kMaxCount = 0xffff;
constexpr std::size_t kMaxAuxLen = 0xff * kAuxWordLen;

// `bytes` holds a whole number of addresses.
std::vector<Ipv4Address> ReadAddresses(ByteSpan bytes) {
  std::vector<Ipv4Address> out;
  out.reserve(bytes.size() / kAddressLen);
  for (std::size_t at = 0; at + kAddressLen <= bytes.size(); at += kAddressLen) {
    out.emplace_back(LoadU32(bytes, at));
  }
  return out;
}

void WriteAddresses(const std::vector<Ipv4Address>& addresses, ByteWriter& w) {
  for (Ipv4Address a : addresses) w.U32(a.value());
}

std::string AddressSet(const std::vector<Ipv4Address>& addresses) {
  std::string s = "{";
  for (std::size_t i = 0; i < addresses.size(); ++i) {
    if (i > 0) s += ", ";
    s += ToString(addresses[i]);
  }
  return s + "}";
}

// One group record (RFC 3376 §4.2.4) from `r`. A record that does not fit is an error at once;
// a value error (a non-multicast group) is noted in `bad_value` so that the caller can check
// the checksum first.
Expected<IgmpGroupRecord> ReadGroupRecord(ByteReader& r, std::optional<ParseError>& bad_value) {
  const std::size_t start = r.offset();
  IgmpGroupRecord rec;
  rec.type = static_cast<IgmpRecordType>(r.U8());
  const std::size_t aux_len = std::size_t{r.U8()} * kAuxWordLen;  // RFC 3376 §4.2.6: in words
  const std::size_t n_sources = r.U16();
  rec.group = Ipv4Address(r.U32());
  if (!r.ok()) return ParseError{ParseErrorCode::kTruncated, r.failed_at(), "igmp group record"};
  const ByteSpan sources = r.Take(n_sources * kAddressLen);
  if (!r.ok()) {
    return ParseError{ParseErrorCode::kTruncated, r.failed_at(), "igmp group record sources"};
  }
  const ByteSpan aux = r.Take(aux_len);
  if (!r.ok()) {
    return ParseError{ParseErrorCode::kTruncated, r.failed_at(), "igmp group record aux data"};
  }
  rec.sources = ReadAddresses(sources);
  rec.aux_data.assign(aux.begin(), aux.end());
  if (!rec.group.is_multicast() && !bad_value) {
    bad_value = ParseError{ParseErrorCode::kBadValue, start + igmp_record_field::kGroup,
                           "igmp group record group"};
  }
  return rec;
}

void WriteGroupRecord(const IgmpGroupRecord& rec, ByteWriter& w) {
  if (!rec.group.is_multicast()) {
    throw std::invalid_argument("igmp group record group is not multicast");
  }
  if (rec.sources.size() > kMaxCount)
    throw std::invalid_argument("igmp group record has over 65535 sources");
  if (rec.aux_data.size() % kAuxWordLen != 0 || rec.aux_data.size() > kMaxAuxLen) {
    throw std::invalid_argument("igmp group record aux data is not 0..255 whole words");
  }
  w.U8(static_cast<std::uint8_t>(rec.type));
  w.U8(static_cast<std::uint8_t>(rec.aux_data.size() / kAuxWordLen));
  w.U16(static_cast<std::uint16_t>(rec.sources.size()));
  w.U32(rec.group.value());
  WriteAddresses(rec.sources, w);
  w.Put(rec.aux_data);
}

std::string_view RecordTypeName(IgmpRecordType t) {
  switch (t) {  // the short forms of RFC 3376 §6.4
    case IgmpRecordType::kModeIsInclude:
      return "is-in";
    case IgmpRecordType::kModeIsExclude:
      return "is-ex";
    case IgmpRecordType::kChangeToInclude:
      return "to-in";
    case IgmpRecordType::kChangeToExclude:
      return "to-ex";
    case IgmpRecordType::kAllowNewSources:
      return "allow";
    case IgmpRecordType::kBlockOldSources:
      return "block";
  }
  return {};
}

}  // namespace

Expected<IgmpMessage> ParseV3Query(ByteSpan bytes) {
  const std::size_t n_sources = LoadU16(bytes, igmp_field::kQueryNumberOfSources);
  // RFC 3376 §4.1.10, on octets past the fields described: implementations "MUST include those
  // octets in the computation to verify the received IGMP Checksum, but MUST otherwise ignore
  // those additional octets". Therefore: the sources must fit; whatever follows is dropped.
  if (bytes.size() - kIgmpV3QueryMinLen < n_sources * kAddressLen) {
    return ParseError{ParseErrorCode::kTruncated, bytes.size(), "igmp v3 query sources"};
  }
  if (auto bad = VerifyChecksum(bytes)) return *bad;
  IgmpV3Query q;
  q.group = Ipv4Address(LoadU32(bytes, igmp_field::kGroup));
  if (!IsQueryGroup(q.group)) {
    return ParseError{ParseErrorCode::kBadValue, igmp_field::kGroup, "igmp query group"};
  }
  // RFC 3376 §4.1.8: the number of sources "is zero in a General Query".
  if (q.group.is_unspecified() && n_sources != 0) {
    return ParseError{ParseErrorCode::kBadValue, igmp_field::kQueryNumberOfSources,
                      "igmp v3 general query sources"};
  }
  q.max_resp_time = DecodeMaxRespCode(bytes[igmp_field::kMaxRespCode]);
  // RFC 3376 §4.1.4: the other bits of this octet are "ignored on reception".
  const std::uint8_t s_qrv = bytes[igmp_field::kFlagsSQrv];
  q.suppress_router_processing = (s_qrv & kSuppressFlag) != 0;
  q.robustness = s_qrv & kQrvMask;
  q.query_interval = DecodeQqic(bytes[igmp_field::kQqic]);
  q.sources = ReadAddresses(bytes.subspan(igmp_field::kQuerySources, n_sources * kAddressLen));
  return IgmpMessage{std::move(q)};
}

Expected<IgmpMessage> ParseV3Report(ByteSpan bytes) {
  ByteReader r(bytes);
  r.Skip(igmp_field::kNumberOfGroupRecords);  // type, reserved, checksum, flags: not read
  const std::size_t n_records = r.U16();
  IgmpV3Report report;
  std::optional<ParseError> bad_value;
  for (std::size_t i = 0; i < n_records; ++i) {
    auto rec = ReadGroupRecord(r, bad_value);
    if (!rec) return rec.error();
    report.records.push_back(std::move(*rec));
  }
  // RFC 3376 §4.2.11: octets after the last record count in the checksum and are otherwise
  // ignored (RFC 9279 message extensions live there).
  if (auto bad = VerifyChecksum(bytes)) return *bad;
  if (bad_value) return *bad_value;
  return IgmpMessage{std::move(report)};
}

std::size_t V3QueryLen(const IgmpV3Query& q) {
  return kIgmpV3QueryMinLen + q.sources.size() * kAddressLen;
}

std::size_t V3ReportLen(const IgmpV3Report& r) {
  std::size_t len = kIgmpHeaderLen;
  for (const IgmpGroupRecord& rec : r.records) {
    len += kIgmpGroupRecordMinLen + rec.sources.size() * kAddressLen + rec.aux_data.size();
  }
  return len;
}

void WriteV3Query(const IgmpV3Query& q, ByteWriter& w) {
  const std::uint8_t mrc = EncodeMaxRespCode(q.max_resp_time);
  const std::uint8_t qqic = EncodeQqic(q.query_interval);
  if (DecodeMaxRespCode(mrc) != q.max_resp_time) {
    throw std::invalid_argument("igmp v3 query max resp time has no exact max resp code");
  }
  if (DecodeQqic(qqic) != q.query_interval) {
    throw std::invalid_argument("igmp v3 query interval has no exact qqic");
  }
  if (!IsQueryGroup(q.group)) throw std::invalid_argument("igmp query group is not multicast");
  if (q.group.is_unspecified() && !q.sources.empty()) {
    throw std::invalid_argument("igmp v3 general query lists sources");
  }
  if (q.sources.size() > kMaxCount) {
    throw std::invalid_argument("igmp v3 query has over 65535 sources");
  }
  // RFC 3376 §4.1.6: "If the querier's [Robustness Variable] exceeds 7, the maximum value of
  // the QRV field, the QRV is set to zero."
  const std::uint8_t qrv = q.robustness > kMaxQrv ? 0 : q.robustness;
  w.U8(static_cast<std::uint8_t>(IgmpType::kMembershipQuery));
  w.U8(mrc);
  w.U16(0);  // checksum
  w.U32(q.group.value());
  w.U8(static_cast<std::uint8_t>((q.suppress_router_processing ? kSuppressFlag : 0) | qrv));
  w.U8(qqic);
  w.U16(static_cast<std::uint16_t>(q.sources.size()));
  WriteAddresses(q.sources, w);
}

void WriteV3Report(const IgmpV3Report& r, ByteWriter& w) {
  if (r.records.size() > kMaxCount) {
    throw std::invalid_argument("igmp v3 report has over 65535 records");
  }
  w.U8(static_cast<std::uint8_t>(IgmpType::kV3MembershipReport));
  w.U8(0);   // reserved
  w.U16(0);  // checksum
  w.U16(0);  // flags (RFC 9776 §4.2.3), reserved in RFC 3376
  w.U16(static_cast<std::uint16_t>(r.records.size()));
  for (const IgmpGroupRecord& rec : r.records) WriteGroupRecord(rec, w);
}

std::string V3QueryToString(const IgmpV3Query& q) {
  std::string s = "igmp v3 query ";
  s += q.group.is_unspecified() ? "general" : ToString(q.group);
  s += " max-resp " + core::ToString(q.max_resp_time);
  s += " qrv " + std::to_string(q.robustness);
  s += " qqi " + core::ToString(q.query_interval);
  if (q.suppress_router_processing) s += " suppress";
  if (!q.sources.empty()) s += " sources " + AddressSet(q.sources);
  return s;
}

std::string V3ReportToString(const IgmpV3Report& r) {
  std::string s = "igmp v3 report";
  for (std::size_t i = 0; i < r.records.size(); ++i) {
    s += i == 0 ? ": " : "; ";
    s += ToString(r.records[i]);
  }
  return r.records.empty() ? s + " (no records)" : s;
}

}  // namespace sim::wire::igmp_internal

namespace sim::wire {

std::string ToString(const IgmpGroupRecord& r) {
  std::string_view name = igmp_internal::RecordTypeName(r.type);
  std::string s =
      name.empty() ? "type-" + std::to_string(static_cast<int>(r.type)) : std::string(name);
  s += " " + ToString(r.group) + " " + igmp_internal::AddressSet(r.sources);
  if (!r.aux_data.empty()) s += " aux " + std::to_string(r.aux_data.size()) + "B";
  return s;
}

}  // namespace sim::wire
