// The _weakref module (ref, proxy, getweakrefcount, getweakrefs) over python/vm/objects/weakref.h,
// and a built-in `weakref` module with the same names so that `import weakref; weakref.ref(x)`
// works until Lib/weakref.py can be imported.
#include <cstdint>
#include <string_view>

#include "python/builtins/builtins.h"
#include "python/builtins/builtins_internal.h"
#include "python/vm/args.h"
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

Ref<> GetWeakrefCount(Object*, Object* const* args, size_t, Tuple*) {
  return NewInt(WeakrefCount(args[0]));
}

Ref<> GetWeakrefs(Object*, Object* const* args, size_t, Tuple*) { return WeakrefList(args[0]); }

// proxy(object, callback=None, /)
Ref<> Proxy(Object*, Object* const* args, size_t nargs, Tuple*) {
  if (!CheckPositional("proxy", nargs, 1, 2)) return nullptr;
  Object* callback = nargs == 2 && args[1] != None() ? args[1] : nullptr;
  return NewWeakProxy(args[0], callback);
}

const MethodDef kWeakrefFunctions[] = {
    {"getweakrefcount", &GetWeakrefCount, kMethO},
    {"getweakrefs", &GetWeakrefs, kMethO},
    {"proxy", &Proxy, kMethFastcall},
    {nullptr, nullptr, 0},
};

Ref<> MakeModule(std::string_view name) {
  Ref<Module> m = NewModule(name);
  if (!m) return nullptr;
  if (!AddFunctions(m.get(), kWeakrefFunctions)) return nullptr;
  auto* d = static_cast<Dict*>(ModuleDict(m.get()));
  if (DictSetItemUtf8(d, "ref", &WeakRefType) < 0 ||
      DictSetItemUtf8(d, "ReferenceType", &WeakRefType) < 0 ||
      DictSetItemUtf8(d, "ProxyType", &WeakProxyType) < 0 ||
      DictSetItemUtf8(d, "CallableProxyType", &WeakCallableProxyType) < 0) {
    return nullptr;
  }
  return m;
}

}  // namespace

Ref<> MakeWeakrefModule() { return MakeModule("_weakref"); }
Ref<> MakeWeakrefAliasModule() { return MakeModule("weakref"); }

}  // namespace pyrite::builtins
