#include "sim/trace/pcap_writer.h"

#include <pcap/pcap.h>

#include <cerrno>
#include <cstring>

namespace sim::trace {
namespace {

constexpr int kSnapLen = 262144;  // more than any frame we build (64 KiB IP + Ethernet)
constexpr std::size_t kBufferBytes = 1 << 20;
constexpr std::size_t kPcapFileHeaderBytes = 24;
constexpr std::size_t kPcapRecordHeaderBytes = 16;

}  // namespace

PcapWriter::PcapWriter(std::string path) : path_(std::move(path)) {
  file_ = std::fopen(path_.c_str(), "wb");
  if (file_ == nullptr) Fail("cannot create", errno);
  Open(kBufferBytes);
}

PcapWriter::PcapWriter(std::string path, FilePool& pool, std::size_t buffer_bytes)
    : path_(std::move(path)), pool_(&pool) {
  pool_id_ = pool.Create(path_);  // throws OutputError with the reason
  cookie_io_functions_t io{};
  io.write = &PcapWriter::PoolWrite;
  io.close = &PcapWriter::PoolClose;
  file_ = fopencookie(this, "w", io);
  if (file_ == nullptr) Fail("cannot set up a stream for", errno);
  Open(buffer_bytes);
}

ssize_t PcapWriter::PoolWrite(void* cookie, const char* data, std::size_t size) {
  auto* self = static_cast<PcapWriter*>(cookie);
  try {
    self->pool_->Append(self->pool_id_, data, size);
    return static_cast<ssize_t>(size);
  } catch (const OutputError& e) {
    self->pool_error_ = e.what();
    return -1;  // stdio marks the stream as failed
  }
}

int PcapWriter::PoolClose(void* cookie) {
  auto* self = static_cast<PcapWriter*>(cookie);
  try {
    self->pool_->Close(self->pool_id_);
    return 0;
  } catch (const OutputError& e) {
    self->pool_error_ = e.what();
    return -1;
  }
}

void PcapWriter::Open(std::size_t buffer_bytes) {
  // Our own buffer size, set before the first write as stdio requires.
  std::setvbuf(file_, nullptr, _IOFBF, buffer_bytes);
  pcap_ = pcap_open_dead_with_tstamp_precision(DLT_EN10MB, kSnapLen, PCAP_TSTAMP_PRECISION_NANO);
  if (pcap_ == nullptr) Fail("cannot set up libpcap for", ENOMEM);
  dumper_ = pcap_dump_fopen(pcap_, file_);
  if (dumper_ == nullptr) Fail("cannot write the pcap header to", errno);
  bytes_ = kPcapFileHeaderBytes;
}

PcapWriter::~PcapWriter() {
  try {
    Close();
  } catch (const OutputError&) {
    // Callers that care call Close() themselves; a destructor must not throw.
  }
}

void PcapWriter::Write(core::Time at, wire::ByteSpan frame) {
  if (dumper_ == nullptr) throw OutputError(path_ + ": write after close");
  // A classic pcap record holds 32-bit seconds; the loader caps a scenario's duration to fit,
  // so this only guards other callers (one compare, no division, per frame).
  constexpr std::int64_t kLastPcapNanos = (std::int64_t{1} << 32) * 1'000'000'000 - 1;
  if (at.nanos() > kLastPcapNanos) throw OutputError(path_ + ": time beyond what pcap can hold");
  pcap_pkthdr h{};
  h.ts.tv_sec = static_cast<time_t>(at.nanos() / 1'000'000'000);
  // With nanosecond precision libpcap stores this field as nanoseconds.
  h.ts.tv_usec = static_cast<suseconds_t>(at.nanos() % 1'000'000'000);
  h.caplen = static_cast<bpf_u_int32>(frame.size());
  h.len = h.caplen;
  pcap_dump(reinterpret_cast<u_char*>(dumper_), &h, frame.data());  // libpcap's own API shape
  if (std::ferror(file_)) Fail("cannot write", errno);
  ++frames_;
  bytes_ += kPcapRecordHeaderBytes + frame.size();
}

void PcapWriter::Close() {
  if (dumper_ == nullptr) {
    if (pcap_ != nullptr) pcap_close(pcap_);
    pcap_ = nullptr;
    if (file_ != nullptr) std::fclose(file_);
    file_ = nullptr;
    return;
  }
  bool flushed = pcap_dump_flush(dumper_) == 0 && !std::ferror(file_);
  const int flush_errno = errno;
  pcap_dump_close(dumper_);  // also closes file_ (for a pooled writer: its descriptor)
  flushed = flushed && pool_error_.empty();
  dumper_ = nullptr;
  file_ = nullptr;
  pcap_close(pcap_);
  pcap_ = nullptr;
  if (!flushed) Fail("cannot finish writing", flush_errno);
}

void PcapWriter::Fail(const char* doing, int err) {
  std::string message =
      pool_error_.empty() ? std::string(doing) + " " + path_ + ": " + std::strerror(err) : pool_error_;
  if (dumper_ != nullptr) {
    pcap_dump_close(dumper_);
    dumper_ = nullptr;
    file_ = nullptr;
  }
  if (file_ != nullptr) std::fclose(file_);
  file_ = nullptr;
  if (pcap_ != nullptr) pcap_close(pcap_);
  pcap_ = nullptr;
  throw OutputError(message);
}

}  // namespace sim::trace
