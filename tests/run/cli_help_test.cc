// The command line as a user meets it: `--help` on every command (exit 0, on stdout, naming every
// option), and every refused argument named on one line, with a suggestion when one is near.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tests/support/shell.h"

namespace {

using testing_support::RunShell;
using testing_support::ShellResult;

ShellResult Cli(const std::string& args) {
  return RunShell(std::string(MCASTLAB_CLI) + " " + args);
}

std::string FirstLine(const std::string& s) { return s.substr(0, s.find('\n')); }

struct HelpCase {
  const char* command;
  std::vector<const char*> mentions;  // the usage line, every option, the example
};

class CommandHelp : public testing::TestWithParam<HelpCase> {};

TEST_P(CommandHelp, ExitsZeroOnStdoutAndNamesEveryOption) {
  const std::string command = GetParam().command;
  for (const std::string& form : {command + " --help", command + " -h"}) {
    const ShellResult r = Cli(form);
    EXPECT_EQ(r.exit_code, 0) << form;
    EXPECT_EQ(r.err, "") << form;
    for (const char* m : GetParam().mentions)
      EXPECT_NE(r.out.find(m), std::string::npos) << form << " lacks " << m << "\n" << r.out;
  }
  // `mcastlab help COMMAND` prints the same text (`mcastlab help`, the list of commands).
  EXPECT_EQ(Cli("help " + command).out, Cli(command + " --help").out);
}

INSTANTIATE_TEST_SUITE_P(
    EveryCommand, CommandHelp,
    testing::Values(
        HelpCase{"",
                 {"Usage: mcastlab [OPTIONS] [SUBCOMMAND]", "--version", "run", "validate",
                  "test", "explain", "report", "graph", "ladder", "gen", "demo", "help",
                  "Exit codes: 0 all expectations hold"}},
        HelpCase{"run",
                 {"Usage: mcastlab run [OPTIONS] FILE", "FILE TEXT REQUIRED",
                  "--out DIR=out/<scenario name>", "--stats", "--max-wall TIME",
                  "such as 90s or 10min", "--max-input-size BYTES=67108864", "--allow-large",
                  "--snapshot-every TIME", "--report FILE", "124 --max-wall reached",
                  "Example:\n  mcastlab run topologies/ttl-one.json --out out/ttl-one"}},
        HelpCase{"validate",
                 {"Usage: mcastlab validate [OPTIONS] FILE", "--max-input-size BYTES=67108864",
                  "Example:\n  mcastlab validate topologies/ttl-one.json"}},
        HelpCase{"test",
                 {"Usage: mcastlab test [OPTIONS] PATH...", "-j,--jobs N=the number of cores",
                  "--junit FILE", "--out DIR=out/test", "3 a run broke",
                  "Example:\n  mcastlab test topologies/ -j 4 --junit out/junit.xml"}},
        HelpCase{
            "explain",
            {"Usage: mcastlab explain [OPTIONS] OUT", "--node HOST REQUIRED", "--group G REQUIRED",
             "--at TIME", "default: the end of the run",
             "Example:\n  mcastlab explain out/ttl-one --node rx2 --group 239.1.1.1 --at 4.99s"}},
        HelpCase{"report",
                 {"Usage: mcastlab report [OPTIONS] OUT", "OUT TEXT REQUIRED",
                  "-o,--output FILE=OUT/report.html", "report.html#t=500", "3 FILE could not",
                  "Example:\n  mcastlab report out/igmp-querier-failover -o failover.html"}},
        HelpCase{"graph",
                 {"Usage: mcastlab graph [OPTIONS] INPUT", "-o,--output FILE REQUIRED", "--at TIME",
                  "--group G", "or a scenario file", "3 dot failed",
                  "Example:\n  mcastlab graph out/pim-shared-tree --group 239.1.1.1 -o tree.svg"}},
        HelpCase{"ladder",
                 {"Usage: mcastlab ladder [OPTIONS] OUT", "--nodes A,B,..", "--from TIME", "--until TIME",
                  "--filter P,Q,..", "-o,--output FILE",
                  "Example:\n  mcastlab ladder out/igmp-querier-failover --from 411s --until 412s"}},
        HelpCase{"gen", {"Usage: mcastlab gen [OPTIONS] [SUBCOMMAND]", "tree"}},
        HelpCase{
            "gen tree",
            {"Usage: mcastlab gen tree [OPTIONS]", "--routers R=4", "--hosts H=10", "--rate P=1000",
             "--seconds T=10", "--payload BYTES=1000", "--routing static|pim=static",
             "--capture all|none=none", "Example:\n  mcastlab gen tree --routers 8"}},
        HelpCase{
            "demo",
            {"Usage: mcastlab demo [OPTIONS]", "--out DIR=out/demo", "Example:\n  mcastlab demo"}},
        HelpCase{"help",
                 {"Usage: mcastlab help [OPTIONS]", "mcastlab help [COMMAND [SUBCOMMAND]]",
                  "Example:\n  mcastlab help gen tree"}}));

struct Refusal {
  const char* args;
  const char* first_line;  // on stderr; the next line says where the options are listed
};

class BadArguments : public testing::TestWithParam<Refusal> {};

TEST_P(BadArguments, ExitTwoWithOneLineNamingTheArgument) {
  const ShellResult r = Cli(GetParam().args);
  EXPECT_EQ(r.exit_code, 2) << GetParam().args;
  EXPECT_EQ(r.out, "") << GetParam().args;
  EXPECT_EQ(FirstLine(r.err), GetParam().first_line) << r.err;
  EXPECT_NE(r.err.find("\nTry 'mcastlab"), std::string::npos) << r.err;
}

INSTANTIATE_TEST_SUITE_P(
    EveryCommand, BadArguments,
    testing::Values(
        Refusal{"rnu x.json", "mcastlab: unknown command 'rnu' (did you mean 'run'?)"},
        Refusal{"Validate x.json",
                "mcastlab: unknown command 'Validate' (did you mean 'validate'?)"},
        Refusal{"frobnicate", "mcastlab: unknown command 'frobnicate'"},
        Refusal{"--bogus", "mcastlab: unknown option '--bogus'"},
        Refusal{"run x.json --bogus", "mcastlab run: unknown option '--bogus'"},
        Refusal{"run x.json --stat",
                "mcastlab run: unknown option '--stat' (did you mean '--stats'?)"},
        Refusal{
            "run x.json --snapshot-evry 1s",
            "mcastlab run: unknown option '--snapshot-evry' (did you mean '--snapshot-every'?)"},
        Refusal{"run x.json y.json", "mcastlab run: unexpected argument 'y.json'"},
        Refusal{"run", "mcastlab run: FILE is required"},
        Refusal{"run x.json --out", "mcastlab run: --out: needs a value"},
        Refusal{"run x.json --out --stats", "mcastlab run: --out: needs a value"},
        Refusal{"run x.json --out a --out b", "mcastlab run: --out: given more than once"},
        Refusal{"run x.json --max-wall 0s",
                "mcastlab run: --max-wall: '0s' is not a time above zero"},
        Refusal{"run x.json --max-wall 90",
                "mcastlab run: --max-wall: '90' is not a time (missing unit; use ns, us, ms, s or "
                "min)"},
        Refusal{"run x.json --snapshot-every soon",
                "mcastlab run: --snapshot-every: 'soon' is not a time (expected a number and a "
                "unit, like \"1.5s\")"},
        Refusal{"run x.json --max-input-size 0",
                "mcastlab run: --max-input-size: '0' is not from 1 to 18446744073709551615"},
        Refusal{"validate x.json --stats", "mcastlab validate: unknown option '--stats'"},
        Refusal{"explain out --node H1", "mcastlab explain: --group is required"},
        Refusal{"explain out --node --group 239.1.1.1", "mcastlab explain: --node: needs a value"},
        Refusal{"explain out --node H1 --group 239.1.1.300",
                "mcastlab explain: --group: '239.1.1.300' is not an IPv4 address"},
        Refusal{"explain out --node H1 --group 239.1.1.1 --at soon",
                "mcastlab explain: --at: 'soon' is not a time (expected a number and a unit, like "
                "\"1.5s\")"},
        Refusal{"explain out --nod H1 --group 239.1.1.1",
                "mcastlab explain: unknown option '--nod' (did you mean '--node'?)"},
        Refusal{"graph out", "mcastlab graph: --output is required"},
        Refusal{"graph out -o a.svg --at soon",
                "mcastlab graph: --at: 'soon' is not a time (expected a number and a unit, like "
                "\"1.5s\")"},
        Refusal{"graph out -o a.svg --group 239.1.1",
                "mcastlab graph: --group: '239.1.1' is not an IPv4 address"},
        Refusal{"ladder", "mcastlab ladder: OUT is required"},
        Refusal{"ladder out --frm 1s", "mcastlab ladder: unknown option '--frm' (did you mean '--from'?)"},
        Refusal{"ladder out --filter", "mcastlab ladder: --filter: needs a value"},
        Refusal{"test", "mcastlab test: PATH is required"},
        Refusal{"test x -j 0", "mcastlab test: --jobs: '0' is not from 1 to 1024"},
        Refusal{"test x --junt r.xml",
                "mcastlab test: unknown option '--junt' (did you mean '--junit'?)"},
        Refusal{"demo --ot x", "mcastlab demo: unknown option '--ot' (did you mean '--out'?)"},
        Refusal{"demo extra", "mcastlab demo: unexpected argument 'extra'"},
        Refusal{
            "gen tree --routing Static",
            "mcastlab gen: --routing: 'Static' is not one of static, pim (did you mean 'static'?)"},
        Refusal{"help gen tre", "mcastlab gen: unknown command 'tre' (did you mean 'tree'?)"}));

TEST(Cli, VersionOnStdout) {
  const ShellResult r = Cli("--version");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.rfind("mcastlab 0.", 0), 0u) << r.out;
  EXPECT_EQ(r.out.find('\n'), r.out.size() - 1) << r.out;
}

TEST(Cli, NoCommandPrintsTheCommandsOnStderrAndExitsTwo) {
  const ShellResult r = Cli("");
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_EQ(r.out, "");
  EXPECT_NE(r.err.find("Usage: mcastlab [OPTIONS] [SUBCOMMAND]"), std::string::npos) << r.err;
}

// The options keep their meaning: `--out=DIR` is `--out DIR`, and values may follow FILE or precede
// it.
TEST(Cli, OptionsBeforeOrAfterTheFile) {
  const std::string file = std::string(MCASTLAB_SOURCE_DIR) + "/topologies/udp-closed-port.json";
  const std::string out = testing::TempDir() + "cli-help-order";
  const ShellResult before = Cli("run --out=" + out + " --snapshot-every 1s " + file);
  EXPECT_EQ(before.exit_code, 0) << before.err;
  EXPECT_EQ(FirstLine(before.out).find("udp-closed-port: "), 0u) << before.out;
  EXPECT_NE(before.out.find("outputs in " + out), std::string::npos) << before.out;
  const ShellResult after = Cli("validate " + file + " --max-input-size 100000");
  EXPECT_EQ(after.exit_code, 0) << after.err;
}

}  // namespace
