// Runs searches against the index in one directory. A Searcher holds its own Xapian handle
// and is used by one thread at a time (Xapian objects must not be shared between threads);
// SearcherPool lends Searchers to request threads.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "index_store.h"
#include "release.h"
#include "search_request.h"

namespace pressroom::searchd {

struct SearchHit {
    Release release;
    std::string title_html;
    std::string snippet_html;
    double score = 0;
};

struct SearchResult {
    std::string query;
    std::uint64_t total = 0;
    bool total_exact = true;
    int page = 1;
    int per_page = 10;
    std::string notice; // said to the user about how the query was read; empty when nothing to say
    std::vector<SearchHit> hits;
};

struct Health {
    std::uint64_t documents = 0;
    std::uint64_t revision = 0;
    std::string generation;
};

// Counts are exact up to this many matches, estimated beyond.
inline constexpr Xapian::doccount kExactCountUpTo = 1000;
// How many of the best candidates are ranked again with the costly proximity evidence.
inline constexpr Xapian::doccount kRerankDepth = 100;

class Searcher {
  public:
    // Opens the index; throws store::IndexError when it cannot.
    explicit Searcher(std::filesystem::path dir);

    SearchResult search(const SearchRequest &request);
    std::optional<Release> document(const std::string &id);
    Health health();

  private:
    // Brings the handle up to date: a new generation (after --rebuild) is opened afresh, new
    // commits to the same one are picked up with reopen().
    void refresh();
    // Runs f, reopening and retrying once if the index changed underneath.
    template <typename F> auto with_retry(F &&f) -> decltype(f());

    std::filesystem::path m_dir;
    Xapian::Database m_db;
    std::optional<store::StubIdentity> m_stub;
};

class SearcherPool {
  public:
    // Opens one Searcher up front so a missing or broken index fails at start-up.
    explicit SearcherPool(std::filesystem::path dir);

    // Lends a Searcher to f for the duration of the call.
    template <typename F> auto with(F &&f) -> decltype(f(std::declval<Searcher &>())) {
        std::unique_ptr<Searcher> searcher = take();
        struct Return {
            SearcherPool &pool;
            std::unique_ptr<Searcher> &s;
            ~Return() { pool.give_back(std::move(s)); }
        } guard{*this, searcher};
        return f(*searcher);
    }

  private:
    std::unique_ptr<Searcher> take();
    void give_back(std::unique_ptr<Searcher> searcher);

    std::filesystem::path m_dir;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<Searcher>> m_idle;
};

} // namespace pressroom::searchd
