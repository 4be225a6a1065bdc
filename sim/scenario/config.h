// Protocol configuration: what a file gave (settings) and what a node runs with (configs).
//
// A scenario may set IGMP and PIM values in `defaults`, on a node and (IGMP) on a router
// interface. The loader merges the three levels into one IgmpSettings or PimSettings, nearest
// level winning, and only then resolves it into a complete config: every value not given takes its
// RFC default, and every derived value (Other Querier Present Interval, holdtimes...) follows its
// RFC formula from the merged inputs. So `query_interval: "60s"` in defaults gives every router an
// Other Querier Present Interval of 2 x 60s + 10s/2 = 125s unless one is given explicitly.
//
// The settings are kept next to the resolved configs so that a run-time `set` event can merge its
// own settings on top and resolve again, re-deriving what was derived.
#ifndef MCASTLAB_SIM_SCENARIO_CONFIG_H_
#define MCASTLAB_SIM_SCENARIO_CONFIG_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "igmp/settings.h"
#include "pim/settings.h"
#include "sim/core/time.h"
#include "sim/scenario/load_error.h"

namespace sim::scenario {

// A value as the file gave it, or nothing. `path` is the JSON Pointer of the key that gave it, so
// that a problem found after merging names the line the user has to change.
template <typename T>
struct Setting {
  std::optional<T> value;
  std::string path;
  bool given() const { return value.has_value(); }
};

// The protocols own their settings, their keys and their RFC derivations (igmp/settings.h,
// pim/settings.h); the loader holds each value together with where it came from.
using IgmpSettings = igmp::BasicSettings<Setting>;
using PimSettings = pim::BasicSettings<Setting>;
using SptSwitchover = pim::SptSwitchover;

// `over` wins wherever it gives a value.
template <typename Settings>
Settings Merge(const Settings& base, const Settings& over) {
  Settings m = base;
  ForEachSetting([](std::string_view, auto& out, const auto& in) { if (in.given()) out = in; }, m,
                 over);
  return m;
}

// IGMP on one router interface and on a host, PIM-SM on one router (every interface's own
// `enabled` and DR priority are set by the runner): the protocols' own config types.
using RouterIgmpConfig = igmp::RouterConfig;
using HostIgmpConfig = igmp::HostConfig;
using PimConfig = pim::Config;

// Fill in defaults and derived values by the protocol's rules. Values that contradict an RFC rule
// are appended to `problems`, located at the line of the file that gave the setting to change.
RouterIgmpConfig ResolveRouterIgmp(const IgmpSettings& s, std::vector<LoadError>* problems);
HostIgmpConfig ResolveHostIgmp(const IgmpSettings& s);
PimConfig ResolvePim(const PimSettings& s, std::vector<LoadError>* problems);

}  // namespace sim::scenario

#endif  // MCASTLAB_SIM_SCENARIO_CONFIG_H_
