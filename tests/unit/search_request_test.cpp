// Table-driven tests for searchd/search_request.h. One row per case, each with the reason it
// is there; CAPTURE prints the failing row.
#include <catch2/catch.hpp>

#include <string>

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
