#include "igmp/settings.h"

#include <string>
#include <string_view>

namespace igmp {
namespace {

using sim::core::Duration;
using sim::core::SaturatingAdd;
using sim::core::SaturatingMul;
using sim::core::SettingProblem;

// A rule involving a given value and one left to its default blames the given one.
std::string_view Blame(bool primary_given, std::string_view primary, std::string_view secondary) {
  return primary_given ? primary : secondary;
}

// Largest Max Resp Time a query of `version` can carry: IGMPv2 has 8 bits of 1/10 s
// (RFC 2236 §2.2), IGMPv3 a floating-point code up to 31744 tenths (RFC 3376 §4.1.1). IGMPv1
// queries carry none (the response time is fixed at 10 s, RFC 1112 appendix I).
std::optional<Duration> MaxRespLimit(int version) {
  if (version == 2) return sim::core::Milliseconds(25'500);
  if (version == 3) return sim::core::Milliseconds(3'174'400);
  return std::nullopt;
}

void CheckMaxResp(const std::optional<Duration>& given, std::string_view key,
                  Duration value, int version, std::vector<SettingProblem>* problems) {
  const auto limit = MaxRespLimit(version);
  if (!limit || value <= *limit) return;
  problems->push_back({Blame(given.has_value(), key, "version"),
                       std::string(key) + " " + sim::core::ToString(value) + " exceeds " +
                           sim::core::ToString(*limit) + ", the largest Max Resp Time of IGMPv" +
                           std::to_string(version)});
}

}  // namespace

RouterConfig DeriveRouterConfig(const Settings& s, std::vector<SettingProblem>* problems) {
  const RouterConfig d;
  RouterConfig c;
  c.version = s.version.value_or(d.version);
  c.robustness = s.robustness.value_or(d.robustness);
  c.query_interval = s.query_interval.value_or(d.query_interval);
  c.query_response_interval = s.query_response_interval.value_or(d.query_response_interval);
  const auto rv = static_cast<std::int64_t>(c.robustness);
  // RFC 2236 §8.4 and §8.5: both intervals are built from the merged RV, QI and QRI.
  c.group_membership_interval = s.group_membership_interval.value_or(
      SaturatingAdd(SaturatingMul(c.query_interval, rv), c.query_response_interval));
  c.other_querier_present_interval = s.other_querier_present_interval.value_or(
      SaturatingAdd(SaturatingMul(c.query_interval, rv), c.query_response_interval / 2));
  c.startup_query_interval = s.startup_query_interval.value_or(c.query_interval / 4);  // §8.6
  c.startup_query_count = s.startup_query_count.value_or(c.robustness);                // §8.7
  c.last_member_query_interval =
      s.last_member_query_interval.value_or(d.last_member_query_interval);
  c.last_member_query_count = s.last_member_query_count.value_or(c.robustness);  // §8.9

  // RFC 2236 §8.3: "The number of seconds represented by the [Query Response Interval] must be
  // less than the [Query Interval]."
  if (c.query_response_interval >= c.query_interval) {
    problems->push_back(
        {Blame(s.query_response_interval.has_value(), "query_response_interval", "query_interval"),
         "query_response_interval " + sim::core::ToString(c.query_response_interval) +
             " must be less than query_interval " + sim::core::ToString(c.query_interval) +
             " (RFC 2236 §8.3)"});
  }
  CheckMaxResp(s.query_response_interval, "query_response_interval",
               c.query_response_interval, c.version, problems);
  CheckMaxResp(s.last_member_query_interval, "last_member_query_interval",
               c.last_member_query_interval, c.version, problems);
  return c;
}

HostConfig DeriveHostConfig(const Settings& s) {
  const HostConfig d;
  HostConfig c;
  c.version = s.version.value_or(d.version);
  c.robustness = s.robustness.value_or(d.robustness);
  // RFC 3376 §8.11 shortens the interval to 1 s for IGMPv3; RFC 2236 §8.10 has 10 s.
  c.unsolicited_report_interval = s.unsolicited_report_interval.value_or(
      c.version == 3 ? sim::core::Seconds(1) : d.unsolicited_report_interval);
  return c;
}

}  // namespace igmp
