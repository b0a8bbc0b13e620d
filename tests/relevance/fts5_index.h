// The comparison baseline: SQLite FTS5 (porter stemming, bm25 with the title weighted) over
// the same releases, queried the way a simple site search would pass words to it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "release.h"

struct sqlite3;

namespace pressroom::relevance {

// A user query in FTS5 syntax: every word quoted (so punctuation cannot break the syntax),
// "phrases" kept as phrases, upper-case OR/NOT/AND kept as operators; all words required.
std::string to_fts5_query(std::string_view q);

class Fts5Index {
  public:
    Fts5Index(); // in memory
    ~Fts5Index();
    Fts5Index(const Fts5Index &) = delete;
    Fts5Index &operator=(const Fts5Index &) = delete;

    void add(const Release &release);
    // Ids of the best k matches, best first.
    std::vector<std::string> search(std::string_view q, int k);

  private:
    sqlite3 *m_db = nullptr;
};

} // namespace pressroom::relevance
