#include "sim/run/run_recorder.h"

#include "sim/net/link.h"
#include "sim/run/json_text.h"

namespace sim::run {

void RunRecorder::OnEvent(const net::TraceEvent& e) {
  JsonObject o;
  o.Str("t", core::ToString(e.at));
  if (!e.node.empty()) o.Str("node", e.node);
  o.Str("kind", e.kind);  // fields may use "event" for the trigger of a transition
  for (const auto& [k, v] : e.fields) o.Str(k, v);
  events_ += o.Close();
  events_ += '\n';
  ++event_count_;
}

void RunRecorder::OnFrame(core::Time at, const net::Link& link, wire::ByteSpan frame) {
  if (auto it = pcaps_.find(link.index()); it != pcaps_.end()) it->second->Write(at, frame);
  if (auto it = watchers_.find(link.index()); it != watchers_.end()) {
    for (auto& w : it->second) w(at, frame);
  }
}

void RunRecorder::Capture(std::uint32_t link_index, const std::string& path) {
  pcaps_[link_index] = std::make_unique<trace::PcapWriter>(path);
}

void RunRecorder::ClosePcaps() {
  for (auto& [index, w] : pcaps_) w->Close();
}

}  // namespace sim::run
