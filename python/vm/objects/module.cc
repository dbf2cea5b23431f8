// Module objects (types.ModuleType: a namespace dict with __name__, repr, attribute lookup with
// the module-level __getattr__ hook, __dir__) and the registry of built-in (native) modules that
// ImportModule serves.
#include "python/vm/objects/module.h"

#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/gc.h"
#include "python/vm/objects/descr.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/exceptions.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/objects/weakref.h"
#include "python/vm/runtime.h"
#include "python/vm/type_internal.h"

namespace pyrite::vm {

Type ModuleType;

Module::~Module() { Xdecref(dict); }

namespace {

std::vector<BuiltinModule>& Registry() {
  static auto* r = new std::vector<BuiltinModule>();
  return *r;
}

std::string U(Object* s) { return std::string(StrUtf8(static_cast<Str*>(s))); }

Module* AsModule(Object* o) { return static_cast<Module*>(o); }

// Sets __name__, __doc__ and the import-system attributes CPython's module_init_dict sets.
bool InitModuleDict(Dict* d, Object* name, Object* doc) {
  return DictSetItemUtf8(d, "__name__", name) >= 0 &&
         DictSetItemUtf8(d, "__doc__", doc != nullptr ? doc : None()) >= 0 &&
         DictSetItemUtf8(d, "__package__", None()) >= 0 &&
         DictSetItemUtf8(d, "__loader__", None()) >= 0 &&
         DictSetItemUtf8(d, "__spec__", None()) >= 0;
}

Ref<> ModuleNew(Type* type, Object* const*, size_t, Tuple*) {
  Module* m = AllocObject<Module>(type, 0);
  if (m == nullptr) return nullptr;
  Ref<> r = StealRef<Object>(m);
  Ref<Dict> d = NewDict();
  PY_RETURN_IF_NULL(d);
  m->dict = d.release();
  return r;
}

int ModuleInit(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const Params kP{"module", {"name", "doc"}, 0, 1};
  Object* a[2];
  if (!ParseArgs(kP, args, nargs, kwnames, a)) return -1;
  if (!IsStr(a[0])) {
    SetErrorF(&TypeErrorType, "module() argument 'name' must be str, not %s", TypeNameOf(a[0]));
    return -1;
  }
  Module* m = AsModule(self);
  if (!EnsureDict(&m->dict)) return -1;
  return InitModuleDict(static_cast<Dict*>(m->dict), a[0], a[1]) ? 0 : -1;
}

Ref<> ModuleRepr(Object* o) {
  Dict* d = static_cast<Dict*>(AsModule(o)->dict);
  Object* name = d != nullptr ? DictGetItemUtf8(d, "__name__") : nullptr;
  std::string n = name != nullptr && IsStr(name) ? U(name) : "?";
  Object* file = d != nullptr ? DictGetItemUtf8(d, "__file__") : nullptr;
  if (file != nullptr && IsStr(file)) {
    return NewStr(absl::StrCat("<module '", n, "' from '", U(file), "'>"));
  }
  if (FindBuiltinModule(n) != nullptr || n == "builtins" || n == "sys") {
    return NewStr(absl::StrCat("<module '", n, "' (built-in)>"));
  }
  return NewStr(absl::StrCat("<module '", n, "'>"));
}

Ref<> ModuleGetAttro(Object* o, Str* name) {
  Ref<> r = GenericGetAttr(o, name);
  if (r || !ErrorMatches(&AttributeErrorType)) return r;
  Dict* d = static_cast<Dict*>(AsModule(o)->dict);
  if (d != nullptr) {
    Object* hook = DictGetItemUtf8(d, "__getattr__");
    if (hook != nullptr) {
      ClearError();
      Ref<> keep = NewRef(hook);
      return CallOneArg(hook, name);
    }
  }
  ClearError();
  Object* mname = d != nullptr ? DictGetItemUtf8(d, "__name__") : nullptr;
  if (mname != nullptr && IsStr(mname)) {
    SetErrorF(&AttributeErrorType, "module '%s' has no attribute '%s'", U(mname).c_str(),
              std::string(StrUtf8(name)).c_str());
  } else {
    SetErrorF(&AttributeErrorType, "module has no attribute '%s'",
              std::string(StrUtf8(name)).c_str());
  }
  return nullptr;
}

Ref<> ModuleDir(Object* self, Object* const*, size_t, Tuple*) {
  Dict* d = static_cast<Dict*>(AsModule(self)->dict);
  if (d == nullptr) {
    SetError(&TypeErrorType, "<module>.__dict__ is not a dictionary");
    return nullptr;
  }
  Object* hook = DictGetItemUtf8(d, "__dir__");
  if (hook != nullptr) {
    Ref<> keep = NewRef(hook);
    return CallNoArgs(hook);
  }
  return DictKeys(d);
}

const MethodDef kModuleMethods[] = {{"__dir__", &ModuleDir, kMethNoArgs, "__dir__() -> list"},
                                    {nullptr, nullptr, 0}};

}  // namespace

Ref<Module> NewModule(std::string_view name) {
  Ref<> m = ModuleNew(&ModuleType, nullptr, 0, nullptr);
  PY_RETURN_IF_NULL(m);
  Ref<Str> n = NewStr(name);
  PY_RETURN_IF_NULL(n);
  if (!InitModuleDict(static_cast<Dict*>(AsModule(m.get())->dict), n.get(), nullptr)) {
    return nullptr;
  }
  return RefCast<Module>(std::move(m));
}

bool AddFunctions(Object* module, const MethodDef* defs) {
  Dict* d = static_cast<Dict*>(ModuleDict(module));
  Object* modname = DictGetItemUtf8(d, "__name__");
  for (const MethodDef* def = defs; def->name != nullptr; ++def) {
    Ref<> f = NewBuiltinFunction(def, module, modname);
    PY_RETURN_VALUE_IF_NULL(f, false);
    if (DictSetItemUtf8(d, def->name, f.get()) < 0) return false;
  }
  return true;
}

void RegisterBuiltinModule(const BuiltinModule& module) {
  for (BuiltinModule& m : Registry()) {
    if (std::string_view(m.name) == module.name) {
      m = module;
      return;
    }
  }
  Registry().push_back(module);
}

const BuiltinModule* FindBuiltinModule(std::string_view name) {
  for (const BuiltinModule& m : Registry()) {
    if (name == m.name) return &m;
  }
  return nullptr;
}

Ref<> ImportModule(std::string_view name) {
  Dict* modules = interp != nullptr ? static_cast<Dict*>(interp->modules) : nullptr;
  if (modules != nullptr) {
    Object* m = DictGetItemUtf8(modules, name);
    if (m != nullptr && m != None()) return NewRef(m);
    if (ErrorOccurred()) return nullptr;
  }
  const BuiltinModule* bm = FindBuiltinModule(name);
  if (bm == nullptr) {
    SetErrorF(&ModuleNotFoundErrorType, "No module named '%s'", std::string(name).c_str());
    Object* exc = PeekError();
    if (exc != nullptr && TypeCheck(exc, &ImportErrorType)) {
      Ref<Str> n = NewStr(name);
      if (n) {
        ImportErrorObject* ie = static_cast<ImportErrorObject*>(exc);
        Object* old = ie->name;
        ie->name = n.release();
        Xdecref(old);
      }
    }
    return nullptr;
  }
  Ref<> m = bm->init();
  PY_RETURN_IF_NULL(m);
  if (modules != nullptr && DictSetItemUtf8(modules, name, m.get()) < 0) return nullptr;
  return m;
}

void FinalizeModules() {}

void InitModuleType() {
  InitStaticType(&ModuleType, {.name = "module",
                               .basicsize = sizeof(Module),
                               .flags = kBaseType | kHaveGc,
                               .methods = kModuleMethods,
                               .doc = "Create a module object.\n\nThe name must be a string; "
                                      "the optional doc argument can have any type."});
  ModuleType.dict_offset = (FieldOffset(&Module::dict));
  ModuleType.weaklist_offset = (FieldOffset(&Module::weaklist));
  ModuleType.dealloc = [](Object* o) {
    GcUntrack(o);
    if (AsModule(o)->weaklist != nullptr) ClearWeakrefs(o);
    AsModule(o)->~Module();
    FreeObject(o);
  };
  ModuleType.traverse = [](Object* o, VisitFn visit, void* arg) {
    if (AsModule(o)->dict != nullptr) visit(AsModule(o)->dict, arg);
  };
  ModuleType.clear = [](Object* o) { ClearField(&AsModule(o)->dict); };
  ModuleType.new_ = &ModuleNew;
  ModuleType.init = &ModuleInit;
  ModuleType.repr = &ModuleRepr;
  ModuleType.getattro = &ModuleGetAttro;
  ModuleType.setattro = &GenericSetAttr;
}

}  // namespace pyrite::vm
