// Text handling shared by the indexer and the daemon. Pure functions; all take and return
// UTF-8. Functions other than is_valid_utf8 expect valid UTF-8 input.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pressroom::text {

bool is_valid_utf8(std::string_view s);

// Decodes the code point at s[i] and advances i past it. An ill-formed sequence gives U+FFFD
// and is skipped (ICU's U8_NEXT: its longest start that could have been well formed).
char32_t next_code_point(std::string_view s, std::size_t &i);
// Appends c as UTF-8; nothing for a surrogate or a value beyond U+10FFFF.
void append_utf8(std::string &out, char32_t c);

// Canonical form for stored and displayed text: Unicode NFC; no-break and other exotic
// spaces become plain spaces; zero-width characters and soft hyphens are removed. Curly
// quotes are kept, since they are what the reader should see.
std::string normalize(std::string_view s);

// For text handed to Xapian's TermGenerator or QueryParser, on top of normalize(): curly
// and typographic apostrophes and quotes become ' and ", Unicode hyphens become '-', so that
// "China’s" and "China's", or "Won‐soon" and "Won-soon", yield the same terms; the
// possessive 's is dropped, so that "Won Soon’s" holds the name "Won Soon", phrases included;
// and apostrophes inside words are dropped, so "wasn’t", "wasn't" and "wasnt" are one word.
std::string fold_for_terms(std::string_view s);

// The scripts written without spaces between words (or, in Korean, with particles attached),
// which Xapian indexes as CJK n-grams.
enum class Script { Other, Latin, Hangul, Kana, Han };
Script script_of(char32_t c);
inline bool is_cjk(char32_t c) {
    Script s = script_of(c);
    return s == Script::Hangul || s == Script::Kana || s == Script::Han;
}

// The language a text is written in, from its script: "ko" (Hangul), "ja" (kana), "zh" (Han
// characters without kana or Hangul), else "en". Reads at most the first 4 KiB.
std::string detect_language(std::string_view s);

// ASCII letters in lower case; other bytes as they are.
std::string lower_ascii(std::string_view s);

// Locale-independent lower case (Unicode case folding).
std::string fold_case(std::string_view s);

// Runs of whitespace become one space; leading and trailing whitespace is dropped.
std::string collapse_whitespace(std::string_view s);

std::string_view trim(std::string_view s);

// The longest prefix of s that is at most max_bytes long and does not end inside a UTF-8
// sequence.
std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes);

// Splits text into paragraphs at blank lines; each paragraph is trimmed, its inner line
// breaks joined with a space; empty paragraphs are dropped.
std::vector<std::string> split_paragraphs(std::string_view body);

// Splits into lines at \n, dropping a trailing \r from each.
std::vector<std::string_view> split_lines(std::string_view s);

bool starts_with_ci(std::string_view s, std::string_view prefix); // ASCII case-insensitive
bool equals_ci(std::string_view a, std::string_view b);           // ASCII case-insensitive

} // namespace pressroom::text
