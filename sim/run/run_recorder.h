// The trace sink of a run: events.jsonl lines, one pcap per captured link (and on request one
// pcapng of them all), and the frame counts that `packets` expectations ask for.
//
// events.jsonl is written as the run goes: events are copied into compact records, and chunks
// of about 1 MiB of them go to a thread of its own that formats and writes the lines
// (sim/run/event_record.h, sim/trace/background_writer.h), so a long run's memory does not grow
// with its event count. Pcaps are written through one FilePool, so any number of captured links fits under the
// process's descriptor limit.
#ifndef MCASTLAB_SIM_RUN_RUN_RECORDER_H_
#define MCASTLAB_SIM_RUN_RUN_RECORDER_H_

#include <cstdint>
#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "sim/net/trace_sink.h"
#include "sim/trace/background_writer.h"
#include "sim/trace/file_pool.h"
#include "sim/trace/pcap_writer.h"
#include "sim/trace/pcapng_writer.h"

namespace sim::run {

class RunRecorder : public net::TraceSink {
 public:
  // Called for every frame on a watched link (a link some `packets` check names).
  using FrameWatcher = std::function<void(core::Time, wire::ByteSpan)>;

  RunRecorder();
  RunRecorder(const RunRecorder&) = delete;
  RunRecorder& operator=(const RunRecorder&) = delete;
  ~RunRecorder() override;

  void OnEvent(const net::TraceEvent& e) override;
  void OnFrame(core::Time at, const net::Link& link, wire::ByteSpan frame) override;

  // Event lines go to `path` from now on (without it they are counted, not kept).
  // Throws trace::OutputError.
  void WriteEventsTo(const std::string& path);
  // Frames of the given links go to one pcap each; `paths[i]` is the file of `link_indexes[i]`.
  // Throws trace::OutputError.
  void Capture(const std::vector<std::uint32_t>& link_indexes, const std::vector<std::string>& paths);
  // Frames of the given links also go to one pcapng at `path`, an interface per link named
  // `names[i]` and described by `descriptions[i]`. Throws trace::OutputError.
  void CaptureMerged(const std::string& path, const std::vector<std::uint32_t>& link_indexes,
                     const std::vector<std::string>& names, const std::vector<std::string>& descriptions);
  void Watch(std::uint32_t link_index, FrameWatcher w) { watchers_[link_index].push_back(std::move(w)); }
  // Flushes and closes events.jsonl and every pcap; throws trace::OutputError on failure.
  void Close();

  std::uint64_t event_count() const { return event_count_; }

 private:
  std::unique_ptr<trace::BackgroundWriter> events_;
  std::uint64_t event_count_ = 0;
  // Hands the records written so far to the writer thread.
  void HandOverPending();

  // Records of events.jsonl lines not yet handed over: the first pending_used_ bytes. The rest
  // is room for the next records.
  std::string pending_;
  std::size_t pending_used_ = 0;
  std::unique_ptr<trace::FilePool> pool_;
  std::map<std::uint32_t, std::unique_ptr<trace::PcapWriter>> pcaps_;
  std::unique_ptr<trace::PcapngWriter> merged_;
  std::map<std::uint32_t, std::uint32_t> merged_interface_;  // link index -> pcapng interface
  std::map<std::uint32_t, std::vector<FrameWatcher>> watchers_;
};

}  // namespace sim::run

#endif  // MCASTLAB_SIM_RUN_RUN_RECORDER_H_
