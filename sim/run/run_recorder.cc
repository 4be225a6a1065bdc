#include "sim/run/run_recorder.h"

#include <algorithm>

#include "sim/net/link.h"
#include "sim/run/event_record.h"

namespace sim::run {
namespace {

// events.jsonl records go to the writer thread in chunks of about this size.
constexpr std::size_t kEventsBufferBytes = 1 << 20;
// Room past a chunk, so that the record that fills it rarely needs a buffer of its own.
constexpr std::size_t kEventsBufferSlack = 64u << 10;
// All pcap buffers together stay under this; each gets between the two bounds below.
constexpr std::size_t kPcapBuffersTotal = 256u << 20;
constexpr std::size_t kPcapBufferMin = 16u << 10;
constexpr std::size_t kPcapBufferMax = 1u << 20;

}  // namespace

RunRecorder::RunRecorder() = default;

RunRecorder::~RunRecorder() = default;

void RunRecorder::OnEvent(const net::TraceEvent& e) {
  ++event_count_;
  if (events_ == nullptr) return;
  // A record now, a line on the writer thread (sim/run/event_record.h). Written into the room
  // already there, so that a line costs no resize of the buffer; one that does not fit in what
  // is left of the chunk is written again at the start of the next.
  const char* end = WriteEventRecord(e, pending_.data() + pending_used_, pending_.size() - pending_used_);
  if (end == nullptr) {
    if (pending_used_ > 0) HandOverPending();
    // Only a record larger than a whole chunk gets here twice: the buffer grows until it fits.
    while ((end = WriteEventRecord(e, pending_.data(), pending_.size())) == nullptr) {
      pending_.resize(std::max<std::size_t>(2 * pending_.size(), 4096));
    }
  }
  pending_used_ = static_cast<std::size_t>(end - pending_.data());
  if (pending_used_ >= kEventsBufferBytes) HandOverPending();
}

void RunRecorder::HandOverPending() {
  events_->Write(pending_, pending_used_);  // gives back an earlier chunk, written over from 0
  // Only the first chunks come back empty: the buffers go round at full size after that.
  constexpr std::size_t kFull = kEventsBufferBytes + kEventsBufferSlack;
  if (pending_.size() < kFull) pending_.resize(kFull);
  pending_used_ = 0;
}

void RunRecorder::OnFrame(core::Time at, const net::Link& link, wire::ByteSpan frame) {
  if (auto it = pcaps_.find(link.index()); it != pcaps_.end()) it->second->Write(at, frame);
  if (merged_ != nullptr) {
    if (auto it = merged_interface_.find(link.index()); it != merged_interface_.end()) merged_->Write(it->second, at, frame);
  }
  if (auto it = watchers_.find(link.index()); it != watchers_.end()) {
    for (auto& w : it->second) w(at, frame);
  }
}

void RunRecorder::WriteEventsTo(const std::string& path) {
  events_ = std::make_unique<trace::BackgroundWriter>(path, AppendEventLines);
  pending_.resize(kEventsBufferBytes + kEventsBufferSlack);
  pending_used_ = 0;
}

void RunRecorder::Capture(const std::vector<std::uint32_t>& link_indexes, const std::vector<std::string>& paths) {
  if (link_indexes.empty()) return;
  pool_ = std::make_unique<trace::FilePool>(trace::FilePool::DefaultMaxOpen());
  const std::size_t buffer =
      std::clamp(kPcapBuffersTotal / link_indexes.size(), kPcapBufferMin, kPcapBufferMax);
  for (std::size_t i = 0; i < link_indexes.size(); ++i) {
    pcaps_[link_indexes[i]] = std::make_unique<trace::PcapWriter>(paths[i], *pool_, buffer);
  }
}

void RunRecorder::CaptureMerged(const std::string& path, const std::vector<std::uint32_t>& link_indexes,
                                const std::vector<std::string>& names, const std::vector<std::string>& descriptions) {
  merged_ = std::make_unique<trace::PcapngWriter>(path);
  for (std::size_t i = 0; i < link_indexes.size(); ++i) {
    merged_interface_[link_indexes[i]] = merged_->AddInterface(names[i], descriptions[i]);
  }
}

void RunRecorder::Close() {
  for (auto& [index, w] : pcaps_) w->Close();
  if (merged_ != nullptr) merged_->Close();
  if (events_ == nullptr) return;
  if (pending_used_ > 0) HandOverPending();
  events_->Close();
  events_ = nullptr;
}

}  // namespace sim::run
