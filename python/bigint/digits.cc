// python/bigint/digits.cc: magnitude arithmetic on 30-bit digits: add, subtract, schoolbook and
// Karatsuba multiplication, Knuth's algorithm D, shifts. Algorithms follow the structure of
// CPython's Objects/longobject.c (x_add, k_mul, k_lopsided_mul, x_divrem); the code is our own.
#include "python/bigint/digits.h"

#include <algorithm>
#include <bit>
#include <cassert>

namespace pyrite::bigint {

void Normalize(Mag& m) {
  while (!m.empty() && m.back() == 0) m.pop_back();
}

MagView Trim(MagView m) {
  size_t n = m.size();
  while (n > 0 && m[n - 1] == 0) --n;
  return m.first(n);
}

uint64_t BitLengthMag(MagView m) {
  m = Trim(m);
  if (m.empty()) return 0;
  return (m.size() - 1) * uint64_t{kShift} + static_cast<int>(std::bit_width(m.back()));
}

int CompareMag(MagView a, MagView b) {
  a = Trim(a);
  b = Trim(b);
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  for (size_t i = a.size(); i-- > 0;) {
    if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
  }
  return 0;
}

Mag AddMag(MagView a, MagView b) {
  if (a.size() < b.size()) std::swap(a, b);
  Mag r(a.size() + 1);
  Digit carry = 0;
  size_t i = 0;
  for (; i < b.size(); ++i) {
    carry += a[i] + b[i];
    r[i] = carry & kMask;
    carry >>= kShift;
  }
  for (; i < a.size(); ++i) {
    carry += a[i];
    r[i] = carry & kMask;
    carry >>= kShift;
  }
  r[i] = carry;
  Normalize(r);
  return r;
}

Mag SubMag(MagView a, MagView b) {
  Mag r(a.begin(), a.end());
  Digit borrow = 0;
  size_t i = 0;
  for (; i < b.size(); ++i) {
    borrow = r[i] - b[i] - borrow;
    r[i] = borrow & kMask;
    borrow = (borrow >> kShift) & 1;
  }
  for (; borrow && i < r.size(); ++i) {
    borrow = r[i] - borrow;
    r[i] = borrow & kMask;
    borrow = (borrow >> kShift) & 1;
  }
  Normalize(r);
  return r;
}

namespace {

// out[off...] += x, propagating the carry; out must be long enough to absorb it.
void AddAt(Mag& out, MagView x, size_t off) {
  Digit carry = 0;
  size_t i = 0;
  for (; i < x.size(); ++i) {
    carry += out[off + i] + x[i];
    out[off + i] = carry & kMask;
    carry >>= kShift;
  }
  for (size_t k = off + i; carry; ++k) {
    carry += out[k];
    out[k] = carry & kMask;
    carry >>= kShift;
  }
}

// x -= y in place; requires x >= y.
void SubInPlace(Mag& x, MagView y) {
  Digit borrow = 0;
  size_t i = 0;
  for (; i < y.size(); ++i) {
    borrow = x[i] - y[i] - borrow;
    x[i] = borrow & kMask;
    borrow = (borrow >> kShift) & 1;
  }
  for (; borrow && i < x.size(); ++i) {
    borrow = x[i] - borrow;
    x[i] = borrow & kMask;
    borrow = (borrow >> kShift) & 1;
  }
  Normalize(x);
}

// out (zeroed, size a.size() + b.size()) = a * b.
void SchoolMul(MagView a, MagView b, Digit* out) {
  for (size_t i = 0; i < a.size(); ++i) {
    uint64_t ai = a[i];
    if (ai == 0) continue;
    uint64_t carry = 0;
    Digit* o = out + i;
    for (size_t j = 0; j < b.size(); ++j) {
      carry += o[j] + ai * b[j];
      o[j] = static_cast<Digit>(carry & kMask);
      carry >>= kShift;
    }
    o[b.size()] = static_cast<Digit>(carry);
  }
}

// out (zeroed, size 2 * a.size()) = a * a: each cross product once, doubled, plus the squares.
void SchoolSquare(MagView a, Digit* out) {
  const size_t n = a.size();
  for (size_t i = 0; i < n; ++i) {
    const uint64_t ai = a[i];
    if (ai == 0) continue;
    uint64_t carry = 0;
    for (size_t j = i + 1; j < n; ++j) {
      carry += out[i + j] + ai * a[j];
      out[i + j] = static_cast<Digit>(carry & kMask);
      carry >>= kShift;
    }
    out[i + n] = static_cast<Digit>(carry);
  }
  Digit carry = 0;
  for (size_t k = 0; k < 2 * n; ++k) {
    const Digit d = out[k];
    out[k] = ((d << 1) | carry) & kMask;
    carry = d >> (kShift - 1);
  }
  uint64_t c = 0;
  for (size_t i = 0; i < n; ++i) {
    c += out[2 * i] + uint64_t{a[i]} * a[i];
    out[2 * i] = static_cast<Digit>(c & kMask);
    c >>= kShift;
    c += out[2 * i + 1];
    out[2 * i + 1] = static_cast<Digit>(c & kMask);
    c >>= kShift;
  }
}

Mag KMul(MagView a, MagView b) {
  a = Trim(a);
  b = Trim(b);
  if (a.size() > b.size()) std::swap(a, b);
  const size_t na = a.size(), nb = b.size();
  if (na == 0) return {};
  Mag out(na + nb, 0);
  const size_t cutoff = (a.data() == b.data() && na == nb) ? BigInt::kKaratsubaSquareCutoff
                                                           : BigInt::kKaratsubaCutoff;
  if (na <= cutoff) {
    if (a.data() == b.data() && na == nb) {
      SchoolSquare(a, out.data());
    } else {
      SchoolMul(a, b, out.data());
    }
  } else if (2 * na <= nb) {
    // Unbalanced: multiply a by na-digit slices of b, each a balanced Karatsuba product.
    for (size_t off = 0; off < nb; off += na) {
      Mag p = KMul(a, b.subspan(off, std::min(na, nb - off)));
      AddAt(out, p, off);
    }
  } else {
    // a = ah*B^s + al, b = bh*B^s + bl; a*b = z2*B^2s + (z1 - z2 - z0)*B^s + z0 with
    // z1 = (ah + al)(bh + bl). na > s because the operands are balanced.
    const size_t s = nb / 2;
    MagView al = Trim(a.first(s)), ah = a.subspan(s);
    MagView bl = Trim(b.first(s)), bh = b.subspan(s);
    Mag z0 = KMul(al, bl);
    Mag z2 = KMul(ah, bh);
    Mag z1;
    if (a.data() == b.data() && na == nb) {
      Mag sa = AddMag(al, ah);
      z1 = KMul(sa, sa);
    } else {
      Mag sa = AddMag(al, ah);
      Mag sb = AddMag(bl, bh);
      z1 = KMul(sa, sb);
    }
    SubInPlace(z1, z0);
    SubInPlace(z1, z2);
    AddAt(out, z0, 0);
    AddAt(out, z2, 2 * s);
    AddAt(out, z1, s);
  }
  Normalize(out);
  return out;
}

}  // namespace

Mag MulMag(MagView a, MagView b) { return KMul(a, b); }

void MulAddSmall(Mag& m, Digit mul, Digit add) {
  uint64_t carry = add;
  for (Digit& d : m) {
    carry += uint64_t{d} * mul;
    d = static_cast<Digit>(carry & kMask);
    carry >>= kShift;
  }
  while (carry) {
    m.push_back(static_cast<Digit>(carry & kMask));
    carry >>= kShift;
  }
}

Digit DivRemSmall(Mag& m, Digit d) {
  uint64_t rem = 0;
  for (size_t i = m.size(); i-- > 0;) {
    uint64_t cur = (rem << kShift) | m[i];
    m[i] = static_cast<Digit>(cur / d);
    rem = cur % d;
  }
  Normalize(m);
  return static_cast<Digit>(rem);
}

void DivRemMag(MagView a, MagView b, Mag* q, Mag* r) {
  a = Trim(a);
  b = Trim(b);
  assert(!b.empty());
  if (CompareMag(a, b) < 0) {
    q->clear();
    r->assign(a.begin(), a.end());
    return;
  }
  if (b.size() == 1) {
    q->assign(a.begin(), a.end());
    Digit rem = DivRemSmall(*q, b[0]);
    r->clear();
    if (rem) r->push_back(rem);
    return;
  }
  // Knuth, TAOCP vol. 2, 4.3.1, algorithm D: normalise so that the divisor's top digit has its
  // top bit set, which makes each estimated quotient digit at most 2 too large.
  const size_t nb = b.size(), na = a.size();
  const int d = kShift - static_cast<int>(std::bit_width(b.back()));
  Mag v = ShiftLeftMag(b, d);
  v.resize(nb);
  Mag u = ShiftLeftMag(a, d);
  u.resize(na + 1, 0);
  Mag quot(na - nb + 1, 0);
  const uint64_t vtop = v[nb - 1], vnext = v[nb - 2];
  for (size_t j = na - nb + 1; j-- > 0;) {
    const uint64_t num = (uint64_t{u[j + nb]} << kShift) | u[j + nb - 1];
    uint64_t qhat = num / vtop;
    uint64_t rhat = num % vtop;
    while (qhat > kMask || qhat * vnext > ((rhat << kShift) | u[j + nb - 2])) {
      --qhat;
      rhat += vtop;
      if (rhat > kMask) break;
    }
    int64_t borrow = 0;
    uint64_t carry = 0;
    for (size_t i = 0; i < nb; ++i) {
      const uint64_t p = qhat * v[i] + carry;
      carry = p >> kShift;
      const int64_t t = int64_t{u[i + j]} - static_cast<int64_t>(p & kMask) + borrow;
      u[i + j] = static_cast<Digit>(t & kMask);
      borrow = t >> kShift;
    }
    const int64_t t = int64_t{u[j + nb]} - static_cast<int64_t>(carry) + borrow;
    u[j + nb] = static_cast<Digit>(t & kMask);
    if (t < 0) {
      // The estimate was one too large: add the divisor back.
      --qhat;
      uint64_t c = 0;
      for (size_t i = 0; i < nb; ++i) {
        c += uint64_t{u[i + j]} + v[i];
        u[i + j] = static_cast<Digit>(c & kMask);
        c >>= kShift;
      }
      u[j + nb] = static_cast<Digit>((u[j + nb] + c) & kMask);
    }
    quot[j] = static_cast<Digit>(qhat);
  }
  Normalize(quot);
  *q = std::move(quot);
  *r = ShiftRightMag(MagView(u).first(nb), d);
}

Mag ShiftLeftMag(MagView a, uint64_t bits) {
  a = Trim(a);
  if (a.empty()) return {};
  const size_t wshift = bits / kShift;
  const int rem = bits % kShift;
  Mag r(a.size() + wshift + 1, 0);
  uint64_t acc = 0;
  for (size_t i = 0; i < a.size(); ++i) {
    acc |= uint64_t{a[i]} << rem;
    r[i + wshift] = static_cast<Digit>(acc & kMask);
    acc >>= kShift;
  }
  r[a.size() + wshift] = static_cast<Digit>(acc);
  Normalize(r);
  return r;
}

Mag ShiftRightMag(MagView a, uint64_t bits, bool* lost) {
  a = Trim(a);
  const size_t wshift = bits / kShift;
  const int rem = bits % kShift;
  if (lost) {
    bool any = false;
    for (size_t i = 0; i < std::min(wshift, a.size()) && !any; ++i) any = a[i] != 0;
    if (!any && wshift < a.size() && rem) any = (a[wshift] & ((Digit{1} << rem) - 1)) != 0;
    *lost = any;
  }
  if (wshift >= a.size()) return {};
  Mag r(a.size() - wshift);
  for (size_t i = 0; i < r.size(); ++i) {
    uint64_t lo = a[i + wshift] >> rem;
    uint64_t hi = i + wshift + 1 < a.size() ? uint64_t{a[i + wshift + 1]} << (kShift - rem) : 0;
    r[i] = static_cast<Digit>((lo | hi) & kMask);
  }
  Normalize(r);
  return r;
}

Mag MagFromUint64(uint64_t v) {
  Mag m;
  while (v) {
    m.push_back(static_cast<Digit>(v & kMask));
    v >>= kShift;
  }
  return m;
}

}  // namespace pyrite::bigint
