// CodeObject <-> code.proto conversion and the artefact envelope (magic, format version, source
// info). Loading reads the header by hand, parses with a raised protobuf recursion limit sized to
// kMaxNestingDepth, converts without trusting any count, then hands the tree to ValidateCode
// (validate.cc).
#include "python/bytecode/serialize.h"

#include <climits>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/str_cat.h"
#include "google/protobuf/io/coded_stream.h"
#include "python/bytecode/code.h"
#include "python/bytecode/code.pb.h"

namespace pyrite::bytecode {
namespace {

namespace pb = ::pyrite::bytecode::proto;

// --- CodeObject -> proto ----------------------------------------------------------------------

void CodeToProto(const CodeObject& code, pb::CodeProto& out);

void ConstantToProto(const Constant& c, pb::ConstantProto& out) {
  switch (c.kind) {
    case Constant::Kind::kNone:
      out.set_singleton(pb::ConstantProto::SINGLETON_NONE);
      break;
    case Constant::Kind::kEllipsis:
      out.set_singleton(pb::ConstantProto::SINGLETON_ELLIPSIS);
      break;
    case Constant::Kind::kFalse:
      out.set_singleton(pb::ConstantProto::SINGLETON_FALSE);
      break;
    case Constant::Kind::kTrue:
      out.set_singleton(pb::ConstantProto::SINGLETON_TRUE);
      break;
    case Constant::Kind::kInt:
      if (c.big) {
        out.set_big_int(c.text);
      } else {
        out.set_small_int(c.integer);
      }
      break;
    case Constant::Kind::kFloat:
      out.set_float_value(c.real);
      break;
    case Constant::Kind::kComplex:
      out.mutable_complex_value()->set_real(c.real);
      out.mutable_complex_value()->set_imag(c.imag);
      break;
    case Constant::Kind::kStr:
      out.set_str_value(c.text);
      break;
    case Constant::Kind::kBytes:
      out.set_bytes_value(c.text);
      break;
    case Constant::Kind::kTuple:
    case Constant::Kind::kFrozenSet: {
      pb::ConstantListProto* list = c.kind == Constant::Kind::kTuple
                                        ? out.mutable_tuple_value()
                                        : out.mutable_frozenset_value();
      for (const Constant& item : c.items) ConstantToProto(item, *list->add_items());
      break;
    }
    case Constant::Kind::kCode:
      if (c.code != nullptr) {
        CodeToProto(*c.code, *out.mutable_code_value());
      } else {
        out.mutable_code_value();  // loads as an empty code object, which validation rejects
      }
      break;
  }
}

void CodeToProto(const CodeObject& code, pb::CodeProto& out) {
  out.set_argcount(code.argcount);
  out.set_posonlyargcount(code.posonlyargcount);
  out.set_kwonlyargcount(code.kwonlyargcount);
  out.set_flags(code.flags);
  out.set_stacksize(code.stacksize);
  std::string units;
  units.reserve(code.code.size() * 2);
  for (uint16_t unit : code.code) {
    units.push_back(static_cast<char>(unit & 0xFF));
    units.push_back(static_cast<char>(unit >> 8));
  }
  out.set_code(std::move(units));
  for (const Constant& c : code.consts) ConstantToProto(c, *out.add_consts());
  for (const std::string& name : code.names) out.add_names(name);
  for (const std::string& name : code.localsplusnames) out.add_localsplusnames(name);
  out.set_localspluskinds(std::string(code.localspluskinds.begin(), code.localspluskinds.end()));
  out.set_filename(code.filename);
  out.set_name(code.name);
  out.set_qualname(code.qualname);
  out.set_firstlineno(code.firstlineno);
  auto* positions = out.mutable_positions();
  positions->Reserve(static_cast<int>(code.positions.size() * 4));
  int64_t prev_line = code.firstlineno;
  int64_t prev_col = -1;
  for (const Position& p : code.positions) {
    positions->Add(int64_t{p.lineno} - prev_line);
    positions->Add(int64_t{p.end_lineno} - p.lineno);
    positions->Add(int64_t{p.col} - prev_col);
    positions->Add(int64_t{p.end_col} - p.col);
    prev_line = p.lineno;
    prev_col = p.col;
  }
  auto* table = out.mutable_exception_table();
  for (const ExceptionTableEntry& e : code.exception_table) {
    table->Add(e.start);
    table->Add(e.end);
    table->Add(e.target);
    table->Add(e.depth);
    table->Add(e.lasti ? 1 : 0);
  }
}

// --- proto -> CodeObject ----------------------------------------------------------------------

absl::StatusOr<std::shared_ptr<const CodeObject>> CodeFromProto(const pb::CodeProto& in, int depth);

absl::Status TooDeep() {
  return absl::InvalidArgumentError(absl::StrCat("constants and code objects nested more than ",
                                                 kMaxNestingDepth, " levels deep"));
}

absl::StatusOr<Constant> ConstantFromProto(const pb::ConstantProto& in, int depth) {
  if (depth > kMaxNestingDepth) return TooDeep();
  Constant c;
  switch (in.value_case()) {
    case pb::ConstantProto::kSingleton:
      switch (in.singleton()) {
        case pb::ConstantProto::SINGLETON_NONE:
          c.kind = Constant::Kind::kNone;
          break;
        case pb::ConstantProto::SINGLETON_ELLIPSIS:
          c.kind = Constant::Kind::kEllipsis;
          break;
        case pb::ConstantProto::SINGLETON_FALSE:
          c.kind = Constant::Kind::kFalse;
          break;
        case pb::ConstantProto::SINGLETON_TRUE:
          c.kind = Constant::Kind::kTrue;
          break;
        default:
          return absl::InvalidArgumentError(
              absl::StrCat("unknown singleton constant ", static_cast<int>(in.singleton())));
      }
      break;
    case pb::ConstantProto::kSmallInt:
      c.kind = Constant::Kind::kInt;
      c.integer = in.small_int();
      break;
    case pb::ConstantProto::kBigInt:
      c.kind = Constant::Kind::kInt;
      c.big = true;
      c.text = in.big_int();
      break;
    case pb::ConstantProto::kFloatValue:
      c.kind = Constant::Kind::kFloat;
      c.real = in.float_value();
      break;
    case pb::ConstantProto::kComplexValue:
      c.kind = Constant::Kind::kComplex;
      c.real = in.complex_value().real();
      c.imag = in.complex_value().imag();
      break;
    case pb::ConstantProto::kStrValue:
      c.kind = Constant::Kind::kStr;
      c.text = in.str_value();
      break;
    case pb::ConstantProto::kBytesValue:
      c.kind = Constant::Kind::kBytes;
      c.text = in.bytes_value();
      break;
    case pb::ConstantProto::kTupleValue:
    case pb::ConstantProto::kFrozensetValue: {
      const bool tuple = in.value_case() == pb::ConstantProto::kTupleValue;
      c.kind = tuple ? Constant::Kind::kTuple : Constant::Kind::kFrozenSet;
      const pb::ConstantListProto& list = tuple ? in.tuple_value() : in.frozenset_value();
      c.items.reserve(list.items_size());
      for (const pb::ConstantProto& item : list.items()) {
        absl::StatusOr<Constant> converted = ConstantFromProto(item, depth + 1);
        if (!converted.ok()) return converted.status();
        c.items.push_back(*std::move(converted));
      }
      break;
    }
    case pb::ConstantProto::kCodeValue: {
      c.kind = Constant::Kind::kCode;
      absl::StatusOr<std::shared_ptr<const CodeObject>> code =
          CodeFromProto(in.code_value(), depth + 1);
      if (!code.ok()) return code.status();
      c.code = *std::move(code);
      break;
    }
    case pb::ConstantProto::VALUE_NOT_SET:
      return absl::InvalidArgumentError("a constant has no value");
  }
  return c;
}

absl::StatusOr<std::shared_ptr<const CodeObject>> CodeFromProto(const pb::CodeProto& in,
                                                                int depth) {
  if (depth > kMaxNestingDepth) return TooDeep();
  auto code = std::make_shared<CodeObject>();
  code->argcount = in.argcount();
  code->posonlyargcount = in.posonlyargcount();
  code->kwonlyargcount = in.kwonlyargcount();
  code->flags = in.flags();
  code->stacksize = in.stacksize();
  code->filename = in.filename();
  code->name = in.name();
  code->qualname = in.qualname();
  code->firstlineno = in.firstlineno();
  const std::string& units = in.code();
  if (units.size() % 2 != 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("code object '", code->name, "': odd code length ", units.size()));
  }
  code->code.resize(units.size() / 2);
  for (size_t i = 0; i < code->code.size(); ++i) {
    code->code[i] = static_cast<uint16_t>(static_cast<uint8_t>(units[2 * i]) |
                                          (static_cast<uint8_t>(units[2 * i + 1]) << 8));
  }
  code->consts.reserve(in.consts_size());
  for (const pb::ConstantProto& c : in.consts()) {
    absl::StatusOr<Constant> converted = ConstantFromProto(c, depth + 1);
    if (!converted.ok()) return converted.status();
    code->consts.push_back(*std::move(converted));
  }
  code->names.assign(in.names().begin(), in.names().end());
  code->localsplusnames.assign(in.localsplusnames().begin(), in.localsplusnames().end());
  code->localspluskinds.assign(in.localspluskinds().begin(), in.localspluskinds().end());

  if (static_cast<size_t>(in.positions_size()) != code->code.size() * 4) {
    return absl::InvalidArgumentError(
        absl::StrCat("code object '", code->name, "': ", in.positions_size(),
                     " position numbers for ", code->code.size(), " code units (expected 4 each)"));
  }
  code->positions.resize(code->code.size());
  int64_t prev_line = code->firstlineno;
  int64_t prev_col = -1;
  for (size_t i = 0; i < code->positions.size(); ++i) {
    // Deltas come from the input: add with wrap-around in unsigned arithmetic (no signed
    // overflow) and reject anything outside int32.
    auto add = [](int64_t a, int64_t b) {
      return static_cast<int64_t>(static_cast<uint64_t>(a) + static_cast<uint64_t>(b));
    };
    const int64_t line = add(prev_line, in.positions(static_cast<int>(4 * i)));
    const int64_t end_line = add(line, in.positions(static_cast<int>(4 * i + 1)));
    const int64_t col = add(prev_col, in.positions(static_cast<int>(4 * i + 2)));
    const int64_t end_col = add(col, in.positions(static_cast<int>(4 * i + 3)));
    for (int64_t v : {line, end_line, col, end_col}) {
      if (v < INT32_MIN || v > INT32_MAX) {
        return absl::InvalidArgumentError(absl::StrCat(
            "code object '", code->name, "': position of code unit ", i, " out of range"));
      }
    }
    code->positions[i] = Position{static_cast<int32_t>(line), static_cast<int32_t>(end_line),
                                  static_cast<int32_t>(col), static_cast<int32_t>(end_col)};
    prev_line = line;
    prev_col = col;
  }

  if (in.exception_table_size() % 5 != 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("code object '", code->name, "': exception table of ",
                     in.exception_table_size(), " numbers (expected 5 per entry)"));
  }
  code->exception_table.resize(in.exception_table_size() / 5);
  for (size_t i = 0; i < code->exception_table.size(); ++i) {
    const int base = static_cast<int>(5 * i);
    const uint32_t lasti = in.exception_table(base + 4);
    if (lasti > 1) {
      return absl::InvalidArgumentError(absl::StrCat(
          "code object '", code->name, "': exception table entry ", i, " has lasti ", lasti));
    }
    code->exception_table[i] =
        ExceptionTableEntry{in.exception_table(base), in.exception_table(base + 1),
                            in.exception_table(base + 2), in.exception_table(base + 3), lasti == 1};
  }
  return std::shared_ptr<const CodeObject>(std::move(code));
}

}  // namespace

uint64_t SourceHash(std::string_view source_bytes) {
  uint64_t hash = 0xcbf29ce484222325ull;
  for (char c : source_bytes) {
    hash ^= static_cast<uint8_t>(c);
    hash *= 0x100000001b3ull;
  }
  return hash;
}

std::string SerializeArtifact(const CodeObject& code, const SourceInfo& source) {
  pb::ArtifactProto artifact;
  artifact.set_magic(std::string(kArtifactMagic));
  artifact.set_format_version(kFormatVersion);
  artifact.set_source_size(source.size);
  artifact.set_source_mtime_ns(source.mtime_ns);
  artifact.set_source_hash(source.hash);
  CodeToProto(code, *artifact.mutable_code());
  // Fields are written in number order and there are no maps, so the bytes are deterministic
  // and the magic comes first.
  return artifact.SerializeAsString();
}

absl::StatusOr<Artifact> LoadArtifact(std::string_view bytes) {
  if (bytes.size() > static_cast<size_t>(INT_MAX)) {
    return absl::InvalidArgumentError("bytecode artefact larger than 2 GiB");
  }
  const int size = static_cast<int>(bytes.size());
  // The header is read by hand, field by field, so that an artefact of another format version
  // is reported as such even when the rest of it no longer parses as this version's messages.
  std::string magic;
  uint64_t version = 0;
  {
    google::protobuf::io::CodedInputStream header(reinterpret_cast<const uint8_t*>(bytes.data()),
                                                  size);
    uint32_t length = 0;
    if (header.ReadTag() != ((1 << 3) | 2) || !header.ReadVarint32(&length) ||
        length > kArtifactMagic.size() || !header.ReadString(&magic, static_cast<int>(length)) ||
        magic != kArtifactMagic) {
      return absl::InvalidArgumentError(
          "not a pyrite bytecode artefact (no \"pyrite-bytecode\" header; truncated or corrupt)");
    }
    if (header.ReadTag() != ((2 << 3) | 0) || !header.ReadVarint64(&version)) {
      return absl::InvalidArgumentError("bytecode artefact has no format version (truncated?)");
    }
  }
  if (version != kFormatVersion) {
    return absl::FailedPreconditionError(
        absl::StrCat("bytecode artefact has format version 0x", absl::Hex(version),
                     ", this build reads 0x", absl::Hex(kFormatVersion), " (stale artefact)"));
  }
  pb::ArtifactProto artifact;
  google::protobuf::io::CodedInputStream input(reinterpret_cast<const uint8_t*>(bytes.data()),
                                               size);
  // Each level of constant nesting is at most two messages (ConstantProto + ConstantListProto
  // or CodeProto); the artefact and slack on top.
  input.SetRecursionLimit(2 * kMaxNestingDepth + 8);
  if (!artifact.ParseFromCodedStream(&input) || !input.ConsumedEntireMessage()) {
    return absl::InvalidArgumentError("malformed bytecode artefact (truncated or corrupt)");
  }
  if (!artifact.has_code()) {
    return absl::InvalidArgumentError("bytecode artefact has no code object (truncated?)");
  }
  absl::StatusOr<std::shared_ptr<const CodeObject>> code = CodeFromProto(artifact.code(), 0);
  if (!code.ok()) return code.status();
  if (absl::Status valid = ValidateCode(**code); !valid.ok()) return valid;
  Artifact result;
  result.source.size = artifact.source_size();
  result.source.mtime_ns = artifact.source_mtime_ns();
  result.source.hash = artifact.source_hash();
  result.code = *std::move(code);
  return result;
}

}  // namespace pyrite::bytecode
