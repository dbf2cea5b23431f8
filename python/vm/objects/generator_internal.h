// Shared between generator.cc and generator_async.cc: the resumption primitive and the
// throw/close logic that generators, coroutines and async generators have in common. Not part of
// the VM's interface.
#ifndef PYRITE_PYTHON_VM_OBJECTS_GENERATOR_INTERNAL_H_
#define PYRITE_PYTHON_VM_OBJECTS_GENERATOR_INTERNAL_H_

#include "python/vm/objects/generator.h"

namespace pyrite::vm::gen_internal {

enum class SendStatus { kNext, kReturn, kError };

// Resumes `gen` (CPython's gen_send_ex2): `arg` is the value sent (null: __next__, which differs
// only in how an exhausted generator answers); `exc`: raise the pending exception inside the
// generator instead; `closing`: called from close() (an exhausted coroutine then stays silent).
// kNext: *result is the yielded value; kReturn: *result is the return value (None if it fell off
// the end); kError: an exception is pending.
SendStatus SendEx(Generator* gen, Object* arg, bool exc, bool closing, Ref<>* result);

// send()/__next__() as Python sees them: a return becomes StopIteration(value) (or
// StopAsyncIteration for async generators).
Ref<> GenSendValue(Generator* gen, Object* arg);
// throw(typ[, val[, tb]]) with CPython's argument handling; close_on_genexit is false for
// async generators' athrow/aclose.
Ref<> GenThrow(Generator* gen, bool close_on_genexit, Object* typ, Object* val, Object* tb);
Ref<> GenClose(Generator* gen);

// "generator", "coroutine" or "async generator" for messages.
const char* KindName(Generator* gen);

// The slots and attributes generators, coroutines and async generators share (generator.cc).
void GenTraverse(Object* o, VisitFn visit, void* arg);
void GenClear(Object* o);
void GenFinalize(Object* o);
void GenDealloc(Object* o);
Ref<> GenRepr(Object* o);
Ref<> SelfIter(Object* o);
Ref<> GetFrame(Object* o);
Ref<> GetCode(Object* o);
Ref<> GetYieldFrom(Object* o);
Ref<> GetSuspended(Object* o);
Ref<> GetName(Object* o);
int SetName(Object* o, Object* value);
Ref<> GetQualname(Object* o);
int SetQualname(Object* o, Object* value);

}  // namespace pyrite::vm::gen_internal

#endif  // PYRITE_PYTHON_VM_OBJECTS_GENERATOR_INTERNAL_H_
