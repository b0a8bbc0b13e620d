// Korean, Chinese and Japanese beside English in one index: words found inside longer runs
// of characters, whole runs highlighted, the language filter and facet, and English
// stemming untouched.
#include <catch2/catch.hpp>

#include "search_helpers.h"
#include "test_support.h"

using namespace pressroom;
using pressroom::test::ids;
using pressroom::test::ordered_ids;

namespace {

struct MixedIndex {
    test::TempDir dir;
    test::CapturedLog log;
    std::filesystem::path seeds = test::copy_seeds(dir.path());
    std::filesystem::path fixture = test::write_press_fixture(dir.path());
    std::filesystem::path db = dir / "db";
    indexer::RunSummary first =
        test::index(db, {seeds, fixture, std::filesystem::path(PRESS_SOURCE_DIR) / "tests/lang/cjk-fixture.jsonl"}, log,
                    false, test::kSynonymFile);
    searchd::Searcher searcher{db};

    searchd::SearchResult search(const searchd::Params &params) {
        return searcher.search(test::parsed_request(params));
    }
};

std::string snippet_of(const searchd::SearchResult &r, const std::string &id) {
    for (const auto &hit : r.hits)
        if (hit.release.id == id)
            return hit.title_html + " | " + hit.snippet_html;
    return "";
}

} // namespace

TEST_CASE("a Korean word is found inside a longer word and highlighted whole", "[cjk]") {
    MixedIndex idx;
    // The text has "박원순 시장은 베이징과 대기질 협력을": particles attached.
    for (const char *q : {"박원순", "베이징", "협력", "대기질 협력"}) {
        CAPTURE(q);
        CHECK(ids(idx.search({{"q", q}})).count("ko-2015") == 1);
    }
    auto r = idx.search({{"q", "베이징"}, {"per_page", "50"}});
    std::string html = snippet_of(r, "ko-2015");
    CHECK(html.find("<mark>베이징</mark>과") != std::string::npos);
    CHECK(html.find("</mark><mark>") == std::string::npos);
    // 베이징 is Beijing in the synonym file: the English releases come too, the seed article with
    // its Korean byline ("베이징=전혜진 기자") among them.
    CHECK(ids(r).count("air-2015") == 1);
    CHECK(ids(r).count("004_470a66b87affb606.txt") == 1);
    CHECK(ids(idx.search({{"q", "전혜진"}})) == std::set<std::string>{"004_470a66b87affb606.txt"});
    CHECK(ids(idx.search({{"q", "Beijing"}})).count("ko-2015") == 1);
}

TEST_CASE("Chinese and Japanese words are found in unbroken text, the run ranked first", "[cjk]") {
    MixedIndex idx;
    auto r = idx.search({{"q", "北京市长"}});
    REQUIRE_FALSE(r.hits.empty());
    CHECK(r.hits[0].release.id == "zh-001"); // 北京市长陈吉宁, before 北京市副市长
    CHECK(snippet_of(r, "zh-001").find("<mark>北京市长</mark>") != std::string::npos);
    CHECK(ordered_ids(idx.search({{"q", "帰宅困難者を受け入れる"}})).front() == "ja-001");
    CHECK(ordered_ids(idx.search({{"q", "食品ロス"}})).front() == "ja-002");
}

TEST_CASE("scripts mix in one query, and English keeps its stemming", "[cjk]") {
    MixedIndex idx;
    // A CJK word between English words (which Xapian's parser alone rejects).
    auto r = idx.search({{"q", "smog 北京 report"}});
    REQUIRE_FALSE(r.hits.empty());
    CHECK(r.hits[0].release.id == "air-2016");                            // the one with all three (北京 = Beijing)
    CHECK(ids(idx.search({{"q", "agreements"}})).count("air-2015") == 1); // stemmed
    // A Korean word can be left out like any other.
    CHECK(ids(idx.search({{"q", "Seoul -베이징"}})).count("ko-2015") == 0);
}

TEST_CASE("each release has a language: filter and facet", "[cjk]") {
    MixedIndex idx;
    CHECK(ids(idx.search({{"q", "市"}, {"lang", "zh"}})) == std::set<std::string>{"zh-001", "zh-002", "zh-003"});
    auto all = idx.search({{"q", "date:2020..2030"}, {"per_page", "1"}});
    REQUIRE(all.facets.has_value());
    std::set<std::string> langs;
    for (const auto &v : all.facets->lang)
        langs.insert(v.value);
    CHECK(langs.count("zh") == 1);
    CHECK(langs.count("ja") == 1);
}
