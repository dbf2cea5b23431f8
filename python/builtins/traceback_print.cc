// PrintException: CPython 3.11's default excepthook output (Python/pythonrun.c print_exception*
// and Python/traceback.c tb_printinternal / tb_displayline):
//
//   Traceback (most recent call last):
//     File "x.py", line 3, in f
//       return a + b
//              ~~^~~
//   TypeError: unsupported operand type(s) for +: 'int' and 'str'
//
// - Source lines are read from the code's filename (leading whitespace stripped). The caret line
//   comes from the instruction's position (co_positions); it is omitted when the range covers the
//   whole stripped line and no anchors were found. Anchors (`~~^~~`) come from parsing the
//   highlighted segment: a binary operation marks its operator, a subscript its `[...]`.
// - More than 3 identical consecutive entries collapse into "[Previous line repeated N more
//   times]".
// - Causes and contexts print first, separated by CPython's two messages; a SyntaxError prints
//   its file, line, text and carets instead of a traceback entry; exception groups print nested in
//   boxes ("+-+---- 1 ----"), at most 15 members and 10 levels deep.
#include <cstdint>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "absl/strings/str_cat.h"
#include "python/builtins/builtins.h"
#include "python/builtins/builtins_internal.h"
#include "python/parser/arena.h"
#include "python/parser/file_io.h"
#include "python/parser/parser.h"
#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/frame.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/exceptions.h"
#include "python/vm/objects/function.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/list.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/runtime.h"

namespace pyrite::builtins {

using namespace vm;  // NOLINT: this file is all VM objects

namespace {

constexpr int kRecursiveCutoff = 3;
constexpr int kMaxGroupWidth = 15;
constexpr int kMaxGroupDepth = 10;

// --- source lines -----------------------------------------------------------------------------

// Lines of source files already read (tracebacks of deep recursion read one file many times).
const std::vector<std::string>* FileLines(const std::string& filename) {
  static std::map<std::string, std::unique_ptr<std::vector<std::string>>> cache;
  auto it = cache.find(filename);
  if (it != cache.end()) return it->second.get();
  auto lines = std::make_unique<std::vector<std::string>>();
  std::string bytes;
  bool ok = !filename.empty() && filename[0] != '<' && parser::ReadFile(filename.c_str(), &bytes);
  if (ok) {
    size_t pos = 0;
    while (pos < bytes.size()) {
      size_t nl = bytes.find_first_of("\r\n", pos);
      if (nl == std::string::npos) {
        lines->push_back(bytes.substr(pos));
        break;
      }
      lines->push_back(bytes.substr(pos, nl - pos));
      pos = nl + 1;
      if (bytes[nl] == '\r' && pos < bytes.size() && bytes[pos] == '\n') ++pos;
    }
  }
  const std::vector<std::string>* result = ok ? lines.get() : nullptr;
  cache.emplace(filename, std::move(lines));
  return result;
}

// Code points of a UTF-8 prefix of `bytes` bytes (CPython's byte-to-character offset).
int64_t CharOffset(std::string_view line, int64_t bytes) {
  if (bytes > static_cast<int64_t>(line.size())) bytes = static_cast<int64_t>(line.size());
  int64_t chars = 0;
  for (int64_t i = 0; i < bytes; ++i) {
    if ((static_cast<uint8_t>(line[static_cast<size_t>(i)]) & 0xC0) != 0x80) ++chars;
  }
  return chars;
}

// UTF-8 byte index of code point `chars` of `line`.
size_t ByteIndex(std::string_view line, int64_t chars) {
  size_t i = 0;
  for (int64_t c = 0; i < line.size(); ++i) {
    if ((static_cast<uint8_t>(line[i]) & 0xC0) != 0x80) {
      if (c == chars) return i;
      ++c;
    }
  }
  return line.size();
}

bool IsWs(char c) { return c == ' ' || c == '\t' || c == '\f'; }

// The anchors of a one-line segment (character offsets relative to the segment's start in the
// line, added to `start`), as traceback.c's extract_anchors_from_line. False: none.
bool ExtractAnchors(std::string_view line, int64_t start, int64_t end, int64_t* left,
                    int64_t* right, bool* tilde) {
  size_t b0 = ByteIndex(line, start);
  size_t b1 = ByteIndex(line, end);
  if (b1 < b0) return false;
  std::string segment(line.substr(b0, b1 - b0));
  parser::Arena arena;
  auto parsed = parser::Parse(segment, arena, parser::ParseMode::kExec);
  auto** mod = std::get_if<parser::ast::ModNode*>(&parsed);
  if (mod == nullptr) return false;
  auto* module = (*mod)->As<parser::ast::Module>();
  if (module == nullptr || module->body.size != 1) return false;
  auto* stmt = module->body[0]->As<parser::ast::ExprStmt>();
  if (stmt == nullptr) return false;
  parser::ast::ExprNode* expr = stmt->value;
  int64_t l = -1, r = -1;
  if (auto* binop = expr->As<parser::ast::BinOp>()) {
    int32_t from = binop->left->loc.end_col_offset;
    int32_t to = binop->right->loc.col_offset;
    for (int32_t i = from; i < to && i < static_cast<int32_t>(segment.size()); ++i) {
      if (IsWs(segment[static_cast<size_t>(i)])) continue;
      l = i;
      r = i + 1;
      if (i + 1 < to && !IsWs(segment[static_cast<size_t>(i) + 1])) ++r;
      break;
    }
    if (l < 0) return false;
  } else if (auto* sub = expr->As<parser::ast::Subscript>()) {
    l = sub->value->loc.end_col_offset;
    r = sub->slice->loc.end_col_offset + 1;
  } else {
    return false;
  }
  *left = CharOffset(segment, l) + start;
  *right = CharOffset(segment, r) + start;
  *tilde = true;
  return true;
}

// --- printing context -----------------------------------------------------------------------

struct Ctx {
  explicit Ctx(Object* f) : file(f) {}
  Object* file;
  std::string out;  // accumulated text, written once at the end
  std::set<Object*> seen;
  int group_depth = 0;
  bool need_close = false;

  std::string Margin() const { return group_depth > 0 ? "| " : ""; }
  std::string Indent() const { return std::string(static_cast<size_t>(2 * group_depth), ' '); }
  void IndentedMargin() { out += Indent() + Margin(); }
};

std::string StrOf(Object* o) {
  if (o == nullptr) return "";
  if (IsStr(o)) return std::string(StrUtf8(static_cast<Str*>(o)));
  Ref<> s = ToStr(o);
  if (!s) {
    ClearError();
    return "";
  }
  return std::string(StrUtf8(static_cast<Str*>(s.get())));
}

// One traceback entry: the File line, the source line and the caret line.
void DisplayLine(Ctx& ctx, Traceback* tb, Code* code) {
  std::string filename = StrOf(code->filename);
  ctx.IndentedMargin();
  absl::StrAppend(&ctx.out, "  File \"", filename, "\", line ", tb->lineno, ", in ",
                  StrOf(code->name), "\n");
  const std::vector<std::string>* lines = FileLines(filename);
  if (lines == nullptr || tb->lineno < 1 || tb->lineno > static_cast<int32_t>(lines->size())) {
    return;
  }
  const std::string& line = (*lines)[static_cast<size_t>(tb->lineno - 1)];
  size_t strip = 0;
  while (strip < line.size() && IsWs(line[strip])) ++strip;
  std::string stripped = line.substr(strip);
  ctx.IndentedMargin();
  absl::StrAppend(&ctx.out, "    ", stripped, "\n");

  const bytecode::CodeObject* src = code->source.get();
  if (src == nullptr || tb->lasti < 0 || tb->lasti >= static_cast<int32_t>(src->positions.size())) {
    return;
  }
  const bytecode::Position& pos = src->positions[static_cast<size_t>(tb->lasti)];
  if (pos.lineno < 0 || pos.end_lineno < 0 || pos.col < 0 || pos.end_col < 0) return;
  int64_t line_chars = CharOffset(line, static_cast<int64_t>(line.size()));
  int64_t strip_chars = CharOffset(line, static_cast<int64_t>(strip));
  int64_t start = CharOffset(line, pos.col);
  int64_t end = CharOffset(line, pos.end_col);
  int64_t left = -1, right = -1;
  bool anchors = false;
  bool tilde = false;
  if (pos.lineno == pos.end_lineno) {
    anchors = ExtractAnchors(line, start, end, &left, &right, &tilde);
  } else {
    int64_t i = static_cast<int64_t>(line.size());
    while (--i >= 0 && IsWs(line[static_cast<size_t>(i)])) {
    }
    end = CharOffset(line, i + 1);
  }
  if (end - start == line_chars - strip_chars && !anchors) return;
  ctx.IndentedMargin();
  std::string carets = "    ";
  for (int64_t off = strip_chars; ++off <= end;) {
    if (off <= start) {
      carets += ' ';
    } else if (anchors && left < off && off <= right) {
      carets += '^';
    } else {
      carets += tilde ? '~' : '^';
    }
  }
  ctx.out += carets;
  ctx.out += "\n";
}

void PrintTraceback(Ctx& ctx, Object* tb_obj, const char* header, const std::string& hmargin) {
  ctx.out += ctx.Indent() + hmargin + header;
  Object* last_file = nullptr;
  Object* last_name = nullptr;
  int32_t last_line = -1;
  int64_t count = 0;
  auto repeated = [&ctx](int64_t cnt) {
    cnt -= kRecursiveCutoff;
    ctx.IndentedMargin();
    absl::StrAppend(&ctx.out, "  [Previous line repeated ", cnt,
                    cnt > 1 ? " more times]\n" : " more time]\n");
  };
  for (Object* o = tb_obj; o != nullptr && o != None(); o = static_cast<Traceback*>(o)->next) {
    auto* tb = static_cast<Traceback*>(o);
    auto* fo = static_cast<FrameObject*>(tb->frame);
    if (fo == nullptr || fo->frame == nullptr) continue;
    Code* code = fo->frame->code;
    if (last_file == nullptr || code->filename != last_file || last_line == -1 ||
        tb->lineno != last_line || last_name == nullptr || code->name != last_name) {
      if (count > kRecursiveCutoff) repeated(count);
      last_file = code->filename;
      last_line = tb->lineno;
      last_name = code->name;
      count = 0;
    }
    ++count;
    if (count <= kRecursiveCutoff) DisplayLine(ctx, tb, code);
  }
  if (count > kRecursiveCutoff) repeated(count);
}

// SyntaxError's location block (print_exception_file_and_line + print_error_text).
void PrintSyntaxErrorLocation(Ctx& ctx, SyntaxErrorObject* se) {
  std::string filename =
      se->filename == nullptr || se->filename == None() ? "<string>" : StrOf(se->filename);
  int64_t lineno = 0, offset = 0, end_lineno = 0, end_offset = 0;
  auto as_int = [](Object* o, int64_t dflt) -> int64_t {
    if (o == nullptr || !IsInt(o)) return dflt;
    std::optional<int64_t> v = IntSmall(o);
    return v ? *v : dflt;
  };
  lineno = as_int(se->lineno, 0);
  offset = as_int(se->offset, -1);
  if (se->type == &SyntaxErrorType) {
    end_lineno = as_int(se->end_lineno, lineno);
    end_offset = as_int(se->end_offset, -1);
  } else {
    // Subclasses (IndentationError, TabError) get one caret, as CPython's parse_syntax_error.
    end_lineno = lineno;
    end_offset = -1;
  }
  ctx.IndentedMargin();
  absl::StrAppend(&ctx.out, "  File \"", filename, "\", line ", lineno, "\n");
  if (se->text == nullptr || se->text == None() || !IsStr(se->text)) return;
  std::string text(StrUtf8(static_cast<Str*>(se->text)));
  int64_t line_size = static_cast<int64_t>(text.size());
  if (end_lineno > lineno) end_offset = line_size;
  if (end_offset > line_size + 1) end_offset = line_size + 1;
  int64_t carets = (end_offset > 0 && end_offset > offset) ? end_offset - offset : 1;
  offset--;
  size_t p = 0;
  while (p < text.size() && IsWs(text[p])) {
    ++p;
    --offset;
  }
  std::string_view t = std::string_view(text).substr(p);
  int64_t len = static_cast<int64_t>(t.size());
  if (len > 0 && t[static_cast<size_t>(len - 1)] == '\n') --len;
  if (offset > len) offset = len;
  for (;;) {
    size_t nl = t.find('\n');
    if (nl == std::string_view::npos) break;
    int64_t inl = static_cast<int64_t>(nl);
    if (inl >= offset) break;
    inl += 1;
    t.remove_prefix(static_cast<size_t>(inl));
    len -= inl;
    offset -= inl;
  }
  ctx.IndentedMargin();
  ctx.out += "    ";
  ctx.out += t;
  if (static_cast<size_t>(len) >= t.size() || t[static_cast<size_t>(len)] != '\n') ctx.out += "\n";
  if (offset < 0) return;
  ctx.IndentedMargin();
  ctx.out += "    ";
  ctx.out += std::string(static_cast<size_t>(offset), ' ');
  ctx.out += std::string(static_cast<size_t>(carets), '^');
  ctx.out += "\n";
}

// "module.Qualname: message" (the module omitted for builtins and __main__).
void PrintMessage(Ctx& ctx, Object* value, bool syntax_error) {
  Type* type = value->type;
  ctx.IndentedMargin();
  Ref<> module = LookupAttr(type, InternStr("__module__"));
  if (!module && ErrorOccurred()) ClearError();
  if (!module || !IsStr(module.get())) {
    ctx.out += "<unknown>.";
  } else {
    std::string m = StrOf(module.get());
    if (m != "builtins" && m != "__main__") absl::StrAppend(&ctx.out, m, ".");
  }
  Ref<> qualname = LookupAttr(type, InternStr("__qualname__"));
  if (!qualname && ErrorOccurred()) ClearError();
  if (qualname && IsStr(qualname.get())) {
    ctx.out += StrOf(qualname.get());
  } else {
    ctx.out += TypeName(type);
  }
  Ref<> s;
  if (syntax_error) {
    Object* msg = static_cast<SyntaxErrorObject*>(value)->msg;
    s = msg != nullptr ? ToStr(msg) : ToStr(value);
  } else {
    s = ToStr(value);
  }
  if (!s) {
    ClearError();
    ctx.out += ": <exception str() failed>";
  } else if (!IsStr(s.get()) || static_cast<Str*>(s.get())->length != 0) {
    absl::StrAppend(&ctx.out, ": ", StrOf(s.get()));
  }
  if (!syntax_error) {
    std::string suggestion = OfferSuggestion(value);
    if (ErrorOccurred()) ClearError();
    if (!suggestion.empty()) absl::StrAppend(&ctx.out, ". Did you mean: '", suggestion, "'?");
  }
}

void PrintNotes(Ctx& ctx, Object* value) {
  Object* notes = static_cast<BaseExceptionObject*>(value)->notes;
  if (notes == nullptr || notes == None()) return;
  auto print_note = [&ctx](Object* note) {
    std::string text;
    if (IsStr(note)) {
      text = StrOf(note);
    } else {
      Ref<> r = ToStr(note);
      if (!r) {
        ClearError();
        text = "<note str() failed>";
      } else {
        text = StrOf(r.get());
      }
    }
    size_t pos = 0;
    for (;;) {
      size_t nl = text.find('\n', pos);
      ctx.IndentedMargin();
      ctx.out += text.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos + 1);
      if (nl == std::string::npos) break;
      pos = nl + 1;
      if (pos >= text.size()) return;
    }
    ctx.out += "\n";
  };
  if (IsList(notes) || IsTuple(notes)) {
    Ref<> items = SequenceTuple(notes);
    if (!items) {
      ClearError();
      return;
    }
    auto* t = static_cast<Tuple*>(items.get());
    for (int64_t i = 0; i < t->size; ++i) print_note(t->items[i]);
  } else {
    Ref<> r = Repr(notes);
    if (!r) {
      ClearError();
      ctx.IndentedMargin();
      ctx.out += "<__notes__ repr() failed>\n";
      return;
    }
    print_note(r.get());
  }
}

void PrintOne(Ctx& ctx, Object* value) {
  if (!IsExceptionInstance(value)) {
    ctx.IndentedMargin();
    absl::StrAppend(&ctx.out, "TypeError: print_exception(): Exception expected for value, ",
                    TypeNameOf(value), " found\n");
    return;
  }
  auto* exc = static_cast<BaseExceptionObject*>(value);
  if (exc->traceback != nullptr && exc->traceback != None()) {
    const char* header = "Traceback (most recent call last):\n";
    std::string hmargin = ctx.Margin();
    if (TypeCheck(value, &BaseExceptionGroupType)) {
      header = "Exception Group Traceback (most recent call last):\n";
      if (ctx.group_depth == 1) hmargin = "+ ";
    }
    PrintTraceback(ctx, exc->traceback, header, hmargin);
  }
  bool syntax_error = TypeCheck(value, &SyntaxErrorType);
  if (syntax_error) PrintSyntaxErrorLocation(ctx, static_cast<SyntaxErrorObject*>(value));
  PrintMessage(ctx, value, syntax_error);
  ctx.out += "\n";
  PrintNotes(ctx, value);
}

void PrintRecursive(Ctx& ctx, Object* value, int depth);

void PrintChained(Ctx& ctx, Object* value, const char* message, int depth) {
  bool need_close = ctx.need_close;
  PrintRecursive(ctx, value, depth + 1);
  ctx.need_close = need_close;
  ctx.IndentedMargin();
  ctx.out += "\n";
  ctx.IndentedMargin();
  ctx.out += message;
  ctx.IndentedMargin();
  ctx.out += "\n";
}

void PrintGroup(Ctx& ctx, Object* value, int depth) {
  if (ctx.group_depth > kMaxGroupDepth) {
    ctx.IndentedMargin();
    absl::StrAppend(&ctx.out, "... (max_group_depth is ", kMaxGroupDepth, ")\n");
    return;
  }
  if (ctx.group_depth == 0) ctx.group_depth += 1;
  PrintOne(ctx, value);
  Object* excs = static_cast<BaseExceptionGroupObject*>(value)->excs;
  int64_t num = excs != nullptr && IsTuple(excs) ? static_cast<Tuple*>(excs)->size : 0;
  int64_t n = num <= kMaxGroupWidth ? num : kMaxGroupWidth + 1;
  ctx.need_close = false;
  for (int64_t i = 0; i < n; ++i) {
    bool last = i == n - 1;
    if (last) ctx.need_close = true;
    ctx.out += ctx.Indent();
    bool truncated = i >= kMaxGroupWidth;
    if (!truncated) {
      absl::StrAppend(&ctx.out, i == 0 ? "+-" : "  ", "+---------------- ", i + 1,
                      " ----------------\n");
    } else {
      absl::StrAppend(&ctx.out, i == 0 ? "+-" : "  ", "+---------------- ... ----------------\n");
    }
    ctx.group_depth += 1;
    if (!truncated) {
      PrintRecursive(ctx, static_cast<Tuple*>(excs)->items[i], depth + 1);
    } else {
      int64_t remaining = num - kMaxGroupWidth;
      ctx.IndentedMargin();
      absl::StrAppend(&ctx.out, "and ", remaining, " more exception", remaining > 1 ? "s" : "",
                      "\n");
    }
    if (last && ctx.need_close) {
      ctx.out += ctx.Indent();
      ctx.out += "+------------------------------------\n";
      ctx.need_close = false;
    }
    ctx.group_depth -= 1;
  }
  if (ctx.group_depth == 1) ctx.group_depth -= 1;
}

void PrintRecursive(Ctx& ctx, Object* value, int depth) {
  if (depth > 1000) return;  // a chain that deep is a cycle we failed to see
  ctx.seen.insert(value);
  if (IsExceptionInstance(value)) {
    auto* exc = static_cast<BaseExceptionObject*>(value);
    if (exc->cause != nullptr && exc->cause != None()) {
      if (ctx.seen.count(exc->cause) == 0) {
        PrintChained(ctx, exc->cause,
                     "The above exception was the direct cause of the following exception:\n",
                     depth);
      }
    } else if (!exc->suppress_context && exc->context != nullptr && exc->context != None()) {
      if (ctx.seen.count(exc->context) == 0) {
        PrintChained(ctx, exc->context,
                     "During handling of the above exception, another exception occurred:\n",
                     depth);
      }
    }
  }
  if (IsExceptionInstance(value) && TypeCheck(value, &BaseExceptionGroupType)) {
    PrintGroup(ctx, value, depth);
  } else {
    PrintOne(ctx, value);
  }
}

}  // namespace

void PrintExceptionTo(Object* exc, Object* file) {
  Ref<> saved = FetchError();
  Ctx ctx(file);
  // Flush stdout first so that the traceback follows what the program printed (CPython does).
  Object* out = SysGetObject("stdout");
  if (out != nullptr && out != None() && !FlushFile(out)) ClearError();
  PrintRecursive(ctx, exc, 0);
  if (!FileWriteString(file, ctx.out) || !FlushFile(file)) ClearError();
  RestoreError(std::move(saved));
}

void PrintException(Object* exc) {
  Object* err = SysGetObject("stderr");
  if (err == nullptr) {
    Ref<> saved = FetchError();
    Ctx ctx(nullptr);
    PrintRecursive(ctx, exc, 0);
    parser::WriteAll(stderr, ctx.out);
    parser::WriteAll(stderr, "lost sys.stderr\n");
    RestoreError(std::move(saved));
    return;
  }
  if (err == None()) return;
  Ref<> keep = NewRef(err);
  PrintExceptionTo(exc, err);
}

Ref<> SysExcepthook(Object*, Object* const* args, size_t nargs, Tuple*) {
  if (nargs != 3) {
    SetErrorF(&TypeErrorType, "excepthook expected 3 arguments, got %zu", nargs);
    return nullptr;
  }
  Object* value = args[1];
  if (IsExceptionInstance(value) && args[2] != None()) {
    auto* exc = static_cast<BaseExceptionObject*>(value);
    if (exc->traceback == nullptr || exc->traceback == None()) {
      ExceptionSetTraceback(value, args[2]);
    }
  }
  PrintException(value);
  return NewNone();
}

}  // namespace pyrite::builtins
