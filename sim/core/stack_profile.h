// Which real stack a node imitates where stacks differ from the RFCs (docs/fidelity.md,
// "Stack profiles"). kRfc is the default and follows the RFC text; the others reproduce the
// documented deviations of the Linux kernel (hosts, bridge) and of FRR's pimd (routers).
#ifndef MCASTLAB_SIM_CORE_STACK_PROFILE_H_
#define MCASTLAB_SIM_CORE_STACK_PROFILE_H_

#include <string_view>

#include "sim/core/time.h"

namespace sim::core {

enum class StackProfile { kRfc, kLinux, kFrr };

// "rfc", "linux" or "frr", as scenario files spell it.
inline std::string_view ToString(StackProfile p) {
  switch (p) {
    case StackProfile::kLinux:
      return "linux";
    case StackProfile::kFrr:
      return "frr";
    case StackProfile::kRfc:
      break;
  }
  return "rfc";
}

// One tick of the Linux kernel clock: Debian's kernels are built with HZ=250, and the IGMP
// timers of net/ipv4/igmp.c count in these ticks.
inline constexpr Duration kLinuxJiffy = Milliseconds(4);

}  // namespace sim::core

#endif  // MCASTLAB_SIM_CORE_STACK_PROFILE_H_
