// Tests for indexer/record_reader.h: parse_record (table-driven, one row per case with its
// reason; CAPTURE prints the failing row) and LineReader on real temporary files.
#include <catch2/catch.hpp>

#include <unistd.h>
#include <zlib.h>

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "record_reader.h"

using pressroom::Date;
using pressroom::ErrorCode;
using pressroom::indexer::LineReader;
using pressroom::indexer::parse_record;

namespace fs = std::filesystem;

namespace {

// A file path under the system temp directory, removed when it goes out of scope.
class TempFile {
  public:
    explicit TempFile(const std::string &suffix) {
        static std::atomic<int> counter{0};
        m_path = fs::temp_directory_path() /
                 ("pressroom-record-reader-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + suffix);
    }
    ~TempFile() {
        std::error_code ec;
        fs::remove(m_path, ec);
    }
    TempFile(const TempFile &) = delete;
    TempFile &operator=(const TempFile &) = delete;

    const fs::path &path() const { return m_path; }

    void write_plain(const std::string &content) const {
        std::ofstream out(m_path, std::ios::binary);
        out << content;
        REQUIRE(out.good());
    }

    void write_gzip(const std::string &content) const {
        gzFile gz = gzopen(m_path.c_str(), "wb");
        REQUIRE(gz != nullptr);
        REQUIRE(gzwrite(gz, content.data(), static_cast<unsigned>(content.size())) == static_cast<int>(content.size()));
        REQUIRE(gzclose(gz) == Z_OK);
    }

  private:
    fs::path m_path;
};

std::vector<std::string> read_all(const fs::path &path) {
    LineReader reader(path);
    std::vector<std::string> lines;
    std::string line;
    while (reader.next(line))
        lines.push_back(line);
    return lines;
}

// Lines of varied text, so gzip cannot shrink them to almost nothing.
std::string many_lines(int count) {
    std::string out;
    unsigned state = 12345;
    for (int i = 0; i < count; ++i) {
        out += "{\"id\":\"" + std::to_string(i) + "\",\"body\":\"";
        for (int k = 0; k < 60; ++k) {
            state = state * 1103515245u + 12345u;
            out += static_cast<char>('a' + (state >> 16) % 26);
        }
        out += "\"}\n";
    }
    return out;
}

} // namespace

TEST_CASE("parse_record reads a record with every field", "[record_reader]") {
    const std::string line =
        R"({"id":" doj-17-123 ","title":"  Mayor   Park\u00a0Won-soon  speaks ","category":"Tax Division; USAO - Florida",)"
        R"("source":"Office of  Public Affairs","url":" https://example.org/pr/1 ","lang":" KO ",)"
        R"("date":" 2014-03-05 ","body":"First line\nsame paragraph.\n\nSecond paragraph.\r\n\r\n\r\nThird e\u0301."})";
    auto parsed = parse_record(line);
    INFO((parsed ? "" : parsed.error().message));
    REQUIRE(parsed.ok());
    const auto &r = *parsed;
    CHECK(r.id == "doj-17-123");                         // trimmed
    CHECK(r.title == "Mayor Park Won-soon speaks");      // NBSP normalised, whitespace collapsed
    CHECK(r.category == "Tax Division; USAO - Florida"); // kept as stated
    CHECK(r.source == "Office of Public Affairs");       // whitespace collapsed
    CHECK(r.url == "https://example.org/pr/1");          // trimmed
    CHECK(r.lang == "ko");                               // trimmed and lower-cased
    REQUIRE(r.date.has_value());
    CHECK(*r.date == Date{2014, 3, 5, -1, -1}); // trimmed before parsing
    CHECK(r.paragraphs == std::vector<std::string>{"First line same paragraph.", "Second paragraph.", "Third \u00E9."});
    CHECK_FALSE(r.updated.has_value());
}

TEST_CASE("parse_record ignores unknown fields and accepts nulls", "[record_reader]") {
    struct Row {
        std::string line;
        std::string title;
        std::string url;
        std::string lang;
        bool dated;
    };
    const Row rows[] = {
        // unknown scalar and array fields, as in the bundled corpus
        {R"({"id":"a","body":"x","pr_number":"17-123","topics":["Tax","Fraud"],"title":"T"})", "T", "", "en", false},
        // unknown nested objects, at any depth
        {R"({"meta":{"nested":{"deep":[1,{"x":null}]}},"id":"a","body":"x"})", "", "", "en", false},
        // every optional field null
        {R"({"id":"a","body":"x","title":null,"category":null,"source":null,"url":null,"lang":null,"date":null})", "",
         "", "en", false},
        // optional fields missing: lang defaults to en
        {R"({"id":"a","body":"x"})", "", "", "en", false},
        // empty strings behave like null
        {R"({"id":"a","body":"x","url":"","lang":"","date":""})", "", "", "en", false},
        // a blank lang is no language either
        {R"({"id":"a","body":"x","lang":"  "})", "", "", "en", false},
        // a year-only date is enough
        {R"({"id":"a","body":"x","date":"2014"})", "", "", "en", true},
        // a date with a time
        {R"({"id":"a","body":"x","date":"2014-03-05T10:30:00Z"})", "", "", "en", true},
        // a stated language kept
        {R"({"id":"a","body":"x","lang":"fr"})", "", "", "fr", false},
        // leading whitespace around the JSON is fine
        {"  {\"id\":\"a\",\"body\":\"x\"}  ", "", "", "en", false},
    };
    for (const auto &row : rows) {
        CAPTURE(row.line);
        auto parsed = parse_record(row.line);
        INFO((parsed ? "" : parsed.error().message));
        REQUIRE(parsed.ok());
        CHECK(parsed->id == "a");
        CHECK(parsed->title == row.title);
        CHECK(parsed->url == row.url);
        CHECK(parsed->lang == row.lang);
        CHECK(parsed->date.has_value() == row.dated);
        CHECK(parsed->paragraphs == std::vector<std::string>{"x"});
    }
}

TEST_CASE("parse_record splits the body into paragraphs at blank lines", "[record_reader]") {
    struct Row {
        std::string body; // JSON string content, escapes included
        std::vector<std::string> paragraphs;
    };
    const Row rows[] = {
        {"One.", {"One."}},                                              // a single paragraph
        {"One.\\n\\nTwo.", {"One.", "Two."}},                            // blank line
        {"One\\ncontinued.\\n\\nTwo.", {"One continued.", "Two."}},      // inner newline joined
        {"One.\\r\\n\\r\\nTwo.", {"One.", "Two."}},                      // CRLF
        {"\\n\\n  One.  \\n \\t \\n\\n\\nTwo.\\n\\n", {"One.", "Two."}}, // whitespace lines and padding
        {"a\\u00a0b\\u200bc", {"a bc"}},                                 // body is normalised too
    };
    for (const auto &row : rows) {
        CAPTURE(row.body);
        auto parsed = parse_record(R"({"id":"a","body":")" + row.body + "\"}");
        INFO((parsed ? "" : parsed.error().message));
        REQUIRE(parsed.ok());
        CHECK(parsed->paragraphs == row.paragraphs);
    }
}

TEST_CASE("parse_record rejects bad records with a message naming the problem", "[record_reader]") {
    struct Row {
        std::string line;
        std::string message;
    };
    const Row rows[] = {
        // not UTF-8: checked before JSON parsing
        {"{\"id\":\"a\",\"body\":\"caf\xE9\"}", "invalid UTF-8; re-encode the file as UTF-8"},
        // broken JSON
        {R"({"id":"a","body":"x")", "invalid JSON; each line must be one JSON object"},
        // trailing garbage after the object
        {R"({"id":"a","body":"x"} extra)", "invalid JSON; each line must be one JSON object"},
        // an empty line
        {"", "invalid JSON; each line must be one JSON object"},
        // an array instead of an object
        {R"([{"id":"a","body":"x"}])", "expected a JSON object, got array"},
        // a bare string
        {R"("text")", "expected a JSON object, got string"},
        // JSON null
        {"null", "expected a JSON object, got null"},
        // no id at all
        {R"({"body":"x"})", "missing `id`; every record needs a unique id"},
        // null id
        {R"({"id":null,"body":"x"})", "missing `id`; every record needs a unique id"},
        // blank id
        {R"({"id":"  ","body":"x"})", "missing `id`; every record needs a unique id"},
        // numeric id
        {R"({"id":17,"body":"x"})", "field `id` must be a string or null, got number"},
        // numeric title
        {R"({"id":"a","title":42,"body":"x"})", "field `title` must be a string or null, got number"},
        // title as an array
        {R"({"id":"a","title":["t"],"body":"x"})", "field `title` must be a string or null, got array"},
        // boolean category
        {R"({"id":"a","category":true,"body":"x"})", "field `category` must be a string or null, got boolean"},
        // body as an object
        {R"({"id":"a","body":{"text":"x"}})", "field `body` must be a string or null, got object"},
        // no body
        {R"({"id":"a"})", "empty `body`; a record needs text to index"},
        // empty body
        {R"({"id":"a","body":""})", "empty `body`; a record needs text to index"},
        // whitespace-only body
        {R"({"id":"a","body":"  \n\n \t "})", "empty `body`; a record needs text to index"},
        // invisible-only body: normalised to nothing
        {R"({"id":"a","body":"\u200b\u00ad"})", "empty `body`; a record needs text to index"},
        // impossible date
        {R"({"id":"a","body":"x","date":"2014-13-01"})",
         "field `date`: date `2014-13-01` is not an ISO date: write YYYY, YYYY-MM or YYYY-MM-DD (optionally Thh:mm)"},
        // US-style date
        {R"({"id":"a","body":"x","date":"03/05/2014"})",
         "field `date`: date `03/05/2014` is not an ISO date: write YYYY, YYYY-MM or YYYY-MM-DD (optionally Thh:mm)"},
        // numeric date
        {R"({"id":"a","body":"x","date":2014})", "field `date` must be a string or null, got number"},
    };
    for (const auto &row : rows) {
        CAPTURE(row.line);
        auto parsed = parse_record(row.line);
        REQUIRE_FALSE(parsed.ok());
        CHECK(parsed.error().code == ErrorCode::InvalidInput);
        CHECK(parsed.error().message == row.message);
    }
}

TEST_CASE("LineReader reads plain and gzip files alike", "[record_reader]") {
    struct Row {
        std::string content;
        std::vector<std::string> lines;
    };
    const Row rows[] = {
        {"one\ntwo\nthree\n", {"one", "two", "three"}}, // LF with a final newline
        {"one\r\ntwo\r\n", {"one", "two"}},             // CRLF
        {"one\ntwo", {"one", "two"}},                   // last line without newline
        {"one\n\nthree\n", {"one", "", "three"}},       // empty line in the middle is returned
        {"\n", {""}},                                   // a single empty line
        {"", {}},                                       // empty file: no line
        {"caf\xC3\xA9 \xEC\x84\x9C\xEC\x9A\xB8\n",
         {"caf\xC3\xA9 \xEC\x84\x9C\xEC\x9A\xB8"}}, // UTF-8 bytes pass through
    };
    for (const auto &row : rows) {
        CAPTURE(row.content);
        TempFile plain(".jsonl");
        plain.write_plain(row.content);
        CHECK(read_all(plain.path()) == row.lines);

        TempFile gz(".jsonl.gz");
        gz.write_gzip(row.content);
        CHECK(read_all(gz.path()) == row.lines);
    }
}

TEST_CASE("LineReader skips a line longer than its limit without keeping it", "[record_reader]") {
    std::string content = "short\n" + std::string(300 * 1024, 'x') + "\nafter\n" + std::string(200 * 1024, 'y');
    for (bool gzip : {false, true}) {
        CAPTURE(gzip);
        TempFile file(gzip ? ".jsonl.gz" : ".jsonl");
        gzip ? file.write_gzip(content) : file.write_plain(content);
        LineReader reader(file.path(), 100 * 1024);
        std::string line;
        REQUIRE(reader.next(line));
        CHECK(line == "short");
        CHECK_FALSE(reader.too_long());
        REQUIRE(reader.next(line));
        CHECK(line.empty());
        CHECK(reader.too_long());
        CHECK(reader.skipped_bytes() == 300 * 1024 + 1);
        CHECK(reader.line_number() == 2);
        REQUIRE(reader.next(line));
        CHECK(line == "after");
        CHECK_FALSE(reader.too_long());
        // The last line, too long and without a newline, is still reported.
        REQUIRE(reader.next(line));
        CHECK(reader.too_long());
        CHECK(reader.skipped_bytes() == 200 * 1024);
        CHECK_FALSE(reader.next(line));
    }
}

TEST_CASE("LineReader detects gzip by content not by name", "[record_reader]") {
    TempFile gz_named_plain(".jsonl");
    gz_named_plain.write_gzip("zipped\nlines\n");
    CHECK(read_all(gz_named_plain.path()) == std::vector<std::string>{"zipped", "lines"});

    TempFile plain_named_gz(".gz");
    plain_named_gz.write_plain("plain\nlines\n");
    CHECK(read_all(plain_named_gz.path()) == std::vector<std::string>{"plain", "lines"});
}

TEST_CASE("LineReader returns lines longer than its buffer whole", "[record_reader]") {
    const std::string long_line(200 * 1024, 'x');
    TempFile gz(".jsonl.gz");
    gz.write_gzip("short\n" + long_line + "\nend");
    CHECK(read_all(gz.path()) == std::vector<std::string>{"short", long_line, "end"});
}

TEST_CASE("LineReader counts lines and bytes", "[record_reader]") {
    const std::string content = "a\nbb\nccc\n";
    TempFile plain(".jsonl");
    plain.write_plain(content);
    LineReader reader(plain.path());
    std::string line;
    CHECK(reader.line_number() == 0);
    REQUIRE(reader.next(line));
    CHECK(reader.line_number() == 1);
    REQUIRE(reader.next(line));
    REQUIRE(reader.next(line));
    CHECK(line == "ccc");
    CHECK(reader.line_number() == 3);
    CHECK_FALSE(reader.next(line));
    CHECK(reader.line_number() == 3);
    CHECK(reader.bytes_read() == content.size());
}

TEST_CASE("LineReader reports a truncated gzip file", "[record_reader]") {
    const std::string content = many_lines(2000);
    TempFile whole(".jsonl.gz");
    whole.write_gzip(content);
    const auto size = fs::file_size(whole.path());
    REQUIRE(size > 1000);

    struct Row {
        std::uintmax_t keep; // bytes of the gzip file kept
    };
    const Row rows[] = {
        {size / 2}, // cut in the middle of the deflate stream
        {size - 4}, // only the length in the trailer missing
        {size - 8}, // the whole trailer (CRC and length) missing
        {20},       // little more than the header
    };
    for (const auto &row : rows) {
        CAPTURE(row.keep);
        TempFile cut(".jsonl.gz");
        fs::copy_file(whole.path(), cut.path());
        fs::resize_file(cut.path(), row.keep);
        LineReader reader(cut.path());
        std::string line;
        std::vector<std::string> lines;
        try {
            while (reader.next(line))
                lines.push_back(line);
            FAIL("no error after " << lines.size() << " lines");
        } catch (const std::runtime_error &e) {
            const std::string message = e.what();
            CAPTURE(message);
            CHECK((message.find("truncated") != std::string::npos || message.find("corrupt") != std::string::npos));
            CHECK(message.find(cut.path().string()) != std::string::npos);
        }
        // Every line returned before the error is a complete line of the original.
        for (const auto &l : lines)
            CHECK(content.find(l + "\n") != std::string::npos);
    }
}

TEST_CASE("LineReader reports a corrupt gzip file", "[record_reader]") {
    const std::string content = many_lines(500);
    TempFile gz(".jsonl.gz");
    gz.write_gzip(content);
    {
        // Overwrite a stretch of the deflate stream after the 10-byte header.
        std::fstream f(gz.path(), std::ios::in | std::ios::out | std::ios::binary);
        f.seekp(40);
        f << std::string(64, '\xAA');
        REQUIRE(f.good());
    }
    CHECK_THROWS_AS(read_all(gz.path()), std::runtime_error);
    CHECK_THROWS_WITH(read_all(gz.path()), Catch::Contains("corrupt") || Catch::Contains("truncated"));
}

TEST_CASE("LineReader throws when the file cannot be opened", "[record_reader]") {
    const fs::path missing = fs::temp_directory_path() / "pressroom-no-such-dir" / "missing.jsonl";
    CHECK_THROWS_WITH(LineReader(missing), Catch::Contains("cannot open") && Catch::Contains("missing.jsonl"));
}
