// Paths through a recorded topology: which nodes a stream crosses from its source to a host.
#ifndef MCASTLAB_SIM_EXPLAIN_PATH_H_
#define MCASTLAB_SIM_EXPLAIN_PATH_H_

#include <string>
#include <vector>

#include "sim/explain/run_record.h"

namespace sim::explain {

// The nodes from `from` to `to`, both included, over the fewest links (ties go to the node
// earlier in the scenario); empty when they are not connected. Multicast follows the reverse
// of the unicast routes toward the source, which take the same hops unless costs say otherwise.
std::vector<std::string> FindPath(const RunRecord& r, const std::string& from, const std::string& to);

// The interface of `node` on a link that `next` is also on; "" when none.
std::string InterfaceToward(const RunRecord& r, const std::string& node, const std::string& next);

}  // namespace sim::explain

#endif  // MCASTLAB_SIM_EXPLAIN_PATH_H_
