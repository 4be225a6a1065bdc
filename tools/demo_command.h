// `mcastlab demo`: writes one frame of every message type to a pcap, for a first look in Wireshark.
#ifndef MCASTLAB_TOOLS_DEMO_COMMAND_H_
#define MCASTLAB_TOOLS_DEMO_COMMAND_H_

#include <optional>
#include <string>

namespace tools {

// `out`: the folder (default out/demo).
int DemoCommand(const std::optional<std::string>& out);

}  // namespace tools

#endif  // MCASTLAB_TOOLS_DEMO_COMMAND_H_
