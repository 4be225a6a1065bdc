#include "tools/child_pool.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace tools {
namespace {

using Clock = std::chrono::steady_clock;

struct Running {
  std::size_t index;
  pid_t pid;
  int read_fd;  // the read end of the child's stdout and stderr
  Clock::time_point start;
};

Running Start(const std::vector<std::string>& argv, std::size_t index) {
  int fds[2];
  // Close-on-exec, so a child holds no pipe of its siblings and each pipe ends with its child.
  if (pipe2(fds, O_CLOEXEC) != 0) throw std::runtime_error(std::string("pipe: ") + std::strerror(errno));
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, fds[1], STDERR_FILENO);
  std::vector<char*> args;
  for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  pid_t pid = 0;
  const int rc = posix_spawn(&pid, args[0], &actions, nullptr, args.data(), environ);
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

std::vector<ChildOutcome> RunChildren(const std::vector<std::vector<std::string>>& commands,
                                      std::size_t jobs,
                                      const std::function<void(std::size_t)>& on_done) {
  std::vector<ChildOutcome> outcomes(commands.size());
  std::vector<Running> running;
  std::size_t next = 0;
  if (jobs == 0) jobs = 1;
  while (next < commands.size() || !running.empty()) {
    while (next < commands.size() && running.size() < jobs) {
      running.push_back(Start(commands[next], next));
      ++next;
    }
    std::vector<pollfd> fds;
    for (const Running& r : running) fds.push_back({r.read_fd, POLLIN, 0});
    if (poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      throw std::runtime_error(std::string("poll: ") + std::strerror(errno));
    }
    // Backwards, so that erasing one does not move the ones still to look at.
    for (std::size_t i = fds.size(); i-- > 0;) {
      if (fds[i].revents == 0) continue;
      const Running r = running[i];
      if (Drain(r.read_fd, outcomes[r.index].output)) continue;
      Finish(r, outcomes[r.index]);
      running.erase(running.begin() + static_cast<std::ptrdiff_t>(i));
      if (on_done) on_done(r.index);
    }
  }
  return outcomes;
}

std::string SelfExecutable() {
  std::string path(4096, '\0');
  const ssize_t n = readlink("/proc/self/exe", path.data(), path.size());
  if (n <= 0 || static_cast<std::size_t>(n) >= path.size()) return "/proc/self/exe";
  path.resize(static_cast<std::size_t>(n));
  return path;
}

}  // namespace tools
