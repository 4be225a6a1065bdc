// Files for tests that write and read back: a path under GoogleTest's temp folder, and a whole
// file's bytes.
#ifndef MCASTLAB_TESTS_SUPPORT_TEMP_FILES_H_
#define MCASTLAB_TESTS_SUPPORT_TEMP_FILES_H_

#include <filesystem>
#include <string>

#include "sim/wire/bytes.h"

namespace testing_support {

// `name` under the temp folder, made this process's own: ctest runs each test in a process of
// its own, two at a time, and tests of one suite often write a file of the same name.
std::filesystem::path TempPath(const std::string& name);
// Empty when the file cannot be read.
sim::wire::Bytes ReadFileBytes(const std::filesystem::path& p);

}  // namespace testing_support

#endif  // MCASTLAB_TESTS_SUPPORT_TEMP_FILES_H_
