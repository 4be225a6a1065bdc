// The values this router writes into its Hello options (RFC 7761 §4.9.2), from durations of
// the configuration: pure functions, tested over their whole ranges.
#ifndef MCASTLAB_PIM_HELLO_OPTIONS_H_
#define MCASTLAB_PIM_HELLO_OPTIONS_H_

#include <cstdint>

#include "sim/core/time.h"
#include "sim/wire/pim_hello.h"

namespace pim {

// The Holdtime option, in whole seconds: rounded up, so that a neighbor never drops this
// router sooner than configured and a sub-second holdtime never becomes the goodbye value 0;
// 0xffff ("never times out") from 65535 s up. Zero or negative: 1.
std::uint16_t HoldtimeOption(sim::core::Duration holdtime);

// The LAN Prune Delay option with the T bit clear (this router cannot disable Join
// suppression): whole milliseconds, truncated, saturated at the field widths (15 bits for
// Propagation_Delay, 16 for Override_Interval).
sim::wire::PimLanPruneDelay LanPruneDelayOption(sim::core::Duration propagation_delay,
                                                sim::core::Duration override_interval);

}  // namespace pim

#endif  // MCASTLAB_PIM_HELLO_OPTIONS_H_
