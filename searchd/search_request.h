// Parsing and validating the parameters of /api/search. Pure: no HTTP types.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "result.h"

namespace pressroom::searchd {

using Params = std::multimap<std::string, std::string>;

inline constexpr int kMaxPage = 1000;
inline constexpr int kMaxPerPage = 100;
inline constexpr int kDefaultPerPage = 10;
inline constexpr std::size_t kMaxQueryBytes = 1000;

enum class Sort { Relevance, Newest, Oldest };
// "relevance", "newest", "oldest".
std::string_view sort_name(Sort sort);

// Restrictions on which releases match, from the request's parameters and the query's own
// field:value words merged. Values are as the user wrote them; matching is case-insensitive.
struct Filters {
    std::vector<std::string> category, not_category;
    std::vector<std::string> source, not_source;
    std::vector<std::string> lang, not_lang;
    std::vector<std::string> year, not_year;       // YYYY
    std::vector<std::string> speaker, not_speaker; // names of people quoted, any spelling
    std::optional<std::string> from, to;           // YYYY-MM-DD, both inclusive
    bool undated_only = false;                     // only releases that state no date

    bool empty() const;
};

struct SearchRequest {
    std::string q;     // as typed
    std::string words; // q without its filter words (category:..., date:...), which are in `filters`
    int page = 1;
    int per_page = kDefaultPerPage;
    Filters filters;
    Sort sort = Sort::Relevance;
    bool facets = true;
};

// Validates q, page, per_page, the filters, sort and facets, and moves the filter words of q
// into `filters`. Errors (InvalidParameter) name the parameter, the value received and what
// is allowed.
Result<SearchRequest> parse_search_request(const Params &params);

} // namespace pressroom::searchd
