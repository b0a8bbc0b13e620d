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
#include "synonyms.h"

namespace pressroom::searchd {

class FacetTableCache;

struct SearchHit {
    Release release;
    std::string title_html;
    std::string snippet_html;
    int paragraph = 0; // 1-based number of the body paragraph the snippet starts in; 0: subtitle or none
    double score = 0;
};

struct FacetValue {
    std::string value;
    Xapian::doccount count = 0;
};

// Counts of the matching releases per value, for the whole result set (not just the page).
struct Facets {
    std::vector<FacetValue> category, source, lang; // most frequent first
    std::vector<FacetValue> year;                   // oldest year first
    Xapian::doccount undated = 0;
};

struct SearchResult {
    std::string query;
    std::uint64_t total = 0;
    bool total_exact = true;
    int page = 1;
    int per_page = 10;
    std::string notice; // said to the user about how the query was read; empty when nothing to say
    Sort sort = Sort::Relevance;
    Filters filters;              // the effective filters: parameters and query merged
    std::optional<Facets> facets; // when asked for
    std::string suggestion;       // "did you mean": a corrected query; empty when none
    std::string reading;          // how the query and filters were read, in plain words
    std::vector<SearchHit> hits;
};

struct SimilarResult {
    Release of; // the release others are similar to
    std::vector<SearchHit> hits;
};

struct Suggestion {
    std::string text;           // the whole query to search (kind name or term), or a title
    std::string kind;           // "name", "term" or "title"
    std::string id;             // for a title: the release to open
    Xapian::doccount count = 0; // for a term: how many releases have it
};

// A release with the words of a query highlighted, for the document page.
struct DocumentView {
    Release release;
    std::string title_html, subtitle_html;
    std::vector<std::string> paragraphs_html;
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
// At most this many suggestions are offered as the user types.
inline constexpr std::size_t kMaxSuggestions = 8;

class Searcher {
  public:
    // Opens the index; throws store::IndexError when it cannot.
    // Searchers of one pool share `facets` (one table of facet values per index revision).
    explicit Searcher(std::filesystem::path dir, std::shared_ptr<FacetTableCache> facets = nullptr);

    SearchResult search(const SearchRequest &request);
    std::optional<Release> document(const std::string &id);
    // `q` (a query as typed, filter words allowed) picks the words to highlight.
    std::optional<DocumentView> document_view(const std::string &id, const std::string &q);
    // Releases sharing the most distinctive words of release `id`; nothing for an unknown id.
    std::optional<SimilarResult> similar(const std::string &id, int count);
    // Completions of the last word of `q` (at least two characters): names from the synonym
    // groups, title words and frequent words.
    std::vector<Suggestion> suggest(const std::string &q);
    Health health();

  private:
    // Brings the handle up to date: a new generation (after --rebuild) is opened afresh, new
    // commits to the same one are picked up with reopen().
    void refresh();
    // Runs f, reopening and retrying once if the index changed underneath.
    template <typename F> auto with_retry(F &&f) -> decltype(f());

    // Reads the synonym groups when the open revision is not the one they were read from.
    void load_synonyms();
    std::optional<Xapian::docid> docid_of(const std::string &id);

    std::filesystem::path m_dir;
    Xapian::Database m_db;
    std::optional<store::StubIdentity> m_stub;
    std::shared_ptr<FacetTableCache> m_facets;
    SynonymGroups m_synonyms;
    std::string m_synonyms_revision; // store::revision_key of the index m_synonyms was read from
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
    std::shared_ptr<FacetTableCache> m_facets;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<Searcher>> m_idle;
};

} // namespace pressroom::searchd
