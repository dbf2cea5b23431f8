// The gc module over the cycle collector of python/vm/gc.h: collect, enable/disable/isenabled,
// thresholds. Counts and debug flags are not tracked yet (get_count returns zeros).
#include <cstdint>

#include "python/builtins/builtins.h"
#include "python/builtins/builtins_internal.h"
#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/gc.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/list.h"
#include "python/vm/objects/module.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::builtins {

using namespace vm;  // NOLINT: this file is all VM objects

namespace {

Ref<> GcCollectFn(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const Params kParams{"collect", {"generation"}, 0, 0};
  Object* a[1];
  if (!ParseArgs(kParams, args, nargs, kwnames, a)) return nullptr;
  if (a[0] != nullptr) {
    int64_t gen;
    if (!AsSsize(a[0], &OverflowErrorType, &gen)) return nullptr;
    if (gen < 0 || gen > 2) {
      SetError(&ValueErrorType, "invalid generation");
      return nullptr;
    }
  }
  int64_t n = GcCollect();
  if (ErrorOccurred()) return nullptr;
  return NewInt(n);
}

Ref<> GcEnableFn(Object*, Object* const*, size_t, Tuple*) {
  GcEnable(true);
  return NewNone();
}
Ref<> GcDisableFn(Object*, Object* const*, size_t, Tuple*) {
  GcEnable(false);
  return NewNone();
}
Ref<> GcIsEnabledFn(Object*, Object* const*, size_t, Tuple*) { return NewBool(GcIsEnabled()); }

Ref<> GcGetThresholdFn(Object*, Object* const*, size_t, Tuple*) {
  int64_t t[3];
  GcGetThreshold(t);
  Ref<> a = NewInt(t[0]), b = NewInt(t[1]), c = NewInt(t[2]);
  if (!a || !b || !c) return nullptr;
  return NewTupleFrom({a.get(), b.get(), c.get()});
}

Ref<> GcSetThresholdFn(Object*, Object* const* args, size_t nargs, Tuple*) {
  if (nargs < 1 || nargs > 3) {
    if (nargs < 1) {
      SetErrorF(&TypeErrorType, "set_threshold() takes at least 1 argument (%zu given)", nargs);
    } else {
      SetErrorF(&TypeErrorType, "set_threshold() takes at most 3 arguments (%zu given)", nargs);
    }
    return nullptr;
  }
  int64_t t[3];
  GcGetThreshold(t);
  for (size_t i = 0; i < nargs; ++i) {
    if (!AsSsize(args[i], &OverflowErrorType, &t[i])) return nullptr;
  }
  GcSetThreshold(t[0], t[1], t[2]);
  return NewNone();
}

Ref<> GcGetCountFn(Object*, Object* const*, size_t, Tuple*) {
  Ref<> z = NewInt(0);
  if (!z) return nullptr;
  return NewTupleFrom({z.get(), z.get(), z.get()});
}

Ref<> GcIsTrackedFn(Object*, Object* const* args, size_t, Tuple*) {
  Object* o = args[0];
  return NewBool(HasFlag(o->type, kHaveGc) && GcIsTracked(o));
}

Ref<> GcGetDebugFn(Object*, Object* const*, size_t, Tuple*) { return NewInt(0); }
Ref<> GcSetDebugFn(Object*, Object* const*, size_t, Tuple*) { return NewNone(); }
Ref<> GcFreezeFn(Object*, Object* const*, size_t, Tuple*) { return NewNone(); }
Ref<> GcGetFreezeCountFn(Object*, Object* const*, size_t, Tuple*) { return NewInt(0); }

const MethodDef kGcFunctions[] = {
    {"collect", &GcCollectFn, kMethKeywords},
    {"enable", &GcEnableFn, kMethNoArgs},
    {"disable", &GcDisableFn, kMethNoArgs},
    {"isenabled", &GcIsEnabledFn, kMethNoArgs},
    {"get_threshold", &GcGetThresholdFn, kMethNoArgs},
    {"set_threshold", &GcSetThresholdFn, kMethFastcall},
    {"get_count", &GcGetCountFn, kMethNoArgs},
    {"is_tracked", &GcIsTrackedFn, kMethO},
    {"get_debug", &GcGetDebugFn, kMethNoArgs},
    {"set_debug", &GcSetDebugFn, kMethO},
    {"freeze", &GcFreezeFn, kMethNoArgs},
    {"unfreeze", &GcFreezeFn, kMethNoArgs},
    {"get_freeze_count", &GcGetFreezeCountFn, kMethNoArgs},
    {nullptr, nullptr, 0},
};

}  // namespace

Ref<> MakeGcModule() {
  Ref<Module> m = NewModule("gc");
  if (!m) return nullptr;
  if (!AddFunctions(m.get(), kGcFunctions)) return nullptr;
  auto* d = static_cast<Dict*>(ModuleDict(m.get()));
  Ref<List> garbage = NewList();
  Ref<List> callbacks = NewList();
  if (!garbage || !callbacks) return nullptr;
  if (DictSetItemUtf8(d, "garbage", garbage.get()) < 0 ||
      DictSetItemUtf8(d, "callbacks", callbacks.get()) < 0) {
    return nullptr;
  }
  static const struct {
    const char* name;
    int value;
  } kConstants[] = {{"DEBUG_STATS", 1},
                    {"DEBUG_COLLECTABLE", 2},
                    {"DEBUG_UNCOLLECTABLE", 4},
                    {"DEBUG_SAVEALL", 32},
                    {"DEBUG_LEAK", 38}};
  for (const auto& c : kConstants) {
    Ref<> v = NewInt(c.value);
    if (!v || DictSetItemUtf8(d, c.name, v.get()) < 0) return nullptr;
  }
  return m;
}

}  // namespace pyrite::builtins
