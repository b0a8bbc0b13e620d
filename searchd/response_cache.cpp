#include "response_cache.h"

namespace pressroom::searchd {

namespace {

// What an entry costs beyond its strings: the list node, the map node and the answer's block.
constexpr std::size_t kEntryOverhead = 160;

void append_field(std::string &out, const std::string &s) {
    out += std::to_string(s.size());
    out += ':';
    out += s;
}

} // namespace

std::string cache_key(const std::string &revision, const Params &params) {
    std::string key;
    append_field(key, revision);
    for (const auto &[name, value] : params) { // a multimap: sorted by name, repeats in order
        append_field(key, name);
        append_field(key, value);
    }
    return key;
}

std::shared_ptr<const CachedAnswer> ResponseCache::get(const std::string &key) {
    std::lock_guard lock(m_mutex);
    auto found = m_index.find(key);
    if (found == m_index.end()) {
        ++m_misses;
        return nullptr;
    }
    ++m_hits;
    m_order.splice(m_order.begin(), m_order, found->second);
    return found->second->answer;
}

void ResponseCache::put(const std::string &key, std::shared_ptr<const CachedAnswer> answer) {
    std::size_t bytes = 2 * key.size() + answer->body.before.size() + answer->body.after.size() + kEntryOverhead;
    std::lock_guard lock(m_mutex);
    if (auto found = m_index.find(key); found != m_index.end()) { // answered twice at once
        m_bytes -= found->second->bytes;
        m_order.erase(found->second);
        m_index.erase(found);
    }
    if (bytes > m_max_bytes)
        return;
    evict_to(m_max_bytes - bytes);
    m_order.push_front(Entry{key, std::move(answer), bytes});
    m_index.emplace(key, m_order.begin());
    m_bytes += bytes;
}

void ResponseCache::evict_to(std::size_t bytes) {
    while (m_bytes > bytes && !m_order.empty()) {
        m_bytes -= m_order.back().bytes;
        m_index.erase(m_order.back().key);
        m_order.pop_back();
    }
}

CacheFacts ResponseCache::stats() const {
    std::lock_guard lock(m_mutex);
    return CacheFacts{m_hits, m_misses, m_order.size(), m_bytes, m_max_bytes};
}

} // namespace pressroom::searchd
