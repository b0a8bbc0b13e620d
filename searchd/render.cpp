#include "render.h"

#include <cmath>

#include <nlohmann/json.hpp>

namespace pressroom::searchd {

namespace {

nlohmann::json or_null(const std::string &s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); }

nlohmann::json hit_json(const SearchHit &hit) {
    const Release &r = hit.release;
    return {
        {"id", r.id},
        {"title", r.title},
        {"title_html", hit.title_html},
        {"url", or_null(r.url)},
        {"date", r.date ? nlohmann::json(r.date->iso()) : nlohmann::json()},
        {"category", or_null(r.category)},
        {"source", or_null(r.source)},
        {"snippet_html", hit.snippet_html},
        {"score", std::round(hit.score * 1000) / 1000},
    };
}

std::string dump(const nlohmann::json &j) {
    // Replace rather than throw on invalid UTF-8: stored text is validated at index time,
    // so this only guards against surprises.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace

std::string render_search(const SearchResult &result, double took_ms) {
    nlohmann::json hits = nlohmann::json::array();
    for (const auto &hit : result.hits)
        hits.push_back(hit_json(hit));
    return dump({
        {"query", result.query},
        {"total", result.total},
        {"total_exact", result.total_exact},
        {"page", result.page},
        {"per_page", result.per_page},
        {"took_ms", std::round(took_ms * 1000) / 1000},
        {"notice", or_null(result.notice)},
        {"hits", std::move(hits)},
    });
}

std::string render_document(const Release &release) { return dump(to_json(release)); }

std::string render_health(const Health &health) {
    return dump({{"status", "ok"},
                 {"documents", health.documents},
                 {"revision", health.revision},
                 {"generation", health.generation}});
}

std::string render_error(const Error &error) {
    return dump({{"error", {{"code", error_code_name(error.code)}, {"message", error.message}}}});
}

} // namespace pressroom::searchd
