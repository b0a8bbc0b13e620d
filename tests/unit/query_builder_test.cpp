// Table-driven tests for searchd/query_builder.h, comparing Query::get_description() with the
// expected parse as Xapian's own api_queryparser tests do. One row per case, each with the
// reason it is there; CAPTURE prints the failing row. The database is empty and in memory:
// the builder only needs it for wildcard expansion.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <xapian.h>

#include "query_builder.h"

using pressroom::searchd::build_query;
using pressroom::searchd::snippet_hints;

TEST_CASE("build_query parses the query language", "[query_builder]") {
    struct Row {
        std::string q;
        std::string description;
    };
    const Row rows[] = {
        // all words must match
        {"seoul busan", "Query((Zseoul@1 AND Zbusan@2))"},
        // capitalised words are stemmed like lower-case ones
        {"Park Won Soon", "Query((Zpark@1 AND Zwon@2 AND Zsoon@3))"},
        {"park won soon", "Query((Zpark@1 AND Zwon@2 AND Zsoon@3))"},
        // upper case throughout
        {"SEOUL", "Query(Zseoul@1)"},
        // stemming: economy and housing reduce to their stems
        {"economy", "Query(Zeconomi@1)"},
        // a possessive is dropped, so the name matches "Won Soon's" and "Won Soon"
        {"Won Soon\u2019s", "Query((Zwon@1 AND Zsoon@2))"},
        {"China's economy", "Query((Zchina@1 AND Zeconomi@2))"},
        // a hyphenated name is a phrase of its parts
        {"Won-soon", "Query((won@1 PHRASE 2 soon@2))"},
        // Unicode hyphen folded to '-' first
        {"Won\u2010soon", "Query((won@1 PHRASE 2 soon@2))"},
        // a straight-quoted phrase keeps its stop words and is not stemmed
        {"\"mayor of seoul\"", "Query((mayor@1 PHRASE 3 of@2 PHRASE 3 seoul@3))"},
        // curly quotes work the same
        {"\u201Cmayor of seoul\u201D", "Query((mayor@1 PHRASE 3 of@2 PHRASE 3 seoul@3))"},
        // guillemets too
        {"\u00ABmayor of seoul\u00BB", "Query((mayor@1 PHRASE 3 of@2 PHRASE 3 seoul@3))"},
        // a phrase next to a plain word
        {"\"seoul\" soon", "Query((seoul@1 AND Zsoon@2))"},
        // stop words are dropped outside phrases; positions keep the gap
        {"mayor of seoul", "Query((Zmayor@1 AND Zseoul@3))"},
        // a query of only stop words still searches for them
        {"the", "Query(Zthe@1)"},
        {"the of", "Query((Zthe@1 AND Zof@2))"},
        // a single-letter stop word
        {"a", "Query(Za@1)"},
        // OR
        {"seoul OR busan", "Query((Zseoul@1 OR Zbusan@2))"},
        // explicit AND
        {"Seoul AND Busan", "Query((Zseoul@1 AND Zbusan@2))"},
        // NOT
        {"seoul NOT busan", "Query((Zseoul@1 AND_NOT Zbusan@2))"},
        // a leading NOT is a pure NOT
        {"NOT busan", "Query((<alldocuments> AND_NOT Zbusan@1))"},
        // -word excludes
        {"seoul -busan", "Query((Zseoul@1 AND_NOT Zbusan@2))"},
        // only exclusions: everything but them, not a search for the excluded word
        {"-busan", "Query((<alldocuments> AND_NOT Zbusan@1))"},
        {"-busan -seoul", "Query(((<alldocuments> AND_NOT Zbusan@1) AND_NOT Zseoul@2))"},
        // a stop word beside an exclusion leaves only the exclusion
        {"the -seoul", "Query((<alldocuments> AND_NOT Zseoul@1))"},
        // a hated stop word is still excluded
        {"seoul -the", "Query((Zseoul@1 AND_NOT Zthe@2))"},
        // +word is required, which AND already does
        {"+seoul busan", "Query((Zseoul@1 AND Zbusan@2))"},
        // parentheses group
        {"(seoul OR busan) mayor", "Query(((Zseoul@1 OR Zbusan@2) AND Zmayor@3))"},
        // NEAR
        {"seoul NEAR busan", "Query((seoul@1 NEAR 11 busan@2))"},
        // NEAR beside other words: the run is grouped, an exclusion before it excludes the run
        // (Xapian 1.4.22 cannot parse "-a NEAR b c" and leaked a term when it failed)
        {"seoul NEAR busan mayor", "Query(((seoul@1 NEAR 11 busan@2) AND Zmayor@3))"},
        {"-seoul NEAR busan mayor", "Query((Zmayor@3 AND_NOT (seoul@1 NEAR 11 busan@2)))"},
        // title: uses prefix S
        {"title:council", "Query(ZScouncil@1)"},
        // the field name is case-insensitive since words are lower-cased first
        {"Title:Council", "Query(ZScouncil@1)"},
        // a phrase within a field
        {"title:\"city hall\"", "Query((Scity@1 PHRASE 2 Shall@2))"},
        // only the word right after the colon is in the field
        {"title:city hall", "Query((ZSciti@1 AND Zhall@2))"},
        // fields and plain words together
        {"title:council mayor seoul", "Query((ZScouncil@1 AND Zmayor@2 AND Zseoul@3))"},
        // non-ASCII capitals are folded
        {"\u00C9COLE", "Query(Z\u00E9cole@1)"},
        // a wildcard (nothing to expand in an empty database)
        {"econom*", "Query(WILDCARD SYNONYM econom)"},
        // an unbalanced quote: the phrase runs to the end
        {"\"unbalanced", "Query(unbalanced@1)"},
        // an unbalanced opening parenthesis
        {"(seoul", "Query(Zseoul@1)"},
        {"((seoul", "Query(Zseoul@1)"},
        // an unbalanced closing parenthesis
        {"seoul)", "Query(Zseoul@1)"},
        // NBSP and runs of spaces do not matter
        {"  seoul\u00A0\u00A0 busan  ", "Query((Zseoul@1 AND Zbusan@2))"},
    };
    Xapian::Database db;
    for (const auto &row : rows) {
        CAPTURE(row.q);
        auto built = build_query(row.q, db);
        CHECK(built.query.get_description() == row.description);
        CHECK_FALSE(built.match_all);
        CHECK_FALSE(built.reparsed);
    }
}

TEST_CASE("build_query matches everything for an empty query", "[query_builder]") {
    const std::string rows[] = {
        "",             // nothing typed
        "   ",          // only spaces
        "\t\n ",        // other whitespace
        "\u00A0\u200B", // a no-break space and a zero-width space
    };
    Xapian::Database db;
    for (const auto &q : rows) {
        CAPTURE(q);
        auto built = build_query(q, db);
        CHECK(built.match_all);
        CHECK_FALSE(built.reparsed);
        CHECK(built.query.get_description() == "Query(<alldocuments>)");
        // Not a copy of Xapian's static MatchAll: its reference count is not thread-safe, and
        // request threads copying it at once corrupted it (a crash in MSet::snippet under load).
        CHECK(built.query.internal.get() != Xapian::Query::MatchAll.internal.get());
    }
}

TEST_CASE("build_query searches the words when the syntax is broken", "[query_builder]") {
    struct Row {
        std::string q;
        std::string description;
    };
    const Row rows[] = {
        // AND with nothing after it
        {"seoul AND", "Query(Zseoul@1)"},
        // NOT with nothing after it: the word NOT is searched
        {"seoul NOT", "Query((Zseoul@1 AND not@2))"},
        // an operator alone
        {"AND", "Query(and@1)"},
        // two operators
        {"OR OR", "Query((or@1 AND or@2))"},
    };
    Xapian::Database db;
    for (const auto &row : rows) {
        CAPTURE(row.q);
        Xapian::Query query;
        bool reparsed = false;
        REQUIRE_NOTHROW([&] {
            auto built = build_query(row.q, db);
            query = built.query;
            reparsed = built.reparsed;
        }());
        CHECK(reparsed);
        CHECK(query.get_description() == row.description);
    }
}

TEST_CASE("snippet_hints keeps unprefixed terms and shortens stems", "[query_builder]") {
    struct Row {
        std::string q;
        std::vector<std::string> hints; // in term order
    };
    const Row rows[] = {
        // a stem longer than four letters loses its last one: econom finds economy and economic
        {"economy", {"econom"}},
        // a stem of four letters is kept whole
        {"soon", {"soon"}},
        // phrase words are unstemmed and kept whole
        {"\"seoul\"", {"seoul"}},
        {"Won-soon", {"soon", "won"}},
        // title: terms are not in the body
        {"title:council seoul", {"seou"}},
        // prefixed phrase terms are excluded too
        {"title:\"city hall\"", {}},
        // only prefixed terms: no hints
        {"title:council", {}},
        // the words of OR and NOT branches are all hints
        {"seoul OR busan NOT mayor", {"busa", "mayo", "seou"}},
        // stop words dropped from the query are not hints
        {"mayor of seoul", {"mayo", "seou"}},
        // the empty query has no terms
        {"", {}},
        // a wildcard has no terms of its own
        {"econom*", {}},
    };
    Xapian::Database db;
    for (const auto &row : rows) {
        CAPTURE(row.q);
        CHECK(snippet_hints(build_query(row.q, db).query) == row.hints);
    }
}

TEST_CASE("build_query reads typed years as a date preference", "[query_builder]") {
    struct Row {
        std::string q;
        std::string strict;             // what must match
        std::vector<std::string> years; // the preference
        bool match_all;                 // no words left: the year's releases, newest first
    };
    const Row rows[] = {
        // the year is not a word that must appear
        {"Holder voting rights 2013", "Query((Zholder@1 AND Zvote@2 AND Zright@3))", {"2013"}, false},
        // two years
        {"fraud 2012 2013", "Query(Zfraud@1)", {"2012", "2013"}, false},
        // only a year: every release of that year
        {"2016", "Query(Y2016)", {"2016"}, true},
        // inside a phrase a year is a word of the phrase
        {"\"in 2013 the\"", "Query((in@1 PHRASE 3 2013@2 PHRASE 3 the@3))", {}, false},
        // not a year: too short, too long, out of range
        {"route 66", "Query((Zrout@1 AND 66@2))", {}, false},
        {"12345", "Query(12345@1)", {}, false},
        {"1492", "Query(1492@1)", {}, false},
    };
    Xapian::Database db;
    for (const auto &row : rows) {
        CAPTURE(row.q);
        auto built = build_query(row.q, db);
        CHECK(built.query.get_description() == row.strict);
        CHECK(built.years == row.years);
        CHECK(built.match_all == row.match_all);
    }
}

TEST_CASE("build_query offers partial matches and ranking evidence", "[query_builder]") {
    Xapian::Database db;
    auto built = build_query("tolerate fraud taxpayers", db);
    // any of the words
    CHECK(built.partial.get_description() == "Query((Ztoler@1 OR Zfraud@2 OR Ztaxpay@3))");
    // neighbouring words close together, in order; the words in the title
    CHECK(built.bonus.get_description() == "Query((((tolerate PHRASE 4 fraud) OR (fraud PHRASE 4 taxpayers)) OR "
                                           "(ZStoler@1 OR ZSfraud@2 OR ZStaxpay@3)))");
    // a phrase and a required word stay strict in the partial query
    auto strict_parts = build_query("\"money laundering\" +bank cartel", db);
    CHECK(strict_parts.partial.get_description() ==
          "Query((((money@1 PHRASE 2 laundering@2) AND Zbank@3) AND_MAYBE Zcartel@4))");
    // one word: nothing partial about it, and no words to find close together
    CHECK(build_query("fraud", db).partial.empty());
    CHECK(built.positional_bonus);
    CHECK_FALSE(build_query("fraud", db).positional_bonus);
    CHECK_FALSE(build_query("fraud 2013", db).positional_bonus); // the year is no word
    CHECK(build_query("北京市长", db).positional_bonus);         // a run of CJK characters, in a row
    // the words of a phrase are together wherever it matches: only the words beside it count
    auto phrase = build_query("\"southern district of florida\"", db);
    CHECK_FALSE(phrase.positional_bonus);
    CHECK(phrase.bonus.get_description() == "Query((ZSsouthern@1 OR ZSdistrict@2 OR ZSflorida@4))");
    CHECK(strict_parts.bonus.get_description() == "Query((((laundering PHRASE 4 bank) OR (bank PHRASE 4 cartel)) OR "
                                                  "(ZSmoney@1 OR ZSlaunder@2 OR ZSbank@3 OR ZScartel@4)))");
    CHECK_FALSE(build_query("won-soon", db).positional_bonus); // a hyphenated word is a phrase
    // the ranked query adds the evidence as weight only, and the year as a flat bonus
    auto dated = build_query("voting rights 2013", db);
    CHECK(pressroom::searchd::ranked_query(dated.query, dated).get_description() ==
          "Query((((Zvote@1 AND Zright@2) AND_MAYBE (PostingSource(Xapian::FixedWeightPostingSource(wt=2)) FILTER "
          "Y2013)) AND_MAYBE ((voting PHRASE 4 rights) OR (ZSvote@1 OR ZSright@2))))");
}

TEST_CASE("build_query says when quotes or parentheses do not pair up", "[query_builder]") {
    Xapian::Database db;
    CHECK(build_query("\"money laundering", db).notice.find("quotation mark was not closed") != std::string::npos);
    CHECK(build_query("(fraud OR bribery", db).notice.find("parentheses") != std::string::npos);
    CHECK(build_query("\"money laundering\" (fraud)", db).notice.empty());
}
