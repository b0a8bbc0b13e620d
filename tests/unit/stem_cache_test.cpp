// remembering_stemmer (core/stem_cache.h) must give exactly the stems of the stemmer it wraps,
// whatever it remembers: a wrong stem would make a snippet highlight the wrong words, or the
// indexer write terms no query finds.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "schema.h"
#include "stem_cache.h"

using pressroom::remembering_stemmer;

namespace {

const std::vector<std::string> kWords = {
    "running",  "runs",    "cities",    "city",       "announced", "announcement", "economy", "economies",
    "economic", "housing", "houses",    "policies",   "officials", "official",     "said",    "saying",
    "fraud",    "frauds",  "sentenced", "sentencing", "attorney",  "attorneys",    "general", "generally",
};

} // namespace

TEST_CASE("remembered stems are the stemmer's own, even when words share a slot", "[stem_cache]") {
    Xapian::Stem plain = pressroom::schema::make_stemmer();
    // One slot: every word pushes out the one before. Four slots: words meet again in slots
    // that others have taken since. Many slots: the second pass is answered from memory.
    for (std::size_t capacity : {std::size_t{1}, std::size_t{4}, std::size_t{4096}}) {
        Xapian::Stem remembering = remembering_stemmer(pressroom::schema::make_stemmer(), capacity);
        for (int pass = 0; pass < 3; ++pass) {
            for (const auto &word : kWords) {
                CAPTURE(capacity, pass, word);
                CHECK(remembering(word) == plain(word));
            }
        }
    }
    // The stems differ from the words, so a cache that echoed its input would fail above.
    CHECK(plain("economies") == "economi");
}

TEST_CASE("long and empty words are stemmed without being remembered", "[stem_cache]") {
    Xapian::Stem plain = pressroom::schema::make_stemmer();
    Xapian::Stem remembering = remembering_stemmer(pressroom::schema::make_stemmer(), 2);
    const std::string long_word = "internationalizationalisations";
    CHECK(remembering(long_word) == plain(long_word));
    CHECK(remembering("") == plain(""));
    CHECK(remembering("nationalities") == plain("nationalities"));
    CHECK(remembering(long_word) == plain(long_word));
}

TEST_CASE("no slots, or no stemmer, leaves the stemmer as it was", "[stem_cache]") {
    CHECK(remembering_stemmer(Xapian::Stem(), 1024).is_none());
    Xapian::Stem kept = remembering_stemmer(pressroom::schema::make_stemmer(), 0);
    CHECK(kept("economies") == "economi");
    CHECK(kept.get_description() == pressroom::schema::make_stemmer().get_description());
}
