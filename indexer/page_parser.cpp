#include "page_parser.h"

#include <array>
#include <charconv>
#include <cstdio>
#include <optional>

#include "text.h"

namespace pressroom::indexer {

namespace {

constexpr std::string_view kBullet = "\u2022";
constexpr std::string_view kSeoulPublisher = "Seoul Metropolitan Government";
constexpr std::string_view kUnknownLayoutWarning = "layout not recognised: first line taken as the title";

Error bad(std::string message) { return Error{ErrorCode::InvalidInput, std::move(message)}; }

using text::equals_ci;

// Walks the page's lines; the header parsers only look at non-blank lines, since sites
// differ in how many blank lines they put between header items.
class Lines {
  public:
    explicit Lines(std::string_view normalized) : m_lines(text::split_lines(normalized)) {}

    // The next non-blank line, trimmed, without consuming it; empty at the end.
    std::string_view peek() const {
        for (std::size_t i = m_pos; i < m_lines.size(); ++i)
            if (auto t = text::trim(m_lines[i]); !t.empty())
                return t;
        return {};
    }
    // Consumes and returns the next non-blank line, trimmed; empty at the end.
    std::string_view next() {
        while (m_pos < m_lines.size())
            if (auto t = text::trim(m_lines[m_pos++]); !t.empty())
                return t;
        return {};
    }
    // Everything not yet consumed, split into paragraphs at blank lines.
    std::vector<std::string> rest_as_paragraphs() const {
        std::string rest;
        for (std::size_t i = m_pos; i < m_lines.size(); ++i)
            rest.append(m_lines[i]).push_back('\n');
        return text::split_paragraphs(rest);
    }

  private:
    std::vector<std::string_view> m_lines;
    std::size_t m_pos = 0;
};

// "• text" -> "text"; nullopt when the line is not bulleted.
std::optional<std::string> strip_bullet(std::string_view line) {
    if (!line.starts_with(kBullet))
        return std::nullopt;
    return text::collapse_whitespace(line.substr(kBullet.size()));
}

bool all_digits(std::string_view s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos;
}

// "<category> SMG 5221" -> {"<category>", "SMG 5221"}; nullopt when there is no number.
std::optional<std::pair<std::string, std::string>> split_reference(std::string_view s) {
    std::size_t at = s.rfind("SMG ");
    if (at == std::string_view::npos || (at > 0 && s[at - 1] != ' '))
        return std::nullopt;
    std::string_view number = s.substr(at + 4);
    if (!all_digits(number))
        return std::nullopt;
    return std::pair{std::string(text::trim(s.substr(0, at))), "SMG " + std::string(number)};
}

// Seoul city site: category, "• title", optional "[subtitle]", "• <category> SMG <n>".
// Returns false when the header does not fit; `lines` is then half consumed, so callers
// pass a copy.
bool parse_city_header(Lines &lines, ParsedPage &page) {
    Release &r = page.release;
    r.category = text::collapse_whitespace(lines.next());
    auto title = strip_bullet(lines.next());
    if (r.category.empty() || !title || title->empty())
        return false;
    r.title = *title;
    if (auto sub = lines.peek(); sub.size() > 2 && sub.front() == '[' && sub.back() == ']') {
        r.subtitle = text::collapse_whitespace(sub.substr(1, sub.size() - 2));
        lines.next();
    }
    auto ref_line = strip_bullet(lines.next());
    auto ref = ref_line ? split_reference(*ref_line) : std::nullopt;
    if (!ref)
        return false;
    r.reference = ref->second;
    r.source = std::string(kSeoulPublisher);
    // The category is stated twice; the first is kept, a mismatch is worth a look.
    if (!ref->first.empty() && ref->first != r.category)
        page.warnings.push_back("category line `" + r.category + "` differs from `" + ref->first +
                                "` on the reference line; the first was kept");
    return true;
}

std::vector<std::string_view> words_of(std::string_view s) {
    std::vector<std::string_view> words;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t end = s.find(' ', i);
        if (end == std::string_view::npos)
            end = s.size();
        // Newspapers punctuate loosely ("August. 01, 2024 08:21,"): the marks carry nothing.
        std::string_view w = s.substr(i, end - i);
        while (!w.empty() && (w.back() == ',' || w.back() == '.'))
            w.remove_suffix(1);
        if (!w.empty())
            words.push_back(w);
        i = end + 1;
    }
    return words;
}

// "August. 01, 2024 08:21" (month full or abbreviated, time optional) -> Date.
std::optional<Date> parse_english_date(std::string_view s) {
    const std::string collapsed = text::collapse_whitespace(s); // words_of returns views into it
    auto w = words_of(collapsed);
    int month = w.empty() ? 0 : month_number(w[0]);
    int day = 0, year = 0, hour = -1, minute = -1;
    if (month == 0 || w.size() < 3 || !all_digits(w[1]) || !all_digits(w[2]) || w[2].size() != 4)
        return std::nullopt;
    std::from_chars(w[1].data(), w[1].data() + w[1].size(), day);
    std::from_chars(w[2].data(), w[2].data() + w[2].size(), year);
    // A time is optional; a fourth word that is no "hh:mm" (a zone, say) leaves the day alone.
    if (w.size() > 3 && std::sscanf(std::string(w[3]).c_str(), "%2d:%2d", &hour, &minute) != 2)
        hour = minute = -1;
    char iso[40];
    if (hour < 0)
        std::snprintf(iso, sizeof iso, "%04d-%02d-%02d", year, month, day);
    else
        std::snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d", year, month, day, hour, minute);
    // parse_iso_date owns the range checks (day of month, leap years, hours).
    auto date = parse_iso_date(iso);
    return date ? std::optional<Date>(*date) : std::nullopt;
}

// Reads a "Posted ..." or "Updated ..." line into `slot`; false when the keyword differs.
bool take_dated_line(std::string_view line, std::string_view keyword, std::optional<Date> &slot, ParsedPage &page) {
    if (!text::starts_with_ci(line, keyword))
        return false;
    std::string_view rest = line.substr(keyword.size());
    if (!rest.empty() && rest.front() == ':')
        rest.remove_prefix(1);
    slot = parse_english_date(rest);
    if (!slot)
        page.warnings.push_back("cannot read the date in `" + std::string(line) + "`; the release is left without it");
    return true;
}

// The domain of the first e-mail address in `s`, lower-cased; empty when there is none.
std::string email_domain(std::string_view s) {
    std::size_t at = s.find('@');
    if (at == std::string_view::npos || at == 0 || s[at - 1] == ' ')
        return {};
    std::string_view domain = s.substr(at + 1, s.find(' ', at) - at - 1);
    while (!domain.empty() && (domain.back() == '.' || domain.back() == '>' || domain.back() == ')'))
        domain.remove_suffix(1);
    std::size_t dot = domain.find('.');
    if (dot == std::string_view::npos || dot == 0 || dot + 1 == domain.size())
        return {};
    return text::fold_case(domain);
}

// A newspaper article ends with the reporter's line: "<place>=<name> 기자 <e-mail>". It is
// short and carries an e-mail address; a body paragraph never does both.
void take_byline(ParsedPage &page) {
    auto &paragraphs = page.release.paragraphs;
    if (paragraphs.empty())
        return;
    const std::string &last = paragraphs.back();
    std::string domain = email_domain(last);
    if (domain.empty() || words_of(last).size() > 8) {
        page.warnings.push_back("no byline with an e-mail address: the publisher is unknown");
        return;
    }
    page.release.byline = last;
    page.release.source = domain;
    paragraphs.pop_back();
}

// Newspaper: title, the same title again, "Posted ...", "Updated ...", body, byline.
void parse_newspaper(Lines &lines, ParsedPage &page) {
    Release &r = page.release;
    r.title = text::collapse_whitespace(lines.next());
    if (text::collapse_whitespace(lines.peek()) == r.title)
        lines.next();
    while (take_dated_line(lines.peek(), "Posted", r.date, page) ||
           take_dated_line(lines.peek(), "Updated", r.updated, page))
        lines.next();
    r.paragraphs = lines.rest_as_paragraphs();
    take_byline(page);
}

void parse_unknown(Lines &lines, ParsedPage &page) {
    page.layout = PageLayout::Unknown;
    page.warnings.emplace_back(kUnknownLayoutWarning);
    page.release.title = text::collapse_whitespace(lines.next());
    page.release.paragraphs = lines.rest_as_paragraphs();
}

// Some pages repeat the title as the first body paragraph; it adds nothing to the body.
void drop_repeated_title(Release &r) {
    auto key = [](std::string_view s) { return text::fold_case(text::fold_for_terms(s)); };
    if (!r.paragraphs.empty() && key(r.paragraphs.front()) == key(r.title))
        r.paragraphs.erase(r.paragraphs.begin());
}

void parse_layout(Lines &lines, ParsedPage &page) {
    std::string_view first = lines.peek();
    if (equals_ci(first, "Go to Main Content")) {
        lines.next();
        if (Lines header = lines; parse_city_header(header, page)) {
            page.layout = PageLayout::SeoulCity;
            page.release.paragraphs = header.rest_as_paragraphs();
            return;
        }
        page.release = Release{}; // a half-read header must not leak into the fallback
    } else if (equals_ci(first, "Go to contents")) {
        lines.next();
        page.layout = PageLayout::Newspaper;
        parse_newspaper(lines, page);
        return;
    }
    parse_unknown(lines, page);
}

} // namespace

Result<ParsedPage> parse_page(std::string_view raw) {
    if (!text::is_valid_utf8(raw))
        return bad("page is not valid UTF-8; re-encode the file as UTF-8 and index it again");
    const std::string normalized = text::normalize(raw);
    if (text::trim(normalized).empty())
        return bad("page is empty or whitespace only; save the page's text again or remove the file");
    ParsedPage page;
    Lines lines(normalized);
    parse_layout(lines, page);
    drop_repeated_title(page.release);
    if (page.release.paragraphs.empty())
        return bad("page `" + page.release.title + "` has no body paragraphs; check that the whole page was saved");
    page.release.lang = text::detect_language(page.release.title + "\n" + page.release.body());
    return page;
}

} // namespace pressroom::indexer
