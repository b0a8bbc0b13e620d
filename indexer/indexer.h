// One indexing run: reads sources, upserts their releases into the index in DIR, deletes the
// releases that vanished from them, and publishes the result atomically.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace spdlog {
class logger;
}

namespace pressroom::indexer {

struct IndexerOptions {
    std::filesystem::path db;
    bool rebuild = false;                       // build a new generation beside the live one, then switch
    std::vector<std::filesystem::path> sources; // files and folders
    std::filesystem::path synonyms;             // synonym file (core/synonyms.h); empty: none
    double progress_interval_s = 2.0;
    // Threads writing a fresh index (a first run or --rebuild); an update uses one.
    unsigned jobs = 1;
};

struct RunSummary {
    std::uint64_t added = 0;
    std::uint64_t replaced = 0;
    std::uint64_t unchanged = 0;
    std::uint64_t deleted = 0;
    std::uint64_t skipped = 0;
    std::map<std::string, std::uint64_t> skip_reasons; // short reason -> count
    std::uint64_t documents = 0;                       // in the index after the run
    std::uint64_t quotes = 0;                          // quotations written by this run
    std::uint64_t quotations = 0;                      // in the index after the run
    std::string generation;                            // the live generation after the run
    bool rebuilt = false;
    double seconds = 0;
};

// A failure that stops the run; the serving index is left as it was. The message names what
// went wrong and what to do.
class IndexerError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// Runs the indexer. Bad records are skipped with a warning on `log`; environmental failures
// throw IndexerError (or Xapian::Error), leaving the live index untouched.
RunSummary run_indexer(const IndexerOptions &options, spdlog::logger &log);

// The one-line summary printed at the end of a run.
std::string format_summary(const RunSummary &summary);

} // namespace pressroom::indexer
