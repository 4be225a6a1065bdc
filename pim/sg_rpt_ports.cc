#include "pim/sg_rpt_ports.h"

namespace pim {

std::string ToRptString(const JoinKey& key) {
  // "(S,G)" with ",rpt" before the closing parenthesis.
  std::string text = ToString(key);
  text.insert(text.size() - 1, ",rpt");
  return text;
}

}  // namespace pim
