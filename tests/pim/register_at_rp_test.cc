// DecideRegisterAtRp (RFC 7761 §4.4.2, packet_arrives_on_rp_tunnel): one test per branch of
// the pseudocode, and per combination of SPTbit, SwitchToSptDesired, receivers and the N bit
// that changes the outcome. The §4.11 keepalive periods are checked with the defaults
// (Keepalive_Period 210 s, RP_Keepalive_Period 3 x 60 s + 5 s = 185 s) and shortened ones.
//
// Each row of the table starts from FirstRegister() (the first data packet of a source, sent
// to this router, the RP for G, which has receivers and SPT switchover on), changes what its
// branch needs, and expects ToString(decision): the path, then each action taken.
#include "pim/register_at_rp.h"

#include <gtest/gtest.h>

#include <ostream>
#include <string>

#include "sim/core/time.h"

namespace pim {
namespace {

using sim::core::Seconds;
using sim::wire::Ipv4Address;

constexpr Ipv4Address kDr{10, 0, 0, 1};
constexpr Ipv4Address kOtherBorder{10, 0, 0, 2};

RegisterAtRpInput FirstRegister() {
  RegisterAtRpInput in;
  in.outer_dst_is_mine = true;
  in.i_am_rp = true;
  in.outer_dst_is_rp = true;
  in.outer_src = kDr;
  in.switch_to_spt_desired = true;
  in.inherited_olist_empty = false;
  return in;
}

// --- the fields of the main paths --------------------------------------------------------------

TEST(RegisterAtRp, FirstRegisterWithReceiversIsForwardedAndTheRpJoins) {
  // No Register-Stop yet (data does not come natively); KAT = Keepalive_Period; the inner
  // packet goes down the shared tree, so the receivers get the first packet; JoinDesired(S,G).
  const RegisterAtRpDecision d = DecideRegisterAtRp(FirstRegister(), Config{});
  EXPECT_EQ(d.path, RegisterAtRpPath::kAccepted);
  EXPECT_EQ(d.record_pmbr, std::nullopt);
  EXPECT_EQ(d.register_stop_to, std::nullopt);
  EXPECT_EQ(d.set_keepalive, Seconds(210));
  EXPECT_TRUE(d.forward_inner);
  EXPECT_TRUE(d.join_toward_source);
}

TEST(RegisterAtRp, OuterDstNotMineIsDroppedSilently) {
  RegisterAtRpInput in = FirstRegister();
  in.outer_dst_is_mine = false;
  const RegisterAtRpDecision d = DecideRegisterAtRp(in, Config{});
  EXPECT_EQ(d.path, RegisterAtRpPath::kDropped);
  EXPECT_EQ(d.register_stop_to, std::nullopt);
  EXPECT_EQ(d.set_keepalive, std::nullopt);
  EXPECT_FALSE(d.forward_inner);
  EXPECT_FALSE(d.join_toward_source);
}

TEST(RegisterAtRp, BorderBitWithUnknownPmbrRecordsTheOuterSource) {
  RegisterAtRpInput in = FirstRegister();
  in.border_bit = true;
  const RegisterAtRpDecision d = DecideRegisterAtRp(in, Config{});
  EXPECT_EQ(d.record_pmbr, kDr);
  EXPECT_EQ(d.path, RegisterAtRpPath::kAccepted);
}

TEST(RegisterAtRp, RpKeepalivePeriodIsThreeSuppressionsPlusAProbe) {
  EXPECT_EQ(RpKeepalivePeriod(Config{}), Seconds(185));
  Config config;
  config.register_suppression = Seconds(10);
  config.register_probe = Seconds(2);
  EXPECT_EQ(RpKeepalivePeriod(config), Seconds(32));
}

TEST(RegisterAtRpPath, Names) {
  EXPECT_EQ(ToString(RegisterAtRpPath::kDropped), "dropped");
  EXPECT_EQ(ToString(RegisterAtRpPath::kNotRpForGroup), "not RP for G");
  EXPECT_EQ(ToString(RegisterAtRpPath::kOtherBorderRouter), "other border router");
  EXPECT_EQ(ToString(RegisterAtRpPath::kAccepted), "accepted");
}

// --- one row per branch ------------------------------------------------------------------------

struct Branch {
  const char* name;
  void (*change)(RegisterAtRpInput&);
  const char* expected;
  void (*configure)(Config&) = nullptr;
};

// gtest names failing rows by this.
void PrintTo(const Branch& b, std::ostream* os) { *os << b.name; }

void Nothing(RegisterAtRpInput&) {}
void SptBit(RegisterAtRpInput& in) { in.spt_bit = true; }
void NoReceivers(RegisterAtRpInput& in) { in.inherited_olist_empty = true; }
void NoSptSwitchover(RegisterAtRpInput& in) { in.switch_to_spt_desired = false; }
void NullRegister(RegisterAtRpInput& in) { in.null_register = true; }

const Branch kBranches[] = {
    // "if( outer.dst is not one of my addresses ) drop the packet silently".
    {"OuterDstNotMineIsDropped", [](RegisterAtRpInput& in) { in.outer_dst_is_mine = false; },
     "dropped"},
    // "if( I_am_RP(G) AND outer.dst == RP(G) ) ... else send Register-Stop(S,G) to outer.src".
    {"NotRpForGroupSendsRegisterStop", [](RegisterAtRpInput& in) { in.i_am_rp = false; },
     "not RP for G register-stop=10.0.0.1"},
    {"SentToAnotherOfMyAddressesSendsRegisterStop",
     [](RegisterAtRpInput& in) { in.outer_dst_is_rp = false; },
     "not RP for G register-stop=10.0.0.1"},
    // The border bit: PMBR(S,G) unknown is recorded; the known PMBR passes; another router is
    // stopped and its packet dropped (no KAT, no forwarding). Without the bit PMBR is not read.
    {"BorderBitWithUnknownPmbrIsRecorded", [](RegisterAtRpInput& in) { in.border_bit = true; },
     "accepted pmbr=10.0.0.1 kat=210s forward join"},
    {"BorderBitFromTheKnownPmbrIsAccepted",
     [](RegisterAtRpInput& in) {
       in.border_bit = true;
       in.pmbr = kDr;
     },
     "accepted kat=210s forward join"},
    {"BorderBitFromAnotherRouterIsStoppedAndDropped",
     [](RegisterAtRpInput& in) {
       in.border_bit = true;
       in.pmbr = kOtherBorder;
     },
     "other border router register-stop=10.0.0.1"},
    {"PmbrIsNotReadWithoutTheBorderBit", [](RegisterAtRpInput& in) { in.pmbr = kOtherBorder; },
     "accepted kat=210s forward join"},
    // SwitchToSptDesired AND inherited_olist(S,G) != NULL, no SPTbit: no Register-Stop.
    {"FirstRegisterWithReceivers", Nothing, "accepted kat=210s forward join"},
    // SwitchToSptDesired AND inherited_olist(S,G) == NULL: Register-Stop at once; KAT =
    // max(210 s, 185 s); the inner packet is "forwarded" to an empty olist.
    {"RegisterWithoutReceiversIsStopped", NoReceivers,
     "accepted register-stop=10.0.0.1 kat=210s forward"},
    // SPTbit(S,G): Register-Stop; no forwarding (the native copy already went).
    {"RegisterAfterNativeDataIsStopped", SptBit, "accepted register-stop=10.0.0.1 kat=210s join"},
    {"NullRegisterAfterNativeDataIsStopped",
     [](RegisterAtRpInput& in) {
       SptBit(in);
       NullRegister(in);
     },
     "accepted register-stop=10.0.0.1 kat=210s join"},
    // A Null-Register before native data, with receivers, is not answered: the DR resumes
    // encapsulating after Register_Probe_Time. It carries nothing to forward.
    {"NullRegisterBeforeNativeDataIsNotStopped", NullRegister, "accepted kat=210s join"},
    {"NullRegisterWithoutReceiversIsStopped",
     [](RegisterAtRpInput& in) {
       NullRegister(in);
       NoReceivers(in);
     },
     "accepted register-stop=10.0.0.1 kat=210s"},
    // SwitchToSptDesired false: no KAT, no join; the RP keeps decapsulating onto the shared
    // tree, even without receivers (the Register-Stop condition needs SPTbit or the policy).
    {"WithoutSptSwitchoverTheRpOnlyForwards", NoSptSwitchover, "accepted forward"},
    {"WithoutSptSwitchoverOrReceiversTheRpOnlyForwards",
     [](RegisterAtRpInput& in) {
       NoSptSwitchover(in);
       NoReceivers(in);
     },
     "accepted forward"},
    {"WithoutSptSwitchoverTheSptBitStillStops",
     [](RegisterAtRpInput& in) {
       NoSptSwitchover(in);
       SptBit(in);
     },
     "accepted register-stop=10.0.0.1 kat=210s join"},
    // §4.11: Register_Suppression_Time 100 s makes RP_Keepalive_Period 305 s > 210 s, so after
    // a Register-Stop the (S,G) state outlasts the DR's longest suppression; without one the
    // KAT is the plain Keepalive_Period.
    {"RpKeepalivePeriodWinsWhenLonger", SptBit, "accepted register-stop=10.0.0.1 kat=305s join",
     [](Config& c) { c.register_suppression = Seconds(100); }},
    {"KeepalivePeriodWithoutRegisterStop", Nothing, "accepted kat=210s forward join",
     [](Config& c) { c.register_suppression = Seconds(100); }},
    // Shortened timers: Keepalive_Period 20 s; RP_Keepalive_Period 3 x 10 s + 2 s = 32 s.
    {"ShortenedKeepalivePeriod", Nothing, "accepted kat=20s forward join",
     [](Config& c) {
       c.keepalive_period = Seconds(20);
       c.register_suppression = Seconds(10);
       c.register_probe = Seconds(2);
     }},
    {"ShortenedRpKeepalivePeriod", SptBit, "accepted register-stop=10.0.0.1 kat=32s join",
     [](Config& c) {
       c.keepalive_period = Seconds(20);
       c.register_suppression = Seconds(10);
       c.register_probe = Seconds(2);
     }},
};

class RegisterAtRpBranch : public testing::TestWithParam<Branch> {};

TEST_P(RegisterAtRpBranch, DecidesAsThePseudocode) {
  const Branch& b = GetParam();
  RegisterAtRpInput in = FirstRegister();
  b.change(in);
  Config config;
  if (b.configure != nullptr) b.configure(config);
  EXPECT_EQ(ToString(DecideRegisterAtRp(in, config)), b.expected);
}

INSTANTIATE_TEST_SUITE_P(Rfc7761Section442, RegisterAtRpBranch, testing::ValuesIn(kBranches),
                         [](const testing::TestParamInfo<Branch>& param_info) {
                           return std::string(param_info.param.name);
                         });

}  // namespace
}  // namespace pim
