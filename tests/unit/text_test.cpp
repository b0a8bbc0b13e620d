// Table-driven tests for core/text.h. One row per case, each with the reason it is there;
// CAPTURE prints the failing row.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "text.h"

namespace text = pressroom::text;

TEST_CASE("is_valid_utf8 accepts well-formed UTF-8 and rejects the rest", "[text]") {
    struct Row {
        std::string input;
        bool valid;
    };
    const Row rows[] = {
        {"", true},                         // nothing is valid
        {"plain ASCII", true},              // the common case
        {"\xEC\x84\x9C\xEC\x9A\xB8", true}, // 서울: three-byte Hangul
        {"caf\xC3\xA9", true},              // two-byte é
        {"\xF0\x9F\x98\x80", true},         // four-byte emoji
        {"\xEF\xBF\xBF", true},             // U+FFFF is a noncharacter but well-formed
        {std::string("a\0b", 3), true},     // NUL is a valid code point
        {"\xFF", false},                    // 0xFF never occurs in UTF-8
        {"abc\x80", false},                 // stray continuation byte
        {"\xE2\x82", false},                // sequence cut short
        {"\xE2\x82z", false},               // sequence interrupted by ASCII
        {"\xC0\xAF", false},                // overlong encoding of '/'
        {"\xED\xA0\x80", false},            // UTF-16 surrogate U+D800
        {"\xF4\x90\x80\x80", false},        // beyond U+10FFFF
        {"ok \xC3\xA9 then \xC3", false},   // valid prefix does not excuse a cut tail
    };
    for (const auto &row : rows) {
        CAPTURE(row.input);
        CHECK(text::is_valid_utf8(row.input) == row.valid);
    }
}

TEST_CASE("normalize cleans spaces and invisibles and composes to NFC", "[text]") {
    struct Row {
        std::string input;
        std::string expected;
    };
    const Row rows[] = {
        {"", ""},                                                     // empty stays empty
        {"plain text", "plain text"},                                 // ASCII untouched
        {"a\u00A0b", "a b"},                                          // no-break space
        {"a\u202Fb", "a b"},                                          // narrow no-break space
        {"a\u2003b", "a b"},                                          // em space
        {"a\u3000b", "a b"},                                          // ideographic space
        {"a\tb\vc\fd", "a b c d"},                                    // ASCII tab, vertical tab, form feed
        {"line\r\nbreak\n", "line\r\nbreak\n"},                       // line breaks are kept for split_paragraphs
        {"zero\u200Bwidth", "zerowidth"},                             // zero-width space removed
        {"zw\u200Cnj\u200Dj", "zwnjj"},                               // zero-width (non-)joiners removed
        {"soft\u00ADhyphen", "softhyphen"},                           // soft hyphen removed
        {"\uFEFFbom", "bom"},                                         // byte-order mark removed
        {"word\u2060joiner", "wordjoiner"},                           // word joiner removed
        {"e\u0301", "\u00E9"},                                        // combining acute composes to é
        {"caf\u00E9", "caf\u00E9"},                                   // already NFC
        {"\u1100\u1161", "\uAC00"},                                   // Hangul jamo compose to 가
        {"\u201Cquoted\u201D", "\u201Cquoted\u201D"},                 // curly double quotes kept
        {"China\u2019s \u2018x\u2019", "China\u2019s \u2018x\u2019"}, // curly apostrophes kept
        {"Won\u2010soon", "Won\u2010soon"}, // Unicode hyphen kept (only fold_for_terms maps it)
    };
    for (const auto &row : rows) {
        CAPTURE(row.input);
        CHECK(text::normalize(row.input) == row.expected);
    }
}

TEST_CASE("fold_for_terms straightens quotes and hyphens and drops possessives and inner apostrophes", "[text]") {
    struct Row {
        std::string input;
        std::string expected;
    };
    const Row rows[] = {
        {"China\u2019s economy", "China economy"},            // curly possessive dropped
        {"China's economy", "China economy"},                 // straight possessive dropped
        {"Won Soon\u2019s", "Won Soon"},                      // possessive at the end of the text
        {"Seoul\u2019s.", "Seoul."},                          // punctuation ends the word
        {"it's", "it"},                                       // 's at word end is dropped even in a contraction
        {"Oh's", "Oh"},                                       // capitalised word
        {"JONES'S", "JONES"},                                 // upper-case S
        {"\uC11C\uC6B8\uC2DC\u2019s", "\uC11C\uC6B8\uC2DC"},  // 서울시’s: non-ASCII word before it
        {"wasn't", "wasnt"},                                  // inner apostrophe dropped: the corpus writes wasnt
        {"wasn\u2019t", "wasnt"},                             // curly one too
        {"O'Brien", "OBrien"},                                // names with an apostrophe inside
        {"'s", "'s"},                                         // nothing before the apostrophe
        {"\u2019s", "'s"},                                    // curly one alone: straightened, kept
        {"say 's", "say 's"},                                 // space before the apostrophe
        {"it'sy", "itsy"},                                    // s does not end the word: an inner apostrophe
        {"James' book", "James' book"},                       // plural possessive without s stays
        {"\u201Cmayor of seoul\u201D", "\"mayor of seoul\""}, // curly double quotes
        {"\u201Elow\u201F", "\"low\""},                       // low and reversed double quotes
        {"\u00ABguillemets\u00BB", "\"guillemets\""},         // guillemets count as double quotes
        {"\u2018single\u2019", "'single'"},                   // curly single quotes
        {"rock\u02BCn", "rockn"},                             // modifier letter apostrophe, inside a word
        {"Won\u2010soon", "Won-soon"},                        // U+2010 hyphen
        {"Won\u2011soon", "Won-soon"},                        // U+2011 non-breaking hyphen
        {"3\u22122", "3-2"},                                  // minus sign
        {"Won\u2013soon", "Won\u2013soon"},                   // en dash is a dash not a hyphen: kept
        {"a\u00A0b\u2019s", "a b"},                           // normalize() runs first
        {"e\u0301", "\u00E9"},                                // NFC included
        {"", ""},                                             // empty stays empty
    };
    for (const auto &row : rows) {
        CAPTURE(row.input);
        CHECK(text::fold_for_terms(row.input) == row.expected);
    }
}

TEST_CASE("fold_case lower-cases ASCII and non-ASCII text", "[text]") {
    struct Row {
        std::string input;
        std::string expected;
    };
    const Row rows[] = {
        {"Seoul", "seoul"},                                                   // ASCII fast path
        {"ABC123-xyz", "abc123-xyz"},                                         // digits and punctuation untouched
        {"\u00C9COLE", "\u00E9cole"},                                         // ÉCOLE: non-ASCII upper case
        {"Stra\u00DFe", "strasse"},                                           // full case folding: ß becomes ss
        {"\u0394\u0397\u039C\u039F\u03A3", "\u03B4\u03B7\u03BC\u03BF\u03C3"}, // Greek
        {"\uC11C\uC6B8", "\uC11C\uC6B8"},                                     // Hangul has no case
        {"", ""},                                                             // empty stays empty
    };
    for (const auto &row : rows) {
        CAPTURE(row.input);
        CHECK(text::fold_case(row.input) == row.expected);
    }
}

TEST_CASE("collapse_whitespace makes runs one space and trims the ends", "[text]") {
    struct Row {
        std::string input;
        std::string expected;
    };
    const Row rows[] = {
        {"a b", "a b"},           // already collapsed
        {"  a   b  ", "a b"},     // leading and trailing dropped
        {"a\t\n\r\f\v b", "a b"}, // every ASCII whitespace kind
        {"a\r\n\r\nb", "a b"},    // blank lines too
        {"", ""},                 // empty
        {" \t\n ", ""},           // only whitespace
        {"a\u00A0b", "a\u00A0b"}, // no-break space is normalize()'s job
    };
    for (const auto &row : rows) {
        CAPTURE(row.input);
        CHECK(text::collapse_whitespace(row.input) == row.expected);
    }
}

TEST_CASE("trim drops surrounding ASCII whitespace", "[text]") {
    struct Row {
        std::string input;
        std::string expected;
    };
    const Row rows[] = {
        {" a b ", "a b"},     // inner space kept
        {"\r\n\tx\f\v", "x"}, // every ASCII whitespace kind
        {"x", "x"},           // nothing to trim
        {"", ""},             // empty
        {"   ", ""},          // only whitespace
    };
    for (const auto &row : rows) {
        CAPTURE(row.input);
        CHECK(std::string(text::trim(row.input)) == row.expected);
    }
}

TEST_CASE("split_paragraphs splits at blank lines and joins inner lines", "[text]") {
    struct Row {
        std::string input;
        std::vector<std::string> expected;
    };
    const Row rows[] = {
        {"One.\n\nTwo.", {"One.", "Two."}},                            // blank line separates
        {"Line one\nline two\n\nNext", {"Line one line two", "Next"}}, // inner newline becomes a space
        {"One.\r\n\r\nTwo.\r\nmore", {"One.", "Two. more"}},           // CRLF
        {"\n\n\nOne.\n \t\n\n Two. \n\n\n", {"One.", "Two."}},         // whitespace-only lines are blank
        {"  a   b  ", {"a b"}},                                        // one paragraph collapsed
        {"", {}},                                                      // empty text: no paragraph
        {"  \n\n  ", {}},                                              // only whitespace: no paragraph
    };
    for (const auto &row : rows) {
        CAPTURE(row.input);
        CHECK(text::split_paragraphs(row.input) == row.expected);
    }
}

TEST_CASE("split_lines splits at newlines and drops a trailing carriage return", "[text]") {
    struct Row {
        std::string input;
        std::vector<std::string> expected;
    };
    const Row rows[] = {
        {"a\nb", {"a", "b"}},           // LF
        {"a\r\nb\r\n", {"a", "b", ""}}, // CRLF and a final newline gives a last empty line
        {"a\n\nb", {"a", "", "b"}},     // empty line kept
        {"", {""}},                     // empty text is one empty line
        {"x\r", {"x"}},                 // lone trailing CR dropped
        {"a\rb", {"a\rb"}},             // CR inside a line kept
    };
    for (const auto &row : rows) {
        CAPTURE(row.input);
        std::vector<std::string> got;
        for (auto line : text::split_lines(row.input))
            got.emplace_back(line);
        CHECK(got == row.expected);
    }
}

TEST_CASE("starts_with_ci compares ASCII case-insensitively", "[text]") {
    struct Row {
        std::string s;
        std::string prefix;
        bool expected;
    };
    const Row rows[] = {
        {"Seoul City", "seoul", true},       // case differs
        {"seoul", "SEOUL", true},            // whole string
        {"abc", "", true},                   // empty prefix
        {"Se", "seoul", false},              // prefix longer than the string
        {"Busan", "seoul", false},           // different text
        {"\u00C9COLE", "\u00E9cole", false}, // only ASCII letters fold
    };
    for (const auto &row : rows) {
        CAPTURE(row.s, row.prefix);
        CHECK(text::starts_with_ci(row.s, row.prefix) == row.expected);
    }
}

TEST_CASE("a text's language is told by its script", "[text]") {
    CHECK(text::detect_language("박원순 시장은 베이징과 대기질 협력을 약속했다.") == "ko");
    CHECK(text::detect_language("北京市长陈吉宁出席会议并讲话") == "zh");
    CHECK(text::detect_language("東京都は9月1日の「防災の日」に合わせ、防災対策を発表した。") == "ja");
    CHECK(text::detect_language("Seoul and Beijing renewed their smog agreement.") == "en");
    // An English release with a Korean byline stays English.
    CHECK(text::detect_language("Mayors of Seoul and Beijing agree to strengthen cooperation on the economy, "
                                "tourism and culture. 베이징=전혜진 기자") == "en");
    // Hanja in a Korean speech: still Korean.
    CHECK(text::detect_language("國民 여러분, 오늘 우리는 새로운 時代를 엽니다.") == "ko");
    CHECK(text::detect_language("") == "en");
}
