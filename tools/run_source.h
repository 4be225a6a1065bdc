// The run a drawing command reads: the output folder of a run (OUT), or a scenario FILE, which
// is run here, in-process, into a temporary folder removed afterwards (so its roles and trees
// are those of a real run, and nothing is left behind).
#ifndef MCASTLAB_TOOLS_RUN_SOURCE_H_
#define MCASTLAB_TOOLS_RUN_SOURCE_H_

#include <filesystem>
#include <memory>
#include <string>

#include "sim/explain/run_record.h"
#include "tools/temp_folder.h"

namespace tools {

struct OpenedRun {
  sim::explain::RunRecord record;
  std::filesystem::path dir;         // where its files are
  std::unique_ptr<TempFolder> temp;  // holds `dir` when FILE was run here
  int exit_code = 0;                 // not 0: it could not be opened, and why was printed
};

// Prints "COMMAND: MESSAGE" on stderr and returns `code`: how a drawing command refuses.
int Refuse(const std::string& command, const std::string& message, int code);

// `command` ("mcastlab graph") starts the messages. A scenario FILE is run only when
// `allow_scenario` (else refused, with what to do instead).
OpenedRun OpenRun(const std::string& input, const std::string& command, bool allow_scenario);

}  // namespace tools

#endif  // MCASTLAB_TOOLS_RUN_SOURCE_H_
