#include "tests/support/child_process.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iterator>

namespace testing_support {
namespace {

[[noreturn]] void Exec(const std::vector<std::string>& argv, const std::filesystem::path& cwd) {
  if (!cwd.empty() && chdir(cwd.c_str()) != 0) _exit(127);
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  execv(args[0], args.data());
  _exit(127);
}

}  // namespace

ChildResult RunChild(const std::vector<std::string>& argv, const std::filesystem::path& cwd) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) return {-1, "pipe failed"};
  const pid_t pid = fork();
  if (pid == 0) {
    dup2(pipe_fds[1], STDOUT_FILENO);
    dup2(pipe_fds[1], STDERR_FILENO);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    Exec(argv, cwd);
  }
  close(pipe_fds[1]);
  std::string out;
  char buf[4096];
  ssize_t n;
  while ((n = read(pipe_fds[0], buf, sizeof buf)) > 0) out.append(buf, static_cast<std::size_t>(n));
  close(pipe_fds[0]);
  return {WaitChild(pid), out};
}

pid_t StartChild(const std::vector<std::string>& argv, const std::filesystem::path& cwd,
                 const std::filesystem::path& log) {
  const std::string log_path = std::filesystem::absolute(log).string();
  const pid_t pid = fork();
  if (pid == 0) {
    const int fd = open(log_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(fd, STDOUT_FILENO);
    dup2(fd, STDERR_FILENO);
    close(fd);
    Exec(argv, cwd);
  }
  return pid;
}

int WaitChild(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0) {
  }
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

CreationWatch::CreationWatch(const std::filesystem::path& dir) : fd_(inotify_init1(IN_CLOEXEC)) {
  inotify_add_watch(fd_, dir.c_str(), IN_CREATE | IN_MOVED_TO);
}

CreationWatch::~CreationWatch() { close(fd_); }

std::string CreationWatch::WaitFor(const std::string& prefix) {
  alignas(inotify_event) char buf[4096];
  while (true) {
    pollfd p{fd_, POLLIN, 0};
    if (poll(&p, 1, 120'000) <= 0) return "";
    const ssize_t n = read(fd_, buf, sizeof buf);
    if (n <= 0) return "";
    for (ssize_t at = 0; at < n;) {
      const auto* e = reinterpret_cast<const inotify_event*>(buf + at);  // the kernel's layout
      const std::string name = e->len > 0 ? std::string(e->name) : "";
      if (name.starts_with(prefix)) return name;
      at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
    }
  }
}

std::string ReadWholeFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

std::vector<std::string> ListTree(const std::filesystem::path& dir) {
  std::vector<std::string> names;
  for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
    names.push_back(std::filesystem::relative(e.path(), dir).string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace testing_support
