// `mcastlab graph`: the exact DOT of shipped scenarios (the querier before and after the
// failover, the distribution tree of pim-shared-tree at its end and through its Register, a
// pruned tree, the shared-tree branch pruned after the SPT switchover, snooping router ports), dot's SVG and PNG alike on every run, a scenario FILE
// drawn as its run's folder is, and bad arguments refused with exit 2 and nothing written.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "tests/run/drawing_cli.h"

namespace drawing_cli {
namespace {

namespace fs = std::filesystem;
fs::path Temp(const std::string& name) { return fs::path(testing::TempDir()) / name; }

// The DOT of `args` (an -o FILE.dot is added).
std::string Dot(const std::string& args, const std::string& file) {
  const fs::path out = Temp(file);
  fs::remove(out);
  const CliOutcome r = Cli(args + " -o " + out.string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_EQ(r.out, "wrote " + out.string() + "\n");
  return ReadWholeFile(out);
}

bool Has(const std::string& text, const std::string& line) { return text.find(line + "\n") != std::string::npos; }

TEST(GraphCommand, TheQuerierBeforeTheFailoverIsR1) {
  const std::string dot = Dot("graph " + Shipped("igmp-querier-failover").string() + " --at 100s", "before.dot");
  EXPECT_EQ(dot,
            "digraph G {\n"
            "graph [rankdir=LR, labelloc=t, fontname=\"Helvetica\", fontsize=12, label=\"igmp-querier-failover at 100 s\"];\n"
            "node [fontname=\"Helvetica\", fontsize=10];\n"
            "edge [fontname=\"Helvetica\", fontsize=8, labelfontsize=8];\n"
            "R1[label=\"R1\\neth0: IGMP querier\", shape=ellipse, style=\"filled\", fillcolor=\"#cfe2f3\"];\n"
            "R2[label=\"R2\\neth0: PIM DR\", shape=ellipse, style=\"filled\", fillcolor=\"#cfe2f3\"];\n"
            "H1[label=\"H1\\njoined 239.1.1.1\", shape=box, style=\"filled,rounded\", fillcolor=\"white\"];\n"
            "\"link:lan\"[label=\"lan\\n1Gbps, 1us\", shape=box, style=\"filled,rounded\", fillcolor=\"#d9d9d9\", height=0.3];\n"
            "R1->\"link:lan\" [color=\"#434343\", dir=none, taillabel=\"eth0\"];\n"
            "R2->\"link:lan\" [color=\"#434343\", dir=none, taillabel=\"eth0\"];\n"
            "H1->\"link:lan\" [color=\"#434343\", dir=none, taillabel=\"eth0\"];\n"
            "}\n");
}

TEST(GraphCommand, TheQuerierAfterTheFailoverIsR2AndR1IsOff) {
  const fs::path out = Shipped("igmp-querier-failover");
  // R2 takes over at 411.250001672 s, OQPI after R1's last query.
  const std::string just_before = Dot("graph " + out.string() + " --at 411.25s", "just-before.dot");
  EXPECT_TRUE(Has(just_before, "R2[label=\"R2\\neth0: PIM DR\", shape=ellipse, style=\"filled\", fillcolor=\"#cfe2f3\"];"))
      << just_before;
  const std::string after = Dot("graph " + out.string() + " --at 411.250001672s", "after.dot");
  EXPECT_TRUE(Has(after, "R1[label=\"R1\\n(powered off)\", shape=ellipse, style=\"filled,dashed\", fillcolor=\"#cfe2f3\", "
                         "fontcolor=\"#999999\"];"))
      << after;
  EXPECT_TRUE(Has(after, "R2[label=\"R2\\neth0: IGMP querier, PIM DR\", shape=ellipse, style=\"filled\", "
                         "fillcolor=\"#cfe2f3\"];"))
      << after;
}

TEST(GraphCommand, TheSharedTreeAtTheEndRunsFromTheSourceToTheMember) {
  const std::string dot = Dot("graph " + Shipped("pim-shared-tree").string() + " --group 239.1.1.1", "tree.dot");
  EXPECT_TRUE(Has(dot, "graph [rankdir=LR, labelloc=t, fontname=\"Helvetica\", fontsize=12, label=\"pim-shared-tree at "
                       "160 s: tree of 239.1.1.1, the last datagram from 10.1.0.10 at 150 s\"];"))
      << dot;
  // R3 switches to the SPT on the first datagram (spt_switchover "immediate"), so R2's eth1
  // holds the (S,G) Join beside the (*,G) one; on this line the SPT is the same links.
  EXPECT_TRUE(Has(dot, "R2[label=\"R2\\neth0: PIM DR\\neth1: IGMP querier, Join (*,239.1.1.1), Join "
                       "(10.1.0.10,239.1.1.1)\\nRP\", shape=ellipse, style=\"filled\", fillcolor=\"#cfe2f3\", penwidth=2.5];"))
      << dot;
  EXPECT_TRUE(Has(dot, "rx[label=\"rx\\nmember of 239.1.1.1\", shape=box, style=\"filled,rounded\", "
                       "fillcolor=\"#d9ead3\", peripheries=2];"));
  const std::string tree = "[color=\"#cc0000\", penwidth=2.5, dir=forward, label=";
  EXPECT_TRUE(Has(dot, "src->R1 " + tree + "\"src-lan\\n1Gbps, 1us\", taillabel=\"eth0\", headlabel=\"eth0\"];"));
  EXPECT_TRUE(Has(dot, "R1->R2 " + tree + "\"r1-r2\\n1Gbps, 1ms\", taillabel=\"eth1\", headlabel=\"eth0\"];"));
  EXPECT_TRUE(Has(dot, "R2->R3 " + tree + "\"r2-r3\\n1Gbps, 1ms\", taillabel=\"eth1\", headlabel=\"eth0\"];"));
  EXPECT_TRUE(Has(dot, "R3->rx " + tree + "\"rx-lan\\n1Gbps, 1us\", taillabel=\"eth1\", headlabel=\"eth0\"];"));
}

TEST(GraphCommand, BeforeAnyDataTheJoinStateShowsTheSharedTree) {
  const std::string dot = Dot("graph " + Shipped("pim-shared-tree").string() + " --group 239.1.1.1 --at 10s", "joins.dot");
  EXPECT_TRUE(Has(dot, "graph [rankdir=LR, labelloc=t, fontname=\"Helvetica\", fontsize=12, label=\"pim-shared-tree at "
                       "10 s: tree of 239.1.1.1 (no datagram of it sent by then)\"];"))
      << dot;
  EXPECT_NE(dot.find("R2[label=\"R2\\neth0: PIM DR\\neth1: IGMP querier, Join (*,239.1.1.1)\\nRP\""), std::string::npos);
  EXPECT_EQ(dot.find("dir=forward"), std::string::npos);
}

TEST(GraphCommand, TheFirstDatagramReachesTheRpInsideARegister) {
  const std::string dot = Dot("graph " + Shipped("pim-shared-tree").string() + " --group 239.1.1.1 --at 40.5s", "reg.dot");
  EXPECT_TRUE(Has(dot, "R1->R2 [color=\"#1155cc\", style=dashed, penwidth=2, dir=forward, label=\"r1-r2\\n1Gbps, "
                       "1ms\\nRegister\", taillabel=\"eth1\", headlabel=\"eth0\"];"))
      << dot;
}

TEST(GraphCommand, APrunedBranchIsFadedAndTheMemberGone) {
  const std::string dot = Dot("graph " + Shipped("pim-prune-on-leave").string() + " --group 239.1.1.1", "pruned.dot");
  EXPECT_TRUE(Has(dot, "R1->R2 [color=\"#b7b7b7\", fontcolor=\"#999999\", style=dashed, dir=none, label=\"r1-r2\\n1Gbps, "
                       "1ms\\n(carried it before)\", taillabel=\"eth1\", headlabel=\"eth0\"];"))
      << dot;
  EXPECT_TRUE(Has(dot, "rx[label=\"rx\", shape=box, style=\"filled,rounded\", fillcolor=\"white\"];"));
}

TEST(GraphCommand, AfterTheSptSwitchoverTheSharedTreeBranchIsFadedAndPruned) {
  const std::string dot = Dot("graph " + Shipped("pim-spt-switchover").string() + " --group 239.1.1.1 --at 70s", "spt.dot");
  // The last datagram (60 s) takes R1 -> R3 directly; R3's Prune(S,G,rpt) took the source off
  // the RP's branch, which carried only the first datagrams.
  EXPECT_TRUE(Has(dot, "R1->R3 [color=\"#cc0000\", penwidth=2.5, dir=forward, label=\"r1-r3\\n1Gbps, 1ms\", "
                       "taillabel=\"eth2\", headlabel=\"eth2\"];"))
      << dot;
  EXPECT_TRUE(Has(dot, "R2->R3 [color=\"#b7b7b7\", fontcolor=\"#999999\", style=dashed, dir=none, label=\"r2-r3\\n1Gbps, "
                       "1ms\\n(carried it before)\", taillabel=\"eth1\", headlabel=\"eth0\"];"));
  EXPECT_TRUE(Has(dot, "R2[label=\"R2\\neth0: PIM DR\\neth1: IGMP querier, Join (*,239.1.1.1), Prune "
                       "(10.1.0.10,239.1.1.1,rpt)\\nRP\", shape=ellipse, style=\"filled\", fillcolor=\"#cfe2f3\", penwidth=2.5];"));
}

TEST(GraphCommand, SnoopingSendsToTheMemberAndTheRouterPortOnly) {
  const std::string dot = Dot("graph " + Shipped("igmp-snooping").string() + " --group 239.1.1.1 --at 10s", "snoop.dot");
  EXPECT_NE(dot.find("R->\"SW-A\" [color=\"#cc0000\", penwidth=2.5, dir=forward, label=\"a-up\\n1Gbps, 1us\", "
                     "taillabel=\"a\", headlabel=\"p1 (router port)\"];"),
            std::string::npos)
      << dot;
  EXPECT_NE(dot.find("\"SW-A\"->\"H-A2\" [color=\"#434343\", dir=none,"), std::string::npos);
  EXPECT_NE(dot.find("\"SW-B\"->\"H-B2\" [color=\"#cc0000\", penwidth=2.5, dir=forward,"), std::string::npos);
}

TEST(GraphCommand, AHubIsOneSegmentNodeAndTheTreeEntersItToTheMember) {
  const std::string dot = Dot("graph " + Shipped("igmp-snooping-querier-leave").string() + " --group 239.1.1.1", "hub.dot");
  EXPECT_TRUE(Has(dot, "SW1[label=\"SW1\\nsnooping querier\", shape=box3d, style=\"filled\", fillcolor=\"#fff2cc\"];"))
      << dot;
  EXPECT_TRUE(Has(dot, "\"link:hub\"[label=\"hub\\n1Gbps, 1us\", shape=box, style=\"filled,rounded\", "
                       "fillcolor=\"#d9d9d9\", height=0.3];"));
  EXPECT_TRUE(Has(dot, "SW1->\"link:hub\" [color=\"#cc0000\", penwidth=2.5, dir=forward, taillabel=\"p2\"];"));
  EXPECT_TRUE(Has(dot, "\"link:hub\"->H4 [color=\"#cc0000\", penwidth=2.5, dir=forward, headlabel=\"eth0\"];"));
  EXPECT_TRUE(Has(dot, "H3->\"link:hub\" [color=\"#434343\", dir=none, taillabel=\"eth0\"];"));
}

TEST(GraphCommand, SvgAndPngAreTheSameBytesOnEveryRun) {
  const fs::path out = Shipped("pim-shared-tree");
  for (const std::string ext : {"svg", "png"}) {
    const fs::path a = Temp("a." + ext), b = Temp("b." + ext);
    ASSERT_EQ(Cli("graph " + out.string() + " --group 239.1.1.1 -o " + a.string()).exit_code, 0);
    ASSERT_EQ(Cli("graph " + out.string() + " --group 239.1.1.1 -o " + b.string()).exit_code, 0);
    EXPECT_EQ(ReadWholeFile(a), ReadWholeFile(b)) << ext;
  }
  const std::string svg = ReadWholeFile(Temp("a.svg"));
  EXPECT_TRUE(svg.starts_with("<?xml")) << svg.substr(0, 100);
  EXPECT_NE(svg.find("<title>R2</title>"), std::string::npos);
  EXPECT_TRUE(ReadWholeFile(Temp("a.png")).starts_with("\x89PNG"));
}

TEST(GraphCommand, AScenarioFileIsRunFirstAndDrawnAsItsOutputIs) {
  const fs::path scenario = fs::path(MCASTLAB_SOURCE_DIR) / "topologies/igmp-querier-failover.json";
  EXPECT_EQ(Dot("graph " + scenario.string() + " --at 100s", "from-file.dot"),
            Dot("graph " + Shipped("igmp-querier-failover").string() + " --at 100s", "from-out.dot"));
}

TEST(GraphCommand, BadArgumentsExitTwoAndWriteNothing) {
  const fs::path out = Shipped("igmp-querier-failover");
  const fs::path target = Temp("never.svg");
  fs::remove(target);
  const std::vector<std::pair<std::string, std::string>> cases = {
      {out.string() + " -o " + Temp("x.jpg").string(), "mcastlab graph: -o: '" + Temp("x.jpg").string() +
                                                           "' does not end in .svg, .png or .dot\n"},
      {out.string() + " --at 700s -o " + target.string(),
       "mcastlab graph: --at: 700 s is after the end of the run (600 s)\n"},
      {out.string() + " --group 10.0.0.1 -o " + target.string(),
       "mcastlab graph: --group: 10.0.0.1 is not a multicast group\n"},
      {"/nonexistent -o " + target.string(), "mcastlab graph: /nonexistent: no such file or folder\n"},
      {fs::path(MCASTLAB_SOURCE_DIR).string() + "/tests/scenario/broken/bad_prefix.json -o " + target.string(),
       fs::path(MCASTLAB_SOURCE_DIR).string() +
           "/tests/scenario/broken/bad_prefix.json: /nodes/1/interfaces/0/address: \"192.0.2.300/24\" is not an "
           "IPv4 prefix\nmcastlab graph: " +
           fs::path(MCASTLAB_SOURCE_DIR).string() + "/tests/scenario/broken/bad_prefix.json is not a valid scenario\n"},
  };
  for (const auto& [args, message] : cases) {
    const CliOutcome r = Cli("graph " + args);
    EXPECT_EQ(r.exit_code, 2) << args;
    EXPECT_EQ(r.err, message) << args;
    EXPECT_EQ(r.out, "");
  }
  EXPECT_FALSE(fs::exists(target));
  fs::create_directories(Temp("a-folder.svg"));
  const CliOutcome folder = Cli("graph " + out.string() + " -o " + Temp("a-folder.svg").string());
  EXPECT_EQ(folder.exit_code, 2);
  EXPECT_EQ(folder.err, "mcastlab graph: -o: " + Temp("a-folder.svg").string() + " is a folder; give a file name\n");
  const CliOutcome missing = Cli("graph " + out.string());
  EXPECT_EQ(missing.exit_code, 2);
  EXPECT_EQ(missing.err, "mcastlab graph: --output is required\nTry 'mcastlab graph --help'.\n");
}

}  // namespace
}  // namespace drawing_cli
