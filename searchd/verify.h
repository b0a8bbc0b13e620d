// Checking a quote as printed elsewhere against a verbatim one: a word-by-word comparison.
// Pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pressroom::searchd {

// One step of the comparison, in reading order.
struct DiffOp {
    enum Kind { Same, Changed, Added, Missing } kind = Same;
    std::string printed;  // the printed words (Same, Changed, Added)
    std::string original; // the original words (Same, Changed, Missing)
};

struct WordDiff {
    std::vector<DiffOp> ops;
    // Share of the printed words found, in order, in the original: 1 for a verbatim excerpt.
    double similarity = 0;
    bool verbatim = false; // every printed word stands in the original, nothing changed between
};

// Compares the printed text with the original word by word, ignoring case, punctuation and
// curly versus straight apostrophes. A printed excerpt of a longer original is not a change:
// original words before the first and after the last shared word are left out of the diff.
WordDiff word_diff(std::string_view printed, std::string_view original);

// "same", "changed", "added", "missing".
const char *diff_kind_name(DiffOp::Kind kind);

} // namespace pressroom::searchd
