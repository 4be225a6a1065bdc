#include "igmp/bridge_querier_gate.h"

namespace igmp {

using sim::core::Duration;
using sim::core::Time;

void BridgeQuerierGate::StartDelay(Time now, Duration delay) {
  // The kernel arms the delay only while no other querier is known (the timer of that
  // querier is not pending), so a second query does not push snooping further away.
  if (!OtherQuerierPresent(now)) delay_until_ = now + delay;
}

void BridgeQuerierGate::OnOwnQuerierStart(Time now, Duration query_response_interval) {
  own_querier_ = true;
  StartDelay(now, query_response_interval);
}

void BridgeQuerierGate::OnGeneralQuery(Time now, Duration max_resp) {
  // br_ip4_multicast_query: a Max Resp Time of 0 (IGMPv1) counts as 10 s.
  StartDelay(now, max_resp == Duration::Zero() ? sim::core::Seconds(10) : max_resp);
  other_until_ = now + querier_interval_;
}

void BridgeQuerierGate::Reset() {
  own_querier_ = false;
  delay_until_ = Time();
  other_until_ = Time();
}

bool BridgeQuerierGate::QuerierExists(Time now) const {
  return now >= delay_until_ && (own_querier_ || OtherQuerierPresent(now));
}

}  // namespace igmp
