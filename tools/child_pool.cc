#include "tools/child_pool.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace tools {
namespace {

using Clock = std::chrono::steady_clock;

volatile std::sig_atomic_t stop_signal = 0;

void OnStop(int signal) { stop_signal = signal; }

// SIGINT and SIGTERM blocked except inside ppoll, so that one cannot arrive between the check of
// the flag and the wait; the old mask and handlers are put back at the end.
class StopSignals {
 public:
  StopSignals() {
    stop_signal = 0;
    struct sigaction sa {};
    sa.sa_handler = OnStop;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int_);
    sigaction(SIGTERM, &sa, &old_term_);
    sigset_t block;
    sigemptyset(&block);
    sigaddset(&block, SIGINT);
    sigaddset(&block, SIGTERM);
    sigprocmask(SIG_BLOCK, &block, &old_mask_);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;
  ~StopSignals() {
    sigprocmask(SIG_SETMASK, &old_mask_, nullptr);
    sigaction(SIGINT, &old_int_, nullptr);
    sigaction(SIGTERM, &old_term_, nullptr);
  }
  // The mask to wait with, and the one a child starts with: the caller's.
  const sigset_t& waiting_mask() const { return old_mask_; }

 private:
  struct sigaction old_int_ {}, old_term_ {};
  sigset_t old_mask_{};
};

struct Running {
  std::size_t index;
  pid_t pid;
  int read_fd;  // the read end of the child's stdout and stderr
  Clock::time_point start;
};

Running Start(const std::vector<std::string>& argv, std::size_t index, const sigset_t& mask) {
  int fds[2];
  // Close-on-exec, so a child holds no pipe of its siblings and each pipe ends with its child.
  if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
  posix_spawnattr_t attr;
  posix_spawnattr_init(&attr);
  posix_spawnattr_setsigmask(&attr, &mask);
  posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGMASK);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, args[0], &actions, &attr, args.data(), environ);
  posix_spawnattr_destroy(&attr);
  posix_spawn_file_actions_destroy(&actions);
  close(fds[1]);
  if (rc != 0) {
    close(fds[0]);
    throw std::runtime_error("cannot start " + argv[0] + ": " + std::strerror(rc));
  }
  return {index, pid, fds[0], Clock::now()};
}

// Reads what is there; false at end of file.
bool Drain(int fd, std::string& out) {
  char buf[8192];
  while (true) {
    const ssize_t n = read(fd, buf, sizeof buf);
    if (n > 0) {
      out.append(buf, static_cast<std::size_t>(n));
      return true;
    }
    if (n < 0 && errno == EINTR) continue;
    return false;  // 0: every writer closed it; an error ends it the same way
  }
}

void Finish(const Running& r, ChildOutcome& outcome) {
  close(r.read_fd);
  int status = 0;
  while (waitpid(r.pid, &status, 0) < 0 && errno == EINTR) {
  }
  outcome.wall_seconds = std::chrono::duration<double>(Clock::now() - r.start).count();
  if (WIFEXITED(status)) {
    outcome.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    outcome.signal = WTERMSIG(status);
  }
}

}  // namespace

ChildRuns RunChildren(const std::vector<std::vector<std::string>>& commands, std::size_t jobs,
                      const std::function<void(std::size_t)>& on_done) {
  StopSignals signals;
  ChildRuns runs;
  runs.outcomes.resize(commands.size());
  std::vector<Running> running;
  std::size_t next = 0;
  bool passed_on = false;
  if (jobs == 0) jobs = 1;
  while ((next < commands.size() && stop_signal == 0) || !running.empty()) {
    if (stop_signal != 0 && !passed_on) {
      for (const Running& r : running) kill(r.pid, stop_signal);
      passed_on = true;
    }
    while (stop_signal == 0 && next < commands.size() && running.size() < jobs) {
      running.push_back(Start(commands[next], next, signals.waiting_mask()));
      ++next;
    }
    std::vector<pollfd> fds;
    for (const Running& r : running) fds.push_back({r.read_fd, POLLIN, 0});
    if (ppoll(fds.data(), fds.size(), nullptr, &signals.waiting_mask()) < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(std::string("poll: ") + std::strerror(errno));
    }
    // Backwards, so that erasing one does not move the ones still to look at.
    for (std::size_t i = fds.size(); i-- > 0;) {
      if (fds[i].revents == 0) continue;
      const Running r = running[i];
      if (Drain(r.read_fd, runs.outcomes[r.index].output)) continue;
      Finish(r, runs.outcomes[r.index]);
      running.erase(running.begin() + static_cast<std::ptrdiff_t>(i));
      if (on_done) on_done(r.index);
    }
  }
  runs.stop_signal = stop_signal;
  return runs;
}

std::string SelfExecutable() {
  std::string path(4096, '\0');
  const ssize_t n = readlink("/proc/self/exe", path.data(), path.size());
  if (n <= 0 || static_cast<std::size_t>(n) >= path.size()) return "/proc/self/exe";
  path.resize(static_cast<std::size_t>(n));
  return path;
}

}  // namespace tools
