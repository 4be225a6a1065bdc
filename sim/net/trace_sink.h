// Where nodes report what happened: protocol events and state changes (events.jsonl), and frames
// seen on links (pcap, packet counters). The network calls it; sim/trace implements it.
#ifndef MCASTLAB_SIM_NET_TRACE_SINK_H_
#define MCASTLAB_SIM_NET_TRACE_SINK_H_

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/core/time.h"
#include "sim/core/trace_value.h"
#include "sim/wire/bytes.h"

namespace sim::net {

class Link;

// One line of the event log: who, what, and named values (text or numbers).
struct TraceEvent {
  core::Time at;
  std::string_view node;
  std::string_view kind;  // "socket.recv", "arp.resolved", "link.down" ...
  core::TraceFields fields;
};

class TraceSink {
 public:
  virtual ~TraceSink() = default;
  virtual void OnEvent(const TraceEvent& event) = 0;
  // A frame starts on `link` (the instant its first bit is on the wire).
  virtual void OnFrame(core::Time at, const Link& link, wire::ByteSpan frame) = 0;
};

// Drops everything; the default when nobody listens.
class NullTraceSink final : public TraceSink {
 public:
  void OnEvent(const TraceEvent&) override {}
  void OnFrame(core::Time, const Link&, wire::ByteSpan) override {}
};

}  // namespace sim::net

#endif  // MCASTLAB_SIM_NET_TRACE_SINK_H_
