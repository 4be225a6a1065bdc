// The trace sink of a run: events.jsonl lines, one pcap per captured link, and the frame
// counts that `packets` expectations ask for.
#ifndef MCASTLAB_SIM_RUN_RUN_RECORDER_H_
#define MCASTLAB_SIM_RUN_RUN_RECORDER_H_

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "sim/net/trace_sink.h"
#include "sim/trace/pcap_writer.h"

namespace sim::run {

class RunRecorder : public net::TraceSink {
 public:
  // Called for every frame on a watched link (a link some `packets` check names).
  using FrameWatcher = std::function<void(core::Time, wire::ByteSpan)>;

  void OnEvent(const net::TraceEvent& e) override;
  void OnFrame(core::Time at, const net::Link& link, wire::ByteSpan frame) override;

  // Frames of `link_index` go to a pcap at `path` from now on.
  void Capture(std::uint32_t link_index, const std::string& path);
  void Watch(std::uint32_t link_index, FrameWatcher w) { watchers_[link_index].push_back(std::move(w)); }
  // Flushes and closes every pcap; throws trace::OutputError on failure.
  void ClosePcaps();

  const std::string& events_jsonl() const { return events_; }
  std::uint64_t event_count() const { return event_count_; }

 private:
  std::string events_;
  std::uint64_t event_count_ = 0;
  std::map<std::uint32_t, std::unique_ptr<trace::PcapWriter>> pcaps_;
  std::map<std::uint32_t, std::vector<FrameWatcher>> watchers_;
};

}  // namespace sim::run

#endif  // MCASTLAB_SIM_RUN_RUN_RECORDER_H_
