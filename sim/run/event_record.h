// events.jsonl in two steps: the run copies each event into a compact record (its time, node,
// kind and fields as length-prefixed bytes), and the writer thread turns records into the JSON
// lines. A large control-plane run writes millions of lines; formatting them was a fifth of
// its instructions, and now runs on the second core (docs/PERFORMANCE.md).
//
// Records hold copies, never pointers into the run, so the thread reads nothing the run may
// change or free. They live only in memory, between the two threads of one process.
#ifndef MCASTLAB_SIM_RUN_EVENT_RECORD_H_
#define MCASTLAB_SIM_RUN_EVENT_RECORD_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "sim/net/trace_sink.h"

namespace sim::run {

// Writes `e`'s record at `out` if it takes at most `room` bytes, and returns its end. Returns
// null when it does not fit; the `room` bytes at `out` then hold an unfinished record.
char* WriteEventRecord(const net::TraceEvent& e, char* out, std::size_t room);
// Appends `e` to `records` as one record.
void AppendEventRecord(const net::TraceEvent& e, std::string& records);

// Appends the events.jsonl line of each record in `records` (whole records, as appended) to
// `lines`: {"t": "<time>", "node": ..., "kind": ..., <fields>}.
void AppendEventLines(std::string_view records, std::string& lines);

}  // namespace sim::run

#endif  // MCASTLAB_SIM_RUN_EVENT_RECORD_H_
