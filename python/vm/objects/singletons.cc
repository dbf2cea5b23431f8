// The singletons None, NotImplemented and Ellipsis and their types (NoneType, NotImplementedType,
// ellipsis). They are immortal statics: their types have no dealloc that could free them.
#include "python/vm/objects/singletons.h"

#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::vm {

Type NoneType;
Type NotImplementedType;
Type EllipsisType;
Object NoneObject{kImmortalRefcnt, &NoneType};
Object NotImplementedObject{kImmortalRefcnt, &NotImplementedType};
Object EllipsisObject{kImmortalRefcnt, &EllipsisType};

namespace {

// type(None)() and friends return the singleton; any argument is an error.
template <Object* kSingleton>
Ref<> SingletonNew(Type* type, Object* const*, size_t nargs, Tuple* kwnames) {
  if (nargs > 0 || (kwnames != nullptr && kwnames->size > 0)) {
    const char* name = type == &EllipsisType ? "EllipsisType" : type->name;
    SetErrorF(&TypeErrorType, "%s takes no arguments", name);
    return nullptr;
  }
  return NewRef(kSingleton);
}

void ImmortalDealloc(Object*) {
  // Never reached: the count starts at kImmortalRefcnt.
}

int64_t SingletonHash(Object* o) { return HashPointer(o); }

}  // namespace

void InitSingletonTypes() {
  InitStaticType(&NoneType, {.name = "NoneType", .basicsize = sizeof(Object)});
  NoneType.new_ = &SingletonNew<&NoneObject>;
  NoneType.repr = [](Object*) -> Ref<> { return NewRef<Object>(InternStr("None")); };
  NoneType.nb_bool = [](Object*) { return 0; };
  NoneType.hash = &SingletonHash;
  NoneType.dealloc = &ImmortalDealloc;

  InitStaticType(&NotImplementedType,
                 {.name = "NotImplementedType", .basicsize = sizeof(Object)});
  NotImplementedType.new_ = &SingletonNew<&NotImplementedObject>;
  NotImplementedType.repr = [](Object*) -> Ref<> {
    return NewRef<Object>(InternStr("NotImplemented"));
  };
  NotImplementedType.dealloc = &ImmortalDealloc;

  InitStaticType(&EllipsisType, {.name = "ellipsis", .basicsize = sizeof(Object)});
  EllipsisType.new_ = &SingletonNew<&EllipsisObject>;
  EllipsisType.repr = [](Object*) -> Ref<> { return NewRef<Object>(InternStr("Ellipsis")); };
  EllipsisType.dealloc = &ImmortalDealloc;
}

}  // namespace pyrite::vm
