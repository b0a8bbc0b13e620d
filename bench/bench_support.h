// What the benchmark programs share: the query set, URL parameters, timing and percentiles,
// the JSON file each program writes for bench/run to read, and the runs in process (the floor
// and searchd's Searcher).
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "search_request.h"
#include "searcher.h"
#include "stored_data.h"

namespace pressroom::bench {

using Clock = std::chrono::steady_clock;

// One line of bench/queries.tsv: the words as typed and searchd's extra URL parameters
// (URL-encoded, possibly empty).
struct BenchQuery {
    std::string q;
    std::string params;
};

// Reads a query file; '#' lines and blank lines are skipped. Throws when it cannot be read.
std::vector<BenchQuery> read_queries(const std::filesystem::path &path);

// Percent-decodes a URL component ('+' is a space).
std::string url_decode(std::string_view s);

// The parameters searchd would receive for `query`: q, the extra parameters and `more`
// (another URL-encoded list, applied last), as parse_search_request takes them.
searchd::Params params_of(const BenchQuery &query, std::string_view more = {});

// Milliseconds since `start`.
inline double ms_since(Clock::time_point start) {
    return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

// p50, p90, p99, mean and max of times in milliseconds, and how many.
struct Stats {
    double p50 = 0, p90 = 0, p99 = 0, mean = 0, max = 0;
    std::size_t n = 0;
};
Stats stats_of(std::vector<double> ms);
nlohmann::json to_json(const Stats &stats);

// Prints one row of a latency table: name, n, p50, p90, p99, max.
void print_row(const std::string &name, const Stats &stats);
void print_header();

// Writes `j` to `path`, pretty-printed; nothing when path is empty.
void write_json(const std::filesystem::path &path, const nlohmann::json &j);

// The floor for searchd's figures: plain Xapian in this process, no HTTP. QueryParser (AND,
// stemming, phrases, title:), Enquire top 10, each stored release parsed, MSet::snippet with
// flags 0 on the first 1 KB of its body (searchd's window). A query's extra parameters are
// ignored: plain Xapian has no filters here.
class PlainXapian {
  public:
    explicit PlainXapian(Xapian::Database db);
    // Returns the bytes of output made, so the work cannot be optimised away.
    std::size_t run(const std::string &q);

  private:
    Xapian::Database m_db;
    stored::Codec m_codec;
    Xapian::Stem m_stemmer;
    Xapian::QueryParser m_parser;
};

// A run timed in this process over the query set (the floor, the Searcher).
struct Timed {
    std::string key;   // its name in the JSON (and inprocess_bench's --only)
    std::string label; // its row in the printed table
    std::function<std::size_t(const BenchQuery &)> run;
    std::vector<double> times = {};                 // every measured run
    std::vector<std::vector<double>> by_query = {}; // per query: its measured runs

    // Runs every query once, in order, keeping the times when `measured` (a warm-up pass is
    // not). Returns the bytes of output made, so the work cannot be optimised away.
    std::size_t pass(const std::vector<BenchQuery> &queries, bool measured);
};

// searchd's own work for `query` without HTTP: the request parsed with per_page=10 and facets
// on or off, Searcher::search, and the JSON searchd would send. Returns the JSON's bytes.
std::size_t run_searcher(searchd::Searcher &searcher, const BenchQuery &query, bool facets);

} // namespace pressroom::bench
