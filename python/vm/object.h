// The object header, reference counting and the owning pointer `Ref<T>` that every part of the VM
// uses to hold objects.
//
// Memory model (ARCHITECTURE.md, "Object model"):
// - Every Python object starts with `Object`: a reference count and its type. Objects of types
//   with `kHaveGc` carry a `GcHead` *before* the Object (the cycle collector's list links and
//   scratch count), allocated and freed by AllocObject/FreeObject in gc.cc.
// - Reference counts are exact: an object is destroyed (Type::dealloc) the moment its count drops
//   to zero. None, True, False, NotImplemented, Ellipsis, small ints, the empty tuple and interned
//   strings are immortal: their count starts at kImmortalRefcnt and is never allowed to reach 0.
// - Ownership in C++ code: `Ref<T>` owns one reference (RAII); a raw `Object*` is borrowed and valid
//   only while someone else holds a reference. Functions that create or return a new reference
//   return `Ref<>`; a null Ref means "a Python exception is pending" (error.h) unless the function
//   documents otherwise (iternext: null without error = exhausted).
//
// Example:
//   Ref<> a = NewInt(3);                  // owns one reference
//   Ref<> b = a;                          // +1
//   Object* borrowed = a.get();           // no count change
//   Ref<> r = BinaryAdd(a.get(), b.get());
//   if (!r) return nullptr;               // propagate the pending exception
#ifndef PYRITE_PYTHON_VM_OBJECT_H_
#define PYRITE_PYTHON_VM_OBJECT_H_

#include <cstddef>
#include <cstdint>
#include <utility>

namespace pyrite::vm {

struct Type;

// Objects whose count is at least this are never freed; Decref never brings them to zero because
// the count starts at kImmortalRefcnt and would need ~2**61 unmatched decrefs.
inline constexpr intptr_t kImmortalRefcnt = intptr_t{1} << 61;

struct Object {
  intptr_t refcnt;
  Type* type;
};

// Destroys an object whose count reached zero (calls type->dealloc). Defined in gc.cc.
void DeallocObject(Object* o);

inline void Incref(Object* o) { ++o->refcnt; }
inline void Decref(Object* o) {
  if (--o->refcnt == 0) [[unlikely]]
    DeallocObject(o);
}
inline void Xincref(Object* o) {
  if (o != nullptr) Incref(o);
}
inline void Xdecref(Object* o) {
  if (o != nullptr) Decref(o);
}

// Owned fields of object structs. SetField stores a new reference to `value` (null allowed) and
// ClearField empties the field (CPython's Py_XSETREF and Py_CLEAR): the old value is released only
// once the field no longer points to it, so code its destruction runs never sees it there.
inline void SetField(Object** field, Object* value) {
  Object* old = *field;
  Xincref(value);
  *field = value;
  Xdecref(old);
}
inline void ClearField(Object** field) {
  Object* old = *field;
  *field = nullptr;
  Xdecref(old);
}

// An owning reference to a T (Object or a struct derived from it). Null means "no object", which
// for results means an exception is pending.
template <typename T = Object>
class [[nodiscard]] Ref {
 public:
  Ref() = default;
  Ref(std::nullptr_t) {}  // NOLINT: implicit by design (return nullptr;)
  Ref(const Ref& other) : p_(other.p_) { Xincref(AsObject(p_)); }
  Ref(Ref&& other) noexcept : p_(other.p_) { other.p_ = nullptr; }
  // Converting from Ref<Derived>.
  template <typename U>
  Ref(Ref<U>&& other) noexcept : p_(other.release()) {}  // NOLINT: implicit like a pointer
  template <typename U>
  Ref(const Ref<U>& other) : p_(other.get()) {  // NOLINT: implicit like a pointer
    Xincref(AsObject(p_));
  }
  ~Ref() { Xdecref(AsObject(p_)); }

  Ref& operator=(const Ref& other) {
    Ref(other).swap(*this);
    return *this;
  }
  Ref& operator=(Ref&& other) noexcept {
    Ref(std::move(other)).swap(*this);
    return *this;
  }
  Ref& operator=(std::nullptr_t) {
    reset();
    return *this;
  }

  // Takes a new reference to a borrowed pointer (+1).
  static Ref New(T* p) {
    Xincref(AsObject(p));
    return Ref(p, 0);
  }
  // Adopts a reference the caller already owns (no count change).
  static Ref Steal(T* p) { return Ref(p, 0); }

  T* get() const { return p_; }
  T* operator->() const { return p_; }
  T& operator*() const { return *p_; }
  explicit operator bool() const { return p_ != nullptr; }
  // Gives up ownership without a count change; the caller now owns the reference.
  T* release() {
    T* p = p_;
    p_ = nullptr;
    return p;
  }
  void reset() {
    T* p = p_;
    p_ = nullptr;
    Xdecref(AsObject(p));
  }
  void swap(Ref& other) noexcept { std::swap(p_, other.p_); }

  friend bool operator==(const Ref& a, const Ref& b) { return a.p_ == b.p_; }
  friend bool operator==(const Ref& a, std::nullptr_t) { return a.p_ == nullptr; }

 private:
  Ref(T* p, int) : p_(p) {}
  static Object* AsObject(T* p) { return reinterpret_cast<Object*>(p); }
  T* p_ = nullptr;
};

// Shorthands.
template <typename T>
Ref<T> NewRef(T* p) {
  return Ref<T>::New(p);
}
template <typename T>
Ref<T> StealRef(T* p) {
  return Ref<T>::Steal(p);
}
// Downcast of an owned reference whose type the caller has checked.
template <typename T, typename U>
Ref<T> RefCast(Ref<U>&& r) {
  return Ref<T>::Steal(reinterpret_cast<T*>(r.release()));
}

// Propagation helpers: the macro names say they return.
// PY_RETURN_IF_NULL(x): returns nullptr (or the given value) when x is null.
#define PY_RETURN_IF_NULL(x) \
  do {                       \
    if (!(x)) return nullptr; \
  } while (0)
#define PY_RETURN_VALUE_IF_NULL(x, v) \
  do {                                \
    if (!(x)) return (v);             \
  } while (0)

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_OBJECT_H_
