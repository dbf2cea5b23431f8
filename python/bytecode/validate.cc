// ValidateCode: everything the VM relies on without checking again at run time. A code object
// that passes can be executed without the evaluation loop reading outside its code, constants,
// names or fast slots, jumping into the middle of an instruction, unwinding to a bad handler or
// growing its value stack beyond stacksize (see StackDepths for what net effects cannot check).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/status/status.h"
#include "absl/strings/str_cat.h"
#include "python/bytecode/code.h"
#include "python/bytecode/opcodes.h"
#include "python/bytecode/serialize.h"

namespace pyrite::bytecode {
namespace {

// Debian's Abseil is built with its own string_view type.
absl::string_view AbslView(std::string_view s) { return absl::string_view(s.data(), s.size()); }

// Well-formed UTF-8, except that surrogate code points (U+D800..U+DFFF, as Python str may hold
// them alone) are allowed as 3-byte sequences.
bool IsUtf8WithSurrogates(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    const uint8_t b = static_cast<uint8_t>(s[i]);
    int extra;
    uint32_t cp;
    if (b < 0x80) {
      ++i;
      continue;
    } else if (b >= 0xC2 && b <= 0xDF) {
      extra = 1;
      cp = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
      extra = 2;
      cp = b & 0x0F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      extra = 3;
      cp = b & 0x07;
    } else {
      return false;
    }
    if (s.size() - i <= static_cast<size_t>(extra)) return false;
    for (int k = 1; k <= extra; ++k) {
      const uint8_t c = static_cast<uint8_t>(s[i + k]);
      if ((c & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (c & 0x3F);
    }
    if ((extra == 2 && cp < 0x800) || (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF))) {
      return false;  // overlong or beyond Unicode
    }
    i += extra + 1;
  }
  return true;
}

// Decimal digits with an optional '-', no leading zeros, and too large for int64 (smaller values
// must use Constant::integer, so each int has one representation).
bool IsCanonicalBigInt(std::string_view s) {
  std::string_view digits = s;
  if (!digits.empty() && digits[0] == '-') digits.remove_prefix(1);
  if (digits.empty() || (digits[0] == '0')) return false;
  for (char c : digits) {
    if (c < '0' || c > '9') return false;
  }
  // int64 has at most 19 digits; 19-digit values must exceed its range.
  if (digits.size() < 19) return false;
  if (digits.size() == 19) {
    const bool negative = s[0] == '-';
    const std::string_view limit = negative ? "9223372036854775808" : "9223372036854775807";
    return digits > limit;
  }
  return true;
}

class Validator {
 public:
  absl::Status Code(const CodeObject& code, int depth);

 private:
  absl::Status Fail(const CodeObject& code, const std::string& message) {
    return absl::InvalidArgumentError(
        absl::StrCat("invalid code object '", code.qualname.empty() ? code.name : code.qualname,
                     "': ", message));
  }
  absl::Status ConstantValue(const CodeObject& code, const Constant& c, int depth);
  absl::Status Slots(const CodeObject& code);
  absl::Status Instructions(const CodeObject& code);
  absl::Status ExceptionTable(const CodeObject& code);
  absl::Status StackDepths(const CodeObject& code);

  struct Decoded {
    size_t start;  // first unit, EXTENDED_ARG prefixes included
    size_t at;     // the opcode's own unit
    Opcode op;
    uint64_t arg;    // prefixes folded in
    size_t next;     // after the CACHE units
    int64_t target;  // jumps only, else -1
  };
  std::vector<bool> starts_;  // per code unit: an instruction (with its prefixes) begins here
  std::vector<Decoded> instructions_;
};

absl::Status Validator::Code(const CodeObject& code, int depth) {
  if (depth > kMaxNestingDepth) {
    return absl::InvalidArgumentError(absl::StrCat("constants and code objects nested more than ",
                                                   kMaxNestingDepth, " levels deep"));
  }
  for (const Constant& c : code.consts) {
    if (absl::Status s = ConstantValue(code, c, depth + 1); !s.ok()) return s;
  }
  for (const std::string* text : {&code.name, &code.qualname, &code.filename}) {
    if (!IsUtf8WithSurrogates(*text)) return Fail(code, "name, qualname or filename not UTF-8");
  }
  if (code.stacksize < 0 || code.stacksize > kMaxStackSize) {
    return Fail(code, absl::StrCat("stacksize ", code.stacksize, " outside 0..", kMaxStackSize));
  }
  if (absl::Status s = Slots(code); !s.ok()) return s;
  if (code.positions.size() != code.code.size()) {
    return Fail(code, absl::StrCat(code.positions.size(), " positions for ", code.code.size(),
                                   " code units"));
  }
  for (size_t i = 0; i < code.positions.size(); ++i) {
    const Position& p = code.positions[i];
    if (p.lineno < -1 || p.end_lineno < -1 || p.col < -1 || p.end_col < -1) {
      return Fail(code, absl::StrCat("negative position at offset ", i));
    }
  }
  if (absl::Status s = Instructions(code); !s.ok()) return s;
  if (absl::Status s = ExceptionTable(code); !s.ok()) return s;
  return StackDepths(code);
}

absl::Status Validator::ConstantValue(const CodeObject& code, const Constant& c, int depth) {
  if (depth > kMaxNestingDepth) {
    return absl::InvalidArgumentError(absl::StrCat("constants and code objects nested more than ",
                                                   kMaxNestingDepth, " levels deep"));
  }
  switch (c.kind) {
    case Constant::Kind::kNone:
    case Constant::Kind::kEllipsis:
    case Constant::Kind::kFalse:
    case Constant::Kind::kTrue:
    case Constant::Kind::kFloat:
    case Constant::Kind::kComplex:
    case Constant::Kind::kBytes:
      return absl::OkStatus();
    case Constant::Kind::kInt:
      if (c.big && !IsCanonicalBigInt(c.text)) {
        return Fail(code, absl::StrCat("big int constant \"", c.text.substr(0, 40),
                                       "\" is not canonical decimal text beyond 64 bits"));
      }
      return absl::OkStatus();
    case Constant::Kind::kStr:
      if (!IsUtf8WithSurrogates(c.text)) return Fail(code, "str constant is not UTF-8");
      return absl::OkStatus();
    case Constant::Kind::kTuple:
    case Constant::Kind::kFrozenSet:
      for (const Constant& item : c.items) {
        if (absl::Status s = ConstantValue(code, item, depth + 1); !s.ok()) return s;
      }
      return absl::OkStatus();
    case Constant::Kind::kCode:
      if (c.code == nullptr) return Fail(code, "code constant is null");
      {
        // A nested code object gets its own instruction-start table.
        Validator nested;
        return nested.Code(*c.code, depth);
      }
  }
  return Fail(code, absl::StrCat("unknown constant kind ", static_cast<int>(c.kind)));
}

absl::Status Validator::Slots(const CodeObject& code) {
  const size_t n = code.localsplusnames.size();
  if (code.localspluskinds.size() != n) {
    return Fail(code, absl::StrCat(code.localspluskinds.size(), " slot kinds for ", n,
                                   " local/cell/free names"));
  }
  absl::flat_hash_set<std::string_view> seen;
  bool in_free = false;
  for (size_t i = 0; i < n; ++i) {
    const uint8_t kind = code.localspluskinds[i];
    const std::string& name = code.localsplusnames[i];
    if (!IsUtf8WithSurrogates(name)) return Fail(code, absl::StrCat("slot ", i, " name not UTF-8"));
    if (!seen.insert(name).second) {
      return Fail(code, absl::StrCat("slot name '", name, "' appears twice"));
    }
    const bool valid = kind != 0 && (kind & ~(kLocalArg | kLocal | kCell | kFree)) == 0 &&
                       (!(kind & kFree) || kind == kFree) &&
                       (!(kind & kLocalArg) || (kind & kLocal));
    if (!valid) {
      return Fail(code, absl::StrCat("slot '", name, "' has invalid kind 0x", absl::Hex(kind)));
    }
    if (kind == kFree) {
      in_free = true;
    } else if (in_free) {
      return Fail(code, absl::StrCat("slot '", name, "' follows the free variables"));
    }
  }
  for (const std::string& name : code.names) {
    if (!IsUtf8WithSurrogates(name)) return Fail(code, "a name is not UTF-8");
  }
  if (code.argcount < 0 || code.posonlyargcount < 0 || code.kwonlyargcount < 0 ||
      code.posonlyargcount > code.argcount) {
    return Fail(code,
                absl::StrCat("bad argument counts (argcount ", code.argcount, ", posonlyargcount ",
                             code.posonlyargcount, ", kwonlyargcount ", code.kwonlyargcount, ")"));
  }
  const int64_t params = int64_t{code.argcount} + code.kwonlyargcount +
                         ((code.flags & kVarargs) ? 1 : 0) + ((code.flags & kVarkeywords) ? 1 : 0);
  if (params > static_cast<int64_t>(n)) {
    return Fail(code, absl::StrCat(params, " parameters but only ", n, " slots"));
  }
  for (int64_t i = 0; i < params; ++i) {
    if (!(code.localspluskinds[i] & kLocal)) {
      return Fail(code, absl::StrCat("parameter slot ", i, " ('", code.localsplusnames[i],
                                     "') is not a local"));
    }
  }
  return absl::OkStatus();
}

absl::Status Validator::Instructions(const CodeObject& code) {
  const std::vector<uint16_t>& units = code.code;
  const size_t size = units.size();
  if (size == 0) return Fail(code, "no instructions");
  starts_.assign(size + 1, false);
  instructions_.clear();
  starts_[size] = true;  // the end, as an exception-range boundary

  struct Jump {
    size_t at;
    int64_t target;
  };
  std::vector<Jump> jumps;
  size_t i = 0;
  uint32_t last_flags = 0;
  while (i < size) {
    const size_t start = i;
    starts_[start] = true;
    uint64_t arg = 0;
    int prefixes = 0;
    Opcode op;
    while (true) {
      if (i >= size) return Fail(code, "EXTENDED_ARG at the end of the code");
      const uint16_t unit = units[i];
      op = UnitOpcode(unit);
      if (static_cast<int>(op) >= kNumRealOpcodes) {
        return Fail(code, absl::StrCat("offset ", i, ": unknown opcode ", static_cast<int>(op)));
      }
      if (op == Opcode::CACHE) {
        return Fail(code,
                    absl::StrCat("offset ", i, ": CACHE unit where an instruction was expected"));
      }
      arg = (arg << 8) | UnitArg(unit);
      if (op != Opcode::EXTENDED_ARG) break;
      if (++prefixes > 3) {
        return Fail(code, absl::StrCat("offset ", start, ": more than 3 EXTENDED_ARG prefixes"));
      }
      ++i;
    }
    const OpcodeInfo& info = Info(op);
    const size_t at = i;
    if (prefixes > 0 && info.arg == ArgKind::kNone) {
      return Fail(code, absl::StrCat("offset ", start, ": EXTENDED_ARG before ",
                                     AbslView(info.name), ", which takes no argument"));
    }
    ++i;
    for (int k = 0; k < info.cache; ++k, ++i) {
      if (i >= size || units[i] != 0) {
        return Fail(code, absl::StrCat("offset ", at, ": ", AbslView(info.name), " needs ",
                                       static_cast<int>(info.cache), " CACHE units after it"));
      }
    }
    const size_t next = i;
    auto out_of_range = [&](const char* what, size_t count) {
      return Fail(code, absl::StrCat("offset ", at, ": ", AbslView(info.name), " argument ", arg,
                                     " out of range (", count, " ", what, ")"));
    };
    switch (info.arg) {
      case ArgKind::kNone:
        if (arg != 0) {
          return Fail(code, absl::StrCat("offset ", at, ": ", AbslView(info.name),
                                         " takes no argument but has ", arg));
        }
        break;
      case ArgKind::kConst:
        if (arg >= code.consts.size()) return out_of_range("constants", code.consts.size());
        if (op == Opcode::KW_NAMES && code.consts[arg].kind != Constant::Kind::kTuple) {
          return Fail(code, absl::StrCat("offset ", at, ": KW_NAMES constant is not a tuple"));
        }
        break;
      case ArgKind::kName:
        if (arg >= code.names.size()) return out_of_range("names", code.names.size());
        break;
      case ArgKind::kLocal:
        if (arg >= code.localsplusnames.size()) {
          return out_of_range("slots", code.localsplusnames.size());
        }
        break;
      case ArgKind::kFree:
        if (arg >= code.localsplusnames.size()) {
          return out_of_range("slots", code.localsplusnames.size());
        }
        if (!(code.localspluskinds[arg] & (kCell | kFree))) {
          return Fail(code, absl::StrCat("offset ", at, ": ", AbslView(info.name), " slot ", arg,
                                         " is not a cell or free variable"));
        }
        break;
      case ArgKind::kJumpForward:
        jumps.push_back({at, static_cast<int64_t>(next + arg)});
        break;
      case ArgKind::kJumpBackward:
        jumps.push_back({at, static_cast<int64_t>(next) - static_cast<int64_t>(arg)});
        break;
      case ArgKind::kCount:
        break;
      case ArgKind::kRaw: {
        uint64_t limit = UINT64_MAX;  // exclusive bound where the meaning is closed
        switch (op) {
          case Opcode::LOAD_GLOBAL:
            if ((arg >> 1) >= code.names.size()) return out_of_range("names", code.names.size());
            break;
          case Opcode::BINARY_OP:
            limit = 2 * static_cast<uint64_t>(BinaryOp::kInplaceOffset);
            break;
          case Opcode::COMPARE_OP:
            limit = 6;
            break;
          case Opcode::IS_OP:
          case Opcode::CONTAINS_OP:
          case Opcode::CALL_FUNCTION_EX:
          case Opcode::RERAISE:
            limit = 2;
            break;
          case Opcode::FORMAT_VALUE:
            limit = 8;
            break;
          case Opcode::MAKE_FUNCTION:
            limit = 16;
            break;
          case Opcode::RESUME:
            limit = 4;
            break;
          case Opcode::GET_AWAITABLE:
            limit = 3;
            break;
          default:
            break;
        }
        if (arg >= limit) {
          return Fail(code, absl::StrCat("offset ", at, ": ", AbslView(info.name), " argument ",
                                         arg, " is not below ", limit));
        }
        break;
      }
    }
    int64_t target = -1;
    if (info.arg == ArgKind::kJumpForward) target = static_cast<int64_t>(next + arg);
    if (info.arg == ArgKind::kJumpBackward) {
      target = static_cast<int64_t>(next) - static_cast<int64_t>(arg);
    }
    instructions_.push_back({start, at, op, arg, next, target});
    last_flags = info.flags;
  }
  if (!(last_flags & (kTerminator | kUnconditionalJump))) {
    return Fail(code, "execution can fall off the end of the code");
  }
  for (const Jump& jump : jumps) {
    if (jump.target < 0 || static_cast<size_t>(jump.target) >= size || !starts_[jump.target]) {
      return Fail(code, absl::StrCat("offset ", jump.at, ": ",
                                     AbslView(Info(UnitOpcode(units[jump.at])).name), " jumps to ",
                                     jump.target, ", which is not an instruction start"));
    }
  }
  return absl::OkStatus();
}

absl::Status Validator::ExceptionTable(const CodeObject& code) {
  const size_t size = code.code.size();
  uint32_t previous_end = 0;
  for (size_t k = 0; k < code.exception_table.size(); ++k) {
    const ExceptionTableEntry& e = code.exception_table[k];
    auto bad = [&](const std::string& why) {
      return Fail(code, absl::StrCat("exception table entry ", k, " [", e.start, ", ", e.end,
                                     ") -> ", e.target, " depth ", e.depth, ": ", why));
    };
    if (e.start >= e.end) return bad("empty or reversed range");
    if (e.end > size) return bad("range beyond the code");
    if (e.start < previous_end) return bad("overlaps or precedes the previous entry");
    if (!starts_[e.start] || !starts_[e.end]) return bad("range splits an instruction");
    if (e.target >= size || !starts_[e.target]) return bad("target is not an instruction start");
    // The handler runs with depth items, lasti and the exception on the stack.
    if (int64_t{e.depth} + (e.lasti ? 1 : 0) + 1 > code.stacksize) {
      return bad(absl::StrCat("handler stack exceeds stacksize ", code.stacksize));
    }
    previous_end = e.end;
  }
  return absl::OkStatus();
}

// Follows every path from the entry and from each exception handler with the stack depth that
// opcodes.def's effects give: the depth where paths meet must agree (CPython's compiler guarantees
// it), must never exceed stacksize (so the VM's fixed-size value stack cannot overflow: an
// instruction's peak is its depth before or after), must never go below 0 by the net effect, and
// must be at least the depth of the exception-table entry covering the instruction, so that
// unwinding only ever pops. (Net effects cannot see an instruction that pops more than the stack
// holds and pushes back; the VM must assert that.) Unreachable instructions are not
// checked: nothing can execute them.
absl::Status Validator::StackDepths(const CodeObject& code) {
  const size_t n = instructions_.size();
  std::vector<int32_t> index_of(code.code.size(), -1);
  for (size_t k = 0; k < n; ++k) index_of[instructions_[k].start] = static_cast<int32_t>(k);
  // The exception-table entry covering each instruction (entries are sorted and disjoint).
  std::vector<int32_t> handler(n, -1);
  {
    size_t e = 0;
    for (size_t k = 0; k < n; ++k) {
      const size_t offset = instructions_[k].start;
      while (e < code.exception_table.size() && code.exception_table[e].end <= offset) ++e;
      if (e < code.exception_table.size() && code.exception_table[e].start <= offset) {
        handler[k] = static_cast<int32_t>(e);
      }
    }
  }
  std::vector<int64_t> depth_at(n, -1);
  std::vector<size_t> work;
  auto reach = [&](size_t k, int64_t depth, size_t from) -> absl::Status {
    if (depth < 0) {
      return Fail(code, absl::StrCat("stack underflow reaching offset ", instructions_[k].start,
                                     " from offset ", from));
    }
    if (depth > code.stacksize) {
      return Fail(code, absl::StrCat("stack depth ", depth, " at offset ", instructions_[k].start,
                                     " exceeds stacksize ", code.stacksize));
    }
    if (depth_at[k] < 0) {
      depth_at[k] = depth;
      work.push_back(k);
    } else if (depth_at[k] != depth) {
      return Fail(code,
                  absl::StrCat("inconsistent stack depth at offset ", instructions_[k].start, ": ",
                               depth_at[k], " and ", depth, " (from offset ", from, ")"));
    }
    return absl::OkStatus();
  };
  if (absl::Status s = reach(0, 0, 0); !s.ok()) return s;
  for (const ExceptionTableEntry& e : code.exception_table) {
    const int64_t depth = int64_t{e.depth} + (e.lasti ? 1 : 0) + 1;
    if (absl::Status s = reach(index_of[e.target], depth, e.start); !s.ok()) return s;
  }
  while (!work.empty()) {
    const size_t k = work.back();
    work.pop_back();
    const Decoded& ins = instructions_[k];
    const int64_t depth = depth_at[k];
    if (handler[k] >= 0 && depth < code.exception_table[handler[k]].depth) {
      return Fail(code, absl::StrCat("offset ", ins.start, ": stack depth ", depth,
                                     " is below its exception handler's depth ",
                                     code.exception_table[handler[k]].depth));
    }
    // Counts beyond any possible stack would overflow the effect arithmetic; they cannot be
    // valid anyway.
    if (ins.arg > static_cast<uint64_t>(4 * kMaxStackSize)) {
      if (ins.op == Opcode::UNPACK_EX || Info(ins.op).arg == ArgKind::kCount) {
        return Fail(code, absl::StrCat("offset ", ins.at, ": ", AbslView(Info(ins.op).name),
                                       " count ", ins.arg, " is larger than any stack"));
      }
    }
    const int oparg = static_cast<int>(ins.arg & 0x7FFFFFFF);
    const uint8_t flags = Info(ins.op).flags;
    if (ins.target >= 0) {
      const int64_t after = depth + StackEffect(ins.op, oparg, true);
      if (absl::Status s = reach(index_of[ins.target], after, ins.at); !s.ok()) return s;
    }
    const int64_t after = depth + StackEffect(ins.op, oparg, false);
    if (after < 0) {
      return Fail(code, absl::StrCat("offset ", ins.at, ": stack underflow (",
                                     AbslView(Info(ins.op).name), " at depth ", depth, ")"));
    }
    if (!(flags & (kTerminator | kUnconditionalJump)) && k + 1 < n) {
      if (absl::Status s = reach(k + 1, after, ins.at); !s.ok()) return s;
    }
  }
  return absl::OkStatus();
}

}  // namespace

absl::Status ValidateCode(const CodeObject& code) {
  Validator validator;
  return validator.Code(code, 0);
}

}  // namespace pyrite::bytecode
