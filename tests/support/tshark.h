// Runs tshark on a pcap and returns what it printed, for tests that let Wireshark judge our bytes.
#ifndef MCASTLAB_TESTS_SUPPORT_TSHARK_H_
#define MCASTLAB_TESTS_SUPPORT_TSHARK_H_

#include <string>
#include <vector>

namespace testing_support {

// The tshark found at configure time; empty when there is none.
std::string TsharkPath();

// Runs `tshark -r PCAP -o ip.check_checksum:TRUE -o udp.check_checksum:TRUE <args>` and returns
// stdout. Throws std::runtime_error when tshark is missing or exits non-zero.
std::string RunTshark(const std::string& pcap, const std::vector<std::string>& args);

// One row per frame of `tshark -T fields` output, each row split at tabs.
std::vector<std::vector<std::string>> TsharkFields(const std::string& pcap,
                                                   const std::vector<std::string>& fields);

// Lines describing every malformed frame and every expert item of severity warning or error
// (bad checksums among them). Empty means Wireshark found nothing wrong.
std::vector<std::string> TsharkProblems(const std::string& pcap);

}  // namespace testing_support

#endif  // MCASTLAB_TESTS_SUPPORT_TSHARK_H_
