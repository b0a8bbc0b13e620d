// What the integration tests of searching share: the seed releases of the mayor, a request
// parsed from parameters as the HTTP layer parses it, and the ids of a result.
#pragma once

#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <vector>

#include "search_request.h"
#include "searcher.h"

namespace pressroom::test {

// The four seed releases of Mayor Park Won-soon.
inline const std::set<std::string> kMayorParkArticles = {"000_afe356aea1f15e35.txt", "001_dad5c3bcb5374185.txt",
                                                         "002_59a02e6dca8028c7.txt", "003_1c1750da9e3d431d.txt"};

// A request as the HTTP layer parses it from parameters; fails the test with the message when
// the parameters are refused.
inline searchd::SearchRequest parsed_request(const searchd::Params &params) {
    auto parsed = searchd::parse_search_request(params);
    INFO((parsed.ok() ? std::string() : parsed.error().message));
    REQUIRE(parsed.ok());
    return *parsed;
}

inline std::set<std::string> ids(const searchd::SearchResult &r) {
    std::set<std::string> out;
    for (const auto &hit : r.hits)
        out.insert(hit.release.id);
    return out;
}

inline std::vector<std::string> ordered_ids(const searchd::SearchResult &r) {
    std::vector<std::string> out;
    for (const auto &hit : r.hits)
        out.push_back(hit.release.id);
    return out;
}

} // namespace pressroom::test
