// What the tests of `mcastlab graph` and `ladder` share: the command line of this build, and a
// shipped scenario run once per test.
#ifndef MCASTLAB_TESTS_RUN_DRAWING_CLI_H_
#define MCASTLAB_TESTS_RUN_DRAWING_CLI_H_

#include <filesystem>
#include <string>

#include "tests/support/child_process.h"
#include "tests/support/cli_run.h"

namespace drawing_cli {

using testing_support::CliOutcome;
using testing_support::ReadWholeFile;

inline CliOutcome Cli(const std::string& args) { return testing_support::RunMcastlab(MCASTLAB_CLI, args); }
inline std::filesystem::path Shipped(const std::string& name) {
  return testing_support::RunShipped(MCASTLAB_CLI, MCASTLAB_SOURCE_DIR, name);
}

}  // namespace drawing_cli

#endif  // MCASTLAB_TESTS_RUN_DRAWING_CLI_H_
