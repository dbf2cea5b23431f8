// types.GenericAlias: what `list[int]` evaluates to (__class_getitem__ of the builtin containers).
// A small version: __origin__, __args__, __parameters__ (always empty here), repr `list[int]`,
// equality, hashing, and calling the alias calls the origin.
#include <string>

#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/gc.h"
#include "python/vm/objects/containers_internal.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::vm {

Type GenericAliasType;

namespace {

struct GenericAlias : Object {
  Object* origin;  // owned
  Object* args;    // owned Tuple
};

void AliasDealloc(Object* o) {
  GcUntrack(o);
  GenericAlias* g = static_cast<GenericAlias*>(o);
  Xdecref(g->origin);
  Xdecref(g->args);
  FreeObject(o);
}
void AliasTraverse(Object* o, VisitFn visit, void* arg) {
  GenericAlias* g = static_cast<GenericAlias*>(o);
  if (g->origin != nullptr) visit(g->origin, arg);
  if (g->args != nullptr) visit(g->args, arg);
}
void AliasClear(Object* o) {
  GenericAlias* g = static_cast<GenericAlias*>(o);
  Object* a = g->origin;
  Object* b = g->args;
  g->origin = g->args = nullptr;
  Xdecref(a);
  Xdecref(b);
}

// One item of the repr: `...`, a type as module.qualname (no module for builtins), else repr().
bool ReprItem(Object* o, std::string* out) {
  if (o == Ellipsis()) {
    *out += "...";
    return true;
  }
  if (o->type == &GenericAliasType) {
    Ref<> r = Repr(o);
    if (!r) return false;
    *out += StrUtf8(static_cast<Str*>(r.get()));
    return true;
  }
  static Str* qualname_name = InternStr("__qualname__");
  static Str* module_name = InternStr("__module__");
  if (HasFlag(o->type, kTypeSubclass)) {
    Ref<> qualname = LookupAttr(o, qualname_name);
    if (!qualname && ErrorOccurred()) return false;
    Ref<> module = LookupAttr(o, module_name);
    if (!module && ErrorOccurred()) return false;
    if (qualname && module && IsStr(qualname.get())) {
      if (IsStr(module.get()) && !StrEqualUtf8(static_cast<Str*>(module.get()), "builtins")) {
        *out += StrUtf8(static_cast<Str*>(module.get()));
        *out += ".";
      }
      *out += StrUtf8(static_cast<Str*>(qualname.get()));
      return true;
    }
  }
  Ref<> r = Repr(o);
  if (!r) return false;
  *out += StrUtf8(static_cast<Str*>(r.get()));
  return true;
}

Ref<> AliasRepr(Object* o) {
  GenericAlias* g = static_cast<GenericAlias*>(o);
  std::string s;
  if (!ReprItem(g->origin, &s)) return nullptr;
  s += "[";
  Tuple* args = static_cast<Tuple*>(g->args);
  if (args->size == 0) s += "()";
  for (int64_t i = 0; i < args->size; ++i) {
    if (i > 0) s += ", ";
    if (!ReprItem(args->items[i], &s)) return nullptr;
  }
  s += "]";
  return NewStr(s);
}

Ref<> AliasRichCompare(Object* a, Object* b, CompareOp op) {
  if (b->type != &GenericAliasType || (op != CompareOp::kEq && op != CompareOp::kNe)) {
    return NewNotImplemented();
  }
  GenericAlias* x = static_cast<GenericAlias*>(a);
  GenericAlias* y = static_cast<GenericAlias*>(b);
  int eq = RichCompareBool(x->origin, y->origin, CompareOp::kEq);
  if (eq < 0) return nullptr;
  if (eq > 0) {
    eq = RichCompareBool(x->args, y->args, CompareOp::kEq);
    if (eq < 0) return nullptr;
  }
  return NewBool((eq > 0) == (op == CompareOp::kEq));
}

int64_t AliasHash(Object* o) {
  GenericAlias* g = static_cast<GenericAlias*>(o);
  int64_t h0 = Hash(g->origin);
  if (h0 == -1) return -1;
  int64_t h1 = Hash(g->args);
  if (h1 == -1) return -1;
  int64_t h = h0 ^ h1;
  return h == -1 ? -2 : h;
}

Ref<> AliasCall(Object* callable, Object* const* args, size_t nargs, Tuple* kwnames) {
  return Call(static_cast<GenericAlias*>(callable)->origin, args, nargs, kwnames);
}

Ref<> AliasNew(Type*, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (kwnames != nullptr && kwnames->size > 0) {
    SetError(&TypeErrorType, "GenericAlias() takes no keyword arguments");
    return nullptr;
  }
  if (nargs != 2) {
    SetErrorF(&TypeErrorType, "GenericAlias expected 2 arguments, got %zu", nargs);
    return nullptr;
  }
  return NewGenericAlias(args[0], args[1]);
}

Ref<> AliasGetOrigin(Object* o) { return NewRef(static_cast<GenericAlias*>(o)->origin); }
Ref<> AliasGetArgs(Object* o) { return NewRef(static_cast<GenericAlias*>(o)->args); }
Ref<> AliasGetParameters(Object*) { return NewTuple(0); }

const GetSetDef kAliasGetSets[] = {{"__origin__", &AliasGetOrigin},
                                   {"__args__", &AliasGetArgs},
                                   {"__parameters__", &AliasGetParameters},
                                   {nullptr, nullptr}};

}  // namespace

Ref<> NewGenericAlias(Object* origin, Object* args) {
  Ref<> t;
  if (IsTuple(args)) {
    t = NewRef(args);
  } else {
    t = NewTupleFrom({args});
    PY_RETURN_IF_NULL(t);
  }
  if (!EnsureReady(&GenericAliasType)) return nullptr;
  GenericAlias* g = AllocObject<GenericAlias>(&GenericAliasType, 0);
  if (g == nullptr) return nullptr;
  g->origin = NewRef(origin).release();
  g->args = t.release();
  return StealRef<Object>(g);
}

Ref<> ContainerClassGetItem(Object* cls, Object* const* args, size_t, Tuple*) {
  return NewGenericAlias(cls, args[0]);
}

void InitGenericAliasType() {
  InitStaticType(&GenericAliasType, {.name = "types.GenericAlias",
                                     .basicsize = sizeof(GenericAlias),
                                     .flags = kHaveGc,
                                     .getsets = kAliasGetSets});
  GenericAliasType.dealloc = &AliasDealloc;
  GenericAliasType.traverse = &AliasTraverse;
  GenericAliasType.clear = &AliasClear;
  GenericAliasType.new_ = &AliasNew;
  GenericAliasType.repr = &AliasRepr;
  GenericAliasType.richcompare = &AliasRichCompare;
  GenericAliasType.hash = &AliasHash;
  GenericAliasType.call = &AliasCall;
}

}  // namespace pyrite::vm
