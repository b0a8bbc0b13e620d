// JSON bodies of the HTTP API. Pure.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "result.h"
#include "searcher.h"

namespace pressroom::searchd {

// took_ms is measured by the caller around the search.
std::string render_search(const SearchResult &result, double took_ms);

// A rendered body cut around its top-level "took_ms" value, to be served again with the time
// another request took (response_cache.h).
struct TimedBody {
    std::string before, after;
    std::string with(double took_ms) const;
};
// Cuts `body` (from render_search or render_quotes) at its took_ms value; a body without one
// is kept whole in `before`, and with() appends nothing to it.
TimedBody cut_took_ms(std::string body);

std::string render_document(const Release &release);
std::string render_similar(const SimilarResult &result);
// {"query": q, "suggestions": [{"text", "kind", "id" (titles), "count" (terms)}]}
std::string render_suggestions(const std::string &q, const std::vector<Suggestion> &suggestions);
// The OpenSearch suggestions format browsers read: [q, ["completion", ...]].
std::string render_suggestions_opensearch(const std::string &q, const std::vector<Suggestion> &suggestions);
// {"category": [...], ..., "from": "2013-01-01"|null, "to": ..., "undated": false}
nlohmann::json filters_json(const Filters &filters);
std::string render_health(const Health &health);

// Quotations, speakers, a speaker's timeline and a quote check (the /api/quotes family).
std::string render_quotes(const QuoteResult &result, double took_ms);
std::string render_speakers(const std::vector<SpeakerSummary> &speakers);
std::string render_timeline(const Timeline &timeline);
std::string render_verify(const VerifyResult &result);
// {"error":{"code":"...","message":"..."}}
std::string render_error(const Error &error);

} // namespace pressroom::searchd
