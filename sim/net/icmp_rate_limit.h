// How often a node may send ICMP errors, as Linux limits them.
//
// Two token buckets, both asked for every error (Linux asks for the types in icmp_ratemask:
// destination unreachable, source quench, time exceeded, parameter problem; echo replies are
// never limited):
// - per destination (the address the error goes to): icmp_ratelimit 1000 ms per error with a
//   burst of 6 (XRLIM_BURST_FACTOR). A destination not heard of before starts with a full bucket.
// - for the whole node: icmp_msgs_per_sec 1000 with icmp_msgs_burst 50, refilled at most every
//   20 ms. Linux takes 0, 1 or 2 credits at random per error; mcastlab takes 1, the average.
// The destination's bucket is asked first (Linux 6.12 order), so an error it refuses costs no
// global credit.
#ifndef MCASTLAB_SIM_NET_ICMP_RATE_LIMIT_H_
#define MCASTLAB_SIM_NET_ICMP_RATE_LIMIT_H_

#include <map>

#include "sim/core/time.h"
#include "sim/wire/ipv4_address.h"

namespace sim::net {

class IcmpRateLimit {
 public:
  static constexpr core::Duration kInterval = core::Milliseconds(1000);  // icmp_ratelimit
  static constexpr std::int64_t kBurst = 6;                               // XRLIM_BURST_FACTOR
  static constexpr std::int64_t kGlobalPerSecond = 1000;                  // icmp_msgs_per_sec
  static constexpr std::int64_t kGlobalBurst = 50;                        // icmp_msgs_burst
  static constexpr core::Duration kGlobalRefillStep = core::Milliseconds(20);  // HZ / 50

  // Whether an error to `destination` may leave now; takes its tokens when it may.
  bool Allow(wire::Ipv4Address destination, core::Time now);
  std::uint64_t refused() const { return refused_; }

 private:
  struct Bucket {
    core::Duration tokens;  // time credit, at most kBurst * kInterval
    core::Time last;
  };
  bool AllowGlobal(core::Time now);

  std::map<wire::Ipv4Address, Bucket> destinations_;
  std::int64_t global_credit_ = kGlobalBurst;
  core::Time global_stamp_;
  std::uint64_t refused_ = 0;
};

}  // namespace sim::net

#endif  // MCASTLAB_SIM_NET_ICMP_RATE_LIMIT_H_
