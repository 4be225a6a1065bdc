// The scenario files of a folder, for tests registered once per file.
#ifndef MCASTLAB_TESTS_SUPPORT_JSON_FILES_H_
#define MCASTLAB_TESTS_SUPPORT_JSON_FILES_H_

#include <string>
#include <vector>

namespace testing_support {

// Every *.json directly in `dir`, as full paths, sorted so that tests run in a stable order.
std::vector<std::string> JsonFilesIn(const std::string& dir);

}  // namespace testing_support

#endif  // MCASTLAB_TESTS_SUPPORT_JSON_FILES_H_
