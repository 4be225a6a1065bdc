// One complete frame of every message type the codecs speak, with plausible addresses.
//
// The demo writes them to a pcap for Wireshark, the tshark test checks that Wireshark decodes
// each one cleanly, and the benchmarks encode and parse them.
#ifndef MCASTLAB_SIM_WIRE_MESSAGE_CATALOG_H_
#define MCASTLAB_SIM_WIRE_MESSAGE_CATALOG_H_

#include <string>
#include <vector>

#include "sim/wire/bytes.h"

namespace sim::wire {

struct CatalogEntry {
  std::string name;  // "igmp-v2-report": what the frame is, stable for tests
  Bytes frame;       // a whole Ethernet frame, padded to the minimum size
};

std::vector<CatalogEntry> MessageCatalog();

}  // namespace sim::wire

#endif  // MCASTLAB_SIM_WIRE_MESSAGE_CATALOG_H_
