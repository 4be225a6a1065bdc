// A network interface (or a switch port): a MAC, an optional IPv4 prefix, and a transmitter.
//
// The transmitter is a FIFO egress queue with a drop-tail limit: one frame is on the wire at a
// time, for its serialization time at the link's bandwidth; the rest wait. Frames offered while
// the interface is down, or to a full queue, are dropped and counted.
#ifndef MCASTLAB_SIM_NET_INTERFACE_H_
#define MCASTLAB_SIM_NET_INTERFACE_H_

#include <cstdint>
#include <deque>
#include <optional>
#include <string>

#include "sim/net/drop_log.h"
#include "sim/net/frame.h"
#include "sim/wire/ipv4_address.h"
#include "sim/wire/mac_address.h"

namespace sim::net {

class Link;
class Node;

struct InterfaceCounters {
  std::uint64_t frames_sent = 0;
  std::uint64_t bytes_sent = 0;
  std::uint64_t frames_received = 0;
  // Drops (queue full, link down) are counted once, by reason, in the node's DropLog.
};

class Interface {
 public:
  static constexpr std::size_t kDefaultQueueLimit = 1000;  // frames, as Linux's txqueuelen

  Interface(Node& node, std::uint32_t index, std::string name, wire::MacAddress mac);
  Interface(const Interface&) = delete;
  Interface& operator=(const Interface&) = delete;

  Node& node() const { return node_; }
  std::uint32_t index() const { return index_; }
  const std::string& name() const { return name_; }
  const wire::MacAddress& mac() const { return mac_; }
  const std::optional<wire::Ipv4Prefix>& prefix() const { return prefix_; }
  // Tells the node too, which keeps an index of its addresses.
  void set_prefix(wire::Ipv4Prefix p);
  // The interface's own address; 0.0.0.0 when it has none (a switch port).
  wire::Ipv4Address address() const { return prefix_ ? prefix_->address() : wire::Ipv4Address(); }
  Link* link() const { return link_; }
  void AttachTo(Link& link) { link_ = &link; }
  void set_queue_limit(std::size_t frames) { queue_limit_ = frames; }
  // Routing cost of sending out of this interface (the scenario's interface or link cost).
  std::uint32_t cost() const { return cost_; }
  void set_cost(std::uint32_t c) { cost_ = c; }

  // Up when attached to a link that is up and the node is powered.
  bool up() const;
  // Offers a frame for transmission.
  void Send(FramePtr frame);
  // Drops everything queued (power off, link down).
  void FlushQueue();
  void CountReceived() { ++counters_.frames_received; }
  // A frame this interface sent was lost on its link (the link went down while it flew).
  void LostInFlight(const Frame& frame) { CountDrop(DropReason::kLinkDown, frame); }
  const InterfaceCounters& counters() const { return counters_; }
  // "R1:eth0"
  std::string FullName() const;

 private:
  void StartTransmission();
  // Counts a dropped frame on the node, under its IPv4 source and destination when it has them.
  void CountDrop(DropReason reason, const Frame& frame);
  void OnTransmissionDone();

  // What receiving a frame touches first, in one cache line: node, index, MAC, counters.
  Node& node_;
  std::uint32_t index_;
  wire::MacAddress mac_;
  InterfaceCounters counters_;
  std::string name_;
  std::optional<wire::Ipv4Prefix> prefix_;
  Link* link_ = nullptr;
  std::deque<FramePtr> queue_;
  std::size_t queue_limit_ = kDefaultQueueLimit;
  std::uint32_t cost_ = 1;
  bool transmitting_ = false;
  std::uint64_t epoch_ = 0;  // bumped by FlushQueue so a pending "done" of a flushed frame is ignored
};

}  // namespace sim::net

#endif  // MCASTLAB_SIM_NET_INTERFACE_H_
