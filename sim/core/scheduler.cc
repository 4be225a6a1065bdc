#include "sim/core/scheduler.h"

#include <algorithm>
#include <stdexcept>

namespace sim::core {

// The queue has two levels. Most of a large run's tens of thousands of pending events are
// protocol timers seconds to minutes away; only the events of the next fraction of a second
// need to be in order now. So time is cut into buckets of 2^28 ns, and a wheel of 1,024 of
// them covers a lap of about 275 s:
// - the heap holds every entry of the buckets before next_bucket_;
// - an entry due later waits in its bucket of the wheel, unordered, or in far_ when it falls
//   in a later lap;
// - when the heap runs empty, the next non-empty bucket is moved into it (Refill), and when
//   next_bucket_ enters a new lap, far_'s entries of that lap move into the wheel (StartLap).
// Whatever is in the heap is due before anything outside it, so the heap's top is always the
// earliest entry of all, and (time, sequence) orders every entry apart: the events run in
// exactly the order of one heap holding them all, in a heap a fraction of the size.
//
// The heap is 4-ary: the children of entry i are 4i+1 to 4i+4. Half the depth of a binary
// heap, and a node's children lie side by side in memory.
void Scheduler::Enqueue(const QueueEntry& e) {
  const std::int64_t bucket = e.when >> kBucketShift;
  if (bucket < next_bucket_) {
    HeapPush(e);
  } else if (bucket / kWheelBuckets == next_bucket_ / kWheelBuckets) {
    wheel_[bucket % kWheelBuckets].push_back(e);
    ++in_wheel_;
  } else {
    far_.push_back(e);
  }
}

bool Scheduler::Refill() {
  while (heap_.empty()) {
    if (in_wheel_ == 0) {
      if (far_.empty()) return false;
      // Nothing left in this lap: on to the lap of the earliest entry waiting.
      std::int64_t first = far_.front().when;
      for (const QueueEntry& e : far_) first = std::min(first, e.when);
      next_bucket_ = (first >> kBucketShift) / kWheelBuckets * kWheelBuckets;
      StartLap();
      continue;
    }
    std::vector<QueueEntry>& bucket = wheel_[next_bucket_ % kWheelBuckets];
    in_wheel_ -= bucket.size();
    for (const QueueEntry& e : bucket) {
      if (Live(e)) heap_.push_back(e);
    }
    // Its memory goes back: a bucket is filled again only a lap later, and keeping every
    // bucket's largest size ever held a run's queue several times over.
    std::vector<QueueEntry>().swap(bucket);
    Heapify();
    if (++next_bucket_ % kWheelBuckets == 0) StartLap();
  }
  return true;
}

void Scheduler::StartLap() {
  const std::int64_t lap = next_bucket_ / kWheelBuckets;
  std::erase_if(far_, [this, lap](const QueueEntry& e) {
    if (!Live(e)) return true;
    const std::int64_t bucket = e.when >> kBucketShift;
    if (bucket / kWheelBuckets != lap) return false;
    wheel_[bucket % kWheelBuckets].push_back(e);
    ++in_wheel_;
    return true;
  });
  // What far_ held for this lap is in the wheel now: its memory goes back.
  if (far_.capacity() > 2 * far_.size() + 1024) far_.shrink_to_fit();
}

void Scheduler::Heapify() {
  // In linear time: each entry that has children, the last first, goes down to its place.
  const std::size_t n = heap_.size();
  for (std::size_t i = n < 2 ? 0 : (n - 2) / 4 + 1; i-- > 0;) SiftDown(i);
}

void Scheduler::HeapPush(const QueueEntry& e) {
  heap_.push_back(e);
  SiftUp(heap_.size() - 1, e);
}

[[gnu::always_inline]] inline std::size_t Scheduler::EarliestChild(std::size_t first) const {
  std::size_t best = first;
  const std::size_t end = std::min(first + 4, heap_.size());
  for (std::size_t c = first + 1; c < end; ++c) {
    if (Before(heap_[c], heap_[best])) best = c;
  }
  return best;
}

void Scheduler::SiftDown(std::size_t hole) {
  const QueueEntry e = heap_[hole];
  const std::size_t n = heap_.size();
  while (true) {
    const std::size_t first = 4 * hole + 1;
    if (first >= n) break;
    const std::size_t best = EarliestChild(first);
    if (!Before(heap_[best], e)) break;
    heap_[hole] = heap_[best];
    hole = best;
  }
  heap_[hole] = e;
}

void Scheduler::SiftUp(std::size_t hole, const QueueEntry& e) {
  while (hole > 0) {
    const std::size_t parent = (hole - 1) / 4;
    if (!Before(e, heap_[parent])) break;
    heap_[hole] = heap_[parent];
    hole = parent;
  }
  heap_[hole] = e;
}

Scheduler::QueueEntry Scheduler::HeapPop() {
  // Bottom-up (Floyd): the hole at the root goes down to a leaf along the earliest children,
  // and the last entry, late as a rule, fills it from there and rises the little it has to:
  // a level costs the three comparisons among four children, not a fourth with the last entry.
  const QueueEntry top = heap_.front();
  const QueueEntry last = heap_.back();
  heap_.pop_back();
  const std::size_t n = heap_.size();
  if (n == 0) return top;
  std::size_t hole = 0;
  while (true) {
    const std::size_t first = 4 * hole + 1;
    if (first >= n) break;
    const std::size_t best = EarliestChild(first);
    heap_[hole] = heap_[best];
    hole = best;
  }
  SiftUp(hole, last);
  return top;
}

EventId Scheduler::ScheduleAt(Time when, NodeId node, Callback cb) {
  if (when < now_) {
    throw std::logic_error("event scheduled at " + ToString(when) + ", before now " +
                           ToString(now_));
  }
  std::uint32_t slot;
  if (!free_slots_.empty()) {
    slot = free_slots_.back();
    free_slots_.pop_back();
  } else {
    slot = static_cast<std::uint32_t>(slots_.size());
    slots_.emplace_back();
  }
  Slot& s = slots_[slot];
  s.cb = std::move(cb);
  s.when = when.nanos();
  s.node = node;
  s.pending = true;
  ++pending_;
  Enqueue({when.nanos(), next_seq_++, slot, s.generation});
  return EventId(slot, s.generation);
}

bool Scheduler::IsPending(EventId id) const {
  return !id.empty() && id.slot_ < slots_.size() && slots_[id.slot_].pending &&
         slots_[id.slot_].generation == id.generation_;
}

Time Scheduler::DeadlineOf(EventId id) const {
  return IsPending(id) ? Time::FromNanos(slots_[id.slot_].when) : Time::Max();
}

bool Scheduler::Cancel(EventId id) {
  if (!IsPending(id)) return false;
  // The queue entry stays behind; its generation no longer matches, so it is skipped.
  Release(id.slot_);
  // Timers restarted often leave many such entries: sweep them once they outnumber live ones.
  if (heap_.size() + in_wheel_ + far_.size() > 2 * pending_ + 1024) Compact();
  return true;
}

void Scheduler::Compact() {
  const auto stale = [this](const QueueEntry& e) { return !Live(e); };
  std::erase_if(heap_, stale);
  Heapify();
  in_wheel_ = 0;
  for (std::vector<QueueEntry>& bucket : wheel_) {
    std::erase_if(bucket, stale);
    in_wheel_ += bucket.size();
  }
  std::erase_if(far_, stale);
}

void Scheduler::Release(std::uint32_t slot) {
  Slot& s = slots_[slot];
  s.cb.Reset();
  s.pending = false;
  // Skip 0 on wrap-around: it marks an empty EventId.
  if (++s.generation == 0) s.generation = 1;
  --pending_;
  free_slots_.push_back(slot);
}

bool Scheduler::SkipStale() {
  while (true) {
    if (heap_.empty() && !Refill()) return false;
    if (Live(heap_.front())) return true;
    HeapPop();
  }
}

void Scheduler::RunTop() {
  const QueueEntry entry = HeapPop();
  Slot& s = slots_[entry.slot];
  Callback cb = std::move(s.cb);
  now_ = Time::FromNanos(entry.when);
  current_node_ = s.node;
  // Free the slot before running, so the callback may reschedule into it.
  Release(entry.slot);
  ++executed_;
  cb();
  current_node_ = kNoNode;
}

bool Scheduler::Step() {
  if (!SkipStale()) return false;
  RunTop();
  return true;
}

bool Scheduler::RunUntil(Time limit) {
  stop_requested_ = false;
  while (SkipStale() && heap_.front().when <= limit.nanos()) {
    if (stop_requested_ || *watched_flag_ != 0) return false;
    RunTop();
  }
  if (stop_requested_ || *watched_flag_ != 0) return false;
  if (now_ < limit) now_ = limit;
  return true;
}

void Scheduler::RunUntilEmpty() {
  stop_requested_ = false;
  while (!stop_requested_ && *watched_flag_ == 0 && SkipStale()) RunTop();
}

}  // namespace sim::core
