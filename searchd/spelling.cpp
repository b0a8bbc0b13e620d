#include "spelling.h"

#include <algorithm>
#include <bit>
#include <vector>

#include "query_text.h"

namespace pressroom::searchd {

namespace {

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_lower_word(const std::string &term) {
    return !term.empty() && std::all_of(term.begin(), term.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// How many of the letter pairs of `word` also stand in `term`, in either order: of two
// corrections equally close, the one keeping more of what was typed is likelier meant
// ("bejing" is "beijing" rather than "being"). Either order, because two letters typed the
// wrong way round are the commonest slip: "fruad" keeps "ua" of "fraud" as "au", and is
// "fraud" rather than the rarer name "fouad", which keeps "ua" and "ad" as typed.
unsigned shared_pairs(std::string_view word, std::string_view term) {
    unsigned shared = 0;
    for (std::size_t i = 0; i + 1 < word.size(); ++i) {
        const char pair[2] = {word[i], word[i + 1]}, swapped[2] = {word[i + 1], word[i]};
        bool kept = term.find(std::string_view(pair, 2)) != std::string_view::npos ||
                    term.find(std::string_view(swapped, 2)) != std::string_view::npos;
        shared += kept ? 1 : 0;
    }
    return shared;
}

std::uint32_t letters_of(std::string_view word) {
    std::uint32_t bits = 0;
    for (char c : word)
        bits |= 1u << (c - 'a');
    return bits;
}

} // namespace

const Vocabulary::Letter &Vocabulary::letter(char first, const Xapian::Database &db) const {
    std::lock_guard lock(m_mutex);
    std::unique_ptr<const Letter> &slot = m_letters[static_cast<std::size_t>(first - 'a')];
    if (!slot) {
        auto made = std::make_unique<Letter>();
        std::vector<Word> read; // in alphabetical order
        std::string prefix(1, first);
        for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
            std::string term = *it;
            // A common word is never what was meant ("frod" is not "from").
            if (!is_lower_word(term) || query_text::is_stop_word(term))
                continue;
            read.push_back({static_cast<std::uint32_t>(made->text.size()), static_cast<std::uint32_t>(term.size()),
                            it.get_termfreq(), letters_of(term)});
            made->text += term;
        }
        // Sorted by length, each length stays alphabetical.
        std::stable_sort(read.begin(), read.end(), [](const Word &a, const Word &b) { return a.size < b.size; });
        made->words = std::move(read);
        made->text.shrink_to_fit();
        slot = std::move(made);
    }
    return *slot;
}

std::string Vocabulary::closest(const std::string &word, const Xapian::Database &db) const {
    if (!is_lower_word(word))
        return {};
    unsigned limit = word.size() <= 4 ? 1 : 2;
    const Letter &known = letter(word[0], db);
    // The words of `length` letters or more start here.
    auto from = [&](std::size_t length) {
        return std::partition_point(known.words.begin(), known.words.end(),
                                    [&](const Word &w) { return w.size < length; });
    };
    std::uint32_t typed = letters_of(word);
    const Word *best = nullptr;
    unsigned best_distance = limit + 1, best_shared = 0;
    for (auto it = from(word.size() > limit ? word.size() - limit : 0), end = from(word.size() + limit + 1); it != end;
         ++it) {
        const Word &w = *it;
        // Each letter one word has and the other lacks takes an edit: a bound that rules out
        // most words before the distance is worked out.
        if (static_cast<unsigned>(std::max(std::popcount(w.letters & ~typed), std::popcount(typed & ~w.letters))) >
            limit)
            continue;
        std::string_view text = known.word(w);
        unsigned d = edit_distance(word, text, limit);
        if (d > limit)
            continue;
        unsigned shared = shared_pairs(word, text);
        bool better =
            !best || d < best_distance ||
            (d == best_distance &&
             (shared > best_shared ||
              (shared == best_shared && (w.freq > best->freq || (w.freq == best->freq && text < known.word(*best))))));
        if (better) {
            best = &w;
            best_distance = d;
            best_shared = shared;
        }
    }
    return best ? std::string(known.word(*best)) : std::string();
}

unsigned edit_distance(std::string_view a, std::string_view b, unsigned limit) {
    std::size_t n = a.size(), m = b.size();
    if ((n > m ? n - m : m - n) > limit)
        return limit + 1;
    std::vector<std::vector<unsigned>> d(n + 1, std::vector<unsigned>(m + 1));
    for (std::size_t i = 0; i <= n; ++i)
        d[i][0] = static_cast<unsigned>(i);
    for (std::size_t j = 0; j <= m; ++j)
        d[0][j] = static_cast<unsigned>(j);
    for (std::size_t i = 1; i <= n; ++i) {
        unsigned row_min = d[i][0]; // column 0 is part of the row: with b empty it is the whole row
        for (std::size_t j = 1; j <= m; ++j) {
            unsigned cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            row_min = std::min(row_min, d[i][j]);
        }
        if (row_min > limit)
            return limit + 1;
    }
    return std::min(d[n][m], limit + 1);
}

std::string corrected_query(std::string_view q, const Xapian::Database &db, const Vocabulary &vocabulary) {
    std::string out;
    bool changed = false, in_quotes = false;
    std::size_t i = 0;
    while (i < q.size()) {
        if (q[i] == ':' && i + 1 < q.size() && q[i + 1] == '"') {
            // A quoted field value (category:"Mayor's News") is a name, never corrected.
            std::size_t close = q.find('"', i + 2);
            close = close == std::string_view::npos ? q.size() : close + 1;
            out += q.substr(i, close - i);
            i = close;
            continue;
        }
        if (q[i] == '"')
            in_quotes = !in_quotes;
        if (!is_letter(q[i])) {
            out += q[i++];
            continue;
        }
        std::size_t end = i;
        while (end < q.size() && is_letter(q[end]))
            ++end;
        std::string word(q.substr(i, end - i));
        // Field names (title:) and field values (category:x) are left alone, as are operators.
        bool field = (end < q.size() && q[end] == ':') || (i > 0 && q[i - 1] == ':') ||
                     (i > 0 && !in_quotes && q[i - 1] != ' ' && q[i - 1] != '(' && q[i - 1] != '-' && q[i - 1] != '+' &&
                      q[i - 1] != '"');
        // A word in capitals is an abbreviation (OPEC, USX), which a near word would replace
        // with another meaning ("open", "us"), as word processors leave such words unchecked;
        // or an operator (AND, OR, NOT, XOR, NEAR).
        bool capitals = std::all_of(word.begin(), word.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
        // Part of a longer word (café, covid19): not a word of its own.
        bool next_is_letterlike =
            end < q.size() && (static_cast<unsigned char>(q[end]) >= 0x80 || (q[end] >= '0' && q[end] <= '9'));
        std::string lower_word;
        for (char c : word)
            lower_word += lower(c);
        if (!field && !capitals && !next_is_letterlike && word.size() >= 3 && db.get_termfreq(lower_word) == 0) {
            std::string fix = vocabulary.closest(lower_word, db);
            if (!fix.empty()) {
                if (word[0] >= 'A' && word[0] <= 'Z')
                    fix[0] = static_cast<char>(fix[0] - 'a' + 'A');
                word = fix;
                changed = true;
            }
        }
        out += word;
        i = end;
    }
    return changed ? out : std::string();
}

} // namespace pressroom::searchd
