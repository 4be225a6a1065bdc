// Recording pim::SgRptDownstreamPort and pim::SgRptUpstreamPort for the (S,G,rpt) state machine
// tests: every port call is logged with its simulated instant, traces kept one line each.
#ifndef MCASTLAB_TESTS_PIM_SG_RPT_TEST_PORT_H_
#define MCASTLAB_TESTS_PIM_SG_RPT_TEST_PORT_H_

#include <string>
#include <string_view>
#include <vector>

#include "pim/sg_rpt_ports.h"
#include "tests/pim/join_test_port.h"

namespace pim::join_testing {

class RecordingSgRptDownstreamPort : public SgRptDownstreamPort, public TraceRecorder {
 public:
  using TraceRecorder::TraceRecorder;
  void PrunedChanged(const JoinKey& key, bool pruned) override {
    log.push_back({Now(), (pruned ? "pruned " : "unpruned ") + ToRptString(key)});
  }
  void Trace(std::string_view kind, TraceFields fields) override { Record(kind, fields); }

  std::vector<Did> log;
};

class RecordingSgRptUpstreamPort : public SgRptUpstreamPort, public TraceRecorder {
 public:
  using TraceRecorder::TraceRecorder;
  void SendJoin(const JoinKey& key, sim::wire::Ipv4Address neighbor) override {
    log.push_back({Now(), "join " + ToRptString(key) + " " + sim::wire::ToString(neighbor)});
  }
  void SendPrune(const JoinKey& key, sim::wire::Ipv4Address neighbor) override {
    log.push_back({Now(), "prune " + ToRptString(key) + " " + sim::wire::ToString(neighbor)});
  }
  void Trace(std::string_view kind, TraceFields fields) override { Record(kind, fields); }

  std::vector<Did> log;
};

}  // namespace pim::join_testing

#endif  // MCASTLAB_TESTS_PIM_SG_RPT_TEST_PORT_H_
