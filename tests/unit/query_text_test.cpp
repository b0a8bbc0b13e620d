// The rewrites of typed query text before parsing (searchd/query_text.h).
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include "query_text.h"

using namespace pressroom::searchd::query_text;

TEST_CASE("run-together words are split into known words", "[query_text]") {
    const std::map<std::string, unsigned> vocabulary = {{"won", 40}, {"soon", 55}, {"wons", 1},  {"oon", 1},
                                                        {"se", 3},   {"hoon", 2},  {"health", 9}};
    auto termfreq = [&](const std::string &term) {
        auto it = vocabulary.find(term);
        return it == vocabulary.end() ? 0u : it->second;
    };
    struct Row {
        std::string q;
        std::string expected;
    };
    const Row rows[] = {
        {"park wonsoon", "park won-soon"},        // the split whose rarer half is most common wins
        {"oh sehoon", "oh se-hoon"},              // parts of two letters are allowed
        {"health", "health"},                     // a known word is left alone
        {"zzzzzz", "zzzzzz"},                     // no split into known words: unchanged
        {"\"park wonsoon\"", "\"park wonsoon\""}, // inside a phrase: as typed
        {"Wonsoon", "Wonsoon"},                   // only lower-case words (the builder lowers them first)
        {"wons", "wons"},                         // too short to be two words
    };
    for (const auto &row : rows) {
        CAPTURE(row.q);
        CHECK(split_run_together(row.q, termfreq) == row.expected);
    }
}

TEST_CASE("two words the index also knows as one match either way", "[query_text]") {
    auto termfreq = [](const std::string &term) { return term == "healthcare" || term == "into" ? 5u : 0u; };
    CHECK(join_split_words("health care fraud", termfreq) == "(health care OR healthcare) fraud");
    CHECK(join_split_words("\"health care\" fraud", termfreq) == "\"health care\" fraud"); // a phrase is as typed
    CHECK(join_split_words("in to", termfreq) == "in to");                                 // stop words are not joined
    CHECK(join_split_words("health fraud", termfreq) == "health fraud");                   // nothing to join
}

TEST_CASE("plain words keep only what the user wants found", "[query_text]") {
    struct Row {
        std::string q;
        std::string expected;
    };
    const Row rows[] = {
        {"voting rights", "voting rights"},                           // plain words stay
        {"fraud -bank", "fraud"},                                     // an excluded word goes
        {"fraud NOT bank OR bribery", "fraud bribery"},               // operators and the word after NOT go
        {"title:council seoul", "seoul"},                             // field searches go
        {"\"money laundering\" (cartel)", "money laundering cartel"}, // syntax characters go
    };
    for (const auto &row : rows) {
        CAPTURE(row.q);
        CHECK(plain_words(row.q) == row.expected);
    }
}

TEST_CASE("phrases stay required when OR is the default", "[query_text]") {
    CHECK(required_phrases("a \"b c\" d") == "a +\"b c\" d");
    CHECK(required_phrases("+\"b c\" -\"d e\"") == "+\"b c\" -\"d e\""); // already marked
    CHECK(required_phrases("title:\"b c\"") == "title:\"b c\"");         // a field phrase is left alone
}
