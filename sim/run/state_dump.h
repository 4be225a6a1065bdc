// Every node's tables, as `show` commands print them: the snapshots and state-end.txt.
#ifndef MCASTLAB_SIM_RUN_STATE_DUMP_H_
#define MCASTLAB_SIM_RUN_STATE_DUMP_H_

#include <atomic>
#include <cstddef>
#include <ostream>
#include <string>
#include <vector>

#include "sim/net/network.h"
#include "sim/run/protocol_binding.h"

namespace sim::run {

// The tables of every node, in the network's order.
std::string DumpState(const net::Network& network, const ProtocolBindings& protocols);

// The same text, rendered by several threads: each Work call takes the nodes nobody has taken
// yet, one at a time, until none is left. The end-of-run snapshot of a large run is millions of
// table cells; the run's thread joins in as soon as it has written the totals. The network
// must not change until WriteTo() has written it.
class StateDump {
 public:
  StateDump(const net::Network& network, const ProtocolBindings& protocols);
  // May run on several threads at once.
  void Work();
  // Once every Work call has returned: writes the text of DumpState to `out`, a node at a
  // time, so that the whole snapshot is never held twice.
  void WriteTo(std::ostream& out) const;

 private:
  const net::Network& network_;
  const ProtocolBindings& protocols_;
  std::atomic<std::size_t> next_{0};
  std::vector<std::string> parts_;  // one per node, each written by the thread that took it
};

}  // namespace sim::run

#endif  // MCASTLAB_SIM_RUN_STATE_DUMP_H_
