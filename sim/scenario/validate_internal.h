// Shared state of the validation passes (validate*.cc). Private to sim/scenario.
#ifndef MCASTLAB_SIM_SCENARIO_VALIDATE_INTERNAL_H_
#define MCASTLAB_SIM_SCENARIO_VALIDATE_INTERNAL_H_

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/scenario/error_list.h"
#include "sim/scenario/scenario.h"

namespace sim::scenario {

// An endpoint that names an existing interface or port, at its first use.
struct Wire {
  std::size_t link = 0;
  std::size_t endpoint = 0;  // index in the link's endpoints
  std::size_t node = 0;
  std::size_t interface = 0;  // index in the node's interfaces (or ports)
};

class Checker {
 public:
  Checker(const Scenario& s, ErrorList& errors);

  const Scenario& scenario() const { return s_; }
  void Error(std::string path, std::string message) {
    errors_.Add(std::move(path), std::move(message));
  }

  // The node or link of that name (the first one, if names repeat), or nothing.
  std::optional<std::size_t> NodeIndex(std::string_view name) const;
  const Node* FindNode(std::string_view name) const;
  const Link* FindLink(std::string_view name) const;

  // Reports an unknown node or one of the wrong type at `path`; returns the node when it is one
  // of `types`. `need` completes "listen needs a host".
  const Node* NeedNode(const std::string& path, std::string_view name,
                       std::initializer_list<NodeType> types, std::string_view need);
  void UnknownNode(const std::string& path, std::string_view name);
  // Reports `message` at `path`, then " (did you mean ...?)" when one of `known` is near `name`,
  // then `advice`. Every unknown node, link, interface, port and socket is reported through here.
  void UnknownName(const std::string& path, std::string message, std::string_view name,
                   const std::vector<std::string>& known, std::string_view advice = "");
  // Reports `path` when `node` has no interface (port) called `name`.
  bool NeedInterface(const std::string& path, const Node& node, std::string_view name);
  bool NeedLink(const std::string& path, std::string_view name);

  std::vector<Wire> wires;  // filled by the endpoint checks, used by the layer-2 checks

 private:
  const Scenario& s_;
  ErrorList& errors_;
  std::map<std::string, std::size_t, std::less<>> nodes_;
  std::map<std::string, std::size_t, std::less<>> links_;
};

// validate_l2.cc: layer-2 loops, and subnets shared by interfaces on one layer-2 segment.
void CheckLayer2(Checker& c);

// validate_timeline.cc: events in time order (sockets opened before use), then expectations.
void CheckEvents(Checker& c);
void CheckExpectations(Checker& c);

}  // namespace sim::scenario

#endif  // MCASTLAB_SIM_SCENARIO_VALIDATE_INTERNAL_H_
