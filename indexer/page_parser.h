// Scraped plain-text pages, as saved from press-office web sites: finds the layout, extracts
// title, subtitle, category, publisher, dates, paragraphs and byline, and drops the site's
// boilerplate. Pure: no I/O, no logging.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "release.h"
#include "result.h"

namespace pressroom::indexer {

enum class PageLayout {
    SeoulCity, // "Go to Main Content", category, "• title", "• <category> SMG <n>", body
    Newspaper, // "Go to contents", title twice, "Posted ...", "Updated ...", body, byline
    Unknown,   // first non-empty line is the title, the rest is the body
};

struct ParsedPage {
    Release release; // id is left empty: the caller knows the file's path
    PageLayout layout = PageLayout::Unknown;
    std::vector<std::string> warnings; // e.g. the layout was not recognised
};

// Fails (ErrorCode::InvalidInput) on empty text, invalid UTF-8, or a page with no body text.
Result<ParsedPage> parse_page(std::string_view text);

} // namespace pressroom::indexer
