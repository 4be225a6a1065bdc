// Reads back a pcap a run wrote, frame by frame, with nanosecond times (libpcap converts a
// microsecond file). What `mcastlab report` replays; the simulator itself never reads pcaps.
#ifndef MCASTLAB_SIM_TRACE_PCAP_READER_H_
#define MCASTLAB_SIM_TRACE_PCAP_READER_H_

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace sim::trace {

struct PcapFrame {
  std::int64_t t = 0;  // nanoseconds since the epoch: the simulated time
  std::vector<std::uint8_t> bytes;
};

// Calls `on_frame` for each frame in file order until it returns false. The error (the file
// cannot be opened, or is not a pcap of Ethernet frames) when it could not read.
std::optional<std::string> ReadPcap(const std::string& path,
                                    const std::function<bool(const PcapFrame&)>& on_frame);

}  // namespace sim::trace

#endif  // MCASTLAB_SIM_TRACE_PCAP_READER_H_
