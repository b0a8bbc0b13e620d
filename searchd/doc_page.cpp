#include "doc_page.h"

#include "markup.h"

namespace pressroom::searchd {

namespace {

// The <head> shared by both pages; `title` is plain text.
std::string page_head(std::string_view lang, std::string_view title, std::string_view extra) {
    std::string out = "<!doctype html>\n<html lang=\"" + html_escape(lang.empty() ? "en" : lang) + "\">\n<head>\n";
    out += "  <meta charset=\"utf-8\">\n"
           "  <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
           "  <meta name=\"color-scheme\" content=\"light dark\">\n";
    out += "  <title>" + html_escape(title) + " \u2013 Pressroom</title>\n";
    out += "  <link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">\n"
           "  <link rel=\"stylesheet\" href=\"/style.css\">\n"
           "  <link rel=\"stylesheet\" href=\"/doc.css\">\n"
           "  <link rel=\"search\" type=\"application/opensearchdescription+xml\" title=\"Pressroom\" "
           "href=\"/opensearch.xml\">\n";
    out += extra;
    return out;
}

// The site header of web/index.html, as a plain form that loads the search page with ?q=.
std::string site_header(std::string_view q) {
    return "<header class=\"site-header\">\n"
           "  <div class=\"wrap\">\n"
           "    <p class=\"brand\"><a href=\"/\" id=\"home-link\">Pressroom</a> <span class=\"tagline\">municipal "
           "press "
           "releases</span></p>\n"
           "    <form class=\"search\" id=\"search-form\" role=\"search\" action=\"/\" method=\"get\">\n"
           "      <label for=\"q\" class=\"search-label\">Search press releases</label>\n"
           "      <div class=\"search-row\">\n"
           "        <input type=\"search\" id=\"q\" name=\"q\" value=\"" +
           html_escape(q) +
           "\" autocomplete=\"off\" spellcheck=\"false\" aria-describedby=\"search-hint\">\n"
           "        <button type=\"submit\">Search</button>\n"
           "      </div>\n"
           "      <p class=\"hint\" id=\"search-hint\">Press <kbd>/</kbd> to jump here. Words are matched in any "
           "form; quote a phrase for exact wording.</p>\n"
           "    </form>\n"
           "  </div>\n"
           "</header>\n";
}

const char *const kScript = "  <script src=\"/common.js\" defer></script>\n"
                            "  <script src=\"/doc.js\" defer></script>\n";

const char *const kFooter = "<footer class=\"site-footer\">\n"
                            "  <div class=\"wrap\"><p>Pressroom full-text search. Highlighting marks the words you "
                            "searched for.</p></div>\n"
                            "</footer>\n"
                            "</body>\n"
                            "</html>\n";

// "https://www.justice.gov/opa/pr/1" -> "www.justice.gov": short link text for the original.
std::string_view url_host(std::string_view url) {
    std::size_t start = url.find("://");
    start = start == std::string_view::npos ? 0 : start + 3;
    std::size_t end = url.find_first_of("/?#", start);
    std::string_view host = url.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    return host.empty() ? url : host;
}

std::string time_element(const Date &date) {
    return "<time datetime=\"" + html_escape(date.iso()) + "\">" + html_escape(human_date(date)) + "</time>";
}

void meta_row(std::string &out, std::string_view label, const std::string &value_html) {
    if (value_html.empty())
        return;
    out += "        <div><dt>";
    out += label;
    out += "</dt><dd>" + value_html + "</dd></div>\n";
}

} // namespace

std::string render_doc_page(const DocPage &page) {
    const Release &r = page.release;
    const std::string title = r.title.empty() ? "Untitled release" : r.title;
    const std::string title_html = !page.title_html.empty() ? page.title_html : html_escape(title);
    const std::string path = doc_path(r.id);

    std::string out =
        page_head(r.lang, title, "  <link rel=\"canonical\" href=\"" + html_escape(path) + "\">\n" + kScript);
    out += "</head>\n<body>\n";
    out += "<a class=\"skip-link\" href=\"#main\">Skip to the release</a>\n";
    out += site_header(page.q);

    out += "<main id=\"main\" class=\"wrap\" tabindex=\"-1\">\n";
    if (page.q.empty())
        out += "  <p class=\"back\"><a id=\"back-link\" href=\"/\">\u2190 Search</a></p>\n";
    else
        out += "  <p class=\"back\"><a id=\"back-link\" href=\"/?q=" + url_encode(page.q) +
               "\">\u2190 Back to results</a></p>\n";

    // The data-* attributes are what /doc.js builds a citation from.
    out += "  <article class=\"doc\" id=\"doc\" data-id=\"" + html_escape(r.id) + "\" data-title=\"" +
           html_escape(title) + "\" data-source=\"" + html_escape(r.source) + "\" data-date=\"" +
           (r.date ? html_escape(iso_day(*r.date)) : std::string()) + "\" data-url=\"" +
           (is_http_url(r.url) ? html_escape(r.url) : std::string()) + "\">\n";
    out += "    <header class=\"doc-header\">\n";
    out += "      <h1 class=\"doc-title\">" + title_html + "</h1>\n";
    if (!page.subtitle_html.empty() || !r.subtitle.empty())
        out += "      <p class=\"doc-subtitle\">" +
               (!page.subtitle_html.empty() ? page.subtitle_html : html_escape(r.subtitle)) + "</p>\n";

    out += "      <dl class=\"doc-meta\">\n";
    meta_row(out, "Date", r.date ? time_element(*r.date) : "<span class=\"undated\">Undated</span>");
    if (r.updated && r.updated != r.date)
        meta_row(out, "Updated", time_element(*r.updated));
    meta_row(out, "Publisher", html_escape(r.source));
    meta_row(out, "Category", html_escape(r.category));
    meta_row(out, "Reference", html_escape(r.reference));
    if (is_http_url(r.url))
        meta_row(out, "Original",
                 "<a class=\"doc-original\" href=\"" + html_escape(r.url) + "\" rel=\"noopener noreferrer\">" +
                     html_escape(url_host(r.url)) + "</a>");
    else
        meta_row(out, "Original", html_escape(r.url)); // not a web address: shown, never linked
    meta_row(out, "Byline", html_escape(r.byline));
    out += "      </dl>\n";

    out += "      <p class=\"doc-actions\"><button type=\"button\" id=\"cite-button\" class=\"cite-button\" "
           "aria-controls=\"citation-box\">Cite</button> <a id=\"similar-link\" href=\"#similar\">Similar "
           "releases</a></p>\n";
    out += "      <div class=\"citation\" id=\"citation-box\" hidden>\n"
           "        <output id=\"citation\" class=\"citation-text\" for=\"cite-button\"></output>\n"
           "        <p id=\"citation-status\" class=\"citation-status\" role=\"status\"></p>\n"
           "      </div>\n";
    out += "    </header>\n";

    out += "    <div class=\"doc-body\">\n";
    for (std::size_t i = 0; i < r.paragraphs.size(); ++i) {
        const std::string n = std::to_string(i + 1);
        const std::string html =
            i < page.paragraphs_html.size() ? page.paragraphs_html[i] : html_escape(r.paragraphs[i]);
        out += "      <p id=\"p" + n + "\" class=\"para\"><a class=\"para-anchor\" href=\"#p" + n +
               "\" aria-label=\"Link to paragraph " + n + "\">\u00B6</a> " + html + "</p>\n";
    }
    if (r.paragraphs.empty())
        out += "      <p class=\"muted\">This release has no text.</p>\n";
    out += "    </div>\n";
    out += "  </article>\n";

    out += "  <section id=\"similar\" class=\"similar\" aria-labelledby=\"similar-heading\">\n"
           "    <h2 id=\"similar-heading\">Similar releases</h2>\n"
           "    <ol id=\"similar-list\" class=\"similar-list\"></ol>\n"
           "    <p id=\"similar-status\" class=\"similar-status\" role=\"status\"></p>\n"
           "    <noscript><p class=\"muted\">Similar releases are listed with JavaScript on.</p></noscript>\n"
           "  </section>\n";
    out += "</main>\n";
    out += kFooter;
    return out;
}

std::string render_not_found_page(std::string_view id) {
    // doc.js is loaded for the "/" shortcut the header's hint promises; it finds no release here.
    std::string out =
        page_head("en", "Release not found", std::string("  <meta name=\"robots\" content=\"noindex\">\n") + kScript);
    out += "</head>\n<body>\n";
    out += site_header("");
    out += "<main id=\"main\" class=\"wrap not-found\">\n"
           "  <h1>Release not found</h1>\n"
           "  <p>No release has the id <code class=\"doc-id\">" +
           html_escape(id) +
           "</code>. It may have been removed from the index, or the address may be mistyped.</p>\n"
           "  <p><a href=\"/\">Search the press releases</a></p>\n"
           "</main>\n";
    out += kFooter;
    return out;
}

} // namespace pressroom::searchd
