// Reads the releases of one input file (a scraped page, a saved HTML page or a JSON Lines file), reporting each
// release, each skipped record and each warning through callbacks. Used by the indexer and
// by anything else that needs the corpus as Releases (the relevance evaluation).
#pragma once

#include <cstdint>
#include <functional>
#include <string>

#include "release.h"
#include "sources.h"

namespace pressroom::indexer {

struct ReadEvents {
    // A usable release; `where` is "file" or "file:line". Its id is set. The callee may move from it.
    std::function<void(Release &release, const std::string &where)> release;
    // A record or page that cannot be indexed, with the reason.
    std::function<void(const std::string &where, const std::string &reason)> skip;
    // Indexed, but something the user should know (e.g. an unknown page layout).
    std::function<void(const std::string &where, const std::string &warning)> warning;
    // Bytes of this file consumed so far (compressed bytes for gzip). May be empty.
    std::function<void(std::uint64_t bytes)> progress;
};

// Returns false when the file could not be read to its end (missing, unreadable, truncated):
// the caller must then not treat releases absent from it as deleted.
bool read_releases(const InputFile &file, const ReadEvents &events);

} // namespace pressroom::indexer
