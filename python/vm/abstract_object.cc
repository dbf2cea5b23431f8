// The object protocol (CPython's Objects/object.c and the isinstance part of abstract.c): repr,
// str, ascii, hash, rich comparison with reflected operands, truth, format(), isinstance and
// issubclass with their hooks, and dir().
#include <cstdio>
#include <cstring>
#include <string>

#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/gc.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/float.h"
#include "python/vm/objects/formatter.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/list.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/runtime.h"

namespace pyrite::vm {
namespace {

// CompareOp after swapping the operands (a < b is b > a).
CompareOp Swapped(CompareOp op) {
  switch (op) {
    case CompareOp::kLt:
      return CompareOp::kGt;
    case CompareOp::kLe:
      return CompareOp::kGe;
    case CompareOp::kEq:
      return CompareOp::kEq;
    case CompareOp::kNe:
      return CompareOp::kNe;
    case CompareOp::kGt:
      return CompareOp::kLt;
    case CompareOp::kGe:
      return CompareOp::kLe;
  }
  return op;
}

const char* OpSymbol(CompareOp op) {
  switch (op) {
    case CompareOp::kLt:
      return "<";
    case CompareOp::kLe:
      return "<=";
    case CompareOp::kEq:
      return "==";
    case CompareOp::kNe:
      return "!=";
    case CompareOp::kGt:
      return ">";
    case CompareOp::kGe:
      return ">=";
  }
  return "?";
}

bool IsNotImplemented(const Ref<>& r) { return r.get() == NotImplemented(); }

Ref<> DoRichCompare(Object* a, Object* b, CompareOp op) {
  bool checked_reverse = false;
  Type* ta = a->type;
  Type* tb = b->type;
  if (ta != tb && tb->richcompare != nullptr && IsSubtype(tb, ta)) {
    checked_reverse = true;
    Ref<> r = tb->richcompare(b, a, Swapped(op));
    if (!IsNotImplemented(r)) return r;
  }
  if (ta->richcompare != nullptr) {
    Ref<> r = ta->richcompare(a, b, op);
    if (!IsNotImplemented(r)) return r;
  }
  if (!checked_reverse && tb->richcompare != nullptr) {
    Ref<> r = tb->richcompare(b, a, Swapped(op));
    if (!IsNotImplemented(r)) return r;
  }
  switch (op) {
    case CompareOp::kEq:
      return NewBool(a == b);
    case CompareOp::kNe:
      return NewBool(a != b);
    default:
      SetErrorF(&TypeErrorType, "'%s' not supported between instances of '%.100s' and '%.100s'",
                OpSymbol(op), TypeName(ta), TypeName(tb));
      return nullptr;
  }
}

bool IsExactType(Object* o) { return o->type == &TypeType; }
bool IsTypeObject(Object* o) { return HasFlag(o->type, kTypeSubclass); }

// types.UnionType (int | str) is accepted wherever a tuple of classes is; its __args__ is the
// tuple. Recognised by name so that this file does not depend on the union's implementation.
bool IsUnion(Object* o) { return std::strcmp(o->type->name, "types.UnionType") == 0; }

// __bases__ of a non-type "class" for the abstract isinstance protocol: a tuple or null (no
// error) when the object has none.
Ref<> AbstractGetBases(Object* cls) {
  Ref<> bases = LookupAttr(cls, InternStr("__bases__"));
  if (!bases) return nullptr;
  if (!IsTuple(bases.get())) return nullptr;
  return bases;
}

// 1 when `derived` has `cls` among its __bases__ (recursively), 0 otherwise, -1 on error.
int AbstractIsSubclass(Object* derived, Object* cls) {
  while (true) {
    if (derived == cls) return 1;
    Ref<> bases = AbstractGetBases(derived);
    if (!bases) return ErrorOccurred() ? -1 : 0;
    Tuple* t = static_cast<Tuple*>(bases.get());
    if (t->size == 0) return 0;
    if (t->size == 1) {
      // Avoid recursion in the single-inheritance case.
      derived = t->items[0];
      continue;
    }
    if (!EnterRecursiveCall(" in __issubclass__")) return -1;
    int r = 0;
    for (int64_t i = 0; i < t->size && r == 0; ++i) r = AbstractIsSubclass(t->items[i], cls);
    LeaveRecursiveCall();
    return r;
  }
}

bool CheckClass(Object* cls, const char* error) {
  if (IsTypeObject(cls)) return true;
  Ref<> bases = AbstractGetBases(cls);
  if (!bases) {
    if (!ErrorOccurred()) SetError(&TypeErrorType, error);
    return false;
  }
  return true;
}

int ObjectIsInstance(Object* inst, Object* cls) {
  if (IsTypeObject(cls)) {
    if (TypeCheck(inst, static_cast<Type*>(cls))) return 1;
    Ref<> c = LookupAttr(inst, InternStr("__class__"));
    if (!c) return ErrorOccurred() ? -1 : 0;
    if (c.get() != inst->type && IsTypeObject(c.get())) {
      return IsSubtype(static_cast<Type*>(c.get()), static_cast<Type*>(cls)) ? 1 : 0;
    }
    return 0;
  }
  if (!CheckClass(cls, "isinstance() arg 2 must be a type, a tuple of types, or a union")) {
    return -1;
  }
  Ref<> c = LookupAttr(inst, InternStr("__class__"));
  if (!c) return ErrorOccurred() ? -1 : 0;
  return AbstractIsSubclass(c.get(), cls);
}

int ObjectIsSubclass(Object* derived, Object* cls) {
  if (IsTypeObject(cls) && IsTypeObject(derived)) {
    return IsSubtype(static_cast<Type*>(derived), static_cast<Type*>(cls)) ? 1 : 0;
  }
  if (!CheckClass(derived, "issubclass() arg 1 must be a class")) return -1;
  if (!IsUnion(cls) &&
      !CheckClass(cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union")) {
    return -1;
  }
  return AbstractIsSubclass(derived, cls);
}

// Runs `hook` (a bound __instancecheck__ / __subclasscheck__) and converts the result to 0/1.
int CallCheckHook(Object* hook, Object* arg, const char* where) {
  if (!EnterRecursiveCall(where)) return -1;
  Ref<> r = CallOneArg(hook, arg);
  LeaveRecursiveCall();
  if (!r) return -1;
  return IsTrue(r.get());
}

// isinstance/issubclass past their exact-type fast paths: a union checks its members and a
// tuple each item (recursing through `check`); otherwise the class's `hook` decides, or the
// type-based `fallback` when it has none. `where` is the recursion-limit message's suffix.
int CheckClassInfo(Object* o, Object* cls, int (*check)(Object*, Object*),
                   int (*fallback)(Object*, Object*), const char* hook, const char* where) {
  if (IsUnion(cls)) {
    Ref<> args = GetAttr(cls, "__args__");
    if (!args) return -1;
    return check(o, args.get());
  }
  if (IsTuple(cls)) {
    if (!EnterRecursiveCall(where)) return -1;
    Tuple* t = static_cast<Tuple*>(cls);
    int r = 0;
    for (int64_t i = 0; i < t->size; ++i) {
      r = check(o, t->items[i]);
      if (r != 0) break;
    }
    LeaveRecursiveCall();
    return r;
  }
  Ref<> hook_fn = LookupSpecial(cls, InternStr(hook));
  if (hook_fn) return CallCheckHook(hook_fn.get(), o, where);
  if (ErrorOccurred()) return -1;
  return fallback(o, cls);
}

// Calls a repr or str slot under the recursion limit (`where` is its message's suffix) and
// checks that it returned a str, naming `dunder` in the TypeError otherwise.
inline Ref<> CallStrSlot(Object* o, UnaryFn slot, const char* where, const char* dunder) {
  if (!EnterRecursiveCall(where)) return nullptr;
  Ref<> r = slot(o);
  LeaveRecursiveCall();
  if (!r) return nullptr;
  if (!IsStr(r.get())) {
    SetErrorF(&TypeErrorType, "%s returned non-string (type %.200s)", dunder,
              TypeNameOf(r.get()));
    return nullptr;
  }
  return r;
}

}  // namespace

Ref<> Repr(Object* o) {
  if (o == nullptr) return NewStr("<NULL>");
  if (o->type->repr == nullptr) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%p", static_cast<void*>(o));
    return NewStr(std::string("<") + TypeNameOf(o) + " object at " + buf + ">");
  }
  return CallStrSlot(o, o->type->repr, " while getting the repr of an object", "__repr__");
}

Ref<> ToStr(Object* o) {
  if (o == nullptr) return NewStr("<NULL>");
  if (IsExactStr(o)) return NewRef(o);
  if (o->type->str == nullptr) return Repr(o);
  return CallStrSlot(o, o->type->str, " while getting the str of an object", "__str__");
}

Ref<> Ascii(Object* o) {
  Ref<> r = Repr(o);
  if (!r) return nullptr;
  Str* s = static_cast<Str*>(r.get());
  if (s->ascii) return r;
  StrBuilder b;
  static const char kHex[] = "0123456789abcdef";
  for (int64_t i = 0; i < s->length; ++i) {
    char32_t c = StrAt(s, i);
    if (c < 0x80) {
      b.Append(c);
      continue;
    }
    std::string esc;
    int digits;
    if (c < 0x100) {
      esc = "\\x";
      digits = 2;
    } else if (c < 0x10000) {
      esc = "\\u";
      digits = 4;
    } else {
      esc = "\\U";
      digits = 8;
    }
    for (int d = digits - 1; d >= 0; --d) esc += kHex[(c >> (4 * d)) & 0xF];
    b.AppendAscii(esc);
  }
  return b.Finish();
}

int64_t Hash(Object* o) {
  HashFn h = o->type->hash;
  if (h == nullptr) {
    SetErrorF(&TypeErrorType, "unhashable type: '%.200s'", TypeNameOf(o));
    return -1;
  }
  return h(o);
}

int64_t HashPointer(const void* p) {
  // The low 4 bits of an address are usually zero (alignment): rotating them to the top spreads
  // consecutive objects over the hash table.
  uint64_t y = reinterpret_cast<uintptr_t>(p);
  y = (y >> 4) | (y << 60);
  int64_t h = static_cast<int64_t>(y);
  if (h == -1) h = -2;
  return h;
}

Ref<> RichCompare(Object* a, Object* b, CompareOp op) {
  if (!EnterRecursiveCall(" in comparison")) return nullptr;
  Ref<> r = DoRichCompare(a, b, op);
  LeaveRecursiveCall();
  return r;
}

int RichCompareBool(Object* a, Object* b, CompareOp op) {
  if (a == b) {
    if (op == CompareOp::kEq) return 1;
    if (op == CompareOp::kNe) return 0;
  }
  Ref<> r = RichCompare(a, b, op);
  if (!r) return -1;
  if (r.get() == True()) return 1;
  if (r.get() == False()) return 0;
  return IsTrue(r.get());
}

int IsTrue(Object* o) {
  if (o == True()) return 1;
  if (o == False() || o == None()) return 0;
  if (o->type->nb_bool != nullptr) return o->type->nb_bool(o);
  if (o->type->length != nullptr) {
    int64_t n = o->type->length(o);
    if (n < 0) return -1;
    return n > 0 ? 1 : 0;
  }
  return 1;
}

Ref<> Format(Object* o, Object* spec) {
  Ref<> empty;
  if (spec == nullptr) {
    empty = NewStr("");
    if (!empty) return nullptr;
    spec = empty.get();
  }
  bool spec_empty = IsStr(spec) && static_cast<Str*>(spec)->length == 0;
  if (spec_empty) {
    if (IsExactStr(o)) return NewRef(o);
    if (IsExactInt(o)) return ToStr(o);
  } else if (IsStr(spec)) {
    // The builtin types' __format__ cannot be replaced (their dicts are read-only): call the
    // formatter their method would call, without the lookup and the bound-method call.
    Str* s = static_cast<Str*>(spec);
    if (IsExactInt(o)) return FormatInt(IntValue(o), s);
    if (o->type == &FloatType) return FormatFloat(FloatValue(o), s);
    if (IsExactStr(o)) return FormatStr(static_cast<Str*>(o), s);
  }
  Ref<> meth = LookupSpecial(o, InternStr("__format__"));
  if (!meth) {
    if (!ErrorOccurred()) {
      SetErrorF(&TypeErrorType, "Type %.100s doesn't define __format__", TypeNameOf(o));
    }
    return nullptr;
  }
  Ref<> r = CallOneArg(meth.get(), spec);
  if (!r) return nullptr;
  if (!IsStr(r.get())) {
    SetErrorF(&TypeErrorType, "__format__ must return a str, not %.200s", TypeNameOf(r.get()));
    return nullptr;
  }
  return r;
}

int IsInstance(Object* o, Object* cls) {
  if (o->type == cls) return 1;
  if (IsExactType(cls)) return ObjectIsInstance(o, cls);
  return CheckClassInfo(o, cls, &IsInstance, &ObjectIsInstance, "__instancecheck__",
                        " in __instancecheck__");
}

int IsSubclass(Object* derived, Object* cls) {
  if (IsExactType(cls)) {
    if (derived == cls) return 1;
    return ObjectIsSubclass(derived, cls);
  }
  return CheckClassInfo(derived, cls, &IsSubclass, &ObjectIsSubclass, "__subclasscheck__",
                        " in __subclasscheck__");
}

Ref<> Dir(Object* o) {
  Ref<> meth = LookupSpecial(o, InternStr("__dir__"));
  Ref<> result;
  if (meth) {
    result = CallNoArgs(meth.get());
    if (!result) return nullptr;
  } else {
    if (ErrorOccurred()) return nullptr;
    // No __dir__ anywhere (object.__dir__ not installed): the instance dict's keys plus the
    // attributes of the type and its bases.
    Ref<Dict> names = NewDict();
    if (!names) return nullptr;
    Ref<> d = LookupAttr(o, InternStr("__dict__"));
    if (!d && ErrorOccurred()) return nullptr;
    if (d && IsDict(d.get()) && !DictMerge(names.get(), d.get(), true)) return nullptr;
    Type* t = IsTypeObject(o) ? static_cast<Type*>(o) : o->type;
    if (t->mro != nullptr && IsTuple(t->mro)) {
      Tuple* mro = static_cast<Tuple*>(t->mro);
      for (int64_t i = 0; i < mro->size; ++i) {
        Object* td = static_cast<Type*>(mro->items[i])->dict;
        if (td != nullptr && !DictMerge(names.get(), td, true)) return nullptr;
      }
    }
    result = DictKeys(names.get());
    if (!result) return nullptr;
  }
  Ref<> list = SequenceList(result.get());
  if (!list) return nullptr;
  if (!ListSort(static_cast<List*>(list.get()), nullptr, false)) return nullptr;
  return list;
}

}  // namespace pyrite::vm
