// What searchd counts for `GET /metrics`, in the Prometheus text format: requests by route and
// status, their latency, searches that found nothing, and facts about the index being served.
// Counting is thread-safe; rendering and the route of a path are pure.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>

namespace pressroom::searchd {

// The index as /metrics reports it.
struct IndexFacts {
    std::uint64_t documents = 0;
    std::uint64_t revision = 0;
    std::int64_t last_run = 0; // when the indexer last committed, seconds since 1970; 0: unknown
};

// The search gate (search_gate.h) as /metrics reports it.
struct GateFacts {
    std::size_t limit = 0, running = 0, waiting = 0;
};

// The response cache (response_cache.h) as /metrics reports it.
struct CacheFacts {
    std::uint64_t hits = 0, misses = 0;
    std::size_t entries = 0, bytes = 0, max_bytes = 0;
};

// Upper bounds of the latency histogram's buckets, in seconds.
inline constexpr std::array<double, 11> kLatencyBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                           0.1,   0.25,   0.5,   1.0,  2.5};

// The route a request path counts under: "/api/search", "/api/doc/{id}", "static" for the
// page's files, "other" for anything else. Ids never become labels, so the label set stays small.
std::string route_of(std::string_view path);

class Metrics {
  public:
    void record(const std::string &route, int status, double seconds);
    void search_without_results();
    std::string render(const IndexFacts &index, const GateFacts &gate, const CacheFacts &cache,
                       std::string_view version) const;

  private:
    struct Latency {
        std::array<std::uint64_t, kLatencyBuckets.size()> buckets{};
        std::uint64_t count = 0;
        double sum = 0;
    };
    mutable std::mutex m_mutex;
    std::map<std::pair<std::string, int>, std::uint64_t> m_requests;
    std::map<std::string, Latency> m_latency;
    std::uint64_t m_empty_searches = 0;
};

} // namespace pressroom::searchd
