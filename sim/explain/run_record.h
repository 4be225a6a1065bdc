// A run's outputs read back: the topology (topology.json), every event line (events.jsonl) and
// the run's duration, verdicts and streams (summary.json). What `mcastlab explain`, `graph` and
// `ladder` reason from, and what `mcastlab report` draws.
#ifndef MCASTLAB_SIM_EXPLAIN_RUN_RECORD_H_
#define MCASTLAB_SIM_EXPLAIN_RUN_RECORD_H_

#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <variant>
#include <vector>

namespace sim::explain {

struct RecordedEvent {
  std::int64_t t = 0;  // nanoseconds since the start
  std::string node;
  std::string kind;
  std::map<std::string, std::string> fields;
  std::string Get(const std::string& key) const {
    auto it = fields.find(key);
    return it == fields.end() ? std::string() : it->second;
  }
  std::uint64_t Count() const;  // the "count" field as a number (0 when absent)
};

struct TopologyInterface {
  std::string name;
  std::string mac;      // "02:00:00:00:01:00"; "" in runs older than the key
  std::string address;  // "10.1.0.10/24", or "" (a switch port)
  std::string link;     // "" when unconnected
};

struct TopologyNode {
  std::string name;
  std::string type;  // "host", "router", "switch"
  std::vector<TopologyInterface> interfaces;
};

// One item of summary.json's `expectations`.
struct RecordedExpectation {
  std::string path;  // "/expect/3"
  std::string kind;
  bool passed = false;
  std::string expected;
  std::string found;
};

// One of summary.json's `streams` (a socket's deliveries of one (S,G) and its longest gap).
struct RecordedStream {
  std::string host;
  std::string socket;
  std::string group;
  std::string source;
  std::int64_t longest_gap = 0;  // nanoseconds
  std::int64_t gap_from = 0;
  std::int64_t gap_to = 0;
};

struct TopologyLink {
  std::string name;
  std::vector<std::string> endpoints;  // "R1:eth0", in the scenario's order
  std::string bandwidth;               // "1Gbps"; "" in runs older than the key
  std::string delay;                   // "1us"; likewise
};

struct RpEntry {
  std::string groups;   // "239.0.0.0/8"
  std::string address;  // the RP
};

struct RunRecord {
  std::string scenario;             // its name, from summary.json
  std::vector<TopologyNode> nodes;  // the scenario's order
  std::vector<TopologyLink> links;  // the scenario's order
  std::vector<RpEntry> rps;
  std::int64_t end = 0;             // the run's duration, in nanoseconds
  std::vector<RecordedEvent> events;
  std::string description;  // summary.json's `description`
  std::vector<RecordedExpectation> expectations;
  // Empty for runs without a link or node action (and for outputs of older versions).
  std::vector<RecordedStream> streams;

  const TopologyNode* FindNode(const std::string& name) const;
  const TopologyLink* FindLink(const std::string& name) const;
};

// "1.000002040" -> 1000002040 ns; -1 when it is not such a time.
std::int64_t ParseEventTime(const std::string& s);
// 1000002040 ns -> "1.000002040".
std::string EventTimeString(std::int64_t ns);

// Reads the folder; the error (a missing or unreadable file) when it is not a run's output.
std::variant<RunRecord, std::string> ReadRunRecord(const std::filesystem::path& dir);

}  // namespace sim::explain

#endif  // MCASTLAB_SIM_EXPLAIN_RUN_RECORD_H_
