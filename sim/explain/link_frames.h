// The frames of a run, read back from its per-link pcaps (`<link>.pcap`) and merged in time
// order, each with the node that put it on the wire and the nodes it reached: what the ladder
// diagram draws and where the distribution tree of a group is read from.
#ifndef MCASTLAB_SIM_EXPLAIN_LINK_FRAMES_H_
#define MCASTLAB_SIM_EXPLAIN_LINK_FRAMES_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <variant>
#include <vector>

#include "sim/explain/run_record.h"
#include "sim/wire/bytes.h"

namespace sim::explain {

struct LinkFrame {
  std::int64_t t = 0;     // when its first bit went onto the wire, in nanoseconds
  std::string link;
  std::string sender;     // the node that transmitted it ("" when no endpoint can have)
  std::vector<std::string> receivers;  // the link's other endpoints' nodes, in link order
  wire::Bytes bytes;
};

struct RunFrames {
  std::vector<LinkFrame> frames;         // by time; at one instant, in the links' order
  std::vector<std::string> uncaptured;   // links the run wrote no pcap for
};

// Every frame of every captured link. The transmitter is the endpoint whose interface owns the
// frame's source MAC; a frame a switch relays keeps its first sender's MAC, so it is the
// endpoint fewest links away from that MAC's owner. The error names the damaged pcap.
std::variant<RunFrames, std::string> ReadRunFrames(const std::filesystem::path& dir, const RunRecord& r);

}  // namespace sim::explain

#endif  // MCASTLAB_SIM_EXPLAIN_LINK_FRAMES_H_
