// The builtin iterator types: enumerate, zip, map, filter, reversed, the sequence iterator
// (iter(x) for objects with only __getitem__) and the callable iterator (iter(f, sentinel)).
#include <string>

#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/gc.h"
#include "python/vm/objects/containers_internal.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/range.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::vm {

Type EnumerateType;
Type ZipType;
Type MapType;
Type FilterType;
Type ReversedType;
Type SeqIterType;
Type CallableIterType;

namespace {

// Every iterator here holds up to three owned references plus an index; one struct keeps the
// dealloc/traverse/clear code single.
struct IterObject : Object {
  Object* a = nullptr;  // enumerate: iterator; zip/map: tuple of iterators; filter: function;
                        // reversed/seqiter: sequence; callable iter: callable
  Object* b = nullptr;  // enumerate: big count (null while the int64 count suffices);
                        // map: function; filter: iterator; callable iter: sentinel
  int64_t index = 0;    // enumerate count, reversed/seqiter position
  bool strict = false;  // zip(strict=True)
};

void IterDealloc(Object* o) {
  GcUntrack(o);
  IterObject* it = static_cast<IterObject*>(o);
  Xdecref(it->a);
  Xdecref(it->b);
  FreeObject(o);
}
void IterTraverse(Object* o, VisitFn visit, void* arg) {
  IterObject* it = static_cast<IterObject*>(o);
  if (it->a != nullptr) visit(it->a, arg);
  if (it->b != nullptr) visit(it->b, arg);
}
void IterClear(Object* o) {
  IterObject* it = static_cast<IterObject*>(o);
  Object* a = it->a;
  Object* b = it->b;
  it->a = nullptr;
  it->b = nullptr;
  Xdecref(a);
  Xdecref(b);
}

IterObject* NewIterObject(Type* type) {
  if (!EnsureReady(type)) return nullptr;
  return AllocObject<IterObject>(type, 0);
}

// Whether the pending error is StopIteration (swallowed by iteration).
bool ClearStopIteration() {
  if (ErrorMatches(&StopIterationType)) {
    ClearError();
    return true;
  }
  return !ErrorOccurred();
}

// --- enumerate ---------------------------------------------------------------------------------

Ref<> EnumerateNew(Type* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const Params kParams{"enumerate", {"iterable", "start"}, 0, 1};
  if (nargs == 0 && kwnames == nullptr) {
    // CPython's enumerate reports this one without the "(pos 1)" of other parsers.
    SetError(&TypeErrorType, "enumerate() missing required argument 'iterable'");
    return nullptr;
  }
  Object* a[2] = {nullptr, nullptr};
  if (!ParseArgs(kParams, args, nargs, kwnames, a)) return nullptr;
  Ref<> start;
  if (a[1] != nullptr) {
    start = Index(a[1]);
    PY_RETURN_IF_NULL(start);
  }
  Ref<> it = GetIter(a[0]);
  PY_RETURN_IF_NULL(it);
  IterObject* e = NewIterObject(type);
  if (e == nullptr) return nullptr;
  Ref<> r = StealRef<Object>(e);
  e->a = it.release();
  if (start) {
    std::optional<int64_t> small = IntSmall(start.get());
    if (small && *small < INT64_MAX) {
      e->index = *small;
    } else {
      e->b = start.release();
    }
  }
  return r;
}

Ref<> EnumerateNext(Object* o) {
  IterObject* e = static_cast<IterObject*>(o);
  if (e->a == nullptr) return nullptr;
  Ref<> item = IterNext(e->a);
  PY_RETURN_IF_NULL(item);
  Ref<> count;
  if (e->b == nullptr) {
    count = NewInt(e->index);
    PY_RETURN_IF_NULL(count);
    if (e->index == INT64_MAX - 1) {
      // Switch to the big count before it would overflow.
      Ref<> next = NewInt(IntValue(count.get()) + bigint::BigInt::FromInt64(1));
      PY_RETURN_IF_NULL(next);
      e->b = next.release();
    } else {
      e->index++;
    }
  } else {
    count = NewRef(e->b);
    Ref<> next = NewInt(IntValue(e->b) + bigint::BigInt::FromInt64(1));
    PY_RETURN_IF_NULL(next);
    Object* old = e->b;
    e->b = next.release();
    Decref(old);
  }
  return NewTupleFrom({count.get(), item.get()});
}

// --- zip ---------------------------------------------------------------------------------------

Ref<> ZipNew(Type* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  bool strict = false;
  if (kwnames != nullptr) {
    for (int64_t i = 0; i < kwnames->size; ++i) {
      Str* name = static_cast<Str*>(kwnames->items[i]);
      if (!StrEqualUtf8(name, "strict")) {
        SetErrorF(&TypeErrorType, "'%s' is an invalid keyword argument for zip()",
                  std::string(StrUtf8(name)).c_str());
        return nullptr;
      }
      int t = IsTrue(args[nargs + static_cast<size_t>(i)]);
      if (t < 0) return nullptr;
      strict = t != 0;
    }
  }
  Ref<Tuple> its = NewTuple(static_cast<int64_t>(nargs));
  PY_RETURN_IF_NULL(its);
  for (size_t i = 0; i < nargs; ++i) {
    Ref<> it = GetIter(args[i]);
    PY_RETURN_IF_NULL(it);
    TupleInit(its.get(), static_cast<int64_t>(i), std::move(it));
  }
  IterObject* z = NewIterObject(type);
  if (z == nullptr) return nullptr;
  z->a = its.release();
  z->strict = strict;
  return StealRef<Object>(z);
}

Ref<> ZipNext(Object* o) {
  IterObject* z = static_cast<IterObject*>(o);
  Tuple* its = static_cast<Tuple*>(z->a);
  if (its == nullptr || its->size == 0) return nullptr;
  Ref<Tuple> result = NewTuple(its->size);
  PY_RETURN_IF_NULL(result);
  for (int64_t i = 0; i < its->size; ++i) {
    Ref<> item = IterNext(its->items[i]);
    if (item) {
      TupleInit(result.get(), i, std::move(item));
      continue;
    }
    // Fill the rest so the tuple is complete before it is dropped.
    for (int64_t j = i; j < its->size; ++j) TupleInit(result.get(), j, NewNone());
    if (!z->strict) return nullptr;
    if (!ClearStopIteration()) return nullptr;
    if (i > 0) {
      SetErrorF(&ValueErrorType, "zip() argument %lld is shorter than argument%s%lld",
                static_cast<long long>(i + 1), i == 1 ? " " : "s 1-", static_cast<long long>(i));
      return nullptr;
    }
    for (int64_t k = 1; k < its->size; ++k) {
      Ref<> extra = IterNext(its->items[k]);
      if (extra) {
        SetErrorF(&ValueErrorType, "zip() argument %lld is longer than argument%s%lld",
                  static_cast<long long>(k + 1), k == 1 ? " " : "s 1-",
                  static_cast<long long>(k));
        return nullptr;
      }
      if (!ClearStopIteration()) return nullptr;
    }
    return nullptr;
  }
  return result;
}

// --- map ---------------------------------------------------------------------------------------

Ref<> MapNew(Type* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (type == &MapType && !CheckNoKwargs("map", kwnames)) return nullptr;
  if (nargs < 2) {
    SetError(&TypeErrorType, "map() must have at least two arguments.");
    return nullptr;
  }
  Ref<Tuple> its = NewTuple(static_cast<int64_t>(nargs - 1));
  PY_RETURN_IF_NULL(its);
  for (size_t i = 1; i < nargs; ++i) {
    Ref<> it = GetIter(args[i]);
    PY_RETURN_IF_NULL(it);
    TupleInit(its.get(), static_cast<int64_t>(i - 1), std::move(it));
  }
  IterObject* m = NewIterObject(type);
  if (m == nullptr) return nullptr;
  m->a = its.release();
  m->b = NewRef(args[0]).release();
  return StealRef<Object>(m);
}

Ref<> MapNext(Object* o) {
  IterObject* m = static_cast<IterObject*>(o);
  Tuple* its = static_cast<Tuple*>(m->a);
  if (its == nullptr) return nullptr;
  std::vector<Ref<>> items;
  items.reserve(static_cast<size_t>(its->size));
  std::vector<Object*> raw;
  raw.reserve(static_cast<size_t>(its->size));
  for (int64_t i = 0; i < its->size; ++i) {
    Ref<> item = IterNext(its->items[i]);
    PY_RETURN_IF_NULL(item);
    raw.push_back(item.get());
    items.push_back(std::move(item));
  }
  return Call(m->b, raw.data(), raw.size());
}

// --- filter ------------------------------------------------------------------------------------

Ref<> FilterNew(Type* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (type == &FilterType && !CheckNoKwargs("filter", kwnames)) return nullptr;
  if (!CheckPositional("filter", nargs, 2, 2)) return nullptr;
  Ref<> it = GetIter(args[1]);
  PY_RETURN_IF_NULL(it);
  IterObject* f = NewIterObject(type);
  if (f == nullptr) return nullptr;
  f->a = NewRef(args[0]).release();
  f->b = it.release();
  return StealRef<Object>(f);
}

Ref<> FilterNext(Object* o) {
  IterObject* f = static_cast<IterObject*>(o);
  if (f->b == nullptr) return nullptr;
  bool plain = f->a == None() || f->a == static_cast<Object*>(&BoolType);
  while (true) {
    Ref<> item = IterNext(f->b);
    PY_RETURN_IF_NULL(item);
    int ok;
    if (plain) {
      ok = IsTrue(item.get());
    } else {
      Ref<> r = CallOneArg(f->a, item.get());
      PY_RETURN_IF_NULL(r);
      ok = IsTrue(r.get());
    }
    if (ok < 0) return nullptr;
    if (ok > 0) return item;
  }
}

// --- reversed ----------------------------------------------------------------------------------

// PySequence_Check: has __getitem__ and is not a dict.
bool IsSequence(Object* o) {
  if (IsDict(o)) return false;
  return o->type->sq_item != nullptr || o->type->subscript != nullptr;
}

Ref<> SeqGetItem(Object* seq, int64_t i) {
  if (seq->type->sq_item != nullptr) return seq->type->sq_item(seq, i);
  Ref<> index = NewInt(i);
  PY_RETURN_IF_NULL(index);
  return GetItem(seq, index.get());
}

Ref<> ReversedNew(Type* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (type == &ReversedType && !CheckNoKwargs("reversed", kwnames)) return nullptr;
  if (!CheckPositional("reversed", nargs, 1, 1)) return nullptr;
  Object* seq = args[0];
  static Str* reversed_name = InternStr("__reversed__");
  Ref<> method = LookupSpecial(seq, reversed_name);
  if (method) {
    if (method.get() == None()) {
      SetErrorF(&TypeErrorType, "'%s' object is not reversible", TypeNameOf(seq));
      return nullptr;
    }
    return CallNoArgs(method.get());
  }
  if (ErrorOccurred()) return nullptr;
  if (!IsSequence(seq)) {
    SetErrorF(&TypeErrorType, "'%s' object is not reversible", TypeNameOf(seq));
    return nullptr;
  }
  int64_t n = Length(seq);
  if (n < 0) return nullptr;
  IterObject* r = NewIterObject(type);
  if (r == nullptr) return nullptr;
  r->a = NewRef(seq).release();
  r->index = n - 1;
  return StealRef<Object>(r);
}

Ref<> ReversedNext(Object* o) {
  IterObject* r = static_cast<IterObject*>(o);
  if (r->a == nullptr) return nullptr;
  if (r->index >= 0) {
    Ref<> item = SeqGetItem(r->a, r->index);
    if (item) {
      r->index--;
      return item;
    }
    if (!ErrorMatches(&IndexErrorType) && !ErrorMatches(&StopIterationType)) return nullptr;
    ClearError();
  }
  r->index = -1;
  Object* seq = r->a;
  r->a = nullptr;
  Decref(seq);
  return nullptr;
}

Ref<> ReversedLengthHint(Object* self, Object* const*, size_t, Tuple*) {
  IterObject* r = static_cast<IterObject*>(self);
  if (r->a == nullptr) return NewSize(0);
  int64_t n = Length(r->a);
  if (n < 0) return nullptr;
  return NewSize(n < r->index + 1 ? 0 : r->index + 1);
}

// --- sequence iterator -------------------------------------------------------------------------

Ref<> SeqIterNext(Object* o) {
  IterObject* s = static_cast<IterObject*>(o);
  if (s->a == nullptr) return nullptr;
  Ref<> item = SeqGetItem(s->a, s->index);
  if (item) {
    s->index++;
    return item;
  }
  if (!ErrorMatches(&IndexErrorType) && !ErrorMatches(&StopIterationType)) return nullptr;
  ClearError();
  Object* seq = s->a;
  s->a = nullptr;
  Decref(seq);
  return nullptr;
}

Ref<> SeqIterLengthHint(Object* self, Object* const*, size_t, Tuple*) {
  IterObject* s = static_cast<IterObject*>(self);
  if (s->a == nullptr) return NewSize(0);
  if (s->a->type->length == nullptr) return NewNotImplemented();
  int64_t n = Length(s->a);
  if (n < 0) return nullptr;
  return NewSize(n > s->index ? n - s->index : 0);
}

// --- callable iterator -------------------------------------------------------------------------

Ref<> CallableIterNext(Object* o) {
  IterObject* c = static_cast<IterObject*>(o);
  if (c->a == nullptr) return nullptr;
  Ref<> result = CallNoArgs(c->a);
  if (!result) {
    if (ErrorMatches(&StopIterationType)) {
      ClearError();
      IterClear(o);
    }
    return nullptr;
  }
  int eq = RichCompareBool(result.get(), c->b, CompareOp::kEq);
  if (eq < 0) return nullptr;
  if (eq > 0) {
    IterClear(o);
    return nullptr;
  }
  return result;
}

const MethodDef kReversedMethods[] = {
    {"__length_hint__", &ReversedLengthHint, kMethNoArgs}, {nullptr, nullptr, 0}};
const MethodDef kSeqIterMethods[] = {
    {"__length_hint__", &SeqIterLengthHint, kMethNoArgs}, {nullptr, nullptr, 0}};

void InitIterType(Type* t, const char* name, bool base, const MethodDef* methods, NewFn new_fn,
                  UnaryFn next) {
  InitStaticType(t, {.name = name,
                     .basicsize = sizeof(IterObject),
                     .flags = kHaveGc | (base ? uint64_t{kBaseType} : uint64_t{0}),
                     .methods = methods});
  t->dealloc = &IterDealloc;
  t->traverse = &IterTraverse;
  t->clear = &IterClear;
  t->new_ = new_fn;
  t->iter = &SelfIter;
  t->iternext = next;
}

}  // namespace

Ref<> NewSeqIter(Object* seq) {
  IterObject* s = NewIterObject(&SeqIterType);
  if (s == nullptr) return nullptr;
  s->a = NewRef(seq).release();
  return StealRef<Object>(s);
}

Ref<> NewCallableIter(Object* callable, Object* sentinel) {
  IterObject* c = NewIterObject(&CallableIterType);
  if (c == nullptr) return nullptr;
  c->a = NewRef(callable).release();
  c->b = NewRef(sentinel).release();
  return StealRef<Object>(c);
}

void InitIteratorTypes() {
  InitIterType(&EnumerateType, "enumerate", true, nullptr, &EnumerateNew, &EnumerateNext);
  InitIterType(&ZipType, "zip", true, nullptr, &ZipNew, &ZipNext);
  InitIterType(&MapType, "map", true, nullptr, &MapNew, &MapNext);
  InitIterType(&FilterType, "filter", true, nullptr, &FilterNew, &FilterNext);
  InitIterType(&ReversedType, "reversed", true, kReversedMethods, &ReversedNew, &ReversedNext);
  InitIterType(&SeqIterType, "iterator", false, kSeqIterMethods, nullptr, &SeqIterNext);
  InitIterType(&CallableIterType, "callable_iterator", false, nullptr, nullptr,
               &CallableIterNext);
}

}  // namespace pyrite::vm
