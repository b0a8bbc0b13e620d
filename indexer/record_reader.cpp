#include "record_reader.h"

#include <zlib.h>

#include <cstring>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "text.h"

namespace pressroom::indexer {

namespace {

Error bad(const std::string &message) { return Error{ErrorCode::InvalidInput, message}; }

// A string field, or empty for null/missing; an error for any other type.
Result<std::string> string_field(const nlohmann::json &j, const char *key) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null())
        return std::string();
    if (!it->is_string())
        return bad(std::string("field `") + key + "` must be a string or null, got " + it->type_name());
    return it->get<std::string>();
}

} // namespace

Result<Release> parse_record(std::string_view line) {
    if (!text::is_valid_utf8(line))
        return bad("invalid UTF-8; re-encode the file as UTF-8");
    nlohmann::json j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (j.is_discarded())
        return bad("invalid JSON; each line must be one JSON object");
    if (!j.is_object())
        return bad(std::string("expected a JSON object, got ") + j.type_name());

    Release r;
    const char *keys[] = {"id", "title", "category", "source", "url", "lang", "body", "date"};
    std::string values[8];
    for (int i = 0; i < 8; ++i) {
        auto v = string_field(j, keys[i]);
        if (!v)
            return v.error();
        values[i] = text::normalize(*v);
    }
    r.id = std::string(text::trim(values[0]));
    if (r.id.empty())
        return bad("missing `id`; every record needs a unique id");
    r.title = text::collapse_whitespace(values[1]);
    r.category = text::collapse_whitespace(values[2]);
    r.source = text::collapse_whitespace(values[3]);
    r.url = std::string(text::trim(values[4]));
    std::string_view lang = text::trim(values[5]);
    r.paragraphs = text::split_paragraphs(values[6]);
    // The record's own language, else the one its script shows.
    r.lang = lang.empty() ? text::detect_language(r.title + "\n" + values[6]) : text::fold_case(lang);
    if (r.paragraphs.empty())
        return bad("empty `body`; a record needs text to index");
    if (!values[7].empty()) {
        auto date = parse_iso_date(text::trim(values[7]));
        if (!date)
            return bad("field `date`: " + date.error().message);
        r.date = *date;
    }
    return r;
}

struct LineReader::Impl {
    gzFile file = nullptr;
    std::filesystem::path path;
};

LineReader::LineReader(const std::filesystem::path &path, std::size_t max_line)
    : m_impl(std::make_unique<Impl>()), m_max_line(max_line) {
    m_impl->path = path;
    // gzopen reads uncompressed files transparently, so one reader serves both.
    m_impl->file = gzopen(path.c_str(), "rb");
    if (!m_impl->file)
        throw std::runtime_error("cannot open `" + path.string() + "`: " + std::strerror(errno));
    gzbuffer(m_impl->file, 256 * 1024);
}

LineReader::~LineReader() {
    if (m_impl->file)
        gzclose(m_impl->file);
}

bool LineReader::next(std::string &line) {
    line.clear();
    m_skipped = 0;
    char buf[64 * 1024];
    while (true) {
        if (!gzgets(m_impl->file, buf, sizeof buf)) {
            int err = 0;
            const char *msg = gzerror(m_impl->file, &err);
            if (err != Z_OK && err != Z_BUF_ERROR)
                throw std::runtime_error("`" + m_impl->path.string() + "` is corrupt after line " +
                                         std::to_string(m_line) + " (" + msg + ")");
            if (err == Z_BUF_ERROR)
                throw std::runtime_error("`" + m_impl->path.string() + "` is truncated after line " +
                                         std::to_string(m_line) + "; the rest of the file was not read");
            if (line.empty() && m_skipped == 0)
                return false;
            break;
        }
        std::size_t n = std::strlen(buf);
        bool ends = n > 0 && buf[n - 1] == '\n';
        if (m_skipped > 0 || line.size() + n > m_max_line) {
            // Too long: count the rest of the line, keep none of it.
            m_skipped += line.size() + n;
            line.clear();
        } else {
            line.append(buf, n);
        }
        if (ends)
            break;
    }
    if (!line.empty() && line.back() == '\n')
        line.pop_back();
    if (!line.empty() && line.back() == '\r')
        line.pop_back();
    ++m_line;
    return true;
}

std::uint64_t LineReader::bytes_read() const {
    z_off_t off = gzoffset(m_impl->file);
    return off < 0 ? 0 : static_cast<std::uint64_t>(off);
}

} // namespace pressroom::indexer
