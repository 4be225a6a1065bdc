// An optional value kept on the heap, copyable like std::optional.
//
// For a large member that is rarely given, inside a type that is stored by the million: a `set`
// event's IGMP and PIM settings are about a kilobyte, and as std::optional members they made
// every event (a variant of all actions) that large.
#ifndef MCASTLAB_SIM_SCENARIO_HEAP_OPTIONAL_H_
#define MCASTLAB_SIM_SCENARIO_HEAP_OPTIONAL_H_

#include <memory>
#include <utility>

namespace sim::scenario {

template <typename T>
class HeapOptional {
 public:
  HeapOptional() = default;
  HeapOptional(const HeapOptional& other) : p_(Copy(other)) {}
  HeapOptional(HeapOptional&&) noexcept = default;
  HeapOptional& operator=(const HeapOptional& other) {
    if (this != &other) p_ = Copy(other);
    return *this;
  }
  HeapOptional& operator=(HeapOptional&&) noexcept = default;
  HeapOptional& operator=(T value) {
    p_ = std::make_unique<T>(std::move(value));
    return *this;
  }
  ~HeapOptional() = default;

  bool has_value() const { return p_ != nullptr; }
  explicit operator bool() const { return has_value(); }
  const T& operator*() const { return *p_; }
  T& operator*() { return *p_; }
  const T* operator->() const { return p_.get(); }
  T* operator->() { return p_.get(); }

 private:
  static std::unique_ptr<T> Copy(const HeapOptional& other) {
    return other.p_ ? std::make_unique<T>(*other.p_) : nullptr;
  }
  std::unique_ptr<T> p_;
};

}  // namespace sim::scenario

#endif  // MCASTLAB_SIM_SCENARIO_HEAP_OPTIONAL_H_
