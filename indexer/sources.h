// Which files of a source (a file or a folder) the indexer reads, and how.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace pressroom::indexer {

enum class InputKind {
    Page,      // a scraped plain-text page (.txt)
    JsonLines, // JSON Lines records (.jsonl, .jsonl.gz, .ndjson)
    Html,      // a saved HTML web page (.html, .htm)
};

struct InputFile {
    std::filesystem::path path;
    std::string relative; // path under the source root ('/'-separated): a page's stable id
    InputKind kind;
    std::uint64_t size = 0;
};

// The input kind a file name implies, if any.
bool input_kind_of(const std::filesystem::path &path, InputKind &kind);

// The files of one source in a stable (sorted) order. A file given directly is read
// whatever its name, as JSON Lines or HTML when its name says so and as a page otherwise; in a
// folder only files with a known extension are read and hidden files are skipped.
// Throws std::runtime_error when the source does not exist.
std::vector<InputFile> list_source(const std::filesystem::path &source);

// A stable identifier of a source, for the schema::prefix::kOrigin term.
std::string origin_term(const std::filesystem::path &source);

} // namespace pressroom::indexer
