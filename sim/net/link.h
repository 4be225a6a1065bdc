// A cable (two endpoints) or a shared segment (more): a frame sent by one endpoint reaches
// every other after its serialization time plus the propagation delay, if the link is still
// up and the receiving node is still powered when it arrives.
#ifndef MCASTLAB_SIM_NET_LINK_H_
#define MCASTLAB_SIM_NET_LINK_H_

#include <cstdint>
#include <string>
#include <vector>

#include "sim/core/time.h"
#include "sim/net/frame.h"
#include "sim/net/net_context.h"

namespace sim::net {

class Interface;

struct LinkCounters {
  std::uint64_t frames = 0;
  std::uint64_t bytes = 0;
  std::uint64_t lost_in_flight = 0;  // arrived after the link went down
};

class Link {
 public:
  // Preamble and start delimiter (8), FCS (4) and inter-frame gap (12) occupy the wire too.
  static constexpr std::size_t kPerFrameOverheadBytes = 24;

  Link(NetContext& ctx, std::uint32_t index, std::string name, core::Duration delay,
       std::uint64_t bandwidth_bps);
  Link(const Link&) = delete;
  Link& operator=(const Link&) = delete;

  std::uint32_t index() const { return index_; }
  const std::string& name() const { return name_; }
  core::Duration delay() const { return delay_; }
  std::uint64_t bandwidth_bps() const { return bandwidth_bps_; }
  const std::vector<Interface*>& endpoints() const { return endpoints_; }
  bool up() const { return up_; }
  const LinkCounters& counters() const { return counters_; }

  void AddEndpoint(Interface& endpoint);
  void SetUp(bool up);
  // How long `frame_bytes` occupy the transmitter, rounded up to whole nanoseconds.
  core::Duration TransmissionTime(std::size_t frame_bytes) const;
  // The sender's transmitter puts a frame on the wire now.
  void Carry(Interface& from, const FramePtr& frame, core::Duration transmission_time);

 private:
  void Deliver(const Interface* from, const FramePtr& frame);

  NetContext& ctx_;
  std::uint32_t index_;
  std::string name_;
  core::Duration delay_;
  std::uint64_t bandwidth_bps_;
  std::vector<Interface*> endpoints_;
  bool up_ = true;
  std::uint64_t epoch_ = 0;  // bumped when the link goes down: frames in flight are lost
  LinkCounters counters_;
};

}  // namespace sim::net

#endif  // MCASTLAB_SIM_NET_LINK_H_
