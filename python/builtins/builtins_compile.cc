// exec, eval and compile, and the conversion of the compiler's parser::SyntaxError into a Python
// SyntaxError instance (msg, filename, lineno, offset, text, end_lineno, end_offset) as CPython
// 3.11 fills it: parser errors carry the offending source line as `text`; errors found after
// parsing (symtable, codegen) read the line from the file named by `filename` if there is one,
// as PyErr_ProgramTextObject does, else None.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <variant>

#include "python/builtins/builtins.h"
#include "python/builtins/builtins_internal.h"
#include "python/compiler/compiler.h"
#include "python/parser/arena.h"
#include "python/parser/file_io.h"
#include "python/parser/parser.h"
#include "python/parser/source.h"
#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/eval.h"
#include "python/vm/objects/bytes.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/exceptions.h"
#include "python/vm/objects/function.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/runtime.h"

namespace pyrite::builtins {

using namespace vm;  // NOLINT: this file is all VM objects

namespace {

// Line `lineno` (1-based) of `text` with universal newlines, "\n"-terminated; false if absent.
bool NthLine(std::string_view text, int lineno, std::string* out) {
  if (lineno < 1) return false;
  int line = 1;
  size_t pos = 0;
  while (line < lineno) {
    size_t nl = text.find_first_of("\r\n", pos);
    if (nl == std::string_view::npos) return false;
    pos = nl + 1;
    if (text[nl] == '\r' && pos < text.size() && text[pos] == '\n') ++pos;
    ++line;
  }
  if (pos >= text.size() && lineno > 1) return false;
  size_t end = text.find_first_of("\r\n", pos);
  if (end == std::string_view::npos) end = text.size();
  *out = std::string(text.substr(pos, end - pos));
  out->push_back('\n');
  return true;
}

Type* SyntaxErrorTypeFor(parser::SyntaxErrorType t) {
  switch (t) {
    case parser::SyntaxErrorType::kIndentationError:
      return &IndentationErrorType;
    case parser::SyntaxErrorType::kTabError:
      return &TabErrorType;
    default:
      return &SyntaxErrorType;
  }
}

Ref<> NewIntOrNone(int v) { return NewInt(v); }

}  // namespace

void SetSyntaxError(const parser::SyntaxError& error, std::string_view source,
                    std::string_view filename, parser::ParseMode mode, bool source_is_str) {
  // Whether the parser accepts the source decides where `text` comes from (see the file comment).
  bool parse_error = true;
  std::string decoded;
  if (source_is_str) {
    decoded = parser::DecodeStrSource(source).text;
  } else {
    auto decoded_or = parser::DecodeSource(source);
    if (auto* d = std::get_if<parser::DecodedSource>(&decoded_or)) {
      decoded = d->text;
    } else {
      decoded = std::string(source);
    }
  }
  {
    parser::Arena arena;
    auto parsed = parser::Parse(source, arena, mode, source_is_str);
    parse_error = std::holds_alternative<parser::SyntaxError>(parsed);
  }
  std::string line;
  bool have_text;
  bool no_position = error.lineno == 0 && error.offset == -1;  // e.g. "unknown encoding: x"
  if (parse_error && error.has_text) {
    have_text = true;
    line = error.text;
  } else if (parse_error && no_position) {
    have_text = false;
  } else if (parse_error) {
    // The parser says whether CPython's text keeps the line's newline. Line 0 (nothing read):
    // CPython shows the first line.
    have_text = NthLine(decoded, error.lineno == 0 ? 1 : error.lineno, &line);
    if (error.lineno == 0 && !have_text) {
      have_text = true;
      line.assign(1, '\n');  // not `= "\n"`: GCC 12 -O2 reports a false -Wrestrict
    }
    if (have_text && (error.lineno == 0 || !error.text_has_newline)) line.pop_back();
  } else {
    std::string file_bytes;
    std::string path(filename);
    have_text =
        parser::ReadFile(path.c_str(), &file_bytes) && NthLine(file_bytes, error.lineno, &line);
  }
  Ref<> msg = NewStr(error.message);
  Ref<> fname = NewStr(filename);
  Ref<> lineno = NewIntOrNone(error.lineno);
  Ref<> offset = NewIntOrNone(error.offset);
  Ref<> text = have_text ? Ref<>(NewStr(line)) : NewNone();
  Ref<> end_lineno = no_position ? NewNone() : NewIntOrNone(error.end_lineno);
  Ref<> end_offset = no_position ? NewNone() : NewIntOrNone(error.end_offset);
  if (!msg || !fname || !lineno || !offset || !text || !end_lineno || !end_offset) return;
  Ref<Tuple> details = NewTupleFrom(
      {fname.get(), lineno.get(), offset.get(), text.get(), end_lineno.get(), end_offset.get()});
  if (!details) return;
  Object* exc_args[2] = {msg.get(), details.get()};
  Ref<> exc = NewException(SyntaxErrorTypeFor(error.type), exc_args, 2);
  if (!exc) return;
  // Make sure the fields hold the values even if the constructor filled them differently.
  auto* se = static_cast<SyntaxErrorObject*>(exc.get());
  auto set = [](Object*& field, Object* value) {
    Object* old = field;
    field = NewRef(value).release();
    Xdecref(old);
  };
  set(se->msg, msg.get());
  set(se->filename, fname.get());
  set(se->lineno, lineno.get());
  set(se->offset, offset.get());
  set(se->text, text.get());
  set(se->end_lineno, end_lineno.get());
  set(se->end_offset, end_offset.get());
  RestoreError(std::move(exc));
}

namespace {

enum class Caller { kCompile, kExec, kEval };

// The source text of compile/exec/eval's first argument; false (with an error) if it is not a
// str or bytes-like object. `is_code` is set instead for code objects.
bool SourceBytes(Object* src, Caller caller, std::string* out, bool* is_code) {
  *is_code = false;
  if (src->type == &CodeType) {
    *is_code = true;
    return true;
  }
  if (IsStr(src)) {
    *out = std::string(StrUtf8(static_cast<Str*>(src)));
  } else if (IsBytes(src)) {
    *out = std::string(static_cast<Bytes*>(src)->view());
  } else if (IsByteArray(src)) {
    *out = static_cast<ByteArray*>(src)->buffer;
  } else {
    switch (caller) {
      case Caller::kCompile:
        SetError(&TypeErrorType, "compile() arg 1 must be a string, bytes or AST object");
        break;
      case Caller::kExec:
        SetError(&TypeErrorType, "exec() arg 1 must be a string, bytes or code object");
        break;
      case Caller::kEval:
        SetError(&TypeErrorType, "eval() arg 1 must be a string, bytes or code object");
        break;
    }
    return false;
  }
  if (out->find('\0') != std::string::npos) {
    SetError(&ValueErrorType, "source code string cannot contain null bytes");
    return false;
  }
  return true;
}

}  // namespace

namespace {

// compile() with an explicit optimization level (-1: the interpreter's).
Ref<> CompileWithLevel(std::string_view source, std::string_view filename, parser::ParseMode mode,
                       int optimize, bool source_is_str) {
  compiler::CompileOptions options;
  options.optimize = optimize < 0 ? runtime_flags.optimize : optimize;
  options.filename = filename;
  options.mode = mode;
  options.source_is_str = source_is_str;
  compiler::CompileResult result = compiler::CompileSource(source, options);
  if (auto* err = std::get_if<parser::SyntaxError>(&result)) {
    SetSyntaxError(*err, source, filename, mode, source_is_str);
    return nullptr;
  }
  return NewCode(std::get<std::shared_ptr<const bytecode::CodeObject>>(result));
}

}  // namespace

// Compiles source bytes to a runtime code object; a SyntaxError becomes the pending exception.
Ref<> CompileToCode(std::string_view source, std::string_view filename, parser::ParseMode mode,
                    bool source_is_str) {
  return CompileWithLevel(source, filename, mode, -1, source_is_str);
}

namespace {

// globals/locals of exec and eval, defaulted from the calling frame; inserts __builtins__.
bool ResolveNamespaces(Object* globals, Object* locals, Caller caller, Ref<>* g, Ref<>* l) {
  if (globals == None()) globals = nullptr;
  if (locals == None()) locals = nullptr;
  if (globals == nullptr) {
    Object* cur = CurrentGlobals();
    if (cur == nullptr) {
      SetError(&SystemErrorType, "globals and locals cannot be NULL");
      return false;
    }
    *g = NewRef(cur);
    if (locals == nullptr) {
      *l = CurrentLocals();
      if (!*l) return false;
    } else {
      *l = NewRef(locals);
    }
  } else {
    if (!IsDict(globals)) {
      if (caller == Caller::kExec) {
        SetErrorF(&TypeErrorType, "exec() globals must be a dict, not %s", TypeNameOf(globals));
      } else if (globals->type->subscript != nullptr) {
        SetError(&TypeErrorType, "globals must be a real dict; try eval(expr, {}, mapping)");
      } else {
        SetError(&TypeErrorType, "globals must be a dict");
      }
      return false;
    }
    *g = NewRef(globals);
    *l = NewRef(locals != nullptr ? locals : globals);
  }
  if (l->get()->type->subscript == nullptr) {
    if (caller == Caller::kExec) {
      SetErrorF(&TypeErrorType, "locals must be a mapping or None, not %s", TypeNameOf(l->get()));
    } else {
      SetError(&TypeErrorType, "locals must be a mapping");
    }
    return false;
  }
  auto* gd = static_cast<Dict*>(g->get());
  Object* b = DictGetItemUtf8(gd, "__builtins__");
  if (b == nullptr) {
    if (ErrorOccurred()) return false;
    Object* cur = CurrentBuiltins();
    if (cur == nullptr) cur = interp->builtins;
    if (DictSetItemUtf8(gd, "__builtins__", cur) < 0) return false;
  }
  return true;
}

Ref<> BuiltinCompile(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const Params kParams{
      "compile",
      {"source", "filename", "mode", "flags", "dont_inherit", "optimize", "_feature_version"},
      0,
      3,
      6};
  Object* a[7];
  if (!ParseArgs(kParams, args, nargs, kwnames, a)) return nullptr;
  std::string filename;
  if (IsStr(a[1])) {
    filename = std::string(StrUtf8(static_cast<Str*>(a[1])));
  } else if (IsBytes(a[1])) {
    filename = std::string(static_cast<Bytes*>(a[1])->view());
  } else {
    SetErrorF(&TypeErrorType, "expected str, bytes or os.PathLike object, not %s",
              TypeNameOf(a[1]));
    return nullptr;
  }
  if (!IsStr(a[2])) {
    SetErrorF(&TypeErrorType, "compile() argument 'mode' must be str, not %s", TypeNameOf(a[2]));
    return nullptr;
  }
  std::string_view mode_name = StrUtf8(static_cast<Str*>(a[2]));
  parser::ParseMode mode;
  if (mode_name == "exec") {
    mode = parser::ParseMode::kExec;
  } else if (mode_name == "eval") {
    mode = parser::ParseMode::kEval;
  } else if (mode_name == "single") {
    mode = parser::ParseMode::kSingle;
  } else {
    SetError(&ValueErrorType, "compile() mode must be 'exec', 'eval' or 'single'");
    return nullptr;
  }
  int64_t optimize = -1;
  if (a[5] != nullptr && !AsSsize(a[5], &OverflowErrorType, &optimize)) return nullptr;
  if (optimize < -1 || optimize > 2) {
    SetError(&ValueErrorType, "compile(): invalid optimize value");
    return nullptr;
  }
  if (a[3] != nullptr) {
    int64_t flags;
    if (!AsSsize(a[3], &OverflowErrorType, &flags)) return nullptr;
    if (flags & 0x400) {  // PyCF_ONLY_AST
      SetError(&NotImplementedErrorType, "compile() to an AST is not supported yet");
      return nullptr;
    }
  }
  std::string source;
  bool is_code;
  if (!SourceBytes(a[0], Caller::kCompile, &source, &is_code)) return nullptr;
  if (is_code) return NewRef(a[0]);
  return CompileWithLevel(source, filename, mode, static_cast<int>(optimize), IsStr(a[0]));
}

Ref<> BuiltinExec(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const Params kParams{"exec", {"source", "globals", "locals", "closure"}, 3, 1, 3};
  Object* a[4];
  if (!ParseArgs(kParams, args, nargs, kwnames, a)) return nullptr;
  Ref<> g, l;
  if (!ResolveNamespaces(a[1], a[2], Caller::kExec, &g, &l)) return nullptr;
  std::string source;
  bool is_code;
  if (!SourceBytes(a[0], Caller::kExec, &source, &is_code)) return nullptr;
  Ref<> code;
  if (is_code) {
    code = NewRef(a[0]);
  } else {
    code = CompileToCode(source, "<string>", parser::ParseMode::kExec, IsStr(a[0]));
    if (!code) return nullptr;
  }
  Ref<> r = EvalCode(static_cast<Code*>(code.get()), g.get(), l.get());
  if (!r) return nullptr;
  return NewNone();
}

Ref<> BuiltinEval(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const Params kParams{"eval", {"source", "globals", "locals"}, 3, 1};
  Object* a[3];
  if (!ParseArgs(kParams, args, nargs, kwnames, a)) return nullptr;
  if (a[2] != nullptr && a[2] != None() && a[2]->type->subscript == nullptr) {
    SetError(&TypeErrorType, "locals must be a mapping");
    return nullptr;
  }
  Ref<> g, l;
  if (!ResolveNamespaces(a[1] == nullptr ? None() : a[1], a[2], Caller::kEval, &g, &l)) {
    return nullptr;
  }
  std::string source;
  bool is_code;
  if (!SourceBytes(a[0], Caller::kEval, &source, &is_code)) return nullptr;
  Ref<> code;
  if (is_code) {
    code = NewRef(a[0]);
  } else {
    size_t start = source.find_first_not_of(" \t");
    std::string_view text = source;
    if (start != std::string::npos) text.remove_prefix(start);
    code = CompileToCode(text, "<string>", parser::ParseMode::kEval, IsStr(a[0]));
    if (!code) return nullptr;
  }
  return EvalCode(static_cast<Code*>(code.get()), g.get(), l.get());
}

}  // namespace

extern const MethodDef kBuiltinCompile[] = {
    {"compile", &BuiltinCompile, kMethKeywords},
    {"eval", &BuiltinEval, kMethKeywords},
    {"exec", &BuiltinExec, kMethKeywords},
    {nullptr, nullptr, 0},
};

}  // namespace pyrite::builtins
