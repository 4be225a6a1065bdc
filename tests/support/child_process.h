// Runs a program as a child process: to completion with its output, or in the background so
// that a test can signal it; and waits for a file to appear without polling.
#ifndef MCASTLAB_TESTS_SUPPORT_CHILD_PROCESS_H_
#define MCASTLAB_TESTS_SUPPORT_CHILD_PROCESS_H_

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace testing_support {

struct ChildResult {
  int exit_code;       // the exit status, or -1 when the child did not exit normally
  std::string output;  // stdout and stderr together
};

// Runs argv[0] (a path) with its arguments in `cwd` (the caller's when empty) and waits.
ChildResult RunChild(const std::vector<std::string>& argv, const std::filesystem::path& cwd = {});

// Starts argv in `cwd` with stdout and stderr going to `log`; returns its pid.
pid_t StartChild(const std::vector<std::string>& argv, const std::filesystem::path& cwd,
                 const std::filesystem::path& log);
// Waits for `pid`; returns its exit status, or -1 when it did not exit normally.
int WaitChild(pid_t pid);

// Reports entries created in one folder (inotify). Make it before starting the process
// that creates them.
class CreationWatch {
 public:
  explicit CreationWatch(const std::filesystem::path& dir);
  CreationWatch(const CreationWatch&) = delete;
  CreationWatch& operator=(const CreationWatch&) = delete;
  ~CreationWatch();
  // The name of the first new entry starting with `prefix`; empty after 120 s without one
  // (a safety net for a broken build, not a timing assertion).
  std::string WaitFor(const std::string& prefix);

 private:
  int fd_;
};

std::string ReadWholeFile(const std::filesystem::path& p);

// Every entry below `dir`, as paths relative to it, sorted: what a test compares before and
// after a command that must write nothing.
std::vector<std::string> ListTree(const std::filesystem::path& dir);

}  // namespace testing_support

#endif  // MCASTLAB_TESTS_SUPPORT_CHILD_PROCESS_H_
