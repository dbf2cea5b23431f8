// UTF-8 encoding and decoding, shared by the tokenizer, literal decoding, reprs and the Unicode
// database. Two decoders: a lenient one for text Pyrite produced itself (str values may hold lone
// surrogates, encoded as 3-byte sequences as "surrogatepass" would), and a strict one that gives
// CPython's 'utf-8' codec error messages for source bytes.
#ifndef PYRITE_PYTHON_UNICODE_UTF8_H_
#define PYRITE_PYTHON_UNICODE_UTF8_H_

#include <optional>
#include <string>
#include <string_view>

namespace pyrite::unicode {

// Appends `cp` (at most U+10FFFF; surrogates allowed) as UTF-8.
void AppendUtf8(std::string& out, char32_t cp);

// Decodes the code point at `s[i]` and advances `i` past it. Surrogates are accepted. A malformed
// or truncated sequence (or an overlong form) gives nullopt and advances `i` by one byte.
std::optional<char32_t> NextCodePoint(std::string_view s, size_t& i);

// Strict UTF-8 (no surrogates, no overlong forms) at `s[i]`: returns the sequence's length and
// sets `*cp`, or returns 0 and sets `*error` to CPython's message for the bytes of `s` there,
// e.g. "'utf-8' codec can't decode byte 0xf6 in position 1: invalid start byte" (positions count
// from the start of `s`).
int DecodeStrict(std::string_view s, size_t i, char32_t* cp, std::string* error);

// The message of the first strict-decoding error in `s`, if any.
std::optional<std::string> FirstDecodeError(std::string_view s);

}  // namespace pyrite::unicode

#endif  // PYRITE_PYTHON_UNICODE_UTF8_H_
