// `mcastlab demo`: writes one frame of every message type to a pcap, for a first look in Wireshark.
#ifndef MCASTLAB_TOOLS_DEMO_COMMAND_H_
#define MCASTLAB_TOOLS_DEMO_COMMAND_H_

#include <span>
#include <string_view>

namespace tools {

int DemoCommand(std::span<const std::string_view> args);

}  // namespace tools

#endif  // MCASTLAB_TOOLS_DEMO_COMMAND_H_
