// When the Linux bridge starts to snoop. The bridge forwards multicast by its membership table
// only while it knows of a querier (net/bridge/br_private.h, __br_multicast_querier_exists):
// its own querier is on, or another querier's general query was heard within the querier
// interval; and in both cases not before a delay has passed, the Max Resp Time of the first
// query heard (br_multicast_update_query_timer) or the query response interval after its own
// querier was turned on (br_multicast_set_querier), so that members have had time to report.
// Until then every multicast frame, reports included, is flooded.
#ifndef MCASTLAB_IGMP_BRIDGE_QUERIER_GATE_H_
#define MCASTLAB_IGMP_BRIDGE_QUERIER_GATE_H_

#include "sim/core/time.h"

namespace igmp {

class BridgeQuerierGate {
 public:
  // querier_interval: how long a heard querier counts as present (multicast_querier_interval,
  // 255 s by default).
  explicit BridgeQuerierGate(sim::core::Duration querier_interval) : querier_interval_(querier_interval) {}

  // The bridge's own querier starts at `now` with this query response interval.
  void OnOwnQuerierStart(sim::core::Time now, sim::core::Duration query_response_interval);
  // A general query from another querier, with its Max Resp Time (0: an IGMPv1 query).
  void OnGeneralQuery(sim::core::Time now, sim::core::Duration max_resp);
  // Power off: the bridge forgets both timers, and its own querier until it starts again.
  void Reset();

  bool QuerierExists(sim::core::Time now) const;
  // Whether another querier's query was heard within the querier interval.
  bool OtherQuerierPresent(sim::core::Time now) const { return now < other_until_; }

 private:
  void StartDelay(sim::core::Time now, sim::core::Duration delay);

  sim::core::Duration querier_interval_;
  bool own_querier_ = false;
  sim::core::Time delay_until_;
  sim::core::Time other_until_;
};

}  // namespace igmp

#endif  // MCASTLAB_IGMP_BRIDGE_QUERIER_GATE_H_
