// PIMv2 pieces every message shares (RFC 7761 §4.9): the 4-byte common header, the message
// types, the checksum rule, and the Encoded-Unicast, Encoded-Group and Encoded-Source address
// formats of §4.9.1.
//
// Only IPv4 is modelled: an encoded address must carry address family 1 (IPv4) and encoding
// type 0 (native); anything else is a ParseError at the offending byte. Reserved bits are sent
// as zero and ignored on receipt, as §4.9 asks. The message codecs are in pim_hello.h,
// pim_join_prune.h, pim_register.h and pim_assert.h; pim.h holds the variant and dispatch.
#ifndef MCASTLAB_SIM_WIRE_PIM_COMMON_H_
#define MCASTLAB_SIM_WIRE_PIM_COMMON_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "sim/wire/bytes.h"
#include "sim/wire/ipv4_address.h"
#include "sim/wire/parse_error.h"

namespace sim::wire {

// RFC 7761 §4.9 message types (the low nibble of the first octet). Graft (6), Graft-Ack (7),
// Candidate-RP-Advertisement (8) and later types exist but are not decoded here.
enum class PimType : std::uint8_t {
  kHello = 0,
  kRegister = 1,
  kRegisterStop = 2,
  kJoinPrune = 3,
  kBootstrap = 4,
  kAssert = 5,
};

inline constexpr std::uint8_t kPimVersion = 2;
inline constexpr std::size_t kPimHeaderLen = 4;
// RFC 7761 §4.9.3: a Register's checksum covers the PIM header and the B/N word only.
inline constexpr std::size_t kPimRegisterChecksumLen = 8;

namespace pim_field {
inline constexpr std::size_t kVersionType = 0;  // version (high nibble) | type (low nibble)
inline constexpr std::size_t kReserved = 1;
inline constexpr std::size_t kChecksum = 2;
inline constexpr std::size_t kBody = 4;
}  // namespace pim_field

// Offsets inside one encoded address, counted from its first octet (RFC 7761 §4.9.1).
namespace pim_encoded_field {
inline constexpr std::size_t kAddressFamily = 0;
inline constexpr std::size_t kEncodingType = 1;
inline constexpr std::size_t kUnicastAddress = 2;  // Encoded-Unicast
inline constexpr std::size_t kFlags = 2;           // Encoded-Group (B, Z), Encoded-Source (S, W, R)
inline constexpr std::size_t kMaskLen = 3;
inline constexpr std::size_t kAddress = 4;  // Encoded-Group and Encoded-Source
}  // namespace pim_encoded_field

inline constexpr std::uint8_t kPimAddressFamilyIpv4 = 1;  // IANA Address Family Numbers
inline constexpr std::uint8_t kPimEncodingNative = 0;
inline constexpr std::size_t kPimEncodedUnicastLen = 6;
inline constexpr std::size_t kPimEncodedGroupLen = 8;
inline constexpr std::size_t kPimEncodedSourceLen = 8;

// Flag bits of the Encoded-Group and Encoded-Source flags octets (RFC 7761 §4.9.1).
inline constexpr std::uint8_t kPimGroupFlagBidir = 0x80;      // B
inline constexpr std::uint8_t kPimGroupFlagZone = 0x01;       // Z: admin scope zone (BSR only)
inline constexpr std::uint8_t kPimSourceFlagSparse = 0x04;    // S
inline constexpr std::uint8_t kPimSourceFlagWildcard = 0x02;  // W
inline constexpr std::uint8_t kPimSourceFlagRpt = 0x01;       // R

struct EncodedGroup {
  Ipv4Address group;
  std::uint8_t mask_len = 32;
  bool bidir = false;
  bool admin_scope_zone = false;
  friend bool operator==(const EncodedGroup&, const EncodedGroup&) = default;
};

// W=1 requires R=1 (RFC 7761 §4.9.1): parsing rejects otherwise, and so does emitting.
struct EncodedSource {
  Ipv4Address source;
  std::uint8_t mask_len = 32;
  bool sparse = true;
  bool wildcard = false;
  bool rpt = false;
  friend bool operator==(const EncodedSource&, const EncodedSource&) = default;
};

// --- Encoded quantities: pure functions, tested exhaustively. ---

// An IPv4 mask length is 0..32.
constexpr bool IsValidIpv4MaskLen(std::uint8_t len) { return len <= 32; }
std::uint8_t EncodeGroupFlags(const EncodedGroup& g);
std::uint8_t EncodeSourceFlags(const EncodedSource& s);
// The flags octet's bits in `g` / `s`; the reserved bits are ignored.
void DecodeGroupFlags(std::uint8_t flags, EncodedGroup& g);
void DecodeSourceFlags(std::uint8_t flags, EncodedSource& s);

// --- Encoded addresses, read from and written to a message being parsed or emitted. ---

// Each reader consumes one encoding; offsets in errors count from the reader's base.
Expected<Ipv4Address> ReadEncodedUnicast(ByteReader& r);
Expected<EncodedGroup> ReadEncodedGroup(ByteReader& r);
Expected<EncodedSource> ReadEncodedSource(ByteReader& r);
void WriteEncodedUnicast(ByteWriter& w, Ipv4Address a);
// Throw std::invalid_argument for a mask length over 32, or (source) W set without R.
void WriteEncodedGroup(ByteWriter& w, const EncodedGroup& g);
void WriteEncodedSource(ByteWriter& w, const EncodedSource& s);

// --- Common header and checksum. ---

// Version 2, the type, reserved 0 and a zero checksum, to be filled in by StorePimChecksum.
void WritePimHeader(ByteWriter& w, PimType type);
// RFC 7761 §4.9: the IP checksum over the whole message, except for Register (first 8 bytes).
void StorePimChecksum(PimType type, MutableByteSpan message);
// True when the stored checksum verifies. For Register either form is accepted (§4.9.3).
bool PimChecksumOk(PimType type, ByteSpan message);

std::string_view ToString(PimType type);
// "239.1.1.1/32", with " bidir" and " zone" when those bits are set.
std::string ToString(const EncodedGroup& g);
// "(10.0.0.5)", "(10.0.0.5 R)", "(*,rp 10.0.0.9 WR)"; " noS" when the sparse bit is clear;
// "/len" after the address when the mask is not 32.
std::string ToString(const EncodedSource& s);

}  // namespace sim::wire

#endif  // MCASTLAB_SIM_WIRE_PIM_COMMON_H_
