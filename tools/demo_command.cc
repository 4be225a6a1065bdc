#include "tools/demo_command.h"

#include <cstdio>
#include <filesystem>
#include <string>

#include "sim/trace/pcap_writer.h"
#include "sim/wire/frame_decoder.h"
#include "sim/wire/message_catalog.h"
#include "tools/exit_codes.h"

namespace tools {
namespace {

namespace fs = std::filesystem;

constexpr const char* kUsage =
    "usage: mcastlab demo [--out DIR]\n"
    "  Writes DIR/all-messages.pcap (default DIR: out/demo): one frame of every message type\n"
    "  mcastlab encodes, 1 ms apart, and lists them.\n";

}  // namespace

int DemoCommand(std::span<const std::string_view> args) {
  fs::path out_dir = "out/demo";
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--out" && i + 1 < args.size()) {
      out_dir = std::string(args[++i]);
    } else if (args[i] == "--help" || args[i] == "-h") {
      std::fputs(kUsage, stdout);
      return kExitOk;
    } else {
      std::fprintf(stderr, "mcastlab demo: unexpected argument '%.*s'\n%s",
                   static_cast<int>(args[i].size()), args[i].data(), kUsage);
      return kExitBadInput;
    }
  }
  const fs::path final_path = out_dir / "all-messages.pcap";
  const fs::path temp_path = out_dir / ".all-messages.pcap.partial";
  try {
    std::error_code ec;
    fs::create_directories(out_dir, ec);
    if (ec) throw sim::trace::OutputError("cannot create " + out_dir.string() + ": " + ec.message());
    sim::trace::PcapWriter pcap(temp_path.string());
    auto at = sim::core::Time::Start();
    for (const auto& entry : sim::wire::MessageCatalog()) {
      at = at + sim::core::Milliseconds(1);
      pcap.Write(at, entry.frame);
      auto decoded = sim::wire::DecodeFrame(entry.frame);
      std::printf("%s  %-28s %s\n", sim::core::ToString(at).c_str(), entry.name.c_str(),
                  decoded ? ToString(*decoded).c_str() : ToString(decoded.error()).c_str());
    }
    pcap.Close();
    fs::rename(temp_path, final_path, ec);
    if (ec) throw sim::trace::OutputError("cannot move into place " + final_path.string() + ": " + ec.message());
    std::printf("wrote %llu frames to %s\n", static_cast<unsigned long long>(pcap.frames_written()),
                final_path.string().c_str());
    return kExitOk;
  } catch (const sim::trace::OutputError& e) {
    std::error_code ignored;
    fs::remove(temp_path, ignored);
    std::fprintf(stderr, "mcastlab demo: %s\n", e.what());
    return kExitInternal;
  }
}

}  // namespace tools
