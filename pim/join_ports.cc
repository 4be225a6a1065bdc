#include "pim/join_ports.h"

namespace pim {

std::string ToString(const JoinKey& key) { return TraceEntry(key).text(); }

}  // namespace pim
