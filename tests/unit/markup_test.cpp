// Tests for searchd/markup.h: escaping for HTML and XML, percent-encoding, snippet HTML to
// plain text, document paths and dates as shown. Tables have one row per case with its reason;
// CAPTURE prints the failing row.
#include <catch2/catch.hpp>

#include <string>

#include "markup.h"

using pressroom::Date;
using pressroom::searchd::doc_path;
using pressroom::searchd::html_escape;
using pressroom::searchd::human_date;
using pressroom::searchd::is_http_url;
using pressroom::searchd::iso_day;
using pressroom::searchd::plain_text;
using pressroom::searchd::url_encode;
using pressroom::searchd::xml_escape;

namespace {

struct Row {
    std::string in;
    std::string out;
};

} // namespace

TEST_CASE("html_escape escapes the five markup characters and nothing else", "[markup]") {
    const Row rows[] = {
        {"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"}, // a hostile title
        {"\" onmouseover=\"x", "&quot; onmouseover=&quot;x"},                   // breaking out of an attribute
        {"it's", "it&#39;s"},                                                   // single-quoted attributes too
        {"Fish & Chips", "Fish &amp; Chips"},                                   // plain ampersand
        {"&amp;", "&amp;amp;"},                                                 // text is not decoded first
        {"\xEC\x84\x9C\xEC\x9A\xB8 \u2013 caf\u00E9", "\xEC\x84\x9C\xEC\x9A\xB8 \u2013 caf\u00E9"}, // UTF-8 kept
        {"", ""},                                                                                   // empty
    };
    for (const auto &row : rows) {
        CAPTURE(row.in);
        CHECK(html_escape(row.in) == row.out);
    }
}

TEST_CASE("xml_escape escapes markup and drops what XML 1.0 forbids", "[markup]") {
    const Row rows[] = {
        {"<b>\"A\" & 'B'</b>", "&lt;b&gt;&quot;A&quot; &amp; &#39;B&#39;&lt;/b&gt;"}, // markup characters
        {"a\tb\nc\rd", "a\tb\nc\rd"},                                                 // tab, LF, CR allowed
        {std::string("a\0b", 3), "ab"},                                               // NUL dropped
        {"a\x01\x08\x0B\x0C\x1F"
         "b",
         "ab"}, // other C0 controls
        {"a\xEF\xBF\xBE\xEF\xBF\xBF"
         "b",
         "ab"},                                                                     // U+FFFE, U+FFFF
        {"caf\u00E9 \u2026 \xF0\x9F\x93\xB0", "caf\u00E9 \u2026 \xF0\x9F\x93\xB0"}, // 2-, 3-, 4-byte UTF-8 kept
        {"a\xFF"
         "b",
         "a\xEF\xBF\xBD"
         "b"},                                                    // invalid byte -> U+FFFD
        {"a\xC3", "a\xEF\xBF\xBD"},                               // truncated sequence
        {"\xED\xA0\x80", "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"}, // surrogate: not UTF-8
        {"\xC0\xAF", "\xEF\xBF\xBD\xEF\xBF\xBD"},                 // overlong '/'
    };
    for (const auto &row : rows) {
        CAPTURE(row.in);
        CHECK(xml_escape(row.in) == row.out);
    }
}

TEST_CASE("url_encode keeps only unreserved characters", "[markup]") {
    const Row rows[] = {
        {"AZaz09-._~", "AZaz09-._~"},                                   // unreserved
        {"a b", "a%20b"},                                               // space is %20, not +
        {"a/b?c#d&e=f+g", "a%2Fb%3Fc%23d%26e%3Df%2Bg"},                 // URL syntax characters
        {"\"<'>", "%22%3C%27%3E"},                                      // nothing that can end an attribute
        {"caf\u00E9", "caf%C3%A9"},                                     // UTF-8 bytes, upper-case hex
        {"100%", "100%25"},                                             // percent itself
        {"seoul/2013/04/mayor.html", "seoul%2F2013%2F04%2Fmayor.html"}, // a path-like id stays one segment
    };
    for (const auto &row : rows) {
        CAPTURE(row.in);
        CHECK(url_encode(row.in) == row.out);
    }
}

TEST_CASE("plain_text turns snippet HTML into the text a reader saw", "[markup]") {
    const Row rows[] = {
        {"The <mark>mayor</mark> spoke\u2026", "The mayor spoke\u2026"},          // mark tags removed
        {"Fish &amp; Chips &lt;3 &gt; &quot;x&quot;", "Fish & Chips <3 > \"x\""}, // named references
        {"it&#39;s it&#x27;s it&#X27;s it&apos;s", "it's it's it's it's"},        // apostrophe spellings
        {"&#8364; &#x20AC;", "\u20AC \u20AC"},                                    // numeric to UTF-8
        {"&#0; &#xD800; &#x110000;", "\xEF\xBF\xBD \xEF\xBF\xBD \xEF\xBF\xBD"},   // no such character
        {"AT&T; R&D", "AT&T; R&D"},                                               // not references: kept
        {"&nbsp;", "&nbsp;"},                                                     // unknown name kept
        {"&amp;lt;", "&lt;"},                                                     // decoded once only
        {"a <b", "a <b"},                                                         // unclosed tag kept
        {"", ""},                                                                 // empty
    };
    for (const auto &row : rows) {
        CAPTURE(row.in);
        CHECK(plain_text(row.in) == row.out);
    }
}

TEST_CASE("doc_path encodes the id as one segment and adds the paragraph anchor", "[markup]") {
    CHECK(doc_path("doj-17-123") == "/doc/doj-17-123");
    CHECK(doc_path("doj-17-123", 3) == "/doc/doj-17-123#p3");
    CHECK(doc_path("doj-17-123", 0) == "/doc/doj-17-123");  // 0: no paragraph known
    CHECK(doc_path("doj-17-123", -1) == "/doc/doj-17-123"); // never "#p-1"
    CHECK(doc_path("seoul/a b#c?d") == "/doc/seoul%2Fa%20b%23c%3Fd");
}

TEST_CASE("is_http_url accepts only absolute web addresses", "[markup]") {
    CHECK(is_http_url("https://www.justice.gov/opa/pr/1"));
    CHECK(is_http_url("HTTP://example.org"));
    CHECK_FALSE(is_http_url("javascript:alert(1)"));
    CHECK_FALSE(is_http_url(" https://example.org")); // not at the start
    CHECK_FALSE(is_http_url("//example.org"));
    CHECK_FALSE(is_http_url("https://")); // a scheme alone
    CHECK_FALSE(is_http_url(""));
}

TEST_CASE("human_date and iso_day write a date at its precision", "[markup]") {
    struct DateRow {
        Date date;
        std::string human;
        std::string day;
    };
    const DateRow rows[] = {
        {{2015, 3, 2, -1, -1}, "2 March 2015", "2015-03-02"},        // a day
        {{2015, 3, 0, -1, -1}, "March 2015", "2015-03"},             // a month
        {{2015, 0, 0, -1, -1}, "2015", "2015"},                      // a year
        {{2024, 8, 1, 8, 21}, "1 August 2024, 08:21", "2024-08-01"}, // a time: shown, not in the day
        {{2013, 12, 31, -1, -1}, "31 December 2013", "2013-12-31"},  // last month
    };
    for (const auto &row : rows) {
        CAPTURE(row.human);
        CHECK(human_date(row.date) == row.human);
        CHECK(iso_day(row.date) == row.day);
    }
}
