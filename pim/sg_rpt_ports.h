// How the (S,G,rpt) state machines (SgRptDownstream, SgRptUpstream) reach their router.
//
// An (S,G,rpt) entry is about source S's traffic on the shared tree of G: a router prunes S off
// the RP tree with Prune(S,G,rpt) once it gets S over the shortest-path tree (or needs nothing of
// S), and undoes that with Join(S,G,rpt). Both machines are keyed by the (S,G) JoinKey.
#ifndef MCASTLAB_PIM_SG_RPT_PORTS_H_
#define MCASTLAB_PIM_SG_RPT_PORTS_H_

#include <string>
#include <string_view>

#include "pim/join_ports.h"
#include "pim/trace_fields.h"
#include "sim/wire/ipv4_address.h"

namespace pim {

// "(10.0.0.1,239.1.1.1,rpt)" for the (S,G) key `key`.
std::string ToRptString(const JoinKey& key);
// The same as a trace value, kept as numbers until the line is written.
inline sim::core::TraceValue TraceRptEntry(const JoinKey& key) { return TraceEntry(key, true); }

// How one interface's (S,G,rpt) downstream machine reaches the router.
class SgRptDownstreamPort {
 public:
  virtual ~SgRptDownstreamPort() = default;
  // The interface entered or left prunes(S,G,rpt) (RFC 7761 §4.1.6: Prune or PruneTmp), so
  // inherited_olist(S,G,rpt) changes. Moves between Prune and PruneTmp change nothing.
  virtual void PrunedChanged(const JoinKey& key, bool pruned) = 0;
  // One events.jsonl line (kind "pim.downstream_rpt").
  virtual void Trace(std::string_view kind, TraceFields fields) = 0;
};

// How the (S,G,rpt) upstream machine reaches the router. The glue carries both messages in the
// group's entry of the Join/Prune message that goes to RPF'(S,G,rpt), next to the (*,G) Join.
class SgRptUpstreamPort {
 public:
  virtual ~SgRptUpstreamPort() = default;
  // Join(S,G,rpt) for `key`, addressed to `neighbor`.
  virtual void SendJoin(const JoinKey& key, sim::wire::Ipv4Address neighbor) = 0;
  // Prune(S,G,rpt) for `key`, addressed to `neighbor`.
  virtual void SendPrune(const JoinKey& key, sim::wire::Ipv4Address neighbor) = 0;
  // One events.jsonl line (kind "pim.upstream_rpt").
  virtual void Trace(std::string_view kind, TraceFields fields) = 0;
};

}  // namespace pim

#endif  // MCASTLAB_PIM_SG_RPT_PORTS_H_
