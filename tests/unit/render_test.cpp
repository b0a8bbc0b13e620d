// Tests for searchd/render.h: the JSON bodies are parsed back with nlohmann::json and their
// fields checked. Tables have one row per case with its reason; CAPTURE prints the failing row.
#include <catch2/catch.hpp>

#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "render.h"

using nlohmann::json;
using pressroom::Date;
using pressroom::Error;
using pressroom::ErrorCode;
using pressroom::Release;
using pressroom::searchd::Health;
using pressroom::searchd::render_error;
using pressroom::searchd::render_health;
using pressroom::searchd::render_search;
using pressroom::searchd::SearchHit;
using pressroom::searchd::SearchResult;

namespace {

std::set<std::string> keys(const json &j) {
    std::set<std::string> out;
    for (const auto &item : j.items())
        out.insert(item.key());
    return out;
}

SearchHit full_hit() {
    SearchHit hit;
    hit.release.id = "doj-17-123";
    hit.release.title = "Mayor \"Park\" <speaks>";
    hit.release.url = "https://example.org/pr/1";
    hit.release.category = "Tax Division; USAO - Florida";
    hit.release.source = "Office of Public Affairs";
    hit.release.date = Date{2014, 3, 5, -1, -1};
    hit.release.paragraphs = {"Body."};
    hit.title_html = "Mayor &quot;Park&quot; &lt;speaks&gt;";
    hit.snippet_html = "The <mark>mayor</mark> spoke\u2026";
    hit.paragraph = 3;
    hit.score = 1.23456;
    return hit;
}

} // namespace

TEST_CASE("render_error names the code and carries the message", "[render]") {
    struct Row {
        ErrorCode code;
        std::string name;
    };
    const Row rows[] = {
        {ErrorCode::InvalidParameter, "invalid_parameter"}, // bad request parameter
        {ErrorCode::NotFound, "not_found"},                 // unknown document or route
        {ErrorCode::InvalidInput, "invalid_input"},         // bad corpus input
        {ErrorCode::Unavailable, "unavailable"},            // index cannot be opened
        {ErrorCode::Internal, "internal"},                  // a bug
    };
    for (const auto &row : rows) {
        CAPTURE(row.name);
        const std::string message = "parameter `page` must be a whole number from 1 to 1000, got `0`";
        json j = json::parse(render_error(Error{row.code, message}));
        CHECK(j == json{{"error", {{"code", row.name}, {"message", message}}}});
    }
}

TEST_CASE("render_error keeps quotes and non-ASCII text in the message", "[render]") {
    const std::string message = "got `\"\\</script>` and \xEC\x84\x9C\xEC\x9A\xB8\u2026";
    const std::string body = render_error(Error{ErrorCode::InvalidParameter, message});
    json j = json::parse(body);
    CHECK(j["error"]["code"] == "invalid_parameter");
    CHECK(j["error"]["message"] == message);
    CHECK(body.find('\n') == std::string::npos); // one line
}

TEST_CASE("render_search writes every field", "[render]") {
    SearchResult result;
    result.query = "mayor";
    result.total = 1234;
    result.total_exact = false;
    result.page = 2;
    result.per_page = 10;
    result.notice = "Your query could not be parsed: searched for the words instead.";
    result.sort = pressroom::searchd::Sort::Newest;
    result.filters.category = {"Mayor's News"};
    result.filters.from = "2013-01-01";
    result.suggestion = "mayor";
    result.reading = "all of: mayor; category: Mayor's News";
    pressroom::searchd::Facets facets;
    facets.category = {{"Mayor's News", 3}};
    facets.year = {{"2013", 1}, {"2014", 2}};
    facets.undated = 4;
    result.facets = facets;
    result.hits.push_back(full_hit());

    json j = json::parse(render_search(result, 12.34567));
    CHECK(keys(j) == std::set<std::string>{"query", "total", "total_exact", "page", "per_page", "took_ms", "notice",
                                           "partial", "sort", "filters", "facets", "suggestion", "query_reading",
                                           "hits"});
    CHECK(j["sort"] == "newest");
    CHECK(j["filters"]["category"] == json::array({"Mayor's News"}));
    CHECK(j["filters"]["not_category"] == json::array());
    CHECK(j["filters"]["from"] == "2013-01-01");
    CHECK(j["filters"]["to"].is_null());
    CHECK(j["filters"]["undated"] == false);
    CHECK(j["facets"]["category"] == json::parse(R"([{"value": "Mayor's News", "count": 3}])"));
    CHECK(j["facets"]["year"] == json::parse(R"([{"value": "2013", "count": 1}, {"value": "2014", "count": 2}])"));
    CHECK(j["facets"]["source"] == json::array());
    CHECK(j["facets"]["undated"] == 4);
    CHECK(j["suggestion"] == "mayor");
    CHECK(j["query_reading"] == result.reading);
    CHECK(j["query"] == "mayor");
    CHECK(j["total"] == 1234);
    CHECK(j["total_exact"] == false);
    CHECK(j["page"] == 2);
    CHECK(j["per_page"] == 10);
    CHECK(j["took_ms"].get<double>() == Approx(12.346));
    CHECK(j["notice"] == result.notice);
    CHECK(j["partial"] == false);
    REQUIRE(j["hits"].is_array());
    REQUIRE(j["hits"].size() == 1);

    const json &hit = j["hits"][0];
    CHECK(keys(hit) == std::set<std::string>{"id", "title", "title_html", "url", "date", "category", "source",
                                             "snippet_html", "lang", "paragraph", "score"});
    CHECK(hit["paragraph"] == 3);
    CHECK(hit["lang"] == "en");
    CHECK(hit["id"] == "doj-17-123");
    CHECK(hit["title"] == "Mayor \"Park\" <speaks>");
    CHECK(hit["title_html"] == "Mayor &quot;Park&quot; &lt;speaks&gt;");
    CHECK(hit["url"] == "https://example.org/pr/1");
    CHECK(hit["date"] == "2014-03-05");
    CHECK(hit["category"] == "Tax Division; USAO - Florida");
    CHECK(hit["source"] == "Office of Public Affairs");
    CHECK(hit["snippet_html"] == "The <mark>mayor</mark> spoke\u2026");
    CHECK(hit["score"].get<double>() == Approx(1.235));
}

TEST_CASE("render_search writes null for empty optional fields", "[render]") {
    SearchHit hit = full_hit();
    hit.release.url.clear();
    hit.release.category.clear();
    hit.release.source.clear();
    hit.release.date.reset();
    SearchResult result;
    result.hits.push_back(hit);

    json j = json::parse(render_search(result, 0));
    CHECK(j["notice"].is_null());
    CHECK(j["query"] == "");
    const json &h = j["hits"][0];
    CHECK(h["url"].is_null());
    CHECK(h["category"].is_null());
    CHECK(h["source"].is_null());
    CHECK(h["date"].is_null());
    // required fields are never null
    CHECK(h["id"] == "doj-17-123");
    CHECK(h["title"].is_string());
    CHECK(h["snippet_html"].is_string());
}

TEST_CASE("render_search writes the date at its precision", "[render]") {
    struct Row {
        Date date;
        std::string iso;
    };
    const Row rows[] = {
        {{2013, 0, 0, -1, -1}, "2013"},              // year only
        {{2013, 4, 0, -1, -1}, "2013-04"},           // year and month
        {{2013, 4, 21, -1, -1}, "2013-04-21"},       // full date
        {{2013, 4, 21, 16, 30}, "2013-04-21T16:30"}, // with a time
    };
    for (const auto &row : rows) {
        CAPTURE(row.iso);
        SearchHit hit = full_hit();
        hit.release.date = row.date;
        SearchResult result;
        result.hits.push_back(hit);
        json j = json::parse(render_search(result, 1));
        CHECK(j["hits"][0]["date"] == row.iso);
    }
}

TEST_CASE("render_search rounds score and time to three decimals", "[render]") {
    struct Row {
        double value;
        double rounded;
    };
    const Row rows[] = {
        {1.23456, 1.235}, // rounds up
        {1.2344, 1.234},  // rounds down
        {0.0004, 0.0},    // tiny values become 0
        {42.0, 42.0},     // whole numbers unchanged
    };
    for (const auto &row : rows) {
        CAPTURE(row.value);
        SearchHit hit = full_hit();
        hit.score = row.value;
        SearchResult result;
        result.hits.push_back(hit);
        json j = json::parse(render_search(result, row.value));
        CHECK(j["hits"][0]["score"].get<double>() == Approx(row.rounded).margin(1e-12));
        CHECK(j["took_ms"].get<double>() == Approx(row.rounded).margin(1e-12));
    }
}

TEST_CASE("render_search writes an empty hit list as an array", "[render]") {
    SearchResult result;
    result.total = 0;
    json j = json::parse(render_search(result, 0.5));
    REQUIRE(j["hits"].is_array());
    CHECK(j["hits"].empty());
    CHECK(j["total"] == 0);
    CHECK(j["total_exact"] == true);
    CHECK(j["page"] == 1);
    CHECK(j["per_page"] == 10);
}

TEST_CASE("render_health writes status and counts", "[render]") {
    Health health;
    health.documents = 12694;
    health.revision = 7;
    health.generation = "gen-000003";
    json j = json::parse(render_health(health));
    CHECK(j == json{{"status", "ok"},
                    {"documents", 12694},
                    {"revision", 7},
                    {"generation", "gen-000003"},
                    {"last_run", nullptr}});
    health.last_run = 1700000000;
    CHECK(json::parse(render_health(health))["last_run"] == 1700000000);
}
