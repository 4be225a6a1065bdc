// A small network built by hand, with a trace sink that records every frame as text.
#ifndef MCASTLAB_TESTS_NET_NET_FIXTURE_H_
#define MCASTLAB_TESTS_NET_NET_FIXTURE_H_

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "sim/net/network.h"
#include "sim/wire/frame_decoder.h"

namespace sim::net {

class RecordingSink : public TraceSink {
 public:
  void OnEvent(const TraceEvent& e) override {
    std::string line = core::ToString(e.at) + " " + std::string(e.node) + " " + std::string(e.kind);
    for (const auto& [k, v] : e.fields) line += " " + std::string(k) + "=" + v.text();
    events.push_back(line);
  }
  void OnFrame(core::Time at, const Link& link, wire::ByteSpan frame) override {
    auto d = wire::DecodeFrame(frame);
    raw.push_back(RawFrame{at, std::string(link.name()), wire::Bytes(frame.begin(), frame.end())});
    frames.push_back(core::ToString(at) + " " + link.name() + " " +
                     (d ? ToString(*d) : "bad: " + ToString(d.error())));
  }
  // The frames carried by `link` whose text holds `word`, as "time text" lines.
  std::vector<std::string> FramesOn(std::string_view link, std::string_view word) const {
    std::vector<std::string> out;
    const std::string on = " " + std::string(link) + " ";
    for (const std::string& f : frames) {
      if (f.find(on) != std::string::npos && f.find(word) != std::string::npos) out.push_back(f);
    }
    return out;
  }
  // The instant of a line of `frames`: its first word.
  static std::string TimeOf(const std::string& frame_line) { return frame_line.substr(0, frame_line.find(' ')); }

  struct RawFrame {
    core::Time at;
    std::string link;
    wire::Bytes bytes;
  };
  std::vector<std::string> events;
  std::vector<std::string> frames;
  std::vector<RawFrame> raw;  // the same frames as bytes
};

class NetTest : public testing::Test {
 protected:
  Host& AddHost(const std::string& name, const char* prefix, const char* gateway = nullptr) {
    Host& h = net_.AddNode<Host>(name);
    h.AddInterface("eth0").set_prefix(*wire::Ipv4Prefix::Parse(prefix));
    if (gateway != nullptr) h.set_gateway(*wire::Ipv4Address::Parse(gateway));
    return h;
  }
  Link& Connect(const std::string& name, std::vector<Interface*> ends,
                core::Duration delay = core::Microseconds(1), std::uint64_t bps = 1'000'000'000) {
    Link& l = net_.AddLink(name, delay, bps);
    for (Interface* e : ends) l.AddEndpoint(*e);
    return l;
  }
  static wire::Ipv4Address Ip(const char* s) { return *wire::Ipv4Address::Parse(s); }
  void RunFor(core::Duration d) { scheduler_.RunUntil(scheduler_.Now() + d); }

  core::Scheduler scheduler_;
  RecordingSink sink_;
  Network net_{scheduler_, sink_, 1};
};

}  // namespace sim::net

#endif  // MCASTLAB_TESTS_NET_NET_FIXTURE_H_
