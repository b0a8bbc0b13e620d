#include "opensearch.h"

#include "markup.h"

namespace pressroom::searchd {

std::string render_opensearch(std::string_view base_url) {
    const std::string base = xml_escape(base_url);
    // {searchTerms} is filled in by the browser; the & between parameters is escaped as XML asks.
    return "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
           "<OpenSearchDescription xmlns=\"http://a9.com/-/spec/opensearch/1.1/\">\n"
           "  <ShortName>Pressroom</ShortName>\n"
           "  <Description>Full-text search of municipal press releases</Description>\n"
           "  <InputEncoding>UTF-8</InputEncoding>\n"
           "  <OutputEncoding>UTF-8</OutputEncoding>\n"
           "  <Image width=\"32\" height=\"32\" type=\"image/svg+xml\">" +
           base +
           "/favicon.svg</Image>\n"
           "  <Url type=\"text/html\" method=\"get\" template=\"" +
           base +
           "/?q={searchTerms}\"/>\n"
           "  <Url type=\"application/atom+xml\" method=\"get\" template=\"" +
           base +
           "/feed?q={searchTerms}\"/>\n"
           "  <Url type=\"application/x-suggestions+json\" method=\"get\" template=\"" +
           base +
           "/api/suggest?q={searchTerms}&amp;format=opensearch\"/>\n"
           "  <Url type=\"application/opensearchdescription+xml\" rel=\"self\" template=\"" +
           base +
           "/opensearch.xml\"/>\n"
           "</OpenSearchDescription>\n";
}

} // namespace pressroom::searchd
