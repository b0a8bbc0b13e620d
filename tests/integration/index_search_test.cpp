// Index the seed articles into a real on-disk Xapian database and search it as the daemon does.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <map>
#include <set>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <zlib.h>

#include "index_store.h"
#include "search_helpers.h"
#include "searcher.h"
#include "test_support.h"

using namespace pressroom;
using pressroom::test::CapturedLog;
using pressroom::test::ids;
using pressroom::test::kMayorParkArticles;
using pressroom::test::TempDir;

namespace {

// A request for page `page` of `per_page` results for q.
searchd::SearchRequest request(const std::string &q, int page = 1, int per_page = 10) {
    return test::parsed_request({{"q", q}, {"page", std::to_string(page)}, {"per_page", std::to_string(per_page)}});
}

searchd::SearchResult search(searchd::Searcher &s, const std::string &q, int per_page = 10) {
    return s.search(request(q, 1, per_page));
}

struct SeedIndex {
    TempDir dir;
    CapturedLog log;
    std::filesystem::path seeds = test::copy_seeds(dir.path());
    std::filesystem::path db = dir / "db";
    indexer::RunSummary first = test::index(db, {seeds}, log);
};

} // namespace

TEST_CASE("every spelling of the mayor's name finds all four of his articles", "[index_search]") {
    SeedIndex idx;
    REQUIRE(idx.first.added == 5);
    searchd::Searcher s(idx.db);
    // "Wonsoon" is two indexed words run together: it is read as the phrase "won soon".
    for (const char *q : {"Park Won Soon", "Park Won-soon", "park won-soon", "\"Park Won Soon\"", "“Park Won-soon”",
                          "Park Wonsoon", "park wonsoon"}) {
        CAPTURE(q);
        auto r = search(s, q);
        CHECK(ids(r) == kMayorParkArticles);
    }
}

TEST_CASE("China's economy finds the 21st Century Council article with any apostrophe", "[index_search]") {
    SeedIndex idx;
    searchd::Searcher s(idx.db);
    for (const char *q : {"China's economy", "China’s economy", "china's economy"}) {
        CAPTURE(q);
        auto r = search(s, q);
        REQUIRE_FALSE(r.hits.empty());
        CHECK(r.hits[0].release.id == "000_afe356aea1f15e35.txt");
        CHECK(r.hits[0].snippet_html.find("<mark>China’s</mark>") != std::string::npos);
    }
}

TEST_CASE("title and name queries put the right article first", "[index_search]") {
    SeedIndex idx;
    searchd::Searcher s(idx.db);
    auto council = search(s, "Integration Council");
    REQUIRE_FALSE(council.hits.empty());
    CHECK(council.hits[0].release.id == "003_1c1750da9e3d431d.txt");
    auto oh = search(s, "Oh Se-hoon");
    REQUIRE_FALSE(oh.hits.empty());
    CHECK(oh.hits[0].release.id == "004_470a66b87affb606.txt");
    CHECK(oh.hits[0].snippet_html.find("<mark>Oh</mark> <mark>Se-hoon</mark>") != std::string::npos);
    auto joined = search(s, "Oh Sehoon");
    REQUIRE(joined.hits.size() == 1);
    CHECK(joined.hits[0].release.id == "004_470a66b87affb606.txt");
    auto title = search(s, "title:Peking");
    REQUIRE(title.hits.size() == 1);
    CHECK(title.hits[0].release.id == "001_dad5c3bcb5374185.txt");
}

TEST_CASE("a title match outranks the same word in a body", "[index_search]") {
    SeedIndex idx;
    searchd::Searcher s(idx.db);
    // "lecture" is in 001's title and in the body of 000, in no other title.
    auto r = search(s, "lecture");
    REQUIRE_FALSE(r.hits.empty());
    CHECK(r.hits[0].release.id == "001_dad5c3bcb5374185.txt");
}

TEST_CASE("a one-word search puts the release titled with it first, however many others repeat it", "[index_search]") {
    TempDir dir;
    CapturedLog log;
    std::string records;
    // 120 short notes that repeat the word, then one long report that has it in its title and
    // once in its text: by the text alone the report is the weakest match of all 121.
    for (int i = 0; i < 120; ++i)
        records += fmt::format(R"({{"id":"note-{:03}","title":"Maintenance note {}","date":"2016-01-01",)"
                               R"("body":"The turbine was checked. The turbine ran. The turbine stopped."}})",
                               i, i) +
                   "\n";
    std::string filler;
    for (int i = 0; i < 60; ++i)
        filler += fmt::format("The harbour board met on day {} and approved the ferry timetable. ", i);
    records += R"({"id":"turbine-contract","title":"City awards wind turbine contract","date":"2016-01-01",)"
               R"("body":"A turbine will stand at the harbour. )" +
               filler + "\"}\n";
    test::write_file(dir / "in" / "r.jsonl", records);
    test::index(dir / "db", {dir / "in"}, log);
    searchd::Searcher s(dir / "db");
    auto r = search(s, "turbine");
    CHECK(r.total == 121);
    REQUIRE_FALSE(r.hits.empty());
    CHECK(r.hits[0].release.id == "turbine-contract");
}

TEST_CASE("the empty query lists the newest first and undated releases last", "[index_search]") {
    SeedIndex idx;
    searchd::Searcher s(idx.db);
    auto r = search(s, "");
    REQUIRE(r.total == 5);
    REQUIRE(r.hits.size() == 5);
    CHECK(r.hits[0].release.id == "004_470a66b87affb606.txt");
    CHECK(r.hits[0].release.date.has_value());
    for (std::size_t i = 1; i < r.hits.size(); ++i)
        CHECK_FALSE(r.hits[i].release.date.has_value());
    CHECK(r.hits[0].snippet_html.rfind("Seoul has agreed", 0) == 0);
}

TEST_CASE("pages of results do not overlap and count the same total", "[index_search]") {
    SeedIndex idx;
    searchd::Searcher s(idx.db);
    auto p1 = s.search(request("Beijing", 1, 2));
    auto p2 = s.search(request("Beijing", 2, 2));
    auto p3 = s.search(request("Beijing", 3, 2));
    CHECK(p1.total == 5);
    CHECK(p1.total_exact);
    REQUIRE(p1.hits.size() == 2);
    REQUIRE(p2.hits.size() == 2);
    REQUIRE(p3.hits.size() == 1);
    std::set<std::string> all = ids(p1);
    all.merge(ids(p2));
    all.merge(ids(p3));
    CHECK(all.size() == 5);
}

TEST_CASE("markup in a release comes back escaped in title and snippet", "[index_search]") {
    TempDir dir;
    CapturedLog log;
    test::write_file(dir / "src" / "evil.txt",
                     "Mayor <script>alert(1)</script> visits Beijing\n\n"
                     "The mayor said <script>alert(2)</script> & <b>nothing</b> about Beijing.\n");
    test::index(dir / "db", {dir / "src"}, log);
    searchd::Searcher s(dir / "db");
    auto r = search(s, "Beijing");
    REQUIRE(r.hits.size() == 1);
    const auto &hit = r.hits[0];
    CHECK(hit.title_html.find("<script") == std::string::npos);
    CHECK(hit.title_html.find("&lt;script&gt;") != std::string::npos);
    CHECK(hit.snippet_html.find("<script") == std::string::npos);
    CHECK(hit.snippet_html.find("<b>") == std::string::npos);
    CHECK(hit.snippet_html.find("&lt;script&gt;alert(2)&lt;/script&gt; &amp; &lt;b&gt;") != std::string::npos);
    CHECK(hit.snippet_html.find("<mark>Beijing</mark>") != std::string::npos);
}

TEST_CASE("re-indexing the same input changes nothing", "[index_search]") {
    SeedIndex idx;
    for (int run = 0; run < 2; ++run) {
        auto again = test::index(idx.db, {idx.seeds}, idx.log);
        CHECK(again.added == 0);
        CHECK(again.replaced == 0);
        CHECK(again.deleted == 0);
        CHECK(again.unchanged == 5);
        CHECK(again.documents == 5);
        CHECK(again.quotations == 3);
    }
    searchd::Searcher s(idx.db);
    CHECK(s.health().documents == 5);
}

TEST_CASE("a changed file is replaced and a deleted file disappears", "[index_search]") {
    SeedIndex idx;
    searchd::Searcher s(idx.db);
    REQUIRE(s.document("004_470a66b87affb606.txt"));
    std::filesystem::remove(idx.seeds / "004_470a66b87affb606.txt");
    test::write_file(idx.seeds / "000_afe356aea1f15e35.txt",
                     "Go to Main Content\n\nInternational Relations News\n\n  • Mayor Park Won Soon Visits Hanoi\n\n"
                     "  • International Relations News SMG 5221\n\n    The mayor visited Hanoi.\n");
    auto run = test::index(idx.db, {idx.seeds}, idx.log);
    CHECK(run.deleted == 1);
    CHECK(run.replaced == 1);
    CHECK(run.unchanged == 3);
    CHECK(run.documents == 4);
    CHECK_FALSE(s.document("004_470a66b87affb606.txt"));
    CHECK(search(s, "Oh Se-hoon").hits.empty());
    auto hanoi = search(s, "Hanoi");
    REQUIRE(hanoi.hits.size() == 1);
    CHECK(hanoi.hits[0].release.title == "Mayor Park Won Soon Visits Hanoi");
    // The replaced release's two quotations went with its old text; seed 003's remains.
    CHECK(run.quotations == 1);
    auto left = s.quotes(request(""));
    REQUIRE(left.hits.size() == 1);
    CHECK(left.hits[0].record.release_id == "003_1c1750da9e3d431d.txt");
    std::filesystem::remove(idx.seeds / "003_1c1750da9e3d431d.txt");
    CHECK(test::index(idx.db, {idx.seeds}, idx.log).quotations == 0);
    CHECK(s.quotes(request("")).hits.empty());
}

TEST_CASE("documents of other sources are kept when one source is re-indexed", "[index_search]") {
    SeedIndex idx;
    test::write_file(
        idx.dir / "extra" / "records.jsonl",
        R"({"id":"x-1","title":"Harbour bridge reopens","date":"2015-03-02","source":"Port Authority","body":"The harbour bridge reopened today."})"
        "\n");
    test::index(idx.db, {idx.dir / "extra"}, idx.log);
    auto run = test::index(idx.db, {idx.seeds}, idx.log);
    CHECK(run.deleted == 0);
    CHECK(run.documents == 6);
}

TEST_CASE("rebuild switches to a new generation that a running searcher picks up", "[index_search]") {
    SeedIndex idx;
    searchd::Searcher s(idx.db);
    REQUIRE(search(s, "Beijing").total == 5);
    std::filesystem::remove(idx.seeds / "002_59a02e6dca8028c7.txt");
    auto rebuilt = test::index(idx.db, {idx.seeds}, idx.log, /*rebuild=*/true);
    CHECK(rebuilt.rebuilt);
    CHECK(rebuilt.added == 4);
    CHECK(rebuilt.generation != idx.first.generation);
    CHECK(search(s, "Beijing").total == 4);
    CHECK(s.health().generation == rebuilt.generation);
    // A second rebuild removes the oldest generation; the searcher still follows.
    auto again = test::index(idx.db, {idx.seeds}, idx.log, /*rebuild=*/true);
    CHECK_FALSE(std::filesystem::exists(idx.db / idx.first.generation));
    CHECK(search(s, "Beijing").total == 4);
    CHECK(s.health().generation == again.generation);
}

TEST_CASE("an index written by three threads finds what one thread's finds", "[index_search]") {
    // 150 dated releases, enough for several hand-overs to each thread; every third quotes a
    // council member; one repeats an earlier id and one has a category too long to index.
    TempDir dir;
    CapturedLog log;
    const char *topics[] = {"harbour bridge", "night buses", "library hours", "street trees", "flood barriers"};
    std::string lines;
    for (int i = 0; i < 150; ++i) {
        std::string topic = topics[i % 5];
        std::string date = fmt::format("2014-{:02}-{:02}", 1 + i / 28, 1 + i % 28);
        std::string body = "The city reported progress on " + topic + " in district " + std::to_string(i) + ".";
        if (i % 3 == 0)
            body += " \"We will finish the " + topic + " work this year,\" said Councillor Lee Min-ji.";
        lines += nlohmann::json{{"id", "r-" + std::to_string(i)},
                                {"title", "Update " + std::to_string(i) + " on " + topic},
                                {"date", date},
                                {"body", body}}
                     .dump() +
                 "\n";
    }
    lines += R"({"id":"r-7","title":"Repeated id","body":"A second record with an id already read."})"
             "\n";
    lines +=
        nlohmann::json{
            {"id", "long-category"}, {"title", "Long"}, {"category", std::string(300, 'c')}, {"body", "text"}}
            .dump() +
        "\n";
    test::write_file(dir / "in" / "releases.jsonl", lines);

    auto one = test::index(dir / "one", {dir / "in"}, log, false, {}, 1);
    auto three = test::index(dir / "three", {dir / "in"}, log, false, {}, 3);
    CHECK(one.documents == 150);
    CHECK(three.documents == 150);
    CHECK(three.skipped == 2);
    CHECK(three.quotations == 50);
    CHECK(one.quotations == 50);
    // The threads' shards are merged into the generation and removed.
    for (const auto &entry : std::filesystem::directory_iterator(dir / "three"))
        CHECK(entry.path().filename().string().find(".parts") == std::string::npos);

    searchd::Searcher a(dir / "one"), b(dir / "three");
    auto every_id = [](searchd::Searcher &s, const std::string &q) {
        std::set<std::string> out;
        for (int page = 1; page <= 2; ++page)
            for (const auto &id : test::ids(s.search(request(q, page, 100))))
                out.insert(id);
        return out;
    };
    for (std::string q : {"harbour bridge", "\"night buses\"", "district 42", "title:library", ""}) {
        INFO(q);
        CHECK(a.search(request(q)).total == b.search(request(q)).total);
        CHECK(every_id(a, q) == every_id(b, q));
    }
    CHECK(every_id(b, "").size() == 150);
    // Newest first is the same list, and a release reads the same, from either index.
    auto newest = test::parsed_request({{"q", "flood"}, {"sort", "newest"}, {"per_page", "50"}});
    auto na = test::ordered_ids(a.search(newest));
    CHECK(na.size() == 30);
    CHECK(na == test::ordered_ids(b.search(newest)));
    REQUIRE(b.document("r-99"));
    CHECK(b.document("r-99")->title == "Update 99 on flood barriers");
    CHECK(b.document("r-7")->title == "Update 7 on library hours");
    auto speakers = b.speakers("");
    REQUIRE(speakers.size() == 1);
    CHECK(speakers[0].name == "Lee Min-ji");
    CHECK(speakers[0].quotes == 50);
}

TEST_CASE("bad records are skipped with reasons and the run goes on", "[index_search]") {
    TempDir dir;
    CapturedLog log;
    std::string long_id(300, 'x');
    test::write_file(
        dir / "in" / "mixed.jsonl",
        R"({"id":"ok-1","title":"Budget approved","date":"2014-05-01","body":"The council approved the budget."})"
        "\n{not json\n"
        R"({"id":"bad-utf8","title":"x","body":"caf)"
        "\xff"
        R"("})"
        "\n"
        R"({"id":"empty","title":"Nothing","body":"   "})"
        "\n"
        R"({"id":")" +
            long_id + R"(","title":"Long","body":"text"})" +
            "\n"
            R"({"id":"bad-date","title":"Dated","date":"2014-13-45","body":"text"})"
            "\n"
            R"({"id":"ok-2","title":"Park opens","body":"A new park opens.","extra":{"k":[1,2]}})"
            "\n");
    auto run = test::index(dir / "db", {dir / "in"}, log);
    CHECK(run.added == 2);
    CHECK(run.skipped == 5);
    std::string warnings = log.text();
    CHECK(warnings.find("mixed.jsonl:2: invalid JSON") != std::string::npos);
    CHECK(warnings.find("mixed.jsonl:3: invalid UTF-8") != std::string::npos);
    CHECK(warnings.find("mixed.jsonl:4: empty `body`") != std::string::npos);
    CHECK(warnings.find("mixed.jsonl:5: the id is too long") != std::string::npos);
    CHECK(warnings.find("mixed.jsonl:6: field `date`") != std::string::npos);
    // Equal reasons count together in the summary, without the values they quote.
    CHECK(indexer::format_summary(run).find("5 skipped (1 empty `body`, 1 field `date`, 1 invalid JSON, 1 invalid "
                                            "UTF-8, 1 the id is too long to index)") != std::string::npos);
}

TEST_CASE("a failed run leaves the serving index as it was", "[index_search]") {
    SeedIndex idx;
    searchd::Searcher s(idx.db);
    indexer::IndexerOptions options;
    options.db = idx.db;
    options.sources = {idx.seeds, idx.dir / "no-such-folder"};
    options.rebuild = true;
    CHECK_THROWS_WITH(indexer::run_indexer(options, *idx.log.logger),
                      Catch::Contains("no-such-folder") && Catch::Contains("does not exist"));
    CHECK(search(s, "Beijing").total == 5);
    CHECK(s.health().generation == idx.first.generation);
}

TEST_CASE("a page of unknown layout is indexed with its first line as title", "[index_search]") {
    TempDir dir;
    CapturedLog log;
    test::write_file(dir / "in" / "note.txt", "Water Rates Frozen\n\nThe city froze water rates for 2016.\n");
    auto run = test::index(dir / "db", {dir / "in"}, log);
    CHECK(run.added == 1);
    CHECK(log.text().find("note.txt") != std::string::npos);
    searchd::Searcher s(dir / "db");
    auto r = search(s, "water rates");
    REQUIRE(r.hits.size() == 1);
    CHECK(r.hits[0].release.title == "Water Rates Frozen");
    CHECK_FALSE(r.hits[0].release.date.has_value());
}

TEST_CASE("a headline typed as a query puts its release first", "[index_search]") {
    SeedIndex idx;
    searchd::Searcher s(idx.db);
    struct Row {
        const char *q;
        const char *first;
    };
    const Row rows[] = {
        {"Official Visit to Beijing, China", "002_59a02e6dca8028c7.txt"},
        {"Mayors of Seoul and Beijing agree to strengthen cooperation", "004_470a66b87affb606.txt"},
        {"Mayor Park Won Soon Visits China to Attend 21st Century Council", "000_afe356aea1f15e35.txt"},
    };
    for (const auto &row : rows) {
        CAPTURE(row.q);
        auto r = search(s, row.q);
        REQUIRE_FALSE(r.hits.empty());
        CHECK(r.hits[0].release.id == row.first);
    }
}

TEST_CASE("a half-remembered sentence finds its release", "[index_search]") {
    SeedIndex idx;
    searchd::Searcher s(idx.db);
    // The release says "a model of a magnet for practical exchanges between cities": one word
    // changed, one left out.
    auto r = search(s, "integration council becomes a model of a magnet for real exchanges");
    REQUIRE_FALSE(r.hits.empty());
    CHECK(r.hits[0].release.id == "003_1c1750da9e3d431d.txt");
    CHECK(r.notice == "No release has all of these words; the closest matches are shown.");
    // Remembered whole, the sentence is in one release: it comes first, and is said to be the
    // only one with every word.
    auto whole = search(s, "a model of a magnet for practical exchanges between cities");
    REQUIRE_FALSE(whole.hits.empty());
    CHECK(whole.hits[0].release.id == "003_1c1750da9e3d431d.txt");
    CHECK(whole.notice == "Only 1 release has all of these words; the closest matches follow.");
    CHECK(whole.hits.size() > 1);
}

TEST_CASE("when no release has every word the closest ones are shown and said so", "[index_search]") {
    SeedIndex idx;
    searchd::Searcher s(idx.db);
    auto r = search(s, "Peking University zeppelin");
    REQUIRE_FALSE(r.hits.empty());
    CHECK(r.hits[0].release.id == "001_dad5c3bcb5374185.txt");
    CHECK(r.notice == "No release has all of these words; the closest matches are shown.");
    // a phrase stays strict: nothing has it, so nothing is shown
    CHECK(search(s, "\"Peking zeppelin\" University").hits.empty());
}

TEST_CASE("typed apostrophes match text with or without them", "[index_search]") {
    TempDir dir;
    CapturedLog log;
    test::write_file(
        dir / "in" / "r.jsonl",
        R"({"id":"plain","title":"Audit","date":"2014-01-02","body":"The audit wasnt finished and OBrien said so."})"
        "\n"
        R"({"id":"curly","title":"Review","date":"2014-01-03","body":"The review wasn’t finished."})"
        "\n");
    test::index(dir / "db", {dir / "in"}, log);
    searchd::Searcher s(dir / "db");
    for (const char *q : {"wasnt finished", "wasn't finished", "wasn’t finished"}) {
        CAPTURE(q);
        CHECK(search(s, q).total == 2);
    }
    for (const char *q : {"O'Brien", "OBrien", "o’brien"}) {
        CAPTURE(q);
        CHECK(search(s, q).total == 1);
    }
}

TEST_CASE("a year among the words prefers that year and ties go to the newer release", "[index_search]") {
    TempDir dir;
    CapturedLog log;
    std::string records;
    for (const char *year : {"2012", "2013", "2014"})
        records += std::string(R"({"id":"budget-)") + year + R"(","title":"City budget adopted","date":")" + year +
                   R"(-06-01","body":"The council adopted the city budget."})" + "\n";
    test::write_file(dir / "in" / "r.jsonl", records);
    test::index(dir / "db", {dir / "in"}, log);
    searchd::Searcher s(dir / "db");
    auto plain = search(s, "city budget");
    REQUIRE(plain.hits.size() == 3);
    CHECK(plain.hits[0].release.id == "budget-2014"); // same text: the newest first
    auto dated = search(s, "city budget 2013");
    REQUIRE(dated.hits.size() == 3); // the year is a preference, not a filter
    CHECK(dated.hits[0].release.id == "budget-2013");
    auto year_only = search(s, "2012");
    REQUIRE(year_only.hits.size() == 1);
    CHECK(year_only.hits[0].release.id == "budget-2012");
}

TEST_CASE("a search that reaches its time limit answers what it found marked partial", "[index_search]") {
    SeedIndex idx;
    searchd::Searcher unhurried(idx.db);
    auto full = search(unhurried, "mayor");
    CHECK_FALSE(full.partial);
    CHECK(full.notice.find("time limit") == std::string::npos);
    // A limit no search can keep: matching stops at once, and the answer says so.
    searchd::Searcher hurried(idx.db, nullptr, 1e-9);
    auto cut = search(hurried, "mayor");
    CHECK(cut.partial);
    CHECK(cut.notice.find("time limit") != std::string::npos);
    CHECK(cut.hits.empty()); // matching stopped before it found anything
    CHECK(cut.total < full.total);
    auto quotes = hurried.quotes(request("seoul"));
    CHECK(quotes.partial);
    CHECK(quotes.notice.find("time limit") != std::string::npos);
    // No limit at all.
    searchd::Searcher unlimited(idx.db, nullptr, 0);
    CHECK_FALSE(search(unlimited, "mayor").partial);
}

TEST_CASE("stored releases are compressed with the index's own dictionary, and read back whole", "[index_search]") {
    // 300 releases of the bundled DOJ corpus: enough to train a dictionary on.
    TempDir dir;
    std::filesystem::path input = dir / "doj.jsonl";
    {
        gzFile gz = gzopen((test::kSourceDir / "corpus" / "doj-press-releases.jsonl.gz").c_str(), "rb");
        REQUIRE(gz != nullptr);
        std::string lines;
        std::vector<char> buf(1 << 20);
        for (int n = 0; n < 300 && gzgets(gz, buf.data(), static_cast<int>(buf.size())); ++n)
            lines += buf.data();
        gzclose(gz);
        test::write_file(input, lines);
    }
    CapturedLog log;
    std::filesystem::path db = dir / "db";
    auto first = test::index(db, {input}, log, /*rebuild=*/false, {}, /*jobs=*/2);
    REQUIRE(first.added == 300);

    store::LiveIndex live = store::open_live(db);
    REQUIRE_FALSE(live.codec.dictionary().empty());
    std::size_t stored = 0, json = 0;
    for (auto it = live.releases.postlist_begin(""); it != live.releases.postlist_end(""); ++it) {
        std::string data = live.releases.get_document(*it).get_data();
        std::string release = live.codec.decode(data);
        REQUIRE(nlohmann::json::parse(release).contains("paragraphs"));
        stored += data.size();
        json += release.size();
    }
    // Alone, each release compresses to over 40% of its JSON; with the dictionary, to under 20%.
    CAPTURE(stored, json);
    CHECK(stored * 100 < json * 35);
    // The quotations use it too.
    for (auto it = live.quotes.postlist_begin(""); it != live.quotes.postlist_end(""); ++it)
        CHECK(nlohmann::json::parse(live.codec.decode(live.quotes.get_document(*it).get_data())).contains("text"));

    // A search reads them: hits with their titles and snippets.
    searchd::Searcher s(db);
    auto r = search(s, "fraud");
    REQUIRE_FALSE(r.hits.empty());
    CHECK_FALSE(r.hits[0].release.title.empty());
    CHECK(r.hits[0].snippet_html.find("<mark>") != std::string::npos);

    // Indexing the same input again compresses the same way: nothing is rewritten.
    auto again = test::index(db, {input}, log);
    CHECK(again.unchanged == 300);
    CHECK(again.replaced == 0);
}

namespace {

// 30,000 releases over 19 years, every 11th undated, in three categories, each saying "The city
// announces" and quoting the mayor: enough that the page of a date order is taken from the
// newest (or oldest) years alone. Indexed once for the tests that share it.
struct ManyReleases {
    struct Made {
        std::string date; // YYYY-MM-DD, empty when undated
        int category;
    };
    // A request's parameters and the releases it should keep.
    struct Row {
        searchd::Params params;
        std::function<bool(const Made &)> keeps;
    };
    static bool all(const Made &) { return true; }

    TempDir dir;
    std::vector<Made> made;

    static constexpr const char *categories[] = {"Criminal Division", "Civil Rights", "Tax Division"};

    ManyReleases() {
        std::string lines;
        for (int i = 0; i < 30000; ++i) {
            Made m{i % 11 == 5 ? ""
                               : fmt::format("{:04}-{:02}-{:02}", 2000 + i * 7 % 19, 1 + i * 5 % 12, 1 + i * 3 % 28),
                   i % 3};
            nlohmann::json line = {
                {"id", fmt::format("r{}", i)},
                {"title", fmt::format("Notice {}", i)},
                {"body", fmt::format("The city announces item {}. \u201cWe will open item {} to every resident this "
                                     "week,\u201d said Mayor Kim Min-jun.",
                                     i, i)},
                {"category", categories[m.category]}};
            if (!m.date.empty())
                line["date"] = m.date;
            lines += line.dump() + "\n";
            made.push_back(m);
        }
        test::write_file(dir / "src" / "many.jsonl", lines);
        CapturedLog log;
        test::index(dir / "db", {dir / "src"}, log);
    }
    // The dates of the releases `keeps` keeps, in the order wanted: undated last either way.
    std::vector<std::string> dates(const std::function<bool(const Made &)> &keeps, bool oldest) const {
        std::vector<std::string> out;
        for (const auto &m : made)
            if (keeps(m))
                out.push_back(m.date);
        std::sort(out.begin(), out.end(), [&](const std::string &a, const std::string &b) {
            if (a.empty() || b.empty())
                return b.empty() && !a.empty();
            return oldest ? a < b : a > b;
        });
        return out;
    }
};

const ManyReleases &many_releases() {
    static const ManyReleases many;
    return many;
}

// Page `page` of `per_page` of `dates`.
std::vector<std::string> page_of(const std::vector<std::string> &dates, int page, int per_page) {
    std::vector<std::string> out;
    for (std::size_t i = (page - 1) * per_page; i < std::min<std::size_t>(page * per_page, dates.size()); ++i)
        out.push_back(dates[i]);
    return out;
}

} // namespace

TEST_CASE("releases page in date order through every year and are counted in full", "[index_search]") {
    // With no words or with words that every release has. Every page is checked against the
    // releases' own dates, sorted here, and the count and facets against the releases the
    // filters keep.
    const ManyReleases &many = many_releases();
    using Made = ManyReleases::Made;
    searchd::Searcher s(many.dir / "db");
    auto all = ManyReleases::all;
    const ManyReleases::Row rows[] = {
        {{}, all},
        {{{"sort", "newest"}}, all},
        {{{"sort", "oldest"}}, all},
        {{{"lang", "en"}, {"sort", "newest"}}, all},
        {{{"not_year", "2018"}}, [](const Made &m) { return !m.date.starts_with("2018"); }},
        {{{"from", "2000-06"}, {"sort", "oldest"}}, [](const Made &m) { return m.date >= "2000-06-01"; }},
        {{{"category", "Tax Division"}, {"sort", "newest"}}, [](const Made &m) { return m.category == 2; }},
        {{{"q", "city"}, {"sort", "newest"}}, all},
        {{{"from", "2003"}, {"to", "2010-06"}},
         [](const Made &m) { return !m.date.empty() && m.date >= "2003-01-01" && m.date <= "2010-06-30"; }},
        {{{"q", "city"}, {"from", "2002"}, {"sort", "oldest"}}, [](const Made &m) { return m.date >= "2002-01-01"; }},
        {{{"year", "2004"}, {"year", "2011"}, {"sort", "newest"}},
         [](const Made &m) { return m.date.starts_with("2004") || m.date.starts_with("2011"); }},
        {{{"q", "city announces"}, {"sort", "oldest"}, {"not_year", "2000"}},
         [](const Made &m) { return !m.date.starts_with("2000"); }},
        // Dates alone, in relevance order (date order for no words): whole years are counted
        // from the facet table, the years a range cuts through by matching them.
        {{{"from", "2004-03-10"}, {"to", "2016-08-20"}, {"not_year", "2010"}},
         [](const Made &m) { return m.date >= "2004-03-10" && m.date <= "2016-08-20" && !m.date.starts_with("2010"); }},
        {{{"q", "date:none"}}, [](const Made &m) { return m.date.empty(); }},
        {{{"year", "2007"}, {"to", "2007-05-31"}, {"sort", "oldest"}},
         [](const Made &m) { return m.date.starts_with("2007") && m.date <= "2007-05-31"; }},
    };
    for (const auto &row : rows)
        for (std::string facets : {"true", "false"})
            for (int page : {1, 2, 150, 300}) {
                searchd::Params params = row.params;
                if (!params.count("q"))
                    params.emplace("q", "");
                params.emplace("per_page", "100");
                params.emplace("page", std::to_string(page));
                params.emplace("facets", facets);
                searchd::SearchRequest req = test::parsed_request(params);
                CAPTURE(nlohmann::json(params).dump());
                std::vector<std::string> dates = many.dates(row.keeps, req.sort == searchd::Sort::Oldest);
                std::map<std::string, Xapian::doccount> years, categories;
                Xapian::doccount undated = 0;
                for (const auto &m : many.made)
                    if (row.keeps(m)) {
                        m.date.empty() ? ++undated : ++years[m.date.substr(0, 4)];
                        ++categories[ManyReleases::categories[m.category]];
                    }
                auto r = s.search(req);
                std::vector<std::string> got;
                for (const auto &hit : r.hits)
                    got.push_back(hit.release.date ? fmt::format("{:04}-{:02}-{:02}", hit.release.date->year,
                                                                 hit.release.date->month, hit.release.date->day)
                                                   : "");
                CHECK(got == page_of(dates, page, 100));
                if (facets == "false")
                    continue;
                CHECK(r.total == dates.size());
                CHECK(r.total_exact);
                std::map<std::string, Xapian::doccount> counted, by_category;
                REQUIRE(r.facets);
                for (const auto &y : r.facets->year)
                    counted[y.value] = y.count;
                for (const auto &c : r.facets->category)
                    by_category[c.value] = c.count;
                CHECK(counted == years);
                CHECK(by_category == categories);
                CHECK(r.facets->undated == undated);
            }
}

TEST_CASE("quotations page in date order through every year", "[index_search]") {
    // Every release of ManyReleases quotes the mayor once: its quotation has its date.
    const ManyReleases &many = many_releases();
    using Made = ManyReleases::Made;
    searchd::Searcher s(many.dir / "db");
    auto all = ManyReleases::all;
    const ManyReleases::Row rows[] = {
        {{{"q", ""}}, all},
        {{{"q", ""}, {"sort", "oldest"}}, all},
        {{{"q", ""}, {"speaker", "Kim Min-jun"}, {"sort", "newest"}}, all},
        {{{"q", "resident"}, {"sort", "newest"}, {"not_year", "2018"}},
         [](const Made &m) { return !m.date.starts_with("2018"); }},
        // Several years are any of them, as for releases.
        {{{"q", ""}, {"year", "2004"}, {"year", "2011"}, {"sort", "oldest"}},
         [](const Made &m) { return m.date.starts_with("2004") || m.date.starts_with("2011"); }},
        {{{"q", ""}, {"from", "2002-03"}, {"sort", "newest"}}, [](const Made &m) { return m.date >= "2002-03-01"; }},
        {{{"q", "resident"}, {"year", "2004"}, {"year", "2011"}, {"from", "2011-07"}, {"sort", "newest"}},
         [](const Made &m) { return m.date.starts_with("2011") && m.date >= "2011-07-01"; }},
    };
    for (const auto &row : rows)
        for (int page : {1, 2, 250}) {
            searchd::Params params = row.params;
            params.emplace("per_page", "100");
            params.emplace("page", std::to_string(page));
            searchd::SearchRequest req = test::parsed_request(params);
            CAPTURE(nlohmann::json(params).dump());
            std::vector<std::string> dates = many.dates(row.keeps, req.sort == searchd::Sort::Oldest);
            auto r = s.quotes(req);
            std::vector<std::string> got;
            for (const auto &hit : r.hits)
                got.push_back(hit.record.date);
            CHECK(got == page_of(dates, page, 100));
            if (r.total_exact)
                CHECK(r.total == dates.size());
        }
}
