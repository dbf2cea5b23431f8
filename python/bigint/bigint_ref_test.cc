// python/bigint/bigint_ref_test.cc: checks BigInt against CPython 3.11 on the cases of
// bigint_cases.txt (written at build time by testdata/bigint_cases_gen.py; the format is
// described there). One test per operation, each reporting its first mismatches.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "gtest/gtest.h"
#include "python/bigint/bigint.h"

namespace pyrite::bigint {
namespace {

using Fields = std::vector<std::string>;

const std::map<std::string, std::vector<Fields>>& Cases() {
  static const auto* cases = [] {
    auto* m = new std::map<std::string, std::vector<Fields>>;
    std::ifstream in("python/bigint/bigint_cases.txt");
    EXPECT_TRUE(in.good()) << "bigint_cases.txt missing from runfiles";
    std::string line;
    while (std::getline(in, line)) {
      Fields f;
      size_t start = 0;
      while (true) {
        const size_t tab = line.find('\t', start);
        f.push_back(line.substr(start, tab - start));
        if (tab == std::string::npos) break;
        start = tab + 1;
      }
      const std::string op = f[0];
      f.erase(f.begin());
      (*m)[op].push_back(std::move(f));
    }
    return m;
  }();
  return *cases;
}

BigInt Int(const std::string& hex) {
  IntResult<BigInt> r = BigInt::FromString(hex, 0);
  if (!r.ok()) {
    ADD_FAILURE() << "bad operand " << hex;
    return BigInt();
  }
  return r.value();
}

std::string Unhex(const std::string& hex) {
  std::string s;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    s += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  }
  return s;
}

std::string Fmt(const BigInt& v) { return v.ToPrefixedString(16); }
std::string Fmt(int64_t v) { return Fmt(BigInt::FromInt64(v)); }
std::string Fmt(const std::string& s) {
  std::string h;
  char buf[3];
  for (unsigned char c : s) {
    std::snprintf(buf, sizeof buf, "%02x", c);
    h += buf;
  }
  return h;
}
std::string Fmt(double d) {
  // float.hex() spelling.
  if (std::isnan(d)) return "nan";
  if (std::isinf(d)) return d > 0 ? "inf" : "-inf";
  if (d == 0) return std::signbit(d) ? "-0x0.0p+0" : "0x0.0p+0";
  int exp;
  double m = std::frexp(std::fabs(d), &exp);                 // [0.5, 1)
  uint64_t bits = static_cast<uint64_t>(std::ldexp(m, 53));  // 53 bits, top bit set
  exp -= 1;
  if (exp < -1022) {  // subnormal: CPython prints 0x0.xxxp-1022
    bits >>= (-1022 - exp);
    exp = -1022;
    char buf[64];
    std::snprintf(buf, sizeof buf, "%s0x0.%013llxp-1022", d < 0 ? "-" : "",
                  static_cast<unsigned long long>(bits & ((uint64_t{1} << 52) - 1)));
    std::string s = buf;
    return s;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s0x1.%013llxp%+d", d < 0 ? "-" : "",
                static_cast<unsigned long long>(bits & ((uint64_t{1} << 52) - 1)), exp);
  return buf;
}

template <typename T>
std::string Fmt(const IntResult<T>& r) {
  if (!r.ok()) return "!" + std::string(r.error().KindName()) + ": " + r.error().message;
  return Fmt(r.value());
}
std::string Fmt(const IntResult<std::pair<BigInt, BigInt>>& r) {
  if (!r.ok()) return "!" + std::string(r.error().KindName()) + ": " + r.error().message;
  return Fmt(r.value().first) + "\t" + Fmt(r.value().second);
}

// Runs `compute` on every case of `op`; the last field(s) are the expected output.
template <typename F>
void Check(const std::string& op, size_t nargs, F compute) {
  auto it = Cases().find(op);
  ASSERT_NE(it, Cases().end()) << "no cases for " << op;
  int failures = 0;
  for (const Fields& f : it->second) {
    std::string expected = f[nargs];
    for (size_t i = nargs + 1; i < f.size(); ++i) expected += "\t" + f[i];
    const std::string got = compute(f);
    if (got != expected && ++failures <= 5) {
      std::string args;
      for (size_t i = 0; i < nargs; ++i) args += " " + f[i].substr(0, 80);
      ADD_FAILURE() << op << args << "\n  expected " << expected.substr(0, 200) << "\n  got      "
                    << got.substr(0, 200);
    }
  }
  EXPECT_EQ(failures, 0) << op << ": " << failures << " of " << it->second.size() << " cases";
}

TEST(BigIntRefTest, Add) {
  Check("add", 2, [](const Fields& f) { return Fmt(Int(f[0]) + Int(f[1])); });
}
TEST(BigIntRefTest, Sub) {
  Check("sub", 2, [](const Fields& f) { return Fmt(Int(f[0]) - Int(f[1])); });
}
TEST(BigIntRefTest, Mul) {
  Check("mul", 2, [](const Fields& f) {
    if (f[0] == f[1]) {
      const BigInt a = Int(f[0]);
      return Fmt(a * a);
    }
    return Fmt(Int(f[0]) * Int(f[1]));
  });
}
TEST(BigIntRefTest, Bitwise) {
  Check("and", 2, [](const Fields& f) { return Fmt(Int(f[0]) & Int(f[1])); });
  Check("or", 2, [](const Fields& f) { return Fmt(Int(f[0]) | Int(f[1])); });
  Check("xor", 2, [](const Fields& f) { return Fmt(Int(f[0]) ^ Int(f[1])); });
}
TEST(BigIntRefTest, Compare) {
  Check("cmp", 2, [](const Fields& f) {
    const auto c = Int(f[0]) <=> Int(f[1]);
    const bool eq = Int(f[0]) == Int(f[1]);
    if (eq != (c == 0)) return std::string("inconsistent");
    return Fmt(int64_t{c < 0 ? -1 : c > 0 ? 1 : 0});
  });
}
TEST(BigIntRefTest, Division) {
  Check("floordiv", 2, [](const Fields& f) { return Fmt(BigInt::FloorDiv(Int(f[0]), Int(f[1]))); });
  Check("mod", 2, [](const Fields& f) { return Fmt(BigInt::Mod(Int(f[0]), Int(f[1]))); });
  Check("divmod", 2, [](const Fields& f) { return Fmt(BigInt::DivMod(Int(f[0]), Int(f[1]))); });
}
TEST(BigIntRefTest, TrueDiv) {
  Check("truediv", 2, [](const Fields& f) { return Fmt(BigInt::TrueDiv(Int(f[0]), Int(f[1]))); });
}
TEST(BigIntRefTest, Pow) {
  Check("pow", 2, [](const Fields& f) { return Fmt(BigInt::Pow(Int(f[0]), Int(f[1]))); });
  Check("powmod", 3,
        [](const Fields& f) { return Fmt(BigInt::PowMod(Int(f[0]), Int(f[1]), Int(f[2]))); });
}
TEST(BigIntRefTest, Shifts) {
  Check("shl", 2, [](const Fields& f) { return Fmt(BigInt::Shl(Int(f[0]), Int(f[1]))); });
  Check("shr", 2, [](const Fields& f) { return Fmt(BigInt::Shr(Int(f[0]), Int(f[1]))); });
}
TEST(BigIntRefTest, Unary) {
  Check("neg", 1, [](const Fields& f) { return Fmt(-Int(f[0])); });
  Check("invert", 1, [](const Fields& f) { return Fmt(~Int(f[0])); });
  Check("abs", 1, [](const Fields& f) { return Fmt(Int(f[0]).Abs()); });
  Check("bitlen", 1,
        [](const Fields& f) { return Fmt(static_cast<int64_t>(Int(f[0]).BitLength())); });
  Check("bitcount", 1,
        [](const Fields& f) { return Fmt(static_cast<int64_t>(Int(f[0]).BitCount())); });
  Check("hash", 1, [](const Fields& f) { return Fmt(Int(f[0]).Hash()); });
}
TEST(BigIntRefTest, Floats) {
  Check("tofloat", 1, [](const Fields& f) { return Fmt(Int(f[0]).ToDouble()); });
  Check("fromfloat", 1, [](const Fields& f) {
    const double d = f[0] == "nan"    ? NAN
                     : f[0] == "inf"  ? INFINITY
                     : f[0] == "-inf" ? -INFINITY
                                      : std::strtod(f[0].c_str(), nullptr);
    return Fmt(BigInt::FromDouble(d));
  });
}
TEST(BigIntRefTest, ToString) {
  Check("str", 1, [](const Fields& f) { return Fmt(Int(f[0]).ToString()); });
  Check("hexstr", 1, [](const Fields& f) { return Fmt(Int(f[0]).ToPrefixedString(16)); });
  Check("octstr", 1, [](const Fields& f) { return Fmt(Int(f[0]).ToPrefixedString(8)); });
  Check("binstr", 1, [](const Fields& f) { return Fmt(Int(f[0]).ToPrefixedString(2)); });
  // And back: decimal parsing.
  Check("str", 1, [](const Fields& f) {
    IntResult<BigInt> r = BigInt::FromString(Unhex(f[1]), 10);
    return r.ok() && r.value() == Int(f[0]) ? f[1] : std::string("mismatch");
  });
}
TEST(BigIntRefTest, FromString) {
  Check("fromstr", 2, [](const Fields& f) {
    const int base = static_cast<int>(Int(f[1]).ToInt64().value_or(0));
    return Fmt(BigInt::FromString(Unhex(f[0]), base));
  });
}

}  // namespace
}  // namespace pyrite::bigint
