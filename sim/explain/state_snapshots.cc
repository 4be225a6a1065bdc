#include "sim/explain/state_snapshots.h"

#include <algorithm>
#include <fstream>
#include <tuple>

#include "sim/explain/run_record.h"

namespace sim::explain {

namespace fs = std::filesystem;

std::int64_t SnapshotTime(const std::string& name) {
  if (!name.starts_with("state-") || !name.ends_with(".txt")) return -1;
  const std::string stem = name.substr(6, name.size() - 10);  // "08.000000000-after-stream"
  const std::size_t dot = stem.find('.');
  if (dot == std::string::npos || stem.size() < dot + 10) return -1;
  if (stem.size() > dot + 10 && stem[dot + 10] != '-') return -1;
  return ParseEventTime(stem.substr(0, dot + 10));
}

std::vector<StateSnapshot> ReadStateSnapshots(const fs::path& dir, std::int64_t end) {
  std::vector<StateSnapshot> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    const std::int64_t t = name == "state-end.txt" ? end : SnapshotTime(name);
    if (t < 0) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    StateSnapshot snap{t, name, {}};
    std::string line;
    while (std::getline(in, line)) {
      if (line.starts_with("=== ")) {
        snap.nodes.push_back({line.substr(4, line.find(" (") - 4), ""});
      } else if (!snap.nodes.empty() && !(line.empty() && in.peek() == '=')) {
        snap.nodes.back().second += line + "\n";
      }
    }
    out.push_back(std::move(snap));
  }
  // state-end.txt last among the files of the end instant: it is the final word.
  std::sort(out.begin(), out.end(), [](const StateSnapshot& a, const StateSnapshot& b) {
    const bool a_end = a.file == "state-end.txt", b_end = b.file == "state-end.txt";
    return std::tie(a.t, a_end, a.file) < std::tie(b.t, b_end, b.file);
  });
  return out;
}

}  // namespace sim::explain
