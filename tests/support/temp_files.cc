#include "tests/support/temp_files.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <string>

namespace testing_support {

std::filesystem::path TempPath(const std::string& name) {
  return std::filesystem::path(testing::TempDir()) / (std::to_string(getpid()) + "-" + name);
}

sim::wire::Bytes ReadFileBytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  return sim::wire::Bytes(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

}  // namespace testing_support
