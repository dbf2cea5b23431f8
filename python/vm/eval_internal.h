// Helpers of the evaluation loop that are too big or too rare to live in its body (eval.cc):
// imports, unpacking, calls with */**, pattern matching, raising, `with`, f-string fields and
// argument binding. Internal to python/vm: only eval*.cc include this header.
#ifndef PYRITE_PYTHON_VM_EVAL_INTERNAL_H_
#define PYRITE_PYTHON_VM_EVAL_INTERNAL_H_

#include <cstddef>

#include "python/vm/frame.h"
#include "python/vm/object.h"

namespace pyrite::vm {

struct Str;
struct Tuple;
struct Function;
struct Dict;

// UNPACK_SEQUENCE / UNPACK_EX: writes the items of `v` to out[0..before + after (+1 when
// has_star)) in stack order (the last item at out[0], the first at the top), as owned
// references. Messages: "not enough values to unpack (expected 3, got 2)", "too many values to
// unpack (expected 2)", "cannot unpack non-iterable int object".
[[nodiscard]] bool UnpackIterable(Object* v, int before, bool has_star, int after, Object** out);

// IMPORT_NAME / IMPORT_FROM / IMPORT_STAR.
Ref<> ImportName(Frame* f, Str* name, Object* fromlist, Object* level);
Ref<> ImportFrom(Object* module, Str* name);
[[nodiscard]] bool ImportStar(Frame* f, Object* module);

// CALL_FUNCTION_EX: func(*callargs, **kwargs) (kwargs may be null), with CPython's messages for
// a non-iterable / non-mapping argument and duplicate keywords.
Ref<> CallFunctionEx(Object* func, Object* callargs, Object* kwargs);
// Its argument conversion: *args as a tuple, **kwargs as a dict of str keys (null when absent or
// empty). False with the error set.
[[nodiscard]] bool PrepareCallEx(Object* func, Object* callargs, Object* kwargs,
                                 Ref<Tuple>* args_out, Ref<Dict>* kwargs_out);
// DICT_MERGE (a call's **kwargs): "f() got multiple values for keyword argument 'x'".
[[nodiscard]] bool DictMergeForCall(Object* func, Object* dict, Object* update);

// RAISE_VARARGS with an exception and optional cause: always returns false with the error set.
bool DoRaise(Object* exc, Object* cause);
// CHECK_EXC_MATCH / CHECK_EG_MATCH: the except clause's type must be an exception class or a
// tuple of them. False with TypeError set otherwise.
[[nodiscard]] bool CheckExceptType(Object* type, bool star);
// isinstance-match of an exception against a class or a tuple of classes (no __instancecheck__).
bool ExceptionMatches(Object* exc, Object* type);

// FORMAT_VALUE: conversion 0 none, 1 str, 2 repr, 3 ascii; spec may be null.
Ref<> FormatValue(Object* value, int conversion, Object* spec);

// BEFORE_WITH / BEFORE_ASYNC_WITH: *exit_out = bound __exit__ (__aexit__); returns __enter__()
// (__aenter__()).
Ref<> EnterContext(Object* mgr, bool async, Ref<>* exit_out);

// Pattern matching.
Ref<> MatchClass(Object* subject, Object* type, int nargs, Object* kwnames);  // tuple or None
Ref<> MatchKeys(Object* subject, Object* keys);                               // tuple or None

// GET_AWAITABLE, GET_AITER, GET_ANEXT.
Ref<> GetAwaitable(Object* o, int where);
Ref<> GetAIter(Object* o);
Ref<> GetANext(Object* aiter);

// LOAD_NAME-style lookups, and the NameError messages.
void RaiseNameError(Str* name);
void RaiseUnboundLocal(Code* code, int slot);
void RaiseUnboundFree(Code* code, int slot);

// PRINT_EXPR: sys.displayhook(value).
[[nodiscard]] bool PrintExpr(Object* value);
// SETUP_ANNOTATIONS.
[[nodiscard]] bool SetupAnnotations(Frame* f);

// Argument binding (eval_call.cc): a new frame for func with its parameters filled from the call
// arguments, or null with TypeError set.
Frame* MakeFrameForCall(Function* func, Object* const* args, size_t nargs, Tuple* kwnames);
// The same for CALL_FUNCTION_EX's func(*callargs, **kwargs) (kwargs may be null).
Frame* MakeFrameForCallEx(Function* func, Object* callargs, Object* kwargs);
// Set by RETURN_GENERATOR: the frame it ran in now belongs to the generator (or was released
// when creating the generator failed), so RunFrame must not release it. Reset by RunFrame.
extern bool frame_taken_by_generator;

// Runs a fresh frame to completion and releases it (unless it became a generator's).
Ref<> RunFrame(Frame* f);

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_EVAL_INTERNAL_H_
