#include "sim/explain/explain.h"

#include <algorithm>
#include <map>

#include "sim/core/near_name.h"
#include "sim/explain/explain_text.h"
#include "sim/explain/path.h"

namespace sim::explain {
namespace {

constexpr std::int64_t kDeliverySlack = 1'000'000'000;  // a drop up to 1 s after the stream's last datagram

bool IsDropKind(const std::string& kind) {
  return kind == "udp.drop" || kind == "snooping.drop" || kind == "forward.drop" || kind == "tx.drop";
}

// A stream of the group: its first udp.send line and its send.total line.
struct Stream {
  const RecordedEvent* send;
  const RecordedEvent* total;  // null when the run did not reach its end lines
  std::int64_t last() const { return total != nullptr ? ParseEventTime(total->Get("last")) : send->t; }
  std::uint64_t count() const { return total != nullptr ? total->Count() : 0; }
};

class Explainer {
 public:
  Explainer(const RunRecord& r, const ExplainQuery& q)
      : r_(r), q_(q), at_(std::min(q.at.value_or(r.end), r.end)), at_end_(at_ >= r.end) {}

  std::vector<std::string> Run() {
    Received();
    Interruptions();
    const std::vector<Stream> streams = Streams();
    if (streams.empty()) {
      out_.push_back("Nobody sent to " + q_.group + When() + ".");
      return out_;
    }
    std::string last_source;
    for (const Stream& s : streams) {
      if (s.send->node != last_source) Path(s.send->node);
      last_source = s.send->node;
      Describe(s);
      StopsOnPath(s);
    }
    return out_;
  }

 private:
  std::string When() const { return at_end_ ? "" : " by " + Seconds(at_); }
  std::string Of() const { return (IsMulticast() ? "of " : "sent to ") + q_.group; }
  bool IsMulticast() const {
    const int first = std::atoi(q_.group.c_str());
    return first >= 224 && first <= 239;
  }

  void Received() {
    std::map<std::string, std::pair<std::uint64_t, std::int64_t>> by_socket;  // socket -> (count, first)
    std::vector<std::string> order;
    std::int64_t last = -1;  // the last delivery of any socket (-1: a run without last times)
    for (const RecordedEvent& e : r_.events) {
      if (e.node != q_.host || e.kind != "receive.total" || e.Get("destination") != q_.group) continue;
      const std::int64_t first = ParseEventTime(e.Get("first"));
      if (first > at_) continue;
      last = std::max(last, ParseEventTime(e.Get("last")));
      auto [it, added] = by_socket.try_emplace(e.Get("socket"), 0, first);
      if (added) order.push_back(e.Get("socket"));
      it->second.first += e.Count();
      it->second.second = std::min(it->second.second, first);
    }
    if (order.empty()) {
      out_.push_back(q_.host + " received 0 datagrams " + Of() + When() + ".");
      return;
    }
    std::int64_t first = r_.end;
    std::string sockets;
    for (std::size_t k = 0; k < order.size(); ++k) {
      const auto& [count, t] = by_socket[order[k]];
      first = std::min(first, t);
      sockets += (k == 0 ? "" : k + 1 == order.size() ? " and " : ", ") + Datagrams(count) + " on socket " + order[k];
    }
    if (!at_end_ && last >= 0 && last < at_) {
      // It received G, but not any more by TIME: say so rather than "has received since".
      out_.push_back(q_.host + " received " + q_.group + " from " + Seconds(first) + " to " + Seconds(last) +
                     " and nothing after (" + sockets + " in all).");
    } else if (!at_end_) {
      out_.push_back(q_.host + " has received " + q_.group + " since " + Seconds(first) + " (" + sockets +
                     " by the end of the run).");
    } else if (order.size() == 1) {
      const auto& [count, t] = by_socket[order[0]];
      out_.push_back(q_.host + " received " + Datagrams(count) + " " + Of() + " on socket " + order[0] +
                     ", the first at " + Seconds(t) + ".");
    } else {
      out_.push_back(q_.host + " received " + q_.group + " on " + std::to_string(order.size()) + " sockets: " + sockets +
                     ", the first at " + Seconds(first) + ".");
    }
  }

  // A stream of the host that was interrupted (a receive.resumed line by the time asked): its
  // longest gap, from summary.json's streams.
  void Interruptions() {
    for (const RecordedStream& s : r_.streams) {
      if (s.host != q_.host || s.group != q_.group || s.gap_to > at_) continue;
      const bool resumed = std::any_of(r_.events.begin(), r_.events.end(), [&](const RecordedEvent& e) {
        return e.kind == "receive.resumed" && e.node == s.host && e.t <= at_ && e.Get("socket") == s.socket &&
               e.Get("group") == s.group && e.Get("source") == s.source;
      });
      if (!resumed) continue;
      out_.push_back("Its stream from " + s.source + " on socket " + s.socket + " was interrupted; the longest gap: " +
                     Seconds(s.longest_gap) + ", from " + Seconds(s.gap_from) + " to " + Seconds(s.gap_to) + ".");
    }
  }

  std::vector<Stream> Streams() const {
    std::vector<Stream> out;
    for (const RecordedEvent& e : r_.events) {
      if (e.kind != "udp.send" || e.Get("to") != q_.group || e.t > at_) continue;
      Stream s{&e, nullptr};
      for (const RecordedEvent& t : r_.events) {
        if (t.kind == "send.total" && t.node == e.node && t.Get("to") == e.Get("to") && t.Get("port") == e.Get("port") &&
            t.Get("ttl") == e.Get("ttl")) {
          s.total = &t;
        }
      }
      out.push_back(s);
    }
    std::stable_sort(out.begin(), out.end(), [](const Stream& a, const Stream& b) { return a.send->node < b.send->node; });
    return out;
  }

  void Path(const std::string& source) {
    path_ = FindPath(r_, source, q_.host);
    routers_ = 0;
    for (const std::string& n : path_) routers_ += r_.FindNode(n)->type == "router";
    if (path_.empty()) {
      out_.push_back(source + " and " + q_.host + " are not connected.");
      return;
    }
    std::string list;
    for (const std::string& n : path_) list += (list.empty() ? "" : ", ") + n;
    out_.push_back("The path from " + source + " to " + q_.host + ": " + list + " (" +
                   (routers_ == 0 ? std::string("no router") : routers_ == 1 ? "1 router" : std::to_string(routers_) + " routers") + ").");
  }

  void Describe(const Stream& s) {
    const RecordedEvent& e = *s.send;
    const std::string head = "The source " + e.node + " (" + e.Get("source") + ")";
    const std::string dest = q_.group + ":" + e.Get("port") + " with TTL " + e.Get("ttl");
    const std::int64_t last = s.last();
    if (last <= at_ && s.total != nullptr) {
      const std::string span = last == e.t ? " at " + Seconds(e.t) : ", from " + Seconds(e.t) + " to " + Seconds(last);
      out_.push_back(head + " sent " + Datagrams(s.count()) + " to " + dest + span + ".");
    } else {
      out_.push_back(head + " sends to " + dest + " since " + Seconds(e.t) +
                     (s.total != nullptr ? " (" + Datagrams(s.count()) + " until " + Seconds(last) + ")" : "") + ".");
    }
    for (const RecordedEvent& err : r_.events) {
      if (err.t > at_) break;
      if (err.node == e.node && err.kind == "socket.error") {
        out_.push_back(e.node + "'s socket " + err.Get("socket") + " reported " + err.Get("error") + " at " + Seconds(err.t) +
                       " (during " + err.Get("during") + "): that datagram was not sent.");
      }
    }
  }

  // The drop.total lines of this stream's datagrams on the path, in path order.
  std::vector<const RecordedEvent*> DropsOnPath(const Stream& s) const {
    std::vector<const RecordedEvent*> out;
    for (std::size_t k = 0; k < path_.size(); ++k) {
      for (const RecordedEvent& e : r_.events) {
        if (e.kind != "drop.total" || e.node != path_[k] || e.Get("destination") != q_.group ||
            e.Get("source") != s.send->Get("source") || e.Get("reason") == "flooded-unregistered") {
          continue;
        }
        const std::int64_t first = ParseEventTime(e.Get("first")), last = ParseEventTime(e.Get("last"));
        if (first > at_ || last < s.send->t || first > s.last() + kDeliverySlack) continue;
        if (e.Get("reason") == "snooping-filtered" && k + 1 < path_.size() &&
            e.Get("port") != InterfaceToward(r_, path_[k], path_[k + 1])) {
          continue;
        }
        out.push_back(&e);
      }
    }
    return out;
  }

  const RecordedEvent* FirstDropLine(const RecordedEvent& total) const {
    for (const RecordedEvent& e : r_.events) {
      if (e.node == total.node && IsDropKind(e.kind) && e.Get("reason") == total.Get("reason") &&
          e.Get("source") == total.Get("source") && e.Get("destination") == total.Get("destination") &&
          e.Get("interface") == total.Get("interface") && e.Get("port") == total.Get("port")) {
        return &e;
      }
    }
    return nullptr;
  }

  std::string Who(const std::string& node) const {
    const std::string type = r_.FindNode(node)->type;
    if (type != "router") return node;
    int k = 0;
    for (const std::string& n : path_) {
      k += r_.FindNode(n)->type == "router";
      if (n == node) break;
    }
    static const char* kOrdinals[] = {"first", "second", "third", "fourth", "fifth"};
    const std::string ordinal = k >= 1 && k <= 5 ? kOrdinals[k - 1] : "router " + std::to_string(k);
    return "The " + ordinal + " router on the path, " + node + ",";
  }

  void StopsOnPath(const Stream& s) {
    const auto drops = DropsOnPath(s);
    if (drops.empty()) {
      out_.push_back("No drop of these datagrams is recorded on the path to " + q_.host + When() + ".");
      return;
    }
    for (const RecordedEvent* d : drops) {
      const std::uint64_t n = d->Count();
      const bool all = s.total != nullptr && n >= s.count();
      const std::string amount = Datagrams(n) + (ParseEventTime(d->Get("last")) > at_ ? " by the end of the run" : "");
      const std::string reason = d->Get("reason");
      std::string what;
      if (reason == "snooping-filtered") {
        what = "The switch " + d->node + " does not forward them to " + d->Get("port") + ", its port toward " +
               NextAfter(d->node) + ":";
      } else {
        what = Who(d->node) + (all ? " drops every datagram:" : " drops some of them:");
      }
      out_.push_back(what + " " + reason + " (" + amount + ").");
      const DropContext c{r_, q_.host, q_.group, at_, path_, routers_, *d, FirstDropLine(*d)};
      for (std::string& why : WhyDropped(c)) out_.push_back(std::move(why));
    }
  }

  std::string NextAfter(const std::string& node) const {
    for (std::size_t k = 0; k + 1 < path_.size(); ++k) {
      if (path_[k] == node) return path_[k + 1];
    }
    return q_.host;
  }

  const RunRecord& r_;
  const ExplainQuery& q_;
  std::int64_t at_;
  bool at_end_;
  std::vector<std::string> out_;
  std::vector<std::string> path_;
  int routers_ = 0;
};

}  // namespace

std::variant<std::vector<std::string>, std::string> Explain(const RunRecord& r, const ExplainQuery& q) {
  const TopologyNode* host = r.FindNode(q.host);
  if (host == nullptr) {
    std::vector<std::string_view> names;
    for (const TopologyNode& n : r.nodes) names.push_back(n.name);
    return "no node named " + q.host + " in this run" + core::DidYouMean(q.host, names);
  }
  if (host->type != "host") return q.host + " is a " + host->type + ", not a host";
  return Explainer(r, q).Run();
}

}  // namespace sim::explain
