// The mcastlab command line for the tests of its commands: runs it through the shell, and runs a
// shipped scenario once per test into a folder of its own (ctest runs each test in a process of
// its own, in parallel, so the folder carries the test's name).
#ifndef MCASTLAB_TESTS_SUPPORT_CLI_RUN_H_
#define MCASTLAB_TESTS_SUPPORT_CLI_RUN_H_

#include <filesystem>
#include <string>

namespace testing_support {

struct CliOutcome {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// `cli` is the path of mcastlab; `args` is appended as written (shell words).
CliOutcome RunMcastlab(const std::string& cli, const std::string& args);

// Runs topologies/<name>.json of `source_dir` into a fresh temporary folder named after the
// scenario and the current test; returns the folder.
std::filesystem::path RunShipped(const std::string& cli, const std::string& source_dir, const std::string& name);

}  // namespace testing_support

#endif  // MCASTLAB_TESTS_SUPPORT_CLI_RUN_H_
