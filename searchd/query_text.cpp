#include "query_text.h"

#include <algorithm>
#include <optional>

#include <unicode/uchar.h>

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

std::vector<std::string> plain_word_groups(std::string_view q) {
    std::vector<std::string> groups;
    bool after_not = false;
    for (const Token &t : tokens_of(q)) {
        if (!t.in_phrase)
            groups.emplace_back(); // a word, or the first of a phrase
        bool skip =
            after_not || is_operator(t.text) || t.text.starts_with('-') || t.text.find(':') != std::string_view::npos;
        after_not = t.text == "NOT";
        if (std::string word = text::collapse_whitespace(words_only(t.text)); !skip && !word.empty())
            groups.back() += (groups.back().empty() ? "" : " ") + word;
    }
    std::erase(groups, std::string());
    return groups;
}

std::string plain_words(std::string_view q) {
    std::string out;
    for (const std::string &group : plain_word_groups(q))
        out += (out.empty() ? "" : " ") + group;
    return out;
}

std::string required_phrases(std::string_view q) {
    std::string out;
    bool in_phrase = false;
    int depth = 0;
    for (std::size_t i = 0; i < q.size(); ++i) {
        if (!in_phrase && q[i] == '(')
            ++depth;
        else if (!in_phrase && q[i] == ')' && depth > 0)
            --depth;
        if (q[i] == '"') {
            bool opens = !in_phrase;
            in_phrase = !in_phrase;
            if (opens && depth == 0 && (i == 0 || (q[i - 1] != '+' && q[i - 1] != '-' && q[i - 1] != ':')))
                out += '+';
        }
        out += q[i];
    }
    return out;
}

namespace {

bool is_positional_operator(std::string_view word) {
    return word == "NEAR" || word == "ADJ" || word.starts_with("NEAR/") || word.starts_with("ADJ/");
}

// One term to Xapian's QueryParser: letters and digits of any script but the CJK ones (which
// group_cjk puts in parentheses), and underscores.
bool is_plain_word(std::string_view word) {
    if (word.empty())
        return false;
    for (std::size_t i = 0; i < word.size();) {
        char32_t c = text::next_code_point(word, i);
        if (!(u_isalnum(static_cast<UChar32>(c)) || c == '_') || text::is_cjk(c))
            return false;
    }
    return true;
}

} // namespace

std::string group_positional(std::string_view q) {
    std::vector<Token> tokens = tokens_of(q);
    std::vector<std::string> out;
    for (const Token &t : tokens)
        out.emplace_back(t.text);
    const std::size_t n = tokens.size();
    auto is_op = [&](std::size_t k) { return !tokens[k].in_phrase && is_operator(tokens[k].text); };
    auto is_positional = [&](std::size_t k) { return !tokens[k].in_phrase && is_positional_operator(tokens[k].text); };
    for (std::size_t first = 0; first + 2 < n; ++first) {
        if (!is_positional(first + 1))
            continue;
        std::size_t last = first + 2;
        while (last + 2 < n && is_positional(last + 1))
            last += 2;
        // The operands without the signs and parentheses around the run.
        std::string_view head = tokens[first].text, tail = tokens[last].text;
        std::size_t lead = std::min(head.find_first_not_of("(+-"), head.size());
        std::size_t trail = tail.find_last_not_of(')') == std::string_view::npos ? 0 : tail.find_last_not_of(')') + 1;
        bool plain = is_plain_word(head.substr(lead)) && is_plain_word(tail.substr(0, trail));
        for (std::size_t k = first + 2; k < last; k += 2)
            plain = plain && is_plain_word(tokens[k].text);
        if (!plain) {
            for (std::size_t k = first + 1; k < last; k += 2)
                out[k] = text::lower_ascii(out[k]);
        } else if ((first > 0 && !is_op(first - 1)) || (last + 1 < n && !is_op(last + 1))) {
            out[first].insert(lead, 1, '(');
            out[last].insert(trail, 1, ')');
        }
        first = last;
    }
    std::string joined;
    for (const std::string &word : out)
        joined += (joined.empty() ? "" : " ") + word;
    return joined;
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

std::string expand_synonyms(std::string_view q, const std::vector<std::vector<std::string>> &groups,
                            std::vector<std::vector<std::string>> &used) {
    if (groups.empty())
        return std::string(q);
    std::vector<Token> tokens = tokens_of(q);
    // The words of plain tokens, hyphenated ones split, each with the token it came from.
    struct Word {
        std::string text;
        std::size_t token;
        bool starts_token, ends_token;
    };
    std::vector<Word> words;
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        std::string_view text = tokens[t].text;
        bool plain = !tokens[t].in_phrase && !is_operator(text) && !text.empty() && text[0] != '-' && text[0] != '+' &&
                     text.find_first_of("\"():*") == std::string_view::npos;
        if (!plain)
            continue;
        std::size_t start = 0;
        std::vector<Word> parts;
        while (start <= text.size()) {
            std::size_t dash = std::min(text.find('-', start), text.size());
            if (dash > start)
                parts.push_back({std::string(text.substr(start, dash - start)), t, false, false});
            start = dash + 1;
        }
        if (parts.empty())
            continue;
        parts.front().starts_token = true;
        parts.back().ends_token = true;
        words.insert(words.end(), parts.begin(), parts.end());
    }
    std::vector<std::string> replaced(tokens.size());
    std::vector<bool> dropped(tokens.size(), false);
    for (std::size_t i = 0; i < words.size();) {
        std::size_t best_len = 0;
        const std::vector<std::string> *best_group = nullptr;
        if (words[i].starts_token)
            for (const auto &group : groups)
                for (const auto &member : group) {
                    std::size_t n = 0, pos = 0;
                    bool match = true;
                    while (pos <= member.size()) {
                        std::size_t space = std::min(member.find(' ', pos), member.size());
                        std::string_view part = std::string_view(member).substr(pos, space - pos);
                        if (i + n >= words.size() || words[i + n].text != part ||
                            (n > 0 && words[i + n].token != words[i + n - 1].token &&
                             words[i + n].token != words[i + n - 1].token + 1)) {
                            match = false;
                            break;
                        }
                        ++n;
                        pos = space + 1;
                    }
                    if (match && n > best_len && words[i + n - 1].ends_token) {
                        best_len = n;
                        best_group = &group;
                    }
                }
        if (!best_group) {
            ++i;
            continue;
        }
        std::string alternatives;
        for (const auto &member : *best_group)
            alternatives += (alternatives.empty() ? "" : " OR ") +
                            (member.find(' ') == std::string::npos ? member : "\"" + member + "\"");
        std::size_t first = words[i].token, last = words[i + best_len - 1].token;
        replaced[first] = "(" + alternatives + ")";
        for (std::size_t t = first + 1; t <= last; ++t)
            dropped[t] = true;
        used.push_back(*best_group);
        i += best_len;
    }
    std::string out;
    for (std::size_t t = 0; t < tokens.size(); ++t) {
        if (dropped[t])
            continue;
        if (!out.empty())
            out += ' ';
        out += replaced[t].empty() ? std::string(tokens[t].text) : replaced[t];
    }
    return out;
}

std::string read_query(std::string_view q, const std::vector<std::vector<std::string>> &synonyms) {
    std::vector<std::string> all, phrases, titles, prefixes, without, ignored, years;
    std::vector<Token> tokens = tokens_of(q);
    auto clean = [](std::string_view s) {
        std::string out;
        for (char c : s)
            if (c != '(' && c != ')' && c != '"' && c != '+')
                out += c;
        return out;
    };
    std::string phrase;
    bool phrase_excluded = false, negate_next = false, or_next = false;
    std::vector<std::string> *last = nullptr; // the list that took the last item, for "a OR b"
    auto place = [&](std::vector<std::string> &list, std::string item) {
        if (or_next && last) {
            last->back() += " or " + item;
            or_next = false;
            return;
        }
        list.push_back(std::move(item));
        last = &list;
    };
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        std::string_view t = tokens[i].text;
        bool opens_phrase = !tokens[i].in_phrase && std::count(t.begin(), t.end(), '"') % 2 == 1;
        if (tokens[i].in_phrase || opens_phrase) {
            if (opens_phrase)
                phrase_excluded = t.starts_with("-") || t.starts_with("(-") || negate_next;
            if (!phrase.empty())
                phrase += ' ';
            phrase += clean(t.starts_with("-") ? t.substr(1) : t);
            bool closes = i + 1 == tokens.size() || !tokens[i + 1].in_phrase;
            if (closes) {
                std::string item = "\"" + phrase + "\"";
                if (phrase_excluded)
                    without.push_back(item);
                else
                    place(phrases, item);
                phrase.clear();
                negate_next = false;
            }
            continue;
        }
        if (t == "OR" || t == "XOR") {
            or_next = last != nullptr;
            continue;
        }
        if (t == "NOT") {
            negate_next = true;
            continue;
        }
        if (is_operator(t))
            continue;
        bool excluded = negate_next || t.starts_with('-');
        negate_next = false;
        std::string word = clean(t.starts_with('-') ? t.substr(1) : t);
        if (word.empty())
            continue;
        if (excluded) {
            without.push_back(word);
        } else if (std::size_t colon = word.find(':'); colon != std::string::npos) {
            place(titles, word.substr(0, colon) + ": " + word.substr(colon + 1));
        } else if (word.ends_with('*')) {
            place(prefixes, word.substr(0, word.size() - 1) + "…");
        } else if (is_year(word)) {
            years.push_back(word);
        } else if (is_stop_word(word)) {
            ignored.push_back(word);
        } else {
            place(all, word);
        }
    }
    if (all.empty() && phrases.empty() && titles.empty() && prefixes.empty() && without.empty() && !ignored.empty())
        std::swap(all, ignored); // nothing but common words: those are searched for
    std::string out;
    auto add = [&](const char *label, const std::vector<std::string> &items) {
        if (items.empty())
            return;
        out += (out.empty() ? "" : "; ") + std::string(label) + ": ";
        for (std::size_t i = 0; i < items.size(); ++i)
            out += (i ? ", " : "") + items[i];
    };
    add("all of", all);
    add("phrase", phrases);
    add("field", titles);
    add("starting with", prefixes);
    add("without", without);
    add("ignored as too common", ignored);
    add("preferring the year", years);
    for (const auto &group : synonyms) {
        std::string members;
        for (const auto &member : group)
            members += (members.empty() ? "" : " = ") + member;
        out += (out.empty() ? "" : "; ") + std::string("same meaning: ") + members;
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
