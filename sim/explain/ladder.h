// The message sequence (ladder) of a run: one row per frame on a link, from the node that sent
// it to the nodes on the link that received it, with the frame's one-line decoding (the line
// `mcastlab demo` prints), and between them the state changes events.jsonl recorded.
#ifndef MCASTLAB_SIM_EXPLAIN_LADDER_H_
#define MCASTLAB_SIM_EXPLAIN_LADDER_H_

#include <cstdint>
#include <limits>
#include <set>
#include <string>
#include <variant>
#include <vector>

#include "sim/explain/link_frames.h"
#include "sim/explain/run_record.h"

namespace sim::explain {

// The protocols a ladder may be narrowed to.
inline const std::vector<std::string> kLadderProtocols = {"igmp", "pim", "udp", "arp", "icmp"};

struct LadderQuery {
  std::vector<std::string> nodes;  // the columns, in this order; empty: every node
  std::int64_t from = 0;           // nanoseconds, both ends included
  std::int64_t until = std::numeric_limits<std::int64_t>::max();
  std::set<std::string> protocols;  // empty: every protocol
};

struct LadderRow {
  std::int64_t t = 0;
  bool message = true;                 // a frame; else a state change of `node`
  std::string node;                    // the sender, or the node whose state changed
  std::vector<std::string> receivers;  // among the columns
  std::string link;
  std::string protocol;  // one of kLadderProtocols, or "other"
  std::string text;      // the decoded frame, or "igmp.querier eth0: Querier -> NonQuerier (...)"
};

struct Ladder {
  std::vector<std::string> columns;
  std::vector<LadderRow> rows;  // by time; at one instant, the frames and events in run order
};

// A message is in when its sender or one of its receivers is a column; a state change when its
// node is. The error names an unknown node.
std::variant<Ladder, std::string> BuildLadder(const RunRecord& r, const RunFrames& frames, const LadderQuery& q);

}  // namespace sim::explain

#endif  // MCASTLAB_SIM_EXPLAIN_LADDER_H_
