// Tests for searchd/feed.h (Atom) and searchd/opensearch.h. There is no XML parser in the
// build, so the tests check exact elements, their order, escaping, and that every element is
// closed (a small checker below); the outputs were also validated by hand with xmllint.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "feed.h"
#include "opensearch.h"
#include "text_checks.h"

using pressroom::Date;
using pressroom::searchd::FeedContext;
using pressroom::searchd::render_atom;
using pressroom::searchd::render_opensearch;
using pressroom::searchd::SearchHit;
using pressroom::searchd::SearchResult;

using pressroom::test::contains;
using pressroom::test::count;

namespace {

const FeedContext kContext{"https://press.example.org", "https://press.example.org/feed?q=park&sort=newest",
                           "https://press.example.org/?q=park&sort=newest", "Pressroom: park"};

SearchHit hit(std::string id, std::string title, std::optional<Date> date) {
    SearchHit h;
    h.release.id = std::move(id);
    h.release.title = std::move(title);
    h.release.date = date;
    h.release.source = "Office of the Mayor";
    h.release.category = "Parks; Environment";
    h.release.url = "https://www.example.gov/news/1";
    h.snippet_html = "The <mark>park</mark> opens\u2026";
    return h;
}

// The text between the n-th (0-based) <name> and its </name>.
std::string element_text(const std::string &xml, const std::string &name, std::size_t n = 0) {
    std::size_t at = 0;
    for (std::size_t i = 0; i <= n; ++i) {
        at = xml.find("<" + name + ">", i == 0 ? 0 : at + 1);
        if (at == std::string::npos)
            return "(missing)";
    }
    const std::size_t start = at + name.size() + 2;
    return xml.substr(start, xml.find("</" + name + ">", start) - start);
}

// Checks XML well-formedness as far as these documents need: tags nest and close, and every
// '&' starts one of the five predefined entities or a numeric reference. Returns the first
// problem, or "".
std::string xml_problem(const std::string &xml) {
    std::vector<std::string> open;
    for (std::size_t at = xml.find('<'); at != std::string::npos; at = xml.find('<', at + 1)) {
        const std::size_t end = xml.find('>', at);
        if (end == std::string::npos)
            return "unclosed '<'";
        const std::string tag = xml.substr(at + 1, end - at - 1);
        if (tag[0] == '?')
            continue;
        const bool closing = tag[0] == '/';
        const bool empty = tag.back() == '/';
        const std::size_t from = closing ? 1 : 0;
        const std::string name = tag.substr(from, tag.find_first_of(" /", from) - from);
        if (closing) {
            if (open.empty() || open.back() != name)
                return "</" + name + "> closes the wrong element";
            open.pop_back();
        } else if (!empty) {
            open.push_back(name);
        }
        if (count(tag, "\"") % 2 != 0)
            return "odd quotes in <" + tag + ">";
    }
    if (!open.empty())
        return "<" + open.back() + "> never closed";
    for (std::size_t at = xml.find('&'); at != std::string::npos; at = xml.find('&', at + 1)) {
        const std::string rest = xml.substr(at, 6);
        bool ok = rest.rfind("&#", 0) == 0;
        for (const char *entity : {"&amp;", "&lt;", "&gt;", "&quot;", "&apos;"})
            ok = ok || rest.rfind(entity, 0) == 0;
        if (!ok)
            return "bare & at " + std::to_string(at);
    }
    return "";
}

} // namespace

TEST_CASE("atom feed describes itself", "[feed]") {
    SearchResult result;
    result.hits = {hit("a", "Park opens", Date{2015, 3, 2, -1, -1})};
    const std::string xml = render_atom(result, kContext);
    CHECK(xml.rfind("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">", 0) ==
          0);
    CHECK(element_text(xml, "id") == "https://press.example.org/feed?q=park&amp;sort=newest");
    CHECK(contains(xml, "<title type=\"text\">Pressroom: park</title>"));
    CHECK(contains(xml, "<link rel=\"self\" type=\"application/atom+xml\" "
                        "href=\"https://press.example.org/feed?q=park&amp;sort=newest\"/>"));
    CHECK(contains(xml, "<link rel=\"alternate\" type=\"text/html\" "
                        "href=\"https://press.example.org/?q=park&amp;sort=newest\"/>"));
    CHECK(contains(xml, "<generator>Pressroom</generator>"));
    CHECK(xml_problem(xml) == "");
}

TEST_CASE("atom entry carries link, dates, author, categories and the snippet", "[feed]") {
    SearchResult result;
    result.hits = {hit("doj/17 123", "Park opens", Date{2015, 3, 2, -1, -1})};
    result.hits[0].paragraph = 2;
    const std::string xml = render_atom(result, kContext);
    const std::string entry = element_text(xml, "entry");
    CHECK(element_text(entry, "id") == "https://press.example.org/doc/doj%2F17%20123");
    CHECK(contains(entry, "<title type=\"text\">Park opens</title>"));
    CHECK(contains(entry, "<link rel=\"alternate\" type=\"text/html\" "
                          "href=\"https://press.example.org/doc/doj%2F17%20123\"/>"));
    CHECK(contains(entry, "<link rel=\"related\" href=\"https://www.example.gov/news/1\"/>"));
    CHECK(element_text(entry, "updated") == "2015-03-02T00:00:00Z");
    CHECK(element_text(entry, "published") == "2015-03-02T00:00:00Z");
    CHECK(contains(entry, "<author><name>Office of the Mayor</name></author>"));
    CHECK(contains(entry, "<category term=\"Parks\"/>\n    <category term=\"Environment\"/>"));
    // The snippet's HTML, escaped once more: a reader shows "park" highlighted, not "<mark>".
    CHECK(contains(entry, "<summary type=\"html\">The &lt;mark&gt;park&lt;/mark&gt; opens\u2026</summary>"));
    CHECK(xml_problem(xml) == "");
}

TEST_CASE("atom feed leaves out undated hits and dates the feed by its newest entry", "[feed]") {
    SearchResult result;
    result.hits = {
        hit("old", "Older", Date{2013, 4, 21, -1, -1}),
        hit("none", "No date stated", std::nullopt),
        hit("new", "Newer", Date{2016, 5, 0, -1, -1}), // month only: the first of the month
        hit("year", "Year only", Date{2014, 0, 0, -1, -1}),
    };
    const std::string xml = render_atom(result, kContext);
    CHECK(count(xml, "<entry>") == 3);
    CHECK_FALSE(contains(xml, "No date stated"));
    CHECK_FALSE(contains(xml, "/doc/none"));
    // The feed's own <updated> comes before the entries.
    CHECK(element_text(xml, "updated") == "2016-05-01T00:00:00Z");
    CHECK(contains(xml, "<published>2014-01-01T00:00:00Z</published>"));
    // Entries keep the order given.
    CHECK(xml.find("/doc/old") < xml.find("/doc/new"));
    CHECK(xml.find("/doc/new") < xml.find("/doc/year"));
    CHECK(xml_problem(xml) == "");
}

TEST_CASE("atom feed with no dated entries is still valid", "[feed]") {
    SearchResult result;
    result.hits = {hit("none", "No date", std::nullopt)};
    const std::string xml = render_atom(result, kContext);
    CHECK(count(xml, "<entry>") == 0);
    CHECK(element_text(xml, "updated") == "1970-01-01T00:00:00Z");
    CHECK(contains(xml, "</feed>\n"));
    CHECK(xml_problem(xml) == "");
}

TEST_CASE("atom feed escapes hostile text and drops characters XML forbids", "[feed]") {
    SearchResult result;
    SearchHit h = hit("x\"<y>",
                      "<script>alert('x')</script> & \x01"
                      "bell",
                      Date{2015, 3, 2, -1, -1});
    h.release.source.clear();
    h.release.category = "A&B; \"C\"";
    h.release.url = "javascript:alert(1)";
    h.snippet_html = "a &amp; b <mark>c</mark>";
    result.hits = {h};
    FeedContext ctx = kContext;
    ctx.title = "Pressroom: <b>&</b>";
    const std::string xml = render_atom(result, ctx);
    CHECK(contains(xml, "<title type=\"text\">&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; bell</title>"));
    CHECK(contains(xml, "<title type=\"text\">Pressroom: &lt;b&gt;&amp;&lt;/b&gt;</title>"));
    CHECK(contains(xml, "<id>https://press.example.org/doc/x%22%3Cy%3E</id>"));
    CHECK(contains(xml, "<author><name>Unknown publisher</name></author>"));
    CHECK(contains(xml, "<category term=\"A&amp;B\"/>"));
    CHECK(contains(xml, "<category term=\"&quot;C&quot;\"/>"));
    CHECK_FALSE(contains(xml, "rel=\"related\"")); // not a web address
    CHECK(contains(xml, "<summary type=\"html\">a &amp;amp; b &lt;mark&gt;c&lt;/mark&gt;</summary>"));
    CHECK_FALSE(contains(xml, "\x01"));
    CHECK_FALSE(contains(xml, "<script"));
    CHECK(xml_problem(xml) == "");
}

TEST_CASE("opensearch description has the three search templates", "[feed]") {
    const std::string xml = render_opensearch("https://press.example.org");
    CHECK(contains(xml, "<OpenSearchDescription xmlns=\"http://a9.com/-/spec/opensearch/1.1/\">"));
    CHECK(contains(xml, "<ShortName>Pressroom</ShortName>"));
    CHECK(contains(xml, "<InputEncoding>UTF-8</InputEncoding>"));
    CHECK(contains(xml, ">https://press.example.org/favicon.svg</Image>"));
    CHECK(contains(xml,
                   "<Url type=\"text/html\" method=\"get\" template=\"https://press.example.org/?q={searchTerms}\"/>"));
    CHECK(contains(xml, "<Url type=\"application/atom+xml\" method=\"get\" "
                        "template=\"https://press.example.org/feed?q={searchTerms}\"/>"));
    CHECK(contains(xml, "<Url type=\"application/x-suggestions+json\" method=\"get\" "
                        "template=\"https://press.example.org/api/suggest?q={searchTerms}&amp;format=opensearch\"/>"));
    // ShortName is at most 16 characters, Description at most 1024 (OpenSearch 1.1).
    CHECK(element_text(xml, "Description").size() <= 1024);
    CHECK(xml_problem(xml) == "");
    // A base URL with markup in it cannot break the document.
    CHECK(xml_problem(render_opensearch("http://a\"b<c>&d")) == "");
}
