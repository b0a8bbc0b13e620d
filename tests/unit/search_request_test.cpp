// Table-driven tests for searchd/search_request.h. One row per case, each with the reason it
// is there; CAPTURE prints the failing row.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <vector>

#include "search_request.h"

using pressroom::ErrorCode;
using pressroom::searchd::kMaxQueryBytes;
using pressroom::searchd::Params;
using pressroom::searchd::parse_search_request;

TEST_CASE("no parameters give the defaults", "[search_request]") {
    auto request = parse_search_request({});
    REQUIRE(request.ok());
    CHECK(request->q.empty());
    CHECK(request->page == 1);
    CHECK(request->per_page == 10);
}

TEST_CASE("valid parameters are read", "[search_request]") {
    struct Row {
        Params params;
        std::string q;
        int page;
        int per_page;
    };
    const Row rows[] = {
        {{{"q", "seoul"}}, "seoul", 1, 10},                                       // q only
        {{{"q", "  mayor  of seoul "}}, "  mayor  of seoul ", 1, 10},             // q kept as sent
        {{{"q", "\xEC\x84\x9C\xEC\x9A\xB8"}}, "\xEC\x84\x9C\xEC\x9A\xB8", 1, 10}, // UTF-8 q
        {{{"q", ""}}, "", 1, 10},                                                 // empty q is the match-all query
        {{{"page", "1"}}, "", 1, 10},                                             // lowest page
        {{{"page", "1000"}}, "", 1000, 10},                                       // highest page
        {{{"page", "007"}}, "", 7, 10},                                           // leading zeros are decimal
        {{{"per_page", "1"}}, "", 1, 1},                                          // lowest per_page
        {{{"per_page", "100"}}, "", 1, 100},                                      // highest per_page
        {{{"page", ""}}, "", 1, 10},                                              // empty page: default
        {{{"per_page", ""}}, "", 1, 10},                                          // empty per_page: default
        {{{"q", "x"}, {"page", "3"}, {"per_page", "25"}}, "x", 3, 25},            // all together
        {{{"order", "date"}, {"callback", "f"}}, "", 1, 10},                      // unknown parameters ignored
    };
    for (const auto &row : rows) {
        CAPTURE(row.q, row.page, row.per_page);
        auto request = parse_search_request(row.params);
        INFO((request ? "" : request.error().message));
        REQUIRE(request.ok());
        CHECK(request->q == row.q);
        CHECK(request->page == row.page);
        CHECK(request->per_page == row.per_page);
    }
}

TEST_CASE("out of range or malformed numbers are rejected with the exact message", "[search_request]") {
    struct Row {
        std::string name;
        std::string value;
        std::string message;
    };
    const std::string page = "parameter `page` must be a whole number from 1 to 1000, got ";
    const std::string per_page = "parameter `per_page` must be a whole number from 1 to 100, got ";
    const Row rows[] = {
        {"page", "0", page + "`0`"},         // below the range
        {"page", "1001", page + "`1001`"},   // above the range
        {"page", "-1", page + "`-1`"},       // negative
        {"page", "abc", page + "`abc`"},     // not a number
        {"page", "1.5", page + "`1.5`"},     // not whole
        {"page", "10abc", page + "`10abc`"}, // trailing garbage
        {"page", " 5", page + "` 5`"},       // leading space
        // a long value is cut at a character boundary, never shown as "not UTF-8"
        {"page", "가가가가가가가가가가가가가가", page + "`가가가가가가가가가가가가가…`"},
        {"page", "5 ", page + "`5 `"},                                                 // trailing space
        {"page", "+5", page + "`+5`"},                                                 // explicit plus sign
        {"page", "0x10", page + "`0x10`"},                                             // hexadecimal
        {"page", "1e3", page + "`1e3`"},                                               // exponent notation
        {"page", "99999999999999999999", page + "`99999999999999999999`"},             // overflows int
        {"page", "2147483648", page + "`2147483648`"},                                 // INT_MAX + 1
        {"page", std::string(60, '7'), page + "`" + std::string(40, '7') + "\u2026`"}, // long value cut to 40 bytes
        {"page", "\xFF", page + "`(not UTF-8)`"},                                      // binary value not echoed
        {"per_page", "0", per_page + "`0`"},                                           // below the range
        {"per_page", "101", per_page + "`101`"},                                       // above the range
        {"per_page", "-5", per_page + "`-5`"},                                         // negative
        {"per_page", "ten", per_page + "`ten`"},                                       // not a number
    };
    for (const auto &row : rows) {
        CAPTURE(row.name, row.value);
        auto request = parse_search_request({{row.name, row.value}});
        REQUIRE_FALSE(request.ok());
        CHECK(request.error().code == ErrorCode::InvalidParameter);
        CHECK(request.error().message == row.message);
    }
}

TEST_CASE("rejects a query longer than the limit", "[search_request]") {
    struct Row {
        std::size_t bytes;
        bool ok;
    };
    const Row rows[] = {
        {kMaxQueryBytes, true},      // exactly at the limit
        {kMaxQueryBytes + 1, false}, // one byte over
        {5000, false},               // far over
    };
    for (const auto &row : rows) {
        CAPTURE(row.bytes);
        auto request = parse_search_request({{"q", std::string(row.bytes, 'a')}});
        CHECK(request.ok() == row.ok);
        if (!row.ok) {
            CHECK(request.error().code == ErrorCode::InvalidParameter);
            CHECK(request.error().message == "parameter `q` is " + std::to_string(row.bytes) +
                                                 " bytes long; at most 1000 are allowed: shorten the query");
        }
    }
}

TEST_CASE("rejects a query that is not UTF-8", "[search_request]") {
    const std::string rows[] = {
        "caf\xE9",    // Latin-1 é
        "\xEC\x84",   // cut multi-byte sequence
        "ok\xC0\xAF", // overlong encoding
    };
    for (const auto &q : rows) {
        CAPTURE(q);
        auto request = parse_search_request({{"q", q}});
        REQUIRE_FALSE(request.ok());
        CHECK(request.error().code == ErrorCode::InvalidParameter);
        CHECK(request.error().message == "parameter `q` is not valid UTF-8; send the query as UTF-8 text");
    }
}

TEST_CASE("the first invalid parameter is reported", "[search_request]") {
    // q is checked before page, page before per_page.
    auto bad_q = parse_search_request({{"q", "\xFF"}, {"page", "0"}, {"per_page", "0"}});
    REQUIRE_FALSE(bad_q.ok());
    CHECK_THAT(bad_q.error().message, Catch::StartsWith("parameter `q`"));

    auto bad_page = parse_search_request({{"q", "ok"}, {"page", "0"}, {"per_page", "0"}});
    REQUIRE_FALSE(bad_page.ok());
    CHECK_THAT(bad_page.error().message, Catch::StartsWith("parameter `page`"));
}

TEST_CASE("filter sort and facet parameters are read", "[search_request]") {
    using pressroom::searchd::Sort;
    using Strings = std::vector<std::string>;
    using Opt = std::optional<std::string>;
    struct Row {
        std::string why;
        Params params;
        Strings category, not_category, source, not_source, lang, not_lang, year, not_year;
        Opt from, to;
        bool undated_only;
        Sort sort;
        bool facets;
    };
    const Row rows[] = {
        {"nothing: no filters, relevance, facets",
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         false,
         Sort::Relevance,
         true},
        {"repeated values are all kept, in order",
         {{"category", "Tax Division"}, {"category", "Mayor's News"}, {"year", "2015"}, {"year", "2016"}},
         {"Tax Division", "Mayor's News"},
         {},
         {},
         {},
         {},
         {},
         {"2015", "2016"},
         {},
         {},
         {},
         false,
         Sort::Relevance,
         true},
        {"every filter parameter",
         {{"category", "a"},
          {"not_category", "b"},
          {"source", "c"},
          {"not_source", "d"},
          {"lang", "ko"},
          {"not_lang", "en"},
          {"year", "2015"},
          {"not_year", "2014"}},
         {"a"},
         {"b"},
         {"c"},
         {"d"},
         {"ko"},
         {"en"},
         {"2015"},
         {"2014"},
         {},
         {},
         false,
         Sort::Relevance,
         true},
        {"empty values, as an empty form field sends, are ignored",
         {{"category", ""},
          {"source", "  "},
          {"year", ""},
          {"from", ""},
          {"to", ""},
          {"undated", ""},
          {"sort", ""},
          {"facets", ""}},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         false,
         Sort::Relevance,
         true},
        {"a repeated value is kept once",
         {{"source", "doj"}, {"source", "doj"}},
         {},
         {},
         {"doj"},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         false,
         Sort::Relevance,
         true},
        {"spaces inside a value close up",
         {{"category", "  Tax   Division "}},
         {"Tax Division"},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         false,
         Sort::Relevance,
         true},
        {"from and to years widen to whole years",
         {{"from", "2013"}, {"to", "2016"}},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         "2013-01-01",
         "2016-12-31",
         false,
         Sort::Relevance,
         true},
        {"months widen to whole months, leap day included",
         {{"from", "2016-02"}, {"to", "2016-02"}},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         "2016-02-01",
         "2016-02-29",
         false,
         Sort::Relevance,
         true},
        {"days are kept",
         {{"from", "2013-05-21"}, {"to", "2013-06-02"}},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         "2013-05-21",
         "2013-06-02",
         false,
         Sort::Relevance,
         true},
        {"from alone",
         {{"from", "2015-03"}},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         "2015-03-01",
         {},
         false,
         Sort::Relevance,
         true},
        {"to alone",
         {{"to", "2015-02"}},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         "2015-02-28",
         false,
         Sort::Relevance,
         true},
        {"undated=only", {{"undated", "only"}}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, true, Sort::Relevance, true},
        {"sort=relevance",
         {{"sort", "relevance"}},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         false,
         Sort::Relevance,
         true},
        {"sort=newest", {{"sort", "newest"}}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, false, Sort::Newest, true},
        {"sort=oldest", {{"sort", "oldest"}}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, false, Sort::Oldest, true},
        {"facets=false", {{"facets", "false"}}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, false, Sort::Relevance, false},
        {"facets=0", {{"facets", "0"}}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, false, Sort::Relevance, false},
        {"facets=true", {{"facets", "true"}}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, false, Sort::Relevance, true},
        {"facets=1", {{"facets", "1"}}, {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, false, Sort::Relevance, true},
    };
    for (const auto &row : rows) {
        CAPTURE(row.why);
        auto request = parse_search_request(row.params);
        INFO((request ? "" : request.error().message));
        REQUIRE(request.ok());
        const auto &f = request->filters;
        CHECK(f.category == row.category);
        CHECK(f.not_category == row.not_category);
        CHECK(f.source == row.source);
        CHECK(f.not_source == row.not_source);
        CHECK(f.lang == row.lang);
        CHECK(f.not_lang == row.not_lang);
        CHECK(f.year == row.year);
        CHECK(f.not_year == row.not_year);
        CHECK(f.from == row.from);
        CHECK(f.to == row.to);
        CHECK(f.undated_only == row.undated_only);
        CHECK(f.empty() == (row.category.empty() && row.not_category.empty() && row.source.empty() &&
                            row.not_source.empty() && row.lang.empty() && row.not_lang.empty() && row.year.empty() &&
                            row.not_year.empty() && !row.from && !row.to && !row.undated_only));
        CHECK(request->sort == row.sort);
        CHECK(request->facets == row.facets);
    }
}

TEST_CASE("sort names are the parameter values", "[search_request]") {
    using pressroom::searchd::Sort;
    using pressroom::searchd::sort_name;
    CHECK(sort_name(Sort::Relevance) == "relevance");
    CHECK(sort_name(Sort::Newest) == "newest");
    CHECK(sort_name(Sort::Oldest) == "oldest");
}

TEST_CASE("filter words in q move into the filters and words keeps the rest", "[search_request]") {
    auto request = parse_search_request(
        {{"q", "air quality  category:\"Mayor's News\" date:2013..2016 -lang:ko"}, {"category", "Tax Division"}});
    INFO((request ? "" : request.error().message));
    REQUIRE(request.ok());
    CHECK(request->q == "air quality  category:\"Mayor's News\" date:2013..2016 -lang:ko"); // as typed
    CHECK(request->words == "air quality");
    CHECK(request->filters.category == std::vector<std::string>{"Tax Division", "Mayor's News"});
    CHECK(request->filters.not_lang == std::vector<std::string>{"ko"});
    CHECK(request->filters.from == std::optional<std::string>("2013-01-01"));
    CHECK(request->filters.to == std::optional<std::string>("2016-12-31"));

    // A query of nothing but filters leaves no words: every release the filters allow.
    auto only = parse_search_request({{"q", "date:none"}});
    REQUIRE(only.ok());
    CHECK(only->words.empty());
    CHECK(only->filters.undated_only);

    // Without filter words, words is the query with single spaces.
    auto plain = parse_search_request({{"q", "  mayor  of seoul "}});
    REQUIRE(plain.ok());
    CHECK(plain->words == "mayor of seoul");

    // The dates of the parameters and of the query narrow each other.
    auto narrowed = parse_search_request({{"q", "tax date:..2015"}, {"from", "2014-06"}, {"to", "2020"}});
    REQUIRE(narrowed.ok());
    CHECK(narrowed->words == "tax");
    CHECK(narrowed->filters.from == std::optional<std::string>("2014-06-01"));
    CHECK(narrowed->filters.to == std::optional<std::string>("2015-12-31"));
}

TEST_CASE("bad filter sort and facet values are rejected with the exact message", "[search_request]") {
    struct Row {
        Params params;
        std::string message;
    };
    const std::string date_form = " must be a date written YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2013 or 2013-05-21), got ";
    const Row rows[] = {
        {{{"sort", "date"}}, "parameter `sort` must be relevance, newest or oldest, got `date`"},
        {{{"sort", "Newest"}}, "parameter `sort` must be relevance, newest or oldest, got `Newest`"}, // exact names
        {{{"facets", "maybe"}}, "parameter `facets` must be true or false, got `maybe`"},
        {{{"facets", "no"}}, "parameter `facets` must be true or false, got `no`"},
        {{{"undated", "yes"}},
         "parameter `undated` takes only the value `only` (releases that state no date), got `yes`"},
        {{{"undated", "\xFF"}},
         "parameter `undated` takes only the value `only` (releases that state no date), got `(not UTF-8)`"},
        {{{"from", "2015-02-30"}}, "parameter `from`" + date_form + "`2015-02-30`"},
        {{{"from", "yesterday"}}, "parameter `from`" + date_form + "`yesterday`"},
        {{{"to", "2015-13"}}, "parameter `to`" + date_form + "`2015-13`"},
        {{{"to", "21/05/2013"}}, "parameter `to`" + date_form + "`21/05/2013`"},
        {{{"from", "2016"}, {"to", "2015"}},
         "the dates do not overlap (parameters `from` and `to`): from 2016-01-01 is after to 2015-12-31; widen the "
         "range"},
        {{{"from", "2015-03-02"}, {"to", "2015-03-01"}},
         "the dates do not overlap (parameters `from` and `to`): from 2015-03-02 is after to 2015-03-01; widen the "
         "range"},
        {{{"year", "abcd"}}, "parameter `year` must be a year written YYYY, got `abcd`"},
        {{{"year", "15"}}, "parameter `year` must be a year written YYYY, got `15`"},
        {{{"not_year", "20150"}}, "parameter `not_year` must be a year written YYYY, got `20150`"},
        {{{"lang", "e"}}, "parameter `lang` must be a language code such as en or ko, got `e`"},
        {{{"not_lang", "en_US"}}, "parameter `not_lang` must be a language code such as en or ko, got `en_US`"},
        {{{"category", "Tax\xFF"}}, "parameter `category` is not valid UTF-8"},
        {{{"source", std::string(201, 'x')}}, "parameter `source` is too long (at most 200 bytes)"},
        // filter words in q: the message names the word as typed
        {{{"q", "tax date:2016..2013"}},
         "the dates do not overlap (`date:2016..2013`): from 2016-01-01 is after to 2013-12-31; widen the range"},
        {{{"q", "tax year:15"}}, "`year:15` must be a year written YYYY, got `15`"},
        {{{"q", "tax date:2016"}, {"to", "2015"}},
         "the dates do not overlap (`date:2016`): from 2016-01-01 is after to 2015-12-31; widen the range"},
    };
    for (const auto &row : rows) {
        CAPTURE(row.message);
        auto request = parse_search_request(row.params);
        REQUIRE_FALSE(request.ok());
        CHECK(request.error().code == ErrorCode::InvalidParameter);
        CHECK(request.error().message == row.message);
    }
}
