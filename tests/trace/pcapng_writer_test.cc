// The merged-capture pcapng writer: exact block bytes (little-endian, lengths padded to 4),
// and tshark reading back interface names, descriptions and nanosecond times.
#include "sim/trace/pcapng_writer.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "tests/support/hex.h"
#include "tests/support/temp_files.h"
#include "tests/support/tshark.h"

namespace sim::trace {
namespace {

using testing_support::Hex;
using testing_support::ReadFileBytes;
using wire::Bytes;

using testing_support::TempPath;
TEST(PcapngWriter, WritesSectionInterfaceAndPacketBlocks) {
  const auto path = TempPath("one.pcapng");
  PcapngWriter w(path.string());
  EXPECT_EQ(w.AddInterface("lan", ""), 0u);
  w.Write(0, core::Time::FromNanos(5'000'000'001), Hex("01 02 03"));
  w.Close();
  EXPECT_EQ(w.frames_written(), 1u);
  EXPECT_EQ(ReadFileBytes(path),
            // Section header: type, length 44, byte-order magic, version 1.0, length unknown,
            // shb_userappl "mcastlab", end of options, length again.
            Hex("0a 0d 0d 0a 2c 00 00 00 4d 3c 2b 1a 01 00 00 00 ff ff ff ff ff ff ff ff"
                "04 00 08 00 6d 63 61 73 74 6c 61 62 00 00 00 00 2c 00 00 00"
                // Interface: type 1, length 40, Ethernet, reserved, snaplen 262144,
                // if_name "lan" (padded), if_tsresol 9 (padded), end, length again.
                "01 00 00 00 28 00 00 00 01 00 00 00 00 00 04 00"
                "02 00 03 00 6c 61 6e 00 09 00 01 00 09 00 00 00 00 00 00 00 28 00 00 00"
                // Enhanced packet: type 6, length 36, interface 0, time 5000000001 ns as
                // high and low words, lengths 3 and 3, data padded, length again.
                "06 00 00 00 24 00 00 00 00 00 00 00 01 00 00 00 01 f2 05 2a"
                "03 00 00 00 03 00 00 00 01 02 03 00 24 00 00 00"));
}

TEST(PcapngWriter, TsharkReadsNamesDescriptionsAndTimes) {
  if (testing_support::TsharkPath().empty()) GTEST_SKIP() << "tshark not found";
  const auto path = TempPath("two.pcapng");
  PcapngWriter w(path.string());
  const auto a = w.AddInterface("up1", "r0 eth1, r1 eth0");
  const auto b = w.AddInterface("lan-with-a-longer-name", "h1 eth0");
  // Two broadcast ARP requests, the smallest frames tshark decodes without complaint.
  const Bytes arp = Hex(
      "ff ff ff ff ff ff 02 00 00 00 00 01 08 06 00 01 08 00 06 04 00 01 02 00 00 00 00 01"
      "c0 00 02 01 00 00 00 00 00 00 c0 00 02 02");
  w.Write(a, core::Time::FromNanos(1'000'000'007), arp);
  w.Write(b, core::Time::FromNanos(4'294'967'296'123), arp);  // past 2^32 ns: uses the high word
  w.Close();
  const auto rows = testing_support::TsharkFields(
      path.string(), {"frame.interface_name", "frame.interface_description", "frame.time_epoch", "arp.opcode"});
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"up1", "r0 eth1, r1 eth0", "1.000000007", "1"}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{"lan-with-a-longer-name", "h1 eth0", "4294.967296123", "1"}));
  EXPECT_TRUE(testing_support::TsharkProblems(path.string()).empty());
}

TEST(PcapngWriter, UnknownInterfaceAndLateInterfaceAreErrors) {
  PcapngWriter w(TempPath("bad.pcapng").string());
  EXPECT_THROW(w.Write(0, core::Time::FromNanos(0), Hex("00")), OutputError);
  w.AddInterface("a", "");
  w.Write(0, core::Time::FromNanos(0), Hex("00"));
  EXPECT_THROW(w.AddInterface("b", ""), OutputError);
}

TEST(PcapngWriter, FullDiskIsAClearError) {
  if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full on this system";
  try {
    PcapngWriter w("/dev/full");
    w.AddInterface("a", "");
    for (int i = 0; i < 100000; ++i) w.Write(0, core::Time::FromNanos(i), Bytes(60, 0));
    w.Close();
    FAIL() << "no error";
  } catch (const OutputError& e) {
    EXPECT_EQ(std::string(e.what()).rfind("cannot ", 0), 0u) << e.what();
    EXPECT_NE(std::string(e.what()).find("/dev/full: No space left on device"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace sim::trace
