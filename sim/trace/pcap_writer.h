// One pcap file of Ethernet frames with nanosecond timestamps, written through libpcap.
//
// Writes go through a large stdio buffer. Every failure (the file cannot be created, a write
// or the final flush fails, e.g. on a full disk) throws OutputError naming the file and the
// system's reason, so a short file is never mistaken for a complete one. Call Close() to learn
// whether the tail made it to disk; the destructor closes too, but can only swallow errors.
//
// A writer made with a FilePool holds no file descriptor of its own: libpcap writes into a
// stdio stream whose buffer is emptied through the pool, so any number of pcaps can be written
// at once under the process's descriptor limit.
#ifndef MCASTLAB_SIM_TRACE_PCAP_WRITER_H_
#define MCASTLAB_SIM_TRACE_PCAP_WRITER_H_

#include <cstdint>
#include <cstdio>
#include <string>

#include "sim/core/time.h"
#include "sim/trace/file_pool.h"
#include "sim/trace/output_error.h"
#include "sim/wire/bytes.h"

struct pcap;
struct pcap_dumper;

namespace sim::trace {

class PcapWriter {
 public:
  explicit PcapWriter(std::string path);
  // Writes through `pool` (which must outlive the writer) with a buffer of `buffer_bytes`.
  PcapWriter(std::string path, FilePool& pool, std::size_t buffer_bytes);
  PcapWriter(const PcapWriter&) = delete;
  PcapWriter& operator=(const PcapWriter&) = delete;
  ~PcapWriter();

  void Write(core::Time at, wire::ByteSpan frame);
  void Close();

  const std::string& path() const { return path_; }
  std::uint64_t frames_written() const { return frames_; }
  std::uint64_t bytes_written() const { return bytes_; }

 private:
  void Open(std::size_t buffer_bytes);
  [[noreturn]] void Fail(const char* doing, int err);
  static ssize_t PoolWrite(void* cookie, const char* data, std::size_t size);
  static int PoolClose(void* cookie);

  std::string path_;
  std::FILE* file_ = nullptr;
  FilePool* pool_ = nullptr;
  FilePool::FileId pool_id_ = 0;
  std::string pool_error_;  // why the last pooled write failed (stdio only keeps errno)
  pcap* pcap_ = nullptr;
  pcap_dumper* dumper_ = nullptr;
  std::uint64_t frames_ = 0;
  std::uint64_t bytes_ = 0;
};

}  // namespace sim::trace

#endif  // MCASTLAB_SIM_TRACE_PCAP_WRITER_H_
