// The _weakref module (ref, getweakrefcount, getweakrefs) over python/vm/objects/weakref.h, and a
// built-in `weakref` module with the same names so that `import weakref; weakref.ref(x)` works
// until Lib/weakref.py can be imported.
#include <cstdint>
#include <string_view>

#include "python/builtins/builtins.h"
#include "python/builtins/builtins_internal.h"
#include "python/vm/error.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/list.h"
#include "python/vm/objects/module.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/weakref.h"

namespace pyrite::builtins {

using namespace vm;  // NOLINT: this file is all VM objects

namespace {

// The head of o's weak-reference list (borrowed), or null.
WeakRef* WeakrefListHead(Object* o) {
  Object** slot = InstanceWeaklistPtr(o);
  if (slot == nullptr && o->type->weaklist_offset > 0) {
    slot = reinterpret_cast<Object**>(reinterpret_cast<char*>(o) + o->type->weaklist_offset);
  }
  if (slot == nullptr) return nullptr;
  return static_cast<WeakRef*>(*slot);
}

Ref<> GetWeakrefCount(Object*, Object* const* args, size_t, Tuple*) {
  int64_t n = 0;
  if (SupportsWeakrefs(args[0])) {
    for (WeakRef* w = WeakrefListHead(args[0]); w != nullptr; w = w->next) ++n;
  }
  return NewInt(n);
}

Ref<> GetWeakrefs(Object*, Object* const* args, size_t, Tuple*) {
  Ref<List> list = NewList();
  if (!list) return nullptr;
  if (SupportsWeakrefs(args[0])) {
    for (WeakRef* w = WeakrefListHead(args[0]); w != nullptr; w = w->next) {
      if (!ListAppend(list.get(), w)) return nullptr;
    }
  }
  return list;
}

const MethodDef kWeakrefFunctions[] = {
    {"getweakrefcount", &GetWeakrefCount, kMethO},
    {"getweakrefs", &GetWeakrefs, kMethO},
    {nullptr, nullptr, 0},
};

Ref<> MakeModule(std::string_view name) {
  Ref<Module> m = NewModule(name);
  if (!m) return nullptr;
  if (!AddFunctions(m.get(), kWeakrefFunctions)) return nullptr;
  auto* d = static_cast<Dict*>(ModuleDict(m.get()));
  if (DictSetItemUtf8(d, "ref", &WeakRefType) < 0 ||
      DictSetItemUtf8(d, "ReferenceType", &WeakRefType) < 0) {
    return nullptr;
  }
  return m;
}

}  // namespace

Ref<> MakeWeakrefModule() { return MakeModule("_weakref"); }
Ref<> MakeWeakrefAliasModule() { return MakeModule("weakref"); }

}  // namespace pyrite::builtins
