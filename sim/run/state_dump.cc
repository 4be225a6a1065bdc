#include "sim/run/state_dump.h"

#include <map>
#include <string_view>

#include "sim/core/text_table.h"
#include "sim/net/host.h"
#include "sim/net/l2_switch.h"
#include "sim/net/router.h"

namespace sim::run {
namespace {

// The node's drop counters so far, one row per reason that has any, reasons in name order.
std::string DumpDrops(const net::Node& node) {
  std::map<std::string_view, std::uint64_t> rows;
  if (const net::DropLog* log = node.drop_log()) {
    for (std::size_t r = 0; r < net::kDropReasonCount; ++r) {
      const auto reason = static_cast<net::DropReason>(r);
      if (log->count(reason) > 0) rows[net::ToString(reason)] = log->count(reason);
    }
  }
  core::TextTable t({"Reason", "Count"});
  for (const auto& [reason, n] : rows) t.Row({std::string(reason), std::to_string(n)});
  return t.Render();
}

void DumpNode(const net::Node& node, const ProtocolBindings& protocols, std::string& out) {
  out += "=== " + node.name() + " (" + std::string(node.type()) + (node.powered() ? "" : ", powered off") + ")\n";
  if (const auto* r = dynamic_cast<const net::Router*>(&node)) {
    out += "# show ip route\n" + r->DumpRoutes() + "# show ip mroute\n" + r->DumpMroutes() + "# show arp\n" +
           r->DumpArpCache();
  } else if (const auto* h = dynamic_cast<const net::Host*>(&node)) {
    out += "# sockets\n" + h->DumpSockets() + "# show arp\n" + h->DumpArpCache();
  } else if (const auto* sw = dynamic_cast<const net::L2Switch*>(&node)) {
    out += "# show mac address-table\n" + sw->DumpMacTable();
  }
  for (const auto& p : protocols) p->DumpTables(node, out);
  out += "# drops\n" + DumpDrops(node);
  out += "\n";
}

}  // namespace

std::string DumpState(const net::Network& network, const ProtocolBindings& protocols) {
  std::string out;
  for (const auto& node : network.nodes()) DumpNode(*node, protocols, out);
  return out;
}

StateDump::StateDump(const net::Network& network, const ProtocolBindings& protocols)
    : network_(network), protocols_(protocols), parts_(network.nodes().size()) {}

void StateDump::Work() {
  const auto& nodes = network_.nodes();
  for (std::size_t i = next_.fetch_add(1, std::memory_order_relaxed); i < nodes.size();
       i = next_.fetch_add(1, std::memory_order_relaxed)) {
    DumpNode(*nodes[i], protocols_, parts_[i]);
  }
}

void StateDump::WriteTo(std::ostream& out) const {
  for (const auto& p : parts_) out << p;
}

}  // namespace sim::run
