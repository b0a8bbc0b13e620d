// Synonym groups (core/synonyms.h): the file format, folding for matching, the metadata
// form; and the edit distance and vocabulary behind "Did you mean" (searchd/spelling.h).
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "spelling.h"
#include "synonyms.h"

using pressroom::ErrorCode;
using pressroom::fold_synonym;
using pressroom::parse_synonyms;
using pressroom::SynonymGroups;
using pressroom::synonyms_from_metadata;
using pressroom::synonyms_to_metadata;
using pressroom::searchd::edit_distance;

namespace {

bool has(const std::vector<std::string> &group, const std::string &member) {
    return std::find(group.begin(), group.end(), member) != group.end();
}

} // namespace

TEST_CASE("the bundled synonyms file parses", "[synonyms]") {
    const std::string path = std::string(PRESS_SOURCE_DIR) + "/corpus/synonyms.txt";
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);
    std::stringstream content;
    content << in.rdbuf();
    auto groups = parse_synonyms(content.str(), path);
    INFO((groups ? "" : groups.error().message));
    REQUIRE(groups.ok());
    CHECK(groups->size() >= 10);
    // "Park Won-soon" is folded to the spelling queries are matched in.
    auto park = std::find_if(groups->begin(), groups->end(), [](const auto &group) {
        return has(group, "park won soon") && has(group, "\xEB\xB0\x95\xEC\x9B\x90\xEC\x88\x9C"); // 박원순
    });
    CHECK(park != groups->end());
    auto smg = std::find_if(groups->begin(), groups->end(), [](const auto &group) {
        return has(group, "seoul metropolitan government") && has(group, "smg");
    });
    CHECK(smg != groups->end());
    for (const auto &group : *groups) {
        CAPTURE(group);
        CHECK(group.size() >= 2);
        for (const auto &member : group)
            CHECK(member == fold_synonym(member)); // every member is stored folded
    }
}

TEST_CASE("synonym lines become folded groups", "[synonyms]") {
    struct Row {
        std::string text;
        SynonymGroups groups;
    };
    const Row rows[] = {
        {"SMG, Seoul Metropolitan Government", {{"smg", "seoul metropolitan government"}}},    // one group
        {"a,b\nc , d\n", {{"a", "b"}, {"c", "d"}}},                                            // one group a line
        {"# comment\n\n   \n  # indented comment\na, b", {{"a", "b"}}},                        // skipped lines
        {"a, b\r\nc, d\r\n", {{"a", "b"}, {"c", "d"}}},                                        // CRLF line ends
        {"Park Won-soon, Park  Won soon, PARK WON SOON, \xEB\xB0\x95\xEC\x9B\x90\xEC\x88\x9C", // spellings of
         {{"park won soon", "\xEB\xB0\x95\xEC\x9B\x90\xEC\x88\x9C"}}},                         // one name once
        {"", {}},                                                                              // an empty file
        {"# only comments\n", {}},                                                             // no groups
    };
    for (const auto &row : rows) {
        CAPTURE(row.text);
        auto groups = parse_synonyms(row.text, "synonyms.txt");
        INFO((groups ? "" : groups.error().message));
        REQUIRE(groups.ok());
        CHECK(*groups == row.groups);
    }
}

TEST_CASE("bad synonym lines are rejected naming the line", "[synonyms]") {
    struct Row {
        std::string text;
        std::string message;
    };
    const std::string one = " names only one distinct name; a group needs two or more, separated by commas";
    const std::string empty = " has an empty member; separate the names of a group with single commas";
    const Row rows[] = {
        {"a, b\nsmg", "syn.txt line 2" + one},                    // a single member
        {"# c\nSMG, smg", "syn.txt line 2" + one},                // two spellings of one name
        {"Park Won-soon, park won soon", "syn.txt line 1" + one}, // hyphen and space are one name
        {"a,,b", "syn.txt line 1" + empty},                       // an empty member
        {"a, b,", "syn.txt line 1" + empty},                      // a trailing comma
        {",a, b", "syn.txt line 1" + empty},                      // a leading comma
        {"a, b\n\nc, -, d", "syn.txt line 3" + empty},            // a member that folds to nothing
        {"a, b\nc, d\xFF", "syn.txt line 2 is not valid UTF-8; save the file as UTF-8"},  // not UTF-8
        {"caf\xE9, coffee", "syn.txt line 1 is not valid UTF-8; save the file as UTF-8"}, // Latin-1
    };
    for (const auto &row : rows) {
        CAPTURE(row.text);
        auto groups = parse_synonyms(row.text, "syn.txt");
        REQUIRE_FALSE(groups.ok());
        CHECK(groups.error().code == ErrorCode::InvalidInput);
        CHECK(groups.error().message == row.message);
    }
}

TEST_CASE("fold_synonym ignores case hyphens spacing and curly apostrophes", "[synonyms]") {
    struct Row {
        std::string a;
        std::string b;
    };
    const Row rows[] = {
        {"Park Won-soon", "park won soon"},                 // case and hyphen
        {"PARK WON\u2010SOON", "park won soon"},            // a Unicode hyphen
        {"Park  Won\tsoon ", "park won soon"},              // runs of spaces and tabs
        {"Seoul\u00A0City", "seoul city"},                  // a no-break space
        {"O\u2019Brien", "O'Brien"},                        // curly and straight apostrophes
        {"Mayor\u2019s Office", "mayor's office"},          // a curly possessive
        {"\xEB\xB0\x95\xEC\x9B\x90\xEC\x88\x9C", "박원순"}, // Hangul unchanged
    };
    for (const auto &row : rows) {
        CAPTURE(row.a, row.b);
        CHECK(fold_synonym(row.a) == fold_synonym(row.b));
    }
    CHECK(fold_synonym("Park Won-soon") == "park won soon");
    CHECK(fold_synonym("  SMG ") == "smg");
    CHECK(fold_synonym("-") == "");
}

TEST_CASE("synonym groups survive the index metadata", "[synonyms]") {
    const SynonymGroups groups = {
        {"park won soon", "\xEB\xB0\x95\xEC\x9B\x90\xEC\x88\x9C", "\xE6\x9C\xB4\xE5\x85\x83\xE6\xB7\xB3"},
        {"seoul metropolitan government", "smg", "seoul city hall"},
        {"doj", "justice department"}};
    CHECK(synonyms_from_metadata(synonyms_to_metadata(groups)) == groups);
    CHECK(synonyms_from_metadata(synonyms_to_metadata({})).empty());
}

TEST_CASE("unreadable synonym metadata gives no groups", "[synonyms]") {
    struct Row {
        std::string value;
        SynonymGroups groups;
    };
    const Row rows[] = {
        {"", {}},                                          // no metadata: an index built without synonyms
        {"not json", {}},                                  // garbage
        {"[[\"a\", \"b\"", {}},                            // cut short
        {"{\"a\": [\"b\", \"c\"]}", {}},                   // an object, not a list
        {"\"a, b\"", {}},                                  // a string
        {"[1, 2]", {}},                                    // groups that are not lists
        {"[[\"a\"]]", {}},                                 // a group of one is no group
        {"[[\"a\", \"b\"], 5, [\"c\", 7]]", {{"a", "b"}}}, // the readable groups are kept
        {"[[\"a\", 1, \"b\"]]", {{"a", "b"}}},             // members that are not strings dropped
    };
    for (const auto &row : rows) {
        CAPTURE(row.value);
        CHECK(synonyms_from_metadata(row.value) == row.groups);
    }
}

TEST_CASE("edit distance counts single-letter edits up to a limit", "[spelling]") {
    struct Row {
        std::string a;
        std::string b;
        unsigned limit;
        unsigned distance;
    };
    const Row rows[] = {
        {"budget", "budget", 2, 0},   // equal
        {"", "", 0, 0},               // both empty
        {"budget", "budgets", 2, 1},  // one insertion
        {"budget", "buget", 2, 1},    // one deletion
        {"budget", "budgat", 2, 1},   // one substitution
        {"budget", "bugdet", 2, 1},   // neighbours swapped
        {"ab", "ba", 1, 1},           // a swap of a two-letter word
        {"mayor", "myaro", 2, 2},     // two swaps
        {"kitten", "sitting", 3, 3},  // the textbook case, within the limit
        {"kitten", "sitting", 2, 3},  // farther than the limit: limit + 1
        {"kitten", "sitting", 1, 2},  // ditto
        {"seoul", "seoul", 0, 0},     // a limit of 0 still finds equality
        {"seoul", "seoel", 0, 1},     // and rejects anything else
        {"ab", "abcdef", 2, 3},       // lengths too far apart
        {"abc", "", 3, 3},            // all deletions
        {"", "abc", 5, 3},            // all insertions
        {"a", "", 1, 1},              // one deletion down to nothing
        {"xyz", "abc", 2, 3},         // nothing in common
        {"justice", "jutsice", 1, 1}, // a swap inside a longer word
        {"investigation", "investigatoin", 2, 1},
    };
    for (const auto &row : rows) {
        CAPTURE(row.a, row.b, row.limit);
        CHECK(edit_distance(row.a, row.b, row.limit) == row.distance);
        CHECK(edit_distance(row.b, row.a, row.limit) == row.distance); // symmetric
    }
}

TEST_CASE("the vocabulary offers the closest known word, never a common one", "[spelling]") {
    // An in-memory index: each word in as many documents as its frequency.
    Xapian::WritableDatabase db(std::string(), Xapian::DB_BACKEND_INMEMORY);
    auto add = [&](const std::string &word, int freq) {
        for (int i = 0; i < freq; ++i) {
            Xapian::Document doc;
            doc.add_term(word);
            doc.add_term("Z" + word); // a prefixed term is never a candidate
            db.add_document(doc);
        }
    };
    add("being", 9);
    add("beijing", 1);
    add("from", 50);
    add("crane", 2);
    add("crone", 7);
    add("drive", 4);
    add("drove", 4);
    add("listen", 3);
    add("investigation", 5);
    add("fraud", 40);
    add("fouad", 2);
    add("x2y", 5);
    db.commit();

    pressroom::searchd::Vocabulary vocabulary;
    struct Row {
        const char *typed, *closest;
    };
    const Row rows[] = {
        {"bejing", "beijing"}, // as close as "being", keeping more of what was typed
        {"crxne", "crone"},    // equally close, the more frequent
        {"drxve", "drive"},    // equally close and frequent: the first in alphabetical order
        {"lsiten", "listen"},
        {"fruad", "fraud"}, // a swap keeps its pair: the frequent word, not the name "fouad"  // neighbours swapped
        {"frm", ""},        // "from" is common: never what was meant
        {"investgtion", "investigation"},
        {"investgtin", ""}, // three edits away
        {"qqq", ""},        // no word with its first letter
        {"xzy", ""},        // "x2y" is not a word of letters
        {"Bejing", ""},     // not lower case: the caller lowers it
    };
    for (const auto &row : rows) {
        CAPTURE(row.typed);
        CHECK(vocabulary.closest(row.typed, db) == row.closest);
    }
}
