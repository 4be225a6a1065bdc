// PIM reconvergence at exact instants: the lessons pim-rpf-link-failure.json (a cable on the
// preferred path is cut mid-stream) and pim-rp-off.json (the static RP powers off), and a LAN
// whose DR loses its link. Read back from the pcaps (tshark), events.jsonl and summary.json.
#include <gtest/gtest.h>

#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "sim/run/runner.h"
#include "sim/scenario/loader.h"
#include "tests/run/pim_run_support.h"
#include "tests/support/child_process.h"
#include "tests/support/tshark.h"

namespace sim::run {
namespace {

namespace fs = std::filesystem;

std::string Topology(const std::string& name) {
  return testing_support::ReadWholeFile(fs::path(MCASTLAB_SOURCE_DIR) / "topologies" / name);
}

// Runs `text` into a fresh folder of the test's own.
fs::path RunText(const std::string& text, const std::string& tag) {
  const auto loaded = scenario::LoadScenario(text);
  EXPECT_TRUE(loaded.ok());
  const fs::path out = fs::path(testing::TempDir()) / tag;
  fs::remove_all(out);
  if (loaded.ok()) {
    EXPECT_TRUE(RunScenario(loaded.scenario(), out).passed());
  }
  return out;
}

// Join/Prune frames of a link: time, sender, upstream neighbor, joins, prunes.
std::string JoinPrunes(const fs::path& out, const std::string& link) {
  return testing_support::RunTshark((out / (link + ".pcap")).string(),
                                    {"-Y", "pim.type == 3", "-T", "fields", "-e", "frame.time_relative", "-e",
                                     "ip.src", "-e", "pim.upstream_neighbor", "-e", "pim.numjoins", "-e",
                                     "pim.numprunes"});
}

// The events.jsonl lines that hold every one of `needles`, with their instants.
std::string Lines(const fs::path& out, const std::vector<std::string>& needles) {
  std::string found;
  std::istringstream events(testing_support::ReadWholeFile(out / "events.jsonl"));
  for (std::string line; std::getline(events, line);) {
    bool all = true;
    for (const std::string& n : needles) all = all && line.find(n) != std::string::npos;
    if (all) found += line + "\n";
  }
  return found;
}

// The summary's `streams` array, as written (one stream per line).
std::string Streams(const fs::path& out) {
  const std::string summary = testing_support::ReadWholeFile(out / "summary.json");
  const auto at = summary.find("\"streams\": [");
  return at == std::string::npos ? "" : summary.substr(at, summary.rfind(']') + 1 - at);
}

constexpr char kStarG[] = "(*,239.1.1.1)";
constexpr char kSG[] = "(10.1.0.10,239.1.1.1)";

// The pim.rpf line of `entry` at `t` on `node` (an interface "none" is left out).
std::string RpfLine(const std::string& t, const std::string& node, const std::string& old_interface,
                    const std::string& interface, const std::string& old_rpf, const std::string& rpf,
                    const std::string& entry = kStarG) {
  const auto key = [](const std::string& k, const std::string& name) {
    return name == "none" ? std::string() : "\"" + k + "\": \"" + name + "\", ";
  };
  return "{\"t\": \"" + t + "\", \"node\": \"" + node + "\", \"kind\": \"pim.rpf\", \"entry\": \"" + entry + "\", " +
         key("old_interface", old_interface) + key("interface", interface) + "\"old_rpf\": \"" + old_rpf +
         "\", \"rpf\": \"" + rpf + "\"}\n";
}

// The pim.upstream line of `entry` for "RPF' changes" (Joined), with what it sent.
std::string RpfChangeLine(const std::string& t, const std::string& node, const std::string& old_rpf,
                          const std::string& rpf, const std::string& send, const std::string& entry = kStarG) {
  return "{\"t\": \"" + t + "\", \"node\": \"" + node + "\", \"kind\": \"pim.upstream\", \"entry\": \"" + entry +
         "\", \"from\": \"Joined\", \"event\": \"RPF' changes\", \"to\": \"Joined\", " +
         "\"old_rpf\": \"" + old_rpf + "\", \"rpf\": \"" + rpf + "\", \"send\": \"" + send +
         "\", \"why\": \"rpf change\", \"jt\": \"1min\"}\n";
}

// The periodic pim.upstream line of `entry` at `t` on `node`, a Join to `to`.
std::string PeriodicLine(const std::string& t, const std::string& node, const std::string& entry,
                         const std::string& to) {
  return "{\"t\": \"" + t + "\", \"node\": \"" + node + "\", \"kind\": \"pim.upstream\", \"entry\": \"" + entry +
         "\", \"from\": \"Joined\", \"event\": \"JT expires\", \"to\": \"Joined\", \"send\": \"join " + to +
         "\", \"why\": \"periodic\", \"jt\": \"1min\"}\n";
}

TEST(PimReconvergence, LinkFailureMovesTheJoinAtOnceAndPrunesTheOldPath) {
  std::string text = Topology("pim-rpf-link-failure.json");
  text.replace(text.find("\"duration\": \"60s\""), 17, "\"duration\": \"100s\"");
  const fs::path out = RunText(text, "pim-rpf-link-failure-100s");
  // R4, a last hop, switched to the SPT on the first datagram (Join(S,G) to R2 at 20.005 s, and
  // R2's to R1 at 20.010 s), so at the cut (30.003 s) both its entries move (§4.5.4 and §4.5.5,
  // "RPF' changes"): Join(*,G) and Join(S,G) to R3 in one message, not at a Join period; both
  // Join Timers restart there, so the next is at 90.003 s. No Prune(S,G,rpt) rides along: the
  // new RPF'(S,G) is RPF'(*,G). R2 prunes (*,G) and (S,G) off toward R1 in the same instant;
  // its periodic Joins (due at 63.16 s and 80.01 s) never come.
  EXPECT_EQ(JoinPrunes(out, "b34"),
            "30.003000000\t10.0.34.4\t10.0.34.3\t2\t0\n"
            "90.003000000\t10.0.34.4\t10.0.34.3\t2\t0\n");
  EXPECT_EQ(JoinPrunes(out, "a12"),
            "3.163708060\t10.0.12.2\t10.0.12.1\t1\t0\n"
            "20.010005856\t10.0.12.2\t10.0.12.1\t1\t0\n"
            "30.003000000\t10.0.12.2\t10.0.12.1\t0\t2\n");
  EXPECT_EQ(JoinPrunes(out, "b24"),
            "3.158707324\t10.0.24.4\t10.0.24.2\t1\t0\n"
            "20.005005120\t10.0.24.4\t10.0.24.2\t1\t0\n");
  // One step from the old RPF' to the new (no passage through "none"), for (*,G) and (S,G)
  // alike, and no Prune to R2 (its link is down).
  EXPECT_EQ(Lines(out, {"\"node\": \"R4\"", "\"kind\": \"pim.", "\"t\": \"30.0"}) +
                Lines(out, {"\"node\": \"R4\"", "\"kind\": \"pim.upstream", "\"t\": \"90.0"}),
            "{\"t\": \"30.003000000\", \"node\": \"R4\", \"kind\": \"pim.neighbor\", \"interface\": \"eth0\", "
            "\"neighbor\": \"10.0.24.2\", \"change\": \"down\", \"reason\": \"interface down\"}\n"
            "{\"t\": \"30.003000000\", \"node\": \"R4\", \"kind\": \"pim.dr\", \"interface\": \"eth0\", \"from\": "
            "\"10.0.24.4\", \"event\": \"interface down\", \"to\": \"none\", \"i_am_dr\": false, \"by\": "
            "\"priority\"}\n" +
                RpfLine("30.003000000", "R4", "eth0", "eth1", "10.0.24.2", "10.0.34.3") +
                RpfChangeLine("30.003000000", "R4", "10.0.24.2", "10.0.34.3", "join 10.0.34.3") +
                RpfLine("30.003000000", "R4", "eth0", "eth1", "10.0.24.2", "10.0.34.3", kSG) +
                RpfChangeLine("30.003000000", "R4", "10.0.24.2", "10.0.34.3", "join 10.0.34.3", kSG) +
                PeriodicLine("90.003000000", "R4", kStarG, "10.0.34.3") +
                PeriodicLine("90.003000000", "R4", kSG, "10.0.34.3"));
}

TEST(PimReconvergence, LinkFailureInterruptionIsExact) {
  const fs::path out = RunText(Topology("pim-rpf-link-failure.json"), "pim-rpf-link-failure");
  // The datagram of 30 s was on b24 when it was cut. rx4's last delivery over R2 (5 ms cable)
  // is the one of 29.9 s; its first over R3 the one of 30.1 s.
  EXPECT_EQ(Lines(out, {"\"kind\": \"receive.resumed\""}) + Lines(out, {"\"kind\": \"tree.complete\""}),
            "{\"t\": \"30.100008160\", \"node\": \"rx4\", \"kind\": \"receive.resumed\", \"socket\": \"s\", "
            "\"source\": \"10.1.0.10\", \"group\": \"239.1.1.1\", \"gap\": \"195001us\", \"from\": \"29.905007160\"}\n"
            "{\"t\": \"30.100008160\", \"kind\": \"tree.complete\", \"group\": \"239.1.1.1\", \"source\": "
            "\"10.1.0.10\", \"receivers\": 2, \"resumed\": 1, \"since\": \"29.905007160\"}\n");
  EXPECT_EQ(Streams(out),
            "\"streams\": [\n"
            "    {\"host\": \"rx3\", \"socket\": \"s\", \"group\": \"239.1.1.1\", \"source\": \"10.1.0.10\", "
            "\"datagrams\": 201, \"first\": \"20.000006120\", \"last\": \"40.000006120\", \"longest_gap\": \"100ms\", "
            "\"gap_from\": \"20.000006120\", \"gap_to\": \"20.100006120\", \"source_last\": \"40.000000000\"},\n"
            "    {\"host\": \"rx4\", \"socket\": \"s\", \"group\": \"239.1.1.1\", \"source\": \"10.1.0.10\", "
            "\"datagrams\": 200, \"first\": \"20.005007160\", \"last\": \"40.000008160\", \"longest_gap\": "
            "\"195001us\", \"gap_from\": \"29.905007160\", \"gap_to\": \"30.100008160\", \"source_last\": "
            "\"40.000000000\"}]");
}

TEST(PimReconvergence, LinkBackMovesTheRouteBeforeItsNeighborIsKnown) {
  // b24 comes back at 35.003 s. The routes move back to it in that instant, but R4 has no PIM
  // neighbor on it until R2's first Hello (38.078626701 s, rand(0, 5 s) after the link came
  // up): RPF'(*,G) and RPF'(S,G) are unknown meanwhile (NBR() of §4.1.6 is NULL), so R4 prunes
  // both off R3 at once (one message, two Prunes) and joins R2 only then. rx4 goes 3.104999 s without the stream, a gap that an IGP, slower
  // than PIM's Hellos to bring a link back, would not open.
  std::string text = Topology("pim-rpf-link-failure.json");
  const std::string cut = R"({
      "at": "30.003s",)";
  text.insert(text.find(cut), R"({"at": "35.003s", "action": "link", "link": "b24", "state": "up"}, )");
  text = pim_run::WithoutExpectations(text);
  const fs::path out = RunText(text, "pim-rpf-link-back");
  EXPECT_EQ(Lines(out, {"\"node\": \"R4\"", "\"pim.rpf\"", "\"t\": \"3"}),
            RpfLine("3.158706588", "R4", "eth0", "eth0", "0.0.0.0", "10.0.24.2") +
                RpfLine("30.003000000", "R4", "eth0", "eth1", "10.0.24.2", "10.0.34.3") +
                RpfLine("30.003000000", "R4", "eth0", "eth1", "10.0.24.2", "10.0.34.3", kSG) +
                RpfLine("35.003000000", "R4", "eth1", "eth0", "10.0.34.3", "0.0.0.0") +
                RpfLine("35.003000000", "R4", "eth1", "eth0", "10.0.34.3", "0.0.0.0", kSG) +
                RpfLine("38.078626701", "R4", "eth0", "eth0", "0.0.0.0", "10.0.24.2") +
                RpfLine("38.078626701", "R4", "eth0", "eth0", "0.0.0.0", "10.0.24.2", kSG));
  EXPECT_EQ(JoinPrunes(out, "b34"), "30.003000000\t10.0.34.4\t10.0.34.3\t2\t0\n"
                                    "35.003000000\t10.0.34.4\t10.0.34.3\t0\t2\n");
  EXPECT_EQ(Lines(out, {"\"tree.complete\""}),
            "{\"t\": \"30.100008160\", \"kind\": \"tree.complete\", \"group\": \"239.1.1.1\", \"source\": "
            "\"10.1.0.10\", \"receivers\": 2, \"resumed\": 1, \"since\": \"29.905007160\"}\n"
            "{\"t\": \"38.105007160\", \"kind\": \"tree.complete\", \"group\": \"239.1.1.1\", \"source\": "
            "\"10.1.0.10\", \"receivers\": 2, \"resumed\": 1, \"since\": \"35.000008160\"}\n");
  EXPECT_NE(Streams(out).find("\"longest_gap\": \"3.104999s\", \"gap_from\": \"35.000008160\", "
                              "\"gap_to\": \"38.105007160\""),
            std::string::npos);
}

TEST(PimReconvergence, RpOffLosesTheSharedTreeAndKeepsTheSpt) {
  const fs::path out = RunText(Topology("pim-rp-off.json"), "pim-rp-off");
  // No route to the RP address any more: R3's RPF is none at once; its Prune goes to the dead
  // RP, still its PIM neighbor until 108.764616994 s (the RP's last Hello + 105 s). Before it, on
  // a23, only R3's Join(*,G) and its Prune(S,G,rpt) of 20.1 s (the SPT bit was set on "direct").
  EXPECT_EQ(Lines(out, {"\"node\": \"R3\"", "\"kind\": \"pim.rpf\"", "\"t\": \"30."}) +
                Lines(out, {"\"node\": \"R3\"", "RPF' changes", "\"t\": \"30."}),
            RpfLine("30.050000000", "R3", "eth0", "none", "10.0.23.2", "0.0.0.0") +
                RpfChangeLine("30.050000000", "R3", "10.0.23.2", "0.0.0.0", "prune 10.0.23.2"));
  EXPECT_EQ(JoinPrunes(out, "a23"), "3.764617730\t10.0.23.3\t10.0.23.2\t1\t0\n"
                                    "20.100004080\t10.0.23.3\t10.0.23.2\t0\t1\n"
                                    "30.050000000\t10.0.23.3\t10.0.23.2\t0\t1\n");
  // R3's (S,G) toward R1 does not move: the RP was never on the source's shortest path. Its
  // Join(S,G) went on the first shared-tree datagram and is repeated every 60 s.
  EXPECT_EQ(JoinPrunes(out, "direct"), "20.000009688\t10.0.13.3\t10.0.13.1\t1\t0\n"
                                       "80.000009688\t10.0.13.3\t10.0.13.1\t1\t0\n"
                                       "140.000009688\t10.0.13.3\t10.0.13.1\t1\t0\n");
  EXPECT_EQ(Lines(out, {"\"node\": \"R3\"", "\"pim.neighbor\"", "\"down\""}),
            "{\"t\": \"108.764616994\", \"node\": \"R3\", \"kind\": \"pim.neighbor\", \"interface\": \"eth0\", "
            "\"neighbor\": \"10.0.23.2\", \"change\": \"down\", \"reason\": \"expired\"}\n");
  // The powered-off RP re-derives nothing on its way down.
  EXPECT_EQ(Lines(out, {"\"node\": \"RP\"", "\"t\": \"30.05", "\"pim.upstream\""}), "");
  // The stream has no gap: every datagram arrives once, over the SPT, to the source's last.
  EXPECT_EQ(Lines(out, {"\"tree.complete\""}) + Lines(out, {"\"receive.resumed\""}), "");
  EXPECT_EQ(Streams(out),
            "\"streams\": [\n"
            "    {\"host\": \"rx\", \"socket\": \"s\", \"group\": \"239.1.1.1\", \"source\": \"10.1.0.10\", "
            "\"datagrams\": 201, \"first\": \"20.000011728\", \"last\": \"40.000006120\", \"longest_gap\": \"100ms\", "
            "\"gap_from\": \"20.100006120\", \"gap_to\": \"20.200006120\", \"source_last\": \"40.000000000\"}]");
}

TEST(PimReconvergence, SourcePathCutLeavesTheSptAlone) {
  // pim-rp-off.json with the RP kept on and the cable R1-RP cut at 30.05 s instead. R3 has been
  // on the SPT over "direct" since 20.1 s, and the RP, pruned by R3's Prune(S,G,rpt), has had
  // (S,G) NotJoined since then: the RP's RPF'(S,G) moves from R1 to R3 but, NotJoined, it only
  // remembers it (§4.5.5 has no RPF' edge there) and sends nothing. No datagram is lost.
  std::string text = Topology("pim-rp-off.json");
  text.replace(text.find(R"("action": "node",)"), 17, R"("action": "link",)");
  text.replace(text.find(R"("node": "RP",)"), 13, R"("link": "a12",)");
  text = pim_run::WithoutExpectations(text);
  const fs::path out = RunText(text, "pim-source-path-cut");
  EXPECT_EQ(Lines(out, {"\"node\": \"RP\"", "(10.1.0.10,239.1.1.1)", "\"t\": \"30."}),
            RpfLine("30.050000000", "RP", "eth0", "eth1", "10.0.12.1", "10.0.23.3", kSG));
  EXPECT_EQ(JoinPrunes(out, "direct"), "20.000009688\t10.0.13.3\t10.0.13.1\t1\t0\n"
                                       "80.000009688\t10.0.13.3\t10.0.13.1\t1\t0\n"
                                       "140.000009688\t10.0.13.3\t10.0.13.1\t1\t0\n");
  EXPECT_EQ(Lines(out, {"\"node\": \"R3\"", "\"pim.spt\""}),
            "{\"t\": \"20.000009688\", \"node\": \"R3\", \"kind\": \"pim.spt\", \"entry\": "
            "\"(10.1.0.10,239.1.1.1)\", \"interface\": \"eth0\", \"switch\": \"join SPT\"}\n"
            "{\"t\": \"20.100004080\", \"node\": \"R3\", \"kind\": \"pim.spt\", \"entry\": "
            "\"(10.1.0.10,239.1.1.1)\", \"interface\": \"eth1\", \"spt_bit\": \"set\"}\n");
  EXPECT_EQ(Lines(out, {"\"receive.resumed\""}), "");
  EXPECT_NE(Streams(out).find("\"datagrams\": 201, \"first\": \"20.000011728\", \"last\": \"40.000006120\", "
                              "\"longest_gap\": \"100ms\""),
            std::string::npos);
}

TEST(PimReconvergence, DrLinkDownTheDrForgetsAtOnceTheOthersAtHoldtime) {
  // Three routers on a switch; R3, the DR by address, loses its cable at 50 s. R3 drops its
  // neighbors at once (interface down, DR none); R1 and R2 hear nothing and keep R3 until its
  // holdtime (105 s) after its last Hello (sent at 32.237121041 s, heard 3.472 us later, through
  // the switch), then elect R2.
  const std::string text = R"({"format": 1, "name": "dr-link-down", "description": "x", "duration": "200s",
    "nodes": [
      {"name": "R1", "type": "router", "interfaces": [{"name": "eth0", "address": "10.0.0.1/24"}]},
      {"name": "R2", "type": "router", "interfaces": [{"name": "eth0", "address": "10.0.0.2/24"}]},
      {"name": "R3", "type": "router", "interfaces": [{"name": "eth0", "address": "10.0.0.3/24"}]},
      {"name": "SW", "type": "switch", "ports": 3}],
    "links": [{"name": "l1", "endpoints": ["R1:eth0", "SW:p1"]}, {"name": "l2", "endpoints": ["R2:eth0", "SW:p2"]},
              {"name": "l3", "endpoints": ["R3:eth0", "SW:p3"]}],
    "events": [{"at": "50s", "action": "link", "link": "l3", "state": "down"}],
    "expect": [{"at": "49s", "pim_neighbor": {"node": "R1", "interface": "eth0", "neighbor": "10.0.0.3", "dr": true}},
               {"at": "138s", "pim_neighbor": {"node": "R1", "interface": "eth0", "neighbor": "10.0.0.2", "dr": true}}]})";
  const fs::path out = RunText(text, "pim-dr-link-down");
  std::string after;
  std::istringstream lines(Lines(out, {"\"kind\": \"pim.dr\""}) + Lines(out, {"\"kind\": \"pim.neighbor\"", "down"}));
  for (std::string line; std::getline(lines, line);) {
    if (line.find("\"t\": \"50.") != std::string::npos || line.find("\"t\": \"137.") != std::string::npos) {
      after += line.substr(0, line.find(", \"interface\"")) + " " + line.substr(line.find("\"interface\"") + 21) + "\n";
    }
  }
  EXPECT_EQ(after,
            "{\"t\": \"50.000000000\", \"node\": \"R3\", \"kind\": \"pim.dr\" \"from\": \"10.0.0.3\", \"event\": "
            "\"interface down\", \"to\": \"none\", \"i_am_dr\": false, \"by\": \"priority\"}\n"
            "{\"t\": \"137.237124513\", \"node\": \"R1\", \"kind\": \"pim.dr\" \"from\": \"10.0.0.3\", \"event\": "
            "\"neighbor expired\", \"to\": \"10.0.0.2\", \"i_am_dr\": false, \"by\": \"priority\"}\n"
            "{\"t\": \"137.237124513\", \"node\": \"R2\", \"kind\": \"pim.dr\" \"from\": \"10.0.0.3\", \"event\": "
            "\"neighbor expired\", \"to\": \"10.0.0.2\", \"i_am_dr\": true, \"by\": \"priority\"}\n"
            "{\"t\": \"50.000000000\", \"node\": \"R3\", \"kind\": \"pim.neighbor\" \"neighbor\": \"10.0.0.1\", "
            "\"change\": \"down\", \"reason\": \"interface down\"}\n"
            "{\"t\": \"50.000000000\", \"node\": \"R3\", \"kind\": \"pim.neighbor\" \"neighbor\": \"10.0.0.2\", "
            "\"change\": \"down\", \"reason\": \"interface down\"}\n"
            "{\"t\": \"137.237124513\", \"node\": \"R1\", \"kind\": \"pim.neighbor\" \"neighbor\": \"10.0.0.3\", "
            "\"change\": \"down\", \"reason\": \"expired\"}\n"
            "{\"t\": \"137.237124513\", \"node\": \"R2\", \"kind\": \"pim.neighbor\" \"neighbor\": \"10.0.0.3\", "
            "\"change\": \"down\", \"reason\": \"expired\"}\n");
}

}  // namespace
}  // namespace sim::run
