// Golden tests for the scraped-page parser: each seed page in corpus/seeds/ is parsed and its
// canonical JSON compared with tests/golden/seeds/<name>.expected.json. Run with
// PRESS_UPDATE_GOLDEN=1 to rewrite the expected files, then review the diff by eye.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "page_parser.h"

using pressroom::ErrorCode;
using pressroom::indexer::PageLayout;
using pressroom::indexer::parse_page;
using pressroom::indexer::ParsedPage;

namespace {

const std::vector<std::string> kSeeds = {
    "000_afe356aea1f15e35", "001_dad5c3bcb5374185", "002_59a02e6dca8028c7",
    "003_1c1750da9e3d431d", "004_470a66b87affb606",
};

std::string seed_path(const std::string &name) {
    return std::string(PRESS_SOURCE_DIR) + "/corpus/seeds/" + name + ".txt";
}

std::string golden_path(const std::string &name) {
    return std::string(PRESS_SOURCE_DIR) + "/tests/golden/seeds/" + name + ".expected.json";
}

std::string read_file(const std::string &path) {
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in.good());
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

const char *layout_name(PageLayout layout) {
    switch (layout) {
    case PageLayout::SeoulCity:
        return "SeoulCity";
    case PageLayout::Newspaper:
        return "Newspaper";
    case PageLayout::Unknown:
        return "Unknown";
    }
    return "?";
}

nlohmann::json canonical(const ParsedPage &page) {
    nlohmann::json j = pressroom::to_json(page.release);
    j["layout"] = layout_name(page.layout);
    j["warnings"] = page.warnings;
    return j;
}

ParsedPage parse_seed(const std::string &name) {
    auto parsed = parse_page(read_file(seed_path(name)));
    INFO(name << ": " << (parsed ? "" : parsed.error().message));
    REQUIRE(parsed.ok());
    return std::move(parsed).value();
}

bool update_golden() {
    const char *env = std::getenv("PRESS_UPDATE_GOLDEN");
    return env != nullptr && std::string(env) == "1";
}

std::string replace_all(std::string s, const std::string &from, const std::string &to) {
    for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + to.size()))
        s.replace(at, from.size(), to);
    return s;
}

} // namespace

TEST_CASE("seed pages match their golden files", "[page_parser]") {
    for (const auto &name : kSeeds) {
        CAPTURE(name);
        // dump(2) of a parsed file compares structure, not the file's incidental whitespace.
        const std::string actual = canonical(parse_seed(name)).dump(2, ' ', false);
        if (update_golden()) {
            std::ofstream(golden_path(name), std::ios::binary) << actual << '\n';
            WARN("rewrote " << golden_path(name));
            continue;
        }
        auto expected = nlohmann::json::parse(read_file(golden_path(name)));
        CHECK(actual == expected.dump(2, ' ', false));
    }
}

TEST_CASE("titles and layouts of all seed pages", "[page_parser]") {
    struct Row {
        std::string name, title;
        PageLayout layout;
        std::size_t paragraphs;
    };
    const std::vector<Row> rows = {
        {kSeeds[0], "Mayor Park Won Soon Visits China to Attend 21st Century Council", PageLayout::SeoulCity, 5},
        {kSeeds[1], "Mayor Park Won-soon Gives Seoul Mayor Inaugural Lecture at China\u2019s Peking University",
         PageLayout::SeoulCity, 6},
        {kSeeds[2], "Official Visit to Beijing, China", PageLayout::SeoulCity, 5},
        {kSeeds[3],
         "Seoul, Beijing Agree to Set up Organization to Integrate Bilateral Economic, Cultural, "
         "and Educational Exchanges",
         PageLayout::SeoulCity, 7},
        {kSeeds[4], "Mayors of Seoul and Beijing agree to strengthen cooperation", PageLayout::Newspaper, 6},
    };
    for (const auto &row : rows) {
        CAPTURE(row.name);
        ParsedPage page = parse_seed(row.name);
        CHECK(page.release.title == row.title);
        CHECK(page.layout == row.layout);
        CHECK(page.release.paragraphs.size() == row.paragraphs);
        CHECK(page.release.lang == "en");
        CHECK(page.release.id.empty());
        CHECK(page.warnings.empty());
    }
}

TEST_CASE("city page with subtitle", "[page_parser]") {
    ParsedPage page = parse_seed(kSeeds[2]);
    CHECK(page.release.subtitle == "Mayor Park Won Soon\u2019s Hope Journal 151");
    CHECK(page.release.category == "Mayor's Hope Journal");
    CHECK(page.release.reference == "SMG 1368");
    CHECK(page.release.source == "Seoul Metropolitan Government");
}

TEST_CASE("city pages state no date and keep their category as written", "[page_parser]") {
    const std::vector<std::vector<std::string>> rows = {
        {kSeeds[0], "International Relations News", "SMG 5221"},
        {kSeeds[1], "International Relations News", "SMG 3953"},
        {kSeeds[2], "Mayor's Hope Journal", "SMG 1368"},
        {kSeeds[3], "Mayor's News2", "SMG 2650"},
    };
    for (const auto &row : rows) {
        CAPTURE(row[0]);
        ParsedPage page = parse_seed(row[0]);
        CHECK_FALSE(page.release.date.has_value());
        CHECK_FALSE(page.release.updated.has_value());
        CHECK(page.release.category == row[1]);
        CHECK(page.release.reference == row[2]);
        CHECK(page.release.source == "Seoul Metropolitan Government");
        CHECK(page.release.byline.empty());
    }
    // Only 002 has a subtitle.
    CHECK(parse_seed(kSeeds[0]).release.subtitle.empty());
    CHECK(parse_seed(kSeeds[3]).release.subtitle.empty());
}

TEST_CASE("newspaper page has dates and a byline", "[page_parser]") {
    ParsedPage page = parse_seed(kSeeds[4]);
    REQUIRE(page.release.date.has_value());
    CHECK(page.release.date->iso() == "2024-08-01T08:21");
    REQUIRE(page.release.updated.has_value());
    CHECK(page.release.updated->iso() == "2024-08-01T08:21");
    CHECK(page.release.byline == "\ubca0\uc774\uc9d5=\uc804\ud61c\uc9c4 \uae30\uc790 sunrise@donga.com");
    CHECK(page.release.source == "donga.com");
    CHECK(page.release.category.empty());
    CHECK(page.release.subtitle.empty());
    CHECK(page.release.reference.empty());
    CHECK(page.release.paragraphs.back().starts_with("Mayor Oh also highlighted"));
}

TEST_CASE("repeated title is dropped from the body", "[page_parser]") {
    ParsedPage page = parse_seed(kSeeds[1]);
    REQUIRE_FALSE(page.release.paragraphs.empty());
    CHECK(page.release.paragraphs.front() != page.release.title);
    CHECK(page.release.paragraphs.front().starts_with("Mayor Park Won-soon became the first Seoul mayor"));
}

TEST_CASE("no boilerplate in titles or paragraphs", "[page_parser]") {
    const std::vector<std::string> boilerplate = {"Go to Main Content", "Go to contents", "SMG 5", "Posted",
                                                  "sunrise@donga.com"};
    for (const auto &name : kSeeds) {
        ParsedPage page = parse_seed(name);
        for (const auto &needle : boilerplate) {
            CAPTURE(name, needle);
            CHECK(page.release.title.find(needle) == std::string::npos);
            for (const auto &p : page.release.paragraphs)
                CHECK(p.find(needle) == std::string::npos);
        }
        // Curly quotes are kept; NBSPs and indentation are not.
        for (const auto &p : page.release.paragraphs) {
            CAPTURE(name, p);
            CHECK(p.find("\u00a0") == std::string::npos);
            CHECK(p.front() != ' ');
        }
    }
    CHECK(parse_seed(kSeeds[0]).release.paragraphs.back().find("\u201cChina\u2019s") == 0);
}

TEST_CASE("CRLF line endings parse the same as LF", "[page_parser]") {
    for (const auto &name : kSeeds) {
        CAPTURE(name);
        const std::string lf = read_file(seed_path(name));
        auto crlf = parse_page(replace_all(lf, "\n", "\r\n"));
        REQUIRE(crlf.ok());
        CHECK(canonical(*crlf) == canonical(parse_seed(name)));
    }
}

TEST_CASE("edge-case pages", "[page_parser]") {
    struct Row {
        std::string label, input;
        bool ok;
        std::string title_or_message; // the title when ok, else a part of the error message
        std::size_t paragraphs;
    };
    const std::vector<Row> rows = {
        {"unknown layout", "A plain headline\n\nFirst paragraph\nwraps here.\n\nSecond one.\n", true,
         "A plain headline", 2},
        {"unknown layout body on the next line", "Headline\nBody text.", true, "Headline", 1},
        {"empty text", "", false, "empty", 0},
        {"whitespace only", " \n\t\r\n \xc2\xa0 \n", false, "empty", 0},
        {"invalid UTF-8", "\xff\xfe", false, "UTF-8", 0},
        {"city header with no body",
         "Go to Main Content\n\nMayor's News2\n\n  \u2022 A title\n\n  \u2022 Mayor's News2 SMG 1\n\n", false,
         "no body paragraphs", 0},
        {"newspaper header with no body",
         "Go to contents\n\nT\n\nT\n\nPosted Aug. 1, 2024 08:21\n\nReporter kim@example.com\n", false,
         "no body paragraphs", 0},
        {"unknown layout title only", "Just a title\n\n", false, "no body paragraphs", 0},
    };
    for (const auto &row : rows) {
        CAPTURE(row.label, row.input);
        auto parsed = parse_page(row.input);
        REQUIRE(parsed.ok() == row.ok);
        if (!row.ok) {
            CHECK(parsed.error().code == ErrorCode::InvalidInput);
            CHECK_THAT(parsed.error().message, Catch::Contains(row.title_or_message));
            continue;
        }
        CHECK(parsed->release.title == row.title_or_message);
        CHECK(parsed->release.paragraphs.size() == row.paragraphs);
        CHECK(parsed->layout == PageLayout::Unknown);
        REQUIRE(parsed->warnings.size() == 1);
        CHECK_THAT(parsed->warnings[0], Catch::Contains("layout not recognised"));
    }
}

TEST_CASE("newspaper dates accept month names full or abbreviated", "[page_parser]") {
    struct Row {
        std::string posted, iso;
    };
    const std::vector<Row> rows = {
        {"Posted August. 01, 2024 08:21,\u00a0\u00a0", "2024-08-01T08:21"},
        {"Posted Aug. 1, 2024 8:05", "2024-08-01T08:05"},
        {"Posted August 01, 2024", "2024-08-01"},
        {"Posted Sept. 30, 2023 23:59", "2023-09-30T23:59"},
        {"Posted Feb. 29, 2024 10:00", "2024-02-29T10:00"},
        {"Posted Feb. 29, 2023 10:00", ""},    // no such day: undated, with a warning
        {"Posted Augustus 1, 2024 10:00", ""}, // not a month name
    };
    for (const auto &row : rows) {
        CAPTURE(row.posted);
        auto parsed = parse_page("Go to contents\n\nTitle\n\nTitle\n\n" + row.posted +
                                 "\n\nBody.\n\nSeoul=Kim reporter kim@example.com\n");
        REQUIRE(parsed.ok());
        CHECK(parsed->layout == PageLayout::Newspaper);
        CHECK(parsed->release.paragraphs == std::vector<std::string>{"Body."});
        CHECK(parsed->release.source == "example.com");
        if (row.iso.empty()) {
            CHECK_FALSE(parsed->release.date.has_value());
            CHECK(parsed->warnings.size() == 1);
        } else {
            REQUIRE(parsed->release.date.has_value());
            CHECK(parsed->release.date->iso() == row.iso);
            CHECK(parsed->warnings.empty());
        }
    }
}

TEST_CASE("city header that does not fit falls back to the unknown layout", "[page_parser]") {
    // No "SMG <n>" line: the page is not read as a city page, and the skip link is not the title.
    auto parsed = parse_page("Go to Main Content\n\nNews\n\n  \u2022 A title\n\nBody text.\n");
    REQUIRE(parsed.ok());
    CHECK(parsed->layout == PageLayout::Unknown);
    CHECK(parsed->release.title == "News");
    CHECK(parsed->release.category.empty());
    CHECK(parsed->warnings.size() == 1);
}
