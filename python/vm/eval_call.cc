// Calling Python functions: binding call arguments to a new frame's parameters (CPython 3.11's
// initialize_locals, with its TypeError messages), running the frame, and the entry points the
// rest of the VM uses to run code (EvalCode) or to ask about the running frame.
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "python/vm/abstract.h"
#include "python/vm/error.h"
#include "python/vm/eval.h"
#include "python/vm/eval_internal.h"
#include "python/vm/frame.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/function.h"
#include "python/vm/objects/module.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/runtime.h"

namespace pyrite::vm {

namespace {

std::string Utf8(Object* s) { return std::string(StrUtf8(static_cast<Str*>(s))); }

std::string Qualname(Function* func) { return Utf8(func->qualname); }

Str* VarName(Code* code, int i) {
  return static_cast<Str*>(static_cast<Tuple*>(code->localsplusnames)->items[i]);
}

// "f() missing 2 required positional arguments: 'a' and 'b'"
void MissingArguments(Function* func, Code* code, Object** locals, int start, int end,
                      const char* kind) {
  std::vector<std::string> names;
  for (int i = start; i < end; ++i) {
    if (locals[i] == nullptr) names.push_back(absl::StrCat("'", Utf8(VarName(code, i)), "'"));
  }
  std::string list;
  if (names.size() == 1) {
    list = names[0];
  } else if (names.size() == 2) {
    list = absl::StrCat(names[0], " and ", names[1]);
  } else {
    for (size_t i = 0; i + 1 < names.size(); ++i) absl::StrAppend(&list, names[i], ", ");
    absl::StrAppend(&list, "and ", names.back());
  }
  SetErrorF(&TypeErrorType, "%s() missing %d required %s argument%s: %s", Qualname(func).c_str(),
            static_cast<int>(names.size()), kind, names.size() == 1 ? "" : "s", list.c_str());
}

// "f() takes 2 positional arguments but 3 were given"
void TooManyPositional(Function* func, Code* code, Object** locals, size_t given) {
  int kwonly_given = 0;
  for (int i = code->argcount; i < code->argcount + code->kwonlyargcount; ++i) {
    kwonly_given += locals[i] != nullptr;
  }
  int64_t defcount = func->defaults ? static_cast<Tuple*>(func->defaults)->size : 0;
  std::string sig;
  bool plural;
  if (defcount > 0) {
    sig = absl::StrCat("from ", code->argcount - defcount, " to ", code->argcount);
    plural = true;
  } else {
    sig = absl::StrCat(code->argcount);
    plural = code->argcount != 1;
  }
  std::string kwonly_sig;
  if (kwonly_given > 0) {
    kwonly_sig = absl::StrCat(" positional argument", given != 1 ? "s" : "", " (and ",
                              kwonly_given, " keyword-only argument",
                              kwonly_given != 1 ? "s" : "", ")");
  }
  SetErrorF(&TypeErrorType, "%s() takes %s positional argument%s but %zu%s %s given",
            Qualname(func).c_str(), sig.c_str(), plural ? "s" : "", given, kwonly_sig.c_str(),
            given == 1 && kwonly_given == 0 ? "was" : "were");
}

// True (with the error set) when positional-only parameters were passed by keyword.
bool PositionalOnlyPassedAsKeyword(Function* func, Code* code, Object* const* kwnames,
                                   int64_t nkw) {
  std::vector<std::string> names;
  for (int i = 0; i < code->posonlyargcount; ++i) {
    Str* name = VarName(code, i);
    for (int64_t k = 0; k < nkw; ++k) {
      Object* kw = kwnames[k];
      if (kw == name || (IsStr(kw) && StrEqual(static_cast<Str*>(kw), name))) {
        names.push_back(Utf8(name));
        break;
      }
    }
  }
  if (names.empty()) return false;
  std::string list;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) list += ", ";
    list += names[i];
  }
  SetErrorF(&TypeErrorType,
            "%s() got some positional-only arguments passed as keyword arguments: '%s'",
            Qualname(func).c_str(), list.c_str());
  return true;
}

// Fills the parameters of a fresh frame from `nargs` positional arguments in `args` followed by
// the values of the `nkw` keywords named in `kwnames`. False with the error set.
bool BindArguments(Function* func, Code* code, Object** locals, Object* const* args, size_t nargs,
                   Object* const* kwnames, int64_t nkw) {
  int argcount = code->argcount;
  int total_args = argcount + code->kwonlyargcount;
  Dict* kwdict = nullptr;
  if (code->flags & bytecode::kVarkeywords) {
    Ref<Dict> d = NewDict();
    if (!d) return false;
    kwdict = d.get();
    locals[total_args + ((code->flags & bytecode::kVarargs) ? 1 : 0)] = d.release();
  }
  size_t n = nargs < static_cast<size_t>(argcount) ? nargs : static_cast<size_t>(argcount);
  for (size_t i = 0; i < n; ++i) {
    Incref(args[i]);
    locals[i] = args[i];
  }
  if (code->flags & bytecode::kVarargs) {
    Ref<Tuple> rest = nargs > n ? NewTupleFromArray(args + n, static_cast<int64_t>(nargs - n))
                                : NewTuple(0);
    if (!rest) return false;
    locals[total_args] = rest.release();
  }
  if (nkw > 0) {
    for (int64_t k = 0; k < nkw; ++k) {
      Object* keyword = kwnames[k];
      Object* value = args[nargs + k];
      if (!IsStr(keyword)) {
        SetErrorF(&TypeErrorType, "%s() keywords must be strings", Qualname(func).c_str());
        return false;
      }
      int j = -1;
      for (int i = code->posonlyargcount; i < total_args; ++i) {
        if (VarName(code, i) == keyword) {
          j = i;
          break;
        }
      }
      if (j < 0) {
        for (int i = code->posonlyargcount; i < total_args; ++i) {
          if (StrEqual(VarName(code, i), static_cast<Str*>(keyword))) {
            j = i;
            break;
          }
        }
      }
      if (j < 0) {
        if (kwdict == nullptr) {
          if (code->posonlyargcount > 0 &&
              PositionalOnlyPassedAsKeyword(func, code, kwnames, nkw)) {
            return false;
          }
          SetErrorF(&TypeErrorType, "%s() got an unexpected keyword argument '%s'",
                    Qualname(func).c_str(), Utf8(keyword).c_str());
          return false;
        }
        if (DictSetItem(kwdict, keyword, value) < 0) return false;
        continue;
      }
      if (locals[j] != nullptr) {
        SetErrorF(&TypeErrorType, "%s() got multiple values for argument '%s'",
                  Qualname(func).c_str(), Utf8(keyword).c_str());
        return false;
      }
      Incref(value);
      locals[j] = value;
    }
  }
  if (nargs > static_cast<size_t>(argcount) && !(code->flags & bytecode::kVarargs)) {
    TooManyPositional(func, code, locals, nargs);
    return false;
  }
  if (nargs < static_cast<size_t>(argcount)) {
    Tuple* defaults = static_cast<Tuple*>(func->defaults);
    int64_t defcount = defaults ? defaults->size : 0;
    int64_t m = argcount - defcount;
    int missing = 0;
    for (int64_t i = static_cast<int64_t>(nargs); i < m; ++i) missing += locals[i] == nullptr;
    if (missing > 0) {
      MissingArguments(func, code, locals, 0, static_cast<int>(m), "positional");
      return false;
    }
    int64_t i = static_cast<int64_t>(n) > m ? static_cast<int64_t>(n) - m : 0;
    for (; i < defcount; ++i) {
      if (locals[m + i] == nullptr) {
        Incref(defaults->items[i]);
        locals[m + i] = defaults->items[i];
      }
    }
  }
  if (code->kwonlyargcount > 0) {
    int missing = 0;
    for (int i = argcount; i < total_args; ++i) {
      if (locals[i] != nullptr) continue;
      if (func->kwdefaults != nullptr) {
        Object* def = DictGetItemStr(static_cast<Dict*>(func->kwdefaults), VarName(code, i));
        if (def != nullptr) {
          Incref(def);
          locals[i] = def;
          continue;
        }
        if (ErrorOccurred()) return false;
      }
      ++missing;
    }
    if (missing > 0) {
      MissingArguments(func, code, locals, argcount, total_args, "keyword-only");
      return false;
    }
  }
  return true;
}

// Binds the arguments into the fresh frame `f`; releases it and returns null on failure.
Frame* BindOrRelease(Frame* f, Function* func, Object* const* args, size_t nargs,
                     Object* const* kwnames, int64_t nkw) {
  if (!BindArguments(func, static_cast<Code*>(func->code), f->localsplus, args, nargs, kwnames,
                     nkw)) {
    ReleaseFrame(f);
    return nullptr;
  }
  return f;
}

}  // namespace

Frame* MakeFrameForCall(Function* func, Object* const* args, size_t nargs, Tuple* kwnames) {
  Code* code = static_cast<Code*>(func->code);
  Frame* f = NewFrame(code, func, func->globals, func->builtins, nullptr);
  if (f == nullptr) return nullptr;
  constexpr uint32_t kComplex = bytecode::kVarargs | bytecode::kVarkeywords;
  if (kwnames == nullptr && nargs == static_cast<size_t>(code->argcount) &&
      code->kwonlyargcount == 0 && (code->flags & kComplex) == 0) {
    for (size_t i = 0; i < nargs; ++i) {
      Incref(args[i]);
      f->localsplus[i] = args[i];
    }
    return f;
  }
  if (kwnames == nullptr) return BindOrRelease(f, func, args, nargs, nullptr, 0);
  return BindOrRelease(f, func, args, nargs, kwnames->items, kwnames->size);
}

Frame* MakeFrameForCallEx(Function* func, Object* callargs, Object* kwargs) {
  Ref<Tuple> args;
  Ref<Dict> kw;
  if (!PrepareCallEx(func, callargs, kwargs, &args, &kw)) return nullptr;
  if (!kw) return MakeFrameForCall(func, args->items, static_cast<size_t>(args->size), nullptr);
  // The keywords go straight from the dict to the parameters (no kwnames tuple). The dict is
  // ours (PrepareCallEx made it or the caller's stack holds it) and binding runs no Python code,
  // so its keys and values stay alive.
  int64_t npos = args->size, nkw = DictSize(kw.get());
  constexpr int64_t kSmall = 16;  // fixed buffers cover nearly every call
  Object* small_values[kSmall];
  Object* small_names[kSmall];
  std::vector<Object*> big_values, big_names;
  Object** values = small_values;
  Object** names = small_names;
  if (npos + nkw > kSmall) {
    big_values.resize(static_cast<size_t>(npos + nkw));
    big_names.resize(static_cast<size_t>(nkw));
    values = big_values.data();
    names = big_names.data();
  }
  for (int64_t i = 0; i < npos; ++i) values[i] = args->items[i];
  int64_t pos = 0, k = 0;
  Object *key, *value;
  while (k < nkw && DictNext(kw.get(), &pos, &key, &value)) {
    names[k] = key;
    values[npos + k] = value;
    ++k;
  }
  Code* code = static_cast<Code*>(func->code);
  Frame* f = NewFrame(code, func, func->globals, func->builtins, nullptr);
  if (f == nullptr) return nullptr;
  return BindOrRelease(f, func, values, static_cast<size_t>(npos), names, k);
}

bool frame_taken_by_generator = false;

Ref<> RunFrame(Frame* f) {
  Ref<> r = EvalFrame(f, false);
  if (frame_taken_by_generator) {
    frame_taken_by_generator = false;
    return r;
  }
  ReleaseFrame(f);
  return r;
}

Ref<> FunctionCall(Object* func, Object* const* args, size_t nargs, Tuple* kwnames) {
  Frame* f = MakeFrameForCall(static_cast<Function*>(func), args, nargs, kwnames);
  if (f == nullptr) return nullptr;
  return RunFrame(f);
}

Ref<> EvalCode(Code* code, Object* globals, Object* locals) {
  if (globals == nullptr || !IsDict(globals)) {
    SetError(&SystemErrorType, "globals must be a dict");
    return nullptr;
  }
  if (locals == nullptr) locals = globals;
  Dict* g = static_cast<Dict*>(globals);
  Str* key = InternStr("__builtins__");
  Object* builtins = DictGetItemStr(g, key);
  if (builtins == nullptr) {
    if (ErrorOccurred()) return nullptr;
    // As exec() does: code run in fresh globals sees the interpreter's builtins.
    Object* module = interp->builtins_module;
    if (module != nullptr && DictSetItemStr(g, key, module) < 0) return nullptr;
    builtins = interp->builtins;
  } else if (builtins->type == &ModuleType) {
    builtins = ModuleDict(builtins);
  }
  if (builtins == nullptr || !IsDict(builtins)) builtins = interp->builtins;
  Frame* f = NewFrame(code, nullptr, globals, builtins, locals);
  if (f == nullptr) return nullptr;
  return RunFrame(f);
}

Object* CurrentGlobals() { return ts->frame != nullptr ? ts->frame->globals : nullptr; }

Object* CurrentBuiltins() {
  return ts->frame != nullptr ? ts->frame->builtins : interp->builtins;
}

Ref<> CurrentLocals() {
  if (ts->frame == nullptr) {
    SetError(&SystemErrorType, "locals(): no current frame");
    return nullptr;
  }
  return FrameLocals(ts->frame);
}

Frame* CurrentFrame() { return ts->frame; }

}  // namespace pyrite::vm
