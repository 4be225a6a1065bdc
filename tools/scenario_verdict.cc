#include "tools/scenario_verdict.h"

#include <csignal>
#include <cstring>
#include <fstream>
#include <iterator>

#include "sim/explain/json_in.h"
#include "tools/exit_codes.h"

namespace tools {
namespace {

using sim::explain::Json;
using Result = ScenarioVerdict::Result;

std::string Trimmed(std::string s) {
  while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
  return s;
}

std::string Why(const ChildOutcome& child) {
  if (child.exit_code < 0) {
    return std::string("the run was killed by signal ") + std::to_string(child.signal) + " (" +
           strsignal(child.signal) + ")";
  }
  switch (child.exit_code) {
    case 124:
      return "the run reached its wall-clock limit";
    case 127:
      return "mcastlab could not be started";
    case 130:
    case 143:
      return "the run was interrupted";
    default:
      return "the run ended with exit code " + std::to_string(child.exit_code);
  }
}

// Fills `v` from summary.json; false when it is missing or not what a run writes.
bool ReadSummary(const std::filesystem::path& file, ScenarioVerdict& v) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return false;
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const auto doc = sim::explain::ParseJson(text);
  const Json* list = doc ? doc->Find("expectations") : nullptr;
  if (list == nullptr || list->type != Json::Type::kArray) return false;
  v.name = doc->Str("scenario");
  for (const Json& e : list->items) {
    const Json* passed = e.Find("passed");
    v.expectations.push_back({e.Str("kind"), e.Str("path"), passed != nullptr && passed->text == "true",
                              e.Str("expected"), e.Str("found")});
  }
  return true;
}

}  // namespace

std::size_t ScenarioVerdict::passed() const {
  std::size_t n = 0;
  for (const auto& e : expectations) n += e.passed ? 1 : 0;
  return n;
}

ScenarioVerdict JudgeRun(const ChildOutcome& child, const std::filesystem::path& out) {
  ScenarioVerdict v;
  v.output = child.output;
  v.exit_code = child.exit_code;
  v.wall_seconds = child.wall_seconds;
  if (child.exit_code == kExitBadInput) {
    v.result = Result::kInvalid;
    v.problem = Trimmed(child.output);
    return v;
  }
  if (child.exit_code != kExitOk && child.exit_code != kExitFailed) {
    v.result = Result::kError;
    v.problem = Why(child);
    return v;
  }
  if (!ReadSummary(out / "summary.json", v)) {
    v.result = Result::kError;
    v.problem = (out / "summary.json").string() + " is missing or cannot be read";
    return v;
  }
  // The exit code and the summary agree unless something is badly wrong; the summary decides.
  v.result = v.passed() == v.expectations.size() ? Result::kPassed : Result::kFailed;
  return v;
}

const char* ResultWord(Result r) {
  switch (r) {
    case Result::kPassed:
      return "pass";
    case Result::kFailed:
      return "FAIL";
    case Result::kInvalid:
      return "invalid";
    case Result::kError:
      return "error";
  }
  return "error";
}

}  // namespace tools
