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

#include "igmp/config.h"
#include "pim/config.h"
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

// IGMP keys of defaults, nodes, router interfaces and `set` events. Hosts and routers share
// `version` and `robustness`; the loader lets each kind of node give only its own keys.
struct IgmpSettings {
  Setting<int> version;
  Setting<std::uint32_t> robustness;
  // Router side.
  Setting<core::Duration> query_interval;
  Setting<core::Duration> query_response_interval;
  Setting<core::Duration> group_membership_interval;  // an extension: derived when not given
  Setting<core::Duration> other_querier_present_interval;
  Setting<core::Duration> startup_query_interval;
  Setting<std::uint32_t> startup_query_count;
  Setting<core::Duration> last_member_query_interval;
  Setting<std::uint32_t> last_member_query_count;
  // Host side.
  Setting<core::Duration> unsolicited_report_interval;
};

// PIM-SM owns its configuration and its RFC 7761 defaults (pim/config.h).
using SptSwitchover = pim::SptSwitchover;

struct PimSettings {
  Setting<bool> enabled;
  Setting<core::Duration> hello_period;
  Setting<core::Duration> hello_holdtime;
  Setting<core::Duration> join_prune_period;
  Setting<core::Duration> join_prune_holdtime;
  Setting<core::Duration> keepalive_period;
  Setting<core::Duration> register_suppression;
  Setting<core::Duration> register_probe;
  Setting<SptSwitchover> spt_switchover;
  Setting<bool> assert_enabled;  // JSON key "assert"
};

// `over` wins wherever it gives a value.
IgmpSettings Merge(const IgmpSettings& base, const IgmpSettings& over);
PimSettings Merge(const PimSettings& base, const PimSettings& over);

// IGMP on one router interface and on a host: the protocol owns its configuration (with the
// RFC defaults and section numbers); the loader fills it.
using RouterIgmpConfig = igmp::RouterConfig;
using HostIgmpConfig = igmp::HostConfig;

// PIM-SM on one router (every interface's own `enabled` and DR priority are set by the runner).
using PimConfig = pim::Config;

// Fill in defaults and derived values. Values that contradict an RFC rule (a Query Response
// Interval not shorter than the Query Interval, a Max Resp Time the version cannot encode...) are
// appended to `problems`, located at the setting to change.
RouterIgmpConfig ResolveRouterIgmp(const IgmpSettings& s, std::vector<LoadError>* problems);
HostIgmpConfig ResolveHostIgmp(const IgmpSettings& s, std::vector<LoadError>* problems);
PimConfig ResolvePim(const PimSettings& s, std::vector<LoadError>* problems);

}  // namespace sim::scenario

#endif  // MCASTLAB_SIM_SCENARIO_CONFIG_H_
