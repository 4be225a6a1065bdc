// IGMP settings as a scenario gives them, and the RFC rules that turn them into configs.
//
// Every value is optional: what is not given takes its RFC default, and what the RFC derives
// (Group Membership Interval, Other Querier Present Interval, startup and last-member values)
// follows its formula from the values that were given. The settings are kept apart from the
// configs so that a change at run time can be merged on top and derived again.
//
// BasicSettings is generic in how a value is held: the protocol reads plain std::optional
// values, while the scenario loader keeps, beside each value, where in the file it came from.
#ifndef MCASTLAB_IGMP_SETTINGS_H_
#define MCASTLAB_IGMP_SETTINGS_H_

#include <cstdint>
#include <optional>
#include <vector>

#include "igmp/config.h"
#include "sim/core/setting_problem.h"
#include "sim/core/time.h"

namespace igmp {

template <template <typename> class Slot>
struct BasicSettings {
  Slot<int> version;
  Slot<std::uint32_t> robustness;
  // Router side.
  Slot<sim::core::Duration> query_interval;
  Slot<sim::core::Duration> query_response_interval;
  Slot<sim::core::Duration> group_membership_interval;  // an extension: derived when not given
  Slot<sim::core::Duration> other_querier_present_interval;
  Slot<sim::core::Duration> startup_query_interval;
  Slot<std::uint32_t> startup_query_count;
  Slot<sim::core::Duration> last_member_query_interval;
  Slot<std::uint32_t> last_member_query_count;
  // Host side.
  Slot<sim::core::Duration> unsolicited_report_interval;
};

using Settings = BasicSettings<std::optional>;

// Calls fn(key, field of each s...) for every setting, with the key scenario files use: one
// list of the fields for merging, copying and locating them.
template <typename Fn, typename... S>
void ForEachSetting(Fn&& fn, S&... s) {
  fn("version", s.version...);
  fn("robustness", s.robustness...);
  fn("query_interval", s.query_interval...);
  fn("query_response_interval", s.query_response_interval...);
  fn("group_membership_interval", s.group_membership_interval...);
  fn("other_querier_present_interval", s.other_querier_present_interval...);
  fn("startup_query_interval", s.startup_query_interval...);
  fn("startup_query_count", s.startup_query_count...);
  fn("last_member_query_interval", s.last_member_query_interval...);
  fn("last_member_query_count", s.last_member_query_count...);
  fn("unsolicited_report_interval", s.unsolicited_report_interval...);
}

// Defaults and derived values filled in. A value that breaks an RFC rule (a Query Response
// Interval not shorter than the Query Interval, a Max Resp Time the version cannot encode) is
// appended to `problems`, blamed on the key to change.
RouterConfig DeriveRouterConfig(const Settings& s, std::vector<sim::core::SettingProblem>* problems);
HostConfig DeriveHostConfig(const Settings& s);

}  // namespace igmp

#endif  // MCASTLAB_IGMP_SETTINGS_H_
