// Turns what a user typed into a Xapian query. Pure apart from reading the database's
// vocabulary for wildcards.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "synonyms.h"

namespace pressroom::searchd {

struct BuiltQuery {
    Xapian::Query query;            // strict: every word must match
    Xapian::Query partial;          // the closest matches: any of the words, with phrases, +words and
                                    // exclusions still strict; empty when it would not differ
    Xapian::Query bonus;            // adds weight, never matches by itself: query words close together
                                    // in the text, query words in the title
    bool positional_bonus = false;  // the bonus reads positions (words close together), which is
                                    // costly over every match; title words alone are not
    std::vector<std::string> years; // years typed among the words ("Holder voting rights 2013"),
                                    // read as a date preference rather than words to match
    bool match_all = false;         // no words: every release (of `years`, if any), newest first
    bool long_query = false;        // kLongQueryWords or more words: probably a remembered sentence,
                                    // so partial matches are always ranked alongside strict ones
    bool reparsed = false;          // the syntax could not be parsed and the words were searched instead
    std::string notice;             // what the user should know about how the query was read, if anything
    std::string reading;            // how the words were read, in plain words (query_text::read_query)
};

// Matches with fewer than this many strict results are topped up with the closest partial ones.
inline constexpr Xapian::doccount kFewMatches = 3;
// From this many distinct words on, a query is treated as a half-remembered sentence.
inline constexpr unsigned kLongQueryWords = 5;
// How much the strict query's weight counts when strict and partial matches are combined:
// enough to put releases with every word first.
inline constexpr double kStrictMatchWeight = 3.0;

// `main` (the strict or the partial query) with the year preference added as weight only.
// Cheap: this is what finds the candidates.
Xapian::Query preferred_query(const Xapian::Query &main, const BuiltQuery &built);

// preferred_query() with the bonus evidence added as weight only, so it reorders matches but
// never adds or removes any. Proximity evidence reads positions, which is costly over every
// match: when the bonus has any (positional_bonus), the searcher instead adds the bonus's
// weight to the best candidates only (see kRerankDepth); otherwise it runs this on every match.
Xapian::Query ranked_query(const Xapian::Query &main, const BuiltQuery &built);

// Every word a page of `built`'s matches can be highlighted for: the strict, partial and bonus
// queries' terms, in one query (for page_stemmer). Not for matching.
Xapian::Query every_word(const BuiltQuery &built);

// Query language: all words must match (AND), but see BuiltQuery::partial; "phrases" (curly quotes too); OR, AND, NOT
// (upper case); +word, -word; parentheses; word* for prefixes; title:, category:, source:
// (see schema::kQueryFields). English stemming; common English words are ignored outside
// phrases. Text is folded like the indexed text (curly apostrophes count as straight ones).
// A word or run of words that is a member of a synonym group also finds the other members.
BuiltQuery build_query(std::string_view q, const Xapian::Database &db, const SynonymGroups &synonyms = {});

// Words to look for when choosing which part of a long text to show in a snippet: the
// query's unprefixed terms, stems cut to a prefix that still matches inflected forms.
std::vector<std::string> snippet_hints(const Xapian::Query &query);

} // namespace pressroom::searchd
