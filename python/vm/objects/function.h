// Runtime code objects, functions, cells and bound methods.
#ifndef PYRITE_PYTHON_VM_OBJECTS_FUNCTION_H_
#define PYRITE_PYTHON_VM_OBJECTS_FUNCTION_H_

#include <cstdint>
#include <memory>
#include <vector>

#include "python/bytecode/code.h"
#include "python/vm/object.h"
#include "python/vm/type.h"

namespace pyrite::vm {

// A code object (types.CodeType) made from a bytecode::CodeObject: constants become Python
// objects (nested code objects recursively), names become interned strings, and the instructions
// are copied so the eval loop can rewrite them (quickening, inline caches).
// One inline cache of the eval loop (LOAD_GLOBAL, LOAD_ATTR, LOAD_METHOD, STORE_ATTR). The first
// CACHE unit after such an instruction holds its index in Code::caches (kNoCache: none), because
// sixteen-bit units cannot hold the pointers and versions a cache needs. Entries are borrowed:
// each is valid only while the versions it records still match.
struct InlineCache {
  const void* key1 = nullptr;  // globals dict / type
  const void* key2 = nullptr;  // builtins dict
  uint64_t version1 = 0;
  uint64_t version2 = 0;
  Object* value = nullptr;     // the cached object (borrowed)
  int32_t kind = 0;            // what the entry means (eval.cc)
  int32_t offset = 0;          // attribute caches: byte offset of a slot in the instance
};
inline constexpr uint16_t kNoCache = 0xFFFF;
// Attribute instructions (LOAD_ATTR, LOAD_METHOD, STORE_ATTR) get this many consecutive entries,
// one per receiver type: code shared by a class and its subclasses sees several types.
inline constexpr size_t kAttrCacheWays = 2;

struct Code : Object {
  std::shared_ptr<const bytecode::CodeObject> source;
  std::vector<InlineCache> caches;
  // LOAD_NAME's caches (module-level code), one per name; made on first use.
  std::vector<InlineCache> name_caches;
  std::vector<uint16_t> units;   // instructions with CACHE units (mutable)
  Object* consts = nullptr;      // Tuple (owned)
  Object* names = nullptr;       // Tuple of interned Str
  Object* localsplusnames = nullptr;  // Tuple of interned Str
  Object* filename = nullptr;    // Str
  Object* name = nullptr;        // Str
  Object* qualname = nullptr;    // Str
  int32_t argcount = 0, posonlyargcount = 0, kwonlyargcount = 0;
  int32_t nlocalsplus = 0, nlocals = 0, ncells = 0, nfree = 0;
  int32_t stacksize = 0;
  uint32_t flags = 0;
  Object* weaklist = nullptr;
  ~Code();
};

// A function (def, lambda). `call` is its vectorcall entry (eval.cc).
struct Function : Object {
  Object* code = nullptr;        // Code
  Object* globals = nullptr;     // Dict
  Object* builtins = nullptr;    // Dict
  Object* name = nullptr;        // Str
  Object* qualname = nullptr;    // Str
  Object* defaults = nullptr;    // Tuple or null
  Object* kwdefaults = nullptr;  // Dict or null
  Object* closure = nullptr;     // Tuple of Cell or null
  Object* doc = nullptr;
  Object* module = nullptr;
  Object* annotations = nullptr; // Dict or null (made on demand)
  Object* dict = nullptr;        // __dict__
  Object* weaklist = nullptr;
  ~Function();
};

struct Cell : Object {
  Object* ref = nullptr;  // owned; null: empty
  ~Cell();
};

// A function bound to an instance (types.MethodType).
struct BoundMethod : Object {
  Object* func = nullptr;
  Object* self = nullptr;
  Object* weaklist = nullptr;
  ~BoundMethod();
};

extern Type CodeType;
extern Type FunctionType;
extern Type CellType;
extern Type BoundMethodType;

Ref<Code> NewCode(std::shared_ptr<const bytecode::CodeObject> source);
Ref<Function> NewFunction(Code* code, Object* globals, Object* qualname);
Ref<> NewCell(Object* value);  // value may be null
Ref<> NewBoundMethod(Object* func, Object* self);

void InitFunctionTypes();

}  // namespace pyrite::vm

#endif  // PYRITE_PYTHON_VM_OBJECTS_FUNCTION_H_
