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
    // How well the printed words line up with one stretch of the original: the words found in
    // order, against the printed words and the original's stretch from the first to the last
    // of them (Dice: 2 x found / (printed + stretch)). 1 for a verbatim excerpt; low for words
    // found only scattered across a long quotation.
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
