#include "feed.h"

#include "markup.h"

namespace pressroom::searchd {

namespace {

// RFC 3339 at midnight UTC; an unknown month or day counts as the first.
std::string rfc3339(const Date &date) {
    const std::string key = date.sort_key(); // YYYYMMDD
    return key.substr(0, 4) + "-" + key.substr(4, 2) + "-" + key.substr(6, 2) + "T00:00:00Z";
}

void element(std::string &out, std::string_view indent, std::string_view name, std::string_view text) {
    out += indent;
    out += "<";
    out += name;
    out += ">";
    out += xml_escape(text);
    out += "</";
    out += name;
    out += ">\n";
}

void entry(std::string &out, const SearchHit &hit, const FeedContext &ctx) {
    const Release &r = hit.release;
    const std::string link = ctx.base_url + doc_path(r.id);
    const std::string when = rfc3339(*r.date);
    out += "  <entry>\n";
    element(out, "    ", "id", link);
    out += "    <title type=\"text\">" + xml_escape(r.title.empty() ? "Untitled release" : r.title) + "</title>\n";
    out += "    <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(link) + "\"/>\n";
    if (is_http_url(r.url))
        out += "    <link rel=\"related\" href=\"" + xml_escape(r.url) + "\"/>\n";
    element(out, "    ", "updated", when);
    element(out, "    ", "published", when);
    out += "    <author><name>" + xml_escape(r.source.empty() ? "Unknown publisher" : r.source) + "</name></author>\n";
    for (const auto &category : r.categories())
        out += "    <category term=\"" + xml_escape(category) + "\"/>\n";
    // The snippet is HTML (escaped text with <mark> tags): escaped once more, as type="html" says.
    out += "    <summary type=\"html\">" + xml_escape(hit.snippet_html) + "</summary>\n";
    out += "  </entry>\n";
}

} // namespace

std::string render_atom(const SearchResult &result, const FeedContext &ctx) {
    std::string updated = "1970-01-01T00:00:00Z";
    for (const auto &hit : result.hits)
        if (hit.release.date && rfc3339(*hit.release.date) > updated)
            updated = rfc3339(*hit.release.date);

    std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                      "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n";
    element(out, "  ", "id", ctx.self_url);
    out += "  <title type=\"text\">" + xml_escape(ctx.title.empty() ? "Pressroom" : ctx.title) + "</title>\n";
    out += "  <link rel=\"self\" type=\"application/atom+xml\" href=\"" + xml_escape(ctx.self_url) + "\"/>\n";
    out += "  <link rel=\"alternate\" type=\"text/html\" href=\"" + xml_escape(ctx.html_url) + "\"/>\n";
    element(out, "  ", "updated", updated);
    out += "  <generator>Pressroom</generator>\n";
    for (const auto &hit : result.hits)
        if (hit.release.date)
            entry(out, hit, ctx);
    out += "</feed>\n";
    return out;
}

} // namespace pressroom::searchd
