// "Did you mean": corrections of words the index does not know, from the index's own
// vocabulary. No spelling data is stored at index time: the candidates are the terms that
// share the word's first letter, compared by edit distance.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace pressroom::searchd {

// Optimal string alignment distance (insertions, deletions, substitutions and swaps of
// neighbours), or limit + 1 when it is larger than `limit`.
unsigned edit_distance(std::string_view a, std::string_view b, unsigned limit);

// The query with each unknown word (three or more ASCII letters, outside field:value words,
// not known to the index) replaced by the most frequent known word within edit distance 1
// (words of up to 4 letters) or 2; capitalised words stay capitalised. Empty when no word
// changed.
std::string corrected_query(std::string_view q, const Xapian::Database &db);

} // namespace pressroom::searchd
