#include "sim/run/state_checks.h"

#include <stdexcept>

#include "sim/net/router.h"
#include "sim/run/name_list.h"

namespace sim::run {
namespace {

void EvaluateMroute(const scenario::MrouteCheck& c, net::Network& net, Outcome& o) {
  const auto& router = dynamic_cast<const net::Router&>(*net.FindNode(c.node));
  const std::string sg = "(" + (c.source ? wire::ToString(*c.source) : std::string("*")) + ", " +
                         wire::ToString(c.group) + ")";
  const net::MfibEntry* e = router.mfib().Find({c.source.value_or(wire::Ipv4Address()), c.group});
  if (c.absent) {
    o.expected = "no " + sg + " route";
    o.found = e == nullptr ? "none" : sg + " present";
    o.passed = e == nullptr;
    return;
  }
  o.expected = sg;
  if (c.iif) o.expected += " iif " + *c.iif;
  if (c.oifs) o.expected += " oifs " + NameList(*c.oifs);
  if (e == nullptr) {
    o.found = "no " + sg + " route";
    return;
  }
  const std::string iif = e->iif < router.interfaces().size() ? router.interfaces()[e->iif]->name() : "Null";
  std::vector<std::string> oifs;
  for (std::uint32_t i : e->oifs) oifs.push_back(router.interfaces()[i]->name());
  o.found = sg + " iif " + iif + " oifs " + NameList(oifs);
  o.passed = (!c.iif || *c.iif == iif) && (!c.oifs || NameList(*c.oifs) == NameList(oifs));
}

}  // namespace

bool IsStateCheck(const scenario::Check& c) {
  // Every kind but the runner's counting kinds looks at tables at an instant.
  return !std::holds_alternative<scenario::ReceivedCheck>(c) && !std::holds_alternative<scenario::PacketsCheck>(c) &&
         !std::holds_alternative<scenario::SocketErrorCheck>(c);
}

void EvaluateStateCheck(const scenario::Check& c, net::Network& network, const ProtocolBindings& protocols,
                        Outcome& o) {
  if (const auto* m = std::get_if<scenario::MrouteCheck>(&c)) {
    EvaluateMroute(*m, network, o);
    return;
  }
  for (const auto& p : protocols) {
    if (p->Evaluate(c, network, o)) return;
  }
  // A state kind no binding evaluates is a programming error, never a silent pass or fail.
  throw std::logic_error("no protocol evaluates the " + o.kind + " expectation");
}

}  // namespace sim::run
