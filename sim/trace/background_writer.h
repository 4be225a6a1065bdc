// A file written by a thread of its own, a chunk at a time: the run hands over a full buffer
// and goes on simulating while the kernel copies the previous one. events.jsonl of a large
// run is hundreds of megabytes, and the write calls were a tenth of such a run's time.
//
// Chunks reach the file whole and in the order they were handed over, so the bytes are those
// a plain write would give. A failed write is reported by the next Write or by Close.
//
// A transform, when given, turns each chunk into the bytes written, on the thread too: the run
// hands over compact records and the thread formats them (sim/run/event_record.h).
#ifndef MCASTLAB_SIM_TRACE_BACKGROUND_WRITER_H_
#define MCASTLAB_SIM_TRACE_BACKGROUND_WRITER_H_

#include <condition_variable>
#include <cstdio>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

namespace sim::trace {

class BackgroundWriter {
 public:
  // Appends to `out` what `chunk` becomes in the file.
  using Transform = std::function<void(std::string_view chunk, std::string& out)>;

  // Creates (truncates) `path`. Throws OutputError.
  explicit BackgroundWriter(std::string path, Transform transform = {});
  BackgroundWriter(const BackgroundWriter&) = delete;
  BackgroundWriter& operator=(const BackgroundWriter&) = delete;
  // Writes what was handed over and stops the thread, reporting nothing: a run that failed
  // elsewhere discards its outputs anyway.
  ~BackgroundWriter();

  // Queues `chunk` after the ones before it, waiting while the thread still holds an earlier
  // queued chunk, and leaves `chunk` empty (with the memory of a chunk already written).
  // Throws OutputError when an earlier chunk could not be written.
  void Write(std::string& chunk);
  // The same for the first `size` bytes of `chunk`, which then holds a chunk already written,
  // its size and bytes as they were: a caller that writes over them never pays for a resize.
  void Write(std::string& chunk, std::size_t size);
  // Writes what is queued and closes the file. Throws OutputError.
  void Close();

 private:
  void Run();
  [[noreturn]] void Fail(const char* doing, int err) const;

  bool WriteOut(std::string_view chunk, std::string& transformed);

  std::string path_;
  Transform transform_;
  std::FILE* file_ = nullptr;
  std::mutex mu_;
  std::condition_variable cv_;
  std::string queued_;       // handed over, not yet taken by the thread
  std::size_t queued_size_ = 0;  // its bytes that are to be written
  bool has_queued_ = false;
  bool writing_ = false;     // the thread is writing a chunk it took
  bool stop_ = false;
  int error_ = 0;            // errno of the first failed write
  std::thread thread_;
};

}  // namespace sim::trace

#endif  // MCASTLAB_SIM_TRACE_BACKGROUND_WRITER_H_
