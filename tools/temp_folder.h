// A private folder under the system's temporary folder, removed with everything in it when the
// object goes: where dot works, and where `mcastlab graph FILE` runs the scenario.
#ifndef MCASTLAB_TOOLS_TEMP_FOLDER_H_
#define MCASTLAB_TOOLS_TEMP_FOLDER_H_

#include <filesystem>
#include <string>

namespace tools {

class TempFolder {
 public:
  explicit TempFolder(const std::string& prefix);  // "mcastlab-dot": its name starts so
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;
  ~TempFolder();
  // Empty when it could not be made.
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace tools

#endif  // MCASTLAB_TOOLS_TEMP_FOLDER_H_
