#include "sim/net/icmp_rate_limit.h"

#include <algorithm>

namespace sim::net {

bool IcmpRateLimit::Allow(wire::Ipv4Address destination, core::Time now) {
  constexpr core::Duration kFull = kInterval * kBurst;
  // A new destination starts full: Linux dates a new peer's last error 60 s back.
  auto [it, added] = destinations_.try_emplace(destination, Bucket{kFull, now});
  Bucket& b = it->second;
  b.tokens = std::min(b.tokens + (now - b.last), kFull);
  b.last = now;
  if (b.tokens < kInterval || !AllowGlobal(now)) {
    ++refused_;
    return false;
  }
  b.tokens -= kInterval;
  return true;
}

bool IcmpRateLimit::AllowGlobal(core::Time now) {
  const core::Duration since = std::min(now - global_stamp_, core::Seconds(1));
  if (since >= kGlobalRefillStep) {
    const std::int64_t add = kGlobalPerSecond * since.nanos() / core::Seconds(1).nanos();
    global_credit_ = std::min(global_credit_ + add, kGlobalBurst);
    global_stamp_ = now;
  }
  if (global_credit_ == 0) return false;
  --global_credit_;
  return true;
}

}  // namespace sim::net
