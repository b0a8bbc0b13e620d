// Runs searches against the index in one directory. A Searcher holds its own Xapian handle
// and is used by one thread at a time (Xapian objects must not be shared between threads);
// SearcherPool lends Searchers to request threads.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "index_store.h"
#include "quotes.h"
#include "release.h"
#include "search_gate.h"
#include "search_request.h"
#include "stored_data.h"
#include "synonyms.h"
#include "verify.h"

namespace pressroom::searchd {

// What the searchers of one pool share: tables read once per index revision (searcher.cpp).
struct SharedTables;

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
    bool partial = false;         // matching hit the time limit: hits and count may be incomplete
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

// A quotation found, with the query's words highlighted.
struct QuoteHit {
    quotes::QuoteRecord record;
    std::string text_html;
    double score = 0;
};

struct QuoteResult {
    std::string query;
    std::uint64_t total = 0;
    bool total_exact = true;
    int page = 1;
    int per_page = 10;
    Sort sort = Sort::Relevance;
    Filters filters;
    std::string speaker;  // the name the speaker filter found, as the quotations spell it
    bool partial = false; // matching hit the time limit
    std::string notice;
    std::string reading;
    std::vector<QuoteHit> hits;
};

struct SpeakerSummary {
    std::string name; // the spelling most quotations use
    Xapian::doccount quotes = 0;
    std::string first, last; // YYYY-MM-DD of the earliest and latest dated quotation; empty: none
    std::vector<std::string> roles;
};

struct YearCount {
    int year = 0;
    Xapian::doccount count = 0;
};

struct Timeline {
    std::string speaker, query;
    std::uint64_t total = 0;
    std::vector<YearCount> years; // oldest first
    Xapian::doccount undated = 0;
    std::vector<QuoteHit> hits; // oldest first, at most kTimelineQuotes
};

struct VerifyResult {
    std::string verdict; // "verbatim", "close" or "none"
    std::string message;
    double similarity = 0;
    std::optional<QuoteHit> match;
    WordDiff diff;
};

struct Health {
    std::uint64_t documents = 0;
    std::uint64_t revision = 0;
    std::string generation;
    std::int64_t last_run = 0; // when the indexer last committed, seconds since 1970; 0: unknown
};

// Counts are exact up to this many matches, estimated beyond.
inline constexpr Xapian::doccount kExactCountUpTo = 1000;
// How many of the best candidates are ranked again with the costly proximity evidence.
inline constexpr Xapian::doccount kRerankDepth = 100;
// At most this many suggestions are offered as the user types.
inline constexpr std::size_t kMaxSuggestions = 8;
// A speaker's timeline lists at most this many quotations.
inline constexpr Xapian::doccount kTimelineQuotes = 500;
// A printed quote is "close" to a verbatim one when at least this share of its words are
// found in it, in order.
inline constexpr double kCloseQuote = 0.6;
// How long one search may spend matching, in seconds, unless searchd is told otherwise
// (--time-limit). Past it Xapian returns the best matches found so far.
inline constexpr double kDefaultTimeLimit = 2.0;
// Longest quote /api/verify accepts, in bytes.
inline constexpr std::size_t kMaxVerifyBytes = 5000;

class Searcher {
  public:
    // Opens the index; throws store::IndexError when it cannot.
    // Searchers of one pool share `tables` (facet values and the spelling vocabulary, one of
    // each per index revision); null: tables of its own.
    // `time_limit`: seconds one search may spend matching; 0 for no limit.
    explicit Searcher(std::filesystem::path dir, std::shared_ptr<SharedTables> tables = nullptr,
                      double time_limit = kDefaultTimeLimit);

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
    // The revision of the index now being served (both databases), brought up to date first:
    // equal strings, equal answers (response_cache.h).
    std::string revision();

    // Quotations matching the request's words and filters (speaker, dates); category, source
    // and language filters do not apply to quotations.
    QuoteResult quotes(const SearchRequest &request);
    // Everyone quoted, most quoted first; `q` keeps the names containing its words.
    std::vector<SpeakerSummary> speakers(const std::string &q);
    // What one speaker (any spelling) said, optionally about `q`, in date order; none for a
    // name nobody quoted has.
    std::optional<Timeline> timeline(const std::string &name, const std::string &q);
    // The verbatim quotation closest to `printed`, and how the two differ.
    VerifyResult verify(const std::string &printed);

  private:
    // Brings the handle up to date: a new generation (after --rebuild) is opened afresh, new
    // commits to the same one are picked up with reopen().
    void refresh();
    void open_live();
    // Runs f, reopening and retrying once if the index changed underneath.
    template <typename F> auto with_retry(F &&f) -> decltype(f());

    // Reads the synonym groups when the open revision is not the one they were read from.
    void load_synonyms();
    std::optional<Xapian::docid> docid_of(const std::string &id);
    // The quotations of `names` (any spelling) as a query on the quotations database; the
    // spelling found for the first is stored in `found`.
    Xapian::Query speaker_query(const std::vector<std::string> &names, std::string *found = nullptr);
    // Releases that quote one of `names`, as a filter on the releases database.
    Xapian::Query releases_quoting(const std::vector<std::string> &names);
    QuoteHit quote_hit(const Xapian::MSet &mset, const Xapian::Document &doc);

    // Everyone quoted, most quoted first, with their spellings folded for name filters; read
    // from the quotations' value streams once per revision of the index.
    struct SpeakerEntry {
        SpeakerSummary summary;
        std::vector<std::string> folded_spellings;
    };
    const std::vector<SpeakerEntry> &speaker_table();

    // `query` stopped once the time limit has passed since `started` (see Deadline).
    Xapian::Query within_time(const Xapian::Query &query, std::chrono::steady_clock::time_point started) const;
    // Whether a search begun at `started` ran into the time limit.
    bool out_of_time(std::chrono::steady_clock::time_point started) const;

    std::filesystem::path m_dir;
    double m_time_limit = kDefaultTimeLimit;
    Xapian::Database m_db;
    Xapian::Database m_quotes;
    std::string m_generation;
    stored::Codec m_codec; // the generation's: reads both databases' document data
    std::optional<store::StubIdentity> m_stub;
    std::shared_ptr<SharedTables> m_tables;
    SynonymGroups m_synonyms;
    quotes::SpeakerKeys m_speaker_keys; // made from m_synonyms
    std::vector<SpeakerEntry> m_speaker_table;
    std::string m_speaker_table_revision; // the quotations' and synonyms' revisions it was read from
    std::string m_synonyms_revision;      // store::revision_key of the index m_synonyms was read from
};

class SearcherPool {
  public:
    // Opens one Searcher up front so a missing or broken index fails at start-up. At most
    // `active` calls of with() run at once (0: twice the cores); the others wait in line.
    explicit SearcherPool(std::filesystem::path dir, double time_limit = kDefaultTimeLimit, std::size_t active = 0);

    // Lends a Searcher to f for the duration of the call, once it is this caller's turn.
    template <typename F> auto with(F &&f) -> decltype(f(std::declval<Searcher &>())) {
        GatePass pass(m_gate);
        std::unique_ptr<Searcher> searcher = take();
        struct Return {
            SearcherPool &pool;
            std::unique_ptr<Searcher> &s;
            ~Return() { pool.give_back(std::move(s)); }
        } guard{*this, searcher};
        return f(*searcher);
    }

    const SearchGate &gate() const { return m_gate; }

  private:
    std::unique_ptr<Searcher> take();
    void give_back(std::unique_ptr<Searcher> searcher);

    std::filesystem::path m_dir;
    std::shared_ptr<SharedTables> m_tables;
    double m_time_limit;
    SearchGate m_gate;
    std::mutex m_mutex;
    std::vector<std::unique_ptr<Searcher>> m_idle;
};

} // namespace pressroom::searchd
