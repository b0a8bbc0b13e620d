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

TEST_CASE("plain words come in groups: a phrase is one, any other word its own", "[query_text]") {
    using Groups = std::vector<std::string>;
    CHECK(plain_word_groups("voting rights") == Groups{"voting", "rights"});
    CHECK(plain_word_groups("\"southern district of florida\" fraud") ==
          Groups{"southern district of florida", "fraud"});
    CHECK(plain_word_groups("a \"b\" -c \"d e") == Groups{"a", "b", "d e"}); // unclosed: to the end
    CHECK(plain_word_groups("\" fraud\" won-soon") == Groups{"fraud", "won-soon"});
    CHECK(plain_word_groups("title:council \"money laundering\" NOT bank").size() == 1);
}

TEST_CASE("phrases stay required when OR is the default", "[query_text]") {
    CHECK(required_phrases("a \"b c\" d") == "a +\"b c\" d");
    CHECK(required_phrases("+\"b c\" -\"d e\"") == "+\"b c\" -\"d e\""); // already marked
    CHECK(required_phrases("title:\"b c\"") == "title:\"b c\"");         // a field phrase is left alone
}

TEST_CASE("phrases inside parentheses stay alternatives", "[query_text]") {
    struct Row {
        std::string q;
        std::string expected;
    };
    const Row rows[] = {
        {"(a OR \"b c\")", "(a OR \"b c\")"},                  // an alternative, not a requirement
        {"x (\"b c\" OR d) y", "x (\"b c\" OR d) y"},          // wherever it is in the group
        {"(a OR \"b c\") \"d e\"", "(a OR \"b c\") +\"d e\""}, // after the group: required again
        {"\"d e\" (a OR \"b c\")", "+\"d e\" (a OR \"b c\")"}, // before it too
        {"\"a (b\" \"c d\"", "+\"a (b\" +\"c d\""},            // a parenthesis inside a phrase is a word
        {"((a OR \"b c\") OR d)", "((a OR \"b c\") OR d)"},    // nested groups
    };
    for (const auto &row : rows) {
        CAPTURE(row.q);
        CHECK(required_phrases(row.q) == row.expected);
    }
}

TEST_CASE("NEAR and ADJ runs are written as Xapian's parser can read them", "[query_text]") {
    struct Row {
        std::string q;
        std::string expected;
    };
    const Row rows[] = {
        {"a NEAR b", "a NEAR b"},                       // alone: as typed
        {"a NEAR b AND c", "a NEAR b AND c"},           // beside operators: as typed
        {"a NEAR b c", "(a NEAR b) c"},                 // beside a word: grouped
        {"c a ADJ/3 b", "c (a ADJ/3 b)"},               // on either side
        {"-a NEAR b c", "-(a NEAR b) c"},               // the sign stays outside
        {"(-a NEAR b c)", "(-(a NEAR b) c)"},           // so do parentheses
        {"a NEAR b NEAR c d", "(a NEAR b NEAR c) d"},   // one run of several
        {"a NEAR b c NEAR d", "(a NEAR b) (c NEAR d)"}, // two runs
        {"-a NEAR b-c", "-a near b-c"},                 // not plain words: the operator is a word
        {"title:a NEAR b", "title:a near b"},           // a field
        {"a* NEAR b c", "a* near b c"},                 // a wildcard
        {"a NEAR \"b c\"", "a near \"b c\""},           // a phrase
        {"\"a NEAR b\" c", "\"a NEAR b\" c"},           // inside a phrase NEAR is a word already
        {"NEAR b", "NEAR b"},                           // no operand before
        {"a NEAR", "a NEAR"},                           // none after
        {"caf\u00e9 NEAR b c", "(caf\u00e9 NEAR b) c"}, // letters of any other script are plain
        {"\uC11C\uC6B8 NEAR b", "\uC11C\uC6B8 near b"}, // CJK words are not: Xapian reads them as groups
    };
    for (const auto &row : rows) {
        CAPTURE(row.q);
        CHECK(group_positional(row.q) == row.expected);
    }
}

TEST_CASE("synonyms widen a query to every member of the group", "[query_text]") {
    const std::string park = "\xEB\xB0\x95\xEC\x9B\x90\xEC\x88\x9C"; // 박원순
    const std::vector<std::vector<std::string>> groups = {{"park won soon", park},
                                                          {"seoul metropolitan government", "smg"}};
    const std::vector<std::string> park_group = groups[0], smg_group = groups[1];
    const std::string park_any = "(\"park won soon\" OR " + park + ")";
    const std::string smg_any = "(\"seoul metropolitan government\" OR smg)";
    struct Row {
        std::string q;
        std::string expected;
        std::vector<std::vector<std::string>> used;
    };
    const Row rows[] = {
        {"park won soon", park_any, {park_group}},        // the multi-word member, quoted
        {"park won-soon", park_any, {park_group}},        // a hyphen counts as a space
        {"park-won-soon", park_any, {park_group}},        // however many
        {"smg", smg_any, {smg_group}},                    // a one-word member
        {park, park_any, {park_group}},                   // Hangul
        {"smg budget", smg_any + " budget", {smg_group}}, // other words stay
        {"seoul metropolitan government budget", smg_any + " budget", {smg_group}},
        {"park won soon smg", park_any + " " + smg_any, {park_group, smg_group}}, // two groups, in order
        {"2013 park won soon", "2013 " + park_any, {park_group}},
        {"\"park won soon\"", "\"park won soon\"", {}}, // a phrase is as typed
        {"\"mayor smg\"", "\"mayor smg\"", {}},         // a word in a phrase too
        {"-smg budget", "-smg budget", {}},             // an excluded word stays excluded
        {"park won", "park won", {}},                   // part of a member is no match
        {"won soon", "won soon", {}},                   // nor the end of one
        {"park won soonish", "park won soonish", {}},   // nor a longer word
        {"smgs", "smgs", {}},                           // nor a word that starts with one
        {"title:smg", "title:smg", {}},                 // a field search is left alone
        {"smg*", "smg*", {}},                           // so is a prefix
        {"park OR won soon", "park OR won soon", {}},   // an operator breaks a run
        {"", "", {}},
    };
    for (const auto &row : rows) {
        CAPTURE(row.q);
        std::vector<std::vector<std::string>> used;
        CHECK(expand_synonyms(row.q, groups, used) == row.expected);
        CHECK(used == row.used);
    }
}

TEST_CASE("the longest synonym member wins", "[query_text]") {
    const std::string seoul = "\xEC\x84\x9C\xEC\x9A\xB8"; // 서울
    const std::vector<std::vector<std::string>> groups = {{"seoul", seoul}, {"seoul metropolitan government", "smg"}};
    std::vector<std::vector<std::string>> used;
    CHECK(expand_synonyms("seoul metropolitan government budget", groups, used) ==
          "(\"seoul metropolitan government\" OR smg) budget");
    CHECK(used == std::vector<std::vector<std::string>>{groups[1]});
    used.clear();
    CHECK(expand_synonyms("seoul metropolitan budget", groups, used) == "(seoul OR " + seoul + ") metropolitan budget");
    CHECK(used == std::vector<std::vector<std::string>>{groups[0]});
    used.clear();
    CHECK(expand_synonyms("seoul budget", {}, used) == "seoul budget"); // no groups: unchanged
    CHECK(used.empty());
}

TEST_CASE("read_query says how the words were read", "[query_text]") {
    const std::vector<std::vector<std::string>> none;
    struct Row {
        std::string q;
        std::string expected;
    };
    const Row rows[] = {
        {"air quality", "all of: air, quality"},
        {"\"seoul beijing\" smog", "all of: smog; phrase: \"seoul beijing\""},
        {"+\"seoul beijing\"", "phrase: \"seoul beijing\""},
        {"fraud OR bribery", "all of: fraud or bribery"},
        {"fraud OR \"money laundering\"", "all of: fraud or \"money laundering\""},
        {"fraud -bank", "all of: fraud; without: bank"},
        {"fraud NOT bank", "all of: fraud; without: bank"},
        {"NOT bank", "without: bank"},
        {"fraud -\"bank of america\"", "all of: fraud; without: \"bank of america\""},
        {"title:council seoul", "all of: seoul; field: title: council"},
        {"regulat* seoul", "all of: seoul; starting with: regulat\u2026"},
        {"the mayor of seoul", "all of: mayor, seoul; ignored as too common: the, of"},
        {"budget 2013", "all of: budget; preferring the year: 2013"},
        {"\"budget 2013\"", "phrase: \"budget 2013\""}, // a year in a phrase is a word of it
        {"the of", "all of: the, of"},                  // only stop words: those are searched for
        {"", ""},
    };
    for (const auto &row : rows) {
        CAPTURE(row.q);
        CHECK(read_query(row.q, none) == row.expected);
    }
    const std::string park = "\xEB\xB0\x95\xEC\x9B\x90\xEC\x88\x9C"; // 박원순
    CHECK(read_query("smg budget", {{"seoul metropolitan government", "smg"}}) ==
          "all of: smg, budget; same meaning: seoul metropolitan government = smg");
    CHECK(read_query("park won-soon smg", {{"park won soon", park}, {"seoul metropolitan government", "smg"}}) ==
          "all of: park, won-soon, smg; same meaning: park won soon = " + park +
              "; same meaning: seoul metropolitan government = smg");
}
