#include "tools/scenario_files.h"

#include <algorithm>
#include <map>
#include <system_error>

#include "sim/run/output_folder.h"

namespace tools {
namespace {

namespace fs = std::filesystem;

bool Hidden(const fs::path& p) { return p.filename().string().starts_with("."); }

// Every *.json below `dir`, as paths relative to it.
std::vector<fs::path> JsonBelow(const fs::path& dir, std::string& error) {
  std::vector<fs::path> found;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const fs::path& p = it->path();
    std::error_code type_ec;
    if (it->is_directory(type_ec)) {
      if (Hidden(p) || fs::exists(p / sim::run::kOutputMarker, type_ec)) it.disable_recursion_pending();
      continue;
    }
    if (!Hidden(p) && p.extension() == ".json" && it->is_regular_file(type_ec)) {
      found.push_back(p.lexically_relative(dir));
    }
  }
  if (ec) error = dir.string() + ": cannot be read: " + ec.message();
  return found;
}

// True when `inner`'s key lies below `outer`'s ("a/b" below "a").
bool KeyInside(const std::string& inner, const std::string& outer) {
  return inner.size() > outer.size() && inner.starts_with(outer) && inner[outer.size()] == '/';
}

}  // namespace

std::string OutputKey(const fs::path& arg, const fs::path& below) {
  const fs::path given = arg.lexically_normal();
  fs::path base = given;
  if (given.is_absolute() || given.empty() || *given.begin() == "..") {
    base = given.filename().empty() ? given.parent_path().filename() : given.filename();
  }
  if (base == ".") base.clear();
  fs::path key = (below.empty() ? base : base / below).lexically_normal();
  if (key.extension() == ".json") key.replace_extension();
  std::string text = key.generic_string();
  while (text.ends_with("/")) text.pop_back();
  return text.empty() ? "scenario" : text;
}

std::variant<std::vector<ScenarioFile>, std::string> FindScenarioFiles(
    const std::vector<std::string>& paths) {
  std::map<std::string, ScenarioFile> by_path;  // sorted, and a file named twice is kept once
  for (const std::string& arg : paths) {
    std::error_code ec;
    const fs::file_status st = fs::status(arg, ec);
    if (!fs::exists(st)) return arg + ": no such file or folder";
    if (!fs::is_directory(st)) {
      const fs::path p = fs::path(arg).lexically_normal();
      by_path[p.generic_string()] = {p.generic_string(), OutputKey(p, {})};
      continue;
    }
    std::string error;
    for (const fs::path& rel : JsonBelow(arg, error)) {
      const fs::path p = (fs::path(arg) / rel).lexically_normal();
      by_path[p.generic_string()] = {p.generic_string(), OutputKey(arg, rel)};
    }
    if (!error.empty()) return error;
  }
  if (by_path.empty()) return "no scenario files (*.json) found";
  std::vector<ScenarioFile> files;
  std::map<std::string, std::string> owner;  // key -> path
  for (auto& [path, file] : by_path) {
    auto [it, fresh] = owner.emplace(file.key, path);
    if (!fresh) return path + " and " + it->second + " would both write to the folder " + file.key;
    files.push_back(std::move(file));
  }
  // The keys that start with a key sort right after it.
  for (auto a = owner.begin(); a != owner.end(); ++a) {
    for (auto b = std::next(a); b != owner.end() && b->first.starts_with(a->first); ++b) {
      if (KeyInside(b->first, a->first)) {
        return b->second + " would write inside the output folder of " + a->second + " (" +
               a->first + "); rename one of them";
      }
    }
  }
  return files;
}

}  // namespace tools
