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

#include "sim/core/time.h"
#include "sim/scenario/load_error.h"

namespace sim::scenario {

using core::Duration;
using core::Seconds;

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
  Setting<Duration> query_interval;
  Setting<Duration> query_response_interval;
  Setting<Duration> group_membership_interval;  // an extension: derived when not given
  Setting<Duration> other_querier_present_interval;
  Setting<Duration> startup_query_interval;
  Setting<std::uint32_t> startup_query_count;
  Setting<Duration> last_member_query_interval;
  Setting<std::uint32_t> last_member_query_count;
  // Host side.
  Setting<Duration> unsolicited_report_interval;
};

enum class SptSwitchover { kImmediate, kNever };
std::string_view ToString(SptSwitchover s);

struct PimSettings {
  Setting<bool> enabled;
  Setting<Duration> hello_period;
  Setting<Duration> hello_holdtime;
  Setting<Duration> join_prune_period;
  Setting<Duration> join_prune_holdtime;
  Setting<Duration> keepalive_period;
  Setting<Duration> register_suppression;
  Setting<Duration> register_probe;
  Setting<SptSwitchover> spt_switchover;
  Setting<bool> assert_enabled;  // JSON key "assert"
};

// `over` wins wherever it gives a value.
IgmpSettings Merge(const IgmpSettings& base, const IgmpSettings& over);
PimSettings Merge(const PimSettings& base, const PimSettings& over);

// IGMP on one router interface. Section numbers are RFC 2236 §8 (RFC 3376 §8 has the same ones
// for IGMPv3); the defaults are the RFC's.
struct RouterIgmpConfig {
  int version = 2;                                    // 1 (RFC 1112), 2, 3 (RFC 3376)
  std::uint32_t robustness = 2;                       // §8.1 Robustness Variable
  Duration query_interval = Seconds(125);             // §8.2
  Duration query_response_interval = Seconds(10);     // §8.3, Max Resp Time of general queries
  Duration group_membership_interval = Seconds(260);  // §8.4: RV x QI + QRI
  Duration other_querier_present_interval = Seconds(255);  // §8.5: RV x QI + QRI / 2
  Duration startup_query_interval = Duration::FromNanos(31'250'000'000);  // §8.6: QI / 4
  std::uint32_t startup_query_count = 2;                                  // §8.7: RV
  Duration last_member_query_interval = Seconds(1);  // §8.8, Max Resp Time of GSQs
  std::uint32_t last_member_query_count = 2;         // §8.9: RV
};

// IGMP on a host.
struct HostIgmpConfig {
  int version = 2;  // the highest version the host speaks
  // RFC 2236 §8.10: 10s; RFC 3376 §8.11: 1s for IGMPv3.
  Duration unsolicited_report_interval = Seconds(10);
  // RFC 2236 §8.1, RFC 3376 §8.1: how many times an unsolicited report is sent.
  std::uint32_t robustness = 2;
};

// PIM-SM on one router. Timer names and defaults are RFC 7761 §4.11.
struct PimConfig {
  bool enabled = true;
  Duration hello_period = Seconds(30);          // Hello_Period
  Duration hello_holdtime = Seconds(105);       // Default_Hello_Holdtime: 3.5 x Hello_Period
  Duration join_prune_period = Seconds(60);     // t_periodic
  Duration join_prune_holdtime = Seconds(210);  // J/P_HoldTime: 3.5 x t_periodic
  Duration keepalive_period = Seconds(210);     // Keepalive_Period, KAT(S,G)
  Duration register_suppression = Seconds(60);  // Register_Suppression_Time
  Duration register_probe = Seconds(5);         // Register_Probe_Time
  SptSwitchover spt_switchover = SptSwitchover::kImmediate;  // §4.2.1, last-hop switch to the SPT
  bool assert_enabled = true;                                // §4.6, assert on parallel paths
};

// Fill in defaults and derived values. Values that contradict an RFC rule (a Query Response
// Interval not shorter than the Query Interval, a Max Resp Time the version cannot encode...) are
// appended to `problems`, located at the setting to change.
RouterIgmpConfig ResolveRouterIgmp(const IgmpSettings& s, std::vector<LoadError>* problems);
HostIgmpConfig ResolveHostIgmp(const IgmpSettings& s, std::vector<LoadError>* problems);
PimConfig ResolvePim(const PimSettings& s, std::vector<LoadError>* problems);

}  // namespace sim::scenario

#endif  // MCASTLAB_SIM_SCENARIO_CONFIG_H_
