// BaseExceptionGroup / ExceptionGroup (PEP 654): the constructor's checks and its choice of class,
// split/subgroup/derive, and the except* support the eval loop uses (CHECK_EG_MATCH,
// PREP_RERAISE_STAR).
//
// split() walks the group tree: a node that matches as a whole goes to the match side; a leaf
// that does not goes to the rest side; a group that does not match is split recursively and each
// non-empty side is rebuilt with derive(), copying the original's __traceback__, __context__,
// __cause__ and __notes__, so both parts keep the metadata of the group they came from.
#include <string>
#include <unordered_set>
#include <vector>

#include "python/vm/abstract.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/exceptions.h"
#include "python/vm/objects/exceptions_internal.h"
#include "python/vm/objects/list.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/runtime.h"

namespace pyrite::vm {

using namespace exc_internal;

namespace {

BaseExceptionGroupObject* AsGroup(Object* o) { return static_cast<BaseExceptionGroupObject*>(o); }
bool IsGroup(Object* o) { return TypeCheck(o, &BaseExceptionGroupType); }

// PySequence_Check: indexable by integers and not a mapping.
bool IsSequence(Object* o) {
  if (IsDict(o)) return false;
  return o->type->sq_item != nullptr || o->type->subscript != nullptr;
}

Ref<> GroupNew(Type* type, Object* const* args, size_t nargs, Tuple* kwnames) {
  if (nargs != 2) {
    SetErrorF(&TypeErrorType, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%zu given)",
              nargs);
    return nullptr;
  }
  Object* message = args[0];
  if (!IsStr(message)) {
    SetErrorF(&TypeErrorType, "BaseExceptionGroup.__new__() argument 1 must be str, not %s",
              TypeNameOf(message));
    return nullptr;
  }
  if (!IsSequence(args[1])) {
    SetError(&TypeErrorType, "second argument (exceptions) must be a sequence");
    return nullptr;
  }
  Ref<> excs = SequenceTuple(args[1]);
  PY_RETURN_IF_NULL(excs);
  Tuple* t = static_cast<Tuple*>(excs.get());
  if (t->size == 0) {
    SetError(&ValueErrorType, "second argument (exceptions) must be a non-empty sequence");
    return nullptr;
  }
  bool nested_base_exceptions = false;
  for (int64_t i = 0; i < t->size; ++i) {
    Object* e = t->items[i];
    if (!IsExceptionInstance(e)) {
      SetErrorF(&ValueErrorType, "Item %lld of second argument (exceptions) is not an exception",
                static_cast<long long>(i));
      return nullptr;
    }
    if (!TypeCheck(e, &ExceptionType)) nested_base_exceptions = true;
  }
  Type* cls = type;
  if (cls == &ExceptionGroupType) {
    if (nested_base_exceptions) {
      SetError(&TypeErrorType, "Cannot nest BaseExceptions in an ExceptionGroup");
      return nullptr;
    }
  } else if (cls == &BaseExceptionGroupType) {
    if (!nested_base_exceptions) cls = &ExceptionGroupType;
  } else if (nested_base_exceptions && IsSubtype(cls, &ExceptionType)) {
    SetErrorF(&TypeErrorType, "Cannot nest BaseExceptions in '%s'", cls->name);
    return nullptr;
  }
  Ref<> self = ExcNew(cls, args, nargs, kwnames);
  PY_RETURN_IF_NULL(self);
  SetField(&AsGroup(self.get())->msg, message);
  SetField(&AsGroup(self.get())->excs, t);
  return self;
}

int GroupInit(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  return BaseExceptionInit(self, args, nargs, kwnames);
}

Ref<> GroupStr(Object* self) {
  BaseExceptionGroupObject* g = AsGroup(self);
  Ref<> msg = ToStr(g->msg != nullptr ? g->msg : None());
  PY_RETURN_IF_NULL(msg);
  int64_t n = g->excs != nullptr ? static_cast<Tuple*>(g->excs)->size : 0;
  std::string s(StrUtf8(static_cast<Str*>(msg.get())));
  s += " (" + std::to_string(n) + " sub-exception" + (n > 1 ? "s" : "") + ")";
  return NewStr(s);
}

Ref<> GetMessage(Object* self) {
  Object* m = AsGroup(self)->msg;
  return NewRef(m != nullptr ? m : None());
}
Ref<> GetExceptions(Object* self) {
  Object* e = AsGroup(self)->excs;
  return NewRef(e != nullptr ? e : None());
}
int SetReadonly(Object*, Object*) {
  SetError(&AttributeErrorType, "readonly attribute");
  return -1;
}

Ref<> Derive(Object* self, Object* const* args, size_t, Tuple*) {
  Object* a[2] = {AsGroup(self)->msg != nullptr ? AsGroup(self)->msg : None(), args[0]};
  return NewException(&BaseExceptionGroupType, a, 2);
}

// --- Matching and splitting -------------------------------------------------------------------

enum class MatcherKind { kByType, kByPredicate, kByIds };
struct Matcher {
  MatcherKind kind;
  Object* value = nullptr;                           // type / tuple of types / predicate
  const std::unordered_set<Object*>* ids = nullptr;  // kByIds: leaf exceptions to keep
};

bool GetMatcher(Object* value, Matcher* m) {
  m->value = value;
  if (IsCallable(value) && !HasFlag(value->type, kTypeSubclass)) {
    m->kind = MatcherKind::kByPredicate;
    return true;
  }
  m->kind = MatcherKind::kByType;
  if (IsExceptionClass(value)) return true;
  if (IsTuple(value)) {
    Tuple* t = static_cast<Tuple*>(value);
    bool ok = true;
    for (int64_t i = 0; i < t->size && ok; ++i) ok = IsExceptionClass(t->items[i]);
    if (ok) return true;
  }
  SetError(&TypeErrorType, "expected a function, exception type or tuple of exception types");
  return false;
}

// PyErr_GivenExceptionMatches for an exception instance and a class or tuple of classes.
bool GivenExceptionMatches(Object* exc, Object* cls) {
  if (IsTuple(cls)) {
    Tuple* t = static_cast<Tuple*>(cls);
    for (int64_t i = 0; i < t->size; ++i) {
      if (GivenExceptionMatches(exc, t->items[i])) return true;
    }
    return false;
  }
  return IsExceptionClass(cls) && IsSubtype(exc->type, static_cast<Type*>(cls));
}

int Matches(Object* exc, const Matcher& m) {
  switch (m.kind) {
    case MatcherKind::kByType:
      return GivenExceptionMatches(exc, m.value) ? 1 : 0;
    case MatcherKind::kByPredicate: {
      Ref<> r = CallOneArg(m.value, exc);
      if (!r) return -1;
      return IsTrue(r.get());
    }
    case MatcherKind::kByIds:
      return !IsGroup(exc) && m.ids->count(exc) > 0 ? 1 : 0;
  }
  return 0;
}

// The part of `orig` made of `excs` (null when excs is empty), with orig's metadata.
bool Subset(Object* orig, std::vector<Ref<>>& excs, Ref<>* result) {
  *result = nullptr;
  if (excs.empty()) return true;
  Ref<List> list = NewList(static_cast<int64_t>(excs.size()));
  if (!list) return false;
  for (Ref<>& e : excs) {
    if (!ListAppend(list.get(), e.get())) return false;
  }
  Object* arg = list.get();
  Ref<> eg = CallMethod(orig, InternStr("derive"), &arg, 1);
  if (!eg) return false;
  if (!IsGroup(eg.get())) {
    SetError(&TypeErrorType, "derive must return an instance of BaseExceptionGroup");
    return false;
  }
  BaseExceptionObject* o = static_cast<BaseExceptionObject*>(orig);
  if (o->traceback != nullptr) ExceptionSetTraceback(eg.get(), o->traceback);
  ExceptionSetContext(eg.get(), o->context);
  ExceptionSetCause(eg.get(), o->cause);
  Str* notes_name = InternStr("__notes__");
  Ref<> notes = LookupAttr(orig, notes_name);
  if (!notes && ErrorOccurred()) return false;
  if (notes && IsSequence(notes.get())) {
    Ref<> copy = SequenceList(notes.get());
    if (!copy) return false;
    if (SetAttr(eg.get(), notes_name, copy.get()) < 0) return false;
  }
  *result = std::move(eg);
  return true;
}

bool SplitRecursive(Object* exc, const Matcher& m, bool construct_rest, Ref<>* match, Ref<>* rest) {
  *match = nullptr;
  *rest = nullptr;
  int r = Matches(exc, m);
  if (r < 0) return false;
  if (r > 0) {
    *match = NewRef(exc);
    return true;
  }
  if (!IsGroup(exc)) {
    if (construct_rest) *rest = NewRef(exc);
    return true;
  }
  Tuple* excs = static_cast<Tuple*>(AsGroup(exc)->excs);
  std::vector<Ref<>> match_list, rest_list;
  if (excs != nullptr) {
    if (!EnterRecursiveCall(" in exceptiongroup_split_recursive")) return false;
    for (int64_t i = 0; i < excs->size; ++i) {
      Ref<> m2, r2;
      if (!SplitRecursive(excs->items[i], m, construct_rest, &m2, &r2)) {
        LeaveRecursiveCall();
        return false;
      }
      if (m2) match_list.push_back(std::move(m2));
      if (r2) rest_list.push_back(std::move(r2));
    }
    LeaveRecursiveCall();
  }
  if (!Subset(exc, match_list, match)) return false;
  if (construct_rest && !Subset(exc, rest_list, rest)) return false;
  return true;
}

Ref<> OrNone(Ref<> r) { return r ? std::move(r) : NewNone(); }

Ref<> Split(Object* self, Object* const* args, size_t, Tuple*) {
  Matcher m;
  if (!GetMatcher(args[0], &m)) return nullptr;
  Ref<> match, rest;
  if (!SplitRecursive(self, m, true, &match, &rest)) return nullptr;
  Ref<> a = OrNone(std::move(match)), b = OrNone(std::move(rest));
  return NewTupleFrom({a.get(), b.get()});
}

Ref<> Subgroup(Object* self, Object* const* args, size_t, Tuple*) {
  Matcher m;
  if (!GetMatcher(args[0], &m)) return nullptr;
  Ref<> match, rest;
  if (!SplitRecursive(self, m, false, &match, &rest)) return nullptr;
  return OrNone(std::move(match));
}

void CollectLeafIds(Object* exc, std::unordered_set<Object*>* ids) {
  if (exc == nullptr || exc == None()) return;
  if (!IsGroup(exc)) {
    ids->insert(exc);
    return;
  }
  Tuple* excs = static_cast<Tuple*>(AsGroup(exc)->excs);
  if (excs == nullptr) return;
  for (int64_t i = 0; i < excs->size; ++i) CollectLeafIds(excs->items[i], ids);
}

bool SameMetadata(Object* a, Object* b) {
  BaseExceptionObject* x = static_cast<BaseExceptionObject*>(a);
  BaseExceptionObject* y = static_cast<BaseExceptionObject*>(b);
  return x->notes == y->notes && x->traceback == y->traceback && x->cause == y->cause &&
         x->context == y->context;
}

// The subgroup of `eg` whose leaves appear in `keep` (None when none do).
Ref<> Projection(Object* eg, const std::vector<Object*>& keep) {
  std::unordered_set<Object*> ids;
  for (Object* e : keep) CollectLeafIds(e, &ids);
  Matcher m{MatcherKind::kByIds, nullptr, &ids};
  Ref<> match, rest;
  if (!SplitRecursive(eg, m, false, &match, &rest)) return nullptr;
  return OrNone(std::move(match));
}

const MethodDef kGroupMethods[] = {{"derive", &Derive, kMethO},
                                   {"split", &Split, kMethO},
                                   {"subgroup", &Subgroup, kMethO},
                                   {nullptr}};
const GetSetDef kGroupGetSets[] = {
    {"message", &GetMessage, &SetReadonly, "exception message"},
    {"exceptions", &GetExceptions, &SetReadonly, "nested exceptions"},
    {nullptr}};

}  // namespace

bool ExceptionGroupSplit(Object* exc, Object* match_type, Ref<>* match, Ref<>* rest) {
  *match = nullptr;
  *rest = nullptr;
  // except* T: T must be exception classes, and not exception groups.
  auto check_one = [](Object* t) {
    if (!IsExceptionClass(t)) {
      SetError(&TypeErrorType,
               "catching classes that do not inherit from BaseException is not allowed");
      return false;
    }
    if (IsSubtype(static_cast<Type*>(t), &BaseExceptionGroupType)) {
      SetError(&TypeErrorType,
               "catching ExceptionGroup with except* is not allowed. Use except instead.");
      return false;
    }
    return true;
  };
  if (IsTuple(match_type)) {
    Tuple* t = static_cast<Tuple*>(match_type);
    for (int64_t i = 0; i < t->size; ++i) {
      if (!IsExceptionClass(t->items[i])) return check_one(t->items[i]);
    }
    for (int64_t i = 0; i < t->size; ++i) {
      if (!check_one(t->items[i])) return false;
    }
  } else if (!check_one(match_type)) {
    return false;
  }
  if (exc == nullptr || exc == None()) return true;
  if (GivenExceptionMatches(exc, match_type)) {
    if (IsGroup(exc)) {
      *match = NewRef(exc);
      return true;
    }
    // A naked exception caught by except* is wrapped in a group with an empty message.
    Ref<Tuple> excs = NewTupleFrom({exc});
    if (!excs) return false;
    Ref<Str> empty = NewStr("");
    if (!empty) return false;
    Object* a[2] = {empty.get(), excs.get()};
    *match = NewException(&BaseExceptionGroupType, a, 2);
    return static_cast<bool>(*match);
  }
  if (IsGroup(exc)) {
    Matcher m{MatcherKind::kByType, match_type, nullptr};
    return SplitRecursive(exc, m, true, match, rest);
  }
  *rest = NewRef(exc);
  return true;
}

Ref<> PrepReraiseStar(Object* orig, Object* raised) {
  List* excs = static_cast<List*>(raised);
  if (excs->size == 0) return NewNone();
  if (!IsGroup(orig)) {
    // A naked exception was caught and wrapped: only one except* clause ran.
    return NewRef(excs->items[0]);
  }
  std::vector<Object*> raised_list, reraised_list;
  for (int64_t i = 0; i < excs->size; ++i) {
    Object* e = excs->items[i];
    if (e == None()) continue;
    (SameMetadata(e, orig) ? reraised_list : raised_list).push_back(e);
  }
  Ref<> reraised_eg = Projection(orig, reraised_list);
  PY_RETURN_IF_NULL(reraised_eg);
  if (raised_list.empty()) return reraised_eg;
  // Exceptions raised in except* clauses are always wrapped in a new group (3.11), together
  // with the unhandled or re-raised part of the original.
  if (reraised_eg.get() != None()) raised_list.push_back(reraised_eg.get());
  Ref<List> list = NewList(static_cast<int64_t>(raised_list.size()));
  PY_RETURN_IF_NULL(list);
  for (Object* e : raised_list) {
    if (!ListAppend(list.get(), e)) return nullptr;
  }
  Ref<Str> empty = NewStr("");
  PY_RETURN_IF_NULL(empty);
  Object* a[2] = {empty.get(), list.get()};
  return NewException(&BaseExceptionGroupType, a, 2);
}

namespace exc_internal {

void InitExceptionGroupTypes() {
  BaseExceptionGroupType.new_ = &GroupNew;
  BaseExceptionGroupType.init = &GroupInit;
  BaseExceptionGroupType.str = &GroupStr;
  // ExceptionGroup inherits everything from BaseExceptionGroup (its first base).
  ExceptionGroupType.new_ = nullptr;
  ExceptionGroupType.init = nullptr;
  BaseExceptionGroupType.methods = kGroupMethods;
  BaseExceptionGroupType.getsets = kGroupGetSets;
  // ExceptionGroup(BaseExceptionGroup, Exception): the second base makes `except Exception`
  // catch groups of ordinary exceptions. ReadyType computes the MRO from these bases.
  ExceptionGroupType.bases = NewTupleFrom({&BaseExceptionGroupType, &ExceptionType}).release();
}

}  // namespace exc_internal

}  // namespace pyrite::vm
