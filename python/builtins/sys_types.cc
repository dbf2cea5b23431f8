// The small types sys needs: struct sequences (tuple subclasses whose items are also attributes,
// CPython's PyStructSequence: sys.version_info, sys.flags) and a SimpleNamespace stand-in
// (sys.implementation).
#include <array>
#include <cstddef>
#include <string>
#include <utility>

#include "absl/strings/str_cat.h"
#include "python/builtins/builtins_internal.h"
#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/gc.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/one_ref_slots.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/runtime.h"

namespace pyrite::builtins {

using namespace vm;  // NOLINT: this file is all VM objects

namespace {

constexpr int kMaxFields = 24;

// One getter per field index (GetSetDef getters take no closure).
template <int I>
Ref<> FieldGetter(Object* self) {
  auto* t = static_cast<Tuple*>(self);
  if (I >= t->size) return NewNone();
  return NewRef(t->items[I]);
}
template <size_t... I>
constexpr auto MakeGetters(std::index_sequence<I...>) {
  return std::array<Ref<> (*)(Object*), sizeof...(I)>{&FieldGetter<static_cast<int>(I)>...};
}
constexpr auto kGetters = MakeGetters(std::make_index_sequence<kMaxFields>());

// Per-type field names, found by type in a small registry (a handful of types exist).
struct SeqInfo {
  Type* type;
  StructSeqDesc desc;
  GetSetDef getsets[kMaxFields + 1];
};
SeqInfo seq_infos[8];
int nseq_infos = 0;

const SeqInfo* InfoFor(Type* t) {
  for (; t != nullptr; t = t->base) {
    for (int i = 0; i < nseq_infos; ++i) {
      if (seq_infos[i].type == t) return &seq_infos[i];
    }
  }
  return nullptr;
}

void SeqDealloc(Object* o) {
  GcUntrack(o);
  auto* t = static_cast<Tuple*>(o);
  for (int64_t i = 0; i < t->size; ++i) Xdecref(t->items[i]);
  FreeObject(o);
}

void SeqTraverse(Object* o, VisitFn visit, void* arg) {
  auto* t = static_cast<Tuple*>(o);
  for (int64_t i = 0; i < t->size; ++i) {
    if (t->items[i] != nullptr) visit(t->items[i], arg);
  }
}

size_t SeqVarSize(Object* o) {
  return sizeof(Tuple) + static_cast<size_t>(static_cast<Tuple*>(o)->size) * sizeof(Object*);
}

Ref<> SeqRepr(Object* o) {
  const SeqInfo* info = InfoFor(o->type);
  auto* t = static_cast<Tuple*>(o);
  std::string out = absl::StrCat(info != nullptr ? info->desc.name : TypeNameOf(o), "(");
  for (int64_t i = 0; i < t->size; ++i) {
    Ref<> r = Repr(t->items[i]);
    if (!r) return nullptr;
    if (i > 0) out += ", ";
    if (info != nullptr && i < info->desc.nfields) absl::StrAppend(&out, info->desc.fields[i], "=");
    out += StrUtf8(static_cast<Str*>(r.get()));
  }
  out += ")";
  return NewStr(out);
}

// --- namespace ------------------------------------------------------------------------------

struct Namespace : Object {
  Object* dict = nullptr;
};
Type NamespaceType;
bool namespace_ready = false;

Ref<> NamespaceRepr(Object* o) {
  auto* ns = static_cast<Namespace*>(o);
  std::string out = "namespace(";
  if (ns->dict != nullptr) {
    if (!EnterRecursiveCall(" while getting the repr of an object")) return nullptr;
    int64_t pos = 0;
    Object* key;
    Object* value;
    bool first = true;
    while (DictNext(static_cast<Dict*>(ns->dict), &pos, &key, &value)) {
      if (!IsStr(key)) continue;
      Ref<> r = Repr(value);
      if (!r) {
        LeaveRecursiveCall();
        return nullptr;
      }
      if (!first) out += ", ";
      first = false;
      out += StrUtf8(static_cast<Str*>(key));
      out += "=";
      out += StrUtf8(static_cast<Str*>(r.get()));
    }
    LeaveRecursiveCall();
  }
  out += ")";
  return NewStr(out);
}

}  // namespace

bool InitStructSeqType(Type* type, const StructSeqDesc& desc) {
  if (nseq_infos >= static_cast<int>(std::size(seq_infos)) || desc.nfields > kMaxFields) {
    SetError(&SystemErrorType, "too many struct sequence types");
    return false;
  }
  SeqInfo& info = seq_infos[nseq_infos++];
  info.type = type;
  info.desc = desc;
  for (int i = 0; i < desc.nfields; ++i) {
    info.getsets[i] = GetSetDef{desc.fields[i], kGetters[static_cast<size_t>(i)]};
  }
  info.getsets[desc.nfields] = GetSetDef{nullptr, nullptr};
  InitStaticType(type, {.name = desc.name,
                        .basicsize = sizeof(Tuple),
                        .flags = kHaveGc,
                        .base = &TupleType,
                        .getsets = info.getsets});
  type->dealloc = &SeqDealloc;
  type->traverse = &SeqTraverse;
  type->varsize = &SeqVarSize;
  type->repr = &SeqRepr;
  return ReadyType(type);
}

Ref<> NewStructSeq(Type* type, Ref<>* items, int n) {
  Tuple* t = AllocObject<Tuple>(type, static_cast<size_t>(n) * sizeof(Object*));
  if (t == nullptr) return nullptr;
  t->size = n;
  for (int i = 0; i < n; ++i) t->items[i] = items[i].release();
  return StealRef<Object>(t);
}

bool InitNamespaceType() {
  if (namespace_ready) return true;
  InitStaticType(
      &NamespaceType,
      {.name = "types.SimpleNamespace", .basicsize = sizeof(Namespace), .flags = kHaveGc});
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Winvalid-offsetof"
  NamespaceType.dict_offset = static_cast<int32_t>(offsetof(Namespace, dict));
#pragma GCC diagnostic pop
  SetOneRefGcSlots<Namespace, &Namespace::dict>(&NamespaceType);
  NamespaceType.repr = &NamespaceRepr;
  if (!ReadyType(&NamespaceType)) return false;
  namespace_ready = true;
  return true;
}

Ref<> NewNamespace(Object* dict) {
  Namespace* ns = AllocObject<Namespace>(&NamespaceType, 0);
  if (ns == nullptr) return nullptr;
  Ref<> owner = StealRef<Object>(ns);
  Ref<Dict> d = DictCopy(static_cast<Dict*>(dict));
  if (!d) return nullptr;
  ns->dict = d.release();
  return owner;
}

}  // namespace pyrite::builtins
