// record_reader: the input as a JSON Lines file read by LineReader, three ways: the bytes as
// they are (gzip when they start with its magic bytes, so corrupt and truncated streams are
// tried too), and the bytes gzip-compressed. Every line goes through parse_record. A corrupt
// file may only throw std::runtime_error, as LineReader documents.
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_checks.h"
#include "fuzz_temp.h"
#include "record_reader.h"

using pressroom::indexer::LineReader;
using pressroom::indexer::parse_record;

namespace {

void write_file(const std::filesystem::path &path, std::string_view bytes, bool gzip) {
    if (gzip) {
        gzFile gz = gzopen(path.c_str(), "wb");
        FUZZ_CHECK(gz != nullptr);
        FUZZ_CHECK(bytes.empty() ||
                   gzwrite(gz, bytes.data(), static_cast<unsigned>(bytes.size())) == static_cast<int>(bytes.size()));
        FUZZ_CHECK(gzclose(gz) == Z_OK);
        return;
    }
    std::FILE *f = std::fopen(path.c_str(), "wb");
    FUZZ_CHECK(f != nullptr);
    FUZZ_CHECK(std::fwrite(bytes.data(), 1, bytes.size(), f) == bytes.size());
    FUZZ_CHECK(std::fclose(f) == 0);
}

// Reads every line of the file; false when LineReader reported the file corrupt.
bool read_lines(const std::filesystem::path &path, std::vector<std::string> &lines) {
    try {
        LineReader reader(path);
        std::string line;
        while (reader.next(line)) {
            FUZZ_CHECK(reader.line_number() == lines.size() + 1);
            lines.push_back(line);
        }
        return true;
    } catch (const std::runtime_error &) {
        return false;
    }
}

void parse_lines(const std::vector<std::string> &lines) {
    for (const std::string &line : lines) {
        auto record = parse_record(line);
        if (!record) {
            FUZZ_CHECK(record.error().code == pressroom::ErrorCode::InvalidInput);
            continue;
        }
        FUZZ_CHECK(!record->id.empty());
        pressroom::fuzz::check_release(*record);
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    static const pressroom::fuzz::ScratchPath file("records.jsonl");
    std::string_view bytes(reinterpret_cast<const char *>(data), size);

    std::vector<std::string> raw;
    write_file(file.path(), bytes, false);
    if (read_lines(file.path(), raw))
        parse_lines(raw);

    // Compressed, the same bytes must read back as the same lines.
    std::vector<std::string> unzipped;
    write_file(file.path(), bytes, true);
    FUZZ_CHECK(read_lines(file.path(), unzipped));
    bool gzip_magic = size >= 2 && data[0] == 0x1f && data[1] == 0x8b;
    if (!gzip_magic)
        FUZZ_CHECK(unzipped == raw);
    parse_lines(unzipped);
    return 0;
}
