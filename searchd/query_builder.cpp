#include "query_builder.h"

#include <algorithm>

#include "query_text.h"
#include "schema.h"
#include "text.h"

namespace pressroom::searchd {

using namespace query_text;

namespace {

constexpr unsigned kFlags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                            Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                            Xapian::QueryParser::FLAG_PURE_NOT;

// Wildcards may expand to at most this many terms; beyond it the most frequent are kept.
constexpr Xapian::termcount kMaxWildcardExpansion = 200;

enum class StopWords { Ignore, Keep };

Xapian::QueryParser make_parser(const Xapian::Database &db, StopWords stops) {
    Xapian::QueryParser qp;
    qp.set_stemmer(schema::make_stemmer());
    qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    if (stops == StopWords::Ignore)
        qp.set_stopper((new Xapian::SimpleStopper(stop_words().begin(), stop_words().end()))->release());
    qp.set_default_op(Xapian::Query::OP_AND);
    qp.set_database(db);
    qp.set_max_expansion(kMaxWildcardExpansion, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
    for (const auto &field : schema::kQueryFields)
        qp.add_prefix(field.name, std::string(field.prefix));
    return qp;
}

// Weight a release gains for being from a year the query names; about what one query word
// found in the text adds.
constexpr double kYearWeight = 2.0;

// Words within this many positions of each other count as close.
constexpr Xapian::termcount kNearWindow = 4;

Xapian::Query year_filter(const std::vector<std::string> &years) {
    std::vector<Xapian::Query> terms;
    for (const auto &year : years)
        terms.emplace_back(std::string(schema::prefix::kYear) + year);
    return Xapian::Query(Xapian::Query::OP_OR, terms.begin(), terms.end());
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

} // namespace

BuiltQuery build_query(std::string_view q, const Xapian::Database &db, const SynonymGroups &synonyms) {
    BuiltQuery built;
    std::string folded = exclusions_as_not(lower_case_words(text::collapse_whitespace(text::fold_for_terms(q))));
    auto termfreq = [&db](const std::string &term) { return db.get_termfreq(term); };
    std::vector<std::vector<std::string>> used;
    std::string words = expand_synonyms(take_years(folded, built.years), synonyms, used);
    built.reading = read_query(folded, used);
    folded = join_split_words(split_run_together(words, termfreq), termfreq);
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
    words = plain_words(folded);
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
