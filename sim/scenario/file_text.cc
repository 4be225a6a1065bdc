#include "sim/scenario/file_text.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace sim::scenario {
namespace {

std::string Quoted(const std::string& path) { return "scenario file \"" + path + "\""; }

FileText Failed(const std::string& path, const std::string& why) {
  return FileText{"", "cannot read " + Quoted(path) + ": " + why};
}

// Closes the descriptor on every return path.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  int get() const { return fd_; }

 private:
  int fd_;
};

// Reads until end of file or until `text` holds `max_bytes` + 1 bytes, whichever comes first.
// `expected`: the size fstat gave, or 0 for a pipe or device.
bool ReadUpTo(int fd, std::uint64_t max_bytes, std::uint64_t expected, std::string& text,
              int& err) {
  const std::size_t cap = static_cast<std::size_t>(max_bytes) + 1;
  std::size_t used = 0;
  while (used < cap) {
    if (text.size() == used) {
      // The expected size and one byte to see the end, then doubling; never past the cap.
      const std::size_t want =
          used == 0 ? std::max<std::size_t>(expected + 1, std::size_t{1} << 16) : used * 2;
      text.resize(want < cap ? want : cap);
    }
    const ssize_t n = ::read(fd, text.data() + used, text.size() - used);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      err = errno;
      return false;
    }
    if (n == 0) break;
    used += static_cast<std::size_t>(n);
  }
  text.resize(used);
  return true;
}

std::string MiB(std::uint64_t bytes) {
  if (bytes % (std::uint64_t{1} << 20) != 0) return "";
  return " (" + std::to_string(bytes >> 20) + " MiB)";
}

}  // namespace

std::string TooLargeMessage(const std::string& what, std::uint64_t size, bool size_known,
                            std::uint64_t max_bytes) {
  const std::string size_text = size_known ? "is " + std::to_string(size) + " bytes"
                                           : "is more than " + std::to_string(max_bytes) + " bytes";
  return what + " " + size_text + ", over the limit of " + std::to_string(max_bytes) + " bytes" +
         MiB(max_bytes) + "; --max-input-size BYTES raises the limit";
}

FileText ReadFileText(const std::string& path, std::uint64_t max_bytes) {
  const Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (fd.get() < 0) return Failed(path, std::strerror(errno));
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) return Failed(path, std::strerror(errno));
  if (S_ISDIR(st.st_mode)) return Failed(path, "it is a directory");
  const bool regular = S_ISREG(st.st_mode);
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (regular && size > max_bytes) {
    return FileText{"", TooLargeMessage(Quoted(path), size, true, max_bytes)};
  }
  FileText out;
  int err = 0;
  if (!ReadUpTo(fd.get(), max_bytes, regular ? size : 0, out.text, err)) {
    return Failed(path, std::strerror(err));
  }
  if (out.text.size() > max_bytes) {
    // A file that grew while read, or a pipe or device: its true size is unknown.
    return FileText{"", TooLargeMessage(Quoted(path), 0, false, max_bytes)};
  }
  return out;
}

}  // namespace sim::scenario
