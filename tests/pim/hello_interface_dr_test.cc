// HelloInterface's DR election (RFC 7761 §4.3.2) and LAN Prune Delay values (§4.3.3) as the
// neighbor table changes: which event re-runs the election, when DrChanged is called, and the
// trace line it leaves. This router is 10.0.0.2; the pure rules are in dr_election_test.cc and
// lan_prune_delay_test.cc.
#include <gtest/gtest.h>

#include <vector>

#include "pim/hello_interface.h"
#include "tests/pim/hello_test_port.h"

namespace pim::hello_testing {
namespace {

using sim::core::Milliseconds;
using sim::core::Seconds;
using sim::wire::PimLanPruneDelay;

TEST_F(HelloInterfaceTest, StartMakesThisRouterDr) {
  hello_.Start();
  EXPECT_TRUE(hello_.is_dr());
  EXPECT_EQ(hello_.dr(), kMe);
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(0), "dr 10.0.0.2 me")}));
  EXPECT_EQ(port_.traces,
            (std::vector<std::string>{
                "pim.dr from=none event=start to=10.0.0.2 i_am_dr=true by=priority"}));
}

TEST_F(HelloInterfaceTest, NeighborWithHigherPriorityBecomesDr) {
  StartQuietly();
  hello_.OnHelloReceived(kLow, NeighborHello(/*dr_priority=*/10));
  EXPECT_EQ(hello_.dr(), kLow);
  EXPECT_FALSE(hello_.is_dr());
  EXPECT_EQ(port_.log,
            (std::vector<Did>{At(Seconds(5), "up 10.0.0.1"), At(Seconds(5), "dr 10.0.0.1")}));
  EXPECT_EQ(port_.traces.back(),
            "pim.dr from=10.0.0.2 event=new neighbor to=10.0.0.1 i_am_dr=false by=priority");
}

TEST_F(HelloInterfaceTest, EqualPrioritiesElectHighestAddress) {
  StartQuietly();
  hello_.OnHelloReceived(kLow, NeighborHello(1));  // lower address: no change, no call
  EXPECT_EQ(port_.log, (std::vector<Did>{At(Seconds(5), "up 10.0.0.1")}));
  hello_.OnHelloReceived(kHigh, NeighborHello(1));
  EXPECT_EQ(hello_.dr(), kHigh);
  EXPECT_EQ(port_.log.back(), At(Seconds(5), "dr 10.0.0.3"));
}

TEST_F(HelloInterfaceTest, NeighborWithoutPriorityOptionMakesElectionByAddressAlone) {
  hello_.SetDrPriority(100);  // stored while stopped
  StartQuietly();
  hello_.OnHelloReceived(kHigh, NeighborHello(1));
  EXPECT_TRUE(hello_.is_dr());  // by priority: 100 > 1
  EXPECT_TRUE(hello_.dr_by_priority());
  hello_.OnHelloReceived(kLow, NeighborHello(std::nullopt));
  // RFC 7761 §4.3.2: one neighbor without the option, and the highest address wins.
  EXPECT_EQ(hello_.dr(), kHigh);
  EXPECT_FALSE(hello_.dr_by_priority());
  EXPECT_EQ(port_.traces.back(),
            "pim.dr from=10.0.0.2 event=new neighbor to=10.0.0.3 i_am_dr=false by=address");
  // It leaves with a goodbye: priorities count again.
  hello_.OnHelloReceived(kLow, NeighborHello(1, 0x1000, 0));
  EXPECT_TRUE(hello_.is_dr());
  EXPECT_EQ(port_.traces.back(),
            "pim.dr from=10.0.0.3 event=neighbor goodbye to=10.0.0.2 i_am_dr=true by=priority");
}

TEST_F(HelloInterfaceTest, NeighborPriorityChangeInItsHelloReElects) {
  StartQuietly();
  hello_.OnHelloReceived(kLow, NeighborHello(1));
  RunUntil(Seconds(35));
  hello_.OnHelloReceived(kLow, NeighborHello(9));
  EXPECT_EQ(hello_.dr(), kLow);
  EXPECT_EQ(port_.log.back(), At(Seconds(35), "dr 10.0.0.1"));
  EXPECT_EQ(port_.traces.back(),
            "pim.dr from=10.0.0.2 event=neighbor hello to=10.0.0.1 i_am_dr=false by=priority");
}

TEST_F(HelloInterfaceTest, SetDrPrioritySendsHelloAtOnceAndReElects) {
  StartQuietly();
  hello_.OnHelloReceived(kHigh, NeighborHello(1));  // DR 10.0.0.3
  RunUntil(Seconds(50));
  port_.log.clear();
  port_.traces.clear();
  hello_.SetDrPriority(5);
  EXPECT_EQ(port_.log,
            (std::vector<Did>{At(Seconds(50), "hello 105"), At(Seconds(50), "dr 10.0.0.2 me")}));
  EXPECT_EQ(port_.hellos.back().dr_priority, 5u);
  EXPECT_EQ(port_.traces[0],
            "pim.hello reason=priority change holdtime=105 dr_priority=5 generation_id=0xfa1617c5");
  EXPECT_EQ(port_.traces[1],
            "pim.dr from=10.0.0.3 event=priority change to=10.0.0.2 i_am_dr=true by=priority");
  // The Hello Timer keeps its schedule: next periodic Hello at 4.05 + 60 s.
  EXPECT_EQ(hello_.next_hello_at(), T(sim::core::Nanoseconds(64'046'420'846)));
  hello_.SetDrPriority(5);  // unchanged: nothing
  EXPECT_EQ(port_.log.size(), 2u);
}

TEST_F(HelloInterfaceTest, LoweredPriorityHandsDrToNeighbor) {
  StartQuietly();
  hello_.OnHelloReceived(kLow, NeighborHello(1));
  hello_.SetDrPriority(0);
  EXPECT_EQ(hello_.dr(), kLow);
  EXPECT_EQ(port_.log.back(), At(Seconds(5), "dr 10.0.0.1"));
}

TEST_F(HelloInterfaceTest, DrExpiryReElectsNextBest) {
  StartQuietly();
  hello_.OnHelloReceived(kHigh, NeighborHello(1));
  hello_.OnHelloReceived(kHigher, NeighborHello(1, 0x1000, 60));  // DR, expires at 65 s
  EXPECT_EQ(hello_.dr(), kHigher);
  RunUntil(Seconds(65));
  EXPECT_EQ(hello_.dr(), kHigh);
  EXPECT_EQ(port_.log.back(), At(Seconds(65), "dr 10.0.0.3"));
  EXPECT_EQ(port_.traces.back(),
            "pim.dr from=10.0.0.4 event=neighbor expired to=10.0.0.3 i_am_dr=false by=priority");
  RunUntil(Seconds(110));  // 10.0.0.3 expires too: back to this router
  EXPECT_EQ(port_.log.back(), At(Seconds(110), "dr 10.0.0.2 me"));
}

TEST_F(HelloInterfaceTest, RestartedNeighborReElectsWithItsNewOptions) {
  StartQuietly();
  hello_.OnHelloReceived(kHigh, NeighborHello(1, 0x1000));
  RunUntil(Seconds(40));
  hello_.OnHelloReceived(kHigh, NeighborHello(0, 0x2000));  // came back with priority 0
  EXPECT_TRUE(hello_.is_dr());
  EXPECT_EQ(port_.traces.back(),
            "pim.dr from=10.0.0.3 event=neighbor restarted to=10.0.0.2 i_am_dr=true by=priority");
}

TEST_F(HelloInterfaceTest, LanDelayOwnValuesWithoutNeighbors) {
  config_.propagation_delay = Milliseconds(700);
  config_.override_interval = Milliseconds(3000);
  StartQuietly();
  EXPECT_TRUE(hello_.lan_delay_enabled());
  EXPECT_EQ(hello_.effective_propagation_delay(), Milliseconds(700));
  EXPECT_EQ(hello_.effective_override_interval(), Milliseconds(3000));
  EXPECT_EQ(hello_.jp_override_interval(), Milliseconds(3700));
  EXPECT_EQ(hello_.own_lan_prune_delay(), (PimLanPruneDelay{false, 700, 3000}));
}

TEST_F(HelloInterfaceTest, LanDelayLargestOnLinkThenDefaultsWhenNeighborLacksOption) {
  StartQuietly();
  auto with_delay = NeighborHello();
  with_delay.lan_prune_delay = PimLanPruneDelay{true, 800, 1000};
  hello_.OnHelloReceived(kLow, with_delay);
  EXPECT_EQ(hello_.effective_propagation_delay(), Milliseconds(800));   // theirs
  EXPECT_EQ(hello_.effective_override_interval(), Milliseconds(2500));  // ours
  EXPECT_TRUE(hello_.suppression_enabled());                            // our T bit is clear
  auto without = NeighborHello();
  without.lan_prune_delay.reset();
  hello_.OnHelloReceived(kHigh, without);
  EXPECT_FALSE(hello_.lan_delay_enabled());
  EXPECT_EQ(hello_.jp_override_interval(), Milliseconds(3000));  // §4.11 defaults
  // The neighbor without the option says goodbye: its values are gone with it.
  hello_.OnHelloReceived(kHigh, NeighborHello(1, 0x1000, 0));
  EXPECT_EQ(hello_.jp_override_interval(), Milliseconds(3300));
}

}  // namespace
}  // namespace pim::hello_testing
