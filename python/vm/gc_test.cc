// Tests of allocation, the cycle collector and weak references (gc.cc, objects/weakref.cc), and
// of the argument parser's messages (args.cc), at the C++ level.
#include "python/vm/gc.h"

#include <string>

#include "gtest/gtest.h"
#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/objects/descr.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/list.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/objects/weakref.h"
#include "python/vm/runtime.h"
#include "python/vm/testing/runtime_fixture.h"

namespace pyrite::vm {
namespace {

class GcTest : public RuntimeTest {};

// A class made as `class C: pass` would be: instances have a dict and support weak references.
Ref<> MakeClass(const char* name) {
  Ref<Dict> dict = NewDict();
  Ref<Tuple> bases = NewTuple(0);
  Ref<Str> n = NewStr(name);
  return NewHeapType(&TypeType, n.get(), bases.get(), dict.get());
}

int callback_calls = 0;
Ref<> CountingCallback(Object*, Object* const*, size_t, Tuple*) {
  ++callback_calls;
  return NewNone();
}
const MethodDef kCallbackDef = {"callback", &CountingCallback, kMethO};

TEST_F(GcTest, SelfReferencingListIsCollected) {
  GcCollect();
  Ref<List> l = NewList();
  ASSERT_TRUE(l);
  ASSERT_TRUE(ListAppend(l.get(), l.get()));
  EXPECT_TRUE(GcIsTracked(l.get()));
  l.reset();
  EXPECT_EQ(GcCollect(), 1);
  EXPECT_EQ(GcCollect(), 0);
}

TEST_F(GcTest, CycleOfListsIsCollectedButReachableSurvives) {
  GcCollect();
  Ref<List> a = NewList();
  Ref<List> b = NewList();
  ASSERT_TRUE(ListAppend(a.get(), b.get()));
  ASSERT_TRUE(ListAppend(b.get(), a.get()));
  Ref<List> keep = NewList();
  ASSERT_TRUE(ListAppend(keep.get(), keep.get()));
  a.reset();
  b.reset();
  EXPECT_EQ(GcCollect(), 2);
  EXPECT_EQ(keep->size, 1);
  EXPECT_EQ(keep->items[0], keep.get());
  keep.reset();
  EXPECT_EQ(GcCollect(), 1);
}

TEST_F(GcTest, WeakRefCallbackRunsWhenReferentDies) {
  Ref<> cls = MakeClass("C");
  ASSERT_TRUE(cls) << TakeErrorMessage();
  Ref<> obj = CallNoArgs(cls.get());
  ASSERT_TRUE(obj) << TakeErrorMessage();
  Ref<> cb = NewBuiltinFunction(&kCallbackDef, nullptr);
  ASSERT_TRUE(cb);
  Ref<> wr = NewWeakRef(obj.get(), cb.get());
  ASSERT_TRUE(wr) << TakeErrorMessage();
  Ref<> plain = NewWeakRef(obj.get(), nullptr);
  Ref<> plain2 = NewWeakRef(obj.get(), nullptr);
  EXPECT_EQ(plain.get(), plain2.get());  // the plain reference is shared
  EXPECT_EQ(WeakrefCount(obj.get()), 2);
  Ref<> target = CallNoArgs(wr.get());
  EXPECT_EQ(target.get(), obj.get());
  target.reset();
  callback_calls = 0;
  obj.reset();
  EXPECT_EQ(callback_calls, 1);
  Ref<> dead = CallNoArgs(wr.get());
  EXPECT_EQ(dead.get(), None());
}

TEST_F(GcTest, WeakRefToGarbageIsClearedByCollector) {
  GcCollect();
  Ref<> cls = MakeClass("D");
  ASSERT_TRUE(cls) << TakeErrorMessage();
  Ref<> obj = CallNoArgs(cls.get());
  ASSERT_TRUE(obj);
  // obj.self = obj: a cycle through the instance dict.
  ASSERT_EQ(SetAttr(obj.get(), InternStr("self"), obj.get()), 0);
  Ref<> cb = NewBuiltinFunction(&kCallbackDef, nullptr);
  Ref<> wr = NewWeakRef(obj.get(), cb.get());
  ASSERT_TRUE(wr);
  callback_calls = 0;
  obj.reset();
  EXPECT_EQ(callback_calls, 0);
  EXPECT_GE(GcCollect(), 1);
  EXPECT_EQ(callback_calls, 1);
  Ref<> dead = CallNoArgs(wr.get());
  EXPECT_EQ(dead.get(), None());
}

TEST_F(GcTest, WeakRefToIntIsRefused) {
  Ref<> one = NewStr("x");
  Ref<> wr = NewWeakRef(one.get(), nullptr);
  EXPECT_FALSE(wr);
  EXPECT_EQ(TakeErrorMessage(), "cannot create weak reference to 'str' object");
}

TEST_F(GcTest, ProxyForwardsUntilReferentDies) {
  Ref<> cls = MakeClass("P");
  ASSERT_TRUE(cls) << TakeErrorMessage();
  Ref<> obj = CallNoArgs(cls.get());
  ASSERT_TRUE(obj);
  Ref<> five = NewStr("five");
  ASSERT_EQ(SetAttr(obj.get(), InternStr("v"), five.get()), 0);
  Ref<> proxy = NewWeakProxy(obj.get(), nullptr);
  ASSERT_TRUE(proxy) << TakeErrorMessage();
  EXPECT_EQ(proxy->type, &WeakProxyType);
  Ref<> again = NewWeakProxy(obj.get(), nullptr);
  EXPECT_EQ(again.get(), proxy.get());
  Ref<> ref = NewWeakRef(obj.get(), nullptr);
  EXPECT_EQ(WeakrefCount(obj.get()), 2);
  Ref<> v = GetAttr(proxy.get(), "v");
  ASSERT_TRUE(v);
  EXPECT_EQ(v.get(), five.get());
  EXPECT_EQ(Hash(proxy.get()), -1);
  // CPython says 'weakref.ProxyType' (TypeName's handling of dotted builtin names decides).
  EXPECT_NE(TakeErrorMessage().find("ProxyType'"), std::string::npos);
  obj.reset();
  EXPECT_FALSE(GetAttr(proxy.get(), "v"));
  EXPECT_EQ(TakeErrorMessage(), "weakly-referenced object no longer exists");
  Ref<> dead = CallNoArgs(ref.get());
  EXPECT_EQ(dead.get(), None());
}

TEST_F(GcTest, DeepNestingIsFreedWithoutStackOverflow) {
  Ref<List> outer = NewList();
  for (int i = 0; i < 200000; ++i) {
    Ref<List> next = NewList();
    ASSERT_TRUE(ListAppend(next.get(), outer.get()));
    outer = std::move(next);
  }
  outer.reset();  // would recurse 200000 deep without the deferred deallocations
}

TEST_F(GcTest, ThresholdRoundTrip) {
  int64_t saved[3];
  GcGetThreshold(saved);
  EXPECT_EQ(saved[0], 700);
  GcSetThreshold(5, 6, 7);
  int64_t t[3];
  GcGetThreshold(t);
  EXPECT_EQ(t[1], 6);
  GcSetThreshold(saved[0], saved[1], saved[2]);
}

TEST_F(GcTest, ParseArgsMessages) {
  static const Params kSplit{"split", {"sep", "maxsplit"}, 0, 0};
  Ref<> a = NewStr("a");
  Object* args[3] = {a.get(), a.get(), a.get()};
  Object* out[2];
  EXPECT_FALSE(ParseArgs(kSplit, args, 3, nullptr, out));
  EXPECT_EQ(TakeErrorMessage(), "split() takes at most 2 arguments (3 given)");

  Ref<Tuple> kw = NewTupleFrom({InternStr("sep")});
  EXPECT_FALSE(ParseArgs(kSplit, args, 1, kw.get(), out));
  EXPECT_EQ(TakeErrorMessage(), "argument for split() given by name ('sep') and position (1)");

  Ref<Tuple> bad = NewTupleFrom({InternStr("x")});
  EXPECT_FALSE(ParseArgs(kSplit, args, 0, bad.get(), out));
  EXPECT_EQ(TakeErrorMessage(), "'x' is an invalid keyword argument for split()");

  static const Params kPow{"pow", {"base", "exp", "mod"}, 0, 2};
  Object* out3[3];
  EXPECT_FALSE(ParseArgs(kPow, args, 0, nullptr, out3));
  EXPECT_EQ(TakeErrorMessage(), "pow() missing required argument 'base' (pos 1)");

  static const Params kSort{"sort", {"key", "reverse"}, 0, 0, 0};
  EXPECT_FALSE(ParseArgs(kSort, args, 1, nullptr, out));
  EXPECT_EQ(TakeErrorMessage(), "sort() takes no positional arguments");

  static const Params kStartswith{"startswith", {"prefix", "start", "end"}, 3, 1};
  EXPECT_FALSE(ParseArgs(kStartswith, args, 0, nullptr, out3));
  EXPECT_EQ(TakeErrorMessage(), "startswith() takes at least 1 argument (0 given)");

  EXPECT_TRUE(ParseArgs(kSplit, args, 1, nullptr, out));
  EXPECT_EQ(out[0], a.get());
  EXPECT_EQ(out[1], nullptr);

  EXPECT_FALSE(CheckPositional("divmod", 1, 2, 2));
  EXPECT_EQ(TakeErrorMessage(), "divmod expected 2 arguments, got 1");
  EXPECT_FALSE(CheckPositional("list", 2, 0, 1));
  EXPECT_EQ(TakeErrorMessage(), "list expected at most 1 argument, got 2");
  EXPECT_FALSE(CheckNoKwargs("list", bad.get()));
  EXPECT_EQ(TakeErrorMessage(), "list() takes no keyword arguments");
}

}  // namespace
}  // namespace pyrite::vm
