// Appends to many files while holding at most a fixed number of file descriptors open.
//
// A run may capture thousands of links, one pcap each, under the usual `ulimit -n 1024`. Each
// file keeps its descriptor while fewer than `max_open` are open; past that, the least recently
// written one is closed and reopened (O_APPEND) at its next write. Writers buffer in memory, so
// a reopen costs one open(2) per buffer flush, not per frame.
#ifndef MCASTLAB_SIM_TRACE_FILE_POOL_H_
#define MCASTLAB_SIM_TRACE_FILE_POOL_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace sim::trace {

class FilePool {
 public:
  using FileId = std::size_t;

  explicit FilePool(std::size_t max_open);
  FilePool(const FilePool&) = delete;
  FilePool& operator=(const FilePool&) = delete;
  ~FilePool();

  // A descriptor budget that leaves room for everything else under the process's limit.
  static std::size_t DefaultMaxOpen();

  // Creates (or truncates) the file now, so a bad path fails before the run. Throws OutputError.
  FileId Create(const std::string& path);
  // Writes all of `data` at the end of the file. Throws OutputError naming the file.
  void Append(FileId id, const void* data, std::size_t size);
  // Closes the file's descriptor if open. Throws OutputError if close(2) reports a lost write.
  void Close(FileId id);

  const std::string& path(FileId id) const { return files_[id].path; }
  std::size_t open_count() const { return open_.size(); }
  std::uint64_t reopens() const { return reopens_; }

 private:
  struct File {
    std::string path;
    int fd = -1;
    std::uint64_t last_use = 0;
  };
  int Descriptor(FileId id);
  void MakeRoom();

  std::size_t max_open_;
  std::vector<File> files_;
  std::vector<FileId> open_;  // ids holding a descriptor
  std::uint64_t clock_ = 0;
  std::uint64_t reopens_ = 0;
};

}  // namespace sim::trace

#endif  // MCASTLAB_SIM_TRACE_FILE_POOL_H_
