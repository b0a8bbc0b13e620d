// Document data compression (core/stored_data.h): what goes in comes out, a trained dictionary
// makes small records smaller, and data that cannot be read says so.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

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
