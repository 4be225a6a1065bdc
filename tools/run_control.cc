#include "tools/run_control.h"

#include <sys/time.h>

#include <cstdio>

namespace tools {
namespace {

// Written by the handlers, read by the scheduler and by OnAttention. One process runs one
// scenario at a time, so one set of these is enough.
volatile std::sig_atomic_t g_attention = 0;
volatile std::sig_atomic_t g_signal = 0;

extern "C" void OnStopSignal(int signo) {
  g_signal = signo;
  g_attention = 1;
}

extern "C" void OnTick(int /*signo*/) { g_attention = 1; }

void Install(int signo, void (*handler)(int), struct sigaction* old) {
  struct sigaction sa {};
  sa.sa_handler = handler;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;  // file writes go on after a tick
  sigaction(signo, &sa, old);
}

void SetTimer(long usec) {
  itimerval t{};
  t.it_interval.tv_usec = usec;
  t.it_value.tv_usec = usec;
  setitimer(ITIMER_REAL, &t, nullptr);
}

std::string Clock(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char buf[32];
  if (s >= 3600) {
    std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
  } else {
    std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
  }
  return buf;
}

}  // namespace

RunControl::RunControl(std::optional<std::chrono::duration<double>> max_wall, bool progress)
    : max_wall_(max_wall), progress_(progress), start_(std::chrono::steady_clock::now()) {
  g_attention = 0;
  g_signal = 0;
  Install(SIGINT, OnStopSignal, &old_int_);
  Install(SIGTERM, OnStopSignal, &old_term_);
  if (max_wall_ || progress_) {
    Install(SIGALRM, OnTick, &old_alrm_);
    SetTimer(250'000);
    timer_on_ = true;
  }
}

RunControl::~RunControl() {
  if (timer_on_) {
    SetTimer(0);
    sigaction(SIGALRM, &old_alrm_, nullptr);
  }
  sigaction(SIGINT, &old_int_, nullptr);
  sigaction(SIGTERM, &old_term_, nullptr);
}

void RunControl::Attach(sim::run::RunOptions& options) {
  options.attention = &g_attention;
  options.on_attention = [this](const sim::run::RunProgress& p) { return OnAttention(p); };
}

bool RunControl::OnAttention(const sim::run::RunProgress& p) {
  g_attention = 0;
  if (g_signal != 0) {
    exit_code_ = 128 + g_signal;
    reason_ = g_signal == SIGINT ? "interrupted (SIGINT)" : "terminated (SIGTERM)";
    return true;
  }
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  if (max_wall_ && wall >= max_wall_->count()) {
    exit_code_ = 124;  // as timeout(1)
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g", max_wall_->count());
    reason_ = std::string("stopped by --max-wall ") + buf + "s";
    return true;
  }
  if (progress_ && wall >= 1.0) DrawProgress(p, wall);
  return false;
}

void RunControl::DrawProgress(const sim::run::RunProgress& p, double wall) {
  const double sim_now = static_cast<double>(p.now.nanos()) / 1e9;
  const double sim_end = static_cast<double>(p.duration.nanos()) / 1e9;
  const double speed = sim_now / wall;  // simulated seconds per wall second
  const double percent = sim_end > 0 ? 100.0 * sim_now / sim_end : 100.0;
  const std::string eta = speed > 0 ? Clock((sim_end - sim_now) / speed) : "?";
  std::fprintf(stderr, "\r%3.0f%%  t=%.3f of %.3f s  %.2f M events/s  %.3gx real time  ETA %s   ", percent,
               sim_now, sim_end, static_cast<double>(p.events) / wall / 1e6, speed, eta.c_str());
  line_drawn_ = true;
}

void RunControl::FinishLine() {
  if (line_drawn_) std::fputc('\n', stderr);
  line_drawn_ = false;
}

}  // namespace tools
