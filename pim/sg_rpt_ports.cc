#include "pim/sg_rpt_ports.h"

namespace pim {

std::string ToRptString(const JoinKey& key) { return TraceRptEntry(key).text(); }

}  // namespace pim
