#include "query_builder.h"

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
    for (const char* stop : kStopWords)
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

} // namespace

BuiltQuery build_query(std::string_view q, const Xapian::Database &db) {
    BuiltQuery built;
    std::string folded = exclusions_as_not(lower_case_words(text::collapse_whitespace(text::fold_for_terms(q))));
    if (folded.empty()) {
        built.query = Xapian::Query::MatchAll;
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
    if (built.query.empty() && !built.reparsed) {
        // e.g. only stop words ("the"): search for them rather than for nothing.
        built.query = make_parser(db, StopWords::Keep).parse_query(words_only(folded), 0);
    }
    return built;
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
        if (stemmed && term.size() > 4)
            term.resize(term.size() - 1); // "economi" must also find "economy"
        hints.push_back(term);
    }
    return hints;
}

} // namespace pressroom::searchd
