#include "sim/trace/background_writer.h"

#include <cerrno>
#include <cstring>
#include <new>
#include <utility>

#include "sim/trace/output_error.h"

namespace sim::trace {

BackgroundWriter::BackgroundWriter(std::string path, Transform transform)
    : path_(std::move(path)), transform_(std::move(transform)) {
  file_ = std::fopen(path_.c_str(), "wb");
  if (file_ == nullptr) Fail("cannot create", errno);
  // Chunks are large already: stdio need not copy them into a buffer of its own.
  std::setvbuf(file_, nullptr, _IONBF, 0);
  thread_ = std::thread([this] { Run(); });
}

BackgroundWriter::~BackgroundWriter() {
  {
    std::lock_guard lock(mu_);
    stop_ = true;
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  if (file_ != nullptr) std::fclose(file_);
}

void BackgroundWriter::Write(std::string& chunk) {
  Write(chunk, chunk.size());
  chunk.clear();
}

void BackgroundWriter::Write(std::string& chunk, std::size_t size) {
  std::unique_lock lock(mu_);
  cv_.wait(lock, [this] { return !has_queued_ || error_ != 0; });
  if (error_ != 0) Fail("cannot write", error_);
  std::swap(queued_, chunk);
  queued_size_ = size;
  has_queued_ = true;
  lock.unlock();
  cv_.notify_all();
}

void BackgroundWriter::Close() {
  if (file_ == nullptr) return;
  {
    std::unique_lock lock(mu_);
    cv_.wait(lock, [this] { return (!has_queued_ && !writing_) || error_ != 0; });
    stop_ = true;
  }
  cv_.notify_all();
  thread_.join();
  const int write_error = error_;
  const bool closed = std::fclose(file_) == 0;
  const int close_error = errno;
  file_ = nullptr;
  if (write_error != 0) Fail("cannot write", write_error);
  if (!closed) Fail("cannot finish writing", close_error);
}

void BackgroundWriter::Run() {
  std::string chunk;
  std::string transformed;  // kept across chunks: it grows to a chunk's size once
  std::unique_lock lock(mu_);
  while (true) {
    cv_.wait(lock, [this] { return has_queued_ || stop_; });
    if (!has_queued_) return;  // stopping, nothing left
    std::swap(chunk, queued_);  // queued_ gets back the memory of the chunk written before
    const std::size_t size = queued_size_;
    has_queued_ = false;
    writing_ = true;
    lock.unlock();
    cv_.notify_all();
    errno = 0;
    const bool ok = WriteOut(std::string_view(chunk.data(), size), transformed);
    const int err = errno != 0 ? errno : EIO;
    lock.lock();
    writing_ = false;
    if (!ok && error_ == 0) error_ = err;
    cv_.notify_all();
    if (error_ != 0) return;  // later chunks would only fail too
  }
}

bool BackgroundWriter::WriteOut(std::string_view chunk, std::string& transformed) {
  if (transform_) {
    transformed.clear();
    try {
      transform_(chunk, transformed);
    } catch (const std::bad_alloc&) {
      errno = ENOMEM;
      return false;
    }
  }
  const std::string_view out = transform_ ? std::string_view(transformed) : chunk;
  return std::fwrite(out.data(), 1, out.size(), file_) == out.size();
}

void BackgroundWriter::Fail(const char* doing, int err) const {
  throw OutputError(std::string(doing) + " " + path_ + ": " + std::strerror(err));
}

}  // namespace sim::trace
