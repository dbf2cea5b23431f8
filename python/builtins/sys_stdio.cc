// sys.stdin, sys.stdout and sys.stderr: a small text stream over a file descriptor standing in for
// io.TextIOWrapper until the _io module exists. UTF-8 only. Buffering follows CPython's choices:
// stdout is block-buffered (8 KiB) unless it is a terminal (then line-buffered), stderr writes
// through, stdin reads in chunks and splits lines itself. Also the helpers the rest of
// python/builtins uses to write to file objects (print, tracebacks).
#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>
#include <string_view>

#include "absl/strings/str_cat.h"
#include "python/builtins/builtins_internal.h"
#include "python/vm/abstract.h"
#include "python/vm/args.h"
#include "python/vm/error.h"
#include "python/vm/gc.h"
#include "python/vm/objects/bytes.h"
#include "python/vm/objects/dict.h"
#include "python/vm/objects/exceptions.h"
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

constexpr size_t kBufferSize = 8192;

struct StdStream : Object {
  int fd = -1;
  bool readable = false;
  bool writable = false;
  bool closed = false;
  bool line_buffering = false;
  bool write_through = false;
  bool eof = false;
  // Two layers as io.TextIOWrapper over io.BufferedWriter: text waits in `pending` until a
  // flush, a newline under line buffering or 8 KiB; `wbuf` is the binary buffer that
  // sys.stdout.buffer writes to directly (so bytes can overtake pending text, as in CPython).
  std::string pending;
  std::string wbuf;
  std::string rbuf;
  Object* name = nullptr;    // Str, owned
  Object* mode = nullptr;    // Str, owned
  Object* errors = nullptr;  // Str, owned
};

Type StdStreamType;
bool stdio_ready = false;

StdStream* AsStream(Object* o) { return static_cast<StdStream*>(o); }

void SetOSError(int err) {
  Ref<> code = NewInt(err);
  Ref<> msg = NewStr(std::strerror(err));
  if (!code || !msg) return;
  Object* args[2] = {code.get(), msg.get()};
  Ref<> exc = NewException(&OSErrorType, args, 2);
  if (!exc) return;
  RestoreError(std::move(exc));
}

// Writes the binary buffer to the descriptor; false with OSError set.
bool FlushBinary(StdStream* s) {
  size_t done = 0;
  while (done < s->wbuf.size()) {
    ssize_t n = ::write(s->fd, s->wbuf.data() + done, s->wbuf.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      s->wbuf.clear();
      SetOSError(err);
      return false;
    }
    done += static_cast<size_t>(n);
  }
  s->wbuf.clear();
  return true;
}

// Moves pending text to the binary buffer and writes everything out.
bool FlushStream(StdStream* s) {
  s->wbuf += s->pending;
  s->pending.clear();
  return FlushBinary(s);
}

// Binary-layer write (sys.stdout.buffer.write).
bool BinaryWrite(StdStream* s, std::string_view data) {
  if (s->closed) {
    SetError(&ValueErrorType, "write to closed file");
    return false;
  }
  s->wbuf.append(data);
  if (s->write_through || s->wbuf.size() >= kBufferSize) return FlushBinary(s);
  return true;
}

bool CheckOpen(StdStream* s) {
  if (s->closed) {
    SetError(&ValueErrorType, "I/O operation on closed file.");
    return false;
  }
  return true;
}

bool StreamWrite(StdStream* s, std::string_view text) {
  if (!CheckOpen(s)) return false;
  if (!s->writable) {
    SetError(&OSErrorType, "not writable");  // io.UnsupportedOperation in CPython
    return false;
  }
  s->pending.append(text);
  if (s->write_through || (s->line_buffering && text.find('\n') != std::string_view::npos)) {
    return FlushStream(s);
  }
  if (s->pending.size() >= kBufferSize) {
    s->wbuf += s->pending;
    s->pending.clear();
    if (s->wbuf.size() >= kBufferSize) return FlushBinary(s);
  }
  return true;
}

void StreamDealloc(Object* o) {
  StdStream* s = AsStream(o);
  if (!s->wbuf.empty() || !s->pending.empty()) {
    Ref<> saved = FetchError();
    if (!FlushStream(s)) ClearError();
    RestoreError(std::move(saved));
  }
  Xdecref(s->name);
  Xdecref(s->mode);
  Xdecref(s->errors);
  s->~StdStream();
  FreeObject(o);
}

Ref<> StreamRepr(Object* o) {
  StdStream* s = AsStream(o);
  Ref<> name = Repr(s->name);
  if (!name) return nullptr;
  std::string text = "<_io.TextIOWrapper name=";
  text += StrUtf8(static_cast<Str*>(name.get()));
  text += " mode='";
  text += StrUtf8(static_cast<Str*>(s->mode));
  text += "' encoding='utf-8'>";
  return NewStr(text);
}

// Encodes a str for the stream: UTF-8, with lone surrogates raising UnicodeEncodeError under
// "strict" and written as \udXXX under "backslashreplace" (stderr), as CPython's codecs do.
bool WriteStr(StdStream* s, Str* str) {
  if (str->kind == 1) return StreamWrite(s, StrUtf8(str));
  auto is_surrogate = [](char32_t c) { return c >= 0xD800 && c <= 0xDFFF; };
  int64_t first = -1;
  for (int64_t i = 0; i < str->length; ++i) {
    if (is_surrogate(StrAt(str, i))) {
      first = i;
      break;
    }
  }
  if (first < 0) return StreamWrite(s, StrUtf8(str));
  std::string_view errors = StrUtf8(static_cast<Str*>(s->errors));
  if (errors != "backslashreplace" && errors != "surrogateescape") {
    int64_t end = first;
    while (end < str->length && is_surrogate(StrAt(str, end))) ++end;
    Ref<> enc = NewStr("utf-8");
    Ref<> start_obj = NewInt(first);
    Ref<> end_obj = NewInt(end);
    Ref<> reason = NewStr("surrogates not allowed");
    if (!enc || !start_obj || !end_obj || !reason) return false;
    Object* args[5] = {enc.get(), str, start_obj.get(), end_obj.get(), reason.get()};
    Ref<> exc = NewException(&UnicodeEncodeErrorType, args, 5);
    if (!exc) return false;
    RestoreError(std::move(exc));
    return false;
  }
  std::string out;
  for (int64_t i = 0; i < str->length; ++i) {
    char32_t c = StrAt(str, i);
    if (is_surrogate(c)) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
      out += buf;
    } else if (c < 0x80) {
      out += static_cast<char>(c);
    } else if (c < 0x800) {
      out += static_cast<char>(0xC0 | (c >> 6));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      out += static_cast<char>(0xE0 | (c >> 12));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
      out += static_cast<char>(0xF0 | (c >> 18));
      out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
      out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
      out += static_cast<char>(0x80 | (c & 0x3F));
    }
  }
  return StreamWrite(s, out);
}

// --- methods --------------------------------------------------------------------------------

Ref<> StreamWriteMethod(Object* self, Object* const* args, size_t, Tuple*) {
  Object* text = args[0];
  if (!IsStr(text)) {
    SetErrorF(&TypeErrorType, "write() argument must be str, not %s", TypeNameOf(text));
    return nullptr;
  }
  auto* str = static_cast<Str*>(text);
  if (!WriteStr(AsStream(self), str)) return nullptr;
  return NewInt(str->length);
}

Ref<> StreamWritelinesMethod(Object* self, Object* const* args, size_t, Tuple*) {
  Ref<> it = GetIter(args[0]);
  if (!it) return nullptr;
  for (;;) {
    Ref<> line = IterNext(it.get());
    if (!line) {
      if (ErrorOccurred()) return nullptr;
      return NewNone();
    }
    if (!IsStr(line.get())) {
      SetErrorF(&TypeErrorType, "write() argument must be str, not %s", TypeNameOf(line.get()));
      return nullptr;
    }
    if (!WriteStr(AsStream(self), static_cast<Str*>(line.get()))) return nullptr;
  }
}

Ref<> StreamFlushMethod(Object* self, Object* const*, size_t, Tuple*) {
  StdStream* s = AsStream(self);
  if (!CheckOpen(s)) return nullptr;
  if (!FlushStream(s)) return nullptr;
  return NewNone();
}

Ref<> StreamFilenoMethod(Object* self, Object* const*, size_t, Tuple*) {
  return NewInt(AsStream(self)->fd);
}

Ref<> StreamIsattyMethod(Object* self, Object* const*, size_t, Tuple*) {
  StdStream* s = AsStream(self);
  if (!CheckOpen(s)) return nullptr;
  return NewBool(::isatty(s->fd) == 1);
}

Ref<> StreamReadableMethod(Object* self, Object* const*, size_t, Tuple*) {
  return NewBool(AsStream(self)->readable);
}
Ref<> StreamWritableMethod(Object* self, Object* const*, size_t, Tuple*) {
  return NewBool(AsStream(self)->writable);
}
Ref<> StreamSeekableMethod(Object*, Object* const*, size_t, Tuple*) { return NewBool(false); }

Ref<> StreamCloseMethod(Object* self, Object* const*, size_t, Tuple*) {
  StdStream* s = AsStream(self);
  if (s->closed) return NewNone();
  bool ok = FlushStream(s);
  s->closed = true;
  if (!ok) return nullptr;
  return NewNone();
}

// Reads more input into rbuf; false at end of file or on error (error set).
bool FillBuffer(StdStream* s) {
  if (s->eof) return false;
  char chunk[4096];
  for (;;) {
    ssize_t n = ::read(s->fd, chunk, sizeof chunk);
    if (n < 0) {
      if (errno == EINTR) {
        if (interrupt_pending) {
          interrupt_pending = 0;
          SetErrorObject(&KeyboardInterruptType);
          return false;
        }
        continue;
      }
      SetOSError(errno);
      return false;
    }
    if (n == 0) {
      s->eof = true;
      return false;
    }
    s->rbuf.append(chunk, static_cast<size_t>(n));
    return true;
  }
}

bool CheckReadable(StdStream* s) {
  if (!CheckOpen(s)) return false;
  if (!s->readable) {
    SetError(&OSErrorType, "not readable");
    return false;
  }
  return true;
}

bool SizeArg(Object* const* args, size_t nargs, int64_t* size) {
  *size = -1;
  if (nargs == 0 || args[0] == None()) return true;
  return AsSsize(args[0], &OverflowErrorType, size);
}

// The first `limit` characters of the read buffer (all of it if limit < 0), removed from it.
Ref<> TakeBuffered(StdStream* s, int64_t limit) {
  size_t take = s->rbuf.size();
  if (limit >= 0 && static_cast<size_t>(limit) < take) take = static_cast<size_t>(limit);
  std::string text = s->rbuf.substr(0, take);
  s->rbuf.erase(0, take);
  return NewStr(text);
}

// The arguments of read(size=-1) / readline(size=-1): the stream, checked readable, or null.
StdStream* ReadArgs(const char* name, Object* self, Object* const* args, size_t nargs,
                    int64_t* size) {
  if (!CheckPositional(name, nargs, 0, 1)) return nullptr;
  if (!SizeArg(args, nargs, size)) return nullptr;
  StdStream* s = AsStream(self);
  return CheckReadable(s) ? s : nullptr;
}

Ref<> StreamReadlineMethod(Object* self, Object* const* args, size_t nargs, Tuple*) {
  int64_t limit;
  StdStream* s = ReadArgs("readline", self, args, nargs, &limit);
  if (s == nullptr) return nullptr;
  size_t scanned = 0;
  for (;;) {
    size_t nl = s->rbuf.find('\n', scanned);
    if (nl != std::string::npos) return TakeBuffered(s, static_cast<int64_t>(nl + 1));
    scanned = s->rbuf.size();
    if (limit >= 0 && static_cast<int64_t>(s->rbuf.size()) >= limit) break;
    if (!FillBuffer(s)) {
      if (ErrorOccurred()) return nullptr;
      break;
    }
  }
  return TakeBuffered(s, limit);
}

Ref<> StreamReadMethod(Object* self, Object* const* args, size_t nargs, Tuple*) {
  int64_t size;
  StdStream* s = ReadArgs("read", self, args, nargs, &size);
  if (s == nullptr) return nullptr;
  while (size < 0 || static_cast<int64_t>(s->rbuf.size()) < size) {
    if (!FillBuffer(s)) {
      if (ErrorOccurred()) return nullptr;
      break;
    }
  }
  return TakeBuffered(s, size);
}

Ref<> StreamReadlinesMethod(Object* self, Object* const*, size_t, Tuple*) {
  Ref<> lines = NewList();
  if (!lines) return nullptr;
  for (;;) {
    Ref<> line = StreamReadlineMethod(self, nullptr, 0, nullptr);
    if (!line) return nullptr;
    if (static_cast<Str*>(line.get())->length == 0) return lines;
    if (!ListAppend(static_cast<List*>(lines.get()), line.get())) return nullptr;
  }
}

Ref<> StreamEnterMethod(Object* self, Object* const*, size_t, Tuple*) { return NewRef(self); }
Ref<> StreamExitMethod(Object* self, Object* const*, size_t, Tuple*) {
  return StreamCloseMethod(self, nullptr, 0, nullptr);
}

Ref<> StreamIter(Object* self) { return NewRef(self); }
Ref<> StreamIterNext(Object* self) {
  Ref<> line = StreamReadlineMethod(self, nullptr, 0, nullptr);
  if (!line) return nullptr;
  if (static_cast<Str*>(line.get())->length == 0) return nullptr;
  return line;
}

const MethodDef kStreamMethods[] = {
    {"write", &StreamWriteMethod, kMethO},
    {"writelines", &StreamWritelinesMethod, kMethO},
    {"flush", &StreamFlushMethod, kMethNoArgs},
    {"fileno", &StreamFilenoMethod, kMethNoArgs},
    {"isatty", &StreamIsattyMethod, kMethNoArgs},
    {"readable", &StreamReadableMethod, kMethNoArgs},
    {"writable", &StreamWritableMethod, kMethNoArgs},
    {"seekable", &StreamSeekableMethod, kMethNoArgs},
    {"close", &StreamCloseMethod, kMethNoArgs},
    {"readline", &StreamReadlineMethod, kMethFastcall},
    {"read", &StreamReadMethod, kMethFastcall},
    {"readlines", &StreamReadlinesMethod, kMethNoArgs},
    {"__enter__", &StreamEnterMethod, kMethNoArgs},
    {"__exit__", &StreamExitMethod, kMethFastcall},
    {nullptr, nullptr, 0},
};

// sys.stdout.buffer and friends: a binary view sharing the text stream's buffers, so that
// text and bytes written in either order come out in that order.
struct BinStream : Object {
  Object* text = nullptr;  // the StdStream (owned)
};
Type BinStreamType;

void BinDealloc(Object* o) {
  Xdecref(static_cast<BinStream*>(o)->text);
  FreeObject(o);
}
StdStream* TextOf(Object* self) { return AsStream(static_cast<BinStream*>(self)->text); }

Ref<> BinWriteMethod(Object* self, Object* const* args, size_t, Tuple*) {
  std::string_view data;
  if (IsBytes(args[0])) {
    data = static_cast<Bytes*>(args[0])->view();
  } else if (IsByteArray(args[0])) {
    data = static_cast<ByteArray*>(args[0])->buffer;
  } else {
    SetErrorF(&TypeErrorType, "a bytes-like object is required, not '%s'", TypeNameOf(args[0]));
    return nullptr;
  }
  int64_t n = static_cast<int64_t>(data.size());
  if (!BinaryWrite(TextOf(self), data)) return nullptr;
  return NewInt(n);
}
Ref<> BinFlushMethod(Object* self, Object* const*, size_t, Tuple*) {
  return StreamFlushMethod(static_cast<BinStream*>(self)->text, nullptr, 0, nullptr);
}
Ref<> BinFilenoMethod(Object* self, Object* const*, size_t, Tuple*) {
  return NewInt(TextOf(self)->fd);
}
Ref<> ToBytes(Ref<> str) {
  if (!str) return nullptr;
  return NewBytes(StrUtf8(static_cast<Str*>(str.get())));
}
Ref<> BinReadMethod(Object* self, Object* const* args, size_t nargs, Tuple*) {
  return ToBytes(StreamReadMethod(static_cast<BinStream*>(self)->text, args, nargs, nullptr));
}
Ref<> BinReadlineMethod(Object* self, Object* const* args, size_t nargs, Tuple*) {
  return ToBytes(StreamReadlineMethod(static_cast<BinStream*>(self)->text, args, nargs, nullptr));
}

const MethodDef kBinMethods[] = {
    {"write", &BinWriteMethod, kMethO},
    {"flush", &BinFlushMethod, kMethNoArgs},
    {"fileno", &BinFilenoMethod, kMethNoArgs},
    {"read", &BinReadMethod, kMethFastcall},
    {"readline", &BinReadlineMethod, kMethFastcall},
    {nullptr, nullptr, 0},
};

Ref<> GetBuffer(Object* self) {
  BinStream* b = AllocObject<BinStream>(&BinStreamType, 0);
  if (b == nullptr) return nullptr;
  b->text = NewRef(self).release();
  return StealRef<Object>(b);
}

Ref<> GetEncoding(Object*) { return NewStr("utf-8"); }
Ref<> GetErrors(Object* self) { return NewRef(AsStream(self)->errors); }
Ref<> GetName(Object* self) { return NewRef(AsStream(self)->name); }
Ref<> GetMode(Object* self) { return NewRef(AsStream(self)->mode); }
Ref<> GetClosed(Object* self) { return NewBool(AsStream(self)->closed); }
Ref<> GetLineBuffering(Object* self) { return NewBool(AsStream(self)->line_buffering); }
Ref<> GetNewlines(Object*) { return NewNone(); }

const GetSetDef kStreamGetSets[] = {
    {"encoding", &GetEncoding}, {"errors", &GetErrors}, {"name", &GetName},
    {"mode", &GetMode},         {"closed", &GetClosed}, {"line_buffering", &GetLineBuffering},
    {"newlines", &GetNewlines}, {"buffer", &GetBuffer}, {nullptr, nullptr},
};

}  // namespace

bool InitStdioType() {
  if (stdio_ready) return true;
  InitStaticType(&StdStreamType, {.name = "_io.TextIOWrapper",
                                  .basicsize = sizeof(StdStream),
                                  .flags = 0,
                                  .methods = kStreamMethods,
                                  .getsets = kStreamGetSets});
  StdStreamType.dealloc = &StreamDealloc;
  StdStreamType.repr = &StreamRepr;
  StdStreamType.iter = &StreamIter;
  StdStreamType.iternext = &StreamIterNext;
  if (!ReadyType(&StdStreamType)) return false;
  InitStaticType(&BinStreamType, {.name = "_io.BufferedWriter",
                                  .basicsize = sizeof(BinStream),
                                  .flags = 0,
                                  .methods = kBinMethods});
  BinStreamType.dealloc = &BinDealloc;
  if (!ReadyType(&BinStreamType)) return false;
  stdio_ready = true;
  return true;
}

Ref<> NewStdStream(int fd, const char* mode, const char* name, const char* errors,
                   bool write_through) {
  StdStream* s = AllocObject<StdStream>(&StdStreamType, 0);
  if (s == nullptr) return nullptr;
  Ref<> owner = StealRef<Object>(s);
  s->fd = fd;
  s->readable = mode[0] == 'r';
  s->writable = mode[0] == 'w';
  bool tty = ::isatty(fd) == 1;
  s->line_buffering = s->writable && (tty || fd == 2);
  s->write_through = fd == 2 || write_through;
  s->name = NewStr(name).release();
  s->mode = NewStr(mode).release();
  s->errors = NewStr(errors).release();
  if (s->name == nullptr || s->mode == nullptr || s->errors == nullptr) return nullptr;
  return owner;
}

Object* SysGetObject(const char* name) {
  if (interp == nullptr || interp->sys == nullptr) return nullptr;
  Object* dict = ModuleDict(interp->sys);
  if (dict == nullptr) return nullptr;
  Object* v = DictGetItemUtf8(static_cast<Dict*>(dict), name);
  if (v == nullptr && ErrorOccurred()) ClearError();
  return v;
}

bool FileWriteString(Object* file, std::string_view text) {
  if (file->type == &StdStreamType) return StreamWrite(AsStream(file), text);
  Ref<> s = NewStr(text);
  if (!s) return false;
  Object* arg = s.get();
  Ref<> r = CallMethod(file, InternStr("write"), &arg, 1);
  return static_cast<bool>(r);
}

bool FileWriteObject(Object* file, Object* obj, bool raw) {
  Ref<> s = raw ? ToStr(obj) : Repr(obj);
  if (!s) return false;
  if (file->type == &StdStreamType) return WriteStr(AsStream(file), static_cast<Str*>(s.get()));
  Object* arg = s.get();
  Ref<> r = CallMethod(file, InternStr("write"), &arg, 1);
  return static_cast<bool>(r);
}

bool FlushFile(Object* file) {
  if (file->type == &StdStreamType) {
    StdStream* s = AsStream(file);
    if (s->closed) return true;
    return FlushStream(s);
  }
  Ref<> r = CallMethod(file, InternStr("flush"), nullptr, 0);
  return static_cast<bool>(r);
}

void WriteStderr(std::string_view text) {
  Ref<> saved = FetchError();
  Object* err = SysGetObject("stderr");
  if (err == nullptr || err == None() || !FileWriteString(err, text)) {
    ClearError();
    size_t done = 0;
    while (done < text.size()) {
      ssize_t n = ::write(2, text.data() + done, text.size() - done);
      if (n <= 0) break;
      done += static_cast<size_t>(n);
    }
  }
  RestoreError(std::move(saved));
}

}  // namespace pyrite::builtins
