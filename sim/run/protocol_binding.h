// How a protocol plugs into a run: the runner knows protocols only through this interface, so
// a new protocol is a new folder plus one binding file in sim/run (igmp_binding.cc, ...), listed
// once in protocol_bindings.cc.
//
// A binding attaches its protocol to the nodes a scenario runs it on, applies the parts of a
// `set` event it owns, adds its tables to state snapshots, and evaluates its expectation kinds.
#ifndef MCASTLAB_SIM_RUN_PROTOCOL_BINDING_H_
#define MCASTLAB_SIM_RUN_PROTOCOL_BINDING_H_

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "sim/net/network.h"
#include "sim/run/outcome.h"
#include "sim/scenario/scenario.h"

namespace sim::run {

using SetTraceFields = core::TraceFields;

class ProtocolBinding {
 public:
  virtual ~ProtocolBinding() = default;

  // The switch for `spec` when this protocol needs a switch type of its own (a snooping
  // switch); nullptr to let the runner make the plain one. Asked for switches only.
  virtual net::Node* AddNode(const scenario::Node& /*spec*/, net::Network& /*network*/) { return nullptr; }
  // Runs the protocol on the nodes that the scenario asks for. Called once the links exist and
  // unicast routes are computed, so protocols start on interfaces that are up.
  virtual void Attach(const scenario::Scenario& s, net::Network& network) = 0;
  // Applies the parts of `set` this protocol owns, and says what it did in `fields`.
  virtual void ApplySet(const scenario::SetAction& /*set*/, net::Network& /*network*/,
                        SetTraceFields& /*fields*/) {}
  // Appends this protocol's tables of `node` ("# show ..." headed) to a snapshot.
  virtual void DumpTables(const net::Node& /*node*/, std::string& /*out*/) const {}
  // Evaluates `check` into o when it is one of this protocol's kinds; returns false otherwise.
  virtual bool Evaluate(const scenario::Check& /*check*/, net::Network& /*network*/, Outcome& /*o*/) const {
    return false;
  }
};

using ProtocolBindings = std::vector<std::unique_ptr<ProtocolBinding>>;

// Every protocol mcastlab has, for the scenario `s` (which must outlive them).
ProtocolBindings MakeProtocolBindings(const scenario::Scenario& s);

}  // namespace sim::run

#endif  // MCASTLAB_SIM_RUN_PROTOCOL_BINDING_H_
