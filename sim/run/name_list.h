// "[a, b, c]": names sorted, for expected/found texts that compare as sets.
#ifndef MCASTLAB_SIM_RUN_NAME_LIST_H_
#define MCASTLAB_SIM_RUN_NAME_LIST_H_

#include <algorithm>
#include <string>
#include <vector>

namespace sim::run {

inline std::string NameList(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  std::string s = "[";
  for (const auto& n : names) s += (s.size() > 1 ? ", " : "") + n;
  return s + "]";
}

}  // namespace sim::run

#endif  // MCASTLAB_SIM_RUN_NAME_LIST_H_
