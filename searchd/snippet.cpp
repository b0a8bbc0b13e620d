#include "snippet.h"

#include <algorithm>
#include <array>

#include "schema.h"
#include "stem_cache.h"
#include "text.h"

namespace pressroom::searchd {

namespace {

// Flags: no background model and no exhaustive search. Both defaults cost ten times more
// per snippet (see the benchmarks) for little gain on press-release-sized text. CJK n-grams
// as the index has them.
constexpr unsigned kSnippetFlags = schema::kSnippetFlags;

// Xapian marks each matching CJK character on its own ("<mark>박</mark><mark>원</mark>"):
// neighbouring marks become one, so a name or word is highlighted whole.
std::string join_marks(std::string html) {
    constexpr std::string_view kSeam = "</mark><mark>";
    std::size_t at = 0;
    while ((at = html.find(kSeam, at)) != std::string::npos)
        html.erase(at, kSeam.size());
    return html;
}

// Text content only (never attributes), like MSet::snippet's output: apostrophes stay as they
// are, so a snippet reads the same whether Xapian or opening_html made it. markup.h's
// html_escape, for attributes too, also escapes '.
std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
        case '<':
            out += "&lt;";
            break;
        case '>':
            out += "&gt;";
            break;
        case '&':
            out += "&amp;";
            break;
        case '"':
            out += "&quot;";
            break;
        default:
            out += c;
        }
    }
    return out;
}

// How much text snippet_source reads to find the best paragraph.
constexpr std::size_t kScanBytes = 16 * 1024;

// Stem objects are costly to construct and not to be shared between threads. MSet::snippet
// stems every word of the text it is given: a page of ten stems some 2,000 words, mostly the
// same common ones, so the stems are remembered (512 KB per thread; on the benchmark's
// queries 90% of the words are found there, 96% with four times the slots).
constexpr std::size_t kRememberedStems = 8192;
const Xapian::Stem &stemmer() {
    thread_local const Xapian::Stem stem = remembering_stemmer(schema::make_stemmer(), kRememberedStems);
    return stem;
}

} // namespace

std::vector<std::string> snippet_paragraphs(const Release &release) {
    std::vector<std::string> parts;
    parts.reserve(release.paragraphs.size() + 1);
    if (!release.subtitle.empty())
        parts.push_back(release.subtitle);
    parts.insert(parts.end(), release.paragraphs.begin(), release.paragraphs.end());
    return parts;
}

std::string opening_html(std::string_view text, std::size_t length) {
    if (text.size() <= length)
        return html_escape(text);
    std::size_t cut = text.rfind(' ', length);
    std::string_view head =
        cut == std::string_view::npos || cut == 0 ? text::utf8_prefix(text, length) : text.substr(0, cut);
    return html_escape(head) + "…";
}

std::optional<std::size_t> best_paragraph(const std::vector<std::string> &paragraphs,
                                          const std::vector<std::string> &hints) {
    // The search stops at a paragraph with every hint, and after kScanBytes of text: a very long
    // release must not cost more than a short one.
    // Each paragraph is lowered once (ASCII, as starts_with_ci compares) and searched with find()
    // for every hint.
    std::vector<std::string> lowered_hints;
    lowered_hints.reserve(hints.size());
    for (const auto &hint : hints)
        if (!hint.empty())
            lowered_hints.push_back(text::lower_ascii(hint));
    std::size_t first = 0, best = 0, scanned = 0;
    for (std::size_t i = 0; i < paragraphs.size() && best < lowered_hints.size() && scanned < kScanBytes; ++i) {
        std::string lowered = text::lower_ascii(paragraphs[i]);
        std::size_t found = 0;
        for (const auto &hint : lowered_hints)
            found += lowered.find(hint) != std::string::npos ? 1 : 0;
        if (found > best) {
            best = found;
            first = i;
        }
        scanned += paragraphs[i].size();
    }
    return best > 0 ? std::optional(first) : std::nullopt;
}

std::optional<std::size_t> snippet_paragraph(const std::vector<std::string> &paragraphs, std::size_t first,
                                             std::string_view snippet_text) {
    constexpr std::string_view kEllipsis = "\u2026";
    if (snippet_text.starts_with(kEllipsis))
        snippet_text.remove_prefix(kEllipsis.size());
    // The first words of the snippet, up to a space, are looked for in the paragraphs in turn.
    std::string_view probe = text::utf8_prefix(snippet_text, 40);
    if (std::size_t space = probe.rfind(' '); space != std::string_view::npos && space > 8)
        probe = probe.substr(0, space);
    if (probe.ends_with(kEllipsis))
        probe.remove_suffix(kEllipsis.size());
    if (probe.empty())
        return std::nullopt;
    std::string joined;
    std::vector<std::size_t> starts;
    for (std::size_t i = first; i < paragraphs.size() && joined.size() < kSnippetSourceBytes + probe.size(); ++i) {
        if (!joined.empty())
            joined += ' ';
        starts.push_back(joined.size());
        joined += paragraphs[i];
    }
    std::size_t at = joined.find(probe);
    if (at == std::string::npos)
        return std::nullopt;
    std::size_t index =
        static_cast<std::size_t>(std::upper_bound(starts.begin(), starts.end(), at) - starts.begin()) - 1;
    return first + index;
}

std::string snippet_source(const std::vector<std::string> &paragraphs, const std::vector<std::string> &hints,
                           std::size_t cap) {
    return snippet_window(paragraphs, best_paragraph(paragraphs, hints).value_or(0), cap);
}

std::string snippet_window(const std::vector<std::string> &paragraphs, std::size_t first, std::size_t cap) {
    std::string out;
    for (std::size_t i = first; i < paragraphs.size() && out.size() < cap; ++i) {
        if (!out.empty())
            out += ' ';
        out += paragraphs[i];
    }
    if (out.size() > cap) {
        // End at a space, so the snippet never stops inside a word.
        std::size_t space = out.rfind(' ', cap);
        out.resize(space != std::string::npos && space > cap / 2 ? space : text::utf8_prefix(out, cap).size());
    }
    return out;
}

namespace {

class PageStem : public Xapian::StemImplementation {
  public:
    PageStem(Xapian::Stem inner, std::array<bool, 26> letters) : m_inner(std::move(inner)), m_letters(letters) {}

    std::string operator()(const std::string &word) override {
        if (!word.empty() && word[0] >= 'a' && word[0] <= 'z' && !m_letters[static_cast<std::size_t>(word[0] - 'a')])
            return word;
        return m_inner(word);
    }

    std::string get_description() const override { return "page of " + m_inner.get_description(); }

  private:
    Xapian::Stem m_inner;
    std::array<bool, 26> m_letters;
};

} // namespace

Xapian::Stem page_stemmer(const Xapian::Query &query) {
    std::array<bool, 26> letters{};
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
        const std::string &term = *it;
        if (term.size() >= 2 && term[0] == 'Z' && term[1] >= 'a' && term[1] <= 'z')
            letters[static_cast<std::size_t>(term[1] - 'a')] = true;
    }
    return Xapian::Stem(new PageStem(stemmer(), letters));
}

std::string snippet_html(const Xapian::MSet &mset, std::string_view text, std::size_t length,
                         const Xapian::Stem *stem) {
    return join_marks(
        mset.snippet(std::string(text), length, stem ? *stem : stemmer(), kSnippetFlags, "<mark>", "</mark>", "…"));
}

std::string title_html(const Xapian::MSet &mset, std::string_view title, const Xapian::Stem *stem) {
    // A length beyond the title's own keeps it whole.
    return join_marks(mset.snippet(std::string(title), title.size() + 16, stem ? *stem : stemmer(), kSnippetFlags,
                                   "<mark>", "</mark>", "…"));
}

} // namespace pressroom::searchd
