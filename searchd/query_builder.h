// Turns what a user typed into a Xapian query. Pure apart from reading the database's
// vocabulary for wildcards.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace pressroom::searchd {

struct BuiltQuery {
    Xapian::Query query;
    bool match_all = false; // the query was empty: every release, newest first
    bool reparsed = false;  // the syntax could not be parsed and the words were searched instead
};

// Query language: all words must match (AND); "phrases" (curly quotes too); OR, AND, NOT
// (upper case); +word, -word; parentheses; word* for prefixes; title:, category:, source:
// (see schema::kQueryFields). English stemming; common English words are ignored outside
// phrases. Text is folded like the indexed text (curly apostrophes count as straight ones).
BuiltQuery build_query(std::string_view q, const Xapian::Database &db);

// Words to look for when choosing which part of a long text to show in a snippet: the
// query's unprefixed terms, stems cut to a prefix that still matches inflected forms.
std::vector<std::string> snippet_hints(const Xapian::Query &query);

} // namespace pressroom::searchd
