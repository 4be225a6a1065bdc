// Wireshark judges our bytes: one frame of every message type goes through tshark, which must
// find nothing malformed, no bad checksum, no expert warning, and decode every field to the
// value we encoded.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "sim/trace/pcap_writer.h"
#include "sim/wire/frame_decoder.h"
#include "sim/wire/message_catalog.h"
#include "tests/support/temp_files.h"
#include "tests/support/tshark.h"

namespace sim::wire {
namespace {

using testing_support::TsharkFields;
using testing_support::TsharkProblems;

const std::vector<std::string> kFields = {
    "eth.dst",       "ip.ttl",         "ip.opt.ra",     "igmp.type",  "igmp.max_resp",
    "igmp.maddr",    "pim.type",       "pim.optiontype", "arp.opcode", "icmp.type",
    "igmp.checksum.status", "pim.cksum.status"};

std::string Hex2(unsigned v) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "0x%02x", v);
  return buf;
}

// The fields Wireshark should show for one IGMP message, in kFields order from igmp.type on.
struct IgmpExpect {
  std::string type, max_resp, maddr;
};

IgmpExpect ExpectIgmp(const IgmpMessage& m) {
  IgmpExpect e{Hex2(static_cast<unsigned>(TypeOf(m))), "", ""};
  if (const auto* q = std::get_if<IgmpQuery>(&m)) {
    // Wireshark reads a zero Max Resp Time as an IGMPv1 query, which has no such field.
    if (q->max_resp_time != core::Duration::Zero()) {
      e.max_resp = std::to_string(q->max_resp_time / core::Deciseconds(1));
    }
    e.maddr = ToString(q->group);
  } else if (const auto* q3 = std::get_if<IgmpV3Query>(&m)) {
    e.max_resp = std::to_string(EncodeMaxRespCode(q3->max_resp_time));
    e.maddr = ToString(q3->group);
  } else if (const auto* r1 = std::get_if<IgmpV1Report>(&m)) {
    e.maddr = ToString(r1->group);
  } else if (const auto* r2 = std::get_if<IgmpV2Report>(&m)) {
    e.max_resp = "0";
    e.maddr = ToString(r2->group);
  } else if (const auto* l = std::get_if<IgmpLeave>(&m)) {
    e.max_resp = "0";
    e.maddr = ToString(l->group);
  } else if (const auto* r3 = std::get_if<IgmpV3Report>(&m)) {
    for (const auto& rec : r3->records) e.maddr += (e.maddr.empty() ? "" : ",") + ToString(rec.group);
  }
  return e;
}

std::string HelloOptionTypes(const PimHello& h) {
  std::string s;
  auto add = [&s](unsigned t) { s += (s.empty() ? "" : ",") + std::to_string(t); };
  if (h.holdtime_s) add(1);
  if (h.lan_prune_delay) add(2);
  if (h.dr_priority) add(19);
  if (h.generation_id) add(20);
  for (const auto& o : h.other_options) add(o.type);
  return s;
}

class TsharkCatalog : public testing::Test {
 protected:
  void SetUp() override {
    path_ = testing_support::TempPath("catalog.pcap").string();
    trace::PcapWriter w(path_);
    auto at = core::Time::Start();
    for (const auto& entry : catalog_) {
      at = at + core::Milliseconds(1);
      w.Write(at, entry.frame);
    }
    w.Close();
  }
  std::vector<CatalogEntry> catalog_ = MessageCatalog();
  std::string path_;
};

TEST_F(TsharkCatalog, NothingMalformedNoBadChecksumNoWarning) {
  EXPECT_EQ(TsharkProblems(path_), std::vector<std::string>{});
}

TEST_F(TsharkCatalog, DecodedFieldsEqualWhatWasEncoded) {
  const auto rows = TsharkFields(path_, kFields);
  ASSERT_EQ(rows.size(), catalog_.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    SCOPED_TRACE(catalog_[i].name);
    const auto& row = rows[i];
    ASSERT_EQ(row.size(), kFields.size());
    auto decoded = DecodeFrame(catalog_[i].frame);
    ASSERT_TRUE(decoded) << ToString(decoded.error());
    EXPECT_EQ(row[0], ToString(decoded->ethernet.destination));
    if (const auto* arp = std::get_if<ArpPacket>(&decoded->l3)) {
      EXPECT_EQ(row[8], std::to_string(static_cast<unsigned>(arp->operation)));
      continue;
    }
    const auto& ip = std::get<DecodedIpv4>(decoded->l3);
    // The first ip.ttl is the outer header's (a Register carries an inner one too).
    EXPECT_EQ(row[1].substr(0, row[1].find(',')), std::to_string(ip.header.ttl));
    EXPECT_EQ(row[2], ip.header.router_alert ? "0" : "");
    if (const auto* igmp = std::get_if<IgmpMessage>(&ip.l4)) {
      const IgmpExpect e = ExpectIgmp(*igmp);
      EXPECT_EQ(row[3], e.type);
      EXPECT_EQ(row[4], e.max_resp);
      EXPECT_EQ(row[5], e.maddr);
      EXPECT_EQ(row[10], "1") << "igmp checksum status (1 = good)";
      EXPECT_TRUE(ip.header.router_alert) << "RFC 2236 §2: every IGMP message carries Router Alert";
      EXPECT_EQ(ip.header.ttl, 1);
    } else if (const auto* pim = std::get_if<PimMessage>(&ip.l4)) {
      EXPECT_EQ(row[6], std::to_string(static_cast<unsigned>(TypeOf(*pim))));
      if (const auto* hello = std::get_if<PimHello>(pim)) {
        EXPECT_EQ(row[7], HelloOptionTypes(*hello));
      }
      EXPECT_EQ(row[11], "1") << "pim checksum status (1 = good)";
    } else if (const auto* icmp = std::get_if<IcmpMessage>(&ip.l4)) {
      const auto* echo = std::get_if<IcmpEcho>(icmp);
      const std::string type = echo == nullptr ? "3" : (echo->reply ? "0" : "8");
      EXPECT_EQ(row[9].substr(0, row[9].find(',')), type);
    }
  }
}

TEST_F(TsharkCatalog, CoversEveryMessageTypeOnce) {
  std::vector<std::string> names;
  for (const auto& e : catalog_) names.push_back(e.name);
  const std::vector<std::string> expected = {
      "arp-request", "arp-reply", "igmp-v1-query", "igmp-v2-query-general", "igmp-v2-query-group",
      "igmp-v1-report", "igmp-v2-report", "igmp-v2-leave", "igmp-v3-query-general",
      "igmp-v3-query-group-source", "igmp-v3-report", "pim-hello", "pim-join-prune",
      "pim-register", "pim-null-register", "pim-register-stop", "pim-assert", "pim-assert-rpt",
      "udp-multicast", "icmp-echo-request", "icmp-echo-reply", "icmp-port-unreachable"};
  EXPECT_EQ(names, expected);
}

}  // namespace
}  // namespace sim::wire
