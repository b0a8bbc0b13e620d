#include "verify.h"

#include <algorithm>

#include "text.h"

namespace pressroom::searchd {

namespace {

struct Word {
    std::string shown; // as written
    std::string key;   // compared: folded, letters and digits only
};

std::vector<Word> words_of(std::string_view s) {
    std::vector<Word> out;
    std::string normal = text::collapse_whitespace(text::normalize(s));
    std::size_t i = 0;
    while (i < normal.size()) {
        std::size_t space = std::min(normal.find(' ', i), normal.size());
        Word w;
        w.shown = normal.substr(i, space - i);
        for (char c : text::fold_case(text::fold_for_terms(w.shown)))
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80)
                w.key += c;
        if (!w.key.empty())
            out.push_back(std::move(w));
        else if (!out.empty())
            out.back().shown += " " + w.shown; // a lone dash or mark travels with the word before
        i = space + 1;
    }
    return out;
}

std::string join(const std::vector<Word> &words, std::size_t from, std::size_t to) {
    std::string out;
    for (std::size_t i = from; i < to; ++i)
        out += (out.empty() ? "" : " ") + words[i].shown;
    return out;
}

} // namespace

const char *diff_kind_name(DiffOp::Kind kind) {
    switch (kind) {
    case DiffOp::Same:
        return "same";
    case DiffOp::Changed:
        return "changed";
    case DiffOp::Added:
        return "added";
    case DiffOp::Missing:
        return "missing";
    }
    return "same";
}

WordDiff word_diff(std::string_view printed_text, std::string_view original_text) {
    WordDiff diff;
    auto printed = words_of(printed_text);
    auto original = words_of(original_text);
    if (printed.empty() || original.empty())
        return diff;
    // Longest common subsequence of the word keys; quotations are short (a few hundred words).
    std::size_t n = printed.size(), m = original.size();
    std::vector<std::vector<unsigned>> lcs(n + 1, std::vector<unsigned>(m + 1, 0));
    for (std::size_t i = n; i-- > 0;)
        for (std::size_t j = m; j-- > 0;)
            lcs[i][j] =
                printed[i].key == original[j].key ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    // Each match as late as costs nothing, so a printed excerpt lines up with one stretch of
    // the original rather than with words scattered before it.
    for (std::size_t i = 0, j = 0; i < n && j < m;) {
        if (printed[i].key == original[j].key && lcs[i][j + 1] < lcs[i][j]) {
            pairs.emplace_back(i, j);
            ++i;
            ++j;
        } else if (lcs[i + 1][j] >= lcs[i][j + 1]) {
            ++i;
        } else {
            ++j;
        }
    }
    if (!pairs.empty()) {
        std::size_t stretch = pairs.back().second - pairs.front().second + 1;
        diff.similarity = 2.0 * static_cast<double>(pairs.size()) / static_cast<double>(n + stretch);
    }
    if (pairs.empty()) {
        diff.ops.push_back({DiffOp::Added, join(printed, 0, n), ""});
        return diff;
    }
    // The gap before each shared word, then the word; the original outside the shared span is
    // what the excerpt left out, not a change.
    auto gap = [&](std::size_t pi, std::size_t pj, std::size_t ci, std::size_t cj, bool edge) {
        std::string p = join(printed, pi, ci);
        std::string o = edge ? std::string() : join(original, pj, cj);
        if (!p.empty() && !o.empty())
            diff.ops.push_back({DiffOp::Changed, p, o});
        else if (!p.empty())
            diff.ops.push_back({DiffOp::Added, p, ""});
        else if (!o.empty())
            diff.ops.push_back({DiffOp::Missing, "", o});
    };
    std::size_t pi = 0, pj = pairs.front().second;
    for (const auto &[i, j] : pairs) {
        gap(pi, pj, i, j, false);
        if (!diff.ops.empty() && diff.ops.back().kind == DiffOp::Same) {
            diff.ops.back().printed += " " + printed[i].shown;
            diff.ops.back().original += " " + original[j].shown;
        } else {
            diff.ops.push_back({DiffOp::Same, printed[i].shown, original[j].shown});
        }
        pi = i + 1;
        pj = j + 1;
    }
    gap(pi, pj, n, m, true);
    diff.verbatim =
        std::all_of(diff.ops.begin(), diff.ops.end(), [](const DiffOp &op) { return op.kind == DiffOp::Same; });
    return diff;
}

} // namespace pressroom::searchd
