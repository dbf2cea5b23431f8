// builtins.__build_class__ (what a `class` statement calls): __mro_entries__ on the bases, the
// most derived metaclass, __prepare__, running the class body with the namespace as its locals,
// then metaclass(name, bases, namespace, **kwds) and the __classcell__ check that makes
// zero-argument super() work. Follows CPython 3.11's builtin___build_class__.
#include <string>
#include <vector>

#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/eval.h"
#include "python/vm/eval_internal.h"
#include "python/vm/frame.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/function.h"
#include "python/vm/objects/list.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/runtime.h"
#include "python/vm/type_internal.h"

namespace pyrite::vm {

namespace {

std::string ReprUtf8(Object* o) {
  Ref<> r = Repr(o);
  if (!r) {
    ClearError();
    return "?";
  }
  return std::string(StrUtf8(static_cast<Str*>(r.get())));
}

bool IsType(Object* o) { return HasFlag(o->type, kTypeSubclass); }

// Replaces bases that define __mro_entries__ by what it returns (PEP 560). Returns the original
// tuple itself when nothing changes.
Ref<> UpdateBases(Tuple* bases) {
  Ref<List> updated;
  for (int64_t i = 0; i < bases->size; ++i) {
    Object* base = bases->items[i];
    if (IsType(base)) {
      if (updated && !ListAppend(updated.get(), base)) return nullptr;
      continue;
    }
    Ref<> meth = LookupAttr(base, InternStr("__mro_entries__"));
    if (!meth) {
      if (ErrorOccurred()) return nullptr;
      if (updated && !ListAppend(updated.get(), base)) return nullptr;
      continue;
    }
    Ref<> entries = CallOneArg(meth.get(), bases);
    PY_RETURN_IF_NULL(entries);
    if (!IsTuple(entries.get())) {
      SetError(&TypeErrorType, "__mro_entries__ must return a tuple");
      return nullptr;
    }
    if (!updated) {
      updated = NewList();
      PY_RETURN_IF_NULL(updated);
      for (int64_t j = 0; j < i; ++j) {
        if (!ListAppend(updated.get(), bases->items[j])) return nullptr;
      }
    }
    if (!ListExtend(updated.get(), entries.get())) return nullptr;
  }
  if (!updated) return NewRef<Object>(bases);
  return ListAsTuple(updated.get());
}

// Calls fn(*front, **kwds).
Ref<> CallWithKwds(Object* fn, std::vector<Object*> front, Dict* kwds) {
  size_t nargs = front.size();
  Ref<Tuple> kwnames;
  if (kwds != nullptr && DictSize(kwds) > 0) {
    kwnames = NewTuple(DictSize(kwds));
    PY_RETURN_IF_NULL(kwnames);
    int64_t pos = 0, i = 0;
    Object *k, *v;
    while (DictNext(kwds, &pos, &k, &v)) {
      TupleInit(kwnames.get(), i++, NewRef(k));
      front.push_back(v);
    }
  }
  return Call(fn, front.data(), nargs, kwnames.get());
}

}  // namespace

Ref<> BuildClass(Object* /*self*/, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (nargs < 2) {
    SetError(&TypeErrorType, "__build_class__: not enough arguments");
    return nullptr;
  }
  Object* func = args[0];
  if (func->type != &FunctionType) {
    SetError(&TypeErrorType, "__build_class__: func must be a function");
    return nullptr;
  }
  Object* name = args[1];
  if (!IsStr(name)) {
    SetError(&TypeErrorType, "__build_class__: name is not a string");
    return nullptr;
  }
  Ref<Tuple> orig_bases = NewTupleFromArray(args + 2, static_cast<int64_t>(nargs - 2));
  PY_RETURN_IF_NULL(orig_bases);
  Ref<> bases_obj = UpdateBases(orig_bases.get());
  PY_RETURN_IF_NULL(bases_obj);
  Tuple* bases = static_cast<Tuple*>(bases_obj.get());

  Ref<Dict> kwds;
  Ref<> meta;
  if (kwnames != nullptr && kwnames->size > 0) {
    kwds = NewDict();
    PY_RETURN_IF_NULL(kwds);
    for (int64_t i = 0; i < kwnames->size; ++i) {
      if (DictSetItem(kwds.get(), kwnames->items[i], args[nargs + i]) < 0) return nullptr;
    }
    Str* key = InternStr("metaclass");
    Object* m = DictGetItemStr(kwds.get(), key);
    if (m != nullptr) {
      meta = NewRef(m);
      if (DictDelItem(kwds.get(), key) < 0) return nullptr;
    } else if (ErrorOccurred()) {
      return nullptr;
    }
  }
  bool is_class;
  if (!meta) {
    meta = NewRef<Object>(bases->size == 0 ? &TypeType : bases->items[0]->type);
    is_class = true;
  } else {
    is_class = IsType(meta.get());
  }
  if (is_class) {
    Type* winner = CalculateMetaclass(static_cast<Type*>(meta.get()), bases);
    if (winner == nullptr) return nullptr;
    meta = NewRef<Object>(winner);
  }

  Ref<> ns;
  Ref<> prepare = LookupAttr(meta.get(), InternStr("__prepare__"));
  if (!prepare) {
    if (ErrorOccurred()) return nullptr;
    ns = NewDict();
  } else {
    ns = CallWithKwds(prepare.get(), {name, bases}, kwds.get());
  }
  PY_RETURN_IF_NULL(ns);
  if (!IsDict(ns.get()) && ns->type->subscript == nullptr) {
    SetErrorF(&TypeErrorType, "%s.__prepare__() must return a mapping, not %s",
              is_class ? static_cast<Type*>(meta.get())->name : "<metaclass>",
              TypeNameOf(ns.get()));
    return nullptr;
  }

  // The body: the function's code run with the namespace as its locals.
  Function* fn = static_cast<Function*>(func);
  Frame* f = NewFrame(static_cast<Code*>(fn->code), func, fn->globals, fn->builtins, ns.get());
  if (f == nullptr) return nullptr;
  Ref<> cell = RunFrame(f);
  PY_RETURN_IF_NULL(cell);

  if (bases_obj.get() != orig_bases.get()) {
    if (SetItem(ns.get(), InternStr("__orig_bases__"), orig_bases.get()) < 0) return nullptr;
  }
  Ref<> cls = CallWithKwds(meta.get(), {name, bases, ns.get()}, kwds.get());
  PY_RETURN_IF_NULL(cls);
  if (IsType(cls.get()) && cell->type == &CellType) {
    Object* cell_cls = static_cast<Cell*>(cell.get())->ref;
    if (cell_cls != cls.get()) {
      if (cell_cls == nullptr) {
        SetErrorF(&RuntimeErrorType,
                  "__class__ not set defining %s as %s. Was __classcell__ propagated to "
                  "type.__new__?",
                  ReprUtf8(name).c_str(), ReprUtf8(cls.get()).c_str());
      } else {
        SetErrorF(&TypeErrorType, "__class__ set to %s defining %s as %s",
                  ReprUtf8(cell_cls).c_str(), ReprUtf8(name).c_str(),
                  ReprUtf8(cls.get()).c_str());
      }
      return nullptr;
    }
  }
  return cls;
}

}  // namespace pyrite::vm
