// The disassembler (see dis.h): constant reprs as Python prints them, and the instruction listing.
#include "python/bytecode/dis.h"

#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "python/bytecode/opcodes.h"
#include "python/unicode/unicode.h"
#include "python/unicode/utf8.h"

namespace pyrite::bytecode {
namespace {

// --- reprs ------------------------------------------------------------------------------------

// repr(float) (and, with `complex_part`, the form complex's repr uses: no ".0" on integers).
// Python prints the shortest digit string that reads back as the same double, in fixed notation
// when the decimal exponent is in [-4, 16), otherwise as d.ddde+XX.
std::string FloatRepr(double v, bool complex_part) {
  if (std::isnan(v)) return "nan";
  if (std::isinf(v)) return v < 0 ? "-inf" : "inf";
  if (v == 0) {
    if (std::signbit(v)) return complex_part ? "-0" : "-0.0";
    return complex_part ? "0" : "0.0";
  }
  char buf[64];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buf, sizeof buf, "%.*e", precision - 1, v);
    if (std::strtod(buf, nullptr) == v) break;
  }
  // buf is "-d.ddde+XX": split into sign, digits and exponent.
  std::string text(buf);
  const bool negative = text[0] == '-';
  if (negative) text.erase(0, 1);
  const size_t e = text.find('e');
  const int exponent = std::atoi(text.c_str() + e + 1);
  std::string digits;
  for (size_t i = 0; i < e; ++i) {
    if (text[i] != '.') digits.push_back(text[i]);
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  std::string out = negative ? "-" : "";
  const int n = static_cast<int>(digits.size());
  if (exponent >= -4 && exponent < 16) {
    if (exponent < 0) {
      out += "0." + std::string(-exponent - 1, '0') + digits;
    } else if (exponent + 1 >= n) {
      out += digits + std::string(exponent + 1 - n, '0');
      if (!complex_part) out += ".0";
    } else {
      out += digits.substr(0, exponent + 1) + "." + digits.substr(exponent + 1);
    }
    return out;
  }
  out += digits.substr(0, 1);
  if (n > 1) out += "." + digits.substr(1);
  std::snprintf(buf, sizeof buf, "e%c%02d", exponent < 0 ? '-' : '+', std::abs(exponent));
  return out + buf;
}

char QuoteFor(const std::string& text) {
  return text.find('\'') != std::string::npos && text.find('"') == std::string::npos ? '"' : '\'';
}

void AppendEscape(std::string& out, const char* format, uint32_t value) {
  char buf[16];
  std::snprintf(buf, sizeof buf, format, value);
  out += buf;
}

std::string StrRepr(const std::string& text) {
  const char quote = QuoteFor(text);
  std::string out(1, quote);
  size_t i = 0;
  while (i < text.size()) {
    const size_t at = i;
    std::optional<char32_t> cp = unicode::NextCodePoint(text, i);
    if (!cp) {  // not valid text (unvalidated code): show the byte
      AppendEscape(out, "\\x%02x", static_cast<uint8_t>(text[at]));
      continue;
    }
    const char32_t c = *cp;
    if (c == static_cast<char32_t>(quote) || c == '\\') {
      out.push_back('\\');
      out.push_back(static_cast<char>(c));
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c == 0x7F) {
      AppendEscape(out, "\\x%02x", c);
    } else if (c < 0x7F || unicode::IsPrintable(c)) {
      out.append(text, at, i - at);
    } else if (c < 0x100) {
      AppendEscape(out, "\\x%02x", c);
    } else if (c < 0x10000) {
      AppendEscape(out, "\\u%04x", c);
    } else {
      AppendEscape(out, "\\U%08x", c);
    }
  }
  out.push_back(quote);
  return out;
}

std::string BytesRepr(const std::string& bytes) {
  const char quote = QuoteFor(bytes);
  std::string out = "b";
  out.push_back(quote);
  for (char ch : bytes) {
    const uint8_t c = static_cast<uint8_t>(ch);
    if (c == static_cast<uint8_t>(quote) || c == '\\') {
      out.push_back('\\');
      out.push_back(ch);
    } else if (c == '\t') {
      out += "\\t";
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c < 0x20 || c >= 0x7F) {
      AppendEscape(out, "\\x%02x", c);
    } else {
      out.push_back(ch);
    }
  }
  out.push_back(quote);
  return out;
}

std::string CodeRepr(const CodeObject& code) {
  return "<code object " + code.name + ", file \"" + code.filename + "\", line " +
         std::to_string(code.firstlineno) + ">";
}

// --- instructions -----------------------------------------------------------------------------

struct Instruction {
  size_t offset;
  Opcode op;
  uint32_t unit_arg;  // the unit's own 8 bits (what an EXTENDED_ARG line shows)
  uint64_t arg;       // with the prefixes folded in
  int64_t target;     // jumps only, else -1
};

std::vector<Instruction> Decode(const CodeObject& code) {
  std::vector<Instruction> out;
  uint64_t extended = 0;
  size_t i = 0;
  while (i < code.code.size()) {
    const uint16_t unit = code.code[i];
    const Opcode op = UnitOpcode(unit);
    const uint64_t arg = (extended << 8) | UnitArg(unit);
    Instruction ins{i, op, UnitArg(unit), arg, -1};
    const OpcodeInfo& info = Info(op);
    extended = op == Opcode::EXTENDED_ARG ? arg : 0;
    size_t next = i + 1 + info.cache;
    if (info.arg == ArgKind::kJumpForward) ins.target = static_cast<int64_t>(next + arg);
    if (info.arg == ArgKind::kJumpBackward) {
      ins.target = static_cast<int64_t>(next) - static_cast<int64_t>(arg);
    }
    out.push_back(ins);
    i = next;
  }
  return out;
}

const char* const kBinaryOps[] = {"+", "&",  "//", "<<", "@", "*", "%",
                                  "|", "**", ">>", "-",  "/", "^"};
const char* const kCompareOps[] = {"<", "<=", "==", "!=", ">", ">="};

std::string Meaning(const CodeObject& code, const Instruction& ins) {
  const uint64_t arg = ins.arg;
  auto slot = [&]() -> std::string {
    return arg < code.localsplusnames.size() ? code.localsplusnames[arg] : "<out of range>";
  };
  switch (Info(ins.op).arg) {
    case ArgKind::kNone:
    case ArgKind::kCount:
      return "";
    case ArgKind::kConst:
      return arg < code.consts.size() ? ConstantRepr(code.consts[arg]) : "<out of range>";
    case ArgKind::kName:
      return arg < code.names.size() ? code.names[arg] : "<out of range>";
    case ArgKind::kLocal:
    case ArgKind::kFree:
      return slot();
    case ArgKind::kJumpForward:
    case ArgKind::kJumpBackward:
      return "to " + std::to_string(ins.target);
    case ArgKind::kRaw:
      break;
  }
  constexpr uint64_t kInplace = static_cast<uint64_t>(BinaryOp::kInplaceOffset);
  switch (ins.op) {
    case Opcode::LOAD_GLOBAL: {
      const uint64_t index = arg >> 1;
      std::string name = index < code.names.size() ? code.names[index] : "<out of range>";
      return (arg & 1) ? "NULL + " + name : name;
    }
    case Opcode::BINARY_OP:
      if (arg < kInplace) return kBinaryOps[arg];
      if (arg < 2 * kInplace) return std::string(kBinaryOps[arg - kInplace]) + "=";
      return "<out of range>";
    case Opcode::COMPARE_OP:
      return arg < 6 ? kCompareOps[arg] : "<out of range>";
    case Opcode::IS_OP:
      return arg ? "is not" : "is";
    case Opcode::CONTAINS_OP:
      return arg ? "not in" : "in";
    case Opcode::FORMAT_VALUE: {
      static const char* const kConversions[] = {"", "str", "repr", "ascii"};
      std::string out = kConversions[arg & 3];
      if (arg & 4) out += out.empty() ? "with format" : ", with format";
      return out;
    }
    case Opcode::MAKE_FUNCTION: {
      static const char* const kParts[] = {"defaults", "kwdefaults", "annotations", "closure"};
      std::string out;
      for (int bit = 0; bit < 4; ++bit) {
        if (arg & (1u << bit)) out += std::string(out.empty() ? "" : ", ") + kParts[bit];
      }
      return out;
    }
    case Opcode::RESUME: {
      static const char* const kWhere[] = {"start", "after yield", "after yield from",
                                           "after await"};
      return arg < 4 ? kWhere[arg] : "";
    }
    case Opcode::UNPACK_EX:
      return std::to_string(arg & 0xFF) + " before, " + std::to_string(arg >> 8) + " after";
    default:
      return "";
  }
}

std::string FlagsText(uint32_t flags) {
  static const struct {
    uint32_t bit;
    const char* name;
  } kNames[] = {{kOptimized, "OPTIMIZED"},
                {kNewLocals, "NEWLOCALS"},
                {kVarargs, "VARARGS"},
                {kVarkeywords, "VARKEYWORDS"},
                {kNested, "NESTED"},
                {kGenerator, "GENERATOR"},
                {kNoFree, "NOFREE"},
                {kCoroutine, "COROUTINE"},
                {kIterableCoroutine, "ITERABLE_COROUTINE"},
                {kAsyncGenerator, "ASYNC_GENERATOR"},
                {kFutureAnnotations, "FUTURE_ANNOTATIONS"}};
  std::string out;
  for (const auto& entry : kNames) {
    if (flags & entry.bit) {
      out += std::string(out.empty() ? "" : ", ") + entry.name;
      flags &= ~entry.bit;
    }
  }
  if (flags != 0) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "0x%x", flags);
    out += std::string(out.empty() ? "" : ", ") + buf;
  }
  return out.empty() ? "0" : out;
}

std::string SlotKindText(uint8_t kind) {
  std::string out;
  auto add = [&](const char* word) { out += std::string(out.empty() ? "" : ", ") + word; };
  if (kind & kLocalArg) {
    add("arg");
  } else if (kind & kLocal) {
    add("local");
  }
  if (kind & kCell) add("cell");
  if (kind & kFree) add("free");
  if (out.empty()) add("?");
  return out;
}

void DisassembleOne(const CodeObject& code, std::string& out) {
  out += "Disassembly of " + CodeRepr(code) + ":\n";
  out += "  flags: " + FlagsText(code.flags) + "; argcount " + std::to_string(code.argcount) +
         ", posonlyargcount " + std::to_string(code.posonlyargcount) + ", kwonlyargcount " +
         std::to_string(code.kwonlyargcount) + "; stacksize " + std::to_string(code.stacksize) +
         "\n";
  if (!code.localsplusnames.empty()) {
    out += "  slots:";
    for (size_t i = 0; i < code.localsplusnames.size(); ++i) {
      const uint8_t kind = i < code.localspluskinds.size() ? code.localspluskinds[i] : 0;
      out += (i == 0 ? " " : ", ") + std::to_string(i) + " " + code.localsplusnames[i] + " (" +
             SlotKindText(kind) + ")";
    }
    out += "\n";
  }
  const std::vector<Instruction> instructions = Decode(code);
  std::set<int64_t> targets;
  for (const Instruction& ins : instructions) {
    if (ins.target >= 0) targets.insert(ins.target);
  }
  for (const ExceptionTableEntry& e : code.exception_table) targets.insert(e.target);
  int64_t last_line = -2;
  bool first = true;
  for (const Instruction& ins : instructions) {
    const int32_t line =
        ins.offset < code.positions.size() ? code.positions[ins.offset].lineno : -1;
    std::string line_field;
    if (line != -1 && line != last_line) {
      if (!first) out += "\n";
      line_field = std::to_string(line);
      last_line = line;
    }
    first = false;
    const OpcodeInfo& info = Info(ins.op);
    char buf[96];
    std::snprintf(buf, sizeof buf, "%4s %s %5zu %-30s", line_field.c_str(),
                  targets.count(static_cast<int64_t>(ins.offset)) ? ">>" : "  ", ins.offset,
                  std::string(info.name).c_str());
    std::string text = buf;
    if (info.arg != ArgKind::kNone || ins.unit_arg != 0) {
      const uint64_t shown = ins.op == Opcode::EXTENDED_ARG ? ins.unit_arg : ins.arg;
      std::snprintf(buf, sizeof buf, " %5llu", static_cast<unsigned long long>(shown));
      text += buf;
      const std::string meaning = ins.op == Opcode::EXTENDED_ARG ? "" : Meaning(code, ins);
      if (!meaning.empty()) text += " (" + meaning + ")";
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out += text + "\n";
  }
  if (!code.exception_table.empty()) {
    out += "ExceptionTable:\n";
    for (const ExceptionTableEntry& e : code.exception_table) {
      // Like CPython, show the range by its first and last instruction.
      size_t last = e.start;
      for (const Instruction& ins : instructions) {
        if (ins.offset >= e.start && ins.offset < e.end) last = ins.offset;
      }
      out += "  " + std::to_string(e.start) + " to " + std::to_string(last) + " -> " +
             std::to_string(e.target) + " [" + std::to_string(e.depth) + "]" +
             (e.lasti ? " lasti" : "") + "\n";
    }
  }
}

void DisassembleTree(const CodeObject& code, std::string& out, int depth) {
  DisassembleOne(code, out);
  if (depth > 1000) return;  // unvalidated input may nest without bound
  for (const Constant& c : code.consts) {
    if (c.kind == Constant::Kind::kCode && c.code != nullptr) {
      out += "\n";
      DisassembleTree(*c.code, out, depth + 1);
    }
  }
}

}  // namespace

std::string ConstantRepr(const Constant& c) {
  switch (c.kind) {
    case Constant::Kind::kNone:
      return "None";
    case Constant::Kind::kEllipsis:
      return "Ellipsis";
    case Constant::Kind::kFalse:
      return "False";
    case Constant::Kind::kTrue:
      return "True";
    case Constant::Kind::kInt:
      return c.big ? c.text : std::to_string(c.integer);
    case Constant::Kind::kFloat:
      return FloatRepr(c.real, false);
    case Constant::Kind::kComplex: {
      const std::string imag = FloatRepr(c.imag, true);
      if (c.real == 0 && !std::signbit(c.real)) return imag + "j";
      const bool sign = !imag.empty() && (imag[0] == '-');
      return "(" + FloatRepr(c.real, true) + (sign ? "" : "+") + imag + "j)";
    }
    case Constant::Kind::kStr:
      return StrRepr(c.text);
    case Constant::Kind::kBytes:
      return BytesRepr(c.text);
    case Constant::Kind::kTuple:
    case Constant::Kind::kFrozenSet: {
      std::string items;
      for (size_t i = 0; i < c.items.size(); ++i) {
        if (i > 0) items += ", ";
        items += ConstantRepr(c.items[i]);
      }
      if (c.kind == Constant::Kind::kFrozenSet) {
        return c.items.empty() ? "frozenset()" : "frozenset({" + items + "})";
      }
      return "(" + items + (c.items.size() == 1 ? ",)" : ")");
    }
    case Constant::Kind::kCode:
      return c.code != nullptr ? CodeRepr(*c.code) : "<code object (null)>";
  }
  return "<unknown constant>";
}

std::string Disassemble(const CodeObject& code) {
  std::string out;
  DisassembleTree(code, out, 0);
  return out;
}

}  // namespace pyrite::bytecode
