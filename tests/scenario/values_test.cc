// The value parsers of scenario files: every accepted form, and every rejected one with its reason.
#include "sim/scenario/values.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace sim::scenario {
namespace {

using core::Duration;
using core::Microseconds;
using core::Milliseconds;
using core::Minutes;
using core::Nanoseconds;
using core::Seconds;
using wire::Ipv4Address;

struct TimeCase {
  std::string text;
  Duration expected;
};

class AcceptsTime : public testing::TestWithParam<TimeCase> {};

TEST_P(AcceptsTime, Exactly) {
  const auto parsed = ParseTime(GetParam().text);
  ASSERT_TRUE(parsed.ok()) << GetParam().text << ": " << Describe(parsed.error());
  EXPECT_EQ(parsed.value(), GetParam().expected) << GetParam().text;
}

INSTANTIATE_TEST_SUITE_P(
    Values, AcceptsTime,
    testing::Values(TimeCase{"125s", Seconds(125)}, TimeCase{"1.5s", Milliseconds(1500)},
                    TimeCase{"100ms", Milliseconds(100)}, TimeCase{"250us", Microseconds(250)},
                    TimeCase{"7ns", Nanoseconds(7)}, TimeCase{"2min", Minutes(2)},
                    TimeCase{"0s", Duration::Zero()}, TimeCase{"0.1s", Milliseconds(100)},
                    TimeCase{"0.000000001s", Nanoseconds(1)},
                    TimeCase{"1.0000000000s", Seconds(1)},  // trailing zeros past ns are exact
                    TimeCase{"0.5min", Seconds(30)}, TimeCase{"0.25min", Seconds(15)},
                    TimeCase{"0.00000000005min", Nanoseconds(3)},
                    TimeCase{"1.5ms", Microseconds(1500)}, TimeCase{"2.5us", Nanoseconds(2500)},
                    TimeCase{"007s", Seconds(7)}, TimeCase{"10 s", Seconds(10)},
                    TimeCase{"31.25s", Milliseconds(31250)},
                    TimeCase{"9223372036.854775807s", Duration::Max()},
                    TimeCase{"9223372036854775807ns", Duration::Max()}),
    [](const testing::TestParamInfo<TimeCase>& p) { return "Case" + std::to_string(p.index); });

struct RejectCase {
  std::string text;
  std::string detail;  // substring of the reason
};

class RejectsTime : public testing::TestWithParam<RejectCase> {};

TEST_P(RejectsTime, WithReason) {
  const auto parsed = ParseTime(GetParam().text);
  ASSERT_FALSE(parsed.ok()) << GetParam().text;
  EXPECT_EQ(parsed.error().kind, "a time");
  EXPECT_NE(parsed.error().detail.find(GetParam().detail), std::string::npos)
      << GetParam().text << " -> " << parsed.error().detail;
}

INSTANTIATE_TEST_SUITE_P(
    Values, RejectsTime,
    testing::Values(RejectCase{"", "expected a number"}, RejectCase{"s", "expected a number"},
                    RejectCase{"5 sec", "unknown unit \"sec\""}, RejectCase{"5", "missing unit"},
                    RejectCase{"5S", "unknown unit"}, RejectCase{"5h", "unknown unit"},
                    RejectCase{"-5s", "negative"}, RejectCase{"+5s", "expected a number"},
                    RejectCase{".5s", "expected a number"}, RejectCase{"5.s", "expected a number"},
                    RejectCase{"1e3s", "unknown unit"}, RejectCase{"5  s", "unknown unit"},
                    RejectCase{" 5s", "expected a number"}, RejectCase{"5s ", "unknown unit"},
                    RejectCase{"0.5ns", "finer than 1ns"},
                    RejectCase{"0.0000000001s", "finer than 1ns"},
                    RejectCase{"9223372036.854775808s", "too large"},
                    RejectCase{"99999999999999999999999s", "too large"},
                    RejectCase{"1.2.3s", "unknown unit"}, RejectCase{"1,5s", "unknown unit"}),
    [](const testing::TestParamInfo<RejectCase>& p) { return "Case" + std::to_string(p.index); });

TEST(TimeFromSeconds, IntegersAreExactAndBounded) {
  EXPECT_EQ(TimeFromSeconds(std::uint64_t{30}).value(), Seconds(30));
  EXPECT_EQ(TimeFromSeconds(std::uint64_t{0}).value(), Duration::Zero());
  EXPECT_EQ(TimeFromSeconds(std::uint64_t{9'223'372'036}).value(), Seconds(9'223'372'036));
  EXPECT_EQ(TimeFromSeconds(std::uint64_t{9'223'372'037}).error().detail, "too large");
}

TEST(TimeFromSeconds, FractionsRoundToTheNearestNanosecond) {
  EXPECT_EQ(TimeFromSeconds(1.5).value(), Milliseconds(1500));
  EXPECT_EQ(TimeFromSeconds(0.1).value(), Milliseconds(100));  // 0.1 is not exact in binary
  EXPECT_EQ(TimeFromSeconds(0.005).value(), Milliseconds(5));
  EXPECT_EQ(TimeFromSeconds(1e-9).value(), Nanoseconds(1));
  EXPECT_EQ(TimeFromSeconds(1.4e-9).value(), Nanoseconds(1));
  EXPECT_EQ(TimeFromSeconds(1.6e-9).value(), Nanoseconds(2));
  EXPECT_EQ(TimeFromSeconds(-0.5).error().detail, "negative");
  EXPECT_EQ(TimeFromSeconds(1e300).error().detail, "too large");
  EXPECT_FALSE(TimeFromSeconds(std::numeric_limits<double>::infinity()).ok());
  EXPECT_FALSE(TimeFromSeconds(std::numeric_limits<double>::quiet_NaN()).ok());
}

TEST(ParseRate, AcceptsPacketsPerSecond) {
  EXPECT_EQ(ParseRate("10pps").value(), (Rate{10, Milliseconds(100)}));
  EXPECT_EQ(ParseRate("10 pps").value(), (Rate{10, Milliseconds(100)}));
  EXPECT_EQ(ParseRate("1pps").value(), (Rate{1, Seconds(1)}));
  EXPECT_EQ(ParseRate("0.5pps").value(), (Rate{0.5, Seconds(2)}));
  EXPECT_EQ(ParseRate("2.50pps").value(), (Rate{2.5, Milliseconds(400)}));
  // 1/3 s rounds to the nearest nanosecond, and 2/3 s rounds up.
  EXPECT_EQ(ParseRate("3pps").value().interval, Nanoseconds(333'333'333));
  EXPECT_EQ(ParseRate("1.5pps").value().interval, Nanoseconds(666'666'667));
  EXPECT_EQ(ParseRate("1000000000pps").value().interval, Nanoseconds(1));
  EXPECT_EQ(ParseRate("0.000000001pps").value().interval, Seconds(1'000'000'000));
}

TEST(ParseRate, RejectsWithReason) {
  for (const char* text : {"", "10", "10 Hz", "pps", "10ppss", "10  pps", "ten pps"}) {
    EXPECT_NE(ParseRate(text).error().detail.find("expected a number and \"pps\""),
              std::string::npos)
        << text;
  }
  EXPECT_EQ(ParseRate("-1pps").error().detail, "negative");
  EXPECT_EQ(ParseRate("0pps").error().detail, "must be more than 0pps");
  EXPECT_EQ(ParseRate("0.000pps").error().detail, "must be more than 0pps");
  EXPECT_EQ(ParseRate("3000000000pps").error().detail, "faster than one packet per nanosecond");
  EXPECT_EQ(ParseRate("0.0000000001pps").error().detail, "more than 9 decimals");
  EXPECT_EQ(ParseRate("10000000000000000000pps").error().detail, "too large");
  EXPECT_EQ(ParseRate("x").error().kind, "a rate");
}

TEST(ParseBandwidth, AcceptsEveryUnitAndDecimals) {
  EXPECT_EQ(ParseBandwidth("100Mbps").value(), 100'000'000u);
  EXPECT_EQ(ParseBandwidth("1Gbps").value(), 1'000'000'000u);
  EXPECT_EQ(ParseBandwidth("64kbps").value(), 64'000u);
  EXPECT_EQ(ParseBandwidth("9600bps").value(), 9'600u);
  EXPECT_EQ(ParseBandwidth("1.5Mbps").value(), 1'500'000u);
  EXPECT_EQ(ParseBandwidth("2.5 Gbps").value(), 2'500'000'000u);
  EXPECT_EQ(ParseBandwidth("0.001kbps").value(), 1u);
  EXPECT_EQ(ParseBandwidth("18446744073709551615bps").value(), UINT64_MAX);
}

TEST(ParseBandwidth, RejectsWithReason) {
  EXPECT_NE(ParseBandwidth("100 Mbit").error().detail.find("unknown unit \"Mbit\""),
            std::string::npos);
  EXPECT_NE(ParseBandwidth("100mbps").error().detail.find("unknown unit"), std::string::npos);
  EXPECT_NE(ParseBandwidth("100MBps").error().detail.find("unknown unit"), std::string::npos);
  EXPECT_NE(ParseBandwidth("100").error().detail.find("missing unit"), std::string::npos);
  EXPECT_NE(ParseBandwidth("Mbps").error().detail.find("expected a number"), std::string::npos);
  EXPECT_EQ(ParseBandwidth("-1Mbps").error().detail, "negative");
  EXPECT_EQ(ParseBandwidth("0Gbps").error().detail, "must be more than 0bps");
  EXPECT_EQ(ParseBandwidth("1.5bps").error().detail, "not a whole number of bit/s");
  EXPECT_EQ(ParseBandwidth("0.0001kbps").error().detail, "not a whole number of bit/s");
  EXPECT_EQ(ParseBandwidth("18446744073709551616bps").error().detail, "too large");
  EXPECT_EQ(ParseBandwidth("20000000000Gbps").error().detail, "too large");
  EXPECT_EQ(ParseBandwidth("").error().kind, "a bandwidth");
}

TEST(ParseAddresses, AddressPrefixAndGroup) {
  EXPECT_EQ(ParseAddress("192.0.2.10").value(), Ipv4Address(192, 0, 2, 10));
  EXPECT_EQ(ParseAddress("0.0.0.0").value(), Ipv4Address());
  for (const char* bad :
       {"", "192.0.2", "192.0.2.300", "192.0.2.1/24", "01.2.3.4", "a.b.c.d", " 192.0.2.1"}) {
    EXPECT_EQ(ParseAddress(bad).error().kind, "an IPv4 address") << bad;
  }
  EXPECT_EQ(ParsePrefix("239.0.0.0/8").value(), wire::Ipv4Prefix(Ipv4Address(239, 0, 0, 0), 8));
  EXPECT_EQ(ParsePrefix("192.0.2.1/24").value().address(), Ipv4Address(192, 0, 2, 1));
  for (const char* bad :
       {"", "192.0.2.300/24", "192.0.2.1", "192.0.2.1/33", "192.0.2.1/", "/24", "192.0.2.1/2x"}) {
    const auto p = ParsePrefix(bad);
    ASSERT_FALSE(p.ok()) << bad;
    EXPECT_EQ(Describe(p.error()), "is not an IPv4 prefix") << bad;
  }
  EXPECT_EQ(ParseGroup("239.1.1.1").value(), Ipv4Address(239, 1, 1, 1));
  EXPECT_EQ(ParseGroup("224.0.0.0").value(), Ipv4Address(224, 0, 0, 0));
  EXPECT_EQ(ParseGroup("239.255.255.255").value(), Ipv4Address(239, 255, 255, 255));
  EXPECT_EQ(ParseGroup("192.0.2.55").error().detail, "outside 224.0.0.0/4");
  EXPECT_EQ(ParseGroup("240.0.0.1").error().detail, "outside 224.0.0.0/4");
  EXPECT_EQ(ParseGroup("239.1.1").error().detail, "not an IPv4 address");
}

TEST(ParseInterfacePrefix, NeedsAUsableUnicastAddress) {
  EXPECT_TRUE(ParseInterfacePrefix("192.0.2.1/24").ok());
  EXPECT_TRUE(ParseInterfacePrefix("10.0.0.1/31").ok());
  EXPECT_TRUE(ParseInterfacePrefix("10.0.0.0/31").ok());  // RFC 3021 point-to-point
  EXPECT_TRUE(ParseInterfacePrefix("10.0.0.7/32").ok());
  EXPECT_EQ(Describe(ParseInterfacePrefix("192.0.2.300/24").error()), "is not an IPv4 prefix");
  EXPECT_EQ(ParseInterfacePrefix("224.0.0.1/24").error().detail, "it is multicast");
  EXPECT_EQ(ParseInterfacePrefix("0.0.0.0/8").error().detail, "0.0.0.0 is unspecified");
  EXPECT_EQ(ParseInterfacePrefix("255.255.255.255/32").error().detail,
            "it is the limited broadcast address");
  EXPECT_EQ(ParseInterfacePrefix("192.0.2.0/24").error().detail,
            "it is the network address of its subnet");
  EXPECT_EQ(ParseInterfacePrefix("192.0.2.255/24").error().detail,
            "it is the broadcast address of its subnet");
}

TEST(ParseEndpoint, SplitsNodeAndInterface) {
  EXPECT_EQ(ParseEndpoint("R1:eth0").value(), (Endpoint{"R1", "eth0"}));
  EXPECT_EQ(ParseEndpoint("SW-1.a:p_3").value(), (Endpoint{"SW-1.a", "p_3"}));
  EXPECT_EQ(ToString(Endpoint{"R1", "eth0"}), "R1:eth0");
  for (const char* bad : {"", "R1", "R1:", ":eth0", "R1:eth0:x", "R 1:eth0", "R1:eth/0", "R1::e"}) {
    EXPECT_EQ(ParseEndpoint(bad).error().kind, "an endpoint") << bad;
  }
}

TEST(ParseSocketAddress, AddressAndPort) {
  EXPECT_EQ(ParseSocketAddress("239.1.1.1:5000").value(),
            (SocketAddress{Ipv4Address(239, 1, 1, 1), 5000}));
  EXPECT_EQ(ParseSocketAddress("10.0.0.1:1").value().port, 1);
  EXPECT_EQ(ParseSocketAddress("10.0.0.1:65535").value().port, 65535);
  EXPECT_EQ(ToString(SocketAddress{Ipv4Address(10, 0, 0, 1), 53}), "10.0.0.1:53");
  EXPECT_EQ(ParseSocketAddress("10.0.0.1").error().detail, "expected \"address:port\"");
  EXPECT_EQ(ParseSocketAddress("10.0.0:53").error().detail, "not an IPv4 address before the colon");
  for (const char* bad : {"10.0.0.1:0", "10.0.0.1:65536", "10.0.0.1:", "10.0.0.1:5x", "10.0.0.1:-1",
                          "10.0.0.1:99999999999"}) {
    EXPECT_EQ(ParseSocketAddress(bad).error().detail, "the port must be 1..65535") << bad;
  }
}

TEST(ParseName, LettersDigitsAndThreeMarks) {
  for (const char* good : {"R1", "lan-2", "my_scenario", "v1.0", "a", "0", "-", "A.b_c-9"}) {
    EXPECT_TRUE(IsValidName(good)) << good;
    EXPECT_EQ(ParseName(good).value(), good);
  }
  for (const char* bad : {"my scenario", "a/b", "a:b", "é", "a\tb", "R1*", "\"x\""}) {
    EXPECT_FALSE(IsValidName(bad)) << bad;
    EXPECT_EQ(Describe(ParseName(bad).error()),
              "is not a name (use only letters, digits, \"_\", \".\" and \"-\")");
  }
  EXPECT_EQ(ParseName("").error().detail, "empty");
}

TEST(ParseName, EveryByteIsJudgedByTheRule) {
  for (int c = 0; c < 256; ++c) {
    const std::string s(1, static_cast<char>(c));
    const bool expected = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                          (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
    EXPECT_EQ(IsValidName(s), expected) << c;
  }
}

}  // namespace
}  // namespace sim::scenario
