#include "pim/config.h"

namespace pim {

std::string_view ToString(SptSwitchover s) {
  return s == SptSwitchover::kImmediate ? "immediate" : "never";
}

}  // namespace pim
