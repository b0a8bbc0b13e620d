// Tests for searchd/export.h: the CSV is split back into records with an RFC 4180 reader
// below, the JSON is parsed back with nlohmann::json, and their fields checked.
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "export.h"

using nlohmann::json;
using pressroom::Date;
using pressroom::searchd::kExportLimit;
using pressroom::searchd::render_csv;
using pressroom::searchd::render_export_json;
using pressroom::searchd::SearchHit;
using pressroom::searchd::SearchResult;
using pressroom::searchd::Sort;

namespace {

using Record = std::vector<std::string>;

const std::string kBase = "https://press.example.org";

SearchHit full_hit() {
    SearchHit h;
    h.release.id = "doj-17-123";
    h.release.title = "Mayor opens the park";
    h.release.date = Date{2015, 3, 2, -1, -1};
    h.release.source = "Office of the Mayor";
    h.release.category = "Parks; Environment";
    h.release.url = "https://www.example.gov/news/1";
    h.snippet_html = "The <mark>park</mark> &amp; the pond\u2026";
    h.paragraph = 3;
    return h;
}

SearchHit bare_hit() {
    SearchHit h;
    h.release.id = "seoul/2013 x";
    h.release.title = "Untitled";
    h.snippet_html = "";
    return h;
}

// An RFC 4180 reader: records end with CRLF; a quoted field may hold commas, CRLF and doubled
// quotes. Fails the test on anything else (a bare LF ending a record, a quote inside an
// unquoted field, a missing final CRLF).
std::vector<Record> parse_csv(const std::string &csv) {
    std::vector<Record> records;
    Record record;
    std::string field;
    std::size_t i = 0;
    while (i < csv.size()) {
        if (csv[i] == '"') {
            ++i;
            for (;;) {
                REQUIRE(i < csv.size());
                if (csv[i] == '"') {
                    if (i + 1 < csv.size() && csv[i + 1] == '"') {
                        field += '"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += csv[i++];
            }
        } else {
            while (i < csv.size() && csv[i] != ',' && csv[i] != '\r') {
                REQUIRE(csv[i] != '"');
                REQUIRE(csv[i] != '\n');
                field += csv[i++];
            }
        }
        REQUIRE(i < csv.size());
        record.push_back(std::move(field));
        field.clear();
        if (csv[i] == ',') {
            ++i;
        } else {
            REQUIRE(csv.compare(i, 2, "\r\n") == 0);
            i += 2;
            records.push_back(std::move(record));
            record.clear();
        }
    }
    return records;
}

const Record kHeader = {"rank", "id", "title", "date", "source", "category", "url", "link", "paragraph", "snippet"};

} // namespace

TEST_CASE("csv has the header and one record per hit", "[export]") {
    SearchResult result;
    result.hits = {full_hit(), bare_hit()};
    const std::string csv = render_csv(result, kBase);
    CHECK(csv.rfind("rank,id,title,date,source,category,url,link,paragraph,snippet\r\n", 0) == 0);
    const auto records = parse_csv(csv);
    REQUIRE(records.size() == 3);
    CHECK(records[0] == kHeader);
    CHECK(records[1] == Record{"1", "doj-17-123", "Mayor opens the park", "2015-03-02", "Office of the Mayor",
                               "Parks; Environment", "https://www.example.gov/news/1",
                               "https://press.example.org/doc/doj-17-123#p3", "3", "The park & the pond\u2026"});
    // Absent values are empty fields; the link has no anchor without a paragraph.
    CHECK(records[2] == Record{"2", "seoul/2013 x", "Untitled", "", "", "", "",
                               "https://press.example.org/doc/seoul%2F2013%20x", "", ""});
}

TEST_CASE("csv quotes fields with commas, quotes and line breaks", "[export]") {
    struct Row {
        std::string title;
        std::string written; // as it appears in the file
    };
    const Row rows[] = {
        {"Parks, trees and ponds", "\"Parks, trees and ponds\""},                     // comma
        {"The \"Green\" plan", "\"The \"\"Green\"\" plan\""},                         // quotes doubled
        {"Line one\nline two", "\"Line one\nline two\""},                             // LF
        {"Line one\r\nline two", "\"Line one\r\nline two\""},                         // CRLF
        {"Plain title", "Plain title"},                                               // nothing to quote
        {"caf\u00E9 \xEC\x84\x9C\xEC\x9A\xB8", "caf\u00E9 \xEC\x84\x9C\xEC\x9A\xB8"}, // UTF-8 as is
    };
    for (const auto &row : rows) {
        CAPTURE(row.title);
        SearchHit h = full_hit();
        h.release.title = row.title;
        SearchResult result;
        result.hits = {h};
        const std::string csv = render_csv(result, kBase);
        CHECK(csv.find(",doj-17-123," + row.written + ",2015-03-02,") != std::string::npos);
        const auto records = parse_csv(csv);
        REQUIRE(records.size() == 2);
        REQUIRE(records[1].size() == kHeader.size());
        CHECK(records[1][2] == row.title); // read back whole
    }
}

TEST_CASE("csv prefixes fields a spreadsheet would run as a formula", "[export]") {
    struct Row {
        std::string title;
        std::string read_back;
    };
    const Row rows[] = {
        {"=HYPERLINK(\"http://evil\",\"x\")", "'=HYPERLINK(\"http://evil\",\"x\")"}, // formula
        {"+1 555 0100", "'+1 555 0100"},                                             // plus
        {"-5% budget", "'-5% budget"},                                               // minus
        {"@SUM(A1:A2)", "'@SUM(A1:A2)"},                                             // at
        {"\t=1", "'\t=1"},                                                           // leading tab
        {"\r=1", "'\r=1"},                                                           // leading CR
        {"Budget = 5", "Budget = 5"},                                                // not at the start
        {"'quoted'", "'quoted'"},                                                    // already harmless
    };
    for (const auto &row : rows) {
        CAPTURE(row.title);
        SearchHit h = full_hit();
        h.release.title = row.title;
        h.release.source = row.title;
        h.snippet_html = row.title;
        SearchResult result;
        result.hits = {h};
        const auto records = parse_csv(render_csv(result, kBase));
        REQUIRE(records.size() == 2);
        CHECK(records[1][2] == row.read_back); // title
        CHECK(records[1][4] == row.read_back); // source
        CHECK(records[1][9] == row.read_back); // snippet
    }
}

TEST_CASE("csv ranks continue from the page", "[export]") {
    SearchResult result;
    result.page = 3;
    result.per_page = 20;
    result.hits = {full_hit(), full_hit()};
    const auto records = parse_csv(render_csv(result, kBase));
    REQUIRE(records.size() == 3);
    CHECK(records[1][0] == "41");
    CHECK(records[2][0] == "42");
}

TEST_CASE("csv of no hits is the header alone", "[export]") {
    CHECK(render_csv(SearchResult{}, kBase) == "rank,id,title,date,source,category,url,link,paragraph,snippet\r\n");
}

TEST_CASE("json export writes the search and every result field", "[export]") {
    SearchResult result;
    result.query = "park category:Parks";
    result.total = 1234;
    result.sort = Sort::Newest;
    result.filters.category = {"Parks"};
    result.filters.from = "2013-01-01";
    result.hits = {full_hit(), bare_hit()};

    const json j = json::parse(render_export_json(result, kBase));
    std::set<std::string> keys;
    for (const auto &item : j.items())
        keys.insert(item.key());
    CHECK(keys == std::set<std::string>{"query", "sort", "filters", "total", "exported", "limit", "results"});
    CHECK(j["query"] == "park category:Parks");
    CHECK(j["sort"] == "newest");
    CHECK(j["filters"]["category"] == json::array({"Parks"}));
    CHECK(j["filters"]["from"] == "2013-01-01");
    CHECK(j["filters"]["to"].is_null());
    CHECK(j["filters"]["undated"] == false);
    CHECK(j["total"] == 1234);
    CHECK(j["exported"] == 2);
    CHECK(j["limit"] == kExportLimit);
    CHECK(j["limit"] == 1000);
    REQUIRE(j["results"].size() == 2);

    CHECK(j["results"][0] == json{{"rank", 1},
                                  {"id", "doj-17-123"},
                                  {"title", "Mayor opens the park"},
                                  {"date", "2015-03-02"},
                                  {"source", "Office of the Mayor"},
                                  {"category", "Parks; Environment"},
                                  {"url", "https://www.example.gov/news/1"},
                                  {"link", "https://press.example.org/doc/doj-17-123#p3"},
                                  {"paragraph", 3},
                                  {"snippet", "The park & the pond\u2026"}});
    CHECK(j["results"][1] == json{{"rank", 2},
                                  {"id", "seoul/2013 x"},
                                  {"title", "Untitled"},
                                  {"date", nullptr},
                                  {"source", nullptr},
                                  {"category", nullptr},
                                  {"url", nullptr},
                                  {"link", "https://press.example.org/doc/seoul%2F2013%20x"},
                                  {"paragraph", nullptr},
                                  {"snippet", ""}});
}

TEST_CASE("json export keeps text as is and survives invalid UTF-8", "[export]") {
    SearchHit h = full_hit();
    h.release.title = "=SUM(1) \"quoted\" </script>"; // no formula prefix outside CSV
    h.release.source = "bad \xFF byte";
    SearchResult result;
    result.hits = {h};
    const std::string body = render_export_json(result, kBase);
    const json j = json::parse(body);
    CHECK(j["results"][0]["title"] == "=SUM(1) \"quoted\" </script>");
    CHECK(j["results"][0]["source"] == "bad \xEF\xBF\xBD byte");
    CHECK(j["sort"] == "relevance");
    CHECK(j["exported"] == 1);
    CHECK(j["results"].is_array());
    CHECK(json::parse(render_export_json(SearchResult{}, kBase))["results"] == json::array());
}
