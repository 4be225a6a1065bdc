// What the Join/Prune state machines share: the entry they belong to ((*,G) or (S,G)) and the
// ports through which they reach their router.
//
// The machines never build messages: the glue aggregates every Join and Prune sent to one
// neighbor at one instant into one Join/Prune message (RFC 7761 §4.5), and recomputes the
// olists when a downstream interface gains or loses Join state.
#ifndef MCASTLAB_PIM_JOIN_PORTS_H_
#define MCASTLAB_PIM_JOIN_PORTS_H_

#include <compare>
#include <optional>
#include <string>
#include <string_view>

#include "pim/trace_fields.h"
#include "sim/wire/ipv4_address.h"

namespace pim {

// The tree a Join/Prune state machine is about: the shared tree of G, (*,G), when `source` is
// empty, else the shortest-path tree of S, (S,G). The RFC's (*,G) and (S,G) machines are the same
// machine (§4.5.1 and §4.5.2 downstream, §4.5.4 and §4.5.5 upstream); only the key differs.
// Ordered by group, then (*,G) before the group's (S,G) entries, as `show ip pim join` lists them.
struct JoinKey {
  sim::wire::Ipv4Address group;
  std::optional<sim::wire::Ipv4Address> source;

  static JoinKey StarG(sim::wire::Ipv4Address g) { return {g, std::nullopt}; }
  static JoinKey SG(sim::wire::Ipv4Address s, sim::wire::Ipv4Address g) { return {g, s}; }
  friend auto operator<=>(const JoinKey&, const JoinKey&) = default;
};

// "(*,239.1.1.1)" or "(10.0.0.1,239.1.1.1)".
std::string ToString(const JoinKey& key);
// The same as a trace value, kept as numbers until the line is written; with `rpt`, the
// (S,G,rpt) entry of an (S,G) key.
inline sim::core::TraceValue TraceEntry(const JoinKey& key, bool rpt = false) {
  return sim::core::TraceValue::Entry(key.source ? std::optional(key.source->value()) : std::nullopt, key.group.value(),
                                      rpt);
}

// How one interface's downstream machines (DownstreamJoin) reach the router.
class DownstreamJoinPort {
 public:
  virtual ~DownstreamJoinPort() = default;
  // The interface entered Join state from NoInfo (joined) or went back to NoInfo (not joined):
  // the olists that use joins(*,G) or joins(S,G) change. Join <-> Prune-Pending changes nothing
  // ("For forwarding purposes, the Prune-Pending state functions exactly like the Join state").
  virtual void StateChanged(const JoinKey& key, bool joined) = 0;
  // A PruneEcho: a Prune for `key` sent by this router onto the interface with its own address
  // as the Upstream Neighbor Address.
  virtual void SendPruneEcho(const JoinKey& key) = 0;
  // One events.jsonl line (kind "pim.downstream").
  virtual void Trace(std::string_view kind, TraceFields fields) = 0;
};

// How the upstream machines (UpstreamJoin) reach the router.
class UpstreamJoinPort {
 public:
  virtual ~UpstreamJoinPort() = default;
  // Join(*,G) or Join(S,G) for `key`, addressed to `neighbor` (the Upstream Neighbor Address).
  virtual void SendJoin(const JoinKey& key, sim::wire::Ipv4Address neighbor) = 0;
  // Prune(*,G) or Prune(S,G) for `key`, addressed to `neighbor`.
  virtual void SendPrune(const JoinKey& key, sim::wire::Ipv4Address neighbor) = 0;
  // One events.jsonl line (kind "pim.upstream").
  virtual void Trace(std::string_view kind, TraceFields fields) = 0;
  // Whether a message to `neighbor` can go out at all: false for a neighbor on a link that is
  // down, which then gets nothing (and the trace's `send` does not name it).
  virtual bool Reachable(sim::wire::Ipv4Address /*neighbor*/) const { return true; }
};

}  // namespace pim

#endif  // MCASTLAB_PIM_JOIN_PORTS_H_
