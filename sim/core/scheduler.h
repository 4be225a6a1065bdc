// The event queue and run loop: one instance per simulation, passed by reference.
//
// Events are ordered by (time, insertion sequence): two events at the same instant run in
// the order they were scheduled, so every run of the same input is the same run. Each event
// carries the NodeId it runs for (ns-3's "context"), which trace lines read back through
// current_node(). Cancel is safe on an empty, fired or already-cancelled id.
#ifndef MCASTLAB_SIM_CORE_SCHEDULER_H_
#define MCASTLAB_SIM_CORE_SCHEDULER_H_

#include <csignal>
#include <cstdint>
#include <limits>
#include <vector>

#include "sim/core/callback.h"
#include "sim/core/time.h"

namespace sim::core {

using NodeId = std::uint32_t;
inline constexpr NodeId kNoNode = std::numeric_limits<NodeId>::max();

// Names one scheduled event. Default-constructed ids name nothing.
class EventId {
 public:
  EventId() = default;
  bool empty() const { return generation_ == 0; }
  friend bool operator==(const EventId&, const EventId&) = default;

 private:
  friend class Scheduler;
  EventId(std::uint32_t slot, std::uint32_t generation) : slot_(slot), generation_(generation) {}
  std::uint32_t slot_ = 0;
  std::uint32_t generation_ = 0;  // 0 is never a live generation
};

class Scheduler {
 public:
  Scheduler() = default;
  Scheduler(const Scheduler&) = delete;
  Scheduler& operator=(const Scheduler&) = delete;

  // `when` before Now() is a programming error and throws std::logic_error.
  EventId ScheduleAt(Time when, NodeId node, Callback cb);
  EventId ScheduleIn(Duration delay, NodeId node, Callback cb) {
    return ScheduleAt(now_ + delay, node, std::move(cb));
  }
  // Returns true when the event was still pending (and now never runs).
  bool Cancel(EventId id);
  bool IsPending(EventId id) const;
  // The instant a pending event will run at; Time::Max() for an id that is not pending.
  Time DeadlineOf(EventId id) const;

  // Runs every event due at or before `limit`, then leaves the clock at `limit` and returns
  // true. Returns false, with the clock at the last event run, when Stop() was called or the
  // watched flag was found set.
  bool RunUntil(Time limit);
  // Runs until no event is left (or Stop() is called).
  void RunUntilEmpty();
  // Runs the next event, if any. Returns false when the queue is empty.
  bool Step();
  // Makes RunUntil/RunUntilEmpty return after the event in progress.
  void Stop() { stop_requested_ = true; }
  // RunUntil/RunUntilEmpty also return, after the event in progress, whenever *flag is non-zero.
  // A signal handler may set it: it is read before every event (one load, no clock read). The
  // scheduler never clears it.
  void WatchFlag(const volatile std::sig_atomic_t* flag) { watched_flag_ = flag; }
  // For one event that does a lot of work (a `count` send of millions of datagrams): it calls
  // PollAttention now and then, which runs the handler when the watched flag is set. The handler
  // must not change the simulation (it may draw progress, or throw to abandon the run), so
  // whether and when it runs never changes the outcome.
  void SetAttentionHandler(Callback handler) { attention_handler_ = std::move(handler); }
  void PollAttention() {
    if (*watched_flag_ != 0 && attention_handler_) attention_handler_();
  }

  Time Now() const { return now_; }
  NodeId current_node() const { return current_node_; }
  std::uint64_t executed_events() const { return executed_; }
  std::size_t pending_events() const { return pending_; }

 private:
  struct QueueEntry {
    std::int64_t when;
    std::uint64_t seq;
    std::uint32_t slot;
    std::uint32_t generation;
  };
  struct Slot {
    Callback cb;
    std::int64_t when = 0;
    NodeId node = kNoNode;
    std::uint32_t generation = 1;
    bool pending = false;
  };
  static bool Before(const QueueEntry& a, const QueueEntry& b) {
    return a.when != b.when ? a.when < b.when : a.seq < b.seq;
  }
  // An entry whose event was neither cancelled nor run.
  bool Live(const QueueEntry& e) const { return slots_[e.slot].generation == e.generation && slots_[e.slot].pending; }
  // Into the heap, the wheel or far_, by its time (scheduler.cc).
  void Enqueue(const QueueEntry& e);
  // With the heap empty: moves the next non-empty bucket into it. False when nothing is queued.
  bool Refill();
  // next_bucket_ has entered a new lap of the wheel: far_'s entries of that lap go to their buckets.
  void StartLap();
  void Heapify();
  void HeapPush(const QueueEntry& e);
  // The earliest of the (up to four) children that start at `first`.
  std::size_t EarliestChild(std::size_t first) const;
  // Moves the entry at `hole` down below the entries earlier than it.
  void SiftDown(std::size_t hole);
  // Puts `e` at `hole` or above it, moving later entries down.
  void SiftUp(std::size_t hole, const QueueEntry& e);
  QueueEntry HeapPop();
  // Drops cancelled entries from the top; returns false when nothing live is left.
  bool SkipStale();
  void Release(std::uint32_t slot);
  void Compact();
  void RunTop();

  // Every entry of a bucket before next_bucket_ is in the heap, a 4-ary min-heap under Before();
  // later ones wait in the wheel's bucket (this lap) or in far_ (a later lap). See scheduler.cc.
  static constexpr int kBucketShift = 28;               // a bucket spans 2^28 ns, about 268 ms
  static constexpr std::int64_t kWheelBuckets = 1024;  // a lap of the wheel: about 275 s
  std::vector<QueueEntry> heap_;
  std::vector<std::vector<QueueEntry>> wheel_ = std::vector<std::vector<QueueEntry>>(kWheelBuckets);
  std::vector<QueueEntry> far_;
  std::int64_t next_bucket_ = 0;
  std::size_t in_wheel_ = 0;
  std::vector<Slot> slots_;
  std::vector<std::uint32_t> free_slots_;
  Time now_;
  NodeId current_node_ = kNoNode;
  std::uint64_t next_seq_ = 0;
  std::uint64_t executed_ = 0;
  std::size_t pending_ = 0;
  bool stop_requested_ = false;
  const volatile std::sig_atomic_t* watched_flag_ = &kNeverSet;
  Callback attention_handler_;
  static constexpr std::sig_atomic_t kNeverSet = 0;
};

}  // namespace sim::core

#endif  // MCASTLAB_SIM_CORE_SCHEDULER_H_
