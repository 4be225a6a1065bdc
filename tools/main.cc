// mcastlab: the command line. Every command, its options and their help are declared here and
// parsed by CLI11 (typed options in cli_options.h); each command's own file gets plain values.
#include <cstdio>
#include <string>
#include <vector>

#include "tools/cli_options.h"
#include "tools/demo_command.h"
#include "tools/exit_codes.h"
#include "tools/explain_command.h"
#include "tools/gen_command.h"
#include "tools/graph_command.h"
#include "tools/ladder_command.h"
#include "tools/report_command.h"
#include "tools/run_command.h"
#include "tools/test_command.h"

namespace tools {
namespace {

constexpr const char* kExitCodes =
    "Exit codes: 0 all expectations hold; 1 some failed; 2 invalid scenario or arguments;\n"
    "3 internal error; 124 --max-wall reached; 130/143 interrupted by SIGINT/SIGTERM (DIR left\n"
    "as it was).";

// The values every command fills, and which command was chosen.
struct CommandLine {
  RunArgs run, validate;
  ExplainArgs explain;
  sim::core::Duration explain_at;
  CLI::Option* explain_at_option = nullptr;
  GenArgs gen;
  TestArgs test;
  ReportArgs report;
  GraphArgs graph;
  LadderArgs ladder;
  // Times given on the line: copied into the commands' optional nanoseconds after parsing.
  sim::core::Duration graph_at, ladder_from, ladder_until;
  std::string graph_group;
  CLI::Option *graph_at_option = nullptr, *graph_group_option = nullptr, *ladder_from_option = nullptr, *ladder_until_option = nullptr;
  std::optional<std::string> demo_out;
  CLI::App *run_app = nullptr, *validate_app = nullptr, *explain_app = nullptr, *gen_app = nullptr,
           *tree_app = nullptr, *help_app = nullptr, *test_app = nullptr, *graph_app = nullptr,
           *ladder_app = nullptr, *report_app = nullptr;
};

// `summary` is the command's line in its parent's list; `details` and `example` end its help.
CLI::App* AddCommand(CLI::App& parent, const std::string& name, const std::string& summary,
                     const std::string& details, const std::string& example) {
  CLI::App* app = parent.add_subcommand(name, summary);
  app->footer((details.empty() ? "" : details + "\n\n") + "Example:\n  " + example);
  app->allow_extras();  // left-over arguments are refused by DescribeLeftOver, with a suggestion
  return app;
}

void AddMaxInputSize(CLI::App& app, RunArgs& a) {
  AddWholeNumber(app, "--max-input-size", &a.max_input_size, 1, UINT64_MAX,
                 "accept scenario files up to BYTES (64 MiB by default)")
      ->type_name("BYTES");
}

void AddRun(CLI::App& top, CommandLine& c) {
  RunArgs& a = c.run;
  CLI::App* app = AddCommand(
      top, "run", "run a scenario and check its expectations",
      "Writes DIR: one pcap per captured link, events.jsonl, summary.json, state\n"
      "snapshots and state-end.txt. DIR must be new, empty, or written by an earlier run.\n" +
          std::string(kExitCodes),
      "mcastlab run topologies/ttl-one.json --out out/ttl-one");
  app->add_option("FILE", a.file, "the scenario file (JSON)")->required();
  AddText(*app, "--out", &a.out, "the output folder")
      ->type_name("DIR")
      ->default_str("out/<scenario name>");
  app->add_flag("--stats", a.stats,
                "also write DIR/stats.json (wall time, rates, peak memory) and print it");
  app->add_flag("--capture-merged", a.capture_merged,
                "also write DIR/capture.pcapng: every captured link's frames in one file,\n"
                "an interface per link named after it (Wireshark's interface column)");
  AddTime(*app, "--max-wall", &a.max_wall, true,
          "stop the run after TIME of real time, such as 90s or 10min")
      ->type_name("TIME");
  AddMaxInputSize(*app, a);
  app->add_flag("--allow-large", a.allow_large,
                "run a scenario whose load-time work estimate is over the limit");
  AddTime(
      *app, "--snapshot-every", &a.snapshot_every, true,
      "also write every table to DIR/state-<time>.txt every TIME of simulated time, such as 10s")
      ->type_name("TIME");
  AddText(*app, "--report", &a.report,
          "also write an HTML page replaying the run to FILE, such as DIR/report.html")
      ->type_name("FILE");
  c.run_app = app;
}

void AddValidate(CLI::App& top, CommandLine& c) {
  CLI::App* app =
      AddCommand(top, "validate", "check a scenario file without running it",
                 "Exit 0 valid; 2 invalid, with every error as FILE: /json/path: message.",
                 "mcastlab validate topologies/ttl-one.json");
  app->add_option("FILE", c.validate.file, "the scenario file (JSON)")->required();
  AddMaxInputSize(*app, c.validate);
  c.validate_app = app;
}

void AddTest(CLI::App& top, CommandLine& c) {
  TestArgs& a = c.test;
  CLI::App* app = AddCommand(
      top, "test", "run every scenario under the paths as a test suite",
      "Runs each *.json found under PATH (files, or folders searched recursively, in\n"
      "name order) with `mcastlab run FILE --out DIR/<its path>`, N at a time, then prints\n"
      "a table (scenario, expectations passed, wall time, result) and the totals.\n"
      "Exit codes: 0 every expectation holds; 1 some failed; 2 bad arguments or an invalid\n"
      "scenario; 3 a run broke; 130/143 interrupted by SIGINT/SIGTERM (no report).",
      "mcastlab test topologies/ -j 4 --junit out/junit.xml");
  app->add_option("PATH", a.paths, "scenario files, or folders that hold them")->required();
  AddWholeNumber(*app, "-j,--jobs", &a.jobs, 1, kMaxTestJobs, "run N scenarios at a time")
      ->type_name("N")
      ->default_str("the number of cores");
  AddText(*app, "--junit", &a.junit, "also write a JUnit XML report to FILE")->type_name("FILE");
  AddText(*app, "--out", &a.out, "the root of the output folders")
      ->type_name("DIR")
      ->default_str(a.out);
  c.test_app = app;
}

void AddReport(CLI::App& top, CommandLine& c) {
  CLI::App* app = AddCommand(
      top, "report", "write an HTML page that replays a run, from its outputs",
      "Reads the outputs a run wrote to OUT and writes one self-contained page: the\n"
      "topology, a time slider and play button (frames moving on the links), the roles\n"
      "and tables at the chosen instant, the tree of a group, filters by node and\n"
      "protocol, the expectations, and links to the pcaps. FILE is OUT/report.html by\n"
      "default (then OUT's .mcastlab-output marker lists it), or any file outside OUT;\n"
      "only a report mcastlab wrote is replaced. Open it in a browser; report.html#t=500\n"
      "opens it at 500 s.\n"
      "Exit 0 written; 2 bad arguments, or OUT is not a run's output; 3 FILE could not\n"
      "be written.",
      "mcastlab report out/igmp-querier-failover -o failover.html");
  app->add_option("OUT", c.report.out, "the output folder of a run")->required();
  AddText(*app, "-o,--output", &c.report.output, "where to write the page")
      ->type_name("FILE")
      ->default_str("OUT/report.html");
  c.report_app = app;
}

void AddExplain(CLI::App& top, CommandLine& c) {
  ExplainArgs& a = c.explain;
  CLI::App* app = AddCommand(
      top, "explain", "why a host does or does not receive a group, from a run's outputs",
      "Reads the outputs a run wrote to OUT and says why HOST does or does not receive\n"
      "G at TIME. Exit 0 explained; 2 bad arguments, or OUT is not a run's output.",
      "mcastlab explain out/ttl-one --node rx2 --group 239.1.1.1 --at 4.99s");
  app->add_option("OUT", a.out, "the output folder of a run")->required();
  AddText(*app, "--node", &a.query.host, "the host")->type_name("HOST")->required();
  AddIpv4(*app, "--group", &a.query.group, "a group, or a unicast address")
      ->type_name("G")
      ->required();
  c.explain_at_option = AddTime(*app, "--at", &c.explain_at, false,
                                "the simulated time, such as 4.99s (default: the end of the run)")
                            ->type_name("TIME");
  c.explain_app = app;
}

void AddGraph(CLI::App& top, CommandLine& c) {
  GraphArgs& a = c.graph;
  CLI::App* app = AddCommand(
      top, "graph", "draw a run's topology, roles and a group's tree",
      "Draws the nodes (routers as ellipses, switches as boxes, hosts as rounded boxes), the\n"
      "links with their name, bandwidth and delay (a shared segment as one node of its own),\n"
      "and the roles at TIME: IGMP querier, PIM DR, RP, snooping router ports. With --group,\n"
      "the path of each source's last datagram of G sent by TIME, as arrows (a Register\n"
      "dashed blue), its members double-framed, links that carried G before faded.\n"
      "INPUT is a run's output folder, or a scenario file, which is then run first in a\n"
      "temporary folder. -o FILE ends in .svg or .png (drawn by Graphviz's dot) or .dot.\n"
      "Exit 0 drawn; 2 bad arguments, or INPUT is neither; 3 dot failed or FILE not written.",
      "mcastlab graph out/pim-shared-tree --group 239.1.1.1 -o tree.svg");
  app->add_option("INPUT", a.input, "a run's output folder, or a scenario file")->required();
  AddText(*app, "-o,--output", &a.output, "the picture: FILE.svg, FILE.png or FILE.dot")
      ->type_name("FILE")
      ->required();
  c.graph_at_option = AddTime(*app, "--at", &c.graph_at, false,
                              "the simulated time, such as 100s (default: the end of the run)")
                          ->type_name("TIME");
  c.graph_group_option =
      AddIpv4(*app, "--group", &c.graph_group, "also draw the distribution tree of this group")->type_name("G");
  c.graph_app = app;
}

void AddLadder(CLI::App& top, CommandLine& c) {
  LadderArgs& a = c.ladder;
  CLI::App* app = AddCommand(
      top, "ladder", "the message sequence (ladder) diagram of a run",
      "Reads the per-link pcaps and events.jsonl of OUT: one column per node, one line per\n"
      "frame from its sender to the nodes on its link, with its decoded summary, and the\n"
      "state changes between them. As text on standard output, or with -o as an SVG file.\n"
      "Exit 0; 2 bad arguments, OUT not a run's output, or a damaged pcap; 3 FILE not written.",
      "mcastlab ladder out/igmp-querier-failover --from 411s --until 412s --filter igmp");
  app->add_option("OUT", a.out, "the output folder of a run")->required();
  AddText(*app, "--nodes", &a.nodes, "only these columns, in this order, such as R1,SW1,H1")
      ->type_name("A,B,..");
  c.ladder_from_option =
      AddTime(*app, "--from", &c.ladder_from, false, "start at TIME (default: 0s)")->type_name("TIME");
  c.ladder_until_option =
      AddTime(*app, "--until", &c.ladder_until, false, "stop at TIME (default: the end)")->type_name("TIME");
  AddText(*app, "--filter", &a.filter, "only these protocols: igmp, pim, udp, arp, icmp")
      ->type_name("P,Q,..");
  AddText(*app, "-o,--output", &a.output, "write an SVG picture to FILE.svg instead")->type_name("FILE");
  c.ladder_app = app;
}

void AddGen(CLI::App& top, CommandLine& c) {
  TreeSpec& t = c.gen.tree;
  c.gen_app =
      AddCommand(top, "gen", "print a generated scenario", "", "mcastlab gen tree > tree.json");
  CLI::App* app = AddCommand(
      *c.gen_app, "tree", "the benchmark tree of routers and hosts",
      "Prints a scenario on stdout: a core router, R edge routers, H hosts per edge LAN,\n"
      "one sender at P datagrams/s for T seconds to 239.1.1.1, every other host\n"
      "receiving. R x H is at least 2 (a sender and a receiver) and at most 1000000.",
      "mcastlab gen tree --routers 8 --hosts 20 --rate 500 --seconds 5 > tree.json");
  AddWholeNumber(*app, "--routers", &t.routers, 1, kMaxTreeRouters, "edge routers")->type_name("R");
  AddWholeNumber(*app, "--hosts", &t.hosts, 1, kMaxTreeHosts, "hosts on each edge LAN")
      ->type_name("H");
  AddWholeNumber(*app, "--rate", &t.rate, 1, kMaxTreeRate, "datagrams a second")->type_name("P");
  AddWholeNumber(*app, "--seconds", &t.seconds, 1, kMaxTreeSeconds,
                 "how long the sender sends, in seconds")
      ->type_name("T");
  AddWholeNumber(*app, "--payload", &t.payload, 0, kMaxTreePayload,
                 "UDP payload in bytes (65507 is the most one IPv4 datagram carries)")
      ->type_name("BYTES");
  AddChoice(*app, "--routing", &c.gen.routing, {"static", "pim"},
            "static multicast routes, or PIM-SM with the core router as RP")
      ->type_name("static|pim");
  AddWholeNumber(*app, "--groups", &t.groups, 1, kMaxTreeGroups,
                 "groups, from 239.1.1.1 on, each with its own stream (needs --routing pim)")
      ->type_name("G");
  AddWholeNumber(*app, "--sources", &t.sources, 1, kMaxTreeRouters * kMaxTreeHosts,
                 "hosts sending: group g comes from source g mod S (needs --routing pim)")
      ->type_name("S");
  AddWholeNumber(*app, "--joins", &t.joins, 1, kMaxTreeGroups,
                 "groups each receiver joins, drawn at random with --seed (default min(G, 5))")
      ->type_name("J");
  AddWholeNumber(*app, "--seed", &t.seed, 0, UINT64_MAX, "the seed of the random joins")->type_name("N");
  AddChoice(*app, "--capture", &c.gen.capture, {"all", "none"}, "a pcap per link, or none")
      ->type_name("all|none");
  c.tree_app = app;
}

void AddDemo(CLI::App& top, CommandLine& c) {
  CLI::App* app =
      AddCommand(top, "demo", "write a pcap with one frame of every message type",
                 "Writes DIR/all-messages.pcap: one frame of every message type mcastlab encodes,\n"
                 "1 ms apart, and lists them.",
                 "mcastlab demo --out out/demo");
  AddText(*app, "--out", &c.demo_out, "the output folder")
      ->type_name("DIR")
      ->default_str("out/demo");
}

void AddHelp(CLI::App& top, CommandLine& c) {
  c.help_app = AddCommand(top, "help", "print the help of a command",
                          "mcastlab help [COMMAND [SUBCOMMAND]]", "mcastlab help gen tree");
}

// The chosen command: the last subcommand on the line.
CLI::App* Chosen(CLI::App& top) {
  CLI::App* app = &top;
  while (!app->get_subcommands().empty()) app = app->get_subcommands().front();
  return app;
}

// Refused arguments: one line naming the argument, and where the options are listed.
int Refuse(const CLI::App& app, const std::string& message) {
  const CLI::App* top = &app;
  while (top->get_parent() != nullptr && top->get_parent()->get_parent() != nullptr) {
    top = top->get_parent();  // "mcastlab gen", not "mcastlab gen tree", as before CLI11
  }
  std::fprintf(stderr, "%s: %s\nTry '%s --help'.\n", CommandPath(*top).c_str(), message.c_str(),
               CommandPath(app).c_str());
  return kExitBadInput;
}

int Help(CLI::App& top, const std::vector<std::string>& topic) {
  CLI::App* app = &top;
  for (const std::string& name : topic) {
    CLI::App* sub = nullptr;
    try {
      sub = app->get_subcommand(name);
    } catch (const CLI::OptionNotFound&) {
      return Refuse(*app, DescribeUnknown(*app, name));
    }
    app = sub;
  }
  // Not app->help(): that shows the help of the command chosen on this line, `help` itself.
  std::fputs(
      app->get_formatter()->make_help(app, CommandPath(*app), CLI::AppFormatMode::Normal).c_str(),
      stdout);
  return kExitOk;
}

int Dispatch(CLI::App& top, CommandLine& c) {
  CLI::App* app = Chosen(top);
  if (app == c.gen_app && app->remaining().empty()) {
    return Refuse(*app, "which scenario? the one generator is tree");
  }
  if (app == c.gen_app && !app->remaining().front().starts_with("-")) {
    return Refuse(
        *app, "unknown generator '" + app->remaining().front() + "'; the one generator is tree");
  }
  if (auto left = DescribeLeftOver(*app)) return Refuse(*app, *left);
  if (app == c.help_app) return Help(top, {});
  if (app == &top) {
    std::fputs(top.help().c_str(), stderr);
    return kExitBadInput;
  }
  if (app == c.run_app) return RunCommand(c.run);
  if (app == c.validate_app) return ValidateCommand(c.validate);
  if (app == c.explain_app) {
    if (c.explain_at_option->count() > 0) c.explain.query.at = c.explain_at.nanos();
    return ExplainCommand(c.explain);
  }
  if (app == c.tree_app) return GenTreeCommand(c.gen);
  if (app == c.graph_app) {
    if (c.graph_at_option->count() > 0) c.graph.at = c.graph_at.nanos();
    if (c.graph_group_option->count() > 0) c.graph.group = c.graph_group;
    return GraphCommand(c.graph);
  }
  if (app == c.ladder_app) {
    if (c.ladder_from_option->count() > 0) c.ladder.from = c.ladder_from.nanos();
    if (c.ladder_until_option->count() > 0) c.ladder.until = c.ladder_until.nanos();
    return LadderCommand(c.ladder);
  }
  if (app == c.test_app) return TestCommand(c.test);
  if (app == c.report_app) return ReportCommand(c.report);
  return DemoCommand(c.demo_out);
}

}  // namespace
}  // namespace tools

int main(int argc, char** argv) {
  CLI::App top("mcastlab: a discrete-event multicast routing lab (IGMPv2, snooping, PIM-SM).",
               "mcastlab");
  top.footer(std::string("Run 'mcastlab COMMAND --help' for a command's options.\n") +
             tools::kExitCodes);
  top.set_version_flag("--version", std::string("mcastlab ") + MCASTLAB_VERSION,
                       "print the version and exit");
  top.allow_extras();
  tools::CommandLine c;
  tools::AddRun(top, c);
  tools::AddValidate(top, c);
  tools::AddTest(top, c);
  tools::AddExplain(top, c);
  tools::AddReport(top, c);
  tools::AddGraph(top, c);
  tools::AddLadder(top, c);
  tools::AddGen(top, c);
  tools::AddDemo(top, c);
  tools::AddHelp(top, c);
  // `help gen tree` names commands rather than giving them: CLI11 would start `gen tree` itself.
  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() > 1 && args[0] == "help" && !args[1].starts_with("-")) {
    return tools::Help(top, {args.begin() + 1, args.end()});
  }
  try {
    top.parse(argc, argv);
  } catch (const CLI::CallForHelp&) {
    // Asked for, so on stdout. CLI11 shows the help of the command chosen on the line.
    std::fputs(top.help().c_str(), stdout);
    return tools::kExitOk;
  } catch (const CLI::CallForVersion& e) {
    std::printf("%s\n", e.what());
    return tools::kExitOk;
  } catch (const CLI::ParseError& e) {
    const CLI::App& chosen = *tools::Chosen(top);
    // An unknown option explains a missing required one ("--nod H1": "--node is required").
    if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) {
      if (auto left = tools::DescribeLeftOver(chosen)) return tools::Refuse(chosen, *left);
    }
    return tools::Refuse(chosen, tools::Describe(e));
  }
  return tools::Dispatch(top, c);
}
