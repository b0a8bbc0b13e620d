// Answers of GET /api/search kept for the next identical request: a page of ten with snippets
// costs about a millisecond of a core, serving it again a few microseconds. Popular searches
// repeat (a city's news of the day, a visitor paging back), so a busy site answers most of them
// from here.
//
// Exact, not a time-to-live cache: a key names the index revision it was answered from
// (Searcher::revision()), so once the indexer commits, or a rebuild is swapped in, no request
// reaches an older answer; those age out as the least recently used. Bounded in bytes; the
// least recently used answers go first. Thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

#include "render.h"
#include "search_request.h"
#include "server_metrics.h"

namespace pressroom::searchd {

// One answer: its JSON body (served again with the time the hit took) and whether it found
// nothing, which /metrics counts on every request.
struct CachedAnswer {
    TimedBody body;
    bool found_nothing = false;
};

// The key of a search: the index revision and every parameter of the request, each
// length-prefixed so that no two different requests share one.
std::string cache_key(const std::string &revision, const Params &params);

class ResponseCache {
  public:
    explicit ResponseCache(std::size_t max_bytes) : m_max_bytes(max_bytes) {}

    // The answer stored under `key`, now the most recently used; null when none (a miss).
    std::shared_ptr<const CachedAnswer> get(const std::string &key);
    // Stores `answer` under `key`, evicting the least recently used past the bound. An answer
    // larger than the whole bound is not kept.
    void put(const std::string &key, std::shared_ptr<const CachedAnswer> answer);
    CacheFacts stats() const;

  private:
    struct Entry {
        std::string key;
        std::shared_ptr<const CachedAnswer> answer;
        std::size_t bytes;
    };
    void evict_to(std::size_t bytes);

    const std::size_t m_max_bytes;
    mutable std::mutex m_mutex;
    std::list<Entry> m_order; // most recently used first
    std::unordered_map<std::string, std::list<Entry>::iterator> m_index;
    std::size_t m_bytes = 0;
    std::uint64_t m_hits = 0, m_misses = 0;
};

} // namespace pressroom::searchd
