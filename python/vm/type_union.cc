// types.UnionType: the result of `int | str` (type.__or__ / __ror__). Holds the flattened,
// de-duplicated member types in __args__; isinstance/issubclass accept it like a tuple of classes
// (abstract_object.cc recognises the type by its name).
#include <string>
#include <vector>

#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/gc.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/type.h"
#include "python/vm/type_internal.h"

namespace pyrite::vm {

Type UnionType;

namespace {

struct UnionObject : Object {
  Object* args;  // Tuple
};

UnionObject* AsUnion(Object* o) { return static_cast<UnionObject*>(o); }

bool IsUnionable(Object* o) {
  return o == None() || HasFlag(o->type, kTypeSubclass) || o->type == &UnionType;
}

void AddArg(std::vector<Object*>* out, Object* o) {
  if (o == None()) o = &NoneType;
  if (o->type == &UnionType) {
    Tuple* t = static_cast<Tuple*>(AsUnion(o)->args);
    for (int64_t i = 0; i < t->size; ++i) AddArg(out, t->items[i]);
    return;
  }
  for (Object* x : *out) {
    if (x == o) return;
  }
  out->push_back(o);
}

Ref<> UnionOr(Object* a, Object* b) {
  if (!IsUnionable(a) || !IsUnionable(b)) return NewNotImplemented();
  std::vector<Object*> args;
  AddArg(&args, a);
  AddArg(&args, b);
  if (args.size() == 1) return NewRef(args[0]);
  Ref<Tuple> t = NewTupleFromArray(args.data(), static_cast<int64_t>(args.size()));
  PY_RETURN_IF_NULL(t);
  UnionObject* u = AllocObject<UnionObject>(&UnionType, 0);
  if (u == nullptr) return nullptr;
  u->args = t.release();
  return StealRef<Object>(u);
}

std::string ArgRepr(Object* o, bool* ok) {
  if (o == &NoneType) return "None";
  if (HasFlag(o->type, kTypeSubclass)) {
    Ref<> mod = GetAttr(o, "__module__");
    Ref<> qual = GetAttr(o, "__qualname__");
    if (mod && qual && IsStr(mod.get()) && IsStr(qual.get())) {
      std::string m(StrUtf8(static_cast<Str*>(mod.get())));
      std::string q(StrUtf8(static_cast<Str*>(qual.get())));
      return m == "builtins" ? q : m + "." + q;
    }
    ClearError();
  }
  Ref<> r = Repr(o);
  if (!r) {
    *ok = false;
    return "";
  }
  return std::string(StrUtf8(static_cast<Str*>(r.get())));
}

Ref<> UnionRepr(Object* self) {
  Tuple* t = static_cast<Tuple*>(AsUnion(self)->args);
  std::string s;
  bool ok = true;
  for (int64_t i = 0; i < t->size; ++i) {
    if (i > 0) s += " | ";
    s += ArgRepr(t->items[i], &ok);
    if (!ok) return nullptr;
  }
  return NewStr(s);
}

bool SameArgs(Tuple* a, Tuple* b) {
  if (a->size != b->size) return false;
  for (int64_t i = 0; i < a->size; ++i) {
    bool found = false;
    for (int64_t j = 0; j < b->size && !found; ++j) found = a->items[i] == b->items[j];
    if (!found) return false;
  }
  return true;
}

Ref<> UnionRichCompare(Object* a, Object* b, CompareOp op) {
  if (b->type != &UnionType || (op != CompareOp::kEq && op != CompareOp::kNe)) {
    return NewNotImplemented();
  }
  bool eq = SameArgs(static_cast<Tuple*>(AsUnion(a)->args), static_cast<Tuple*>(AsUnion(b)->args));
  return NewBool(op == CompareOp::kEq ? eq : !eq);
}

int64_t UnionHash(Object* self) {
  Tuple* t = static_cast<Tuple*>(AsUnion(self)->args);
  uint64_t h = 0x345678;
  for (int64_t i = 0; i < t->size; ++i) h ^= static_cast<uint64_t>(HashPointer(t->items[i]));
  int64_t r = static_cast<int64_t>(h);
  return r == -1 ? -2 : r;
}

Ref<> UnionGetArgs(Object* self) { return NewRef(AsUnion(self)->args); }
Ref<> UnionGetParameters(Object*) { return NewTuple(0); }

const GetSetDef kUnionGetSets[] = {{"__args__", &UnionGetArgs},
                                   {"__parameters__", &UnionGetParameters},
                                   {nullptr, nullptr}};

}  // namespace

Ref<> TypeOr(Object* a, Object* b) { return UnionOr(a, b); }

void InitUnionType() {
  InitStaticType(&UnionType, {.name = "types.UnionType",
                              .basicsize = sizeof(UnionObject),
                              .flags = kHaveGc,
                              .getsets = kUnionGetSets,
                              .doc = "Represent a PEP 604 union type\n\nE.g. for int | str"});
  UnionType.dealloc = [](Object* o) {
    GcUntrack(o);
    Xdecref(AsUnion(o)->args);
    FreeObject(o);
  };
  UnionType.traverse = [](Object* o, VisitFn visit, void* arg) {
    if (AsUnion(o)->args != nullptr) visit(AsUnion(o)->args, arg);
  };
  UnionType.repr = &UnionRepr;
  UnionType.richcompare = &UnionRichCompare;
  UnionType.hash = &UnionHash;
  UnionType.nb_or = &UnionOr;
  UnionType.getattro = &GenericGetAttr;
}

}  // namespace pyrite::vm
