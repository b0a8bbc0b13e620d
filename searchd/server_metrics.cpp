#include "server_metrics.h"

#include <fmt/format.h>

namespace pressroom::searchd {

std::string route_of(std::string_view path) {
    static constexpr std::string_view kExact[] = {"/api/search",   "/api/suggest", "/api/export", "/api/quotes",
                                                  "/api/speakers", "/api/verify",  "/feed",       "/opensearch.xml",
                                                  "/healthz",      "/metrics"};
    for (auto route : kExact)
        if (path == route)
            return std::string(route);
    auto starts = [&](std::string_view prefix) { return path.substr(0, prefix.size()) == prefix; };
    if (starts("/api/doc/"))
        return "/api/doc/{id}";
    if (starts("/api/similar/"))
        return "/api/similar/{id}";
    if (starts("/api/speakers/") && path.size() > 23 && path.substr(path.size() - 9) == "/timeline")
        return "/api/speakers/{name}/timeline";
    if (starts("/doc/"))
        return "/doc/{id}";
    if (starts("/api/"))
        return "other";
    return "static";
}

void Metrics::record(const std::string &route, int status, double seconds) {
    std::lock_guard lock(m_mutex);
    ++m_requests[{route, status}];
    Latency &l = m_latency[route];
    for (std::size_t i = 0; i < kLatencyBuckets.size(); ++i)
        if (seconds <= kLatencyBuckets[i])
            ++l.buckets[i];
    ++l.count;
    l.sum += seconds;
}

void Metrics::search_without_results() {
    std::lock_guard lock(m_mutex);
    ++m_empty_searches;
}

std::string Metrics::render(const IndexFacts &index, const GateFacts &gate, const CacheFacts &cache,
                            std::string_view version) const {
    std::lock_guard lock(m_mutex);
    std::string out;
    auto head = [&](std::string_view name, std::string_view type, std::string_view help) {
        out += fmt::format("# HELP {} {}\n# TYPE {} {}\n", name, help, name, type);
    };
    // A family of one sample without labels: its head, then its value.
    auto single = [&](std::string_view name, std::string_view type, std::string_view help, auto value) {
        head(name, type, help);
        out += fmt::format("{} {}\n", name, value);
    };
    head("pressroom_http_requests_total", "counter", "Requests answered, by route and status.");
    for (const auto &[key, count] : m_requests)
        out += fmt::format("pressroom_http_requests_total{{route=\"{}\",status=\"{}\"}} {}\n", key.first, key.second,
                           count);
    head("pressroom_http_request_duration_seconds", "histogram", "Time from routing a request to its answer.");
    for (const auto &[route, l] : m_latency) {
        for (std::size_t i = 0; i < kLatencyBuckets.size(); ++i)
            out += fmt::format("pressroom_http_request_duration_seconds_bucket{{route=\"{}\",le=\"{}\"}} {}\n", route,
                               kLatencyBuckets[i], l.buckets[i]);
        out += fmt::format("pressroom_http_request_duration_seconds_bucket{{route=\"{}\",le=\"+Inf\"}} {}\n", route,
                           l.count);
        out += fmt::format("pressroom_http_request_duration_seconds_sum{{route=\"{}\"}} {}\n", route, l.sum);
        out += fmt::format("pressroom_http_request_duration_seconds_count{{route=\"{}\"}} {}\n", route, l.count);
    }
    single("pressroom_searches_without_results_total", "counter", "Searches with words that matched nothing.",
           m_empty_searches);
    single("pressroom_searches_running", "gauge", "Searches running now.", gate.running);
    single("pressroom_searches_waiting", "gauge", "Searches waiting for their turn (see --max-active).", gate.waiting);
    single("pressroom_searches_limit", "gauge", "Searches that may run at once (--max-active).", gate.limit);
    single("pressroom_search_cache_hits_total", "counter", "Searches answered from the response cache.", cache.hits);
    single("pressroom_search_cache_misses_total", "counter", "Searches the response cache did not hold.", cache.misses);
    single("pressroom_search_cache_entries", "gauge", "Answers held in the response cache.", cache.entries);
    single("pressroom_search_cache_bytes", "gauge", "Bytes the response cache holds, of at most --cache-mb.",
           cache.bytes);
    single("pressroom_index_documents", "gauge", "Releases in the index being served.", index.documents);
    single("pressroom_index_revision", "gauge", "Revision of the index being served.", index.revision);
    single("pressroom_indexer_last_run_timestamp_seconds", "gauge",
           "When the indexer last committed to the index being served (0: unknown).", index.last_run);
    head("pressroom_build_info", "gauge", "The running version.");
    out += fmt::format("pressroom_build_info{{version=\"{}\"}} 1\n", version);
    return out;
}

} // namespace pressroom::searchd
