// The downloadable exports of a search (GET /api/export): CSV (RFC 4180) and JSON, one row per
// hit in the order given. Pure; the server runs the search with up to kExportLimit results.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "searcher.h"

namespace pressroom::searchd {

// The most results one export holds (the API's documented limit).
inline constexpr std::size_t kExportLimit = 1000;

// Header rank,id,title,date,source,category,url,link,paragraph,snippet; CRLF line ends; UTF-8
// without a byte order mark. rank counts from (page - 1) * per_page + 1; link is base_url +
// doc_path(id, paragraph); snippet is plain text; an absent value is an empty field.
std::string render_csv(const SearchResult &result, std::string_view base_url);

// {"query", "sort", "filters", "total", "exported", "limit", "results": [{"rank", "id", "title",
// "date", "source", "category", "url", "link", "paragraph", "snippet"}]}; absent values are null.
std::string render_export_json(const SearchResult &result, std::string_view base_url);

} // namespace pressroom::searchd
