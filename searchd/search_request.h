// Parsing and validating the parameters of /api/search. Pure: no HTTP types.
#pragma once

#include <map>
#include <string>

#include "result.h"

namespace pressroom::searchd {

using Params = std::multimap<std::string, std::string>;

inline constexpr int kMaxPage = 1000;
inline constexpr int kMaxPerPage = 100;
inline constexpr int kDefaultPerPage = 10;
inline constexpr std::size_t kMaxQueryBytes = 1000;

struct SearchRequest {
    std::string q;
    int page = 1;
    int per_page = kDefaultPerPage;
};

// Validates q, page and per_page. Errors (InvalidParameter) name the parameter, the value
// received and the allowed range.
Result<SearchRequest> parse_search_request(const Params &params);

} // namespace pressroom::searchd
