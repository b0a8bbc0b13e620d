// The OpenSearch 1.1 description (GET /opensearch.xml) that lets browsers add Pressroom as a
// search engine: the search page, the Atom feed and the suggestions as URL templates. Pure.
#pragma once

#include <string>
#include <string_view>

namespace pressroom::searchd {

// base_url: "https://press.example.org", no trailing slash. Browsers need absolute templates.
std::string render_opensearch(std::string_view base_url);

} // namespace pressroom::searchd
