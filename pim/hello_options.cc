#include "pim/hello_options.h"

#include <algorithm>

namespace pim {

using sim::core::Duration;

namespace {

constexpr std::int64_t kNanosPerSecond = 1'000'000'000;
constexpr std::int64_t kNanosPerMs = 1'000'000;

std::uint16_t SaturatedMs(Duration d, std::uint16_t max) {
  return static_cast<std::uint16_t>(std::clamp<std::int64_t>(d.nanos() / kNanosPerMs, 0, max));
}

}  // namespace

std::uint16_t HoldtimeOption(Duration holdtime) {
  // RFC 7761 §4.9.2: "If the Holdtime is set to '0xffff', the receiver of this message never
  // times out the neighbor." Holdtime 0 is the goodbye of §4.3.1, never a period.
  const std::int64_t ns = std::max<std::int64_t>(holdtime.nanos(), 1);
  const std::int64_t seconds = ns / kNanosPerSecond + (ns % kNanosPerSecond != 0 ? 1 : 0);
  return static_cast<std::uint16_t>(
      std::min<std::int64_t>(seconds, sim::wire::kPimHelloHoldtimeForever));
}

sim::wire::PimLanPruneDelay LanPruneDelayOption(Duration propagation_delay,
                                                Duration override_interval) {
  return {.tracking_support = false,
          .propagation_delay_ms = SaturatedMs(propagation_delay, 0x7fff),
          .override_interval_ms = SaturatedMs(override_interval, 0xffff)};
}

}  // namespace pim
