// `mcastlab explain`: why a host does or does not receive a group, in plain sentences, from the
// outputs of a run (run_record.h). It says what the host received, who sent to the group and
// with which TTL, the path from each source, and where along it the stream stopped and why,
// from the drop events and totals (docs/outputs.md) and the state the events recorded.
#ifndef MCASTLAB_SIM_EXPLAIN_EXPLAIN_H_
#define MCASTLAB_SIM_EXPLAIN_EXPLAIN_H_

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "sim/explain/run_record.h"

namespace sim::explain {

struct ExplainQuery {
  std::string host;
  std::string group;              // an IPv4 address as text: a group, or a unicast destination
  std::optional<std::int64_t> at;  // nanoseconds; default: the end of the run
};

// The sentences, one per line in the command's output; or why the query cannot be answered
// (an unknown host, a node that is not a host).
std::variant<std::vector<std::string>, std::string> Explain(const RunRecord& r, const ExplainQuery& q);

}  // namespace sim::explain

#endif  // MCASTLAB_SIM_EXPLAIN_EXPLAIN_H_
