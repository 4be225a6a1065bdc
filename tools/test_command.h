// `mcastlab test PATH... [-j N] [--junit FILE] [--out DIR]`: runs every scenario file under the
// paths as a test suite, each in its own `mcastlab run` process, N at a time; prints a table and
// totals, and writes a JUnit XML report. The arguments come parsed and checked (main.cc).
#ifndef MCASTLAB_TOOLS_TEST_COMMAND_H_
#define MCASTLAB_TOOLS_TEST_COMMAND_H_

#include <cstdint>
#include <string>
#include <vector>

namespace tools {

inline constexpr std::uint64_t kMaxTestJobs = 1024;

struct TestArgs {
  std::vector<std::string> paths;  // scenario files or folders
  std::uint64_t jobs = 0;          // 0: as many as the machine has cores
  std::string junit;               // "" for no report
  std::string out = "out/test";    // each scenario writes to DIR/<its path without .json>
};

// Exit 0 every expectation held; 1 some failed; 2 bad arguments or some scenario invalid;
// 3 some run broke (an internal error, or killed).
int TestCommand(const TestArgs& args);

// The default of -j: the cores this process may run on.
std::uint64_t DefaultJobs();

}  // namespace tools

#endif  // MCASTLAB_TOOLS_TEST_COMMAND_H_
