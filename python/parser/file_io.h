// Whole-file reads and writes for the command-line tools (ast_dump, symtable_dump,
// pyrite_compile, dis): bytes in, bytes out, no text-mode translation.
#ifndef PYRITE_PYTHON_PARSER_FILE_IO_H_
#define PYRITE_PYTHON_PARSER_FILE_IO_H_

#include <cstdio>
#include <string>
#include <string_view>

namespace pyrite::parser {

// Reads the whole file; false (errno set) when it cannot be opened or read.
bool ReadFile(const char* path, std::string* out);

// Writes `bytes` as the whole file; false when it cannot be written.
bool WriteFile(const char* path, std::string_view bytes);

// Writes `text` to `stream` and flushes it.
void WriteAll(FILE* stream, std::string_view text);

}  // namespace pyrite::parser

#endif  // PYRITE_PYTHON_PARSER_FILE_IO_H_
