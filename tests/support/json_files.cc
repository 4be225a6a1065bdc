#include "tests/support/json_files.h"

#include <algorithm>
#include <filesystem>

namespace testing_support {

std::vector<std::string> JsonFilesIn(const std::string& dir) {
  std::vector<std::string> files;
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() == ".json") files.push_back(e.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

}  // namespace testing_support
