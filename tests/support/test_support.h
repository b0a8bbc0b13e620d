// Helpers shared by the tests: unique temporary folders, a captured logger, and indexing
// the seed articles into a real on-disk index.
#pragma once

#include <filesystem>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include <spdlog/logger.h>

#include "indexer.h"

namespace pressroom::test {

inline const std::filesystem::path kSourceDir = PRESS_SOURCE_DIR;

// A fresh folder under the system temp dir, removed with everything in it on destruction.
class TempDir {
  public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir &) = delete;
    TempDir &operator=(const TempDir &) = delete;
    const std::filesystem::path &path() const { return m_path; }
    std::filesystem::path operator/(const std::string &name) const { return m_path / name; }

  private:
    std::filesystem::path m_path;
};

// A logger whose output is kept in memory for assertions.
struct CapturedLog {
    CapturedLog();
    std::shared_ptr<std::ostringstream> stream;
    std::shared_ptr<spdlog::logger> logger;
    std::string text() const { return stream->str(); }
};

// Copies corpus/seeds into `dir` (so tests may change the files) and returns that folder.
std::filesystem::path copy_seeds(const std::filesystem::path &dir);

void write_file(const std::filesystem::path &path, const std::string &content);

// Runs the indexer on `sources` into `db`, logging into `log`, with the synonym groups of
// `synonyms` when given; a fresh index is written by `jobs` threads.
indexer::RunSummary index(const std::filesystem::path &db, const std::vector<std::filesystem::path> &sources,
                          CapturedLog &log, bool rebuild = false, const std::filesystem::path &synonyms = {},
                          unsigned jobs = 1);

// The synonym file `./run serve` indexes with.
inline const std::filesystem::path kSynonymFile = kSourceDir / "corpus" / "synonyms.txt";

// Writes a JSON Lines fixture of dated, categorised releases for the filter, facet and sort
// tests into `dir` and returns its path. See the function for what it holds.
std::filesystem::path write_press_fixture(const std::filesystem::path &dir);

} // namespace pressroom::test
