// Evaluates a scenario's expectations against the running network.
//
// Counting kinds (received, packets) hook the network before the run and count what falls in
// their window; state kinds (mroute, igmp_group, querier, snooping) look at the tables at their
// instant; socket_error reads the hosts' error logs at the end. Kinds whose protocols are not
// built yet (pim_neighbor) fail with a message saying so, never silently pass.
#ifndef MCASTLAB_SIM_RUN_EXPECTATION_CHECKS_H_
#define MCASTLAB_SIM_RUN_EXPECTATION_CHECKS_H_

#include <optional>
#include <vector>

#include "sim/net/network.h"
#include "sim/run/outcome.h"
#include "sim/run/protocol_binding.h"
#include "sim/run/run_recorder.h"
#include "sim/scenario/scenario.h"

namespace sim::run {

class ExpectationChecks {
 public:
  // `protocols` must outlive the run.
  ExpectationChecks(const scenario::Scenario& s, net::Network& network, RunRecorder& recorder,
                    const ProtocolBindings& protocols);
  // Hooks counters and schedules the state checks; call once, before the run.
  void Arm();
  // Everything decided, in file order; call after the run.
  std::vector<Outcome> Finish();

 private:
  Outcome Evaluate(const scenario::Expectation& e);
  void ArmCounter(std::size_t i);

  const scenario::Scenario& scenario_;
  net::Network& network_;
  RunRecorder& recorder_;
  const ProtocolBindings& protocols_;
  std::vector<std::uint64_t> counts_;
  std::vector<std::optional<Outcome>> decided_;  // state checks, decided at their instant
};

}  // namespace sim::run

#endif  // MCASTLAB_SIM_RUN_EXPECTATION_CHECKS_H_
