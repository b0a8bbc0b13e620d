// The server-rendered document page (GET /doc/{id}) and its 404 page: complete HTML5 pages
// that link /style.css, /doc.css and /doc.js and carry no inline script or style, so a strict
// Content-Security-Policy can be applied. Pure.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "release.h"

namespace pressroom::searchd {

struct DocPage {
    const Release &release;
    // Already HTML-escaped, with the query's words in <mark> tags, by the caller.
    std::string title_html;
    std::string subtitle_html;                // empty when the release has none
    std::vector<std::string> paragraphs_html; // one per release.paragraphs
    std::string q;                            // the search the reader came from, as typed; may be empty
};

// The whole release: the site header with the search box (holding q), a link back to the
// results, title, metadata, the Cite button, every paragraph as <p id="pN"> with an anchor
// link, and the "Similar releases" section that /doc.js fills.
std::string render_doc_page(const DocPage &page);

// The page for an unknown id (served with status 404): names the id, links to the search.
std::string render_not_found_page(std::string_view id);

} // namespace pressroom::searchd
