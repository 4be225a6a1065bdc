// How well a group's distribution tree holds up while the network changes: every delivery of
// every stream to every socket, for runs whose timeline powers a node or cuts a link (the runs
// that can break a tree; the others pay nothing per datagram).
//
// A stream is what one socket of one host receives from one source for one group. Its
// interruption is a gap between two consecutive deliveries longer than one and a half times
// the source's sending interval (the `rate` of its `send` action): at least one datagram of
// the stream did not arrive. The delivery that ends an interruption writes `receive.resumed`;
// when it leaves no receiver of the (S,G) in an interruption (a receiver is in one when its
// last delivery is more than 1.5 intervals ago, while its socket is open and its host on), the
// tree is complete again: `tree.complete`. At the end, summary.json lists each stream with its
// longest gap, whatever the rate (docs/outputs.md).
#ifndef MCASTLAB_SIM_RUN_CONVERGENCE_WATCH_H_
#define MCASTLAB_SIM_RUN_CONVERGENCE_WATCH_H_

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "sim/core/time.h"
#include "sim/net/host.h"
#include "sim/net/network.h"
#include "sim/scenario/scenario.h"

namespace sim::run {

// One stream at the end of the run, for summary.json.
struct StreamGaps {
  std::string host;
  std::string socket;
  wire::Ipv4Address group;
  wire::Ipv4Address source;
  std::uint64_t datagrams = 0;
  core::Time first;
  core::Time last;
  // The longest time between two consecutive deliveries, and those two instants; zero (and
  // both at `first`) for a stream of one datagram.
  core::Duration longest_gap;
  core::Time gap_from;
  core::Time gap_to;
  // The last datagram its source sent to the group (its send totals): a `last` well before it
  // is a stream that stopped and never came back. Empty when the source is no host of the run.
  std::optional<core::Time> source_last;
};

class ConvergenceWatch {
 public:
  // Watches only when the scenario has a `link` or `node` action.
  ConvergenceWatch(const scenario::Scenario& s, net::Network& network);
  ConvergenceWatch(const ConvergenceWatch&) = delete;
  ConvergenceWatch& operator=(const ConvergenceWatch&) = delete;

  bool armed() const { return armed_; }
  // Every stream, hosts in the scenario's order, then socket, group and source.
  std::vector<StreamGaps> Streams() const;

 private:
  struct Stream {
    net::Host* host = nullptr;
    StreamGaps gaps;
    core::Duration interval;  // the source's sending interval; zero when it has no rate
    bool interrupted = false;  // resumed since the last tree.complete of its (S,G)
    core::Time interrupted_from;  // the start of the first such gap
  };
  // (host id, socket, group, source).
  using Key = std::tuple<std::uint32_t, std::string, std::uint32_t, std::uint32_t>;

  void OnReception(net::Host& host, const net::Reception& r);
  // A stream of `sg` is in an interruption now: its socket still takes the group, its host is
  // on, and its last delivery is more than 1.5 intervals ago.
  bool InGap(const Stream& s, core::Time now) const;
  void CheckTreeComplete(const Stream& resumed, core::Time now);

  net::Network& network_;
  bool armed_ = false;
  // (source address, group) -> the shortest sending interval of the sends from that address.
  std::map<std::pair<std::uint32_t, std::uint32_t>, core::Duration> intervals_;
  std::map<Key, Stream> streams_;
};

}  // namespace sim::run

#endif  // MCASTLAB_SIM_RUN_CONVERGENCE_WATCH_H_
