// Tests for searchd/snippet.h. The pure parts (snippet_source, opening_html) are table-driven:
// one row per case, each with the reason it is there; CAPTURE prints the failing row.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <xapian.h>

#include "query_builder.h"
#include "schema.h"
#include "snippet.h"
#include "text.h"

using pressroom::searchd::kSnippetSourceBytes;
using pressroom::searchd::opening_html;
using pressroom::searchd::snippet_source;
namespace text = pressroom::text;

namespace {

using Paragraphs = std::vector<std::string>;

const Paragraphs kRelease = {
    "Seoul Metropolitan Government announced its plans.",
    "The city Budget rose by 5 percent this year.",
    "Housing takes the largest share.",
};

// 서울시 예산 (Seoul city budget): 3 + 3 + 3 bytes, a space, 3 + 3 bytes.
const std::string kKorean = "\xEC\x84\x9C\xEC\x9A\xB8\xEC\x8B\x9C \xEC\x98\x88\xEC\x82\xB0";

} // namespace

TEST_CASE("snippet_source starts at the first paragraph with a hint", "[snippet]") {
    struct Row {
        Paragraphs paragraphs;
        std::vector<std::string> hints;
        std::string expected;
    };
    const Row rows[] = {
        // the hint is in the second paragraph: start there and keep what follows
        {kRelease, {"budget"}, kRelease[1] + " " + kRelease[2]},
        // hints match case-insensitively
        {kRelease, {"BUDGET"}, kRelease[1] + " " + kRelease[2]},
        // a hint may be part of a word (stems are cut short)
        {kRelease, {"hous"}, kRelease[2]},
        // the earliest paragraph wins whatever the order of the hints
        {kRelease, {"housing", "budget"}, kRelease[1] + " " + kRelease[2]},
        // a hint in the first paragraph: from the top
        {kRelease, {"seou"}, kRelease[0] + " " + kRelease[1] + " " + kRelease[2]},
        // no paragraph has a hint: from the top
        {kRelease, {"busan"}, kRelease[0] + " " + kRelease[1] + " " + kRelease[2]},
        // no hints at all: from the top
        {kRelease, {}, kRelease[0] + " " + kRelease[1] + " " + kRelease[2]},
        // an empty hint matches nothing
        {kRelease, {""}, kRelease[0] + " " + kRelease[1] + " " + kRelease[2]},
        // a non-ASCII hint matches byte for byte: 예산 is in the second paragraph
        {{"\xEC\x84\x9C\xEC\x9A\xB8", "\xEC\x98\x88\xEC\x82\xB0 \xEB\xB0\x9C\xED\x91\x9C"},
         {"\xEC\x98\x88\xEC\x82\xB0"},
         "\xEC\x98\x88\xEC\x82\xB0 \xEB\xB0\x9C\xED\x91\x9C"},
        // no paragraphs: nothing
        {{}, {"budget"}, ""},
    };
    for (const auto &row : rows) {
        CAPTURE(row.hints, row.expected);
        CHECK(snippet_source(row.paragraphs, row.hints) == row.expected);
    }
}

TEST_CASE("snippet_source respects the cap", "[snippet]") {
    struct Row {
        Paragraphs paragraphs;
        std::size_t cap;
        std::string expected;
    };
    const Row rows[] = {
        {{"abcdef", "ghij"}, 8, "abcdef"},                       // a word would be cut: end at the space before it
        {{"abcdef", "ghij"}, 6, "abcdef"},                       // the first paragraph fills the cap
        {{"abcdef", "ghij"}, 7, "abcdef"},                       // the cap falls just after the space
        {{"abcdefghij"}, 4, "abcd"},                             // no space at all: cut at the cap
        {{"abcdef", "ghij"}, 11, "abcdef ghij"},                 // exactly everything
        {{"abcdef", "ghij"}, 100, "abcdef ghij"},                // cap larger than the text
        {{"abcdef", "ghij"}, 0, ""},                             // zero cap
        {{kKorean}, 16, kKorean},                                // Korean text that fits exactly
        {{kKorean}, 15, "\xEC\x84\x9C\xEC\x9A\xB8\xEC\x8B\x9C"}, // a word would be cut: end at the space
        {{kKorean}, 12, "\xEC\x84\x9C\xEC\x9A\xB8\xEC\x8B\x9C"}, // cap just after the space
        {{kKorean}, 8, "\xEC\x84\x9C\xEC\x9A\xB8"},              // no space before the cap: 시 would be split
        {{kKorean}, 2, ""},                                      // not even one character fits
    };
    for (const auto &row : rows) {
        CAPTURE(row.cap);
        CHECK(snippet_source(row.paragraphs, {}, row.cap) == row.expected);
    }
}

TEST_CASE("snippet_source never splits a UTF-8 character near the cap", "[snippet]") {
    // Korean paragraphs around the default cap; every cap near it must give valid UTF-8 no
    // longer than the cap, a prefix of the whole text, ending at a word boundary.
    Paragraphs paragraphs;
    std::string whole;
    for (int i = 0; i < 300; ++i) {
        paragraphs.push_back(kKorean);
        whole += (whole.empty() ? "" : " ") + kKorean;
    }
    REQUIRE(whole.size() > kSnippetSourceBytes + 64);
    for (std::size_t cap = kSnippetSourceBytes - 40; cap <= kSnippetSourceBytes + 40; ++cap) {
        CAPTURE(cap);
        std::string got = snippet_source(paragraphs, {}, cap);
        CHECK(got.size() <= cap);
        CHECK(got.size() + 16 > cap); // at most the last, partial word (5 bytes here) and a space are dropped
        CHECK(text::is_valid_utf8(got));
        CHECK(whole.compare(0, got.size(), got) == 0);
        CHECK((got.size() == whole.size() || whole[got.size()] == ' '));
    }
    CHECK(snippet_source(paragraphs, {}).size() <= kSnippetSourceBytes);
}

TEST_CASE("opening_html escapes and cuts the opening of a text", "[snippet]") {
    struct Row {
        std::string text;
        std::size_t length;
        std::string expected;
    };
    const Row rows[] = {
        // short text unchanged
        {"Short text.", 300, "Short text."},
        // text exactly the length: unchanged and no ellipsis
        {"0123456789", 10, "0123456789"},
        // the four HTML specials escaped
        {"a < b & c > \"d\"", 300, "a &lt; b &amp; c &gt; &quot;d&quot;"},
        // apostrophes need no escaping in element content
        {"Seoul's plan", 300, "Seoul's plan"},
        // cut at the last space within the length, then an ellipsis
        {"one two three four", 10, "one two\u2026"},
        // a space right at the length is a clean cut
        {"one two three", 7, "one two\u2026"},
        // no space at all: cut at the length
        {"abcdefghij", 4, "abcd\u2026"},
        // a space only at the very start is no place to cut
        {" abcdefghij", 4, " abc\u2026"},
        // escaping happens after cutting, so entities are never split
        {"<b>bold</b> text here", 11, "&lt;b&gt;bold&lt;/b&gt;\u2026"},
        // no space in Hangul: cut at a character boundary, never inside one
        {"가나다라마", 7, "가나\u2026"},
        {"서울시가 오늘 발표했다", 5, "서\u2026"},
        // Korean words: cut at the space
        {kKorean + " " + kKorean, 20, kKorean + "\u2026"},
        // empty text
        {"", 300, ""},
    };
    for (const auto &row : rows) {
        CAPTURE(row.text, row.length);
        CHECK(opening_html(row.text, row.length) == row.expected);
    }
}

TEST_CASE("opening_html uses the default length", "[snippet]") {
    std::string words;
    while (words.size() < 1000)
        words += "word ";
    std::string got = opening_html(words);
    REQUIRE(got.size() > 3);
    CHECK(got.substr(got.size() - 3) == "\u2026");
    CHECK(got.size() - 3 <= pressroom::searchd::kSnippetLength);
    CHECK(got.size() - 3 > pressroom::searchd::kSnippetLength - 6);
}

TEST_CASE("snippet_paragraph names the paragraph a snippet's text starts in", "[snippet]") {
    using pressroom::searchd::snippet_paragraph;
    const Paragraphs paragraphs = {"The council met on Monday.", "Officials said the overharvest was hidden for years.",
                                   "The fine is the largest ever imposed."};
    // Xapian may start the snippet past the paragraph the source began with.
    CHECK(snippet_paragraph(paragraphs, 0, "…said the overharvest was hidden for years. The fine is…") == 1u);
    CHECK(snippet_paragraph(paragraphs, 0, "The council met on Monday. Officials said…") == 0u);
    CHECK(snippet_paragraph(paragraphs, 1, "…the largest ever imposed.") == 2u);
    CHECK_FALSE(snippet_paragraph(paragraphs, 0, "words that are nowhere in the text").has_value());
    CHECK_FALSE(snippet_paragraph(paragraphs, 0, "").has_value());
}

TEST_CASE("a page's stemmer marks the words that stemming every word marks", "[snippet]") {
    using namespace pressroom::searchd;
    // A real (in-memory) index, terms made as the indexer makes them, and the query as searchd
    // builds it: the snippet highlights stemmed query words ("Zhous") in the text's inflected
    // forms ("houses").
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    const std::vector<std::string> texts = {
        "Housing policies: the city's houses and economies grew, officials said on Monday.",
        "The Attorney General announced charges; attorneys generally agree the economy is dying.",
        "Skies over the cities cleared as the dying storm passed; the housing authority said so.",
        "Zoning, yearly budgets and a quick quorum: every letter of the alphabet begins a word here.",
    };
    Xapian::TermGenerator generator;
    generator.set_stemmer(pressroom::schema::make_stemmer());
    generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    for (const auto &text : texts) {
        Xapian::Document doc;
        generator.set_document(doc);
        generator.index_text(text);
        db.add_document(doc);
    }
    for (const char *q : {"housing economy", "attorney general", "cities", "dying skies", "\"housing authority\" said",
                          "zoning quorum yearly"}) {
        BuiltQuery built = build_query(q, db);
        Xapian::Enquire enquire(db);
        enquire.set_query(ranked_query(built.query, built));
        Xapian::MSet mset = enquire.get_mset(0, 10);
        REQUIRE_FALSE(mset.empty());
        Xapian::Stem stem = page_stemmer(every_word(built));
        for (const auto &text : texts) {
            CAPTURE(q, text);
            std::string every_word = snippet_html(mset, text, 60);
            CHECK(snippet_html(mset, text, 60, &stem) == every_word);
            CHECK(title_html(mset, text, &stem) == title_html(mset, text));
        }
    }
    // It does leave words alone: those whose first letter begins no stemmed query word.
    Xapian::Stem stem = page_stemmer(Xapian::Query("Zhous"));
    CHECK(stem("houses") == "hous");
    CHECK(stem("economies") == "economies");
    CHECK(pressroom::schema::make_stemmer()("economies") == "economi");
}
