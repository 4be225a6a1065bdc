// How much work a loaded scenario asks for, computed before running it, so that a typo such as
// "rate": "1000000000pps" or "count": 4294967295 is refused at load time instead of running for
// an hour. The figures are upper bounds in the common case; they come from the scenario alone.
//
// With D the duration, E(l) the endpoints of link l, and a segment the links joined by switches
// (one broadcast domain, its size the sum of E(l) over its links):
//
//   datagrams = sum over send events of
//                 count                                          (a send without a rate)
//                 floor((min(until, D) - at) / interval) + 1     (a rate send: one at `at`, then
//                                                                 one every interval up to `until`,
//                                                                 none after D, as the timeline does)
//
//   control_messages = sum over segments of
//     queries  = Q(c) summed over the IGMP queriers c on the segment (every router interface and
//                every switch's snooping querier), Q(c) = startup_query_count + floor(D / query_interval),
//                plus startup_query_count + 1 again for each `node up` of its node or `link up`
//                of its link
//     reports  = queries x (groups joined on the segment by IGMPv1/v2 hosts, one report per
//                group per query after suppression, + IGMPv3 hosts joining, one report each)
//     joins x host robustness (unsolicited reports)
//     leaves x (host robustness + largest last_member_query_count on the segment)
//     pim      = P(i) summed over the PIM interfaces i of routers on the segment,
//                P(i) = floor(D / hello_period) + 1 (Hellos, the first one included)
//                     + floor(D / join_prune_period) + 1 when any join is in the timeline (at most
//                       one periodic Join/Prune per interface per period: they are aggregated)
//                plus the same again for each `node up` of its router or `link up` of its link
//
//   frames = sum over send events of their datagrams x the frames of one: 1, or for a datagram
//            over the 1500-byte MTU its IP fragments, ceil((size + 8) / 1480)
//
//   deliveries = frames x (sum of E(l) over all links)
//              + sum over segments of control_messages(segment) x size(segment)
//
//   weighted_deliveries = the first term + kControlCost x the second (the figure that is limited)
//
// A datagram crossing a loop-free tree reaches each link endpoint at most once, so the first
// term bounds its frame receptions; the real count is lower when a datagram takes one path or
// finds no listeners. Left out on purpose (small or rare next to the terms above): ARP, ICMP
// errors, triggered PIM messages (Joins and Prunes on membership changes, Registers, which carry
// datagrams already counted, and Register-Stops), multicast loops made by static mroutes, and `set` events that shorten the query interval after
// load time. Every sum and product saturates at UINT64_MAX.
#ifndef MCASTLAB_SIM_RUN_WORK_ESTIMATE_H_
#define MCASTLAB_SIM_RUN_WORK_ESTIMATE_H_

#include <cstdint>
#include <optional>
#include <string>

#include "sim/core/time.h"
#include "sim/scenario/scenario.h"

namespace sim::run {

// An IGMP message costs more than a datagram: it runs protocol timers and state machines and adds
// lines to the trace that events.jsonl keeps in memory. Measured over ten million simulated
// seconds of igmp-leave and igmp-report-suppression: 0.4 to 1.2 M receptions/s against 12 M/s
// for the datagrams of the tree benchmark (10 to 33 times slower), and 250 to 1,300 bytes of trace
// per message. So a control reception weighs 32 datagram receptions.
inline constexpr std::uint64_t kControlCost = 32;

struct WorkEstimate {
  std::uint64_t datagrams = 0;
  std::uint64_t control_messages = 0;
  std::uint64_t datagram_deliveries = 0;  // the first term of `deliveries`
  std::uint64_t control_deliveries = 0;   // the second term
  std::uint64_t deliveries = 0;           // frame receptions: the sum of both terms
  std::uint64_t weighted_deliveries = 0;  // datagram_deliveries + kControlCost x control_deliveries
  std::uint64_t link_endpoints = 0;       // sum of E(l)
  // The send event with the most datagrams ("/events/N"), empty when there is none.
  std::string busiest_send;
  std::uint64_t busiest_send_datagrams = 0;
  core::Duration duration;  // the scenario's, for the message
};

WorkEstimate EstimateWork(const scenario::Scenario& s);

// A billion weighted deliveries. The tree benchmark (64 x 100 hosts, 1000 pps for 10 s) makes
// 64 M datagram receptions in 5 to 10 s (6 to 12 M/s) and weighs about 110 M, so the limit is nine
// times the benchmark and one to three minutes of work, while every shipped scenario weighs under 50
// thousand (the largest, 3,900). Each typo this guards against weighs more: "count": 4294967295
// (8.6 G on one cable), "1000000000pps" for a second (2 G), a duration of 9223372036 s on a LAN
// with a querier and a member (14 G).
inline constexpr std::uint64_t kDefaultMaxDeliveries = 1'000'000'000;

// Why a scenario is refused (it names the figures, the send event or the duration that dominates,
// and `--allow-large`), or nullopt when its weighted deliveries are within `max_deliveries`.
std::optional<std::string> RefuseLargeWork(const WorkEstimate& w, std::uint64_t max_deliveries);

}  // namespace sim::run

#endif  // MCASTLAB_SIM_RUN_WORK_ESTIMATE_H_
