#include "sim/run/snapshot_names.h"

#include <cstdio>

namespace sim::run {

SnapshotNames::SnapshotNames(core::Duration duration)
    : seconds_width_(std::to_string(duration.nanos() / 1'000'000'000).size()) {}

std::string SnapshotNames::Next(core::Time at, const std::string& label) {
  char stamp[48];
  std::snprintf(stamp, sizeof stamp, "%0*lld.%09lld", static_cast<int>(seconds_width_),
                static_cast<long long>(at.nanos() / 1'000'000'000), static_cast<long long>(at.nanos() % 1'000'000'000));
  const std::string base = std::string("state-") + stamp + (label.empty() ? "" : "-" + label);
  std::string name = base + ".txt";
  for (int n = 2; !used_.insert(name).second; ++n) name = base + "-" + std::to_string(n) + ".txt";
  return name;
}

}  // namespace sim::run
