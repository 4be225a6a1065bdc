// PIM encoded addresses and flag octets (RFC 7761 §4.9.1), tested exhaustively over every
// flags octet and every mask length octet, plus the readers' rejection rules.
#include "sim/wire/pim_common.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "tests/support/hex.h"

namespace sim::wire {
namespace {

using testing_support::Hex;

Expected<EncodedGroup> GroupFrom(ByteSpan bytes) {
  ByteReader r(bytes);
  return ReadEncodedGroup(r);
}

Expected<EncodedSource> SourceFrom(ByteSpan bytes) {
  ByteReader r(bytes);
  return ReadEncodedSource(r);
}

Expected<Ipv4Address> UnicastFrom(ByteSpan bytes) {
  ByteReader r(bytes);
  return ReadEncodedUnicast(r);
}

TEST(PimCommon, MaskLengthIsValidUpTo32) {
  for (int len = 0; len <= 255; ++len) {
    EXPECT_EQ(IsValidIpv4MaskLen(static_cast<std::uint8_t>(len)), len <= 32) << len;
  }
}

TEST(PimCommon, GroupFlagsKeepOnlyBAndZ) {
  for (int flags = 0; flags <= 255; ++flags) {
    EncodedGroup g;
    DecodeGroupFlags(static_cast<std::uint8_t>(flags), g);
    EXPECT_EQ(g.bidir, (flags & 0x80) != 0) << flags;
    EXPECT_EQ(g.admin_scope_zone, (flags & 0x01) != 0) << flags;
    EXPECT_EQ(EncodeGroupFlags(g), flags & 0x81) << flags;
  }
}

TEST(PimCommon, SourceFlagsKeepOnlySWR) {
  for (int flags = 0; flags <= 255; ++flags) {
    EncodedSource s;
    DecodeSourceFlags(static_cast<std::uint8_t>(flags), s);
    EXPECT_EQ(s.sparse, (flags & 0x04) != 0) << flags;
    EXPECT_EQ(s.wildcard, (flags & 0x02) != 0) << flags;
    EXPECT_EQ(s.rpt, (flags & 0x01) != 0) << flags;
    EXPECT_EQ(EncodeSourceFlags(s), flags & 0x07) << flags;
  }
}

// Every flags octet against every mask octet: accepted exactly when the mask is at most 32.
TEST(PimCommon, EncodedGroupOverEveryFlagsAndMask) {
  Bytes bytes = Hex("01 00 00 00 ef 01 01 01");
  for (int flags = 0; flags <= 255; ++flags) {
    for (int mask = 0; mask <= 255; ++mask) {
      bytes[pim_encoded_field::kFlags] = static_cast<std::uint8_t>(flags);
      bytes[pim_encoded_field::kMaskLen] = static_cast<std::uint8_t>(mask);
      auto g = GroupFrom(bytes);
      if (mask > 32) {
        ASSERT_FALSE(g);
        ASSERT_EQ(g.error(), (ParseError{ParseErrorCode::kBadValue, 3, "pim group mask length"}));
        continue;
      }
      ASSERT_TRUE(g) << flags << " " << mask;
      ASSERT_EQ(g->mask_len, mask);
      ASSERT_EQ(g->group, Ipv4Address(239, 1, 1, 1));
      ASSERT_EQ(EncodeGroupFlags(*g), flags & 0x81);
    }
  }
}

// Every flags octet against every mask octet: W without R is refused first, then a mask over 32.
TEST(PimCommon, EncodedSourceOverEveryFlagsAndMask) {
  Bytes bytes = Hex("01 00 00 00 0a 00 00 09");
  for (int flags = 0; flags <= 255; ++flags) {
    for (int mask = 0; mask <= 255; ++mask) {
      bytes[pim_encoded_field::kFlags] = static_cast<std::uint8_t>(flags);
      bytes[pim_encoded_field::kMaskLen] = static_cast<std::uint8_t>(mask);
      auto s = SourceFrom(bytes);
      const bool w_without_r = (flags & 0x03) == 0x02;
      if (w_without_r) {
        ASSERT_FALSE(s);
        ASSERT_EQ(s.error(), (ParseError{ParseErrorCode::kBadValue, 2, "pim source W without R"}));
      } else if (mask > 32) {
        ASSERT_FALSE(s);
        ASSERT_EQ(s.error(), (ParseError{ParseErrorCode::kBadValue, 3, "pim source mask length"}));
      } else {
        ASSERT_TRUE(s) << flags << " " << mask;
        ASSERT_EQ(s->mask_len, mask);
        ASSERT_EQ(EncodeSourceFlags(*s), flags & 0x07);
      }
    }
  }
}

TEST(PimCommon, FlagsRoundTripForEveryCombination) {
  for (int bits = 0; bits < 8; ++bits) {
    EncodedSource s{Ipv4Address(10, 0, 0, 9), 32, (bits & 4) != 0, (bits & 2) != 0,
                    (bits & 1) != 0};
    if (s.wildcard && !s.rpt) continue;
    Bytes out(kPimEncodedSourceLen, 0xa5);
    ByteWriter w(out);
    WriteEncodedSource(w, s);
    auto back = SourceFrom(out);
    ASSERT_TRUE(back) << bits;
    EXPECT_EQ(*back, s) << bits;
  }
  for (int bits = 0; bits < 4; ++bits) {
    EncodedGroup g{Ipv4Address(239, 0, 0, 0), 8, (bits & 2) != 0, (bits & 1) != 0};
    Bytes out(kPimEncodedGroupLen, 0xa5);
    ByteWriter w(out);
    WriteEncodedGroup(w, g);
    auto back = GroupFrom(out);
    ASSERT_TRUE(back) << bits;
    EXPECT_EQ(*back, g) << bits;
  }
}

TEST(PimCommon, WritesEncodedUnicast) {
  Bytes out(kPimEncodedUnicastLen, 0xa5);
  ByteWriter w(out);
  WriteEncodedUnicast(w, Ipv4Address(10, 0, 0, 2));
  EXPECT_EQ(out, Hex("01 00 0a 00 00 02"));
}

TEST(PimCommon, RejectsAddressFamilyOtherThanIpv4) {
  const ParseError family{ParseErrorCode::kBadValue, 0, "pim address family"};
  EXPECT_EQ(UnicastFrom(Hex("02 00 0a 00 00 02")).error(), family);  // 2 = IPv6
  EXPECT_EQ(GroupFrom(Hex("00 00 00 20 ef 01 01 01")).error(), family);
  EXPECT_EQ(SourceFrom(Hex("02 00 07 20 0a 00 00 09")).error(), family);
}

TEST(PimCommon, RejectsEncodingTypeOtherThanNative) {
  const ParseError encoding{ParseErrorCode::kBadValue, 1, "pim encoding type"};
  EXPECT_EQ(UnicastFrom(Hex("01 01 0a 00 00 02")).error(), encoding);
  EXPECT_EQ(GroupFrom(Hex("01 01 00 20 ef 01 01 01")).error(), encoding);
  EXPECT_EQ(SourceFrom(Hex("01 ff 07 20 0a 00 00 09")).error(), encoding);
}

TEST(PimCommon, RejectsTruncatedEncodings) {
  const Bytes unicast = Hex("01 00 0a 00 00 02");
  const Bytes group = Hex("01 00 00 20 ef 01 01 01");
  const Bytes source = Hex("01 00 07 20 0a 00 00 09");
  for (std::size_t n = 0; n < unicast.size(); ++n) {
    auto a = UnicastFrom(ByteSpan(unicast).first(n));
    ASSERT_FALSE(a);
    EXPECT_EQ(a.error(),
              (ParseError{ParseErrorCode::kTruncated, n, "pim encoded-unicast address"}));
  }
  for (std::size_t n = 0; n < group.size(); ++n) {
    auto g = GroupFrom(ByteSpan(group).first(n));
    ASSERT_FALSE(g);
    EXPECT_EQ(g.error(), (ParseError{ParseErrorCode::kTruncated, n, "pim encoded-group address"}));
  }
  for (std::size_t n = 0; n < source.size(); ++n) {
    auto s = SourceFrom(ByteSpan(source).first(n));
    ASSERT_FALSE(s);
    EXPECT_EQ(s.error(), (ParseError{ParseErrorCode::kTruncated, n, "pim encoded-source address"}));
  }
}

TEST(PimCommon, ErrorOffsetsCountFromTheMessage) {
  const Bytes bytes = Hex("aa bb cc dd 01 00 00 21 ef 01 01 01");
  ByteReader r(bytes);
  r.Skip(4);
  auto g = ReadEncodedGroup(r);
  ASSERT_FALSE(g);
  EXPECT_EQ(g.error(), (ParseError{ParseErrorCode::kBadValue, 7, "pim group mask length"}));
}

TEST(PimCommon, WriteRefusesWhatParseRefuses) {
  Bytes out(8);
  ByteWriter w1(out);
  EXPECT_THROW(WriteEncodedGroup(w1, EncodedGroup{Ipv4Address(239, 1, 1, 1), 33}),
               std::invalid_argument);
  ByteWriter w2(out);
  EXPECT_THROW(WriteEncodedSource(w2, EncodedSource{Ipv4Address(10, 0, 0, 9), 40}),
               std::invalid_argument);
  ByteWriter w3(out);
  EncodedSource w_only{Ipv4Address(10, 0, 0, 9)};
  w_only.wildcard = true;
  EXPECT_THROW(WriteEncodedSource(w3, w_only), std::invalid_argument);
}

TEST(PimCommon, PrintsAddresses) {
  EXPECT_EQ(ToString(EncodedGroup{Ipv4Address(239, 1, 1, 1)}), "239.1.1.1/32");
  EXPECT_EQ(ToString(EncodedGroup{Ipv4Address(239, 0, 0, 0), 8, true, true}),
            "239.0.0.0/8 bidir zone");
  EXPECT_EQ(ToString(EncodedSource{Ipv4Address(10, 0, 0, 9), 32, true, true, true}),
            "(*,rp 10.0.0.9 WR)");
  EXPECT_EQ(ToString(EncodedSource{Ipv4Address(10, 1, 1, 10), 32, true, false, true}),
            "(10.1.1.10 R)");
  EXPECT_EQ(ToString(EncodedSource{Ipv4Address(10, 1, 1, 10)}), "(10.1.1.10)");
  EXPECT_EQ(ToString(EncodedSource{Ipv4Address(10, 1, 0, 0), 16, false}), "(10.1.0.0/16 noS)");
  EXPECT_EQ(ToString(PimType::kJoinPrune), "join/prune");
  EXPECT_EQ(ToString(PimType::kRegisterStop), "register-stop");
}

}  // namespace
}  // namespace sim::wire
