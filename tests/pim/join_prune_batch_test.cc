// Join/Prune messages out: one message per (interface, upstream neighbor) and instant, sent once
// the instant's events are done; (*,G) as the RP with WC and RPT, (S,G) as the source; the
// holdtime in whole seconds, rounded up.
#include "pim/join_prune_batch.h"

#include <gtest/gtest.h>

#include <utility>
#include <vector>

#include "sim/core/scheduler.h"
#include "tests/support/timed_log.h"

namespace pim {
namespace {

using sim::core::Milliseconds;
using sim::core::Seconds;
using sim::wire::EncodedSource;
using sim::wire::Ipv4Address;
using sim::wire::PimJoinPrune;
using testing_support::T;

constexpr Ipv4Address kRp{10, 9, 9, 9}, kNeighbor{10, 0, 0, 2}, kOther{10, 0, 1, 2};
constexpr Ipv4Address kG1{239, 1, 1, 1}, kG2{239, 2, 2, 2}, kS{10, 1, 0, 10};

struct Sent {
  sim::core::Time at;
  std::uint32_t interface;
  PimJoinPrune message;
};

TEST(JoinPruneBatch, OneMessagePerNeighborAndInstantAfterTheInstantsEvents) {
  sim::core::Scheduler s;
  std::vector<Sent> sent;
  JoinPruneBatch batch(s, 1, [&](std::uint32_t i, const PimJoinPrune& m) { sent.push_back({s.Now(), i, m}); });
  s.ScheduleAt(T(Seconds(60)), 1, [&] {
    batch.Add(0, kNeighbor, Seconds(210), JoinKey::StarG(kG1), kRp, true);
    batch.Add(0, kNeighbor, Seconds(210), JoinKey::SG(kS, kG1), kRp, true);
    batch.Add(0, kNeighbor, Seconds(210), JoinKey::StarG(kG2), kRp, false);
    batch.Add(1, kOther, Milliseconds(500), JoinKey::StarG(kG1), kRp, true);
    EXPECT_TRUE(sent.empty());  // nothing leaves inside the event
  });
  s.RunUntil(T(Seconds(61)));
  ASSERT_EQ(sent.size(), 2u);
  EXPECT_EQ(sent[0].at, T(Seconds(60)));
  EXPECT_EQ(sent[0].interface, 0u);
  const EncodedSource star{kRp, 32, true, true, true};
  EXPECT_EQ(sent[0].message, (PimJoinPrune{kNeighbor, 210,
                                           {{sim::wire::EncodedGroup{kG1}, {star, EncodedSource{kS}}, {}},
                                            {sim::wire::EncodedGroup{kG2}, {}, {star}}}}));
  // Another neighbor gets its own message; 500 ms goes out as 1 s, never as 0 (which would
  // make the upstream router drop the Join at once).
  EXPECT_EQ(sent[1].interface, 1u);
  EXPECT_EQ(sent[1].message.upstream_neighbor, kOther);
  EXPECT_EQ(sent[1].message.holdtime_s, 1);
}

// The group count is 8 bits: 600 groups to one neighbor go out as messages of 255, 255 and 90,
// the groups in the order they were added. 255 fit in one.
TEST(JoinPruneBatch, MoreThan255GroupsAreSplitIntoMessagesOf255) {
  sim::core::Scheduler s;
  std::vector<Sent> sent;
  JoinPruneBatch batch(s, 1, [&](std::uint32_t i, const PimJoinPrune& m) { sent.push_back({s.Now(), i, m}); });
  auto group = [](int k) { return Ipv4Address(239, 1, static_cast<std::uint8_t>(k / 256), static_cast<std::uint8_t>(k % 256)); };
  s.ScheduleAt(T(Seconds(1)), 1, [&] {
    for (int k = 0; k < 600; ++k) batch.Add(0, kNeighbor, Seconds(210), JoinKey::StarG(group(k)), kRp, true);
  });
  s.ScheduleAt(T(Seconds(2)), 1, [&] {
    for (int k = 0; k < 255; ++k) batch.Add(0, kNeighbor, Seconds(210), JoinKey::StarG(group(k)), kRp, true);
  });
  s.RunUntil(T(Seconds(3)));
  ASSERT_EQ(sent.size(), 4u);
  // All three parts at the instant of their Adds, after that instant's events.
  for (int k = 0; k < 3; ++k) EXPECT_EQ(sent[k].at, T(Seconds(1))) << k;
  EXPECT_EQ(sent[0].message.groups.size(), 255u);
  EXPECT_EQ(sent[1].message.groups.size(), 255u);
  EXPECT_EQ(sent[2].message.groups.size(), 90u);
  EXPECT_EQ(sent[0].message.groups.front().group.group, group(0));
  EXPECT_EQ(sent[1].message.groups.front().group.group, group(255));
  EXPECT_EQ(sent[2].message.groups.back().group.group, group(599));
  EXPECT_EQ(sent[2].message.holdtime_s, 210);
  EXPECT_EQ(sent[3].at, T(Seconds(2)));
  EXPECT_EQ(sent[3].message.groups.size(), 255u);
}

TEST(JoinPruneBatch, ClearDropsWhatWasNotSent) {
  sim::core::Scheduler s;
  int sent = 0;
  JoinPruneBatch batch(s, 1, [&](std::uint32_t, const PimJoinPrune&) { ++sent; });
  batch.Add(0, kNeighbor, Seconds(210), JoinKey::StarG(kG1), kRp, true);
  batch.Clear();
  s.RunUntil(T(Seconds(1)));
  EXPECT_EQ(sent, 0);
  EXPECT_EQ(s.pending_events(), 0u);
}

TEST(JoinPruneBatch, SgRptPruneRidesInTheGroupOfTheStarGJoin) {
  // The last-hop router after its switch to the SPT: Join(*,G) and Prune(S,G,rpt) to the RP's
  // direction in one message, in G's entry; S with RPT and without WC. A repeat is not doubled.
  sim::core::Scheduler s;
  std::vector<Sent> sent;
  JoinPruneBatch batch(s, 1, [&](std::uint32_t i, const PimJoinPrune& m) { sent.push_back({s.Now(), i, m}); });
  s.ScheduleAt(T(Seconds(60)), 1, [&] {
    batch.Add(0, kNeighbor, Seconds(210), JoinKey::StarG(kG1), kRp, true);
    batch.AddRpt(0, kNeighbor, Seconds(210), JoinKey::SG(kS, kG1), false);
    batch.AddRpt(0, kNeighbor, Seconds(210), JoinKey::SG(kS, kG1), false);
    batch.AddRpt(0, kNeighbor, Seconds(210), JoinKey::StarG(kG2), false);  // no source: nothing
  });
  s.RunUntil(T(Seconds(61)));
  ASSERT_EQ(sent.size(), 1u);
  const EncodedSource star{kRp, 32, true, true, true};
  const EncodedSource rpt{kS, 32, true, false, true};
  EXPECT_EQ(sent[0].message,
            (PimJoinPrune{kNeighbor, 210, {{sim::wire::EncodedGroup{kG1}, {star}, {rpt}}}}));
}

}  // namespace
}  // namespace pim
