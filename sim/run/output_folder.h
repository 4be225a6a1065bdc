// Where a run writes, and the rules that keep it from destroying anything it did not write.
//
// A run goes into a hidden partial folder beside OUT (`.NAME.partial-PID`), and only a complete
// run replaces OUT, by renames: the old OUT is moved aside, the partial folder takes its name,
// and the old one is deleted last. If anything fails, the old OUT stays as it was.
//
// OUT may be a folder that does not exist yet, an empty folder, or a folder that mcastlab wrote
// before: one holding the marker file `.mcastlab-output`, which lists the files of that run, and
// nothing else. Everything else is refused before the run starts (OutputPathError): a file, a
// symbolic link, a mount point, a folder with other files, the root, the current folder or one of
// its parents, and the folder that holds the scenario file or any of its parents.
//
// Partial folders and moved-aside outputs left by runs that died (SIGKILL, power loss) are
// removed by the next run into the same place, once their process is gone and they carry the
// marker (or are empty: killed before the marker was written).
#ifndef MCASTLAB_SIM_RUN_OUTPUT_FOLDER_H_
#define MCASTLAB_SIM_RUN_OUTPUT_FOLDER_H_

#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

namespace sim::run {

// OUT cannot be used; the message says why. The command line reports it as bad input (exit 2).
class OutputPathError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

inline constexpr const char* kOutputMarker = ".mcastlab-output";

class OutputFolder {
 public:
  // Checks OUT against the rules above, cleans stale leftovers of dead runs, and creates the
  // partial folder (and OUT's missing parents). `inputs` are files the run reads (the scenario):
  // OUT may not be or contain the folder of any of them.
  OutputFolder(const std::filesystem::path& out, const std::vector<std::filesystem::path>& inputs);
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;
  // Removes the partial folder unless Commit() succeeded.
  ~OutputFolder();

  // Where the run writes its files.
  const std::filesystem::path& partial() const { return partial_; }
  // OUT as given, for messages.
  const std::filesystem::path& out() const { return out_; }

  // Writes the marker and puts the partial folder in OUT's place. Throws OutputPathError when
  // OUT changed in between so that it may no longer be replaced, trace::OutputError when a
  // rename fails; either way the old OUT is kept.
  void Commit();
  // Removes the partial folder now (an interrupted or failed run).
  void Abandon() noexcept;

 private:
  std::filesystem::path out_;       // as given
  std::filesystem::path target_;    // absolute, normalised
  std::filesystem::path partial_;
  bool done_ = false;
};

// The marker's text for a folder holding `files` (sorted names, the marker excluded).
std::string OutputMarkerText(const std::vector<std::string>& files);

}  // namespace sim::run

#endif  // MCASTLAB_SIM_RUN_OUTPUT_FOLDER_H_
