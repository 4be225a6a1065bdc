// One pcapng file holding the frames of many links, each link an interface of its own, named
// after it, so Wireshark's interface column (frame.interface_name) tells where a frame was seen.
//
// Written by hand rather than through mergecap or libwiretap: mergecap gives pcap inputs
// nameless interfaces, and libwiretap's writer API changes between Wireshark releases. The
// format needs three block types (section header, interface description, enhanced packet),
// always written little-endian so the bytes are the same on every machine.
//
// Frames must be written in time order (a run produces them that way). Every failure throws
// OutputError naming the file, as PcapWriter does.
#ifndef MCASTLAB_SIM_TRACE_PCAPNG_WRITER_H_
#define MCASTLAB_SIM_TRACE_PCAPNG_WRITER_H_

#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "sim/core/time.h"
#include "sim/trace/output_error.h"
#include "sim/wire/bytes.h"

namespace sim::trace {

class PcapngWriter {
 public:
  explicit PcapngWriter(std::string path);
  PcapngWriter(const PcapngWriter&) = delete;
  PcapngWriter& operator=(const PcapngWriter&) = delete;
  ~PcapngWriter();

  // Declares an Ethernet interface; returns its id for Write. Call before the first Write.
  std::uint32_t AddInterface(const std::string& name, const std::string& description);
  void Write(std::uint32_t interface_id, core::Time at, wire::ByteSpan frame);
  void Close();

  const std::string& path() const { return path_; }
  std::uint64_t frames_written() const { return frames_; }

 private:
  void Emit(const std::vector<std::uint8_t>& block);
  [[noreturn]] void Fail(const char* doing, int err);

  std::string path_;
  std::FILE* file_ = nullptr;
  std::uint32_t interfaces_ = 0;
  std::uint64_t frames_ = 0;
  std::vector<std::uint8_t> block_;  // reused for every packet block
};

}  // namespace sim::trace

#endif  // MCASTLAB_SIM_TRACE_PCAPNG_WRITER_H_
