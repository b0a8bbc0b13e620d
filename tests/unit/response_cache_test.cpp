// Tests for searchd/response_cache.h and the took_ms cut it serves answers with (render.h): an
// answer served again is the one rendered then, with the new time; the bound holds and the
// least recently used answers go first.
#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "render.h"
#include "response_cache.h"

using namespace pressroom::searchd;

namespace {

SearchResult sample_result(const std::string &title) {
    SearchResult result;
    result.query = "took_ms";
    result.total = 3;
    result.page = 1;
    result.per_page = 10;
    SearchHit hit;
    hit.release.id = "r1";
    hit.release.title = title;
    hit.snippet_html = "<mark>took_ms</mark>\":1}";
    result.hits.push_back(hit);
    return result;
}

std::shared_ptr<const CachedAnswer> answer_of(std::size_t bytes) {
    return std::make_shared<CachedAnswer>(CachedAnswer{TimedBody{std::string(bytes, 'x'), "}"}, false});
}

} // namespace

TEST_CASE("an answer cut at took_ms is the same answer rendered with the new time", "[cache]") {
    // Titles and snippets that spell the key itself must not be mistaken for it.
    for (std::string title : {"Plain title", "A \"took_ms\": 5, title", "took_ms\":}"}) {
        CAPTURE(title);
        SearchResult result = sample_result(title);
        TimedBody cut = cut_took_ms(render_search(result, 0));
        CHECK(cut.with(2.5) == render_search(result, 2.5));
        CHECK(cut.with(0.0481234) == render_search(result, 0.0481234));
        CHECK(nlohmann::json::parse(cut.with(7))["hits"][0]["title"] == title);
    }
}

TEST_CASE("a body without took_ms is served as it was", "[cache]") {
    TimedBody cut = cut_took_ms(R"({"total":1})");
    CHECK(cut.with(3) == R"({"total":1})");
}

TEST_CASE("the cache answers what it holds and counts hits and misses", "[cache]") {
    ResponseCache cache(1 << 20);
    CHECK(cache.get("a") == nullptr);
    auto a = answer_of(100);
    cache.put("a", a);
    CHECK(cache.get("a") == a);
    CHECK(cache.get("b") == nullptr);
    CacheFacts facts = cache.stats();
    CHECK(facts.hits == 1);
    CHECK(facts.misses == 2);
    CHECK(facts.entries == 1);
    CHECK(facts.bytes > 100);
    // Stored twice (two requests answered at once): one entry, the later answer.
    auto again = answer_of(100);
    cache.put("a", again);
    CHECK(cache.get("a") == again);
    CHECK(cache.stats().entries == 1);
    CHECK(cache.stats().bytes == facts.bytes);
}

TEST_CASE("past its bound the cache drops the least recently used answers", "[cache]") {
    ResponseCache cache(10000);
    for (std::string key : {"k1", "k2", "k3"})
        cache.put(key, answer_of(2500));
    REQUIRE(cache.get("k1") != nullptr); // k1 is now the most recently used; k2 the least
    cache.put("k4", answer_of(2500));
    CHECK(cache.stats().bytes <= 10000);
    CHECK(cache.get("k2") == nullptr);
    CHECK(cache.get("k1") != nullptr);
    CHECK(cache.get("k3") != nullptr);
    CHECK(cache.get("k4") != nullptr);
    // An answer larger than the whole cache is not kept, and evicts nothing.
    cache.put("huge", answer_of(20000));
    CHECK(cache.get("huge") == nullptr);
    CHECK(cache.get("k1") != nullptr);
}

TEST_CASE("cache keys differ for every different request and index revision", "[cache]") {
    Params fraud{{"q", "fraud"}, {"facets", "false"}};
    CHECK(cache_key("uuid:7", fraud) == cache_key("uuid:7", Params{{"facets", "false"}, {"q", "fraud"}}));
    CHECK(cache_key("uuid:7", fraud) != cache_key("uuid:8", fraud));
    CHECK(cache_key("uuid:7", fraud) != cache_key("uuid:7", Params{{"q", "fraud"}, {"facets", "true"}}));
    CHECK(cache_key("uuid:7", fraud) != cache_key("uuid:7", Params{{"q", "fraud"}}));
    // Separators inside values cannot make two requests one.
    CHECK(cache_key("r", Params{{"q", "a&page=2"}}) != cache_key("r", Params{{"q", "a"}, {"page", "2"}}));
    CHECK(cache_key("r", Params{{"category", "A"}, {"category", "B"}}) != cache_key("r", Params{{"category", "A"}}));
}
