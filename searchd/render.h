// JSON bodies of the HTTP API. Pure.
#pragma once

#include <string>

#include "result.h"
#include "searcher.h"

namespace pressroom::searchd {

// took_ms is measured by the caller around the search.
std::string render_search(const SearchResult &result, double took_ms);
std::string render_document(const Release &release);
std::string render_health(const Health &health);
// {"error":{"code":"...","message":"..."}}
std::string render_error(const Error &error);

} // namespace pressroom::searchd
