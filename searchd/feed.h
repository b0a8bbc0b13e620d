// The Atom 1.0 feed of a search (GET /feed): one entry per dated hit, in the order given. Pure.
#pragma once

#include <string>

#include "searcher.h"

namespace pressroom::searchd {

struct FeedContext {
    std::string base_url; // "https://press.example.org", no trailing slash: prefixed to /doc/ links
    std::string self_url; // the feed's own absolute URL, query included; also the feed's id
    std::string html_url; // the same search on the search page
    std::string title;    // e.g. "Pressroom: air quality"
};

// Undated hits are left out (an Atom entry must say when it was updated). Dates are written
// as midnight UTC of the stated day (the first of the month or year when only those are known).
// The feed's <updated> is the newest entry's date, or 1970-01-01T00:00:00Z with no entries.
std::string render_atom(const SearchResult &result, const FeedContext &ctx);

} // namespace pressroom::searchd
