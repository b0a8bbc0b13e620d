// Finding any statement: filters, facets, sorting, synonyms, "did you mean", the query
// reading, similar releases, suggestions and the document view, against a real on-disk
// index of the seeds and a small dated fixture (test::write_press_fixture), built with the
// bundled synonym file.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include "search_helpers.h"
#include "searcher.h"
#include "test_support.h"

using namespace pressroom;
using pressroom::test::CapturedLog;
using pressroom::test::ids;
using pressroom::test::kMayorParkArticles;
using pressroom::test::ordered_ids;
using pressroom::test::TempDir;

namespace {

struct PressIndex {
    TempDir dir;
    CapturedLog log;
    std::filesystem::path seeds = test::copy_seeds(dir.path());
    std::filesystem::path fixture = test::write_press_fixture(dir.path());
    std::filesystem::path db = dir / "db";
    indexer::RunSummary first = test::index(db, {seeds, fixture}, log, false, test::kSynonymFile);
    searchd::Searcher searcher{db};

    searchd::SearchResult search(const searchd::Params &params) {
        return searcher.search(test::parsed_request(params));
    }
};

Xapian::doccount count_of(const std::vector<searchd::FacetValue> &values, const std::string &value) {
    for (const auto &v : values)
        if (v.value == value)
            return v.count;
    return 0;
}

} // namespace

TEST_CASE("filters narrow a search, as parameters and in the query alike", "[find]") {
    PressIndex idx;
    REQUIRE(idx.first.added == 13);
    const std::set<std::string> all_air = {"air-2013", "air-2015", "air-2016", "air-2017", "air-undated"};
    CHECK(ids(idx.search({{"q", "smog"}})) == all_air);

    auto mayor = idx.search({{"q", "smog"}, {"category", "mayor's news"}});
    CHECK(ids(mayor) == std::set<std::string>{"air-2013", "air-2015"});
    CHECK(ids(idx.search({{"q", "smog category:\"Mayor’s News\""}})) == ids(mayor));
    CHECK(ids(idx.search({{"q", "smog"}, {"not_category", "Mayor's News"}})) ==
          std::set<std::string>{"air-2016", "air-2017", "air-undated"});
    CHECK(ids(idx.search({{"q", "smog -category:\"mayor's news\""}})) ==
          std::set<std::string>{"air-2016", "air-2017", "air-undated"});
    // Two values of one filter: either.
    CHECK(ids(idx.search({{"q", "smog"}, {"category", "Environment"}, {"category", "Mayor's News"}})) == all_air);
    // A word of a category finds the categories that have it.
    CHECK(ids(idx.search({{"q", "fraud"}, {"category", "tax"}})) == std::set<std::string>{"tax-2014"});
    CHECK(ids(idx.search({{"q", "fraud category:division"}})) == std::set<std::string>{"tax-2014", "fraud-2012"});
    CHECK(ids(idx.search({{"q", "fraud -category:civil"}})) == std::set<std::string>{"tax-2014"});
    CHECK(ids(idx.search({{"q", "fraud source:justice"}})) == std::set<std::string>{"tax-2014", "fraud-2012"});
    CHECK(ids(idx.search({{"q", "smog source:\"metropolitan government\""}})) == all_air);
    // All the words must be in one of its categories: "Tax Division" and "Criminal Division"
    // are two.
    CHECK(ids(idx.search({{"q", "fraud"}, {"category", "tax criminal"}})).empty());
    CHECK(ids(idx.search({{"q", "fraud"}, {"source", "US Department of Justice"}})) ==
          std::set<std::string>{"tax-2014", "fraud-2012"});
    CHECK(ids(idx.search({{"q", "Beijing"}, {"lang", "ko"}})) == std::set<std::string>{"ko-2015"});
    CHECK(ids(idx.search({{"q", "smog"}, {"year", "2015"}})) == std::set<std::string>{"air-2015"});
    CHECK(ids(idx.search({{"q", "smog year:2016"}})) == std::set<std::string>{"air-2016"});
}

TEST_CASE("a date range keeps the releases of those dates and leaves out undated ones", "[find]") {
    PressIndex idx;
    const std::set<std::string> in_range = {"air-2013", "air-2015", "air-2016"};
    CHECK(ids(idx.search({{"q", "smog date:2013..2016"}})) == in_range);
    CHECK(ids(idx.search({{"q", "smog"}, {"from", "2013"}, {"to", "2016"}})) == in_range);
    CHECK(ids(idx.search({{"q", "smog"}, {"from", "2013-05-03"}, {"to", "2016-11-30"}})) ==
          std::set<std::string>{"air-2015", "air-2016"});
    CHECK(ids(idx.search({{"q", "smog date:2016.."}})) == std::set<std::string>{"air-2016", "air-2017"});
    CHECK(ids(idx.search({{"q", "smog date:..2013"}})) == std::set<std::string>{"air-2013"});
    CHECK(ids(idx.search({{"q", "smog date:2016-11"}})) == std::set<std::string>{"air-2016"});
    // Undated releases on their own.
    CHECK(ids(idx.search({{"q", "smog date:none"}})) == std::set<std::string>{"air-undated"});
    CHECK(ids(idx.search({{"q", "smog"}, {"undated", "only"}})) == std::set<std::string>{"air-undated"});
    // With no words, a filter lists what it keeps.
    auto everything_2015 = idx.search({{"q", "date:2015"}});
    CHECK(ids(everything_2015) == std::set<std::string>{"air-2015", "ko-2015"});
}

TEST_CASE("facets count every match per category, publisher, language and year", "[find]") {
    PressIndex idx;
    auto r = idx.search({{"q", "Beijing"}, {"per_page", "1"}});
    REQUIRE(r.facets.has_value());
    const searchd::Facets &f = *r.facets;
    // Exact for the whole result set, not for the page of one.
    CHECK(r.total == 12); // five smog releases, the tax case, the Korean release (베이징), five seeds
    CHECK(count_of(f.category, "Environment") == 3);
    CHECK(count_of(f.category, "Mayor's News") == 3);
    // A release in two categories counts in both.
    CHECK(count_of(f.category, "Tax Division") == 1);
    CHECK(count_of(f.category, "Criminal Division") == 1);
    CHECK(count_of(f.source, "Seoul Metropolitan Government") == 10);
    CHECK(count_of(f.source, "US Department of Justice") == 1);
    CHECK(count_of(f.lang, "ko") == 1);
    // Years in order, a histogram; undated counted apart.
    std::vector<std::string> years;
    for (const auto &y : f.year)
        years.push_back(y.value);
    CHECK(years == std::vector<std::string>{"2013", "2014", "2015", "2016", "2017", "2024"});
    CHECK(count_of(f.year, "2015") == 2);
    CHECK(f.undated == 5); // air-undated and the four undated seeds
    // Most frequent first.
    for (std::size_t i = 1; i < f.category.size(); ++i)
        CHECK(f.category[i - 1].count >= f.category[i].count);
    // The facets follow the filters.
    auto filtered = idx.search({{"q", "Beijing"}, {"category", "Environment"}});
    REQUIRE(filtered.facets.has_value());
    CHECK(count_of(filtered.facets->category, "Environment") == 3);
    CHECK(count_of(filtered.facets->category, "Mayor's News") == 0);
    CHECK(filtered.facets->undated == 1);
    // And can be left out.
    CHECK_FALSE(idx.search({{"q", "Beijing"}, {"facets", "false"}}).facets.has_value());
}

TEST_CASE("results sort newest first or oldest first, undated last either way", "[find]") {
    PressIndex idx;
    CHECK(ordered_ids(idx.search({{"q", "smog"}, {"sort", "newest"}})) ==
          std::vector<std::string>{"air-2017", "air-2016", "air-2015", "air-2013", "air-undated"});
    CHECK(ordered_ids(idx.search({{"q", "smog"}, {"sort", "oldest"}})) ==
          std::vector<std::string>{"air-2013", "air-2015", "air-2016", "air-2017", "air-undated"});
    // Relevance puts the releases with the words in the title first.
    auto relevance = idx.search({{"q", "smog"}});
    CHECK(relevance.sort == searchd::Sort::Relevance);
    CHECK(relevance.hits.size() == 5);
}

TEST_CASE("a name in any spelling or script finds the same person", "[find]") {
    PressIndex idx;
    std::set<std::string> park = kMayorParkArticles;
    park.insert("ko-2015"); // names 박원순 in Korean
    for (const char *q : {"Park Won Soon", "Park Won-soon", "park won‐soon", "Wonsoon", "박원순"}) {
        CAPTURE(q);
        auto r = idx.search({{"q", q}});
        if (std::string(q) == "Wonsoon")
            CHECK(ids(r) == kMayorParkArticles); // run together: the English spellings only
        else
            CHECK(ids(r) == park);
    }
    // An abbreviation and its expansion find each other.
    auto smg = idx.search({{"q", "SMG smog"}});
    CHECK(ids(smg).count("air-2013") == 1); // says "Seoul Metropolitan Government", never "SMG"
    CHECK(smg.reading.find("same meaning: seoul metropolitan government = smg") != std::string::npos);
}

TEST_CASE("did you mean: offered when a correction finds more, never for a query that works", "[find]") {
    PressIndex idx;
    auto misspelt = idx.search({{"q", "Bejing"}});
    CHECK(misspelt.total == 0);
    CHECK(misspelt.suggestion == "Beijing");
    CHECK(idx.search({{"q", "healthcare fruad"}}).suggestion == "healthcare fraud");
    // Filter words are kept as typed.
    CHECK(idx.search({{"q", "fruad category:tax"}}).suggestion == "fraud category:tax");
    for (const char *q : {"Park Won", "smog", "Beijing", "smog"}) {
        CAPTURE(q);
        CHECK(idx.search({{"q", q}}).suggestion.empty());
    }
    // A word in capitals is an abbreviation, not a misspelt word: "PARC" is not "park". The same
    // letters otherwise are corrected, and so are the other words of a query with capitals.
    for (const char *q : {"PARC", "PARC smog"}) {
        CAPTURE(q);
        CHECK(idx.search({{"q", q}}).suggestion.empty());
    }
    CHECK(idx.search({{"q", "parc"}}).suggestion == "park");
    CHECK(idx.search({{"q", "Parc"}}).suggestion == "Park");
    CHECK(idx.search({{"q", "Bejing SMOG"}}).suggestion == "Beijing SMOG");
}

TEST_CASE("did you mean: a word indexed since is offered without a restart", "[find]") {
    PressIndex idx;
    // "zamboni" is in no release yet: nothing to offer, and the words starting with z are read.
    auto before = idx.search({{"q", "zanboni"}});
    CHECK(before.total == 0);
    CHECK(before.suggestion.empty());
    test::write_file(idx.dir / "more" / "rink.jsonl",
                     R"({"id":"rink-2016","title":"Ice rink opens","date":"2016-11-01",)"
                     R"("body":"The new Zamboni resurfaces the city rink every evening."})"
                     "\n");
    test::index(idx.db, {idx.seeds, idx.fixture, idx.dir / "more"}, idx.log, false, test::kSynonymFile);
    auto after = idx.search({{"q", "zanboni"}});
    CHECK(after.total == 0);
    CHECK(after.suggestion == "zamboni");
    CHECK(idx.search({{"q", "zamboni"}}).total == 1);
}

TEST_CASE("the query reading says how words, phrases and filters were read", "[find]") {
    PressIndex idx;
    CHECK(idx.search({{"q", "smog \"Seoul and Beijing\" date:2013..2016"}}).reading ==
          "all of: smog; phrase: \"seoul and beijing\"; dated 2013-01-01 to 2016-12-31");
    CHECK(idx.search({{"q", "fraud -healthcare"}, {"category", "Tax Division"}}).reading ==
          "all of: fraud; without: healthcare; category: Tax Division");
    CHECK(idx.search({}).reading == "every release");
}

TEST_CASE("similar releases share the most distinctive words and never include the release itself", "[find]") {
    PressIndex idx;
    auto similar = idx.searcher.similar("air-2015", 4);
    REQUIRE(similar.has_value());
    CHECK(similar->of.title == "Smog agreement renewed");
    REQUIRE(similar->hits.size() == 4);
    std::vector<std::string> found;
    for (const auto &hit : similar->hits)
        found.push_back(hit.release.id);
    CAPTURE(found);
    CHECK(std::find(found.begin(), found.end(), "air-2015") == found.end());
    // The releases sharing its rare words (smog, fine dust, monitoring) come before those
    // that only share common ones (Seoul, Beijing, years).
    CHECK(found[0].rfind("air-", 0) == 0);
    CHECK(found[1].rfind("air-", 0) == 0);
    CHECK_FALSE(idx.searcher.similar("no-such-release", 4).has_value());
}

TEST_CASE("suggestions complete the last word with names, words and titles", "[find]") {
    PressIndex idx;
    auto has = [](const std::vector<searchd::Suggestion> &list, const std::string &text, const std::string &kind) {
        return std::any_of(list.begin(), list.end(),
                           [&](const searchd::Suggestion &s) { return s.text == text && s.kind == kind; });
    };
    auto par = idx.searcher.suggest("par");
    CHECK(has(par, "park won soon", "name"));
    CHECK(has(par, "park", "term"));
    auto smog = idx.searcher.suggest("beijing smo");
    CHECK(has(smog, "beijing smog", "term"));
    auto title = std::find_if(smog.begin(), smog.end(), [](const auto &s) { return s.kind == "title"; });
    REQUIRE(title != smog.end());
    CHECK(title->id.rfind("air-", 0) == 0);
    CHECK(has(idx.searcher.suggest("park w"), "park won soon", "name")); // a name, whatever the last word's length
    CHECK(has(idx.searcher.suggest("smg"), "seoul metropolitan government", "name")); // a group's other names
    CHECK(idx.searcher.suggest("p").empty());                                         // one letter: too early
    CHECK(par.size() <= searchd::kMaxSuggestions);
}

TEST_CASE("the document view highlights the query's words in the whole release", "[find]") {
    PressIndex idx;
    auto view = idx.searcher.document_view("air-2016", "Beijing report");
    REQUIRE(view.has_value());
    CHECK(view->title_html == "Smog <mark>report</mark>");
    REQUIRE(view->paragraphs_html.size() == 1);
    CHECK(view->paragraphs_html[0].find("<mark>Beijing</mark>") != std::string::npos);
    CHECK(view->paragraphs_html[0].find("<mark>report</mark> says") != std::string::npos);
    // Without a query, the text is only escaped.
    auto plain = idx.searcher.document_view("air-2016", "");
    REQUIRE(plain.has_value());
    CHECK(plain->paragraphs_html[0].find("<mark>") == std::string::npos);
    CHECK_FALSE(idx.searcher.document_view("nope", "x").has_value());
}

TEST_CASE("a malformed synonym file stops the run before anything is written", "[find]") {
    PressIndex idx;
    test::write_file(idx.dir / "bad-synonyms.txt", "# groups\nSMG, Seoul Metropolitan Government\nPark Won-soon\n");
    indexer::IndexerOptions options;
    options.db = idx.db;
    options.sources = {idx.fixture};
    options.synonyms = idx.dir / "bad-synonyms.txt";
    CHECK_THROWS_WITH(indexer::run_indexer(options, *idx.log.logger),
                      Catch::Contains("bad-synonyms.txt line 3 names only one distinct name") &&
                          Catch::Contains("nothing was indexed"));
    // The serving index still has its groups and its releases.
    CHECK(ids(idx.search({{"q", "박원순"}})).count("001_dad5c3bcb5374185.txt") == 1);
    CHECK(idx.search({}).total == 13);
}
