#include "query_builder.h"

#include <algorithm>
#include <iterator>
#include <tuple>

#include "query_text.h"
#include "schema.h"
#include "text.h"

namespace pressroom::searchd {

using namespace query_text;

namespace {

constexpr unsigned kFlags = Xapian::QueryParser::FLAG_PHRASE | Xapian::QueryParser::FLAG_BOOLEAN |
                            Xapian::QueryParser::FLAG_LOVEHATE | Xapian::QueryParser::FLAG_WILDCARD |
                            Xapian::QueryParser::FLAG_PURE_NOT | schema::kQueryParserFlags;
// Words only, no operators: for a query whose syntax is broken.
constexpr unsigned kWordFlags = schema::kQueryParserFlags;

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

// For each pair of neighbouring query words (not both of one group: see plain_word_groups), a
// match of the two close together in that order: rewards a release where the words stand as
// typed, even when one word of a remembered sentence is wrong.
Xapian::Query near_pairs(const std::vector<std::string> &groups) {
    // (group, position, term) of each word but stop words, in the order typed
    std::vector<std::tuple<std::size_t, Xapian::termpos, std::string>> sequence;
    for (std::size_t g = 0; g < groups.size(); ++g) {
        Xapian::TermGenerator tokens; // no stemmer: the unstemmed terms carry positions
        tokens.set_flags(schema::kTermGeneratorFlags);
        Xapian::Document doc;
        tokens.set_document(doc);
        tokens.index_text(groups[g]);
        std::size_t first = sequence.size();
        for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
            if (!is_stop_word(*t))
                for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p)
                    sequence.emplace_back(g, *p, *t);
        std::sort(sequence.begin() + static_cast<std::ptrdiff_t>(first), sequence.end());
    }
    std::vector<Xapian::Query> pairs;
    for (std::size_t i = 0; i + 1 < sequence.size(); ++i) {
        // Two words of one phrase or hyphenated word are together in every release it matches:
        // no evidence, and positions read for nothing.
        if (std::get<0>(sequence[i]) == std::get<0>(sequence[i + 1]))
            continue;
        Xapian::Query pair[] = {Xapian::Query(std::get<2>(sequence[i])), Xapian::Query(std::get<2>(sequence[i + 1]))};
        pairs.emplace_back(Xapian::Query::OP_PHRASE, std::begin(pair), std::end(pair), kNearWindow);
    }
    return Xapian::Query(Xapian::Query::OP_OR, pairs.begin(), pairs.end());
}

// Each run of Chinese, Japanese or Korean characters in the query, as a phrase of its
// characters: the index holds them one by one (and in pairs), so an unquoted "北京市长" matches
// every release with those characters anywhere; the release with them in a row ranks first.
Xapian::Query cjk_runs(const std::string &words) {
    std::vector<Xapian::Query> runs;
    std::vector<Xapian::Query> run;
    auto flush = [&] {
        if (run.size() >= 2)
            runs.emplace_back(Xapian::Query::OP_PHRASE, run.begin(), run.end(), run.size());
        run.clear();
    };
    for (std::size_t i = 0; i < words.size();) {
        std::size_t start = i;
        char32_t c = text::next_code_point(words, i);
        if (text::is_cjk(c))
            run.emplace_back(words.substr(start, i - start));
        else
            flush();
    }
    flush();
    return Xapian::Query(Xapian::Query::OP_OR, runs.begin(), runs.end());
}

// Xapian 1.4.22's QueryParser, with CJK n-grams on, fails to parse a CJK word between two
// other words ("a 北京 b": "parse error") but reads "a (北京) b" as meant: each run of CJK
// characters outside quotes is put in parentheses of its own.
std::string group_cjk(std::string_view q) {
    std::string out;
    bool quoted = false, in_run = false;
    for (std::size_t i = 0; i < q.size();) {
        std::size_t start = i;
        char32_t c = text::next_code_point(q, i);
        bool cjk = !quoted && text::is_cjk(c);
        // "-北京" and "title:北京" keep their operator next to the group.
        if (cjk && !in_run)
            out += !out.empty() && std::string_view("-+:(").find(out.back()) != std::string_view::npos ? "(" : " (";
        else if (!cjk && in_run)
            out += ") ";
        in_run = cjk;
        if (c == '"')
            quoted = !quoted;
        out.append(q.substr(start, i - start));
    }
    if (in_run)
        out += ") ";
    return out;
}

Xapian::Query parse(Xapian::QueryParser &qp, std::string_view q, unsigned flags, const std::string &prefix = {}) {
    return qp.parse_query(group_cjk(q), flags, prefix);
}

} // namespace

BuiltQuery build_query(std::string_view q, const Xapian::Database &db, const SynonymGroups &synonyms) {
    BuiltQuery built;
    std::string folded = exclusions_as_not(lower_case_words(text::collapse_whitespace(text::fold_for_terms(q))));
    auto termfreq = [&db](const std::string &term) { return db.get_termfreq(term); };
    std::vector<std::vector<std::string>> used;
    std::string words = expand_synonyms(take_years(folded, built.years), synonyms, used);
    built.reading = read_query(folded, used);
    folded = group_positional(join_split_words(split_run_together(words, termfreq), termfreq));
    if (folded.empty()) {
        // A match-all query of its own: copies of the static Query::MatchAll share a reference
        // count that request threads would update at once (Xapian documents it as unsafe).
        built.query = built.years.empty() ? Xapian::Query(std::string()) : year_filter(built.years);
        built.match_all = true;
        return built;
    }
    Xapian::QueryParser qp = make_parser(db, StopWords::Ignore);
    try {
        built.query = parse(qp, folded, kFlags);
    } catch (const Xapian::QueryParserError &) {
        built.reparsed = true;
        built.query = parse(qp, words_only(folded), kWordFlags);
    }
    built.notice = syntax_notice(folded, built.reparsed);
    if (built.query.empty() && !built.reparsed) {
        // e.g. only stop words ("the"): search for them rather than for nothing.
        Xapian::QueryParser keep = make_parser(db, StopWords::Keep);
        built.query = parse(keep, words_only(folded), kWordFlags);
        return built;
    }
    qp.set_default_op(Xapian::Query::OP_OR);
    built.partial =
        built.reparsed ? parse(qp, words_only(folded), kWordFlags) : parse(qp, required_phrases(folded), kFlags);
    if (built.partial.get_description() == built.query.get_description())
        built.partial = Xapian::Query();
    built.long_query = std::distance(built.query.get_unique_terms_begin(), built.query.get_unique_terms_end()) >=
                       static_cast<std::ptrdiff_t>(kLongQueryWords);
    words = plain_words(folded);
    Xapian::Query near = near_pairs(plain_word_groups(folded));
    if (Xapian::Query runs = cjk_runs(words); !runs.empty())
        near = Xapian::Query(Xapian::Query::OP_OR, near, runs);
    built.positional_bonus = !near.empty();
    built.bonus =
        Xapian::Query(Xapian::Query::OP_OR, near, parse(qp, words, kWordFlags, std::string(schema::prefix::kTitle)));
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

Xapian::Query every_word(const BuiltQuery &built) {
    const Xapian::Query parts[] = {built.query, built.partial, built.bonus};
    return Xapian::Query(Xapian::Query::OP_OR, std::begin(parts), std::end(parts));
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
