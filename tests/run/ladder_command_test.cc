// `mcastlab ladder`: the exact text of a window of igmp-querier-failover (the takeover at
// 411.25 s) and pim-shared-tree (the Register), the node and protocol filters, the SVG alike on
// every run, and bad arguments or a damaged pcap refused with exit 2.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/run/drawing_cli.h"

namespace drawing_cli {
namespace {

namespace fs = std::filesystem;

std::string Ladder(const std::string& args) {
  const CliOutcome r = Cli("ladder " + args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.err, "");
  return r.out;
}

TEST(LadderCommand, TheTakeoverAtOtherQuerierPresentExpiry) {
  EXPECT_EQ(Ladder(Shipped("igmp-querier-failover").string() + " --from 411s --until 412s"),
            "time          R1    R2    H1\n"
            "411.250001672 |     *     |       R2 igmp.querier eth0: NonQuerier -> Querier (other querier present "
            "timer expired); send general query\n"
            "411.250001672 <-----o----->       [lan] igmp query general max-resp 10s | ip 192.0.2.2 > 224.0.0.1 "
            "proto 2 ttl 1 ra\n"
            "411.250003344 |     |     *       H1 igmp.host_group eth0 239.1.1.1: IdleMember -> DelayingMember "
            "(query received)\n");
}

TEST(LadderCommand, TheFirstDatagramGoesThroughARegister) {
  const std::string text = Ladder(Shipped("pim-shared-tree").string() + " --from 40s --until 40.0041s --filter pim,udp");
  EXPECT_EQ(text,
            "time          src   R1    R2    R3    rx\n"
            "40.000000000  o----->     |     |     |       [src-lan] udp 49152 > 5001 len 64 | ip 10.1.0.10 > "
            "239.1.1.1 proto 17 ttl 16\n"
            "40.000002040  |     *     |     |     |       R1 pim.register 239.1.1.1 10.1.0.10: NoInfo -> Join "
            "(CouldRegister->True); add reg tunnel\n"
            "40.002003384  |     o----->     |     |       [r1-r2] pim register inner ip 10.1.0.10 > 239.1.1.1 proto "
            "17 ttl 15 (92 bytes) | ip 10.0.12.1 > 10.0.12.2 proto 103 ttl 64\n"
            "40.003004648  |     |     *     |     |       R2 pim.upstream (10.1.0.10,239.1.1.1): NotJoined -> Joined "
            "(JoinDesired true)\n"
            "40.003004648  |     |     *     |     |       R2 pim.upstream_rpt (10.1.0.10,239.1.1.1,rpt): RPTNotJoined -> "
            "NotPruned (inherited_olist non-empty)\n"
            "40.003004648  |     <-----o     |     |       [r1-r2] pim join/prune upstream 10.0.12.1 holdtime 210 "
            "239.1.1.1/32 join (10.1.0.10) prune - | ip 10.0.12.2 > 224.0.0.13 proto 103 ttl 1\n"
            "40.003004648  |     |     o----->     |       [r2-r3] udp 49152 > 5001 len 64 | ip 10.1.0.10 > "
            "239.1.1.1 proto 17 ttl 14\n"
            "40.004005384  |     *     |     |     |       R1 pim.downstream eth1 (10.1.0.10,239.1.1.1): NoInfo -> "
            "Join (receive Join)\n"
            "40.004005384  |     *     |     |     |       R1 pim.upstream (10.1.0.10,239.1.1.1): NotJoined -> Joined "
            "(JoinDesired true)\n"
            // R3 switches to the SPT on this first datagram down the shared tree (spt_switchover
            // "immediate", the default): its (S,G) Join goes to R2, on this line also RPF'(S,G).
            "40.004005688  |     |     |     *     |       R3 pim.spt eth0 (10.1.0.10,239.1.1.1): join SPT\n"
            "40.004005688  |     |     |     *     |       R3 pim.upstream (10.1.0.10,239.1.1.1): NotJoined -> Joined "
            "(JoinDesired true)\n"
            "40.004005688  |     |     |     *     |       R3 pim.upstream_rpt (10.1.0.10,239.1.1.1,rpt): RPTNotJoined -> "
            "NotPruned (inherited_olist non-empty)\n"
            "40.004005688  |     |     <-----o     |       [r2-r3] pim join/prune upstream 10.0.23.1 holdtime 210 "
            "239.1.1.1/32 join (10.1.0.10) prune - | ip 10.0.23.2 > 224.0.0.13 proto 103 ttl 1\n"
            "40.004005688  |     |     |     o----->       [rx-lan] udp 49152 > 5001 len 64 | ip 10.1.0.10 > "
            "239.1.1.1 proto 17 ttl 13\n");
}

TEST(LadderCommand, NodesPickAndOrderTheColumns) {
  EXPECT_EQ(Ladder(Shipped("igmp-querier-failover").string() + " --until 2s --filter pim --nodes R2,R1"),
            "time          R2    R1\n"
            "0.000000000   |     *       R1 pim.dr eth0: none -> 192.0.2.1 (start)\n"
            "0.000000000   *     |       R2 pim.dr eth0: none -> 192.0.2.2 (start)\n"
            "0.709504405   <-----o       [lan] pim hello holdtime 105 lan-prune-delay 500ms/2500ms dr-priority 1 "
            "genid 0x19ba94ed | ip 192.0.2.1 > 224.0.0.13 proto 103 ttl 1\n"
            "0.709506141   *     |       R2 pim.neighbor eth0 192.0.2.1: up\n"
            "1.814638345   o----->       [lan] pim hello holdtime 105 lan-prune-delay 500ms/2500ms dr-priority 1 "
            "genid 0x38d33b4c | ip 192.0.2.2 > 224.0.0.13 proto 103 ttl 1\n"
            "1.814640081   |     *       R1 pim.neighbor eth0 192.0.2.2: up\n"
            "1.814640081   |     *       R1 pim.dr eth0: 192.0.2.1 -> 192.0.2.2 (new neighbor)\n");
}

TEST(LadderCommand, AMessageFromOutsideTheColumnsNamesItsSender) {
  const std::string text = Ladder(Shipped("igmp-querier-failover").string() + " --nodes H1 --until 0.5s --filter igmp");
  EXPECT_EQ(text,
            "time          H1\n"
            "0.000000000   >       [lan] from R1: igmp query general max-resp 10s | ip 192.0.2.1 > 224.0.0.1 proto 2 "
            "ttl 1 ra\n"
            "0.000000000   >       [lan] from R2: igmp query general max-resp 10s | ip 192.0.2.2 > 224.0.0.1 proto 2 "
            "ttl 1 ra\n");
}

TEST(LadderCommand, TheSvgIsTheSameOnEveryRun) {
  const fs::path out = Shipped("pim-shared-tree");
  const fs::path a = fs::path(testing::TempDir()) / "ladder-a.svg", b = fs::path(testing::TempDir()) / "ladder-b.svg";
  const CliOutcome r = Cli("ladder " + out.string() + " --from 40s --until 41.01s -o " + a.string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  // 28: the SPT switchover adds R3's (S,G) Join and the SPT and (S,G,rpt) state rows.
  EXPECT_EQ(r.out, "wrote " + a.string() + " (28 rows)\n");
  ASSERT_EQ(Cli("ladder " + out.string() + " --from 40s --until 41.01s -o " + b.string()).exit_code, 0);
  const std::string svg = ReadWholeFile(a);
  EXPECT_EQ(svg, ReadWholeFile(b));
  EXPECT_TRUE(svg.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg ")) << svg.substr(0, 80);
  EXPECT_NE(svg.find(">[r1-r2] pim register-stop 239.1.1.1/32 source 10.1.0.10 | ip 10.0.12.2 &gt; 10.0.12.1 proto "
                     "103 ttl 64</text>"),
            std::string::npos);
  EXPECT_TRUE(svg.ends_with("</svg>\n"));
}

TEST(LadderCommand, BadArgumentsExitTwo) {
  const fs::path out = Shipped("igmp-querier-failover");
  const std::vector<std::pair<std::string, std::string>> cases = {
      {out.string() + " --filter igmp,igmpp",
       "mcastlab ladder: --filter: 'igmpp' is not one of igmp, pim, udp, arp, icmp (did you mean \"igmp\"?)\n"},
      {out.string() + " --nodes R1,H9", "mcastlab ladder: --nodes: no node named H9 in this run (did you mean \"H1\"?)\n"},
      {out.string() + " --from 5s --until 4s", "mcastlab ladder: --from 5 s is after --until 4 s\n"},
      {out.string() + " --from 601s", "mcastlab ladder: --from: 601 s is after the end of the run (600 s)\n"},
      {out.string() + " -o x.png", "mcastlab ladder: -o: 'x.png' does not end in .svg\n"},
      {out.string() + "/summary.json",
       "mcastlab ladder: " + out.string() +
           "/summary.json is a file, not the output folder of a run; run it first with mcastlab run\n"},
  };
  for (const auto& [args, message] : cases) {
    const CliOutcome r = Cli("ladder " + args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_EQ(r.err, message) << args;
    EXPECT_EQ(r.out, "");
  }
}

TEST(LadderCommand, ADamagedPcapIsNamedWithItsOffset) {
  const fs::path out = Shipped("igmp-querier-failover");
  fs::resize_file(out / "lan.pcap", 24 + 16 + 10);
  const CliOutcome r = Cli("ladder " + out.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.err, "mcastlab ladder: " + (out / "lan.pcap").string() + ": cut short in a record at byte 40\n");
  EXPECT_EQ(r.out, "");
}

}  // namespace
}  // namespace drawing_cli
