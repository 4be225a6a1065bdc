// What stops or reports on a run from outside the simulation: SIGINT and SIGTERM, the
// --max-wall budget, and the progress line at a terminal.
//
// The signal handlers and a 250 ms interval timer (SIGALRM) only raise one flag, which the
// scheduler reads before each event; everything else happens in OnAttention, on the run's own
// thread, between two events. The timer runs only when something needs it (a terminal for the
// progress line, or --max-wall), so a plain run is not disturbed at all.
#ifndef MCASTLAB_TOOLS_RUN_CONTROL_H_
#define MCASTLAB_TOOLS_RUN_CONTROL_H_

#include <chrono>
#include <csignal>
#include <optional>
#include <string>

#include "sim/run/runner.h"

namespace tools {

class RunControl {
 public:
  // `max_wall`: stop once the run has taken this long (wall clock). `progress`: draw the
  // progress line on stderr (meant for a terminal).
  RunControl(std::optional<std::chrono::duration<double>> max_wall, bool progress);
  RunControl(const RunControl&) = delete;
  RunControl& operator=(const RunControl&) = delete;
  // Puts back the signal dispositions and timer found at construction.
  ~RunControl();

  // Hooks the run to the flag and to OnAttention.
  void Attach(sim::run::RunOptions& options);
  // The exit status and the sentence for a stopped run: 130 SIGINT, 143 SIGTERM, 124 --max-wall.
  int exit_code() const { return exit_code_; }
  const std::string& reason() const { return reason_; }
  // Ends the progress line, if one was drawn.
  void FinishLine();

 private:
  bool OnAttention(const sim::run::RunProgress& p);
  void DrawProgress(const sim::run::RunProgress& p, double wall);

  std::optional<std::chrono::duration<double>> max_wall_;
  bool progress_;
  bool line_drawn_ = false;
  std::chrono::steady_clock::time_point start_;
  int exit_code_ = 0;
  std::string reason_;
  struct sigaction old_int_ {}, old_term_ {}, old_alrm_ {};
  bool timer_on_ = false;
};

}  // namespace tools

#endif  // MCASTLAB_TOOLS_RUN_CONTROL_H_
