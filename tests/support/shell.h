// Runs a shell command for the tests of the command-line tools.
#ifndef MCASTLAB_TESTS_SUPPORT_SHELL_H_
#define MCASTLAB_TESTS_SUPPORT_SHELL_H_

#include <string>

namespace testing_support {

struct ShellResult {
  int exit_code = -1;  // -1 when the command did not exit normally
  std::string out;
  std::string err;
};

// Runs `command` with /bin/sh and captures stdout and stderr apart (stderr goes through a
// temporary file, so a command that redirects its own stderr leaves `err` empty).
ShellResult RunShell(const std::string& command);

}  // namespace testing_support

#endif  // MCASTLAB_TESTS_SUPPORT_SHELL_H_
