// File names for state snapshots: `state-<seconds>.<nanoseconds>[-<label>].txt`, with the
// seconds zero-padded to the width of the run's duration so that names sort by time, and
// `-2`, `-3`... added when two snapshots would share a name (same instant, same label).
#ifndef MCASTLAB_SIM_RUN_SNAPSHOT_NAMES_H_
#define MCASTLAB_SIM_RUN_SNAPSHOT_NAMES_H_

#include <set>
#include <string>

#include "sim/core/time.h"

namespace sim::run {

class SnapshotNames {
 public:
  explicit SnapshotNames(core::Duration duration);
  // A name no earlier call returned. `label` must already be safe in a file name (the loader
  // checks labels).
  std::string Next(core::Time at, const std::string& label);

 private:
  std::size_t seconds_width_;
  std::set<std::string> used_;
};

}  // namespace sim::run

#endif  // MCASTLAB_SIM_RUN_SNAPSHOT_NAMES_H_
