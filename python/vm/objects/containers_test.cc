// C++-level tests of the container types (tuple.cc, list.cc, list_sort.cc, dict.cc, set.cc,
// range.cc/slice.cc): the API the rest of the VM uses, CPython-compatible hashes, growth and
// deletion in the dict table, and error propagation.
#include <string>

#include "gtest/gtest.h"
#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/list.h"
#include "python/vm/objects/range.h"
#include "python/vm/objects/set.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/runtime.h"
#include "python/vm/testing/runtime_fixture.h"

namespace pyrite::vm {
namespace {

class ContainersTest : public RuntimeTest {};

std::string ReprOf(Object* o) {
  Ref<> r = Repr(o);
  if (!r) {
    ClearError();
    return "<error>";
  }
  return std::string(StrUtf8(static_cast<Str*>(r.get())));
}

TEST_F(ContainersTest, EmptyTupleIsShared) {
  Ref<Tuple> a = NewTuple(0);
  Ref<Tuple> b = NewTuple(0);
  EXPECT_EQ(a.get(), b.get());
  EXPECT_EQ(ReprOf(a.get()), "()");
}

TEST_F(ContainersTest, TupleHashMatchesCPython) {
  Ref<> one = NewInt(1);
  Ref<> two = NewInt(2);
  Ref<Tuple> t = NewTupleFrom({one.get(), two.get()});
  EXPECT_EQ(Hash(t.get()), -3550055125485641917LL);
  Ref<Tuple> e = NewTuple(0);
  EXPECT_EQ(Hash(e.get()), 5740354900026072187LL);
  EXPECT_EQ(ReprOf(t.get()), "(1, 2)");
  Ref<Tuple> single = NewTupleFrom({one.get()});
  EXPECT_EQ(ReprOf(single.get()), "(1,)");
}

TEST_F(ContainersTest, ListAppendSortRepr) {
  Ref<List> l = NewList();
  for (int v : {5, 3, 9, 1, 7}) {
    Ref<> i = NewInt(v);
    ASSERT_TRUE(ListAppend(l.get(), i.get()));
  }
  ASSERT_TRUE(ListSort(l.get(), nullptr, false));
  EXPECT_EQ(ReprOf(l.get()), "[1, 3, 5, 7, 9]");
  ASSERT_TRUE(ListSort(l.get(), nullptr, true));
  EXPECT_EQ(ReprOf(l.get()), "[9, 7, 5, 3, 1]");
  Ref<> t = ListAsTuple(l.get());
  EXPECT_EQ(ReprOf(t.get()), "(9, 7, 5, 3, 1)");
}

TEST_F(ContainersTest, RecursiveListRepr) {
  Ref<List> l = NewList();
  ASSERT_TRUE(ListAppend(l.get(), l.get()));
  EXPECT_EQ(ReprOf(l.get()), "[[...]]");
  ASSERT_TRUE(ListExtend(l.get(), NewTuple(0).get()));  // no-op
  // Break the cycle so the list is freed by reference counting.
  ASSERT_EQ(SetItem(l.get(), NewInt(0).get(), None()), 0);
}

TEST_F(ContainersTest, DictGrowDeleteAndOrder) {
  Ref<Dict> d = NewDict();
  for (int i = 0; i < 1000; ++i) {
    Ref<> k = NewInt(i);
    Ref<> v = NewInt(i * 2);
    ASSERT_EQ(DictSetItem(d.get(), k.get(), v.get()), 0);
  }
  EXPECT_EQ(DictSize(d.get()), 1000);
  for (int i = 0; i < 1000; i += 2) {
    Ref<> k = NewInt(i);
    ASSERT_EQ(DictDelItem(d.get(), k.get()), 1);
  }
  EXPECT_EQ(DictSize(d.get()), 500);
  Ref<> missing = NewInt(0);
  EXPECT_EQ(DictDelItem(d.get(), missing.get()), 0);
  EXPECT_EQ(DictGetItem(d.get(), missing.get()), nullptr);
  EXPECT_FALSE(ErrorOccurred());
  Ref<> k = NewInt(999);
  Object* v = DictGetItem(d.get(), k.get());
  ASSERT_NE(v, nullptr);
  EXPECT_EQ(*IntSmall(v), 1998);
  int64_t pos = 0;
  Object* key;
  Object* value;
  int64_t expect = 1;
  while (DictNext(d.get(), &pos, &key, &value)) {
    EXPECT_EQ(*IntSmall(key), expect);
    expect += 2;
  }
  EXPECT_EQ(expect, 1001);
}

TEST_F(ContainersTest, DictStrKeysAndUnhashable) {
  Ref<Dict> d = NewDict();
  ASSERT_EQ(DictSetItemUtf8(d.get(), "alpha", None()), 0);
  EXPECT_EQ(DictGetItemUtf8(d.get(), "alpha"), None());
  EXPECT_EQ(DictGetItemUtf8(d.get(), "beta"), nullptr);
  Ref<List> l = NewList();
  EXPECT_EQ(DictSetItem(d.get(), l.get(), None()), -1);
  EXPECT_TRUE(ErrorMatches(&TypeErrorType));
  ClearError();
  EXPECT_EQ(ReprOf(d.get()), "{'alpha': None}");
}

// The entry-position hints of the eval loop's caches, and the key-set version they rely on.
TEST_F(ContainersTest, DictEntryHintsAndVersion) {
  Ref<Dict> d = NewDict();
  Str* a = InternStr("hint_a");
  Str* b = InternStr("hint_b");
  Ref<> one = NewInt(1), two = NewInt(2), three = NewInt(3);
  ASSERT_EQ(DictSetItemStr(d.get(), a, one.get()), 0);
  ASSERT_EQ(DictSetItemStr(d.get(), b, two.get()), 0);
  int64_t ia = DictEntryIndex(d.get(), a);
  int64_t ib = DictEntryIndex(d.get(), b);
  EXPECT_EQ(ia, 0);
  EXPECT_EQ(ib, 1);
  EXPECT_EQ(DictEntryIndex(d.get(), InternStr("hint_missing")), -1);
  EXPECT_EQ(DictValueAtHint(d.get(), ia, a), one.get());
  EXPECT_EQ(DictValueAtHint(d.get(), ia, b), nullptr);  // another key there
  EXPECT_EQ(DictValueAtHint(d.get(), 99, a), nullptr);  // past the entries
  // Replacing a value keeps the version (the key set is unchanged); adding a key renews it.
  uint64_t v = d->version;
  EXPECT_TRUE(DictReplaceAtHint(d.get(), ib, b, three.get()));
  EXPECT_FALSE(DictReplaceAtHint(d.get(), ia, b, three.get()));
  EXPECT_EQ(DictGetItemStr(d.get(), b), three.get());
  ASSERT_EQ(DictSetItemStr(d.get(), a, two.get()), 0);
  EXPECT_EQ(d->version, v);
  ASSERT_EQ(DictSetItemStr(d.get(), InternStr("hint_c"), one.get()), 0);
  EXPECT_NE(d->version, v);
  // Versions are unique across dicts: a fresh dict's first key gets a new one.
  Ref<Dict> e = NewDict();
  ASSERT_EQ(DictSetItemStr(e.get(), a, one.get()), 0);
  EXPECT_NE(e->version, d->version);
  // A deleted entry no longer matches its hint.
  ASSERT_EQ(DictDelItem(d.get(), a), 1);
  EXPECT_EQ(DictValueAtHint(d.get(), ia, a), nullptr);
  EXPECT_FALSE(DictReplaceAtHint(d.get(), ia, a, one.get()));
}

TEST_F(ContainersTest, SetBasics) {
  Ref<Set> s = NewSet();
  for (int v : {3, 1, 2, 3}) {
    Ref<> i = NewInt(v);
    ASSERT_EQ(SetAdd(s.get(), i.get()), 0);
  }
  EXPECT_EQ(s->used, 3);
  EXPECT_EQ(ReprOf(s.get()), "{1, 2, 3}");
  Ref<> two = NewInt(2);
  EXPECT_EQ(SetContains(s.get(), two.get()), 1);
  EXPECT_EQ(SetDiscard(s.get(), two.get()), 1);
  EXPECT_EQ(SetContains(s.get(), two.get()), 0);
  Ref<Set> f = NewFrozenSet(s.get());
  EXPECT_EQ(ReprOf(f.get()), "frozenset({1, 3})");
  Ref<> one = NewInt(1);
  Ref<> three = NewInt(3);
  Ref<Tuple> items = NewTupleFrom({one.get(), two.get(), three.get()});
  Ref<Set> f3 = NewFrozenSet(items.get());
  EXPECT_EQ(Hash(f3.get()), -272375401224217160LL);
}

TEST_F(ContainersTest, SliceAdjust) {
  int64_t start = -3, stop = INT64_MAX;
  EXPECT_EQ(SliceAdjustIndices(10, &start, &stop, 1), 3);
  EXPECT_EQ(start, 7);
  EXPECT_EQ(stop, 10);
  start = INT64_MAX;
  stop = INT64_MIN;
  EXPECT_EQ(SliceAdjustIndices(5, &start, &stop, -1), 5);
  Ref<> s = NewSlice(nullptr, NewInt(2).get(), nullptr);
  EXPECT_EQ(ReprOf(s.get()), "slice(None, 2, None)");
}

}  // namespace
}  // namespace pyrite::vm
