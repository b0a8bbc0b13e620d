#include "markup.h"

#include <array>
#include <cstdint>

#include "text.h"

namespace pressroom::searchd {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD"; // U+FFFD

// Appends the escape for c, or c itself, for the five characters markup gives meaning to.
void append_escaped(std::string &out, char c) {
    switch (c) {
    case '&':
        out += "&amp;";
        break;
    case '<':
        out += "&lt;";
        break;
    case '>':
        out += "&gt;";
        break;
    case '"':
        out += "&quot;";
        break;
    case '\'':
        out += "&#39;";
        break;
    default:
        out += c;
    }
}

// Appends the character a reference such as "amp", "#39" or "#x27" (without & and ;) stands
// for; false, appending nothing, when it is not one plain_text decodes.
bool decode_reference(std::string_view name, std::string &out) {
    static constexpr std::array<std::pair<std::string_view, char>, 5> kNamed = {{
        {"amp", '&'},
        {"lt", '<'},
        {"gt", '>'},
        {"quot", '"'},
        {"apos", '\''},
    }};
    for (const auto &[entity, c] : kNamed) {
        if (name == entity) {
            out += c;
            return true;
        }
    }
    if (name.size() < 2 || name[0] != '#')
        return false;
    const bool hex = name[1] == 'x' || name[1] == 'X';
    std::string_view digits = name.substr(hex ? 2 : 1);
    if (digits.empty() || digits.size() > 8)
        return false;
    std::uint32_t cp = 0;
    for (char c : digits) {
        int value = -1;
        if (c >= '0' && c <= '9')
            value = c - '0';
        else if (hex && c >= 'a' && c <= 'f')
            value = c - 'a' + 10;
        else if (hex && c >= 'A' && c <= 'F')
            value = c - 'A' + 10;
        if (value < 0)
            return false;
        cp = cp * (hex ? 16 : 10) + static_cast<std::uint32_t>(value);
    }
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        out += kReplacement;
    else
        text::append_utf8(out, cp);
    return true;
}

constexpr std::array<const char *, 12> kMonths = {"January",   "February", "March",    "April",
                                                  "May",       "June",     "July",     "August",
                                                  "September", "October",  "November", "December"};

std::string two_digits(int n) { return std::string{static_cast<char>('0' + n / 10), static_cast<char>('0' + n % 10)}; }

} // namespace

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (char c : s)
        append_escaped(out, c);
    return out;
}

std::string xml_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + s.size() / 8);
    for (std::size_t i = 0; i < s.size();) {
        const char32_t cp = text::next_code_point(s, i); // U+FFFD for what is not UTF-8
        // XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF];
        // surrogates never get here.
        const bool allowed = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp != 0xFFFE && cp != 0xFFFF);
        if (!allowed)
            continue;
        if (cp < 0x80)
            append_escaped(out, static_cast<char>(cp));
        else
            text::append_utf8(out, cp);
    }
    return out;
}

std::string url_encode(std::string_view s) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        const auto b = static_cast<unsigned char>(c);
        const bool unreserved = (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') ||
                                b == '-' || b == '.' || b == '_' || b == '~';
        if (unreserved) {
            out += c;
        } else {
            out += '%';
            out += kHex[b >> 4];
            out += kHex[b & 0xF];
        }
    }
    return out;
}

std::string plain_text(std::string_view html) {
    std::string out;
    out.reserve(html.size());
    std::size_t i = 0;
    while (i < html.size()) {
        const char c = html[i];
        if (c == '<') {
            // MSet::snippet escapes the text's own '<', so a raw one starts a tag. An unclosed
            // one is kept as text rather than swallowing the rest.
            const std::size_t close = html.find('>', i);
            if (close == std::string_view::npos) {
                out += html.substr(i);
                break;
            }
            i = close + 1;
        } else if (c == '&') {
            // A reference is short; "&" followed by text without a near ";" is a plain ampersand.
            const std::size_t semi = html.find(';', i);
            if (semi != std::string_view::npos && semi - i <= 12 &&
                decode_reference(html.substr(i + 1, semi - i - 1), out)) {
                i = semi + 1;
            } else {
                out += c;
                ++i;
            }
        } else {
            out += c;
            ++i;
        }
    }
    return out;
}

std::string doc_path(std::string_view id, int paragraph) {
    std::string out = "/doc/" + url_encode(id);
    if (paragraph > 0)
        out += "#p" + std::to_string(paragraph);
    return out;
}

bool is_http_url(std::string_view s) {
    for (std::string_view scheme : {"http://", "https://"})
        if (s.size() > scheme.size() && text::starts_with_ci(s, scheme))
            return true;
    return false;
}

std::string human_date(const Date &date) {
    std::string out = std::to_string(date.year);
    if (date.month >= 1 && date.month <= 12) {
        out = std::string(kMonths[static_cast<std::size_t>(date.month - 1)]) + " " + out;
        if (date.day >= 1)
            out = std::to_string(date.day) + " " + out;
        if (date.day >= 1 && date.hour >= 0) // as Date::iso(): an unknown minute reads as :00
            out += ", " + two_digits(date.hour % 24) + ":" + two_digits(date.minute < 0 ? 0 : date.minute % 60);
    }
    return out;
}

std::string iso_day(const Date &date) {
    std::string iso = date.iso();
    if (auto t = iso.find('T'); t != std::string::npos)
        iso.resize(t);
    return iso;
}

} // namespace pressroom::searchd
