// Wording shared by the explain files: times, counts, and the sentence that says why a reason
// dropped a stream.
#ifndef MCASTLAB_SIM_EXPLAIN_EXPLAIN_TEXT_H_
#define MCASTLAB_SIM_EXPLAIN_EXPLAIN_TEXT_H_

#include <cstdint>
#include <string>
#include <vector>

#include "sim/explain/run_record.h"

namespace sim::explain {

// 1000000000 -> "1 s", 5001007160 -> "5.00100716 s".
std::string Seconds(std::int64_t ns);
// "1 datagram", "40 datagrams".
std::string Datagrams(std::uint64_t n);

// What the explanation knows when it says why a drop happened.
struct DropContext {
  const RunRecord& record;
  std::string host;
  std::string group;
  std::int64_t at;
  std::vector<std::string> path;
  int routers_on_path;
  const RecordedEvent& total;        // the drop.total line
  const RecordedEvent* first;        // its *.drop line, when found
};

// The sentences after "X drops every datagram: reason (n datagrams)." that say why.
std::vector<std::string> WhyDropped(const DropContext& c);

}  // namespace sim::explain

#endif  // MCASTLAB_SIM_EXPLAIN_EXPLAIN_TEXT_H_
