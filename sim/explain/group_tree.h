// The distribution tree of a group at an instant, read from the bytes the run captured: for
// each source, the last datagram of the group it sent at or before that instant, and every link
// that datagram crossed (natively, or inside a PIM Register), from which node to which. Links
// that carried the group earlier but not that datagram are the branches since pruned.
#ifndef MCASTLAB_SIM_EXPLAIN_GROUP_TREE_H_
#define MCASTLAB_SIM_EXPLAIN_GROUP_TREE_H_

#include <cstdint>
#include <set>
#include <string>
#include <vector>

#include "sim/explain/link_frames.h"

namespace sim::explain {

struct TreeHop {
  std::string link;
  std::string from;  // the node that put the datagram on the link
  bool registered = false;  // inside a PIM Register (unicast to the RP)
  friend bool operator==(const TreeHop&, const TreeHop&) = default;
};

struct SourceTree {
  std::string source;        // its IPv4 address
  std::int64_t sent = 0;     // when the datagram left the source
  std::vector<TreeHop> hops;  // in the order they happened
};

struct GroupTree {
  std::vector<SourceTree> sources;          // by address
  std::set<std::string> earlier_links;      // carried the group before, not the datagrams above
  std::set<std::string> forwarders;         // nodes that put one of those datagrams on a link
  std::set<std::string> uncaptured;         // links with no pcap: the tree there is unknown
};

// Frames up to 1 s after a datagram left its source count as its hops (a datagram still on
// its way at `at` is drawn whole: the state at `at` already decided its path).
GroupTree TreeAt(const RunFrames& frames, const std::string& group, std::int64_t at);

}  // namespace sim::explain

#endif  // MCASTLAB_SIM_EXPLAIN_GROUP_TREE_H_
