// The sys module: interpreter-wide values (argv, path, modules, version, flags, limits), the
// standard streams, and the functions of CPython 3.11's Python/sysmodule.c that the VM can
// support today.
#include <unistd.h>

#include <climits>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "python/builtins/builtins.h"
#include "python/builtins/builtins_internal.h"
#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/eval.h"
#include "python/vm/frame.h"
#include "python/vm/gc.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/exceptions.h"
#include "python/vm/objects/float.h"
#include "python/vm/objects/int.h"
#include "python/vm/objects/list.h"
#include "python/vm/objects/module.h"
#include "python/vm/objects/singletons.h"
#include "python/vm/objects/str.h"
#include "python/vm/objects/tuple.h"
#include "python/vm/runtime.h"

namespace pyrite::builtins {

using namespace vm;  // NOLINT: this file is all VM objects

namespace {

Type VersionInfoType;
Type FlagsType;
Type FloatInfoType;
Type IntInfoType;
Type HashInfoType;

const char* const kFloatInfoFields[] = {"max",     "max_exp",    "max_10_exp", "min",
                                        "min_exp", "min_10_exp", "dig",        "mant_dig",
                                        "epsilon", "radix",      "rounds"};
const char* const kIntInfoFields[] = {"bits_per_digit", "sizeof_digit", "default_max_str_digits",
                                      "str_digits_check_threshold"};
const char* const kHashInfoFields[] = {"width",     "modulus",   "inf",       "nan",   "imag",
                                       "algorithm", "hash_bits", "seed_bits", "cutoff"};

const char* const kVersionInfoFields[] = {"major", "minor", "micro", "releaselevel", "serial"};
const char* const kFlagsFields[] = {"debug",
                                    "inspect",
                                    "interactive",
                                    "optimize",
                                    "dont_write_bytecode",
                                    "no_user_site",
                                    "no_site",
                                    "ignore_environment",
                                    "verbose",
                                    "bytes_warning",
                                    "quiet",
                                    "hash_randomization",
                                    "isolated",
                                    "dev_mode",
                                    "utf8_mode",
                                    "warn_default_encoding",
                                    "safe_path",
                                    "int_max_str_digits"};

constexpr const char* kVersion = "3.11.2 (main, Pyrite) [C++20]";
constexpr int64_t kHexVersion = 0x030B02F0;

// --- functions ------------------------------------------------------------------------------

Ref<> SysExit(Object*, Object* const* args, size_t nargs, Tuple*) {
  if (!CheckPositional("exit", nargs, 0, 1)) return nullptr;
  Ref<> exc = NewException(&SystemExitType, args, nargs);
  if (!exc) return nullptr;
  RestoreError(std::move(exc));
  return nullptr;
}

Ref<> SysGetrecursionlimit(Object*, Object* const*, size_t, Tuple*) {
  return NewInt(ts->recursion_limit);
}

Ref<> SysSetrecursionlimit(Object*, Object* const* args, size_t, Tuple*) {
  if (IsFloat(args[0])) {
    SetError(&TypeErrorType, "'float' object cannot be interpreted as an integer");
    return nullptr;
  }
  int64_t limit;
  if (!AsSsize(args[0], &OverflowErrorType, &limit)) return nullptr;
  if (limit > INT_MAX) {
    SetError(&OverflowErrorType, "Python int too large to convert to C int");
    return nullptr;
  }
  if (limit < 1) {
    SetError(&ValueErrorType, "recursion limit must be greater or equal than 1");
    return nullptr;
  }
  if (limit <= ts->recursion_depth) {
    SetErrorF(&RecursionErrorType,
              "cannot set the recursion limit to %lld at the recursion depth %d: the limit is "
              "too low",
              static_cast<long long>(limit), ts->recursion_depth);
    return nullptr;
  }
  ts->recursion_limit = static_cast<int>(limit);
  return NewNone();
}

// The exception being handled: the innermost non-empty handled-exception entry.
Object* HandledException() {
  for (ExcInfo* e = ts->exc_info; e != nullptr; e = e->previous) {
    if (e->exc != nullptr && e->exc != None()) return e->exc;
  }
  return nullptr;
}

Ref<> SysExcInfo(Object*, Object* const*, size_t, Tuple*) {
  Object* exc = HandledException();
  if (exc == nullptr) return NewTupleFrom({None(), None(), None()});
  Object* tb = static_cast<BaseExceptionObject*>(exc)->traceback;
  return NewTupleFrom({exc->type, exc, tb != nullptr ? tb : None()});
}

Ref<> SysException(Object*, Object* const*, size_t, Tuple*) {
  Object* exc = HandledException();
  return NewRef(exc != nullptr ? exc : None());
}

Ref<> SysIntern(Object*, Object* const* args, size_t, Tuple*) {
  if (!IsExactStr(args[0])) {
    SetErrorF(&TypeErrorType, "intern() argument must be str, not %s", TypeNameOf(args[0]));
    return nullptr;
  }
  Ref<Str> s = NewRef(static_cast<Str*>(args[0]));
  InternInPlace(s);
  return s;
}

Ref<> SysDisplayhook(Object*, Object* const* args, size_t, Tuple*) {
  Object* o = args[0];
  if (o == None()) return NewNone();
  auto* builtins = static_cast<Dict*>(interp->builtins);
  if (DictSetItemUtf8(builtins, "_", None()) < 0) return nullptr;
  Object* out = SysGetObject("stdout");
  if (out == nullptr || out == None()) {
    SetError(&RuntimeErrorType, "lost sys.stdout");
    return nullptr;
  }
  if (!FileWriteObject(out, o, false)) return nullptr;
  if (!FileWriteString(out, "\n")) return nullptr;
  if (DictSetItemUtf8(builtins, "_", o) < 0) return nullptr;
  return NewNone();
}

Ref<> SysGetsizeof(Object*, Object* const* args, size_t nargs, Tuple*) {
  if (!CheckPositional("getsizeof", nargs, 1, 2)) return nullptr;
  Object* o = args[0];
  int64_t size;
  Ref<> method = LookupSpecial(o, InternStr("__sizeof__"));
  if (method) {
    Ref<> r = CallNoArgs(method.get());
    if (!r) return nullptr;
    if (!IsInt(r.get())) {
      SetError(&TypeErrorType, "an integer is required");
      return nullptr;
    }
    if (!AsSsize(r.get(), &OverflowErrorType, &size)) return nullptr;
    if (size < 0) {
      SetError(&ValueErrorType, "__sizeof__() should return >= 0");
      return nullptr;
    }
  } else {
    if (ErrorOccurred()) return nullptr;
    size = static_cast<int64_t>(o->type->varsize != nullptr ? o->type->varsize(o)
                                                            : o->type->basicsize);
  }
  if (HasFlag(o->type, kHaveGc)) size += static_cast<int64_t>(sizeof(GcHead));
  return NewInt(size);
}

Ref<> SysGetframe(Object*, Object* const* args, size_t nargs, Tuple*) {
  if (!CheckPositional("_getframe", nargs, 0, 1)) return nullptr;
  int64_t depth = 0;
  if (nargs == 1 && !AsSsize(args[0], &OverflowErrorType, &depth)) return nullptr;
  Frame* f = CurrentFrame();
  while (f != nullptr && depth > 0) {
    f = f->previous;
    --depth;
  }
  if (f == nullptr) {
    SetError(&ValueErrorType, "call stack is not deep enough");
    return nullptr;
  }
  Object* fo = GetFrameObject(f);
  if (fo == nullptr) return nullptr;
  return NewRef(fo);
}

Ref<> SysGetrefcount(Object*, Object* const* args, size_t, Tuple*) {
  return NewInt(static_cast<int64_t>(args[0]->refcnt));
}

Ref<> SysGetIntMaxStrDigits(Object*, Object* const*, size_t, Tuple*) {
  return NewInt(vm::int_max_str_digits);
}

Ref<> SysSetIntMaxStrDigits(Object*, Object* const* args, size_t nargs, Tuple* kwnames) {
  static const Params kParams{"set_int_max_str_digits", {"maxdigits"}, 0, 1};
  Object* a[1];
  if (!ParseArgs(kParams, args, nargs, kwnames, a)) return nullptr;
  int64_t v;
  if (!AsSsize(a[0], &OverflowErrorType, &v)) return nullptr;
  if (v != 0 && v < 640) {
    SetError(&ValueErrorType, "maxdigits must be 0 or larger than 640");
    return nullptr;
  }
  vm::int_max_str_digits = v;
  return NewNone();
}

Ref<> SysGetdefaultencoding(Object*, Object* const*, size_t, Tuple*) { return NewStr("utf-8"); }
Ref<> SysGetfilesystemencoding(Object*, Object* const*, size_t, Tuple*) { return NewStr("utf-8"); }
Ref<> SysGetfilesystemencodeerrors(Object*, Object* const*, size_t, Tuple*) {
  return NewStr("surrogateescape");
}

// Tracing and profiling hooks are stored but not called yet (the eval loop has no trace
// support); gettrace/getprofile return what was set.
Object* trace_func = nullptr;
Object* profile_func = nullptr;
Ref<> SetHook(Object** slot, Object* value) {
  Object* old = *slot;
  *slot = value == None() ? nullptr : NewRef(value).release();
  Xdecref(old);
  return NewNone();
}
Ref<> SysSettrace(Object*, Object* const* args, size_t, Tuple*) {
  return SetHook(&trace_func, args[0]);
}
Ref<> SysGettrace(Object*, Object* const*, size_t, Tuple*) {
  return NewRef(trace_func != nullptr ? trace_func : None());
}
Ref<> SysSetprofile(Object*, Object* const* args, size_t, Tuple*) {
  return SetHook(&profile_func, args[0]);
}
Ref<> SysGetprofile(Object*, Object* const*, size_t, Tuple*) {
  return NewRef(profile_func != nullptr ? profile_func : None());
}
Ref<> SysAudit(Object*, Object* const*, size_t nargs, Tuple*) {
  if (nargs < 1) {
    SetError(&TypeErrorType, "audit() missing 1 required positional argument: 'event'");
    return nullptr;
  }
  return NewNone();
}
Ref<> SysAddaudithook(Object*, Object* const*, size_t, Tuple*) { return NewNone(); }

Ref<> SysIsFinalizing(Object*, Object* const*, size_t, Tuple*) { return NewBool(false); }

const MethodDef kSysFunctions[] = {
    {"exit", &SysExit, kMethFastcall},
    {"getrecursionlimit", &SysGetrecursionlimit, kMethNoArgs},
    {"setrecursionlimit", &SysSetrecursionlimit, kMethO},
    {"exc_info", &SysExcInfo, kMethNoArgs},
    {"exception", &SysException, kMethNoArgs},
    {"intern", &SysIntern, kMethO},
    {"displayhook", &SysDisplayhook, kMethO},
    {"excepthook", &SysExcepthook, kMethFastcall},
    {"getsizeof", &SysGetsizeof, kMethFastcall},
    {"_getframe", &SysGetframe, kMethFastcall},
    {"getrefcount", &SysGetrefcount, kMethO},
    {"get_int_max_str_digits", &SysGetIntMaxStrDigits, kMethNoArgs},
    {"set_int_max_str_digits", &SysSetIntMaxStrDigits, kMethKeywords},
    {"getdefaultencoding", &SysGetdefaultencoding, kMethNoArgs},
    {"getfilesystemencoding", &SysGetfilesystemencoding, kMethNoArgs},
    {"getfilesystemencodeerrors", &SysGetfilesystemencodeerrors, kMethNoArgs},
    {"is_finalizing", &SysIsFinalizing, kMethNoArgs},
    {"settrace", &SysSettrace, kMethO},
    {"gettrace", &SysGettrace, kMethNoArgs},
    {"setprofile", &SysSetprofile, kMethO},
    {"getprofile", &SysGetprofile, kMethNoArgs},
    {"audit", &SysAudit, kMethFastcall},
    {"addaudithook", &SysAddaudithook, kMethO},
    {nullptr, nullptr, 0},
};

// --- values ---------------------------------------------------------------------------------

Ref<> StrList(const std::vector<std::string>& items) {
  Ref<List> list = NewList();
  if (!list) return nullptr;
  for (const std::string& s : items) {
    Ref<> item = NewStr(s);
    if (!item || !ListAppend(list.get(), item.get())) return nullptr;
  }
  return list;
}

std::string Dirname(const std::string& path) {
  size_t slash = path.rfind('/');
  if (slash == std::string::npos) return "";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

// sys.path[0]: the script's directory (absolute, symlinks resolved as CPython does), or '' for
// -c, - and the REPL.
std::string ScriptDir(const std::vector<std::string>& argv) {
  if (argv.empty() || argv[0].empty() || argv[0] == "-c" || argv[0] == "-" || argv[0] == "-m") {
    return "";
  }
  char* real = ::realpath(argv[0].c_str(), nullptr);
  std::string path = real != nullptr ? std::string(real) : argv[0];
  std::free(real);
  return Dirname(path);
}

std::string Executable() {
  char buf[4096];
  ssize_t n = ::readlink("/proc/self/exe", buf, sizeof buf - 1);
  if (n <= 0) return "";
  return std::string(buf, static_cast<size_t>(n));
}

bool Set(Dict* d, const char* name, Ref<> value) {
  if (!value) return false;
  return DictSetItemUtf8(d, name, value.get()) == 0;
}

Ref<> MakeVersionInfo() {
  Ref<> items[5] = {NewInt(3), NewInt(11), NewInt(2), NewStr("final"), NewInt(0)};
  for (auto& i : items) {
    if (!i) return nullptr;
  }
  return NewStructSeq(&VersionInfoType, items, 5);
}

Ref<> MakeFlags() {
  constexpr int n = static_cast<int>(std::size(kFlagsFields));
  Ref<> items[n];
  for (int i = 0; i < n; ++i) {
    std::string_view f = kFlagsFields[i];
    if (f == "dev_mode") {
      items[i] = NewBool(false);
    } else if (f == "safe_path") {
      items[i] = NewBool(runtime_flags.safe_path);
    } else if (f == "optimize") {
      items[i] = NewInt(runtime_flags.optimize);
    } else if (f == "dont_write_bytecode") {
      items[i] = NewInt(runtime_flags.dont_write_bytecode ? 1 : 0);
    } else if (f == "ignore_environment") {
      items[i] = NewInt(runtime_flags.ignore_environment || runtime_flags.isolated ? 1 : 0);
    } else if (f == "isolated" || f == "no_user_site") {
      items[i] = NewInt(runtime_flags.isolated ? 1 : 0);
    } else if (f == "hash_randomization") {
      items[i] = NewInt(1);
    } else if (f == "int_max_str_digits") {
      items[i] = NewInt(-1);
    } else {
      items[i] = NewInt(0);
    }
    if (!items[i]) return nullptr;
  }
  return NewStructSeq(&FlagsType, items, n);
}

Ref<> MakeFloatInfo() {
  Ref<> items[11] = {NewFloat(1.7976931348623157e+308),
                     NewInt(1024),
                     NewInt(308),
                     NewFloat(2.2250738585072014e-308),
                     NewInt(-1021),
                     NewInt(-307),
                     NewInt(15),
                     NewInt(53),
                     NewFloat(2.220446049250313e-16),
                     NewInt(2),
                     NewInt(1)};
  for (auto& i : items) {
    if (!i) return nullptr;
  }
  return NewStructSeq(&FloatInfoType, items, 11);
}

Ref<> MakeIntInfo() {
  Ref<> items[4] = {NewInt(30), NewInt(4), NewInt(4300), NewInt(640)};
  for (auto& i : items) {
    if (!i) return nullptr;
  }
  return NewStructSeq(&IntInfoType, items, 4);
}

Ref<> MakeHashInfo() {
  Ref<> items[9] = {NewInt(64),      NewInt(2305843009213693951), NewInt(314159), NewInt(0),
                    NewInt(1000003), NewStr("siphash13"),         NewInt(64),     NewInt(128),
                    NewInt(0)};
  for (auto& i : items) {
    if (!i) return nullptr;
  }
  return NewStructSeq(&HashInfoType, items, 9);
}

Ref<> MakeImplementation(Object* version_info) {
  Ref<Dict> d = NewDict();
  if (!d) return nullptr;
  if (!Set(d.get(), "name", NewStr("pyrite")) || !Set(d.get(), "cache_tag", NewStr("pyrite-311")) ||
      !Set(d.get(), "version", NewRef(version_info)) ||
      !Set(d.get(), "hexversion", NewInt(kHexVersion)) ||
      !Set(d.get(), "_multiarch", NewStr("x86_64-linux-gnu"))) {
    return nullptr;
  }
  return NewNamespace(d.get());
}

Ref<> BuiltinModuleNames() {
  static const char* const kNames[] = {"_weakref", "builtins", "gc", "sys", "weakref"};
  Ref<Tuple> t = NewTuple(static_cast<int64_t>(std::size(kNames)));
  if (!t) return nullptr;
  for (size_t i = 0; i < std::size(kNames); ++i) {
    Ref<> s = NewStr(kNames[i]);
    if (!s) return nullptr;
    TupleInit(t.get(), static_cast<int64_t>(i), std::move(s));
  }
  return t;
}

bool types_ready = false;

}  // namespace

bool InstallSys(const std::vector<std::string>& argv) {
  if (!types_ready) {
    if (!InitStdioType() || !InitNamespaceType()) return false;
    if (!InitStructSeqType(&VersionInfoType, {"sys.version_info", kVersionInfoFields,
                                              static_cast<int>(std::size(kVersionInfoFields))}) ||
        !InitStructSeqType(
            &FlagsType, {"sys.flags", kFlagsFields, static_cast<int>(std::size(kFlagsFields))}) ||
        !InitStructSeqType(&FloatInfoType, {"sys.float_info", kFloatInfoFields,
                                            static_cast<int>(std::size(kFloatInfoFields))}) ||
        !InitStructSeqType(&IntInfoType, {"sys.int_info", kIntInfoFields,
                                          static_cast<int>(std::size(kIntInfoFields))}) ||
        !InitStructSeqType(&HashInfoType, {"sys.hash_info", kHashInfoFields,
                                           static_cast<int>(std::size(kHashInfoFields))})) {
      return false;
    }
    types_ready = true;
  }
  Ref<Module> module = NewModule("sys");
  if (!module) return false;
  if (!AddFunctions(module.get(), kSysFunctions)) return false;
  auto* d = static_cast<Dict*>(ModuleDict(module.get()));

  if (interp->modules == nullptr) {
    Ref<Dict> modules = NewDict();
    if (!modules) return false;
    interp->modules = modules.release();
  }
  interp->argv = argv;
  std::vector<std::string> args = argv;
  if (args.empty()) args.push_back("");
  std::vector<std::string> path;
  if (!runtime_flags.safe_path) path.push_back(ScriptDir(argv));
  path.insert(path.end(),
              {"/usr/lib/python311.zip", "/usr/lib/python3.11", "/usr/lib/python3.11/lib-dynload",
               "/usr/local/lib/python3.11/dist-packages", "/usr/lib/python3/dist-packages",
               "/usr/lib/python3.11/dist-packages"});
  Ref<> version_info = MakeVersionInfo();
  if (!version_info) return false;
  Ref<> out = NewStdStream(1, "w", "<stdout>", "strict", runtime_flags.unbuffered);
  Ref<> err = NewStdStream(2, "w", "<stderr>", "backslashreplace", runtime_flags.unbuffered);
  Ref<> in = NewStdStream(0, "r", "<stdin>", "strict");
  if (!out || !err || !in) return false;
  std::string exe = Executable();
  if (!Set(d, "argv", StrList(args)) || !Set(d, "orig_argv", StrList(args)) ||
      !Set(d, "path", StrList(path)) || !Set(d, "modules", NewRef(interp->modules)) ||
      !Set(d, "stdout", out) || !Set(d, "stderr", err) || !Set(d, "stdin", in) ||
      !Set(d, "__stdout__", out) || !Set(d, "__stderr__", err) || !Set(d, "__stdin__", in) ||
      !Set(d, "version", NewStr(kVersion)) || !Set(d, "version_info", version_info) ||
      !Set(d, "hexversion", NewInt(kHexVersion)) ||
      !Set(d, "implementation", MakeImplementation(version_info.get())) ||
      !Set(d, "platform", NewStr("linux")) || !Set(d, "byteorder", NewStr("little")) ||
      !Set(d, "maxsize", NewInt(INT64_MAX)) || !Set(d, "maxunicode", NewInt(0x10FFFF)) ||
      !Set(d, "executable", NewStr(exe)) || !Set(d, "_base_executable", NewStr(exe)) ||
      !Set(d, "prefix", NewStr("/usr")) || !Set(d, "base_prefix", NewStr("/usr")) ||
      !Set(d, "exec_prefix", NewStr("/usr")) || !Set(d, "base_exec_prefix", NewStr("/usr")) ||
      !Set(d, "platlibdir", NewStr("lib")) || !Set(d, "flags", MakeFlags()) ||
      !Set(d, "float_info", MakeFloatInfo()) || !Set(d, "int_info", MakeIntInfo()) ||
      !Set(d, "hash_info", MakeHashInfo()) ||
      !Set(d, "dont_write_bytecode", NewBool(runtime_flags.dont_write_bytecode)) ||
      !Set(d, "builtin_module_names", BuiltinModuleNames()) || !Set(d, "warnoptions", NewList()) ||
      !Set(d, "_xoptions", NewDict()) || !Set(d, "meta_path", NewList()) ||
      !Set(d, "path_hooks", NewList()) || !Set(d, "path_importer_cache", NewDict()) ||
      !Set(d, "pycache_prefix", NewNone()) || !Set(d, "api_version", NewInt(1013)) ||
      !Set(d, "float_repr_style", NewStr("short")) ||
      !Set(d, "copyright",
           NewStr("Copyright (c) Pyrite authors; Python is Copyright (c) "
                  "2001-2023 Python Software Foundation."))) {
    return false;
  }
  // The original hooks (sys.__displayhook__, sys.__excepthook__).
  Object* hook = DictGetItemUtf8(d, "displayhook");
  if (hook != nullptr && DictSetItemUtf8(d, "__displayhook__", hook) < 0) return false;
  hook = DictGetItemUtf8(d, "excepthook");
  if (hook != nullptr && DictSetItemUtf8(d, "__excepthook__", hook) < 0) return false;

  if (DictSetItemUtf8(static_cast<Dict*>(interp->modules), "sys", module.get()) < 0) {
    return false;
  }
  if (interp->builtins_module != nullptr &&
      DictSetItemUtf8(static_cast<Dict*>(interp->modules), "builtins", interp->builtins_module) <
          0) {
    return false;
  }
  Xdecref(interp->sys);
  interp->sys = module.release();
  return true;
}

}  // namespace pyrite::builtins
