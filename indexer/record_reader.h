// JSON Lines press-release records (see corpus/README.md for the fields), plain or gzip.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

#include "release.h"
#include "result.h"

namespace pressroom::indexer {

// Parses one JSON Lines record into a Release. Pure. Unknown fields are ignored; `id` and
// a non-empty `body` are required; `date` must be ISO or null. Errors name the field.
Result<Release> parse_record(std::string_view line);

// The longest record the indexer reads, in bytes: a longer line is skipped without being held
// in memory, so one broken or hostile record cannot exhaust it.
inline constexpr std::size_t kMaxRecordBytes = 16 * 1024 * 1024;

// Reads lines from a plain or gzip-compressed file (decided by its magic bytes, not its
// name). Throws std::runtime_error when the file cannot be opened or is corrupt.
class LineReader {
  public:
    explicit LineReader(const std::filesystem::path &path, std::size_t max_line = kMaxRecordBytes);
    ~LineReader();
    LineReader(const LineReader &) = delete;
    LineReader &operator=(const LineReader &) = delete;

    // Next line without its newline; false at end of file. A line longer than `max_line` comes
    // back empty, with too_long() true and its length in skipped_bytes().
    bool next(std::string &line);
    bool too_long() const { return m_skipped > 0; }
    std::uint64_t skipped_bytes() const { return m_skipped; }
    // 1-based number of the line last returned.
    std::uint64_t line_number() const { return m_line; }
    // Bytes of the file consumed so far (compressed bytes for gzip), for progress.
    std::uint64_t bytes_read() const;

  private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    std::size_t m_max_line;
    std::uint64_t m_line = 0;
    std::uint64_t m_skipped = 0;
};

} // namespace pressroom::indexer
