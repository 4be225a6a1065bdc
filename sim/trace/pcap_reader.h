// Reads back a classic pcap file of Ethernet frames, such as the per-link captures a run writes
// (pcap_writer.h). Its own small parser rather than libpcap's, so that any bytes at all give
// either frames or a message naming the offset where the file went wrong: a cut-short or
// damaged capture must never crash `mcastlab ladder` or `graph`.
#ifndef MCASTLAB_SIM_TRACE_PCAP_READER_H_
#define MCASTLAB_SIM_TRACE_PCAP_READER_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "sim/wire/bytes.h"

namespace sim::trace {

struct PcapRecord {
  std::int64_t t = 0;  // nanoseconds since the epoch: a run's simulated time
  wire::Bytes frame;   // the captured bytes (a run never truncates a frame)
};

struct PcapContents {
  std::vector<PcapRecord> records;  // every record before the first problem
  std::string error;                // "" when the whole file read; else what and at which offset
};

// Microsecond and nanosecond pcaps in either byte order; link type 1 (Ethernet) only.
PcapContents ParsePcap(wire::ByteSpan bytes);
// The file's contents; `error` names the file when it cannot be read.
PcapContents ReadPcapFile(const std::filesystem::path& path);

}  // namespace sim::trace

#endif  // MCASTLAB_SIM_TRACE_PCAP_READER_H_
