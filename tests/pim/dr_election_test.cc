// ElectDr (RFC 7761 §4.3.2): named cases, then every small LAN against a literal
// transcription of the RFC's DR(I) and dr_is_better pseudocode.
#include "pim/dr_election.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

namespace pim {
namespace {

using sim::wire::Ipv4Address;

constexpr Ipv4Address kMe{10, 0, 0, 2};
constexpr Ipv4Address kLow{10, 0, 0, 1};
constexpr Ipv4Address kHigh{10, 0, 0, 3};

TEST(ElectDr, AloneIsDr) {
  const DrElection e = ElectDr(kMe, 1, {});
  EXPECT_EQ(e.dr, kMe);
  EXPECT_TRUE(e.by_priority);
}

TEST(ElectDr, HighestPriorityWinsOverHigherAddress) {
  const std::vector<DrCandidate> n = {{kLow, 7}, {kHigh, 6}};
  EXPECT_EQ(ElectDr(kMe, 1, n).dr, kLow);
}

TEST(ElectDr, EqualPrioritiesHighestAddressWins) {
  const std::vector<DrCandidate> n = {{kHigh, 1}, {kLow, 1}};
  EXPECT_EQ(ElectDr(kMe, 1, n).dr, kHigh);
}

TEST(ElectDr, PriorityIsUnsigned32Bits) {
  const std::vector<DrCandidate> n = {{kHigh, 0x7fffffff}};
  EXPECT_EQ(ElectDr(kMe, 0xffffffff, n).dr, kMe);
}

TEST(ElectDr, OneNeighborWithoutOptionMeansAddressAlone) {
  // This router and 10.0.0.1 have the highest priorities, but 10.0.0.3 sent none.
  const std::vector<DrCandidate> n = {{kLow, 50}, {kHigh, std::nullopt}};
  const DrElection e = ElectDr(kMe, 100, n);
  EXPECT_EQ(e.dr, kHigh);
  EXPECT_FALSE(e.by_priority);
  const std::vector<DrCandidate> low_without = {{kLow, std::nullopt}, {kHigh, 1}};
  EXPECT_EQ(ElectDr(kMe, 100, low_without).dr, kHigh);  // not this router, despite 100
}

// RFC 7761 §4.3.2, written out as the RFC writes it.
struct Router {
  Ipv4Address address;
  std::optional<std::uint32_t> dr_priority;
};

bool DrIsBetter(const Router& a, const Router& b, const std::vector<Router>& neighbors) {
  for (const Router& n : neighbors) {
    if (!n.dr_priority) return a.address > b.address;
  }
  return (*a.dr_priority > *b.dr_priority) ||
         (*a.dr_priority == *b.dr_priority && a.address > b.address);
}

Ipv4Address ReferenceDr(const Router& me, const std::vector<Router>& neighbors) {
  Router dr = me;
  for (const Router& a : neighbors) {
    if (DrIsBetter(a, dr, neighbors)) dr = a;
  }
  return dr.address;
}

TEST(ElectDr, AgreesWithRfcPseudocodeOnEverySmallLan) {
  // Up to three neighbors around this router (10.0.0.2), each absent or present with no
  // option or priority 0, 1 or 2, in both orders of the list; this router at 0, 1 or 2.
  const std::vector<Ipv4Address> addresses = {kLow, kHigh, Ipv4Address(10, 0, 0, 4)};
  const std::vector<std::optional<std::optional<std::uint32_t>>> choices = {
      std::nullopt, std::optional<std::uint32_t>(), 0u, 1u, 2u};
  int cases = 0;
  for (std::uint32_t mine = 0; mine <= 2; ++mine) {
    for (const auto& c0 : choices) {
      for (const auto& c1 : choices) {
        for (const auto& c2 : choices) {
          std::vector<Router> routers;
          const std::optional<std::optional<std::uint32_t>> picks[] = {c0, c1, c2};
          for (int i = 0; i < 3; ++i) {
            if (picks[i]) routers.push_back({addresses[i], *picks[i]});
          }
          for (bool reversed : {false, true}) {
            if (reversed) std::reverse(routers.begin(), routers.end());
            std::vector<DrCandidate> candidates;
            for (const Router& r : routers) candidates.push_back({r.address, r.dr_priority});
            EXPECT_EQ(ElectDr(kMe, mine, candidates).dr, ReferenceDr({kMe, mine}, routers))
                << "case " << cases;
            ++cases;
          }
        }
      }
    }
  }
  EXPECT_EQ(cases, 3 * 5 * 5 * 5 * 2);
}

}  // namespace
}  // namespace pim
