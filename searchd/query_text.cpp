#include "query_text.h"

#include <algorithm>
#include <optional>

#include "text.h"

namespace pressroom::searchd::query_text {

namespace {

const char *const kStopWords[] = {"a",    "an", "and",  "are",  "as",   "at",   "be",  "by",   "for",
                                  "from", "in", "into", "is",   "it",   "of",   "on",  "or",   "that",
                                  "the",  "to", "was",  "were", "will", "with", "its", "this", "has"};

struct Token {
    std::string_view text;
    bool in_phrase; // inside a phrase opened by an earlier token
};

std::vector<Token> tokens_of(std::string_view q) {
    std::vector<Token> tokens;
    bool in_phrase = false;
    std::size_t start = 0;
    while (start < q.size()) {
        std::size_t end = std::min(q.find(' ', start), q.size());
        std::string_view word = q.substr(start, end - start);
        tokens.push_back({word, in_phrase});
        in_phrase ^= std::count(word.begin(), word.end(), '"') % 2 == 1;
        start = end + 1;
    }
    return tokens;
}

// Rewrites each token: `f` returns its replacement, or nothing to drop it.
template <typename F> std::string map_tokens(std::string_view q, F &&f) {
    std::string out;
    for (const Token &token : tokens_of(q))
        if (std::optional<std::string> word = f(token); word && !word->empty())
            out += (out.empty() ? "" : " ") + *word;
    return out;
}

bool is_year(std::string_view word) {
    return word.size() == 4 && (word.starts_with("19") || word.starts_with("20")) &&
           word.find_first_not_of("0123456789") == std::string_view::npos;
}

bool is_lower_ascii_word(std::string_view word) {
    return !word.empty() && word.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string_view::npos;
}

} // namespace

std::span<const char *const> stop_words() { return kStopWords; }

bool is_stop_word(std::string_view word) {
    return std::find(std::begin(kStopWords), std::end(kStopWords), word) != std::end(kStopWords);
}

bool is_operator(std::string_view word) {
    for (const char *op : {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"})
        if (word == op)
            return true;
    return word.starts_with("NEAR/") || word.starts_with("ADJ/");
}

std::string words_only(std::string_view q) {
    std::string out(q);
    for (char &c : out)
        if (c == '"' || c == '(' || c == ')' || c == '*' || c == '+' || c == ':')
            c = ' ';
    return out;
}

std::string lower_case_words(std::string_view q) {
    return map_tokens(q, [](const Token &t) {
        return std::optional(is_operator(t.text) ? std::string(t.text) : text::fold_case(t.text));
    });
}

std::string exclusions_as_not(std::string_view q) {
    std::string negatives;
    for (const Token &t : tokens_of(q)) {
        if (t.text.size() > 1 && t.text[0] == '-')
            negatives += (negatives.empty() ? "NOT " : " NOT ") + std::string(t.text.substr(1));
        else if (!is_stop_word(t.text))
            return std::string(q); // something to search for: leave it to the parser
    }
    return negatives.empty() ? std::string(q) : negatives;
}

std::string take_years(std::string_view q, std::vector<std::string> &years) {
    return map_tokens(q, [&](const Token &t) -> std::optional<std::string> {
        if (!t.in_phrase && is_year(t.text)) {
            years.emplace_back(t.text);
            return std::nullopt;
        }
        return std::string(t.text);
    });
}

std::string plain_words(std::string_view q) {
    bool after_not = false;
    return map_tokens(q, [&](const Token &t) -> std::optional<std::string> {
        bool skip =
            after_not || is_operator(t.text) || t.text.starts_with('-') || t.text.find(':') != std::string_view::npos;
        after_not = t.text == "NOT";
        if (skip)
            return std::nullopt;
        return text::collapse_whitespace(words_only(t.text));
    });
}

std::string required_phrases(std::string_view q) {
    std::string out;
    bool in_phrase = false;
    for (std::size_t i = 0; i < q.size(); ++i) {
        if (q[i] == '"') {
            bool opens = !in_phrase;
            in_phrase = !in_phrase;
            if (opens && (i == 0 || (q[i - 1] != '+' && q[i - 1] != '-' && q[i - 1] != ':')))
                out += '+';
        }
        out += q[i];
    }
    return out;
}

std::string split_run_together(std::string_view q, const std::function<unsigned(const std::string &)> &termfreq) {
    constexpr std::size_t kMinPart = 2, kMinWord = 5;
    return map_tokens(q, [&](const Token &t) {
        std::string word(t.text);
        if (t.in_phrase || !is_lower_ascii_word(word) || word.size() < kMinWord || termfreq(word) > 0)
            return std::optional(word);
        unsigned best = 0;
        std::string split = word;
        for (std::size_t i = kMinPart; i + kMinPart <= word.size(); ++i) {
            unsigned freq = std::min(termfreq(word.substr(0, i)), termfreq(word.substr(i)));
            if (freq > best) {
                best = freq;
                split = word.substr(0, i) + "-" + word.substr(i);
            }
        }
        return std::optional(split);
    });
}

std::string join_split_words(std::string_view q, const std::function<unsigned(const std::string &)> &termfreq) {
    auto joinable = [](const Token &t) {
        return !t.in_phrase && is_lower_ascii_word(t.text) && t.text.size() >= 2 && !is_stop_word(t.text);
    };
    std::vector<Token> tokens = tokens_of(q);
    std::string out;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        std::string word(tokens[i].text);
        if (i + 1 < tokens.size() && joinable(tokens[i]) && joinable(tokens[i + 1])) {
            std::string joined = word + std::string(tokens[i + 1].text);
            if (termfreq(joined) > 0) {
                word = "(" + word + " " + std::string(tokens[i + 1].text) + " OR " + joined + ")";
                ++i;
            }
        }
        out += (out.empty() ? "" : " ") + word;
    }
    return out;
}

std::string syntax_notice(std::string_view q, bool reparsed) {
    if (reparsed)
        return "Your query could not be read as written (check quotes and parentheses); its words were searched "
               "for instead.";
    if (std::count(q.begin(), q.end(), '"') % 2 == 1)
        return "A quotation mark was not closed: the words after it were searched for as a phrase.";
    if (std::count(q.begin(), q.end(), '(') != std::count(q.begin(), q.end(), ')'))
        return "The parentheses do not pair up: they were read as best they could be.";
    return {};
}

} // namespace pressroom::searchd::query_text
