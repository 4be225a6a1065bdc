// The verdict on one expectation, as summary.json and the console report it.
#ifndef MCASTLAB_SIM_RUN_OUTCOME_H_
#define MCASTLAB_SIM_RUN_OUTCOME_H_

#include <cstddef>
#include <string>

namespace sim::run {

struct Outcome {
  std::size_t index = 0;
  std::string kind;
  std::string path;      // "/expect/3"
  bool passed = false;
  std::string expected;  // in words: "at least 10 datagrams"
  std::string found;     // in words: "0 datagrams"
};

}  // namespace sim::run

#endif  // MCASTLAB_SIM_RUN_OUTCOME_H_
