// mcastlab: the command-line entry point. It only dispatches; each command has its own file.
#include <cstdio>
#include <string_view>
#include <vector>

#include "tools/demo_command.h"
#include "tools/exit_codes.h"
#include "tools/explain_command.h"
#include "tools/gen_command.h"
#include "tools/run_command.h"

namespace {

constexpr const char* kUsage =
    "usage: mcastlab COMMAND [ARGS]\n"
    "commands:\n"
    "  run FILE [--out DIR] [--stats]   run a scenario (exit 0 pass, 1 fail, 2 bad input)\n"
    "  validate FILE                    check a scenario file without running it\n"
    "  explain OUT --node H --group G [--at T]   why host H does or does not receive G\n"
    "  gen tree --routers R --hosts H --rate P --seconds T [...]   print the benchmark scenario\n"
    "  demo [--out DIR]                 write a pcap with one frame of every message type\n"
    "options:\n"
    "  --help             this text\n"
    "  --version          the version\n";

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string_view> args(argv + 1, argv + argc);
  if (args.empty()) {
    std::fputs(kUsage, stderr);
    return tools::kExitBadInput;
  }
  const std::string_view command = args.front();
  const std::span<const std::string_view> rest(args.data() + 1, args.size() - 1);
  if (command == "--help" || command == "-h" || command == "help") {
    std::fputs(kUsage, stdout);
    return tools::kExitOk;
  }
  if (command == "--version") {
    std::printf("mcastlab %s\n", MCASTLAB_VERSION);
    return tools::kExitOk;
  }
  if (command == "demo") return tools::DemoCommand(rest);
  if (command == "run") return tools::RunCommand(rest);
  if (command == "validate") return tools::ValidateCommand(rest);
  if (command == "gen") return tools::GenCommand(rest);
  if (command == "explain") return tools::ExplainCommand(rest);
  std::fprintf(stderr, "mcastlab: unknown command '%.*s'\n%s", static_cast<int>(command.size()),
               command.data(), kUsage);
  return tools::kExitBadInput;
}
