// Tests for searchd/doc_page.h: the server-rendered document page and its 404 page. Pages are
// checked for exact fragments a reader or a script depends on, for escaping of hostile text in
// element content and attributes, and for balanced tags (a small checker below).
#include <catch2/catch.hpp>

#include <algorithm>
#include <cctype>
#include <optional>
#include <string>
#include <vector>

#include "doc_page.h"
#include "text_checks.h"

using pressroom::Date;
using pressroom::Release;
using pressroom::searchd::DocPage;
using pressroom::searchd::render_doc_page;
using pressroom::searchd::render_not_found_page;

using pressroom::test::contains;
using pressroom::test::count;

namespace {

Release sample_release() {
    Release r;
    r.id = "doj-17-123";
    r.title = "Mayor opens the park";
    r.subtitle = "A new park for the east side";
    r.category = "Parks; Environment";
    r.source = "Office of the Mayor";
    r.url = "https://www.example.gov/news/17-123";
    r.date = Date{2015, 3, 2, -1, -1};
    r.lang = "en";
    r.byline = "Press Office";
    r.reference = "PR 17-123";
    r.paragraphs = {"The mayor opened the park.", "It has trees.", "Questions: press@example.gov."};
    return r;
}

std::string render(const Release &r, std::string q = "", std::vector<std::string> paragraphs_html = {}) {
    if (paragraphs_html.empty())
        paragraphs_html = r.paragraphs; // the sample's paragraphs need no escaping
    return render_doc_page(DocPage{r, r.title, r.subtitle, std::move(paragraphs_html), std::move(q)});
}

// Checks that every non-void element is closed in order. Text is escaped by the page, so each
// '<' starts a tag; an escaping slip that lets markup through shows up as an unbalanced tag.
// Returns the first problem, or "" when the tags balance.
std::string tag_problem(const std::string &html) {
    static const std::vector<std::string> kVoid = {"meta", "link", "input", "br", "img", "hr"};
    std::vector<std::string> open;
    for (std::size_t at = html.find('<'); at != std::string::npos; at = html.find('<', at + 1)) {
        const std::size_t end = html.find('>', at);
        if (end == std::string::npos)
            return "unclosed '<' at " + std::to_string(at);
        std::string tag = html.substr(at + 1, end - at - 1);
        if (tag.rfind("!doctype", 0) == 0)
            continue;
        const bool closing = !tag.empty() && tag[0] == '/';
        std::string name = tag.substr(closing ? 1 : 0, tag.find_first_of(" \n/", closing ? 1 : 0) - (closing ? 1 : 0));
        if (closing) {
            if (open.empty() || open.back() != name)
                return "</" + name + "> closes <" + (open.empty() ? std::string("nothing") : open.back()) + ">";
            open.pop_back();
        } else if (std::find(kVoid.begin(), kVoid.end(), name) == kVoid.end()) {
            open.push_back(name);
        }
    }
    return open.empty() ? "" : "<" + open.back() + "> never closed";
}

} // namespace

TEST_CASE("doc page head links the stylesheets, the script and the search description", "[doc_page]") {
    const std::string page = render(sample_release());
    CHECK(page.rfind("<!doctype html>\n<html lang=\"en\">", 0) == 0);
    CHECK(contains(page, "<meta charset=\"utf-8\">"));
    CHECK(contains(page, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
    CHECK(contains(page, "<meta name=\"color-scheme\" content=\"light dark\">"));
    CHECK(contains(page, "<title>Mayor opens the park \u2013 Pressroom</title>"));
    CHECK(contains(page, "<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">"));
    CHECK(contains(page, "<link rel=\"search\" type=\"application/opensearchdescription+xml\" title=\"Pressroom\" "
                         "href=\"/opensearch.xml\">"));
    CHECK(contains(page, "<script src=\"/doc.js\" defer></script>"));
    const auto style = page.find("<link rel=\"stylesheet\" href=\"/style.css\">");
    const auto doc = page.find("<link rel=\"stylesheet\" href=\"/doc.css\">");
    REQUIRE(style != std::string::npos);
    REQUIRE(doc != std::string::npos);
    CHECK(style < doc); // doc.css builds on style.css
    CHECK(tag_problem(page) == "");
}

TEST_CASE("doc page has no inline script, style or event handler", "[doc_page]") {
    // A strict Content-Security-Policy (script-src 'self'; style-src 'self') would block them.
    const std::string page = render(sample_release(), "park");
    CHECK(count(page, "<script") == 2);
    CHECK(count(page, "<script src=\"/common.js\" defer></script>\n  <script src=\"/doc.js\" defer></script>") == 1);
    CHECK_FALSE(contains(page, "<style"));
    CHECK_FALSE(contains(page, "style="));
    CHECK_FALSE(contains(page, "javascript:"));
    // No attribute named on...= (onclick, onload): a space, "on", letters, then "=".
    bool handler = false;
    for (std::size_t at = page.find(" on"); at != std::string::npos; at = page.find(" on", at + 1)) {
        std::size_t end = at + 3;
        while (end < page.size() && std::isalpha(static_cast<unsigned char>(page[end])))
            ++end;
        handler = handler || (end > at + 3 && end < page.size() && page[end] == '=');
    }
    CHECK_FALSE(handler);
}

TEST_CASE("doc page numbers every paragraph and gives each an anchor link", "[doc_page]") {
    const Release r = sample_release();
    const std::string page = render(
        r, "park", {"The mayor opened the <mark>park</mark>.", "It has trees.", "Questions: press@example.gov."});
    // The caller's highlighted HTML goes in as given, after the anchor.
    CHECK(contains(page, "<p id=\"p1\" class=\"para\"><a class=\"para-anchor\" href=\"#p1\" aria-label=\"Link to "
                         "paragraph 1\">\u00B6</a> The mayor opened the <mark>park</mark>.</p>"));
    CHECK(contains(page, "<p id=\"p2\" class=\"para\"><a class=\"para-anchor\" href=\"#p2\" aria-label=\"Link to "
                         "paragraph 2\">\u00B6</a> It has trees.</p>"));
    CHECK(contains(page, "<p id=\"p3\" class=\"para\"><a class=\"para-anchor\" href=\"#p3\" aria-label=\"Link to "
                         "paragraph 3\">\u00B6</a> Questions: press@example.gov.</p>"));
    CHECK(count(page, "class=\"para\"") == 3);
    CHECK_FALSE(contains(page, "id=\"p0\""));
    CHECK_FALSE(contains(page, "id=\"p4\""));
    // In order, inside the body.
    const auto body = page.find("<div class=\"doc-body\">");
    REQUIRE(body != std::string::npos);
    CHECK(body < page.find("id=\"p1\""));
    CHECK(page.find("id=\"p1\"") < page.find("id=\"p2\""));
    CHECK(page.find("id=\"p2\"") < page.find("id=\"p3\""));
}

TEST_CASE("doc page escapes paragraphs the caller did not supply", "[doc_page]") {
    Release r = sample_release();
    r.paragraphs = {"First.", "<b>bold</b> & more"};
    const std::string page = render_doc_page(DocPage{r, r.title, r.subtitle, {"First."}, ""});
    CHECK(contains(page, "\u00B6</a> &lt;b&gt;bold&lt;/b&gt; &amp; more</p>"));
    CHECK(tag_problem(page) == "");
}

TEST_CASE("doc page says so when a release has no text", "[doc_page]") {
    Release r = sample_release();
    r.paragraphs.clear();
    const std::string page = render(r, "", {});
    CHECK(contains(page, "This release has no text."));
    CHECK_FALSE(contains(page, "class=\"para\""));
}

TEST_CASE("doc page escapes hostile text in content and attributes", "[doc_page]") {
    Release r = sample_release();
    r.title = "</title><script>alert(\"x\")</script>";
    r.id = "a\"b<c> d";
    r.source = "O'Brien & Sons";
    r.url = "https://example.org/?a=1&b=\"2\"";
    r.lang = "en\"><script>";
    const std::string q = "\"><img src=x onerror=alert(1)>";
    // The caller escapes title_html; the page escapes everything it takes from the release.
    const std::string page =
        render_doc_page(DocPage{r, "&lt;/title&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;", "", {}, q});

    CHECK_FALSE(contains(page, "<script>"));
    CHECK_FALSE(contains(page, "<img"));
    CHECK(contains(page, "<html lang=\"en&quot;&gt;&lt;script&gt;\">"));
    CHECK(contains(page, "<title>&lt;/title&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; \u2013 "
                         "Pressroom</title>"));
    CHECK(contains(page, "data-title=\"&lt;/title&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;\""));
    CHECK(contains(page, "data-id=\"a&quot;b&lt;c&gt; d\""));
    CHECK(contains(page, "data-source=\"O&#39;Brien &amp; Sons\""));
    CHECK(contains(page, "data-url=\"https://example.org/?a=1&amp;b=&quot;2&quot;\""));
    CHECK(contains(page, "href=\"https://example.org/?a=1&amp;b=&quot;2&quot;\" rel=\"noopener noreferrer\""));
    CHECK(contains(page, "<dd>O&#39;Brien &amp; Sons</dd>"));
    // The search box shows the query as typed; the back link carries it percent-encoded.
    CHECK(contains(page, "value=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;\""));
    CHECK(contains(page, "href=\"/?q=%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E\">\u2190 Back to results"));
    CHECK(contains(page, "<link rel=\"canonical\" href=\"/doc/a%22b%3Cc%3E%20d\">"));
    CHECK(tag_problem(page) == "");
}

TEST_CASE("doc page links back to the results only when there was a search", "[doc_page]") {
    const Release r = sample_release();
    const std::string with_q = render(r, "air quality");
    CHECK(contains(with_q, "<p class=\"back\"><a id=\"back-link\" href=\"/?q=air%20quality\">\u2190 Back to "
                           "results</a></p>"));
    CHECK(contains(with_q, "id=\"q\" name=\"q\" value=\"air quality\""));

    const std::string without_q = render(r, "");
    CHECK(contains(without_q, "<p class=\"back\"><a id=\"back-link\" href=\"/\">\u2190 Search</a></p>"));
    CHECK_FALSE(contains(without_q, "Back to results"));
    CHECK(contains(without_q, "id=\"q\" name=\"q\" value=\"\""));
}

TEST_CASE("doc page search box is a plain form to the search page", "[doc_page]") {
    const std::string page = render(sample_release(), "park");
    CHECK(contains(page, "<form class=\"search\" id=\"search-form\" role=\"search\" action=\"/\" method=\"get\">"));
    CHECK(contains(page, "<label for=\"q\" class=\"search-label\">"));
    CHECK(contains(page, "<input type=\"search\" id=\"q\" name=\"q\" value=\"park\""));
    CHECK(contains(page, "<button type=\"submit\">Search</button>"));
    CHECK(contains(page, "<a href=\"/\" id=\"home-link\">Pressroom</a>"));
}

TEST_CASE("doc page shows the date at its precision", "[doc_page]") {
    struct Row {
        std::optional<Date> date;
        std::string shown;
        std::string data_date;
    };
    const Row rows[] = {
        {Date{2015, 3, 2, -1, -1}, "<time datetime=\"2015-03-02\">2 March 2015</time>", "2015-03-02"}, // a day
        {Date{2015, 3, 0, -1, -1}, "<time datetime=\"2015-03\">March 2015</time>", "2015-03"},         // a month
        {Date{2015, 0, 0, -1, -1}, "<time datetime=\"2015\">2015</time>", "2015"},                     // a year
        {Date{2015, 3, 2, 16, 30}, "<time datetime=\"2015-03-02T16:30\">2 March 2015, 16:30</time>",
         "2015-03-02"},                                               // a time
        {std::nullopt, "<span class=\"undated\">Undated</span>", ""}, // none stated
    };
    for (const auto &row : rows) {
        CAPTURE(row.shown);
        Release r = sample_release();
        r.date = row.date;
        const std::string page = render(r);
        CHECK(contains(page, "<div><dt>Date</dt><dd>" + row.shown + "</dd></div>"));
        CHECK(contains(page, "data-date=\"" + row.data_date + "\""));
    }
}

TEST_CASE("doc page lists the metadata that is set and leaves out the rest", "[doc_page]") {
    const Release full = sample_release();
    const std::string page = render(full);
    CHECK(contains(page, "<div><dt>Publisher</dt><dd>Office of the Mayor</dd></div>"));
    CHECK(contains(page, "<div><dt>Category</dt><dd>Parks; Environment</dd></div>"));
    CHECK(contains(page, "<div><dt>Reference</dt><dd>PR 17-123</dd></div>"));
    CHECK(contains(page, "<div><dt>Byline</dt><dd>Press Office</dd></div>"));
    CHECK(contains(page, "<div><dt>Original</dt><dd><a class=\"doc-original\" "
                         "href=\"https://www.example.gov/news/17-123\" rel=\"noopener noreferrer\">www.example.gov</a>"
                         "</dd></div>"));
    CHECK(contains(page, "<p class=\"doc-subtitle\">A new park for the east side</p>"));
    CHECK_FALSE(contains(page, "<dt>Updated</dt>")); // not stated

    Release bare = sample_release();
    bare.subtitle.clear();
    bare.source.clear();
    bare.category.clear();
    bare.reference.clear();
    bare.byline.clear();
    bare.url.clear();
    const std::string bare_page = render_doc_page(DocPage{bare, bare.title, "", bare.paragraphs, ""});
    for (const char *label : {"Publisher", "Category", "Reference", "Byline", "Original"}) {
        CAPTURE(label);
        CHECK_FALSE(contains(bare_page, std::string("<dt>") + label + "</dt>"));
    }
    CHECK(contains(bare_page, "<dt>Date</dt>")); // always: "Undated" when none
    CHECK_FALSE(contains(bare_page, "doc-subtitle"));
    CHECK(contains(bare_page, "data-source=\"\""));
    CHECK(contains(bare_page, "data-url=\"\""));
}

TEST_CASE("doc page never links an original address that is not http(s)", "[doc_page]") {
    Release r = sample_release();
    r.url = "javascript:alert(1)";
    const std::string page = render(r);
    CHECK(contains(page, "<div><dt>Original</dt><dd>javascript:alert(1)</dd></div>"));
    CHECK_FALSE(contains(page, "href=\"javascript:"));
    CHECK(contains(page, "data-url=\"\""));
}

TEST_CASE("doc page has the cite button, citation output and similar releases section", "[doc_page]") {
    const std::string page = render(sample_release());
    CHECK(contains(page, "<article class=\"doc\" id=\"doc\" data-id=\"doj-17-123\" data-title=\"Mayor opens the "
                         "park\" data-source=\"Office of the Mayor\" data-date=\"2015-03-02\" "
                         "data-url=\"https://www.example.gov/news/17-123\">"));
    CHECK(contains(page, "<button type=\"button\" id=\"cite-button\""));
    CHECK(contains(page, "<a id=\"similar-link\" href=\"#similar\">Similar releases</a>"));
    CHECK(contains(page, "<div class=\"citation\" id=\"citation-box\" hidden>"));
    CHECK(contains(page, "<output id=\"citation\""));
    CHECK(contains(page, "<section id=\"similar\" class=\"similar\" aria-labelledby=\"similar-heading\">"));
    CHECK(contains(page, "<h2 id=\"similar-heading\">Similar releases</h2>"));
    CHECK(contains(page, "<ol id=\"similar-list\""));
    CHECK(contains(page, "<p id=\"similar-status\" class=\"similar-status\" role=\"status\"></p>"));
    CHECK(contains(page, "<h1 class=\"doc-title\">Mayor opens the park</h1>"));
    // The release's language is the page's.
    Release ko = sample_release();
    ko.lang = "ko";
    CHECK(contains(render(ko), "<html lang=\"ko\">"));
}

TEST_CASE("doc page names an untitled release", "[doc_page]") {
    Release r = sample_release();
    r.title.clear();
    const std::string page = render_doc_page(DocPage{r, "", "", r.paragraphs, ""});
    CHECK(contains(page, "<title>Untitled release \u2013 Pressroom</title>"));
    CHECK(contains(page, "<h1 class=\"doc-title\">Untitled release</h1>"));
}

TEST_CASE("not found page names the id, escaped, and links to the search", "[doc_page]") {
    const std::string page = render_not_found_page("no-such-<b>id</b>\"");
    CHECK(contains(page, "<title>Release not found \u2013 Pressroom</title>"));
    CHECK(contains(page, "<code class=\"doc-id\">no-such-&lt;b&gt;id&lt;/b&gt;&quot;</code>"));
    CHECK_FALSE(contains(page, "<b>"));
    CHECK(contains(page, "<a href=\"/\">Search the press releases</a>"));
    CHECK(contains(page, "<form class=\"search\" id=\"search-form\" role=\"search\" action=\"/\" method=\"get\">"));
    CHECK(contains(page, "<meta name=\"robots\" content=\"noindex\">"));
    CHECK_FALSE(contains(page, "style="));
    CHECK(tag_problem(page) == "");
}
