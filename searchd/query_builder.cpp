#include "query_builder.h"

#include <algorithm>

#include "schema.h"
#include "text.h"

namespace pressroom::searchd {

namespace {

// Words so common that requiring them would only lose results.
const char *const kStopWords[] = {"a",    "an", "and",  "are",  "as",   "at",   "be",  "by",   "for",
                                  "from", "in", "into", "is",   "it",   "of",   "on",  "or",   "that",
                                  "the",  "to", "was",  "were", "will", "with", "its", "this", "has"};

constexpr unsigned kFlags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                            Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                            Xapian::QueryParser::FLAG_PURE_NOT;

// Wildcards may expand to at most this many terms; beyond it the most frequent are kept.
constexpr Xapian::termcount kMaxWildcardExpansion = 200;

enum class StopWords { Ignore, Keep };

Xapian::QueryParser make_parser(const Xapian::Database &db, StopWords stop_words) {
    Xapian::QueryParser qp;
    qp.set_stemmer(schema::make_stemmer());
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    if (stop_words == StopWords::Ignore)
        qp.set_stopper((new Xapian::SimpleStopper(std::begin(kStopWords), std::end(kStopWords)))->release());
    qp.set_default_op(Xapian::Query::OP_AND);
    qp.set_database(db);
    qp.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    for (const auto &field : schema::kQueryFields)
        qp.add_prefix(field.name, std::string(field.prefix));
    return qp;
}

// Query syntax characters become spaces, leaving only words (hyphens inside words stay).
std::string words_only(std::string_view q) {
    std::string out(q);
    for (char &c : out)
        if (c == '"' || c == '(' || c == ')' || c == '*' || c == '+' || c == ':')
            c = ' ';
    return out;
}

bool is_operator(std::string_view word) {
    for (const char *op : {"AND", "OR", "NOT", "XOR", "NEAR", "ADJ"})
        if (word == op)
            return true;
    return word.rfind("NEAR/", 0) == 0 || word.rfind("ADJ/", 0) == 0;
}

// Lower-cases every word but the boolean operators. QueryParser leaves capitalised words
// unstemmed, so "Won Soon" would miss "Won Soon’s" (indexed as soon's, stem soon); lower
// case lets names match their possessive and plural forms too. Phrases are unaffected: their
// words are never stemmed.
std::string lower_case_words(std::string_view q) {
    std::string out;
    std::size_t start = 0;
    while (start < q.size()) {
        std::size_t end = q.find(' ', start);
        if (end == std::string_view::npos)
            end = q.size();
        std::string_view word = q.substr(start, end - start);
        out += is_operator(word) ? std::string(word) : text::fold_case(word);
        if (end < q.size())
            out += ' ';
        start = end + 1;
    }
    return out;
}

bool is_stop_word(std::string_view word) {
    for (const char *stop : kStopWords)
        if (word == stop)
            return true;
    return false;
}

// "-a -b" (nothing but exclusions, stop words aside) -> "NOT a NOT b": Xapian refuses a query
// that only excludes and would silently search for the excluded words instead.
std::string exclusions_as_not(std::string_view q) {
    std::string negatives;
    std::size_t start = 0;
    while (start < q.size()) {
        std::size_t end = std::min(q.find(' ', start), q.size());
        std::string_view word = q.substr(start, end - start);
        start = end + 1;
        if (word.size() > 1 && word[0] == '-')
            negatives += (negatives.empty() ? "NOT " : " NOT ") + std::string(word.substr(1));
        else if (!word.empty() && !is_stop_word(word))
            return std::string(q); // something to search for: leave it to the parser
    }
    return negatives.empty() ? std::string(q) : negatives;
}

// Weight a release gains for being from a year the query names; about what one query word
// found in the text adds.
constexpr double kYearWeight = 2.0;

// Words within this many positions of each other count as close.
constexpr Xapian::termcount kNearWindow = 4;

bool is_year(std::string_view word) {
    return word.size() == 4 && (word.starts_with("19") || word.starts_with("20")) &&
           word.find_first_not_of("0123456789") == std::string_view::npos;
}

// Moves the years typed as plain words (not in a phrase, not after a field name) from q into
// `years`.
std::string take_years(std::string_view q, std::vector<std::string> &years) {
    std::string out;
    bool in_phrase = false;
    std::size_t start = 0;
    while (start < q.size()) {
        std::size_t end = std::min(q.find(' ', start), q.size());
        std::string_view word = q.substr(start, end - start);
        start = end + 1;
        bool was_in_phrase = in_phrase;
        in_phrase ^= std::count(word.begin(), word.end(), '"') % 2 == 1;
        if (!was_in_phrase && is_year(word)) {
            years.emplace_back(word);
            continue;
        }
        out += (out.empty() ? "" : " ") + std::string(word);
    }
    return out;
}

Xapian::Query year_filter(const std::vector<std::string> &years) {
    std::vector<Xapian::Query> terms;
    for (const auto &year : years)
        terms.emplace_back(std::string(schema::prefix::kYear) + year);
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
}

// The words the user wants, for ranking evidence: without operators, excluded words, field
// searches and syntax characters.
std::string plain_words(std::string_view q) {
    std::string out;
    bool skip_next = false;
    std::size_t start = 0;
    while (start < q.size()) {
        std::size_t end = std::min(q.find(' ', start), q.size());
        std::string_view word = q.substr(start, end - start);
        start = end + 1;
        bool skip = skip_next || is_operator(word) || word.starts_with('-') || word.find(':') != std::string_view::npos;
        skip_next = word == "NOT";
        if (skip)
            continue;
        out += (out.empty() ? "" : " ") + words_only(word);
    }
    return out;
}

// For each pair of neighbouring query words, a match of the two close together in that
// order: rewards a release where the words stand as typed, even when one word of a
// remembered sentence is wrong.
Xapian::Query near_pairs(const std::string &words) {
    Xapian::TermGenerator tokens; // no stemmer: the unstemmed terms carry positions
    Xapian::Document doc;
    tokens.set_document(doc);
    tokens.index_text(words);
    std::vector<std::pair<Xapian::termpos, std::string>> sequence;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        if (!is_stop_word(*t))
            for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
                sequence.emplace_back(*p, *t);
    std::sort(sequence.begin(), sequence.end());
    std::vector<Xapian::Query> pairs;
    for (std::size_t i = 0; i + 1 < sequence.size(); ++i) {
        Xapian::Query pair[] = {Xapian::Query(sequence[i].second), Xapian::Query(sequence[i + 1].second)};
        pairs.emplace_back(Xapian::Query::OP_PHRASE, std::begin(pair), std::end(pair), kNearWindow);
    }
    return Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end());
}

// "a "b c" d" -> "a +"b c" d": with OR as the default, a phrase stays a requirement.
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

bool is_lower_ascii_word(std::string_view word) {
    return !word.empty() && word.find_first_not_of("abcdefghijklmnopqrstuvwxyz") == std::string_view::npos;
}

// A word the index has never seen but that is two indexed words run together ("wonsoon",
// "sehoon") becomes the two joined by a hyphen, which Xapian reads as a phrase: it then finds
// "Won Soon" and "Won-soon" alike. Of several splits, the one whose rarer half is most common
// wins. Words in phrases or with field names are left alone.
std::string split_run_together(std::string_view q, const Xapian::Database &db) {
    constexpr std::size_t kMinPart = 2, kMinWord = 5;
    std::string out;
    bool in_phrase = false;
    std::size_t start = 0;
    while (start < q.size()) {
        std::size_t end = std::min(q.find(' ', start), q.size());
        std::string word(q.substr(start, end - start));
        start = end + 1;
        bool was_in_phrase = in_phrase;
        in_phrase ^= std::count(word.begin(), word.end(), '"') % 2 == 1;
        if (!was_in_phrase && is_lower_ascii_word(word) && word.size() >= kMinWord && !db.term_exists(word)) {
            Xapian::doccount best = 0;
            std::string split;
            for (std::size_t i = kMinPart; i + kMinPart <= word.size(); ++i) {
                Xapian::doccount freq = std::min(db.get_termfreq(word.substr(0, i)), db.get_termfreq(word.substr(i)));
                if (freq > best) {
                    best = freq;
                    split = word.substr(0, i) + "-" + word.substr(i);
                }
            }
            if (!split.empty())
                word = split;
        }
        out += (out.empty() ? "" : " ") + word;
    }
    return out;
}

// Says how a query with broken syntax was read; empty when nothing needs saying.
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

} // namespace

BuiltQuery build_query(std::string_view q, const Xapian::Database &db) {
    BuiltQuery built;
    std::string folded = exclusions_as_not(lower_case_words(text::collapse_whitespace(text::fold_for_terms(q))));
    folded = split_run_together(take_years(folded, built.years), db);
    if (folded.empty()) {
        built.query = built.years.empty() ? Xapian::Query::MatchAll : year_filter(built.years);
        built.match_all = true;
        return built;
    }
    Xapian::QueryParser qp = make_parser(db, StopWords::Ignore);
    try {
        built.query = qp.parse_query(folded, kFlags);
    } catch (const Xapian::QueryParserError &) {
        built.reparsed = true;
        built.query = qp.parse_query(words_only(folded), 0);
    }
    built.notice = syntax_notice(folded, built.reparsed);
    if (built.query.empty() && !built.reparsed) {
        // e.g. only stop words ("the"): search for them rather than for nothing.
        built.query = make_parser(db, StopWords::Keep).parse_query(words_only(folded), 0);
        return built;
    }
    qp.set_default_op(Xapian::Query::OP_OR);
    built.partial =
        built.reparsed ? qp.parse_query(words_only(folded), 0) : qp.parse_query(required_phrases(folded), kFlags);
    if (built.partial.get_description() == built.query.get_description())
        built.partial = Xapian::Query();
    built.long_query = std::distance(built.query.get_unique_terms_begin(), built.query.get_unique_terms_end()) >=
                       static_cast<std::ptrdiff_t>(kLongQueryWords);
    std::string words = plain_words(folded);
    built.bonus = Xapian::Query(Xapian::Query::OP_OR, near_pairs(words),
                                qp.parse_query(words, 0, std::string(schema::prefix::kTitle)));
    return built;
}

Xapian::Query preferred_query(const Xapian::Query &main, const BuiltQuery &built) {
    if (built.years.empty() || built.match_all)
        return main;
    // Every release of a wanted year gets the same extra weight.
    Xapian::Query flat((new Xapian::FixedWeightPostingSource(kYearWeight))->release());
    return Xapian::Query(Xapian::Query::OP_AND_MAYBE, main,
                         Xapian::Query(Xapian::Query::OP_FILTER, flat, year_filter(built.years)));
}

Xapian::Query ranked_query(const Xapian::Query &main, const BuiltQuery &built) {
    Xapian::Query preferred = preferred_query(main, built);
    return built.bonus.empty() ? preferred : Xapian::Query(Xapian::Query::OP_AND_MAYBE, preferred, built.bonus);
}

std::vector<std::string> snippet_hints(const Xapian::Query &query) {
    std::vector<std::string> hints;
    for (auto it = query.get_unique_terms_begin(); it != query.get_unique_terms_end(); ++it) {
        std::string term = *it;
        bool stemmed = !term.empty() && term[0] == 'Z';
        if (stemmed)
            term.erase(0, 1);
        if (term.empty() || (term[0] >= 'A' && term[0] <= 'Z'))
            continue; // a field prefix: title, category and source words are not in the body
        if (term.size() < 3 || is_stop_word(term))
            continue; // "of" or "a" in a phrase would point anywhere
        if (stemmed && term.size() > 4)
            term.resize(term.size() - 1); // "economi" must also find "economy"
        hints.push_back(term);
    }
    return hints;
}

} // namespace pressroom::searchd
