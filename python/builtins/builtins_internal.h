// Shared declarations between the files of python/builtins (not part of the public API in
// builtins.h): the function tables of the builtins module, the sys text streams, the struct
// sequence type behind sys.version_info / sys.flags, and the SyntaxError conversion.
#ifndef PYRITE_PYTHON_BUILTINS_BUILTINS_INTERNAL_H_
#define PYRITE_PYTHON_BUILTINS_BUILTINS_INTERNAL_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "python/parser/parser.h"
#include "python/parser/syntax_error.h"
#include "python/vm/object.h"
#include "python/vm/type.h"

namespace pyrite::builtins {

// Tables of module functions ({nullptr}-terminated), one per file.
extern const vm::MethodDef kBuiltinFunctions[];  // builtins_functions.cc
extern const vm::MethodDef kBuiltinMinMax[];     // builtins_minmax.cc
extern const vm::MethodDef kBuiltinCompile[];    // builtins_compile.cc

// --- sys text streams (sys_stdio.cc) ------------------------------------------------------
// Readies the stream type (idempotent).
[[nodiscard]] bool InitStdioType();
// A text stream over a file descriptor: mode "r" or "w"; `name` as "<stdout>".
// `write_through`: every write goes to the descriptor at once (-u).
vm::Ref<> NewStdStream(int fd, const char* mode, const char* name, const char* errors,
                       bool write_through = false);
// Writes UTF-8 text to sys.stderr (or fd 2 when sys.stderr is missing); errors are swallowed.
void WriteStderr(std::string_view text);
// Writes str(obj) (or repr) to a file object; false with an error set.
[[nodiscard]] bool FileWriteObject(vm::Object* file, vm::Object* obj, bool raw);
[[nodiscard]] bool FileWriteString(vm::Object* file, std::string_view text);
// sys.<name>, borrowed; null (no error) when missing.
vm::Object* SysGetObject(const char* name);
// Flushes a stream object (calls its flush()); false with an error set.
[[nodiscard]] bool FlushFile(vm::Object* file);

// --- struct sequences and namespaces (sys_types.cc) ----------------------------------------
// A named-tuple-like type over tuple (sys.version_info, sys.flags): `name` is the qualified name
// ("sys.version_info"), `fields` its attribute names (at most 24). Call once per type.
struct StructSeqDesc {
  const char* name;
  const char* const* fields;
  int nfields;
};
[[nodiscard]] bool InitStructSeqType(vm::Type* type, const StructSeqDesc& desc);
// An instance of a struct-sequence type; `items` are stolen.
vm::Ref<> NewStructSeq(vm::Type* type, vm::Ref<>* items, int n);
// types.SimpleNamespace stand-in (sys.implementation): attributes from a dict, repr
// "namespace(a=1, b=2)".
[[nodiscard]] bool InitNamespaceType();
vm::Ref<> NewNamespace(vm::Object* dict);

// --- compile support (builtins_compile.cc) ------------------------------------------------
// Sets the pending exception to the Python SyntaxError (or IndentationError, TabError) for a
// compiler error in `source` compiled as `filename` in `mode` (the text attribute is the error's
// line). `source_is_str`: `source` is the UTF-8 of a str (see parser::Parse).
void SetSyntaxError(const parser::SyntaxError& error, std::string_view source,
                    std::string_view filename, parser::ParseMode mode = parser::ParseMode::kExec,
                    bool source_is_str = false);

// --- traceback printing (traceback_print.cc) ----------------------------------------------
// Prints `exc` with its chain to `file` (a stream object) as CPython's default excepthook.
void PrintExceptionTo(vm::Object* exc, vm::Object* file);

// "Did you mean" for NameError / AttributeError (CPython 3.11's suggestions.c): the closest
// name, or "" when there is none (traceback_suggestions.cc).
std::string OfferSuggestion(vm::Object* exc);

// The excepthook / displayhook builtins of sys (sys_module.cc uses them; traceback_print.cc and
// builtins_functions.cc define them).
vm::Ref<> SysExcepthook(vm::Object* self, vm::Object* const* args, size_t nargs,
                        vm::Tuple* kwnames);

}  // namespace pyrite::builtins

#endif  // PYRITE_PYTHON_BUILTINS_BUILTINS_INTERNAL_H_
