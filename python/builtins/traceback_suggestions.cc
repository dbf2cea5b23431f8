// "Did you mean: 'name'?" for uncaught NameError and AttributeError, as CPython 3.11's
// Python/suggestions.c computes it: a Levenshtein distance where a case change costs 1 and any
// other edit 2, candidates within a third of the combined length, at most 750 candidates of at
// most 40 bytes. NameError looks at the failing frame's local variable names, then its globals,
// then its builtins; AttributeError at dir(obj).
#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "python/builtins/builtins_internal.h"
#include "python/bytecode/code.h"
#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/frame.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/exceptions.h"
#include "python/vm/objects/function.h"
#include "python/vm/objects/list.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"

namespace pyrite::builtins {

using namespace vm;  // NOLINT: this file is all VM objects

namespace {

constexpr size_t kMaxCandidates = 750;
constexpr size_t kMaxStringSize = 40;
constexpr size_t kMoveCost = 2;
constexpr size_t kCaseCost = 1;

size_t SubstitutionCost(char a, char b) {
  if ((a & 31) != (b & 31)) return kMoveCost;
  if (a == b) return 0;
  if ('A' <= a && a <= 'Z') a = static_cast<char>(a + ('a' - 'A'));
  if ('A' <= b && b <= 'Z') b = static_cast<char>(b + ('a' - 'A'));
  if (a == b) return kCaseCost;
  return kMoveCost;
}

size_t Distance(std::string_view a, std::string_view b, size_t max_cost) {
  while (!a.empty() && !b.empty() && a.front() == b.front()) {
    a.remove_prefix(1);
    b.remove_prefix(1);
  }
  while (!a.empty() && !b.empty() && a.back() == b.back()) {
    a.remove_suffix(1);
    b.remove_suffix(1);
  }
  if (a.empty() || b.empty()) return (a.size() + b.size()) * kMoveCost;
  if (a.size() > kMaxStringSize || b.size() > kMaxStringSize) return max_cost + 1;
  if (b.size() < a.size()) std::swap(a, b);
  if ((b.size() - a.size()) * kMoveCost > max_cost) return max_cost + 1;
  size_t buffer[kMaxStringSize];
  size_t tmp = kMoveCost;
  for (size_t i = 0; i < a.size(); ++i) {
    buffer[i] = tmp;
    tmp += kMoveCost;
  }
  size_t result = 0;
  for (size_t bi = 0; bi < b.size(); ++bi) {
    char code = b[bi];
    size_t distance = result = bi * kMoveCost;
    size_t minimum = SIZE_MAX;
    for (size_t i = 0; i < a.size(); ++i) {
      size_t substitute = distance + SubstitutionCost(code, a[i]);
      distance = buffer[i];
      size_t insert_delete = std::min(result, distance) + kMoveCost;
      result = std::min(insert_delete, substitute);
      buffer[i] = result;
      minimum = std::min(minimum, result);
    }
    if (minimum > max_cost) return max_cost + 1;
  }
  return result;
}

std::string Best(const std::vector<std::string>& candidates, std::string_view name) {
  if (candidates.size() >= kMaxCandidates) return "";
  size_t best_distance = SIZE_MAX;
  const std::string* best = nullptr;
  for (const std::string& item : candidates) {
    if (item == name) continue;
    size_t max_distance = (name.size() + item.size() + 3) * kMoveCost / 6;
    if (best_distance != SIZE_MAX) max_distance = std::min(max_distance, best_distance - 1);
    size_t d = Distance(name, item, max_distance);
    if (d > max_distance) continue;
    if (best == nullptr || d < best_distance) {
      best = &item;
      best_distance = d;
    }
  }
  return best != nullptr ? *best : "";
}

std::vector<std::string> StrItems(Object* list) {
  std::vector<std::string> out;
  auto* l = static_cast<List*>(list);
  for (int64_t i = 0; i < l->size; ++i) {
    if (IsStr(l->items[i])) out.emplace_back(StrUtf8(static_cast<Str*>(l->items[i])));
  }
  return out;
}

std::vector<std::string> DictKeys(Object* d) {
  std::vector<std::string> out;
  if (d == nullptr || !IsDict(d)) return out;
  int64_t pos = 0;
  Object* key;
  Object* value;
  while (DictNext(static_cast<Dict*>(d), &pos, &key, &value)) {
    if (IsStr(key)) out.emplace_back(StrUtf8(static_cast<Str*>(key)));
  }
  return out;
}

}  // namespace

std::string OfferSuggestion(Object* exc) {
  if (TypeCheck(exc, &AttributeErrorType)) {
    auto* e = static_cast<AttributeErrorObject*>(exc);
    if (e->name == nullptr || !IsStr(e->name) || e->obj == nullptr) return "";
    Ref<> dir = Dir(e->obj);
    if (!dir || !IsList(dir.get())) {
      ClearError();
      return "";
    }
    return Best(StrItems(dir.get()), StrUtf8(static_cast<Str*>(e->name)));
  }
  if (TypeCheck(exc, &NameErrorType)) {
    auto* e = static_cast<NameErrorObject*>(exc);
    if (e->name == nullptr || !IsStr(e->name)) return "";
    std::string_view name = StrUtf8(static_cast<Str*>(e->name));
    Object* tb = e->traceback;
    if (tb == nullptr || tb == None()) return "";
    while (static_cast<Traceback*>(tb)->next != nullptr &&
           static_cast<Traceback*>(tb)->next != None()) {
      tb = static_cast<Traceback*>(tb)->next;
    }
    auto* fo = static_cast<FrameObject*>(static_cast<Traceback*>(tb)->frame);
    if (fo == nullptr || fo->frame == nullptr) return "";
    Frame* f = fo->frame;
    std::vector<std::string> varnames;
    if (const bytecode::CodeObject* src = f->code->source.get()) {
      for (size_t i = 0; i < src->localsplusnames.size(); ++i) {
        if (src->localspluskinds[i] & bytecode::kLocal) varnames.push_back(src->localsplusnames[i]);
      }
    }
    std::string s = Best(varnames, name);
    if (s.empty()) s = Best(DictKeys(f->globals), name);
    if (s.empty()) s = Best(DictKeys(f->builtins), name);
    return s;
  }
  return "";
}

}  // namespace pyrite::builtins
