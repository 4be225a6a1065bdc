#include "sim/run/output_folder.h"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <fstream>
#include <iterator>
#include <set>

#include "sim/trace/output_error.h"

namespace sim::run {
namespace {

namespace fs = std::filesystem;

constexpr const char* kMarkerHeader =
    "# mcastlab run output. mcastlab replaces this folder on a later run into it only while it\n"
    "# holds nothing but the files listed here.\n";

[[noreturn]] void Refuse(const fs::path& out, const std::string& why) {
  throw OutputPathError("--out " + out.string() + ": " + why);
}

// Absolute, without "." and "..", without a trailing slash, with symbolic links resolved in
// every component but the last (the last one is judged as it is).
fs::path Normalise(const fs::path& p) {
  fs::path a = fs::absolute(p).lexically_normal();
  if (a.filename().empty() && a != a.root_path()) a = a.parent_path();
  if (a == a.root_path()) return a;
  return fs::weakly_canonical(a.parent_path()) / a.filename();
}

// True when `inner` is `outer` or lies below it (whole components compared).
bool IsSameOrInside(const fs::path& inner, const fs::path& outer) {
  auto [o, i] = std::mismatch(outer.begin(), outer.end(), inner.begin(), inner.end());
  return o == outer.end();
}

std::set<std::string> MarkedFiles(const fs::path& marker) {
  std::ifstream in(marker);
  std::set<std::string> files;
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty() && line[0] != '#') files.insert(line);
  }
  return files;
}

bool HasMarker(const fs::path& dir) {
  std::error_code ec;
  return fs::is_regular_file(dir / kOutputMarker, ec);
}

std::string List(const std::vector<std::string>& names) {
  std::string s;
  for (std::size_t i = 0; i < names.size() && i < 3; ++i) s += (i ? ", " : "") + names[i];
  if (names.size() > 3) s += " and " + std::to_string(names.size() - 3) + " more";
  return s;
}

// Refuses an existing OUT that may not be replaced; returns quietly when it may.
void CheckReplaceable(const fs::path& out, const fs::path& target) {
  std::error_code ec;
  const fs::file_status st = fs::symlink_status(target, ec);
  if (ec || !fs::exists(st)) return;
  if (fs::is_symlink(st)) Refuse(out, "is a symbolic link; give the folder it points to, or a new one");
  if (!fs::is_directory(st)) Refuse(out, "exists and is not a folder; give a new folder name");
  struct stat self {}, parent {};
  if (::stat(target.c_str(), &self) == 0 && ::stat(target.parent_path().c_str(), &parent) == 0 &&
      self.st_dev != parent.st_dev) {
    Refuse(out, "is a mount point and cannot be replaced; give a folder inside it");
  }
  const bool marked = HasMarker(target);
  const std::set<std::string> ours = marked ? MarkedFiles(target / kOutputMarker) : std::set<std::string>{};
  std::vector<std::string> foreign;
  for (const auto& e : fs::directory_iterator(target, ec)) {
    const std::string name = e.path().filename().string();
    if (name != kOutputMarker && !ours.contains(name)) foreign.push_back(name);
  }
  if (ec) Refuse(out, "cannot be read: " + ec.message());
  std::sort(foreign.begin(), foreign.end());
  if (!marked && !foreign.empty()) {
    Refuse(out, std::string("exists and was not written by mcastlab (no ") + kOutputMarker +
                    " file in it); give a new folder, or one an earlier run wrote");
  }
  if (!foreign.empty()) {
    Refuse(out, "holds files mcastlab did not write (" + List(foreign) +
                    "); move them away or give another folder");
  }
}

// "<prefix><digits>" -> the digits as a process id; 0 when the name is not of that form.
pid_t PidSuffix(const std::string& name, const std::string& prefix) {
  if (!name.starts_with(prefix) || name.size() == prefix.size() || name.size() > prefix.size() + 9) return 0;
  pid_t pid = 0;
  for (char c : name.substr(prefix.size())) {
    if (c < '0' || c > '9') return 0;
    pid = pid * 10 + (c - '0');
  }
  return pid;
}

// Removes `.NAME.partial-PID` and `.NAME.old-PID` folders whose process is gone.
void RemoveStaleLeftovers(const fs::path& parent, const std::string& name) {
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(parent, ec)) {
    const std::string entry = e.path().filename().string();
    pid_t pid = PidSuffix(entry, "." + name + ".partial-");
    if (pid == 0) pid = PidSuffix(entry, "." + name + ".old-");
    if (pid == 0 || pid == getpid()) continue;
    const bool gone = ::kill(pid, 0) == -1 && errno == ESRCH;
    std::error_code ignored;
    if (!gone || !e.is_directory(ignored) || e.is_symlink(ignored)) continue;
    if (HasMarker(e.path())) {
      fs::remove_all(e.path(), ignored);
    } else {
      fs::remove(e.path(), ignored);  // only if empty: killed between mkdir and the marker
    }
  }
}

void WriteMarker(const fs::path& dir, const std::vector<std::string>& files) {
  std::ofstream f(dir / kOutputMarker, std::ios::binary);
  f << OutputMarkerText(files);
  f.flush();
  if (!f) throw trace::OutputError("cannot write " + (dir / kOutputMarker).string());
}

}  // namespace

std::string OutputMarkerText(const std::vector<std::string>& files) {
  std::string text = kMarkerHeader;
  for (const std::string& f : files) text += f + "\n";
  return text;
}

OutputFolder::OutputFolder(const fs::path& out, const std::vector<fs::path>& inputs) : out_(out) {
  if (out.empty()) Refuse(out, "is empty");
  std::error_code ec;
  target_ = Normalise(out);
  if (target_ == target_.root_path()) Refuse(out, "is the root folder");
  const fs::path cwd = fs::weakly_canonical(fs::current_path(ec));
  if (IsSameOrInside(cwd, target_)) Refuse(out, "is the current folder or one of its parents");
  for (const fs::path& input : inputs) {
    const fs::path file = fs::weakly_canonical(fs::absolute(input), ec);
    if (file == target_) Refuse(out, "is the scenario file itself");
    if (IsSameOrInside(file.parent_path(), target_)) {
      Refuse(out, "holds the scenario file " + input.string() + "; give a folder beside it instead");
    }
  }
  CheckReplaceable(out, target_);

  const fs::path parent = target_.parent_path();
  fs::create_directories(parent, ec);
  if (ec) Refuse(out, "cannot create the folder " + parent.string() + ": " + ec.message());
  const std::string name = target_.filename().string();
  RemoveStaleLeftovers(parent, name);
  partial_ = parent / ("." + name + ".partial-" + std::to_string(getpid()));
  if (HasMarker(partial_)) fs::remove_all(partial_, ec);  // ours, from a dead run with our pid
  if (!fs::create_directory(partial_, ec)) {
    Refuse(out, "cannot create " + partial_.string() + ": " + (ec ? ec.message() : "it already exists"));
  }
  // Marked from the start, so that a later run may remove it if this one is killed.
  WriteMarker(partial_, {});
}

OutputFolder::~OutputFolder() {
  if (!done_) Abandon();
}

void OutputFolder::Abandon() noexcept {
  std::error_code ec;
  if (!partial_.empty()) fs::remove_all(partial_, ec);
  done_ = true;
}

void OutputFolder::Commit() {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(partial_)) {
    const std::string name = e.path().filename().string();
    if (name != kOutputMarker) files.push_back(name);
  }
  std::sort(files.begin(), files.end());
  WriteMarker(partial_, files);

  CheckReplaceable(out_, target_);  // again: OUT may have changed during the run
  std::error_code ec;
  const bool replacing = fs::exists(fs::symlink_status(target_, ec));
  const fs::path old = target_.parent_path() /
                       ("." + target_.filename().string() + ".old-" + std::to_string(getpid()));
  if (replacing) {
    fs::rename(target_, old, ec);
    if (ec) throw trace::OutputError("cannot move the old " + out_.string() + " aside: " + ec.message());
  }
  fs::rename(partial_, target_, ec);
  if (ec) {
    std::error_code ignored;
    if (replacing) fs::rename(old, target_, ignored);
    throw trace::OutputError("cannot move the new results to " + out_.string() + ": " + ec.message());
  }
  done_ = true;
  if (replacing) fs::remove_all(old, ec);  // a leftover is marked and removed by a later run
}

}  // namespace sim::run
