// The exit codes of every mcastlab command (SCENARIO-FORMAT.md, "The command").
#ifndef MCASTLAB_TOOLS_EXIT_CODES_H_
#define MCASTLAB_TOOLS_EXIT_CODES_H_

namespace tools {

inline constexpr int kExitOk = 0;          // all expectations hold
inline constexpr int kExitFailed = 1;      // some expectation failed
inline constexpr int kExitBadInput = 2;    // the file or the arguments are invalid
inline constexpr int kExitInternal = 3;    // an internal error (including output that could not be written)

}  // namespace tools

#endif  // MCASTLAB_TOOLS_EXIT_CODES_H_
