// Reading a scenario file whole, within a size limit.
//
// A regular file's size is checked before a byte is read; a pipe or a device (/dev/zero) has no
// size, so it is read up to the limit and refused past it. Either way the memory taken is at
// most the limit, whatever the input.
#ifndef MCASTLAB_SIM_SCENARIO_FILE_TEXT_H_
#define MCASTLAB_SIM_SCENARIO_FILE_TEXT_H_

#include <cstdint>
#include <string>

namespace sim::scenario {

struct FileText {
  std::string text;
  std::string error;  // not empty when the file could not be read whole: names the file and why
};

FileText ReadFileText(const std::string& path, std::uint64_t max_bytes);

// "scenario of 70000000 bytes is over the limit of 67108864 bytes (64 MiB); ..." for
// `what` = "scenario"; `size_known` false says "more than" instead.
std::string TooLargeMessage(const std::string& what, std::uint64_t size, bool size_known,
                            std::uint64_t max_bytes);

}  // namespace sim::scenario

#endif  // MCASTLAB_SIM_SCENARIO_FILE_TEXT_H_
