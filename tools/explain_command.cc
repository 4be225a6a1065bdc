#include "tools/explain_command.h"

#include <cstdio>
#include <optional>
#include <string>

#include "sim/explain/explain.h"
#include "sim/explain/run_record.h"
#include "sim/scenario/values.h"
#include "sim/wire/ipv4_address.h"
#include "tools/exit_codes.h"

namespace tools {
namespace {

constexpr const char* kExplainUsage =
    "usage: mcastlab explain OUT --node HOST --group G [--at TIME]\n"
    "  Reads the outputs a run wrote to OUT and says why HOST does or does not receive G\n"
    "  (a group, or a unicast address) at TIME (\"4.99s\"; default: the end of the run).\n"
    "  Exit 0: explained; 2: bad arguments, or OUT is not a run's output.\n";

int Bad(const std::string& message) {
  std::fprintf(stderr, "mcastlab explain: %s\n%s", message.c_str(), kExplainUsage);
  return kExitBadInput;
}

}  // namespace

int ExplainCommand(std::span<const std::string_view> args) {
  std::string out;
  sim::explain::ExplainQuery q;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string_view a = args[i];
    const bool has_value = i + 1 < args.size();
    if (a == "--node" && has_value) {
      q.host = std::string(args[++i]);
    } else if (a == "--group" && has_value) {
      q.group = std::string(args[++i]);
      if (!sim::wire::Ipv4Address::Parse(q.group)) return Bad("--group needs an IPv4 address, not '" + q.group + "'");
    } else if (a == "--at" && has_value) {
      const auto t = sim::scenario::ParseTime(args[++i]);
      if (!t.ok()) return Bad("--at needs a time such as 4.99s, not '" + std::string(args[i]) + "'");
      q.at = t.value().nanos();
    } else if (!a.starts_with("-") && out.empty()) {
      out = std::string(a);
    } else {
      return Bad("unexpected argument '" + std::string(a) + "'");
    }
  }
  if (out.empty() || q.host.empty() || q.group.empty()) return Bad("OUT, --node and --group are needed");
  auto record = sim::explain::ReadRunRecord(out);
  if (const auto* error = std::get_if<std::string>(&record)) return Bad(*error);
  auto answer = sim::explain::Explain(std::get<sim::explain::RunRecord>(record), q);
  if (const auto* error = std::get_if<std::string>(&answer)) return Bad(*error);
  for (const std::string& line : std::get<std::vector<std::string>>(answer)) std::printf("%s\n", line.c_str());
  return kExitOk;
}

}  // namespace tools
