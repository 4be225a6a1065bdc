#include "sim/trace/pcap_reader.h"

#include <pcap/pcap.h>

#include <memory>

namespace sim::trace {

std::optional<std::string> ReadPcap(const std::string& path,
                                    const std::function<bool(const PcapFrame&)>& on_frame) {
  char errbuf[PCAP_ERRBUF_SIZE] = {};
  std::unique_ptr<pcap_t, decltype(&pcap_close)> p(
      pcap_open_offline_with_tstamp_precision(path.c_str(), PCAP_TSTAMP_PRECISION_NANO, errbuf),
      &pcap_close);
  if (!p) return path + ": " + errbuf;
  if (pcap_datalink(p.get()) != DLT_EN10MB) return path + ": not a capture of Ethernet frames";
  PcapFrame frame;
  pcap_pkthdr* header = nullptr;
  const u_char* data = nullptr;
  int rc = 0;
  while ((rc = pcap_next_ex(p.get(), &header, &data)) == 1) {
    frame.t = static_cast<std::int64_t>(header->ts.tv_sec) * 1'000'000'000 + header->ts.tv_usec;
    frame.bytes.assign(data, data + header->caplen);
    if (!on_frame(frame)) return std::nullopt;
  }
  if (rc == PCAP_ERROR) return path + ": " + pcap_geterr(p.get());
  return std::nullopt;
}

}  // namespace sim::trace
