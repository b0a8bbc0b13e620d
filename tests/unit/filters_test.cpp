// Filters (searchd/filters.h): field:value words taken from the query, date bounds, their
// description, and the Xapian restriction they become, checked against a small in-memory
// database built the way the indexer builds documents. One row per case, each with the
// reason it is there; CAPTURE prints the failing row.
#include <catch2/catch.hpp>

#include <optional>
#include <set>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <xapian.h>

#include "document_builder.h"
#include "filters.h"
#include "release.h"
#include "schema.h"

using pressroom::Date;
using pressroom::ErrorCode;
using pressroom::Release;
using pressroom::searchd::apply_filters;
using pressroom::searchd::date_bound_from;
using pressroom::searchd::date_bound_to;
using pressroom::searchd::describe_filters;
using pressroom::searchd::Filters;
using pressroom::searchd::narrow_dates;
using pressroom::searchd::take_query_filters;

namespace {

using Strings = std::vector<std::string>;
using Opt = std::optional<std::string>;

const std::string kDateForm = " must be a date written YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2013 or 2013-05-21), got ";

// A release's day as YYYYMMDD, worked out here rather than by the code under test.
std::string day_key(const Date &d) { return fmt::format("{:04}{:02}{:02}", d.year, d.month, d.day); }

// A filter's date, YYYY-MM-DD, as YYYYMMDD.
std::string bound_key(std::string iso) {
    std::erase(iso, '-');
    return iso;
}

} // namespace

TEST_CASE("filter words are taken out of the query", "[filters]") {
    struct Row {
        std::string q;
        std::string rest;
        Strings category, not_category, source, not_source, lang, not_lang, year, not_year;
        Opt from, to;
        bool undated_only;
    };
    const Row rows[] = {
        // a date range between words; the words close up with one space
        {"air quality date:2013..2016",
         "air quality",
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         "2013-01-01",
         "2016-12-31",
         false},
        {"air date:2013..2016 quality",
         "air quality",
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         "2013-01-01",
         "2016-12-31",
         false},
        // a quoted value with spaces and an apostrophe
        {"category:\"Mayor's News\" park", "park", {"Mayor's News"}, {}, {}, {}, {}, {}, {}, {}, {}, {}, false},
        // curly quotes around the value, curly apostrophe kept as typed
        {"category:\u201cMayor\u2019s News\u201d park",
         "park",
         {"Mayor\u2019s News"},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         {},
         false},
        // a leading - excludes
        {"-category:\"Tax Division\" tax", "tax", {}, {"Tax Division"}, {}, {}, {}, {}, {}, {}, {}, {}, false},
        {"source:doj", "", {}, {}, {"doj"}, {}, {}, {}, {}, {}, {}, {}, false},
        {"fraud -source:doj", "fraud", {}, {}, {}, {"doj"}, {}, {}, {}, {}, {}, {}, false},
        {"lang:ko seoul", "seoul", {}, {}, {}, {}, {"ko"}, {}, {}, {}, {}, {}, false},
        {"-lang:ko seoul", "seoul", {}, {}, {}, {}, {}, {"ko"}, {}, {}, {}, {}, false},
        {"year:2015 budget", "budget", {}, {}, {}, {}, {}, {}, {"2015"}, {}, {}, {}, false},
        {"year:2015 year:2016", "", {}, {}, {}, {}, {}, {}, {"2015", "2016"}, {}, {}, {}, false}, // repeatable
        {"year:2015 year:2015", "", {}, {}, {}, {}, {}, {}, {"2015"}, {}, {}, {}, false}, // a repeat is kept once
        {"-year:2015 budget", "budget", {}, {}, {}, {}, {}, {}, {}, {"2015"}, {}, {}, false},
        // open-ended ranges
        {"date:2015..", "", {}, {}, {}, {}, {}, {}, {}, {}, "2015-01-01", {}, false},
        {"date:..2016", "", {}, {}, {}, {}, {}, {}, {}, {}, {}, "2016-12-31", false},
        // one period is both bounds, widened to its first and last day
        {"date:2015", "", {}, {}, {}, {}, {}, {}, {}, {}, "2015-01-01", "2015-12-31", false},
        {"date:2015-03", "", {}, {}, {}, {}, {}, {}, {}, {}, "2015-03-01", "2015-03-31", false},
        {"date:2013-05..2014", "", {}, {}, {}, {}, {}, {}, {}, {}, "2013-05-01", "2014-12-31", false},
        {"date:2013-05-21..2013-05-21", "", {}, {}, {}, {}, {}, {}, {}, {}, "2013-05-21", "2013-05-21", false},
        // two date words narrow each other
        {"date:2013..2016 date:2015..2020", "", {}, {}, {}, {}, {}, {}, {}, {}, "2015-01-01", "2016-12-31", false},
        // releases without a date
        {"date:none mayor", "mayor", {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, true},
        {"date:NONE mayor", "mayor", {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, true},
        // field names in any case
        {"DATE:2014", "", {}, {}, {}, {}, {}, {}, {}, {}, "2014-01-01", "2014-12-31", false},
        {"Category:Tax fraud", "fraud", {"Tax"}, {}, {}, {}, {}, {}, {}, {}, {}, {}, false},
        // inside a word or a phrase a field is not a filter
        {"e.g. notacategory:x", "e.g. notacategory:x", {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, false},
        {"e.g.category:x", "e.g.category:x", {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, false},
        {"\"category:x\"", "\"category:x\"", {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, false},
        // other fields (title:) stay in the query for the parser
        {"title:council seoul", "title:council seoul", {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, false},
        // no filter words: only the spaces change
        {"  park   won soon ", "park won soon", {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, false},
        {"", "", {}, {}, {}, {}, {}, {}, {}, {}, {}, {}, false},
    };
    for (const auto &row : rows) {
        CAPTURE(row.q);
        Filters filters;
        auto rest = take_query_filters(row.q, filters);
        INFO((rest ? "" : rest.error().message));
        REQUIRE(rest.ok());
        CHECK(*rest == row.rest);
        CHECK(filters.category == row.category);
        CHECK(filters.not_category == row.not_category);
        CHECK(filters.source == row.source);
        CHECK(filters.not_source == row.not_source);
        CHECK(filters.lang == row.lang);
        CHECK(filters.not_lang == row.not_lang);
        CHECK(filters.year == row.year);
        CHECK(filters.not_year == row.not_year);
        CHECK(filters.from == row.from);
        CHECK(filters.to == row.to);
        CHECK(filters.undated_only == row.undated_only);
    }
}

TEST_CASE("query filter words add to the filters already there", "[filters]") {
    Filters filters;
    filters.category = {"Tax Division"};
    filters.from = "2014-01-01";
    filters.to = "2016-12-31";
    auto rest = take_query_filters("fraud category:\"Civil Rights Division\" date:2015..2020", filters);
    REQUIRE(rest.ok());
    CHECK(*rest == "fraud");
    CHECK(filters.category == Strings{"Tax Division", "Civil Rights Division"});
    CHECK(filters.from == Opt("2015-01-01")); // the later start
    CHECK(filters.to == Opt("2016-12-31"));   // the earlier end
}

TEST_CASE("bad filter words are rejected naming the word and the right form", "[filters]") {
    struct Row {
        std::string q;
        std::string message;
    };
    const Row rows[] = {
        // a bound that is not a date
        {"date:2013..abc", "`date:2013..abc`" + kDateForm + "`abc`"},
        {"date:abc", "`date:abc`" + kDateForm + "`abc`"},
        {"date:2015-13", "`date:2015-13`" + kDateForm + "`2015-13`"},              // no month 13
        {"air date:2015-02-29", "`date:2015-02-29`" + kDateForm + "`2015-02-29`"}, // 2015 is no leap year
        // a range that is empty
        {"date:2016..2013",
         "the dates do not overlap (`date:2016..2013`): from 2016-01-01 is after to 2013-12-31; widen the range"},
        {"date:2013 date:2015",
         "the dates do not overlap (`date:2015`): from 2015-01-01 is after to 2013-12-31; widen the range"},
        {"date:..", "`date:..` names no date; write e.g. date:2013..2016"},
        // dates cannot be excluded
        {"-date:2015", "`-date:2015`: a date range cannot be excluded; ask for the dates you want, e.g. "
                       "date:..2012 or date:2017.."},
        // values of the wrong form
        {"year:15", "`year:15` must be a year written YYYY, got `15`"},
        {"-year:twenty", "`-year:twenty` must be a year written YYYY, got `twenty`"},
        {"lang:e", "`lang:e` must be a language code such as en or ko, got `e`"},
        {"lang:e1", "`lang:e1` must be a language code such as en or ko, got `e1`"},
        // a field with no value
        {"category:", "`category:` names no value; write e.g. category:\"...\""},
        {"park category: tax", "`category:` names no value; write e.g. category:\"...\""},
        {"category:\"\" park", "`category:\"\"` names no value; write e.g. category:\"...\""},
        {"source:", "`source:` names no value; write e.g. source:\"...\""},
        {"year:", "`year:` names no value; write e.g. year:2015"},
        {"date:", "`date:` names no value; write e.g. date:2013..2016"},
    };
    for (const auto &row : rows) {
        CAPTURE(row.q);
        Filters filters;
        auto rest = take_query_filters(row.q, filters);
        REQUIRE_FALSE(rest.ok());
        CHECK(rest.error().code == ErrorCode::InvalidParameter);
        CHECK(rest.error().message == row.message);
    }
}

TEST_CASE("date bounds widen a period to its first or last day", "[filters]") {
    struct Row {
        std::string value;
        std::string from;
        std::string to;
    };
    const Row rows[] = {
        {"2015", "2015-01-01", "2015-12-31"},             // a year
        {"2015-03", "2015-03-01", "2015-03-31"},          // a 31-day month
        {"2015-04", "2015-04-01", "2015-04-30"},          // a 30-day month
        {"2015-02", "2015-02-01", "2015-02-28"},          // February, common year
        {"2016-02", "2016-02-01", "2016-02-29"},          // February, leap year
        {"2000-02", "2000-02-01", "2000-02-29"},          // divisible by 400: leap
        {"1900-02", "1900-02-01", "1900-02-28"},          // divisible by 100 only: not leap
        {"2015-03-07", "2015-03-07", "2015-03-07"},       // a day is itself
        {"2016-02-29", "2016-02-29", "2016-02-29"},       // a leap day
        {" 2015 ", "2015-01-01", "2015-12-31"},           // surrounding spaces ignored
        {"2015-03-07T10:30", "2015-03-07", "2015-03-07"}, // a time is dropped
    };
    for (const auto &row : rows) {
        CAPTURE(row.value);
        auto from = date_bound_from(row.value, "parameter `from`");
        auto to = date_bound_to(row.value, "parameter `to`");
        INFO((from ? "" : from.error().message));
        INFO((to ? "" : to.error().message));
        REQUIRE(from.ok());
        REQUIRE(to.ok());
        CHECK(*from == row.from);
        CHECK(*to == row.to);
    }
}

TEST_CASE("date bounds that are not dates are rejected naming what was given", "[filters]") {
    const std::string rows[] = {
        "2015-13",    // no month 13
        "2015-00",    // no month 0
        "2015-02-29", // not a leap year
        "2015-04-31", // April has 30 days
        "15",         // a two-digit year
        "abc",        // not a date
        "2015/03",    // wrong separator
        "",           // nothing
    };
    for (const auto &value : rows) {
        CAPTURE(value);
        auto from = date_bound_from(value, "parameter `from`");
        REQUIRE_FALSE(from.ok());
        CHECK(from.error().code == ErrorCode::InvalidParameter);
        CHECK(from.error().message == "parameter `from`" + kDateForm + "`" + value + "`");
        auto to = date_bound_to(value, "parameter `to`");
        REQUIRE_FALSE(to.ok());
        CHECK(to.error().message == "parameter `to`" + kDateForm + "`" + value + "`");
    }
}

TEST_CASE("narrow_dates keeps the intersection of two ranges", "[filters]") {
    struct Row {
        Opt have_from, have_to; // already in the filters
        Opt from, to;           // narrowed with
        Opt want_from, want_to;
    };
    const Row rows[] = {
        {{}, {}, "2015-01-01", "2015-12-31", "2015-01-01", "2015-12-31"},                     // nothing before
        {"2013-01-01", "2016-12-31", {}, {}, "2013-01-01", "2016-12-31"},                     // nothing new
        {"2013-01-01", "2016-12-31", "2015-01-01", {}, "2015-01-01", "2016-12-31"},           // later start wins
        {"2013-01-01", "2016-12-31", "2010-01-01", "2014-06-30", "2013-01-01", "2014-06-30"}, // earlier end wins
        {"2013-01-01", {}, {}, "2014-06-30", "2013-01-01", "2014-06-30"},                     // open ends closed
        {"2015-03-01", "2015-03-31", "2015-03-31", {}, "2015-03-31", "2015-03-31"},           // one day is enough
    };
    for (const auto &row : rows) {
        CAPTURE(row.have_from, row.have_to, row.from, row.to);
        Filters filters;
        filters.from = row.have_from;
        filters.to = row.have_to;
        auto ok = narrow_dates(filters, row.from, row.to, "test");
        REQUIRE(ok.ok());
        CHECK(filters.from == row.want_from);
        CHECK(filters.to == row.want_to);
    }
}

TEST_CASE("narrow_dates refuses ranges that do not overlap", "[filters]") {
    Filters filters;
    filters.from = "2013-01-01";
    filters.to = "2014-12-31";
    auto ok = narrow_dates(filters, Opt("2015-01-01"), std::nullopt, "`date:2015..`");
    REQUIRE_FALSE(ok.ok());
    CHECK(ok.error().code == ErrorCode::InvalidParameter);
    CHECK(ok.error().message ==
          "the dates do not overlap (`date:2015..`): from 2015-01-01 is after to 2014-12-31; widen the range");
}

TEST_CASE("describe_filters says what the filters keep", "[filters]") {
    CHECK(describe_filters(Filters{}).empty());

    Filters all;
    all.category = {"Mayor's News", "Tax Division"};
    all.not_category = {"Press Release"};
    all.source = {"doj"};
    all.not_source = {"donga.com"};
    all.lang = {"ko"};
    all.not_lang = {"en"};
    all.year = {"2015", "2016"};
    all.not_year = {"2014"};
    all.from = "2013-01-01";
    all.to = "2016-12-31";
    all.undated_only = true;
    CHECK(describe_filters(all) == "category: Mayor's News or Tax Division; not category: Press Release; "
                                   "source: doj; not source: donga.com; language: ko; not language: en; "
                                   "year: 2015 or 2016; not year: 2014; dated 2013-01-01 to 2016-12-31; "
                                   "undated only");

    Filters from;
    from.from = "2015-01-01";
    CHECK(describe_filters(from) == "dated from 2015-01-01");

    Filters to;
    to.to = "2016-12-31";
    CHECK(describe_filters(to) == "dated up to 2016-12-31");

    Filters undated;
    undated.undated_only = true;
    CHECK(describe_filters(undated) == "undated only");

    Filters one;
    one.not_source = {"donga.com"};
    CHECK(describe_filters(one) == "not source: donga.com");
}

namespace {

// A small in-memory index built by the indexer's own DocumentBuilder.
struct FilterIndex {
    Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};

    FilterIndex() {
        pressroom::indexer::DocumentBuilder builder;
        auto add = [&](std::string id, std::string category, std::string source, std::string lang,
                       std::optional<Date> date) {
            Release r;
            r.id = std::move(id);
            r.title = "Release " + r.id;
            r.category = std::move(category);
            r.source = std::move(source);
            r.lang = std::move(lang);
            r.date = date;
            r.paragraphs = {"Some text."};
            auto doc = builder.build(r, std::string(pressroom::schema::prefix::kOrigin) + "test");
            REQUIRE(doc.ok());
            db.replace_document(pressroom::indexer::id_term(r.id), *doc);
        };
        add("mayor2013", "Mayor's News", "Seoul Metropolitan Government", "en", Date{2013, 5, 21});
        add("tax2015", "Tax Division", "Department of Justice", "en", Date{2015, 3, 10});
        add("tax2016", "Tax Division; USAO - Florida", "Department of Justice", "en", Date{2016, 12, 31});
        add("civil2015", "Civil Rights Division", "Department of Justice", "en", Date{2015}); // year only
        add("mayor-undated", "Mayor\u2019s News", "Seoul Metropolitan Government", "ko", std::nullopt);
        add("taxpayer2014", "Taxpayer Services", "Internal Revenue Service", "en", Date{2014, 1, 1});
        db.commit();
    }

    // The ids of the releases the filters let through, of all of them.
    std::set<std::string> ids(const Filters &filters) const {
        Xapian::Enquire enquire(db);
        enquire.set_query(apply_filters(Xapian::Query::MatchAll, filters, db));
        std::set<std::string> out;
        Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            std::string id;
            for (auto t = it.get_document().termlist_begin(); t != it.get_document().termlist_end(); ++t)
                if ((*t).starts_with(pressroom::schema::prefix::kId))
                    id = (*t).substr(pressroom::schema::prefix::kId.size());
            out.insert(id);
        }
        return out;
    }
};

using Ids = std::set<std::string>;

} // namespace

TEST_CASE("apply_filters keeps exactly the releases the filters name", "[filters]") {
    FilterIndex index;
    const Ids everything = {"mayor2013", "tax2015", "tax2016", "civil2015", "mayor-undated", "taxpayer2014"};
    REQUIRE(index.ids(Filters{}) == everything);

    struct Row {
        std::string why;
        Filters filters;
        Ids ids;
    };
    auto with = [](auto set) {
        Filters f;
        set(f);
        return f;
    };
    const Row rows[] = {
        {"a whole category", with([](Filters &f) { f.category = {"Tax Division"}; }), {"tax2015", "tax2016"}},
        {"a category in any case", with([](Filters &f) { f.category = {"tax division"}; }), {"tax2015", "tax2016"}},
        {"straight apostrophe finds curly and straight",
         with([](Filters &f) { f.category = {"Mayor's News"}; }),
         {"mayor2013", "mayor-undated"}},
        {"curly apostrophe finds curly and straight",
         with([](Filters &f) { f.category = {"MAYOR\u2019S NEWS"}; }),
         {"mayor2013", "mayor-undated"}},
        {"the second of two categories", with([](Filters &f) { f.category = {"USAO - Florida"}; }), {"tax2016"}},
        {"a word of a category when no category is named so",
         with([](Filters &f) { f.category = {"tax"}; }),
         {"tax2015", "tax2016"}}, // not "Taxpayer Services"
        {"all the words of a category",
         with([](Filters &f) { f.category = {"division tax"}; }),
         {"tax2015", "tax2016"}},
        {"a word in no category finds nothing", with([](Filters &f) { f.category = {"weather"}; }), {}},
        {"any of several categories",
         with([](Filters &f) {
             f.category = {"Mayor's News", "Civil Rights Division"};
         }),
         {"mayor2013", "mayor-undated", "civil2015"}},
        {"an excluded category",
         with([](Filters &f) { f.not_category = {"Tax Division"}; }),
         {"mayor2013", "civil2015", "mayor-undated", "taxpayer2014"}},
        {"an excluded category word",
         with([](Filters &f) { f.not_category = {"division"}; }),
         {"mayor2013", "mayor-undated", "taxpayer2014"}},
        {"a whole source", with([](Filters &f) { f.source = {"internal revenue service"}; }), {"taxpayer2014"}},
        {"a source word", with([](Filters &f) { f.source = {"justice"}; }), {"tax2015", "tax2016", "civil2015"}},
        {"an excluded source",
         with([](Filters &f) { f.not_source = {"Department of Justice"}; }),
         {"mayor2013", "mayor-undated", "taxpayer2014"}},
        {"a language", with([](Filters &f) { f.lang = {"KO"}; }), {"mayor-undated"}},
        {"an excluded language",
         with([](Filters &f) { f.not_lang = {"ko"}; }),
         {"mayor2013", "tax2015", "tax2016", "civil2015", "taxpayer2014"}},
        {"a year", with([](Filters &f) { f.year = {"2015"}; }), {"tax2015", "civil2015"}},
        {"any of two years",
         with([](Filters &f) {
             f.year = {"2013", "2016"};
         }),
         {"mayor2013", "tax2016"}},
        {"an excluded year keeps undated releases",
         with([](Filters &f) { f.not_year = {"2015"}; }),
         {"mayor2013", "tax2016", "mayor-undated", "taxpayer2014"}},
        {"a date range, both ends inclusive",
         with([](Filters &f) {
             f.from = "2015-01-01";
             f.to = "2016-12-31";
         }),
         {"tax2015", "tax2016", "civil2015"}},
        {"a range within a year leaves out a year-only date after its first day",
         with([](Filters &f) {
             f.from = "2015-03-01";
             f.to = "2015-03-31";
         }),
         {"tax2015"}},
        {"from only: undated releases are left out", with([](Filters &f) { f.from = "2016-01-01"; }), {"tax2016"}},
        {"to only: undated releases are left out",
         with([](Filters &f) { f.to = "2014-01-01"; }),
         {"mayor2013", "taxpayer2014"}},
        {"undated only", with([](Filters &f) { f.undated_only = true; }), {"mayor-undated"}},
        {"filters of different kinds all apply",
         with([](Filters &f) {
             f.category = {"tax"};
             f.year = {"2016"};
         }),
         {"tax2016"}},
        {"inclusion and exclusion together",
         with([](Filters &f) {
             f.source = {"Department of Justice"};
             f.not_category = {"Civil Rights Division"};
             f.not_year = {"2016"};
         }),
         {"tax2015"}},
    };
    for (const auto &row : rows) {
        CAPTURE(row.why);
        CHECK(index.ids(row.filters) == row.ids);
    }
}

TEST_CASE("filter words typed in a query select the releases they name", "[filters]") {
    FilterIndex index;
    struct Row {
        std::string q;
        Ids ids;
    };
    const Row rows[] = {
        {"category:\u201cMayor\u2019s News\u201d", {"mayor2013", "mayor-undated"}},
        {"-category:\"Tax Division\" date:2014..", {"civil2015", "taxpayer2014"}},
        {"category:tax date:2015", {"tax2015"}},
        {"date:none", {"mayor-undated"}},
        {"lang:ko", {"mayor-undated"}},
    };
    for (const auto &row : rows) {
        CAPTURE(row.q);
        Filters filters;
        auto rest = take_query_filters(row.q, filters);
        REQUIRE(rest.ok());
        CHECK(rest->empty());
        CHECK(index.ids(filters) == row.ids);
    }
}

TEST_CASE("a date range keeps exactly the releases dated within it", "[filters]") {
    // 300 releases, one every 20 days from 2010 and every 9th undated; every one says "common",
    // every 7th also "rare". With no words or "common" the range leads the match (through its
    // year terms when it is narrow, and wide with no words both as the match reads every
    // document for facets and as it does not); with "rare" it only checks the releases the word
    // finds.
    // Either way the answer is the releases the range covers, worked out here from the dates.
    Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
    pressroom::indexer::DocumentBuilder builder;
    struct Made {
        std::string id;
        std::optional<Date> date;
        bool rare;
    };
    std::vector<Made> made;
    for (int i = 0; i < 300; ++i) {
        Release r;
        r.id = fmt::format("r{}", i);
        r.title = "Notice";
        int day = 20 * i; // days after 2010-01-01, in months of 30 days: a calendar of its own
        if (i % 9 != 4)
            r.date = Date{2010 + day / 360, 1 + day % 360 / 30, 1 + day % 30};
        bool rare = i % 7 == 0;
        r.paragraphs = {rare ? "common rare" : "common"};
        auto doc = builder.build(r, std::string(pressroom::schema::prefix::kOrigin) + "test");
        REQUIRE(doc.ok());
        db.replace_document(pressroom::indexer::id_term(r.id), *doc);
        made.push_back({r.id, r.date, rare});
    }
    db.commit();
    struct Row {
        std::optional<std::string> from, to;
    };
    const Row rows[] = {{"2011-01-01", "2012-12-31"}, {"2013-05-02", std::nullopt}, {std::nullopt, "2010-07-09"},
                        {"2014-02-11", "2014-02-11"}, {"2030-01-01", std::nullopt}, {"2012-03-05", "2013-11-21"},
                        {std::nullopt, "2009-12-31"}, {"2000-06-01", "2026-06-30"}};
    for (const auto &row : rows)
        for (std::string word : {"", "common", "rare"})
            for (bool every_match : {false, true}) {
                CAPTURE(row.from.value_or("-"), row.to.value_or("-"), word, every_match);
                Filters f;
                f.from = row.from;
                f.to = row.to;
                Xapian::Enquire enquire(db);
                enquire.set_query(apply_filters(word.empty() ? Xapian::Query::MatchAll : Xapian::Query(word), f, db,
                                                pressroom::schema::slot::kDate, every_match));
                Ids got;
                Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
                for (auto it = mset.begin(); it != mset.end(); ++it)
                    got.insert(made[*it - 1].id);
                Ids want;
                for (const auto &m : made)
                    if (m.date && (word != "rare" || m.rare) &&
                        (!row.from || day_key(*m.date) >= bound_key(*row.from)) &&
                        (!row.to || day_key(*m.date) <= bound_key(*row.to)))
                        want.insert(m.id);
                CHECK(got == want);
                CHECK(mset.get_matches_estimated() == want.size()); // every match counted, exactly
            }
}

TEST_CASE("a wide date range with no words is counted near its size before any match is read", "[filters]") {
    // With no words and facets off, the count of a date range is the match's estimate, and date
    // order walks the years only when the estimate says the range is large. 400 releases, one
    // every 23 days from 1995 to 2020, every 10th undated: ranges across the turn of the
    // century, where an estimate from the bytes of the bounds is far out.
    Xapian::WritableDatabase db{std::string(), Xapian::DB_BACKEND_INMEMORY};
    pressroom::indexer::DocumentBuilder builder;
    std::vector<std::optional<std::string>> dates; // YYYYMMDD
    for (int i = 0; i < 400; ++i) {
        Release r;
        r.id = fmt::format("r{}", i);
        r.title = "Notice";
        r.paragraphs = {"common"};
        int day = 23 * i; // days after 1995-01-01, in months of 30 days
        std::optional<std::string> key;
        if (i % 10 != 3) {
            r.date = Date{1995 + day / 360, 1 + day % 360 / 30, 1 + day % 30};
            key = day_key(*r.date);
        }
        auto doc = builder.build(r, std::string(pressroom::schema::prefix::kOrigin) + "test");
        REQUIRE(doc.ok());
        db.replace_document(pressroom::indexer::id_term(r.id), *doc);
        dates.push_back(key);
    }
    db.commit();
    const std::pair<Opt, Opt> rows[] = {{"2006-01-01", std::nullopt},
                                        {std::nullopt, "2003-06-30"},
                                        {"1998-03-01", "2012-07-31"},
                                        {"2001-01-01", "2019-12-31"}};
    for (const auto &[from, to] : rows) {
        CAPTURE(from.value_or("-"), to.value_or("-"));
        Filters f;
        f.from = from;
        f.to = to;
        double want = 0;
        for (const auto &d : dates)
            if (d && (!from || *d >= bound_key(*from)) && (!to || *d <= bound_key(*to)))
                ++want;
        REQUIRE(4 * want > dates.size()); // wide: read through the dates, not the year terms
        Xapian::Enquire enquire(db);
        enquire.set_query(apply_filters(Xapian::Query::MatchAll, f, db));
        // Xapian rounds an estimate to one digit of the span it may lie in (here, hundreds).
        double estimate = enquire.get_mset(0, 0).get_matches_estimated();
        CHECK(estimate >= want - 60);
        CHECK(estimate <= want + 60);
    }
}
