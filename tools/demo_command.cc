#include "tools/demo_command.h"

#include <cstdio>
#include <filesystem>
#include <string>

#include "sim/trace/pcap_writer.h"
#include "sim/wire/frame_decoder.h"
#include "sim/wire/message_catalog.h"
#include "tools/exit_codes.h"

namespace tools {

namespace fs = std::filesystem;

int DemoCommand(const std::optional<std::string>& out) {
  const fs::path out_dir = out.value_or("out/demo");
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
