#include "sim/scenario/config.h"

namespace sim::scenario {
namespace {

using core::Duration;
using core::Seconds;

template <typename T>
void Over(Setting<T>& base, const Setting<T>& over) {
  if (over.given()) base = over;
}

// Products and sums of configured times saturate instead of overflowing: a file may give any
// time up to 292 years, and a nonsense value must still load (and fail a rule) without UB.
Duration SatMul(Duration d, std::int64_t k) {
  if (k != 0 && d.nanos() > INT64_MAX / k) return Duration::Max();
  return d * k;
}
Duration SatAdd(Duration a, Duration b) {
  if (a.nanos() > INT64_MAX - b.nanos()) return Duration::Max();
  return a + b;
}
// 3.5 x d, the PIM holdtime rule.
Duration ThreeAndAHalf(Duration d) { return SatAdd(SatMul(d, 3), d / 2); }

template <typename T>
T Or(const Setting<T>& s, T fallback) {
  return s.value.value_or(fallback);
}

// The path to blame for a rule that involves `primary` and, when it was not given, `secondary`.
template <typename A, typename B>
std::string Blame(const Setting<A>& primary, const Setting<B>& secondary) {
  return primary.given() ? primary.path : secondary.path;
}

// Largest Max Resp Time a query of `version` can carry: IGMPv2 has 8 bits of 1/10 s
// (RFC 2236 §2.2), IGMPv3 a floating-point code up to 31744 tenths (RFC 3376 §4.1.1). IGMPv1
// queries carry none (the response time is fixed at 10 s, RFC 1112 appendix I).
std::optional<Duration> MaxRespLimit(int version) {
  if (version == 2) return core::Milliseconds(25'500);
  if (version == 3) return core::Milliseconds(3'174'400);
  return std::nullopt;
}

void CheckMaxResp(const Setting<Duration>& s, Duration value, int version, std::string_view name,
                  const Setting<int>& version_setting, std::vector<LoadError>* problems) {
  const auto limit = MaxRespLimit(version);
  if (!limit || value <= *limit) return;
  problems->push_back({Blame(s, version_setting), std::string(name) + " " + core::ToString(value) +
                                                      " exceeds " + core::ToString(*limit) +
                                                      ", the largest Max Resp Time of IGMPv" +
                                                      std::to_string(version)});
}

}  // namespace


IgmpSettings Merge(const IgmpSettings& base, const IgmpSettings& over) {
  IgmpSettings m = base;
  Over(m.version, over.version);
  Over(m.robustness, over.robustness);
  Over(m.query_interval, over.query_interval);
  Over(m.query_response_interval, over.query_response_interval);
  Over(m.group_membership_interval, over.group_membership_interval);
  Over(m.other_querier_present_interval, over.other_querier_present_interval);
  Over(m.startup_query_interval, over.startup_query_interval);
  Over(m.startup_query_count, over.startup_query_count);
  Over(m.last_member_query_interval, over.last_member_query_interval);
  Over(m.last_member_query_count, over.last_member_query_count);
  Over(m.unsolicited_report_interval, over.unsolicited_report_interval);
  return m;
}

PimSettings Merge(const PimSettings& base, const PimSettings& over) {
  PimSettings m = base;
  Over(m.enabled, over.enabled);
  Over(m.hello_period, over.hello_period);
  Over(m.hello_holdtime, over.hello_holdtime);
  Over(m.join_prune_period, over.join_prune_period);
  Over(m.join_prune_holdtime, over.join_prune_holdtime);
  Over(m.keepalive_period, over.keepalive_period);
  Over(m.register_suppression, over.register_suppression);
  Over(m.register_probe, over.register_probe);
  Over(m.spt_switchover, over.spt_switchover);
  Over(m.assert_enabled, over.assert_enabled);
  return m;
}

RouterIgmpConfig ResolveRouterIgmp(const IgmpSettings& s, std::vector<LoadError>* problems) {
  const RouterIgmpConfig d;
  RouterIgmpConfig c;
  c.version = Or(s.version, d.version);
  c.robustness = Or(s.robustness, d.robustness);
  c.query_interval = Or(s.query_interval, d.query_interval);
  c.query_response_interval = Or(s.query_response_interval, d.query_response_interval);
  const auto rv = static_cast<std::int64_t>(c.robustness);
  // RFC 2236 §8.4 and §8.5: both intervals are built from the merged RV, QI and QRI.
  c.group_membership_interval = Or(s.group_membership_interval,
                                   SatAdd(SatMul(c.query_interval, rv), c.query_response_interval));
  c.other_querier_present_interval =
      Or(s.other_querier_present_interval,
         SatAdd(SatMul(c.query_interval, rv), c.query_response_interval / 2));
  c.startup_query_interval = Or(s.startup_query_interval, c.query_interval / 4);  // §8.6
  c.startup_query_count = Or(s.startup_query_count, c.robustness);                // §8.7
  c.last_member_query_interval = Or(s.last_member_query_interval, d.last_member_query_interval);
  c.last_member_query_count = Or(s.last_member_query_count, c.robustness);  // §8.9

  // RFC 2236 §8.3: "The number of seconds represented by the [Query Response Interval] must be
  // less than the [Query Interval]."
  if (c.query_response_interval >= c.query_interval) {
    problems->push_back({Blame(s.query_response_interval, s.query_interval),
                         "query_response_interval " + core::ToString(c.query_response_interval) +
                             " must be less than query_interval " +
                             core::ToString(c.query_interval) + " (RFC 2236 §8.3)"});
  }
  CheckMaxResp(s.query_response_interval, c.query_response_interval, c.version,
               "query_response_interval", s.version, problems);
  CheckMaxResp(s.last_member_query_interval, c.last_member_query_interval, c.version,
               "last_member_query_interval", s.version, problems);
  return c;
}

HostIgmpConfig ResolveHostIgmp(const IgmpSettings& s, std::vector<LoadError>* /*problems*/) {
  const HostIgmpConfig d;
  HostIgmpConfig c;
  c.version = Or(s.version, d.version);
  c.robustness = Or(s.robustness, d.robustness);
  // RFC 3376 §8.11 shortens the interval to 1 s for IGMPv3; RFC 2236 §8.10 has 10 s.
  c.unsolicited_report_interval = Or(s.unsolicited_report_interval,
                                     c.version == 3 ? Seconds(1) : d.unsolicited_report_interval);
  return c;
}

PimConfig ResolvePim(const PimSettings& s, std::vector<LoadError>* problems) {
  const PimConfig d;
  PimConfig c;
  c.enabled = Or(s.enabled, d.enabled);
  c.hello_period = Or(s.hello_period, d.hello_period);
  // RFC 7761 §4.11: Default_Hello_Holdtime = 3.5 x Hello_Period; J/P_HoldTime = 3.5 x t_periodic.
  c.hello_holdtime = Or(s.hello_holdtime, ThreeAndAHalf(c.hello_period));
  c.join_prune_period = Or(s.join_prune_period, d.join_prune_period);
  c.join_prune_holdtime = Or(s.join_prune_holdtime, ThreeAndAHalf(c.join_prune_period));
  c.keepalive_period = Or(s.keepalive_period, d.keepalive_period);
  c.register_suppression = Or(s.register_suppression, d.register_suppression);
  c.register_probe = Or(s.register_probe, d.register_probe);
  c.spt_switchover = Or(s.spt_switchover, d.spt_switchover);
  c.assert_enabled = Or(s.assert_enabled, d.assert_enabled);

  // RFC 7761 §4.11: the Register-Stop Timer runs for rand(0.5, 1.5) x Register_Suppression_Time
  // minus Register_Probe_Time, so the probe time must be less than half the suppression time.
  if (SatMul(c.register_probe, 2) >= c.register_suppression) {
    problems->push_back({Blame(s.register_probe, s.register_suppression),
                         "register_probe " + core::ToString(c.register_probe) +
                             " must be less than half of register_suppression " +
                             core::ToString(c.register_suppression) + " (RFC 7761 §4.11)"});
  }
  return c;
}

}  // namespace sim::scenario
