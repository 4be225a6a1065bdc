// Join/Prune messages out: every Join and Prune a router sends to one upstream neighbor at one
// instant goes in one message (RFC 7761 §4.5: "messages ... should be aggregated"), built when
// the instant's events are done (a zero-delay event) so that entries whose timers fire together
// share a message, as periodic Joins do.
#ifndef MCASTLAB_PIM_JOIN_PRUNE_BATCH_H_
#define MCASTLAB_PIM_JOIN_PRUNE_BATCH_H_

#include <cstdint>
#include <functional>
#include <map>
#include <utility>

#include "pim/join_ports.h"
#include "sim/core/scheduler.h"
#include "sim/wire/pim_join_prune.h"

namespace pim {

class JoinPruneBatch {
 public:
  // Sends one finished message out an interface.
  using Sender = std::function<void(std::uint32_t interface, const sim::wire::PimJoinPrune& message)>;

  JoinPruneBatch(sim::core::Scheduler& scheduler, sim::core::NodeId node, Sender sender);
  JoinPruneBatch(const JoinPruneBatch&) = delete;
  JoinPruneBatch& operator=(const JoinPruneBatch&) = delete;
  ~JoinPruneBatch();

  // Adds a Join (or a Prune) of `key` to the message for `upstream` on `interface`. A (*,G)
  // entry is sent as RP(G) with the WC and RPT bits (§4.9.5.1), an (S,G) as S alone; the
  // holdtime is rounded up to whole seconds as the Hello holdtime is (hello_options.h).
  void Add(std::uint32_t interface, sim::wire::Ipv4Address upstream, sim::core::Duration holdtime,
           const JoinKey& key, sim::wire::Ipv4Address rp, bool join);
  // Adds a Join(S,G,rpt) (or a Prune(S,G,rpt)) of the (S,G) `key`: S with the RPT bit and without
  // WC (§4.9.5.1), in G's entry of the same message as the (*,G) Join it goes with.
  void AddRpt(std::uint32_t interface, sim::wire::Ipv4Address upstream, sim::core::Duration holdtime,
              const JoinKey& key, bool join);
  // Drops everything not sent yet (power off).
  void Clear();

 private:
  void Flush();
  void AddSource(std::uint32_t interface, sim::wire::Ipv4Address upstream, sim::core::Duration holdtime,
                 sim::wire::Ipv4Address group, const sim::wire::EncodedSource& source, bool join);

  sim::core::Scheduler& scheduler_;
  sim::core::NodeId node_;
  Sender sender_;
  // Ordered by (interface, neighbor): messages leave in a stable order.
  std::map<std::pair<std::uint32_t, sim::wire::Ipv4Address>, sim::wire::PimJoinPrune> pending_;
  sim::core::EventId flush_;
};

}  // namespace pim

#endif  // MCASTLAB_PIM_JOIN_PRUNE_BATCH_H_
