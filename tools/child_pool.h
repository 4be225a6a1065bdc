// Runs commands as child processes, at most N at a time, and collects what each printed and how
// it ended. The one place in tools/ that starts processes (posix_spawn, so nothing of this
// process runs in the child between fork and exec).
#ifndef MCASTLAB_TOOLS_CHILD_POOL_H_
#define MCASTLAB_TOOLS_CHILD_POOL_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

namespace tools {

struct ChildOutcome {
  int exit_code = -1;     // the exit status, or -1 when the child did not exit normally
  int signal = 0;         // the signal that ended it, when it did not exit normally
  std::string output;     // its standard output and standard error, interleaved as written
  double wall_seconds = 0;  // from start to exit
};

struct ChildRuns {
  std::vector<ChildOutcome> outcomes;  // one per command, in the order given
  int stop_signal = 0;  // SIGINT or SIGTERM when one stopped the lot (outcomes then incomplete)
};

// Runs every command (argv[0] is a path) with at most `jobs` running at once, in the order
// given; results come back in the same order whatever order they end in. `on_done(i)` is called
// as command i ends (for a progress line). A SIGINT or SIGTERM sent to this process is passed on
// to the running children (each cleans up after itself), no further one is started, and the
// call returns once they have ended.
ChildRuns RunChildren(const std::vector<std::vector<std::string>>& commands, std::size_t jobs,
                      const std::function<void(std::size_t)>& on_done = {});

// This program's own executable, for running one of its commands in a child.
std::string SelfExecutable();

}  // namespace tools

#endif  // MCASTLAB_TOOLS_CHILD_POOL_H_
