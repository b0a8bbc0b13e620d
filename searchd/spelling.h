// "Did you mean": corrections of words the index does not know, from the index's own
// vocabulary. No spelling data is stored at index time: the candidates are the terms that
// share the word's first letter, compared by edit distance.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace pressroom::searchd {

// The words corrections are drawn from: the index's terms of lower-case ASCII letters only
// (no field prefix), less the common words, with how many releases have each. The words of one
// first letter are read from the index the first time a word with that letter needs
// correcting, and kept: on DOJ the term scan for "snowe" took about 1.1 ms and a hundred block
// reads on every search, a correction from memory takes about 0.05 ms. Shared by the request
// threads (PerRevision<Vocabulary>).
class Vocabulary {
  public:
    // The known word closest to `word` (lower-case ASCII letters), or empty: within 1 edit for
    // words of up to 4 letters, 2 for longer ones; the fewest edits, then the most letter pairs
    // kept, then the most frequent, then the first in alphabetical order. `db` is the revision
    // this vocabulary is of, read for letters met for the first time.
    std::string closest(const std::string &word, const Xapian::Database &db) const;

  private:
    // One letter's words, shortest first (alphabetical within a length), their text end to end
    // in `text`: 16 bytes a word beside its letters.
    struct Word {
        std::uint32_t at = 0, size = 0; // where in Letter::text
        Xapian::doccount freq = 0;
        std::uint32_t letters = 0; // a bit for each letter in it
    };
    struct Letter {
        std::string text;
        std::vector<Word> words;
        std::string_view word(const Word &w) const { return std::string_view(text).substr(w.at, w.size); }
    };
    const Letter &letter(char first, const Xapian::Database &db) const;

    mutable std::mutex m_mutex;
    mutable std::array<std::unique_ptr<const Letter>, 26> m_letters;
};

// Optimal string alignment distance (insertions, deletions, substitutions and swaps of
// neighbours), or limit + 1 when it is larger than `limit`.
unsigned edit_distance(std::string_view a, std::string_view b, unsigned limit);

// The query with each unknown word (three or more ASCII letters, not all capitals, outside
// field:value words, not known to the index) replaced by the most frequent known word within
// edit distance 1 (words of up to 4 letters) or 2; capitalised words stay capitalised. Empty
// when no word changed.
// `vocabulary` is that of `db`'s revision.
std::string corrected_query(std::string_view q, const Xapian::Database &db, const Vocabulary &vocabulary);

} // namespace pressroom::searchd
