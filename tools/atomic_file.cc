#include "tools/atomic_file.h"

#include <unistd.h>

#include <fstream>

namespace tools {
namespace {

namespace fs = std::filesystem;

}  // namespace

std::optional<std::string> WriteFileAtomically(const fs::path& path, const std::string& text) {
  std::error_code ec;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), ec);
  const fs::path temp = path.parent_path() /
                        ("." + path.filename().string() + ".partial-" + std::to_string(getpid()));
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    out << text;
    out.flush();
    if (!out) {
      fs::remove(temp, ec);
      return "cannot write " + temp.string();
    }
  }
  fs::rename(temp, path, ec);
  if (ec) {
    std::error_code ignored;
    fs::remove(temp, ignored);
    return "cannot rename " + temp.string() + " to " + path.string() + ": " + ec.message();
  }
  return std::nullopt;
}

}  // namespace tools
