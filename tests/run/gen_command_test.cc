// `mcastlab gen`: help on stdout, every bad option refused with its name and range and nothing on
// stdout, and every scenario it prints loads (checked with `mcastlab validate`, and run when small).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "sim/run/work_estimate.h"
#include "sim/scenario/loader.h"
#include "tests/support/shell.h"

namespace {

namespace fs = std::filesystem;
using testing_support::RunShell;
using testing_support::ShellResult;

ShellResult Gen(const std::string& args) { return RunShell(std::string(MCASTLAB_CLI) + " gen " + args); }

std::string FirstLine(const std::string& s) { return s.substr(0, s.find('\n')); }

TEST(GenCommand, HelpGoesToStdoutAndExitsZero) {
  for (const char* args : {"tree --help", "tree -h", "tree --rate 5 --help", "--help tree"}) {
    const ShellResult r = Gen(args);
    EXPECT_EQ(r.exit_code, 0) << args;
    EXPECT_NE(r.out.find("Usage: mcastlab gen tree [OPTIONS]"), std::string::npos) << args << "\n"
                                                                                   << r.out;
    EXPECT_NE(r.out.find("--routers R=4"), std::string::npos) << r.out;
    EXPECT_EQ(r.err, "") << args;
  }
  // `gen --help` lists the generators.
  const ShellResult gen = Gen("--help");
  EXPECT_EQ(gen.exit_code, 0);
  EXPECT_NE(gen.out.find("Usage: mcastlab gen [OPTIONS] [SUBCOMMAND]"), std::string::npos)
      << gen.out;
  EXPECT_NE(gen.out.find("\n  tree "), std::string::npos) << gen.out;
}

TEST(GenCommand, NoOrUnknownGeneratorIsBadUsage) {
  const ShellResult none = Gen("");
  EXPECT_EQ(none.exit_code, 2);
  EXPECT_EQ(none.out, "");
  EXPECT_EQ(
      none.err,
      "mcastlab gen: which scenario? the one generator is tree\nTry 'mcastlab gen --help'.\n");
  const ShellResult unknown = Gen("star");
  EXPECT_EQ(unknown.exit_code, 2);
  EXPECT_EQ(unknown.out, "");
  EXPECT_EQ(FirstLine(unknown.err), "mcastlab gen: unknown generator 'star'; the one generator is tree");
  const ShellResult option = Gen("--rate 5");
  EXPECT_EQ(option.exit_code, 2);
  EXPECT_EQ(FirstLine(option.err), "mcastlab gen: unknown option '--rate'");
}

struct Refusal {
  const char* args;
  const char* message;  // the first line on stderr, after "mcastlab gen: "
};

class GenRefuses : public testing::TestWithParam<Refusal> {};

TEST_P(GenRefuses, NamesTheOptionPrintsUsageAndNothingOnStdout) {
  const ShellResult r = Gen(std::string("tree ") + GetParam().args);
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_EQ(FirstLine(r.err), std::string("mcastlab gen: ") + GetParam().message);
  EXPECT_NE(r.err.find("\nTry 'mcastlab gen tree --help'.\n"), std::string::npos) << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    Options, GenRefuses,
    testing::Values(
        Refusal{"--payload 70000", "--payload: '70000' is not from 0 to 65507"},
        Refusal{"--seconds 99999999999", "--seconds: '99999999999' is not from 1 to 4294967293"},
        Refusal{"--seconds 0", "--seconds: '0' is not from 1 to 4294967293"},
        Refusal{"--routers 0", "--routers: '0' is not from 1 to 60000"},
        Refusal{"--hosts 241", "--hosts: '241' is not from 1 to 240"},
        Refusal{"--rate 0", "--rate: '0' is not from 1 to 1000000000"},
        Refusal{"--rate 1000000001", "--rate: '1000000001' is not from 1 to 1000000000"},
        Refusal{"--rate abc", "--rate: 'abc' is not a whole number from 1 to 1000000000"},
        Refusal{"--rate 1.5", "--rate: '1.5' is not a whole number from 1 to 1000000000"},
        Refusal{"--rate -1", "--rate: '-1' is not a whole number from 1 to 1000000000"},
        Refusal{"--rate ''", "--rate: '' is not a whole number from 1 to 1000000000"},
        Refusal{"--rate 99999999999999999999",
                "--rate: '99999999999999999999' is not a whole number from 1 to 1000000000"},
        Refusal{"--rate", "--rate: needs a value"},
        Refusal{"--rate --seconds 5", "--rate: needs a value"},
        Refusal{"--rate 1 --rate 2", "--rate: given more than once"},
        Refusal{"--bogus 1", "unknown option '--bogus'"},
        Refusal{"--rats 1", "unknown option '--rats' (did you mean '--rate'?)"},
        Refusal{"--Hosts 1", "unknown option '--Hosts' (did you mean '--hosts'?)"},
        Refusal{"extra", "unexpected argument 'extra'"},
        Refusal{"--groups 2", "--groups and --sources need --routing pim: static routes are written for one "
                              "stream only"},
        Refusal{"--groups 0", "--groups: '0' is not from 1 to 65535"},
        Refusal{"--groups 65536", "--groups: '65536' is not from 1 to 65535"},
        Refusal{"--routing pim --routers 1 --hosts 2 --sources 2",
                "--sources 2 leaves no receiver among the 2 hosts of --routers 1 --hosts 2; give fewer sources "
                "or more hosts"},
        Refusal{"--routing pim --groups 3 --joins 4",
                "--joins 4 is more than the 3 groups of --groups; give at most that many"},
        Refusal{"--routing pim --groups 20 --rate 1 --seconds 5",
                "--groups 20 over --sources 1 gives a source 20 groups, more than the 5 datagrams it sends "
                "(--rate x --seconds); send longer or faster, or add sources"},
        Refusal{"--routing ospf", "--routing: 'ospf' is not one of static, pim"},
        Refusal{"--capture maybe", "--capture: 'maybe' is not one of all, none"},
        Refusal{"--routers 1 --hosts 1",
                "--routers 1 --hosts 1 makes one host, the sender, and no receiver; give at least "
                "2 hosts in all"},
        Refusal{"--routers 60000 --hosts 17",
                "--routers 60000 --hosts 17 makes 1020000 hosts; at most 1000000"},
        // 600000000 pps is an interval of 2 ns: 2.6e18 datagrams take 5.2e18 ns.
        Refusal{"--rate 600000000 --seconds 4294967293",
                "--rate 600000000 --seconds 4294967293: the datagrams would go on past 4294967293 "
                "s, the longest "
                "run a scenario can hold; lower --seconds"}));

// A file of the running test's own (ctest runs tests in parallel).
fs::path Write(const std::string& suffix, const std::string& text) {
  const auto* test = testing::UnitTest::GetInstance()->current_test_info();
  std::string name = std::string(test->test_suite_name()) + "." + test->name() + suffix;
  std::replace(name.begin(), name.end(), '/', '_');
  const fs::path p = fs::path(testing::TempDir()) / name;
  std::ofstream(p) << text;
  return p;
}

class GenPrintsValid : public testing::TestWithParam<const char*> {};

TEST_P(GenPrintsValid, ScenarioThatValidates) {
  const ShellResult g = Gen(std::string("tree ") + GetParam());
  ASSERT_EQ(g.exit_code, 0) << g.err;
  const fs::path file = Write(".json", g.out);
  const ShellResult v = RunShell(std::string(MCASTLAB_CLI) + " validate " + file.string());
  EXPECT_EQ(v.exit_code, 0) << GetParam() << "\n" << v.err;
}

INSTANTIATE_TEST_SUITE_P(
    Grid, GenPrintsValid,
    testing::Values("--rate 1 --seconds 1", "--hosts 1", "--routers 2 --hosts 1 --rate 1 --seconds 1",
                    "--routers 1 --hosts 2", "--rate 3 --seconds 7", "--rate 7 --seconds 3 --payload 0",
                    "--payload 65507 --capture all", "--routers 3 --hosts 240 --routing static",
                    "--routers 1 --hosts 2 --rate 600000000 --seconds 1",
                    "--routers 1 --hosts 2 --rate 1 --seconds 4294967293",
                    "--routers 1 --hosts 2 --rate 1000000000 --seconds 4294967"));

// A rate that is no whole number of nanoseconds apart still sends exactly rate x seconds.
TEST(GenCommand, SmallTreesRunAndEveryReceiverGetsRateTimesSeconds) {
  for (const char* args : {"--routers 1 --hosts 2 --rate 1 --seconds 1", "--routers 2 --hosts 2 --rate 3 --seconds 7",
                           "--routers 2 --hosts 1 --rate 6 --seconds 5"}) {
    const ShellResult g = Gen(std::string("tree ") + args);
    ASSERT_EQ(g.exit_code, 0) << g.err;
    const fs::path file = Write(".json", g.out);
    const fs::path out = file.string() + "-out";
    fs::remove_all(out);  // a run refuses a folder some other program wrote
    const ShellResult r = RunShell(std::string(MCASTLAB_CLI) + " run " + file.string() + " --out " + out.string());
    EXPECT_EQ(r.exit_code, 0) << args << "\n" << r.out << r.err;
  }
}

// Many groups from many sources: each source sends P datagrams a second in all, to its groups in
// turn, and the last receiver's expectation (the sum of its groups' counts) holds exactly.
TEST(GenCommand, ManyGroupsAndSourcesDeliverEveryJoinedStreamOnce) {
  const ShellResult g =
      Gen("tree --routing pim --routers 3 --hosts 4 --groups 8 --sources 3 --joins 2 --rate 2 --seconds 3");
  ASSERT_EQ(g.exit_code, 0) << g.err;
  EXPECT_NE(g.out.find("\"name\": \"tree-r3-h4-p2-t3-g8-s3\""), std::string::npos);
  // Sources spread over the LANs: group 239.1.1.2 comes from the first host of LAN 1. Source 0
  // has groups 1, 4 and 7: 2/3 pps each, from 10 s, 10.5 s and 11 s; source 2 has two, 1 pps.
  EXPECT_NE(g.out.find("{\"at\": \"10s\", \"action\": \"send\", \"node\": \"h1-0\", \"to\": \"239.1.1.2:5001\""),
            std::string::npos);
  EXPECT_NE(g.out.find("{\"at\": \"11s\", \"action\": \"send\", \"node\": \"h0-0\", \"to\": \"239.1.1.7:5001\", "
                       "\"size\": 1000, \"ttl\": 8, \"rate\": \"0.666666667pps\", \"until\": \"12.75s\"}"),
            std::string::npos);
  EXPECT_NE(g.out.find("\"node\": \"h2-0\", \"to\": \"239.1.1.6:5001\", \"size\": 1000, \"ttl\": 8, \"rate\": \"1pps\""),
            std::string::npos);
  const fs::path file = Write(".json", g.out);
  const fs::path out = file.string() + "-out";
  fs::remove_all(out);
  const ShellResult r = RunShell(std::string(MCASTLAB_CLI) + " run " + file.string() + " --out " + out.string());
  EXPECT_EQ(r.exit_code, 0) << r.out << r.err;
  // 191 frames (174 on the shared tree alone): with spt_switchover "immediate" (the default) each
  // last hop sends its (S,G) Join, and a source's DR that also has receivers prunes its own
  // source off the shared tree with Prune(S,G,rpt); the datagrams are the same 40.
  EXPECT_NE(r.out.find("1 of 1 expectations passed; 191 frames, 40 datagrams received"), std::string::npos) << r.out;
}

// The joins are drawn from the seed: the same seed gives the same file, another seed other
// groups, and each receiver joins J different groups.
TEST(GenCommand, RandomJoinsFollowTheSeed) {
  const std::string args = "tree --routing pim --routers 2 --hosts 5 --groups 50 --joins 3";
  const ShellResult a = Gen(args + " --seed 7");
  const ShellResult b = Gen(args + " --seed 7");
  const ShellResult c = Gen(args + " --seed 8");
  ASSERT_EQ(a.exit_code, 0) << a.err;
  EXPECT_EQ(a.out, b.out);
  EXPECT_NE(a.out, c.out);
  const auto loaded = sim::scenario::LoadScenario(a.out);
  ASSERT_TRUE(loaded.ok());
  std::size_t joins = 0;
  for (std::size_t at = a.out.find("\"action\": \"join\""); at != std::string::npos;
       at = a.out.find("\"action\": \"join\"", at + 1)) {
    ++joins;
  }
  EXPECT_EQ(joins, 9u * 3);  // 9 receivers (one source), 3 groups each
}

TEST(GenCommand, OverTheWorkLimitItStillPrintsButWarns) {
  const ShellResult g = Gen("tree --routers 1 --hosts 2 --rate 600000000 --seconds 1");
  EXPECT_EQ(g.exit_code, 0);
  EXPECT_TRUE(sim::scenario::LoadScenario(g.out).ok());
  EXPECT_EQ(g.err,
            "mcastlab gen: warning: mcastlab run will refuse this scenario without --allow-large: too much work: "
            "about 3000000026 frame receptions (600000000 datagrams to 5 link endpoints, 10 IGMP and PIM messages), "
            "3000000832 when a control message reception counts 32, over the limit of 1000000000; most of it comes from "
            "/events/2 (600000000 datagrams): lower its count or rate, or bring its until closer; or pass "
            "--allow-large to run it anyway\n");
}

// The benchmark of PERFORMANCE.md: 63,990,000 socket receptions and 65,286,428 frame receptions
// in a real run; the estimate bounds both and stays within the default limit, with no warning.
TEST(GenCommand, BenchmarkTreeIsWithinTheDefaultLimit) {
  const ShellResult g = Gen("tree --routers 64 --hosts 100 --rate 1000 --seconds 10");
  ASSERT_EQ(g.exit_code, 0);
  EXPECT_EQ(g.err, "");
  const auto loaded = sim::scenario::LoadScenario(g.out);
  ASSERT_TRUE(loaded.ok());
  const sim::run::WorkEstimate w = sim::run::EstimateWork(loaded.scenario());
  EXPECT_EQ(w.datagrams, 10'000u);
  EXPECT_EQ(w.link_endpoints, 6'592u);  // 64 cables, 64 LANs of 101
  EXPECT_EQ(w.deliveries, 67'238'966u);
  EXPECT_EQ(w.weighted_deliveries, 108'126'912u);
  EXPECT_EQ(sim::run::RefuseLargeWork(w, sim::run::kDefaultMaxDeliveries), std::nullopt);
}

}  // namespace
