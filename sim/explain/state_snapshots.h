// The state snapshots a run wrote (`state-<time>[-<label>].txt`, `state-end.txt`) read back:
// each one's instant and every node's tables as text, split at the `=== NODE (type)` lines.
#ifndef MCASTLAB_SIM_EXPLAIN_STATE_SNAPSHOTS_H_
#define MCASTLAB_SIM_EXPLAIN_STATE_SNAPSHOTS_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace sim::explain {

struct StateSnapshot {
  std::int64_t t = 0;  // nanoseconds since the start
  std::string file;    // its name in the folder
  std::vector<std::pair<std::string, std::string>> nodes;  // node -> its tables, file order
};

// Snapshots in time order (files of one instant by name); `end` is state-end.txt's instant.
// Files whose name is not a snapshot's are not read.
std::vector<StateSnapshot> ReadStateSnapshots(const std::filesystem::path& dir, std::int64_t end);

// "state-08.000000000-after-stream.txt" -> 8000000000; -1 when not a timed snapshot's name.
std::int64_t SnapshotTime(const std::string& file_name);

}  // namespace sim::explain

#endif  // MCASTLAB_SIM_EXPLAIN_STATE_SNAPSHOTS_H_
