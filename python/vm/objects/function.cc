// Runtime code objects (types.CodeType), functions, cells and bound methods: their construction
// from the compiler's CodeObject, their attributes, reprs and the descriptor protocol that turns a
// function found on a class into a bound method. Calling a function is eval_call.cc's job.
#include "python/vm/objects/function.h"

#include <cstddef>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "python/bytecode/opcodes.h"
#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/eval.h"
#include "python/vm/gc.h"
#include "python/vm/objects/bytes.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/float.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/module.h"
#include "python/vm/objects/set.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/objects/weakref.h"
#include "python/vm/runtime.h"

namespace pyrite::vm {

Type CodeType;
Type FunctionType;
Type CellType;
Type BoundMethodType;

namespace {

using bytecode::Constant;
using bytecode::Opcode;

// --- Code -----------------------------------------------------------------------------------

Ref<> ConstantToObject(const Constant& c);

Ref<> ConstantItemsToTuple(const Constant& c) {
  Ref<Tuple> t = NewTuple(static_cast<int64_t>(c.items.size()));
  PY_RETURN_IF_NULL(t);
  for (size_t i = 0; i < c.items.size(); ++i) {
    Ref<> item = ConstantToObject(c.items[i]);
    PY_RETURN_IF_NULL(item);
    TupleInit(t.get(), static_cast<int64_t>(i), std::move(item));
  }
  return t;
}

Ref<> ConstantToObject(const Constant& c) {
  switch (c.kind) {
    case Constant::Kind::kNone:
      return NewNone();
    case Constant::Kind::kEllipsis:
      return NewRef(Ellipsis());
    case Constant::Kind::kFalse:
      return NewBool(false);
    case Constant::Kind::kTrue:
      return NewBool(true);
    case Constant::Kind::kInt:
      if (c.big) return IntFromString(c.text, 10);
      return NewInt(c.integer);
    case Constant::Kind::kFloat:
      return NewFloat(c.real);
    case Constant::Kind::kComplex:
      return NewComplex(c.real, c.imag);
    case Constant::Kind::kStr: {
      Ref<Str> s = NewStr(c.text);
      PY_RETURN_IF_NULL(s);
      // Short identifier-like constants are interned as CPython does (attribute names for
      // getattr, dict keys), so that name lookups compare pointers.
      bool ident = !c.text.empty() && c.text.size() <= 40;
      for (char ch : c.text) {
        if (!(ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
              (ch >= '0' && ch <= '9'))) {
          ident = false;
          break;
        }
      }
      if (ident) InternInPlace(s);
      return s;
    }
    case Constant::Kind::kBytes:
      return NewBytes(c.text);
    case Constant::Kind::kTuple:
      return ConstantItemsToTuple(c);
    case Constant::Kind::kFrozenSet: {
      Ref<> items = ConstantItemsToTuple(c);
      PY_RETURN_IF_NULL(items);
      return NewFrozenSet(items.get());
    }
    case Constant::Kind::kCode:
      return NewCode(c.code);
  }
  SetError(&SystemErrorType, "unknown constant kind");
  return nullptr;
}

Ref<> InternedTuple(const std::vector<std::string>& names) {
  Ref<Tuple> t = NewTuple(static_cast<int64_t>(names.size()));
  PY_RETURN_IF_NULL(t);
  for (size_t i = 0; i < names.size(); ++i) {
    TupleInit(t.get(), static_cast<int64_t>(i), NewRef<Object>(InternStr(names[i])));
  }
  return t;
}

// Gives every cached instruction its slot in Code::caches, and code that loads or stores names
// (module and class bodies) its Code::name_caches.
void AssignCaches(Code* code) {
  std::vector<uint16_t>& u = code->units;
  for (size_t i = 0; i < u.size();) {
    Opcode op = bytecode::UnitOpcode(u[i]);
    if ((op == Opcode::LOAD_NAME || op == Opcode::STORE_NAME) && code->name_caches.empty()) {
      code->name_caches.resize(static_cast<size_t>(static_cast<Tuple*>(code->names)->size));
    }
    int ncache = 0;
    if (static_cast<int>(op) < bytecode::kNumRealOpcodes) ncache = bytecode::Info(op).cache;
    bool attr = op == Opcode::LOAD_ATTR || op == Opcode::LOAD_METHOD || op == Opcode::STORE_ATTR;
    if (ncache > 0 && (attr || op == Opcode::LOAD_GLOBAL)) {
      size_t n = attr ? kAttrCacheWays : 1;
      if (code->caches.size() + n < kNoCache) {
        u[i + 1] = static_cast<uint16_t>(code->caches.size());
        code->caches.resize(code->caches.size() + n);
      } else {
        u[i + 1] = kNoCache;
      }
    }
    i += 1 + ncache;
  }
}

Ref<> CodeRepr(Object* o) {
  Code* c = static_cast<Code*>(o);
  return NewStr(absl::StrFormat("<code object %s at %p, file \"%s\", line %d>",
                                std::string(StrUtf8(static_cast<Str*>(c->name))), static_cast<void*>(c),
                                std::string(StrUtf8(static_cast<Str*>(c->filename))),
                                c->source->firstlineno));
}

Code* AsCode(Object* o) { return static_cast<Code*>(o); }

Ref<> CodeGetName(Object* o) { return NewRef(AsCode(o)->name); }
Ref<> CodeGetQualname(Object* o) { return NewRef(AsCode(o)->qualname); }
Ref<> CodeGetFilename(Object* o) { return NewRef(AsCode(o)->filename); }
Ref<> CodeGetFirstlineno(Object* o) { return NewInt(AsCode(o)->source->firstlineno); }
Ref<> CodeGetArgcount(Object* o) { return NewInt(AsCode(o)->argcount); }
Ref<> CodeGetPosonly(Object* o) { return NewInt(AsCode(o)->posonlyargcount); }
Ref<> CodeGetKwonly(Object* o) { return NewInt(AsCode(o)->kwonlyargcount); }
Ref<> CodeGetNlocals(Object* o) { return NewInt(AsCode(o)->nlocals); }
Ref<> CodeGetStacksize(Object* o) { return NewInt(AsCode(o)->stacksize); }
Ref<> CodeGetFlags(Object* o) { return NewInt(static_cast<int64_t>(AsCode(o)->flags)); }
Ref<> CodeGetConsts(Object* o) { return NewRef(AsCode(o)->consts); }
Ref<> CodeGetNames(Object* o) { return NewRef(AsCode(o)->names); }

// The localsplus names whose kind has `mask`.
Ref<> NamesOfKind(Code* c, uint8_t mask) {
  const auto& kinds = c->source->localspluskinds;
  Tuple* all = static_cast<Tuple*>(c->localsplusnames);
  int64_t n = 0;
  for (uint8_t k : kinds) n += (k & mask) != 0;
  Ref<Tuple> t = NewTuple(n);
  PY_RETURN_IF_NULL(t);
  int64_t j = 0;
  for (size_t i = 0; i < kinds.size(); ++i) {
    if (kinds[i] & mask) TupleInit(t.get(), j++, NewRef(all->items[i]));
  }
  return t;
}
Ref<> CodeGetVarnames(Object* o) { return NamesOfKind(AsCode(o), bytecode::kLocal); }
Ref<> CodeGetCellvars(Object* o) { return NamesOfKind(AsCode(o), bytecode::kCell); }
Ref<> CodeGetFreevars(Object* o) { return NamesOfKind(AsCode(o), bytecode::kFree); }

Ref<> CodeGetCode(Object* o) {
  const std::vector<uint16_t>& units = AsCode(o)->source->code;
  std::string bytes;
  bytes.reserve(units.size() * 2);
  for (uint16_t u : units) {
    bytes.push_back(static_cast<char>(u & 0xFF));
    bytes.push_back(static_cast<char>(u >> 8));
  }
  return NewBytes(bytes);
}

Ref<> CodeGetLinetable(Object* /*o*/) { return NewBytes(""); }

const GetSetDef kCodeGetSets[] = {
    {"co_name", &CodeGetName},
    {"co_qualname", &CodeGetQualname},
    {"co_filename", &CodeGetFilename},
    {"co_firstlineno", &CodeGetFirstlineno},
    {"co_argcount", &CodeGetArgcount},
    {"co_posonlyargcount", &CodeGetPosonly},
    {"co_kwonlyargcount", &CodeGetKwonly},
    {"co_nlocals", &CodeGetNlocals},
    {"co_stacksize", &CodeGetStacksize},
    {"co_flags", &CodeGetFlags},
    {"co_consts", &CodeGetConsts},
    {"co_names", &CodeGetNames},
    {"co_varnames", &CodeGetVarnames},
    {"co_cellvars", &CodeGetCellvars},
    {"co_freevars", &CodeGetFreevars},
    {"co_code", &CodeGetCode},
    {"co_linetable", &CodeGetLinetable},
    {nullptr, nullptr},
};

void CodeDealloc(Object* o) {
  Code* c = static_cast<Code*>(o);
  if (c->weaklist != nullptr) ClearWeakrefs(o);
  c->~Code();
  FreeObject(o);
}

// --- Function -------------------------------------------------------------------------------

Function* AsFunc(Object* o) { return static_cast<Function*>(o); }

Ref<> NoneIfNull(Object* o) { return NewRef(o != nullptr ? o : None()); }

Ref<> FuncGetCode(Object* o) { return NewRef(AsFunc(o)->code); }
int FuncSetCode(Object* o, Object* v) {
  if (v == nullptr || v->type != &CodeType) {
    SetError(&TypeErrorType, "__code__ must be set to a code object");
    return -1;
  }
  Function* f = AsFunc(o);
  int64_t nclosure = f->closure ? static_cast<Tuple*>(f->closure)->size : 0;
  if (AsCode(v)->nfree != nclosure) {
    SetErrorF(&ValueErrorType, "%s() requires a code object with %lld free vars, not %d",
              StrUtf8(static_cast<Str*>(f->name)).data(), static_cast<long long>(nclosure),
              AsCode(v)->nfree);
    return -1;
  }
  SetField(&f->code, v);
  return 0;
}
Ref<> FuncGetName(Object* o) { return NewRef(AsFunc(o)->name); }
int FuncSetName(Object* o, Object* v) {
  if (v == nullptr || !IsStr(v)) {
    SetError(&TypeErrorType, "__name__ must be set to a string object");
    return -1;
  }
  SetField(&AsFunc(o)->name, v);
  return 0;
}
Ref<> FuncGetQualname(Object* o) { return NewRef(AsFunc(o)->qualname); }
int FuncSetQualname(Object* o, Object* v) {
  if (v == nullptr || !IsStr(v)) {
    SetError(&TypeErrorType, "__qualname__ must be set to a string object");
    return -1;
  }
  SetField(&AsFunc(o)->qualname, v);
  return 0;
}
Ref<> FuncGetDefaults(Object* o) { return NoneIfNull(AsFunc(o)->defaults); }
int FuncSetDefaults(Object* o, Object* v) {
  if (v == None()) v = nullptr;
  if (v != nullptr && !IsTuple(v)) {
    SetError(&TypeErrorType, "__defaults__ must be set to a tuple object");
    return -1;
  }
  SetField(&AsFunc(o)->defaults, v);
  return 0;
}
Ref<> FuncGetKwdefaults(Object* o) { return NoneIfNull(AsFunc(o)->kwdefaults); }
int FuncSetKwdefaults(Object* o, Object* v) {
  if (v == None()) v = nullptr;
  if (v != nullptr && !IsDict(v)) {
    SetError(&TypeErrorType, "__kwdefaults__ must be set to a dict object");
    return -1;
  }
  SetField(&AsFunc(o)->kwdefaults, v);
  return 0;
}
Ref<> FuncGetGlobals(Object* o) { return NewRef(AsFunc(o)->globals); }
Ref<> FuncGetBuiltins(Object* o) { return NewRef(AsFunc(o)->builtins); }
Ref<> FuncGetClosure(Object* o) { return NoneIfNull(AsFunc(o)->closure); }
Ref<> FuncGetDoc(Object* o) { return NoneIfNull(AsFunc(o)->doc); }
int FuncSetDoc(Object* o, Object* v) {
  SetField(&AsFunc(o)->doc, v == nullptr ? None() : v);
  return 0;
}
Ref<> FuncGetModule(Object* o) { return NoneIfNull(AsFunc(o)->module); }
int FuncSetModule(Object* o, Object* v) {
  SetField(&AsFunc(o)->module, v == nullptr ? None() : v);
  return 0;
}

// __annotations__: MAKE_FUNCTION may store a flat tuple (name, value, name, value, ...), turned
// into a dict on first access as CPython does.
Ref<> FuncGetAnnotations(Object* o) {
  Function* f = AsFunc(o);
  if (f->annotations == nullptr) {
    Ref<Dict> d = NewDict();
    PY_RETURN_IF_NULL(d);
    f->annotations = d.release();
  } else if (IsTuple(f->annotations)) {
    Tuple* t = static_cast<Tuple*>(f->annotations);
    Ref<Dict> d = NewDict();
    PY_RETURN_IF_NULL(d);
    for (int64_t i = 0; i + 1 < t->size; i += 2) {
      if (DictSetItem(d.get(), t->items[i], t->items[i + 1]) < 0) return nullptr;
    }
    Object* old = f->annotations;
    f->annotations = d.release();
    Decref(old);
  }
  return NewRef(f->annotations);
}
int FuncSetAnnotations(Object* o, Object* v) {
  if (v == None()) v = nullptr;
  if (v != nullptr && !IsDict(v)) {
    SetError(&TypeErrorType, "__annotations__ must be set to a dict object");
    return -1;
  }
  SetField(&AsFunc(o)->annotations, v);
  return 0;
}
Ref<> FuncGetDict(Object* o) {
  Function* f = AsFunc(o);
  if (!EnsureDict(&f->dict)) return nullptr;
  return NewRef(f->dict);
}
int FuncSetDict(Object* o, Object* v) {
  if (v == nullptr) {
    SetError(&TypeErrorType, "cannot delete __dict__");
    return -1;
  }
  if (!IsDict(v)) {
    SetError(&TypeErrorType, "__dict__ must be set to a dictionary");
    return -1;
  }
  SetField(&AsFunc(o)->dict, v);
  return 0;
}

const GetSetDef kFunctionGetSets[] = {
    {"__code__", &FuncGetCode, &FuncSetCode},
    {"__name__", &FuncGetName, &FuncSetName},
    {"__qualname__", &FuncGetQualname, &FuncSetQualname},
    {"__defaults__", &FuncGetDefaults, &FuncSetDefaults},
    {"__kwdefaults__", &FuncGetKwdefaults, &FuncSetKwdefaults},
    {"__globals__", &FuncGetGlobals},
    {"__builtins__", &FuncGetBuiltins},
    {"__closure__", &FuncGetClosure},
    {"__doc__", &FuncGetDoc, &FuncSetDoc},
    {"__module__", &FuncGetModule, &FuncSetModule},
    {"__annotations__", &FuncGetAnnotations, &FuncSetAnnotations},
    {"__dict__", &FuncGetDict, &FuncSetDict},
    {nullptr, nullptr},
};

Ref<> FunctionRepr(Object* o) {
  return NewStr(absl::StrFormat("<function %s at %p>",
                                std::string(StrUtf8(static_cast<Str*>(AsFunc(o)->qualname))),
                                static_cast<void*>(o)));
}

Ref<> FunctionDescrGet(Object* descr, Object* obj, Object* /*type*/) {
  if (obj == nullptr || obj == None()) return NewRef(descr);
  return NewBoundMethod(descr, obj);
}

void FunctionTraverse(Object* o, VisitFn visit, void* arg) {
  Function* f = AsFunc(o);
  for (Object* p : {f->code, f->globals, f->builtins, f->name, f->qualname, f->defaults,
                    f->kwdefaults, f->closure, f->doc, f->module, f->annotations, f->dict}) {
    if (p != nullptr) visit(p, arg);
  }
}

void FunctionClear(Object* o) {
  Function* f = AsFunc(o);
  for (Object** p : {&f->globals, &f->builtins, &f->defaults, &f->kwdefaults, &f->closure,
                     &f->doc, &f->module, &f->annotations, &f->dict}) {
    Object* old = *p;
    *p = nullptr;
    Xdecref(old);
  }
}

void FunctionDealloc(Object* o) {
  GcUntrack(o);
  if (AsFunc(o)->weaklist != nullptr) ClearWeakrefs(o);
  AsFunc(o)->~Function();
  FreeObject(o);
}

// types.FunctionType(code, globals, name=None, argdefs=None, closure=None)
Ref<> FunctionNew(Type* /*type*/, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const Params kParams{"function", {"code", "globals", "name", "argdefs", "closure"}, 0, 2};
  Object* a[5];
  if (!ParseArgs(kParams, args, nargs, kwnames, a)) return nullptr;
  if (a[0]->type != &CodeType) {
    SetErrorF(&TypeErrorType, "function() argument 'code' must be code, not %s", TypeNameOf(a[0]));
    return nullptr;
  }
  if (!IsDict(a[1])) {
    SetErrorF(&TypeErrorType, "function() argument 'globals' must be dict, not %s",
              TypeNameOf(a[1]));
    return nullptr;
  }
  Code* code = AsCode(a[0]);
  Ref<Function> f = NewFunction(code, a[1], code->qualname);
  PY_RETURN_IF_NULL(f);
  if (a[2] != nullptr && a[2] != None()) {
    if (!IsStr(a[2])) {
      SetError(&TypeErrorType, "arg 3 (name) must be None or string");
      return nullptr;
    }
    SetField(&f->name, a[2]);
  }
  if (a[3] != nullptr && a[3] != None()) {
    if (!IsTuple(a[3])) {
      SetError(&TypeErrorType, "arg 4 (defaults) must be None or tuple");
      return nullptr;
    }
    SetField(&f->defaults, a[3]);
  }
  int64_t nclosure = 0;
  if (a[4] != nullptr && a[4] != None()) {
    if (!IsTuple(a[4])) {
      SetError(&TypeErrorType, "arg 5 (closure) must be tuple");
      return nullptr;
    }
    nclosure = static_cast<Tuple*>(a[4])->size;
    SetField(&f->closure, a[4]);
  }
  if (code->nfree != nclosure) {
    SetErrorF(&ValueErrorType, "%s requires closure of length %d, not %lld",
              StrUtf8(static_cast<Str*>(code->name)).data(), code->nfree,
              static_cast<long long>(nclosure));
    return nullptr;
  }
  return f;
}

// --- Cell -----------------------------------------------------------------------------------

Ref<> CellGetContents(Object* o) {
  Cell* c = static_cast<Cell*>(o);
  if (c->ref == nullptr) {
    SetError(&ValueErrorType, "Cell is empty");
    return nullptr;
  }
  return NewRef(c->ref);
}
int CellSetContents(Object* o, Object* v) {
  SetField(&static_cast<Cell*>(o)->ref, v);
  return 0;
}
const GetSetDef kCellGetSets[] = {
    {"cell_contents", &CellGetContents, &CellSetContents},
    {nullptr, nullptr},
};

Ref<> CellRepr(Object* o) {
  Cell* c = static_cast<Cell*>(o);
  if (c->ref == nullptr) {
    return NewStr(absl::StrFormat("<cell at %p: empty>", static_cast<void*>(o)));
  }
  return NewStr(absl::StrFormat("<cell at %p: %s object at %p>", static_cast<void*>(o),
                                TypeNameOf(c->ref), static_cast<void*>(c->ref)));
}

Ref<> CellRichCompare(Object* a, Object* b, CompareOp op) {
  if (a->type != &CellType || b->type != &CellType) return NewNotImplemented();
  Object* x = static_cast<Cell*>(a)->ref;
  Object* y = static_cast<Cell*>(b)->ref;
  if (x != nullptr && y != nullptr) return RichCompare(x, y, op);
  // Empty cells sort before full ones.
  int cmp = (x != nullptr) - (y != nullptr);
  return NewBool(CompareOrder(cmp, op));
}

Ref<> CellNew(Type* /*type*/, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!CheckNoKwargs("cell", kwnames)) return nullptr;
  if (!CheckPositional("cell", nargs, 0, 1)) return nullptr;
  return NewCell(nargs > 0 ? args[0] : nullptr);
}

void CellTraverse(Object* o, VisitFn visit, void* arg) {
  Cell* c = static_cast<Cell*>(o);
  if (c->ref != nullptr) visit(c->ref, arg);
}
void CellClear(Object* o) {
  Cell* c = static_cast<Cell*>(o);
  ClearField(&c->ref);
}

// --- Bound methods --------------------------------------------------------------------------

BoundMethod* AsMethod(Object* o) { return static_cast<BoundMethod*>(o); }

Ref<> MethodCall(Object* callable, Object* const* args, size_t nargs, Tuple* kwnames) {
  BoundMethod* m = AsMethod(callable);
  size_t total = nargs + (kwnames != nullptr ? static_cast<size_t>(kwnames->size) : 0);
  Object* small[8];
  std::vector<Object*> big;
  Object** buf = small;
  if (total + 1 > 8) {
    big.resize(total + 1);
    buf = big.data();
  }
  buf[0] = m->self;
  for (size_t i = 0; i < total; ++i) buf[i + 1] = args[i];
  return Call(m->func, buf, nargs + 1, kwnames);
}

Ref<> MethodGetFunc(Object* o) { return NewRef(AsMethod(o)->func); }
Ref<> MethodGetSelf(Object* o) { return NewRef(AsMethod(o)->self); }
Ref<> MethodGetDoc(Object* o) { return GetAttr(AsMethod(o)->func, "__doc__"); }

const GetSetDef kMethodGetSets[] = {
    {"__func__", &MethodGetFunc},
    {"__self__", &MethodGetSelf},
    {"__doc__", &MethodGetDoc},
    {nullptr, nullptr},
};

// Attributes the method type does not define come from the function (__name__, __qualname__,
// __module__, __code__, __wrapped__, ...).
Ref<> MethodGetAttro(Object* o, Str* name) {
  Object* descr = TypeLookup(o->type, name);
  if (descr != nullptr) {
    DescrGetFn get = descr->type->descr_get;
    if (get != nullptr) return get(descr, o, o->type);
    return NewRef(descr);
  }
  return GetAttr(AsMethod(o)->func, name);
}

Ref<> MethodRepr(Object* o) {
  BoundMethod* m = AsMethod(o);
  Ref<> name = LookupAttr(m->func, InternStr("__qualname__"));
  if (!name) {
    if (ErrorOccurred()) return nullptr;
    name = LookupAttr(m->func, InternStr("__name__"));
    if (!name && ErrorOccurred()) return nullptr;
  }
  std::string fname = "?";
  if (name && IsStr(name.get())) fname = std::string(StrUtf8(static_cast<Str*>(name.get())));
  Ref<> self_repr = Repr(m->self);
  PY_RETURN_IF_NULL(self_repr);
  return NewStr(absl::StrCat("<bound method ", fname, " of ",
                             std::string(StrUtf8(static_cast<Str*>(self_repr.get()))), ">"));
}

Ref<> MethodRichCompare(Object* a, Object* b, CompareOp op) {
  if ((op != CompareOp::kEq && op != CompareOp::kNe) || a->type != &BoundMethodType ||
      b->type != &BoundMethodType) {
    return NewNotImplemented();
  }
  BoundMethod* x = AsMethod(a);
  BoundMethod* y = AsMethod(b);
  int eq = RichCompareBool(x->func, y->func, CompareOp::kEq);
  if (eq < 0) return nullptr;
  bool r = eq == 1 && x->self == y->self;
  return NewBool(op == CompareOp::kEq ? r : !r);
}

int64_t MethodHash(Object* o) {
  int64_t x = HashPointer(AsMethod(o)->self);
  int64_t y = Hash(AsMethod(o)->func);
  if (y == -1) return -1;
  int64_t h = x ^ y;
  return h == -1 ? -2 : h;
}

Ref<> MethodDescrGet(Object* descr, Object* /*obj*/, Object* /*type*/) { return NewRef(descr); }

Ref<> MethodNew(Type* /*type*/, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (!CheckNoKwargs("method", kwnames)) return nullptr;
  if (!CheckPositional("method", nargs, 2, 2)) return nullptr;
  if (!IsCallable(args[0])) {
    SetError(&TypeErrorType, "first argument must be callable");
    return nullptr;
  }
  if (args[1] == None()) {
    SetError(&TypeErrorType, "instance must not be None");
    return nullptr;
  }
  return NewBoundMethod(args[0], args[1]);
}

void MethodTraverse(Object* o, VisitFn visit, void* arg) {
  BoundMethod* m = AsMethod(o);
  if (m->func != nullptr) visit(m->func, arg);
  if (m->self != nullptr) visit(m->self, arg);
}
void MethodClear(Object* o) {
  BoundMethod* m = AsMethod(o);
  Object* f = m->func;
  Object* s = m->self;
  m->func = nullptr;
  m->self = nullptr;
  Xdecref(f);
  Xdecref(s);
}
void MethodDealloc(Object* o) {
  GcUntrack(o);
  if (AsMethod(o)->weaklist != nullptr) ClearWeakrefs(o);
  AsMethod(o)->~BoundMethod();
  FreeObject(o);
}

}  // namespace

Code::~Code() {
  Xdecref(consts);
  Xdecref(names);
  Xdecref(localsplusnames);
  Xdecref(filename);
  Xdecref(name);
  Xdecref(qualname);
}

Function::~Function() {
  for (Object* p : {code, globals, builtins, name, qualname, defaults, kwdefaults, closure, doc,
                    module, annotations, dict}) {
    Xdecref(p);
  }
}

Cell::~Cell() { Xdecref(ref); }

BoundMethod::~BoundMethod() {
  Xdecref(func);
  Xdecref(self);
}

Ref<Code> NewCode(std::shared_ptr<const bytecode::CodeObject> source) {
  const bytecode::CodeObject& s = *source;
  Ref<Tuple> consts = NewTuple(static_cast<int64_t>(s.consts.size()));
  PY_RETURN_IF_NULL(consts);
  for (size_t i = 0; i < s.consts.size(); ++i) {
    Ref<> c = ConstantToObject(s.consts[i]);
    PY_RETURN_IF_NULL(c);
    TupleInit(consts.get(), static_cast<int64_t>(i), std::move(c));
  }
  Ref<> names = InternedTuple(s.names);
  PY_RETURN_IF_NULL(names);
  Ref<> lpnames = InternedTuple(s.localsplusnames);
  PY_RETURN_IF_NULL(lpnames);
  Ref<Str> filename = NewStr(s.filename);
  PY_RETURN_IF_NULL(filename);
  Code* c = AllocObject<Code>(&CodeType, 0);
  if (c == nullptr) return nullptr;
  Ref<Code> code = StealRef(c);
  c->source = source;
  c->units = s.code;
  c->consts = consts.release();
  c->names = names.release();
  c->localsplusnames = lpnames.release();
  c->filename = filename.release();
  c->name = NewRef<Object>(InternStr(s.name)).release();
  c->qualname = NewRef<Object>(InternStr(s.qualname)).release();
  c->argcount = s.argcount;
  c->posonlyargcount = s.posonlyargcount;
  c->kwonlyargcount = s.kwonlyargcount;
  c->nlocalsplus = static_cast<int32_t>(s.localsplusnames.size());
  for (uint8_t k : s.localspluskinds) {
    if (k & bytecode::kLocal) ++c->nlocals;
    if (k & bytecode::kCell) ++c->ncells;
    if (k & bytecode::kFree) ++c->nfree;
  }
  c->stacksize = s.stacksize;
  c->flags = s.flags;
  AssignCaches(c);
  return code;
}

Ref<Function> NewFunction(Code* code, Object* globals, Object* qualname) {
  Dict* g = static_cast<Dict*>(globals);
  // The builtins come from the globals' __builtins__ (a module or a dict), else the
  // interpreter's.
  Object* builtins = DictGetItemStr(g, InternStr("__builtins__"));
  if (builtins == nullptr && ErrorOccurred()) return nullptr;
  if (builtins != nullptr && builtins->type == &ModuleType) builtins = ModuleDict(builtins);
  if (builtins == nullptr || !IsDict(builtins)) builtins = interp->builtins;
  Object* module = DictGetItemStr(g, InternStr("__name__"));
  if (module == nullptr && ErrorOccurred()) return nullptr;
  Function* f = AllocObject<Function>(&FunctionType, 0);
  if (f == nullptr) return nullptr;
  Ref<Function> func = StealRef(f);
  f->code = NewRef<Object>(code).release();
  f->globals = NewRef(globals).release();
  f->builtins = NewRef(builtins).release();
  f->name = NewRef(code->name).release();
  f->qualname = NewRef(qualname != nullptr ? qualname : code->qualname).release();
  Tuple* consts = static_cast<Tuple*>(code->consts);
  // 3.11: the docstring is the first constant when it is a str (the compiler puts None first in
  // functions without one).
  Object* doc = None();
  if (consts->size > 0 && IsStr(consts->items[0]) &&
      (code->flags & (bytecode::kOptimized)) != 0) {
    doc = consts->items[0];
  }
  f->doc = NewRef(doc).release();
  f->module = module != nullptr ? NewRef(module).release() : nullptr;
  return func;
}

Ref<> NewCell(Object* value) {
  Cell* c = AllocObject<Cell>(&CellType, 0);
  if (c == nullptr) return nullptr;
  c->ref = value;
  Xincref(value);
  return StealRef<Object>(c);
}

Ref<> NewBoundMethod(Object* func, Object* self) {
  BoundMethod* m = AllocObject<BoundMethod>(&BoundMethodType, 0);
  if (m == nullptr) return nullptr;
  m->func = NewRef(func).release();
  m->self = NewRef(self).release();
  return StealRef<Object>(m);
}

// The structs have non-trivial destructors, which makes offsetof "conditionally supported"; GCC
// and Clang support it for these single-inheritance layouts.
#pragma GCC diagnostic ignored "-Winvalid-offsetof"

void InitFunctionTypes() {
  InitStaticType(&CodeType, {.name = "code", .basicsize = sizeof(Code), .getsets = kCodeGetSets});
  CodeType.dealloc = &CodeDealloc;
  CodeType.repr = &CodeRepr;
  CodeType.weaklist_offset = offsetof(Code, weaklist);

  InitStaticType(&FunctionType, {.name = "function",
                                 .basicsize = sizeof(Function),
                                 .flags = kHaveGc | kMethodDescriptor,
                                 .getsets = kFunctionGetSets});
  FunctionType.dealloc = &FunctionDealloc;
  FunctionType.traverse = &FunctionTraverse;
  FunctionType.clear = &FunctionClear;
  FunctionType.repr = &FunctionRepr;
  FunctionType.call = &FunctionCall;
  FunctionType.descr_get = &FunctionDescrGet;
  FunctionType.new_ = &FunctionNew;
  FunctionType.dict_offset = offsetof(Function, dict);
  FunctionType.weaklist_offset = offsetof(Function, weaklist);

  InitStaticType(&CellType, {.name = "cell",
                             .basicsize = sizeof(Cell),
                             .flags = kHaveGc,
                             .getsets = kCellGetSets});
  CellType.dealloc = &DestroyObject<Cell>;
  CellType.traverse = &CellTraverse;
  CellType.clear = &CellClear;
  CellType.repr = &CellRepr;
  CellType.richcompare = &CellRichCompare;
  CellType.new_ = &CellNew;

  InitStaticType(&BoundMethodType, {.name = "method",
                                    .basicsize = sizeof(BoundMethod),
                                    .flags = kHaveGc,
                                    .getsets = kMethodGetSets});
  BoundMethodType.dealloc = &MethodDealloc;
  BoundMethodType.traverse = &MethodTraverse;
  BoundMethodType.clear = &MethodClear;
  BoundMethodType.repr = &MethodRepr;
  BoundMethodType.call = &MethodCall;
  BoundMethodType.getattro = &MethodGetAttro;
  BoundMethodType.richcompare = &MethodRichCompare;
  BoundMethodType.hash = &MethodHash;
  BoundMethodType.descr_get = &MethodDescrGet;
  BoundMethodType.new_ = &MethodNew;
  BoundMethodType.weaklist_offset = offsetof(BoundMethod, weaklist);
}

}  // namespace pyrite::vm
