#include "sim/trace/file_pool.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "sim/trace/output_error.h"

namespace sim::trace {
namespace {

[[noreturn]] void Fail(const char* doing, const std::string& path, int err) {
  throw OutputError(std::string(doing) + " " + path + ": " + std::strerror(err));
}

}  // namespace

FilePool::FilePool(std::size_t max_open) : max_open_(std::max<std::size_t>(max_open, 1)) {}

FilePool::~FilePool() {
  for (FileId id : open_) ::close(files_[id].fd);
}

std::size_t FilePool::DefaultMaxOpen() {
  rlimit limit{};
  if (getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return 256;
  // Half the limit, less what the process may need besides (stdio, the events file, a shell's).
  const auto half = static_cast<std::size_t>(limit.rlim_cur / 2);
  return std::clamp<std::size_t>(half > 32 ? half - 32 : 1, 1, 512);
}

FilePool::FileId FilePool::Create(const std::string& path) {
  MakeRoom();
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0644);
  if (fd < 0) Fail("cannot create", path, errno);
  files_.push_back(File{path, fd, ++clock_});
  open_.push_back(files_.size() - 1);
  return files_.size() - 1;
}

void FilePool::Append(FileId id, const void* data, std::size_t size) {
  const int fd = Descriptor(id);
  const auto* p = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t n = ::write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) Fail("cannot write", files_[id].path, n < 0 ? errno : ENOSPC);
    p += n;
    size -= static_cast<std::size_t>(n);
  }
}

void FilePool::Close(FileId id) {
  File& f = files_[id];
  if (f.fd < 0) return;
  const int fd = f.fd;
  f.fd = -1;
  open_.erase(std::find(open_.begin(), open_.end(), id));
  if (::close(fd) != 0 && errno != EINTR) Fail("cannot finish writing", f.path, errno);
}

int FilePool::Descriptor(FileId id) {
  File& f = files_[id];
  f.last_use = ++clock_;
  if (f.fd >= 0) return f.fd;
  MakeRoom();
  f.fd = ::open(f.path.c_str(), O_WRONLY | O_APPEND | O_CLOEXEC);
  if (f.fd < 0) Fail("cannot reopen", f.path, errno);
  open_.push_back(id);
  ++reopens_;
  return f.fd;
}

void FilePool::MakeRoom() {
  while (open_.size() >= max_open_) {
    const auto oldest = std::min_element(open_.begin(), open_.end(), [this](FileId a, FileId b) {
      return files_[a].last_use < files_[b].last_use;
    });
    Close(*oldest);
  }
}

}  // namespace sim::trace
