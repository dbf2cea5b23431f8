// The methods and attributes of int (bit_length, to_bytes, from_bytes, __round__, __format__,
// real/imag/numerator/denominator, ...). The slots are in int.cc.
#include <algorithm>
#include <string>
#include <utility>

#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/objects/bytes.h"
#include "python/vm/objects/formatter.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"

namespace pyrite::vm {

using bigint::BigInt;

namespace {

Ref<> ExactCopy(Object* self) {
  if (IsExactInt(self)) return NewRef(self);
  return NewInt(IntValue(self));
}

Ref<> IntBitLength(Object* self, Object* const*, size_t, Tuple*) {
  return NewInt(static_cast<int64_t>(IntValue(self).BitLength()));
}
Ref<> IntBitCount(Object* self, Object* const*, size_t, Tuple*) {
  return NewInt(static_cast<int64_t>(IntValue(self).BitCount()));
}
Ref<> IntSelf(Object* self, Object* const*, size_t, Tuple*) { return ExactCopy(self); }

Ref<> IntAsIntegerRatio(Object* self, Object* const*, size_t, Tuple*) {
  Ref<> n = ExactCopy(self);
  PY_RETURN_IF_NULL(n);
  Ref<> one = NewInt(1);
  return NewTupleFrom({n.get(), one.get()});
}

Ref<> IntGetNewArgs(Object* self, Object* const*, size_t, Tuple*) {
  Ref<> n = ExactCopy(self);
  PY_RETURN_IF_NULL(n);
  return NewTupleFrom({n.get()});
}

Ref<> IntSizeOf(Object* self, Object* const*, size_t, Tuple*) {
  const BigInt& v = IntValue(self);
  // CPython 3.11 counts at least one digit, even for 0.
  int64_t digits = std::max<int64_t>(1, static_cast<int64_t>((v.BitLength() + 29) / 30));
  return NewInt(24 + 4 * digits);
}

Ref<> IntFormatMethod(Object* self, Object* const* args, size_t, Tuple*) {
  if (!IsStr(args[0])) {
    SetErrorF(&TypeErrorType, "__format__() argument must be str, not %s", TypeNameOf(args[0]));
    return nullptr;
  }
  // format(x, '') is str(x) (so a subclass's __str__ and bool's "True" show).
  if (static_cast<Str*>(args[0])->length == 0) return ToStr(self);
  return FormatInt(IntValue(self), static_cast<Str*>(args[0]));
}

// round(x, ndigits): for ndigits < 0 rounds to a multiple of 10**-ndigits, half to even.
Ref<> IntRound(Object* self, Object* const* args, size_t nargs, Tuple*) {
  if (!CheckPositional("__round__", nargs, 0, 1)) return nullptr;
  if (nargs == 0 || args[0] == None()) return ExactCopy(self);
  Ref<> nd = Index(args[0]);
  PY_RETURN_IF_NULL(nd);
  const BigInt& ndv = IntValue(nd.get());
  if (ndv.Sign() >= 0) return ExactCopy(self);
  const BigInt& x = IntValue(self);
  BigInt neg = -ndv;
  // 10**k with k beyond the number of digits of x rounds everything to 0.
  auto k = neg.ToInt64();
  if (!k || static_cast<uint64_t>(*k) > x.BitLength() / 3 + 2) return NewInt(0);
  auto p = BigInt::Pow(BigInt::FromInt64(10), neg);
  if (!p.ok()) return NewInt(std::move(p));
  const BigInt& pow10 = p.value();
  auto dm = BigInt::DivMod(x, pow10);
  if (!dm.ok()) {
    SetIntError(dm.error());
    return nullptr;
  }
  BigInt& q = dm.value().first;
  BigInt& r = dm.value().second;
  BigInt twice = r + r;
  auto c = twice <=> pow10;
  bool q_odd = (q & BigInt::FromInt64(1)).Sign() != 0;
  BigInt result = x - r;
  if (c > 0 || (c == 0 && q_odd)) result = result + pow10;
  return NewInt(std::move(result));
}

// Reads byteorder ('little' / 'big'; big when omitted).
bool ParseByteOrder(Object* order, bool* little) {
  if (order == nullptr) {
    *little = false;
    return true;
  }
  if (!IsStr(order)) {
    SetErrorF(&TypeErrorType, "to_bytes() argument 'byteorder' must be str, not %s",
              TypeNameOf(order));
    return false;
  }
  std::string_view s = StrUtf8(static_cast<Str*>(order));
  if (s == "little") {
    *little = true;
  } else if (s == "big") {
    *little = false;
  } else {
    SetError(&ValueErrorType, "byteorder must be either 'little' or 'big'");
    return false;
  }
  return true;
}

// to_bytes/from_bytes's `byteorder` and `signed` arguments (either may be null: omitted).
bool ParseByteOrderAndSigned(Object* order, Object* signed_arg, bool* little, bool* is_signed) {
  if (!ParseByteOrder(order, little)) return false;
  *is_signed = false;
  if (signed_arg == nullptr) return true;
  int t = IsTrue(signed_arg);
  if (t < 0) return false;
  *is_signed = t != 0;
  return true;
}

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  return (c | 0x20) - 'a' + 10;
}

// int.to_bytes(length=1, byteorder='big', *, signed=False)
Ref<> IntToBytes(Object* self, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const Params kParams{"to_bytes", {"length", "byteorder", "signed"}, 0, 0, 2};
  Object* a[3];
  if (!ParseArgs(kParams, args, nargs, kwnames, a)) return nullptr;
  int64_t length = 1;
  if (a[0] != nullptr && !AsSsize(a[0], &OverflowErrorType, &length)) return nullptr;
  if (length < 0) {
    SetError(&ValueErrorType, "length argument must be non-negative");
    return nullptr;
  }
  bool little, is_signed;
  if (!ParseByteOrderAndSigned(a[1], a[2], &little, &is_signed)) return nullptr;
  BigInt v = IntValue(self);
  if (v.Sign() < 0 && !is_signed) {
    SetError(&OverflowErrorType, "can't convert negative int to unsigned");
    return nullptr;
  }
  uint64_t bits = static_cast<uint64_t>(length) * 8;
  // Range check: unsigned fits in `bits` bits; signed in bits - 1 bits plus the sign.
  bool fits;
  if (!is_signed) {
    fits = v.BitLength() <= bits;
  } else if (v.Sign() >= 0) {
    fits = bits > 0 && v.BitLength() <= bits - 1;
  } else {
    fits = bits > 0 && (~v).BitLength() <= bits - 1;
  }
  if (!fits) {
    SetError(&OverflowErrorType, "int too big to convert");
    return nullptr;
  }
  if (v.Sign() < 0) {
    auto m = BigInt::Shl(BigInt::FromInt64(1), static_cast<int64_t>(bits));
    if (!m.ok()) return NewInt(std::move(m));
    v = v + m.value();
  }
  std::string hex = v.IsZero() ? std::string() : v.ToString(16);
  std::string out(static_cast<size_t>(length), '\0');
  // Fill from the least significant end.
  size_t nbytes = (hex.size() + 1) / 2;
  for (size_t i = 0; i < nbytes; ++i) {
    size_t end = hex.size() - 2 * i;
    int lo = HexValue(hex[end - 1]);
    int hi = end >= 2 ? HexValue(hex[end - 2]) : 0;
    size_t pos = little ? i : static_cast<size_t>(length) - 1 - i;
    out[pos] = static_cast<char>(hi * 16 + lo);
  }
  return NewBytes(out);
}

// int.from_bytes(bytes, byteorder='big', *, signed=False) (classmethod)
Ref<> IntFromBytes(Object* cls, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const Params kParams{"from_bytes", {"bytes", "byteorder", "signed"}, 0, 1, 2};
  Object* a[3];
  if (!ParseArgs(kParams, args, nargs, kwnames, a)) return nullptr;
  bool little, is_signed;
  if (!ParseByteOrderAndSigned(a[1], a[2], &little, &is_signed)) return nullptr;
  std::string data;
  if (IsBytes(a[0])) {
    data = std::string(static_cast<Bytes*>(a[0])->view());
  } else if (IsByteArray(a[0])) {
    data = static_cast<ByteArray*>(a[0])->buffer;
  } else if (IsStr(a[0])) {
    // PyObject_Bytes: a str is not a bytes source without an encoding.
    SetError(&TypeErrorType, "cannot convert 'str' object to bytes");
    return nullptr;
  } else {
    Ref<> b = CallOneArg(&BytesType, a[0]);
    PY_RETURN_IF_NULL(b);
    data = std::string(static_cast<Bytes*>(b.get())->view());
  }
  static const char kHex[] = "0123456789abcdef";
  std::string hex;
  hex.reserve(data.size() * 2 + 1);
  hex.push_back('0');
  for (size_t i = 0; i < data.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(little ? data[data.size() - 1 - i] : data[i]);
    hex.push_back(kHex[c >> 4]);
    hex.push_back(kHex[c & 15]);
  }
  auto r = BigInt::FromString(hex, 16);
  if (!r.ok()) return NewInt(std::move(r));
  BigInt v = std::move(r).value();
  if (is_signed && !data.empty()) {
    unsigned char top = static_cast<unsigned char>(little ? data.back() : data.front());
    if (top & 0x80) {
      auto m = BigInt::Shl(BigInt::FromInt64(1), static_cast<int64_t>(data.size() * 8));
      if (!m.ok()) return NewInt(std::move(m));
      v = v - m.value();
    }
  }
  Ref<> result = NewInt(std::move(v));
  PY_RETURN_IF_NULL(result);
  if (cls == &IntType) return result;
  return CallOneArg(cls, result.get());
}

Ref<> GetSelf(Object* self) { return ExactCopy(self); }
Ref<> GetZero(Object*) { return NewInt(0); }
Ref<> GetOne(Object*) { return NewInt(1); }

}  // namespace

extern const MethodDef kIntMethods[];
const MethodDef kIntMethods[] = {
    {"conjugate", &IntSelf, kMethNoArgs, "Returns self, the complex conjugate of any int."},
    {"bit_length", &IntBitLength, kMethNoArgs,
     "Number of bits necessary to represent self in binary."},
    {"bit_count", &IntBitCount, kMethNoArgs,
     "Number of ones in the binary representation of the absolute value of self."},
    {"to_bytes", &IntToBytes, kMethKeywords, "Return an array of bytes representing an integer."},
    {"from_bytes", &IntFromBytes, kMethKeywords | kMethClass,
     "Return the integer represented by the given array of bytes."},
    {"as_integer_ratio", &IntAsIntegerRatio, kMethNoArgs, "Return integer ratio."},
    {"__trunc__", &IntSelf, kMethNoArgs, "Truncating an Integral returns itself."},
    {"__floor__", &IntSelf, kMethNoArgs, "Flooring an Integral returns itself."},
    {"__ceil__", &IntSelf, kMethNoArgs, "Ceiling of an Integral returns itself."},
    {"__round__", &IntRound, kMethFastcall, "Rounding an Integral returns itself."},
    {"__getnewargs__", &IntGetNewArgs, kMethNoArgs},
    {"__format__", &IntFormatMethod, kMethO},
    {"__sizeof__", &IntSizeOf, kMethNoArgs, "Returns size in memory, in bytes."},
    {nullptr}};

extern const GetSetDef kIntGetSets[];
const GetSetDef kIntGetSets[] = {
    {"real", &GetSelf, nullptr, "the real part of a complex number"},
    {"imag", &GetZero, nullptr, "the imaginary part of a complex number"},
    {"numerator", &GetSelf, nullptr, "the numerator of a rational number in lowest terms"},
    {"denominator", &GetOne, nullptr, "the denominator of a rational number in lowest terms"},
    {nullptr}};

}  // namespace pyrite::vm
