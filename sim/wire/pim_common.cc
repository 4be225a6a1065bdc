// PIMv2 common header, checksum rule and encoded addresses (RFC 7761 §4.9, §4.9.1).
#include "sim/wire/pim_common.h"

#include <optional>
#include <stdexcept>

#include "sim/wire/checksum.h"

namespace sim::wire {
namespace {

// Reads the Addr Family and Encoding Type octets shared by all three encodings.
// RFC 7761 §4.9.1: family 1 is IPv4; encoding type 0 is the only one defined for unicast and
// native groups and sources. Therefore: anything else is refused at the octet that carries it.
std::optional<ParseError> ReadFamilyAndEncoding(ByteReader& r, std::string_view what) {
  const std::size_t at = r.offset();
  const std::uint8_t family = r.U8();
  const std::uint8_t encoding = r.U8();
  if (!r.ok()) return ParseError{ParseErrorCode::kTruncated, r.failed_at(), what};
  if (family != kPimAddressFamilyIpv4) {
    return ParseError{ParseErrorCode::kBadValue, at + pim_encoded_field::kAddressFamily,
                      "pim address family"};
  }
  if (encoding != kPimEncodingNative) {
    return ParseError{ParseErrorCode::kBadValue, at + pim_encoded_field::kEncodingType,
                      "pim encoding type"};
  }
  return std::nullopt;
}

void WriteFamilyAndEncoding(ByteWriter& w) {
  w.U8(kPimAddressFamilyIpv4);
  w.U8(kPimEncodingNative);
}

void CheckMaskLen(std::uint8_t len) {
  if (!IsValidIpv4MaskLen(len)) throw std::invalid_argument("pim mask length over 32");
}

std::string AddressWithMask(Ipv4Address a, std::uint8_t mask_len) {
  std::string s = ToString(a);
  if (mask_len != 32) s += "/" + std::to_string(mask_len);
  return s;
}

}  // namespace

std::uint8_t EncodeGroupFlags(const EncodedGroup& g) {
  return static_cast<std::uint8_t>((g.bidir ? kPimGroupFlagBidir : 0) |
                                   (g.admin_scope_zone ? kPimGroupFlagZone : 0));
}

std::uint8_t EncodeSourceFlags(const EncodedSource& s) {
  return static_cast<std::uint8_t>((s.sparse ? kPimSourceFlagSparse : 0) |
                                   (s.wildcard ? kPimSourceFlagWildcard : 0) |
                                   (s.rpt ? kPimSourceFlagRpt : 0));
}

void DecodeGroupFlags(std::uint8_t flags, EncodedGroup& g) {
  g.bidir = (flags & kPimGroupFlagBidir) != 0;
  g.admin_scope_zone = (flags & kPimGroupFlagZone) != 0;
}

void DecodeSourceFlags(std::uint8_t flags, EncodedSource& s) {
  s.sparse = (flags & kPimSourceFlagSparse) != 0;
  s.wildcard = (flags & kPimSourceFlagWildcard) != 0;
  s.rpt = (flags & kPimSourceFlagRpt) != 0;
}

Expected<Ipv4Address> ReadEncodedUnicast(ByteReader& r) {
  if (auto e = ReadFamilyAndEncoding(r, "pim encoded-unicast address")) return *e;
  const Ipv4Address a(r.U32());
  if (!r.ok()) {
    return ParseError{ParseErrorCode::kTruncated, r.failed_at(), "pim encoded-unicast address"};
  }
  return a;
}

Expected<EncodedGroup> ReadEncodedGroup(ByteReader& r) {
  const std::size_t at = r.offset();
  if (auto e = ReadFamilyAndEncoding(r, "pim encoded-group address")) return *e;
  EncodedGroup g;
  DecodeGroupFlags(r.U8(), g);
  g.mask_len = r.U8();
  g.group = Ipv4Address(r.U32());
  if (!r.ok()) {
    return ParseError{ParseErrorCode::kTruncated, r.failed_at(), "pim encoded-group address"};
  }
  if (!IsValidIpv4MaskLen(g.mask_len)) {
    return ParseError{ParseErrorCode::kBadValue, at + pim_encoded_field::kMaskLen,
                      "pim group mask length"};
  }
  return g;
}

Expected<EncodedSource> ReadEncodedSource(ByteReader& r) {
  const std::size_t at = r.offset();
  if (auto e = ReadFamilyAndEncoding(r, "pim encoded-source address")) return *e;
  EncodedSource s;
  DecodeSourceFlags(r.U8(), s);
  s.mask_len = r.U8();
  s.source = Ipv4Address(r.U32());
  if (!r.ok()) {
    return ParseError{ParseErrorCode::kTruncated, r.failed_at(), "pim encoded-source address"};
  }
  // RFC 7761 §4.9.1: "If the WC bit is 1, the RPT bit MUST be 1." Therefore: W without R is
  // a malformed source, not something to guess about.
  // §4.9.1 also says a source mask length other than 32 SHOULD make the router ignore the
  // message; that is left to the protocol layer, which sees mask_len. The codec refuses only
  // lengths no IPv4 prefix can have.
  if (s.wildcard && !s.rpt) {
    return ParseError{ParseErrorCode::kBadValue, at + pim_encoded_field::kFlags,
                      "pim source W without R"};
  }
  if (!IsValidIpv4MaskLen(s.mask_len)) {
    return ParseError{ParseErrorCode::kBadValue, at + pim_encoded_field::kMaskLen,
                      "pim source mask length"};
  }
  return s;
}

void WriteEncodedUnicast(ByteWriter& w, Ipv4Address a) {
  WriteFamilyAndEncoding(w);
  w.U32(a.value());
}

void WriteEncodedGroup(ByteWriter& w, const EncodedGroup& g) {
  CheckMaskLen(g.mask_len);
  WriteFamilyAndEncoding(w);
  w.U8(EncodeGroupFlags(g));
  w.U8(g.mask_len);
  w.U32(g.group.value());
}

void WriteEncodedSource(ByteWriter& w, const EncodedSource& s) {
  CheckMaskLen(s.mask_len);
  if (s.wildcard && !s.rpt) throw std::invalid_argument("pim source W without R");
  WriteFamilyAndEncoding(w);
  w.U8(EncodeSourceFlags(s));
  w.U8(s.mask_len);
  w.U32(s.source.value());
}

void WritePimHeader(ByteWriter& w, PimType type) {
  w.U8(static_cast<std::uint8_t>((kPimVersion << 4) | static_cast<std::uint8_t>(type)));
  w.U8(0);   // reserved
  w.U16(0);  // checksum, filled in by StorePimChecksum
}

void StorePimChecksum(PimType type, MutableByteSpan message) {
  const std::size_t covered = type == PimType::kRegister ? kPimRegisterChecksumLen : message.size();
  StoreU16(message, pim_field::kChecksum, 0);
  StoreU16(message, pim_field::kChecksum, InternetChecksum(ByteSpan(message).first(covered)));
}

bool PimChecksumOk(PimType type, ByteSpan message) {
  // RFC 7761 §4.9.3: "For interoperability reasons, a message carrying a checksum calculated
  // over the entire PIM Register message should also be accepted." Therefore: either form.
  if (type == PimType::kRegister && message.size() >= kPimRegisterChecksumLen &&
      ChecksumVerifies(message.first(kPimRegisterChecksumLen))) {
    return true;
  }
  return ChecksumVerifies(message);
}

std::string_view ToString(PimType type) {
  switch (type) {
    case PimType::kHello:
      return "hello";
    case PimType::kRegister:
      return "register";
    case PimType::kRegisterStop:
      return "register-stop";
    case PimType::kJoinPrune:
      return "join/prune";
    case PimType::kBootstrap:
      return "bootstrap";
    case PimType::kAssert:
      return "assert";
  }
  return "unknown";
}

std::string ToString(const EncodedGroup& g) {
  std::string s = ToString(g.group) + "/" + std::to_string(g.mask_len);
  if (g.bidir) s += " bidir";
  if (g.admin_scope_zone) s += " zone";
  return s;
}

std::string ToString(const EncodedSource& s) {
  std::string out = "(";
  if (s.wildcard) out += "*,rp ";
  out += AddressWithMask(s.source, s.mask_len);
  std::string flags;
  if (s.wildcard) flags += "W";
  if (s.rpt) flags += "R";
  if (!flags.empty()) out += " " + flags;
  if (!s.sparse) out += " noS";
  return out + ")";
}

}  // namespace sim::wire
