// mcastlab: the command-line entry point. It only dispatches; each command has its own file.
#include <cstdio>
#include <string_view>
#include <vector>

#include "tools/demo_command.h"
#include "tools/exit_codes.h"

namespace {

constexpr const char* kUsage =
    "usage: mcastlab COMMAND [ARGS]\n"
    "commands:\n"
    "  demo [--out DIR]   write a pcap with one frame of every message type\n"
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
  std::fprintf(stderr, "mcastlab: unknown command '%.*s'\n%s", static_cast<int>(command.size()),
               command.data(), kUsage);
  return tools::kExitBadInput;
}
