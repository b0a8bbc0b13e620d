#include "text.h"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <cstdint>

namespace pressroom::text {

char32_t next_code_point(std::string_view s, std::size_t &i) {
    int32_t idx = static_cast<int32_t>(i);
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t *>(s.data()), idx, static_cast<int32_t>(s.size()), c);
    i = static_cast<std::size_t>(idx);
    return c < 0 ? U'\uFFFD' : static_cast<char32_t>(c);
}

void append_utf8(std::string &out, char32_t c) {
    char buf[4];
    int32_t len = 0;
    UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t *>(buf), len, 4, static_cast<UChar32>(c), error);
    if (!error)
        out.append(buf, static_cast<std::size_t>(len));
}

namespace {

bool is_exotic_space(char32_t c) {
    return c == 0x00A0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000 ||
           c == '\t' || c == '\v' || c == '\f';
}

bool is_invisible(char32_t c) {
    return c == 0x00AD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string nfc(std::string_view s) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2 *norm = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status))
        return std::string(s);
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    if (norm->isNormalized(u, status) && U_SUCCESS(status))
        return std::string(s);
    status = U_ZERO_ERROR;
    icu::UnicodeString out = norm->normalize(u, status);
    if (U_FAILURE(status))
        return std::string(s);
    std::string result;
    out.toUTF8String(result);
    return result;
}

bool is_word_byte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80;
}

// "word's" -> "word" where the 's ends the word; other apostrophes inside a word are dropped
// ("wasn't" -> "wasnt", "O'Brien" -> "OBrien"): press-release text often comes with its
// apostrophes stripped, and users type them or not.
std::string drop_apostrophes(const std::string &s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        bool possessive = s[i] == '\'' && i > 0 && is_word_byte(s[i - 1]) && i + 1 < s.size() &&
                          (s[i + 1] == 's' || s[i + 1] == 'S') && (i + 2 == s.size() || !is_word_byte(s[i + 2]));
        if (possessive) {
            ++i; // skip the s as well
            continue;
        }
        bool inner = s[i] == '\'' && i > 0 && is_word_byte(s[i - 1]) && i + 1 < s.size() && is_word_byte(s[i + 1]);
        if (!inner)
            out += s[i];
    }
    return out;
}

} // namespace

bool is_valid_utf8(std::string_view s) {
    const auto *p = reinterpret_cast<const uint8_t *>(s.data());
    const auto n = static_cast<int32_t>(s.size());
    int32_t idx = 0;
    while (idx < n) {
        UChar32 c;
        U8_NEXT(p, idx, n, c);
        if (c < 0)
            return false;
    }
    return true;
}

std::string normalize(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        auto byte = static_cast<unsigned char>(s[i]);
        if (byte < 0x80) {
            char c = s[i++];
            out += (c == '\t' || c == '\v' || c == '\f') ? ' ' : c;
            continue;
        }
        char32_t c = next_code_point(s, i);
        if (is_invisible(c))
            continue;
        if (is_exotic_space(c))
            out += ' ';
        else
            append_utf8(out, c);
    }
    return nfc(out);
}

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char &c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

Script script_of(char32_t c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return Script::Latin;
    if ((c >= 0xAC00 && c <= 0xD7AF) || (c >= 0x1100 && c <= 0x11FF) || (c >= 0x3130 && c <= 0x318F))
        return Script::Hangul;
    if (c >= 0x3040 && c <= 0x30FF)
        return Script::Kana;
    if ((c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0xF900 && c <= 0xFAFF))
        return Script::Han;
    return Script::Other;
}

std::string detect_language(std::string_view s) {
    s = utf8_prefix(s, 4096);
    std::size_t hangul = 0, kana = 0, han = 0, latin = 0, i = 0;
    while (i < s.size()) {
        switch (script_of(next_code_point(s, i))) {
        case Script::Latin:
            ++latin;
            break;
        case Script::Hangul:
            ++hangul;
            break;
        case Script::Kana:
            ++kana;
            break;
        case Script::Han:
            ++han;
            break;
        case Script::Other:
            break;
        }
    }
    // A Latin letter carries about half of what a syllable or character does.
    std::size_t letters = latin / 2 + hangul + kana + han;
    if (letters == 0)
        return "en";
    if (hangul * 3 >= letters)
        return "ko";
    if (kana * 5 >= letters)
        return "ja";
    if (han * 3 >= letters)
        return "zh";
    return "en";
}

std::string fold_for_terms(std::string_view s) {
    std::string in = normalize(s);
    std::string out;
    out.reserve(in.size());
    std::size_t i = 0;
    while (i < in.size()) {
        if (static_cast<unsigned char>(in[i]) < 0x80) {
            out += in[i++];
            continue;
        }
        char32_t c = next_code_point(in, i);
        switch (c) {
        case 0x2018: // left single quotation mark
        case 0x2019: // right single quotation mark, the usual curly apostrophe
        case 0x201B:
        case 0x2032: // prime
        case 0x02BC: // modifier letter apostrophe
        case 0xFF07: // fullwidth apostrophe
            out += '\'';
            break;
        case 0x201C:
        case 0x201D:
        case 0x201E:
        case 0x201F:
        case 0x2033:
        case 0x00AB: // guillemets
        case 0x00BB:
        case 0xFF02:
            out += '"';
            break;
        case 0x2010: // hyphen
        case 0x2011: // non-breaking hyphen
        case 0x2012: // figure dash
        case 0x2212: // minus sign
            out += '-';
            break;
        default:
            append_utf8(out, c);
        }
    }
    return drop_apostrophes(out);
}

std::string fold_case(std::string_view s) {
    bool ascii = true;
    for (char c : s)
        if (static_cast<unsigned char>(c) >= 0x80)
            ascii = false;
    if (ascii) {
        std::string out(s);
        for (char &c : out)
            if (c >= 'A' && c <= 'Z')
                c = static_cast<char>(c - 'A' + 'a');
        return out;
    }
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
    u.foldCase();
    std::string out;
    u.toUTF8String(out);
    return out;
}

std::string collapse_whitespace(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    for (char c : s) {
        if (is_space(c)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space)
            out += ' ';
        pending_space = false;
        out += c;
    }
    return out;
}

std::string_view trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && is_space(s[b]))
        ++b;
    while (e > b && is_space(s[e - 1]))
        --e;
    return s.substr(b, e - b);
}

std::string_view utf8_prefix(std::string_view s, std::size_t max_bytes) {
    if (s.size() <= max_bytes)
        return s;
    std::size_t n = max_bytes;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80)
        --n;
    return s.substr(0, n);
}

std::vector<std::string_view> split_lines(std::string_view s) {
    std::vector<std::string_view> lines;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t nl = s.find('\n', start);
        std::string_view line = s.substr(start, nl == std::string_view::npos ? s.size() - start : nl - start);
        if (!line.empty() && line.back() == '\r')
            line.remove_suffix(1);
        lines.push_back(line);
        if (nl == std::string_view::npos)
            break;
        start = nl + 1;
    }
    return lines;
}

std::vector<std::string> split_paragraphs(std::string_view body) {
    std::vector<std::string> paragraphs;
    std::string current;
    auto flush = [&] {
        std::string p = collapse_whitespace(current);
        if (!p.empty())
            paragraphs.push_back(std::move(p));
        current.clear();
    };
    for (std::string_view line : split_lines(body)) {
        if (trim(line).empty()) {
            flush();
            continue;
        }
        if (!current.empty())
            current += ' ';
        current += line;
    }
    flush();
    return paragraphs;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size())
        return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char a = s[i], b = prefix[i];
        if (a >= 'A' && a <= 'Z')
            a = static_cast<char>(a - 'A' + 'a');
        if (b >= 'A' && b <= 'Z')
            b = static_cast<char>(b - 'A' + 'a');
        if (a != b)
            return false;
    }
    return true;
}

bool equals_ci(std::string_view a, std::string_view b) { return a.size() == b.size() && starts_with_ci(a, b); }

} // namespace pressroom::text
