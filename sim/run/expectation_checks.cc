#include "sim/run/expectation_checks.h"

#include <algorithm>

#include "sim/run/packet_class.h"
#include "sim/run/state_checks.h"

namespace sim::run {
namespace {

using scenario::Expectation;

// Counting windows: [from, until]; an `at` counts everything up to that instant.
bool InWindow(const Expectation& e, core::Time t) {
  const core::Duration d = t.since_start();
  if (e.at) return d <= *e.at;
  return d >= e.from && d <= e.until;
}

std::string Range(std::uint64_t min, std::optional<std::uint64_t> max, std::string_view what) {
  const std::string unit(what);
  if (max && *max == min) return "exactly " + std::to_string(min) + " " + unit;
  if (max) return "between " + std::to_string(min) + " and " + std::to_string(*max) + " " + unit;
  return "at least " + std::to_string(min) + " " + unit;
}

bool InRange(std::uint64_t n, std::uint64_t min, std::optional<std::uint64_t> max) {
  return n >= min && (!max || n <= *max);
}

}  // namespace

ExpectationChecks::ExpectationChecks(const scenario::Scenario& s, net::Network& network,
                                     RunRecorder& recorder, const ProtocolBindings& protocols)
    : scenario_(s), network_(network), recorder_(recorder), protocols_(protocols),
      counts_(s.expectations.size(), 0), decided_(s.expectations.size()) {}

void ExpectationChecks::Arm() {
  for (std::size_t i = 0; i < scenario_.expectations.size(); ++i) {
    const Expectation& e = scenario_.expectations[i];
    if (IsStateCheck(e.check)) {
      const core::Duration when = e.at.value_or(e.until);
      network_.scheduler().ScheduleAt(core::Time::Start() + when, core::kNoNode,
                                      [this, i, &e] { decided_[i] = Evaluate(e); });
    } else {
      ArmCounter(i);
    }
  }
}

void ExpectationChecks::ArmCounter(std::size_t i) {
  const Expectation& e = scenario_.expectations[i];
  std::uint64_t& count = counts_[i];
  if (const auto* c = std::get_if<scenario::ReceivedCheck>(&e.check)) {
    auto& host = dynamic_cast<net::Host&>(*network_.FindNode(c->node));
    host.AddReceptionObserver([&e, c, &count](const net::Reception& r) {
      if (!InWindow(e, r.at)) return;
      if (c->socket && r.socket.name != *c->socket) return;
      if (c->group && r.destination != *c->group) return;
      if (c->source && r.source != *c->source) return;
      ++count;
    });
  } else if (const auto* p = std::get_if<scenario::PacketsCheck>(&e.check)) {
    const net::Link* link = network_.FindLink(p->link);
    recorder_.Watch(link->index(), [&e, p, &count](core::Time at, wire::ByteSpan frame) {
      if (!InWindow(e, at)) return;
      auto cls = ClassifyFrame(frame);
      if (!cls || cls->type != p->type) return;
      if (p->group && std::find(cls->groups.begin(), cls->groups.end(), *p->group) == cls->groups.end()) return;
      ++count;
    });
  }
}

std::vector<Outcome> ExpectationChecks::Finish() {
  std::vector<Outcome> out;
  for (std::size_t i = 0; i < scenario_.expectations.size(); ++i) {
    out.push_back(decided_[i] ? *decided_[i] : Evaluate(scenario_.expectations[i]));
  }
  return out;
}

Outcome ExpectationChecks::Evaluate(const Expectation& e) {
  Outcome o;
  o.index = e.index;
  o.kind = std::string(scenario::KindName(e.check));
  o.path = e.json_path;
  const std::uint64_t n = counts_[&e - scenario_.expectations.data()];
  if (const auto* c = std::get_if<scenario::ReceivedCheck>(&e.check)) {
    o.expected = Range(c->min, c->max, "datagrams");
    o.found = std::to_string(n) + " datagrams";
    o.passed = InRange(n, c->min, c->max);
  } else if (const auto* p = std::get_if<scenario::PacketsCheck>(&e.check)) {
    o.expected = Range(p->min, p->max, std::string(scenario::ToString(p->type)) + " frames");
    o.found = std::to_string(n) + " frames";
    o.passed = InRange(n, p->min, p->max);
  } else if (const auto* se = std::get_if<scenario::SocketErrorCheck>(&e.check)) {
    const auto& host = dynamic_cast<const net::Host&>(*network_.FindNode(se->node));
    std::uint64_t errors = 0;
    for (const auto& [socket, rec] : host.socket_errors()) {
      if (socket == se->socket && InWindow(e, rec.at)) ++errors;
    }
    o.expected = std::string(scenario::ToString(se->error)) + " on socket " + se->socket;
    o.found = errors == 0 ? "no error" : std::to_string(errors) + " ECONNREFUSED";
    o.passed = errors > 0;
  } else {
    EvaluateStateCheck(e.check, network_, protocols_, o);
  }
  return o;
}

}  // namespace sim::run
