// The scenario files `mcastlab test PATH...` runs: every *.json found under the paths, and the
// output folder each one gets under the --out root.
#ifndef MCASTLAB_TOOLS_SCENARIO_FILES_H_
#define MCASTLAB_TOOLS_SCENARIO_FILES_H_

#include <filesystem>
#include <string>
#include <variant>
#include <vector>

namespace tools {

struct ScenarioFile {
  std::string path;  // as the user wrote it (a folder argument joined with the path under it)
  std::string key;   // its output folder under the root: `path` without `.json`, made relative
};

// A file argument is taken as it is, whatever its name. A folder is searched recursively for
// *.json files, skipping hidden entries (.git, a run's partial folders) and folders a run wrote
// (those holding the .mcastlab-output marker: their summary.json is no scenario). The list is
// sorted by path, so it is the same on every machine; a file named twice is listed once.
// Returns the error when a path does not exist, nothing is found, or two files would share an
// output folder (or one would lie inside another's).
std::variant<std::vector<ScenarioFile>, std::string> FindScenarioFiles(
    const std::vector<std::string>& paths);

// The key of `file` (ending in .json or not) found under the argument `arg`: the path as given
// when it is relative and stays below the current folder; else the argument's last component
// and the path under it. "topologies/ttl-one.json" -> "topologies/ttl-one".
std::string OutputKey(const std::filesystem::path& arg, const std::filesystem::path& below);

}  // namespace tools

#endif  // MCASTLAB_TOOLS_SCENARIO_FILES_H_
