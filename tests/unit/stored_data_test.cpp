// Document data compression (core/stored_data.h): what goes in comes out, a trained dictionary
// makes small records smaller, and data that cannot be read says so.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "stored_data.h"

using namespace pressroom;

namespace {

// Records alike in keys and words, as stored releases are.
std::vector<std::string> records(std::size_t n) {
    static const char *const kWords[] = {"attorney",  "general", "district", "court",         "sentenced", "fraud",
                                         "defendant", "pleaded", "guilty",   "investigation", "federal",   "charges"};
    std::vector<std::string> out;
    for (std::size_t i = 0; i < n; ++i) {
        std::string text;
        for (std::size_t w = 0; w < 60; ++w)
            text += std::string(kWords[(i * 7 + w * w) % 12]) + (w % 9 == 8 ? ". " : " ");
        out.push_back(R"({"byline":null,"category":"Tax Division","date":"2018-03-)" + std::to_string(10 + i % 19) +
                      R"(","id":"doj-release_)" + std::to_string(i) + R"(","lang":"en","paragraphs":[")" + text +
                      R"("],"source":"US Department of Justice, Office of Public Affairs","title":"Release )" +
                      std::to_string(i) + R"("})");
    }
    return out;
}

std::size_t stored_size(const stored::Codec &codec, const std::vector<std::string> &recs) {
    std::size_t n = 0;
    for (const auto &r : recs)
        n += codec.encode(r).size();
    return n;
}

} // namespace

TEST_CASE("stored data comes back as it went in, with and without a dictionary", "[stored_data]") {
    auto recs = records(200);
    std::string dictionary = stored::train_dictionary(recs);
    REQUIRE_FALSE(dictionary.empty());
    for (const stored::Codec &codec : {stored::Codec(), stored::Codec(dictionary)}) {
        for (const std::string &r :
             {recs[0], recs[199], std::string(), std::string("{\"title\":\"\xEC\x84\x9C\xEC\x9A\xB8\"}")})
            CHECK(codec.decode(codec.encode(r)) == r);
    }
    // A codec made from the same dictionary reads what another wrote (searchd and the indexer).
    CHECK(stored::Codec(dictionary).decode(stored::Codec(dictionary).encode(recs[5])) == recs[5]);
    // Frames written without a dictionary need none to be read.
    CHECK(stored::Codec(dictionary).decode(stored::Codec().encode(recs[5])) == recs[5]);
}

TEST_CASE("a dictionary trained on the records makes them much smaller", "[stored_data]") {
    auto recs = records(400);
    std::vector<std::string> sample(recs.begin(), recs.begin() + 200);
    stored::Codec plain, trained(stored::train_dictionary(sample));
    std::size_t raw = 0;
    for (const auto &r : recs)
        raw += r.size();
    // Measured on records the dictionary was not trained on.
    std::vector<std::string> unseen(recs.begin() + 200, recs.end());
    std::size_t without = stored_size(plain, unseen), with = stored_size(trained, unseen);
    CAPTURE(raw, without, with);
    CHECK(with * 2 < without);
}

TEST_CASE("too few samples train no dictionary, and the codec works without one", "[stored_data]") {
    auto recs = records(5);
    CHECK(stored::train_dictionary(recs).empty());
    CHECK(stored::train_dictionary({}).empty());
    stored::Codec codec(stored::train_dictionary(recs));
    CHECK(codec.dictionary().empty());
    CHECK(codec.decode(codec.encode(recs[0])) == recs[0]);
}

TEST_CASE("data that cannot be read is an error that says why", "[stored_data]") {
    auto recs = records(200);
    stored::Codec a(stored::train_dictionary(recs));
    std::vector<std::string> other(recs.begin() + 100, recs.end());
    other.push_back("{\"other\":true}");
    stored::Codec b(stored::train_dictionary(other));
    REQUIRE(a.dictionary() != b.dictionary());
    // Plain JSON, as an index of an older schema holds.
    CHECK_THROWS_WITH(a.decode(recs[0]), Catch::Contains("not a zstd frame"));
    // A frame of another dictionary, or of one the codec does not have.
    CHECK_THROWS_WITH(b.decode(a.encode(recs[0])), Catch::Contains("compression dictionary"));
    CHECK_THROWS_WITH(stored::Codec().decode(a.encode(recs[0])), Catch::Contains("compression dictionary"));
    // A frame cut short.
    std::string frame = a.encode(recs[0]);
    CHECK_THROWS_AS(a.decode(frame.substr(0, frame.size() / 2)), stored::DataError);
    // A dictionary that is not one.
    CHECK_THROWS_WITH(stored::Codec(std::string("not a dictionary")), Catch::Contains("not a zstd dictionary"));
}

namespace {

Release read_back(const stored::Codec &codec, const std::string &json) {
    Xapian::Document doc;
    doc.set_data(codec.encode(json));
    return stored::release_of(codec, doc);
}

bool same(const Release &a, const Release &b) {
    return a.id == b.id && a.title == b.title && a.subtitle == b.subtitle && a.category == b.category &&
           a.source == b.source && a.url == b.url && a.date == b.date && a.updated == b.updated && a.lang == b.lang &&
           a.byline == b.byline && a.reference == b.reference && a.paragraphs == b.paragraphs;
}

} // namespace

TEST_CASE("a stored release reads back field for field", "[stored_data]") {
    Release full;
    full.id = "seoul/001.txt";
    full.title = "Mayor\xE2\x80\x99s \"Seoul\" plan \\ 서울";
    full.subtitle = "a line\nand a tab\t";
    full.category = "Tax Division; USAO - Florida";
    full.source = "Seoul Metropolitan Government";
    full.url = "https://english.seoul.go.kr/?p=1&q=2";
    full.date = Date{2013, 4, 21, 16, 30};
    full.updated = Date{2014, 0, 0, -1, -1};
    full.lang = "ko";
    full.byline = "김민수 기자";
    full.reference = "SMG 5221";
    full.paragraphs = {"First, \u00e9t\u00e9.", "", std::string(70000, 'x') + " long enough for a parser of its own"};
    Release sparse;
    sparse.id = "x";
    sparse.paragraphs = {"only text"};
    stored::Codec codec;
    for (const Release &r : {full, sparse}) {
        std::string json = to_json(r).dump();
        CHECK(same(read_back(codec, json), r));
    }
    // Fields absent, null or of another type are left empty; unknown ones are skipped.
    std::string odd = R"({"title":7,"extra":{"a":[1,2,{"b":null}]},"date":"not a date","paragraphs":["a",3,"b"],)"
                      R"("updated":"2016-02-29","lang":null})";
    Release back = read_back(codec, odd);
    CHECK((back.id + back.subtitle + back.category + back.source + back.url + back.lang + back.byline + back.reference)
              .empty());
    CHECK(back.title.empty());
    CHECK_FALSE(back.date);
    CHECK(back.updated == Date{2016, 2, 29, -1, -1});
    CHECK(back.paragraphs == std::vector<std::string>{"a", "b"});
}

TEST_CASE("stored data that is not a release's JSON is an error that says so", "[stored_data]") {
    stored::Codec codec;
    for (std::string bad : std::vector<std::string>{R"({"title":"cut short)", R"(["not", "an", "object"])",
                                                    R"({"id":"a"} trailing)", "{\"title\":\"\xC3\x28\"}", ""}) {
        CAPTURE(bad);
        CHECK_THROWS_WITH(read_back(codec, bad), Catch::Contains("its data is not a release's JSON"));
        CHECK_THROWS_AS(read_back(codec, bad), stored::DataError);
    }
}
