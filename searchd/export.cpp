#include "export.h"

#include <nlohmann/json.hpp>

#include "markup.h"
#include "render.h"

namespace pressroom::searchd {

namespace {

std::uint64_t first_rank(const SearchResult &result) {
    const auto page = static_cast<std::uint64_t>(result.page < 1 ? 1 : result.page);
    const auto per_page = static_cast<std::uint64_t>(result.per_page < 1 ? 1 : result.per_page);
    return (page - 1) * per_page + 1;
}

// One CSV field. Spreadsheets (Excel, LibreOffice, Google Sheets) run a cell that starts with
// = + - @ as a formula, and some also after a leading tab or CR; a release title such as
// "=HYPERLINK(...)" would then run in the reader's spreadsheet (CSV injection, OWASP). Such a
// field gets a leading ' so it is shown as text. Then RFC 4180: a field with a comma, quote,
// CR or LF is quoted, its quotes doubled.
void append_field(std::string &out, std::string_view value) {
    std::string field;
    if (!value.empty() && std::string_view("=+-@\t\r").find(value.front()) != std::string_view::npos)
        field += '\'';
    field += value;
    if (field.find_first_of(",\"\r\n") == std::string::npos) {
        out += field;
        return;
    }
    out += '"';
    for (char c : field) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
}

nlohmann::json or_null(const std::string &s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); }

} // namespace

std::string render_csv(const SearchResult &result, std::string_view base_url) {
    std::string out = "rank,id,title,date,source,category,url,link,paragraph,snippet\r\n";
    std::uint64_t rank = first_rank(result);
    for (const auto &hit : result.hits) {
        const Release &r = hit.release;
        const std::string fields[] = {
            std::to_string(rank++),
            r.id,
            r.title,
            r.date ? r.date->iso() : std::string(),
            r.source,
            r.category,
            r.url,
            std::string(base_url) + doc_path(r.id, hit.paragraph),
            hit.paragraph > 0 ? std::to_string(hit.paragraph) : std::string(),
            plain_text(hit.snippet_html),
        };
        bool first = true;
        for (const auto &field : fields) {
            if (!first)
                out += ',';
            first = false;
            append_field(out, field);
        }
        out += "\r\n";
    }
    return out;
}

std::string render_export_json(const SearchResult &result, std::string_view base_url) {
    nlohmann::json results = nlohmann::json::array();
    std::uint64_t rank = first_rank(result);
    for (const auto &hit : result.hits) {
        const Release &r = hit.release;
        results.push_back({
            {"rank", rank++},
            {"id", r.id},
            {"title", r.title},
            {"date", r.date ? nlohmann::json(r.date->iso()) : nlohmann::json()},
            {"source", or_null(r.source)},
            {"category", or_null(r.category)},
            {"url", or_null(r.url)},
            {"link", std::string(base_url) + doc_path(r.id, hit.paragraph)},
            {"paragraph", hit.paragraph > 0 ? nlohmann::json(hit.paragraph) : nlohmann::json()},
            {"snippet", plain_text(hit.snippet_html)},
        });
    }
    const nlohmann::json body = {
        {"query", result.query},         {"sort", sort_name(result.sort)}, {"filters", filters_json(result.filters)},
        {"total", result.total},         {"exported", results.size()},     {"limit", kExportLimit},
        {"results", std::move(results)},
    };
    // Replace rather than throw on invalid UTF-8, as render.cpp does.
    return body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace pressroom::searchd
