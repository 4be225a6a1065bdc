#include "tests/support/events_log.h"

#include <sstream>

#include "tests/support/child_process.h"

namespace testing_support {

std::vector<std::string> EventLines(const std::filesystem::path& out) {
  std::vector<std::string> lines;
  std::istringstream in(ReadWholeFile(out / "events.jsonl"));
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

std::string EventField(std::string_view line, std::string_view key) {
  const std::string tag = "\"" + std::string(key) + "\": ";
  const auto at = line.find(tag);
  if (at == std::string_view::npos) return "";
  const std::size_t from = at + tag.size();
  if (from < line.size() && line[from] == '"') {
    return std::string(line.substr(from + 1, line.find('"', from + 1) - from - 1));
  }
  return std::string(line.substr(from, line.find_first_of(",}", from) - from));
}

}  // namespace testing_support
