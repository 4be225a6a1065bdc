#include "sim/wire/ethernet.h"

#include <gtest/gtest.h>

#include "tests/support/hex.h"

namespace sim::wire {
namespace {

using testing_support::Hex;

TEST(MulticastMac, MapsLow23Bits) {
  // RFC 1112 §6.4; 239.10.10.10 and 224.138.10.10 share a MAC (bit 23 of the group is dropped).
  EXPECT_EQ(ToString(MulticastMac(Ipv4Address(239, 10, 10, 10))), "01:00:5e:0a:0a:0a");
  EXPECT_EQ(MulticastMac(Ipv4Address(224, 138, 10, 10)), MulticastMac(Ipv4Address(239, 10, 10, 10)));
  EXPECT_EQ(ToString(MulticastMac(kAllSystems)), "01:00:5e:00:00:01");
  EXPECT_EQ(ToString(MulticastMac(Ipv4Address(239, 255, 255, 255))), "01:00:5e:7f:ff:ff");
  EXPECT_TRUE(MulticastMac(kAllPimRouters).is_group());
}

TEST(MacAddress, EqualityAndOrderFollowTheOctets) {
  const MacAddress a({0x00, 0x00, 0x00, 0x00, 0x00, 0xff});
  const MacAddress b({0x00, 0x00, 0x00, 0x00, 0x01, 0x00});
  const MacAddress c({0x01, 0x00, 0x00, 0x00, 0x00, 0x00});
  EXPECT_LT(a, b);  // the first octet that differs decides, as for the array
  EXPECT_LT(b, c);
  EXPECT_NE(a, b);
  EXPECT_EQ(b, MacAddress({0x00, 0x00, 0x00, 0x00, 0x01, 0x00}));
  // key() is the equality fast path: same octets, same key, whichever way they were built.
  EXPECT_EQ(MulticastMac(kAllSystems).key(), MacAddress({0x01, 0x00, 0x5e, 0x00, 0x00, 0x01}).key());
  EXPECT_NE(a.key(), b.key());
  EXPECT_TRUE(kBroadcastMac.is_broadcast());
  EXPECT_FALSE(MacAddress({0xff, 0xff, 0xff, 0xff, 0xff, 0xfe}).is_broadcast());
  static_assert(MulticastMac(kAllSystems) == MacAddress({0x01, 0x00, 0x5e, 0x00, 0x00, 0x01}));
}

TEST(Ethernet, ConstructsExactBytesWithPadding) {
  const EthernetHeader h{MulticastMac(kAllSystems), LocalMac(0x01020304), kEtherTypeIpv4};
  const Bytes payload = Hex("aa bb");
  Bytes out(EthernetFrameLen(payload.size()), 0xa5);
  ASSERT_EQ(out.size(), 60u);
  EmitEthernet(h, payload, out);
  Bytes expected = Hex("01 00 5e 00 00 01 02 00 01 02 03 04 08 00 aa bb");
  expected.resize(60, 0);
  EXPECT_EQ(out, expected);
}

TEST(Ethernet, RoundTrips) {
  const EthernetHeader h{kBroadcastMac, LocalMac(7), kEtherTypeArp};
  const Bytes payload(100, 0x42);
  Bytes out(EthernetFrameLen(payload.size()));
  EmitEthernet(h, payload, out);
  auto f = ParseEthernet(out);
  ASSERT_TRUE(f);
  EXPECT_EQ(f->header, h);
  EXPECT_EQ(f->payload.size(), 100u);
}

TEST(Ethernet, RejectsTruncated) {
  const Bytes frame(60, 0);
  for (std::size_t n = 0; n < kEthernetHeaderLen; ++n) {
    auto f = ParseEthernet(ByteSpan(frame).first(n));
    ASSERT_FALSE(f);
    EXPECT_EQ(f.error().code, ParseErrorCode::kTruncated);
    EXPECT_EQ(f.error().offset, n);
  }
}

TEST(Ipv4AddressText, PrintsDottedQuadsThatParseBack) {
  EXPECT_EQ(ToString(Ipv4Address()), "0.0.0.0");
  EXPECT_EQ(ToString(Ipv4Address(255, 255, 255, 255)), "255.255.255.255");
  EXPECT_EQ(ToString(Ipv4Address(10, 0, 100, 9)), "10.0.100.9");
  for (std::uint32_t v : {0x01020304u, 0xe0000001u, 0x0a00ff00u}) {
    EXPECT_EQ(Ipv4Address::Parse(ToString(Ipv4Address(v))), Ipv4Address(v));
  }
}

TEST(Ipv4AddressText, ParsesStrictDottedQuads) {
  EXPECT_EQ(Ipv4Address::Parse("192.0.2.10"), Ipv4Address(192, 0, 2, 10));
  EXPECT_EQ(Ipv4Address::Parse("0.0.0.0"), Ipv4Address());
  for (const char* bad : {"192.0.2.300", "192.0.2", "192.0.2.1.5", "192.0.02.1", "a.b.c.d", "",
                          "1..2.3", "1.2.3.4 ", "-1.2.3.4"}) {
    EXPECT_FALSE(Ipv4Address::Parse(bad)) << bad;
  }
  auto p = Ipv4Prefix::Parse("192.0.2.10/24");
  ASSERT_TRUE(p);
  EXPECT_EQ(ToString(p->network()), "192.0.2.0");
  EXPECT_TRUE(p->Contains(Ipv4Address(192, 0, 2, 200)));
  EXPECT_FALSE(p->Contains(Ipv4Address(192, 0, 3, 1)));
  EXPECT_FALSE(Ipv4Prefix::Parse("192.0.2.1/33"));
  EXPECT_FALSE(Ipv4Prefix::Parse("192.0.2.1"));
  EXPECT_TRUE(Ipv4Address(239, 1, 1, 1).is_multicast());
  EXPECT_TRUE(Ipv4Address(224, 0, 0, 13).is_link_local_multicast());
  EXPECT_FALSE(Ipv4Address(224, 0, 1, 1).is_link_local_multicast());
}

// A prefix prints its address as given, not the network: "show ip route" and topology.json.
TEST(Ipv4Prefix, PrintsItsAddressAndLengthAlsoInPlace) {
  EXPECT_EQ(ToString(*Ipv4Prefix::Parse("192.0.2.10/24")), "192.0.2.10/24");
  EXPECT_EQ(ToString(Ipv4Prefix(Ipv4Address(), 0)), "0.0.0.0/0");
  char buf[kPrefixRoom];
  const char* end = WritePrefix(Ipv4Prefix(Ipv4Address(255, 255, 255, 255), 32), buf);
  EXPECT_EQ(std::string(static_cast<const char*>(buf), end), "255.255.255.255/32");
}

}  // namespace
}  // namespace sim::wire
