#include "sim/scenario/config.h"

#include <optional>

namespace sim::scenario {
namespace {

// The plain values of settings the loader holds with their paths, for the protocol to derive.
template <template <template <typename> class> class Basic>
Basic<std::optional> Values(const Basic<Setting>& s) {
  Basic<std::optional> v;
  ForEachSetting([](std::string_view, auto& out, const auto& in) { out = in.value; }, v, s);
  return v;
}

// A protocol names the key to change; the file's reader wants the line that gave it. Rules blame
// a key that was given (the defaults break none).
template <typename Settings>
void Locate(const std::vector<core::SettingProblem>& found, const Settings& s,
            std::vector<LoadError>* problems) {
  for (const core::SettingProblem& p : found) {
    std::string path;
    ForEachSetting(
        [&](std::string_view key, const auto& slot) { if (key == p.key) path = slot.path; }, s);
    problems->push_back({std::move(path), p.text});
  }
}

}  // namespace

RouterIgmpConfig ResolveRouterIgmp(const IgmpSettings& s, std::vector<LoadError>* problems) {
  std::vector<core::SettingProblem> found;
  RouterIgmpConfig c = igmp::DeriveRouterConfig(Values(s), &found);
  Locate(found, s, problems);
  return c;
}

HostIgmpConfig ResolveHostIgmp(const IgmpSettings& s) {
  return igmp::DeriveHostConfig(Values(s));
}

PimConfig ResolvePim(const PimSettings& s, std::vector<LoadError>* problems) {
  std::vector<core::SettingProblem> found;
  PimConfig c = pim::DeriveConfig(Values(s), &found);
  Locate(found, s, problems);
  return c;
}

}  // namespace sim::scenario
