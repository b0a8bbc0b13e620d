// The HTML reader on small hand-written pages: what is taken from a saved web page (title,
// dates, URL, category, paragraphs), what is left out (the site's chrome), character sets, and
// pages that cannot be indexed. The saved justice.gov pages are checked by tests/html.
#include <catch2/catch.hpp>

#include <pthread.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "html_reader.h"
#include "release_reader.h"
#include "sources.h"

using pressroom::ErrorCode;
using pressroom::indexer::parse_html_page;
using Paragraphs = std::vector<std::string>;

namespace {

// A page with `head` in its <head> and `body` in its <body>.
std::string page(const std::string &head, const std::string &body) {
    return "<!DOCTYPE html><html lang=\"en\"><head>" + head + "</head><body>" + body + "</body></html>";
}

pressroom::Release read(const std::string &html) {
    auto parsed = parse_html_page(html);
    INFO(html);
    REQUIRE(parsed.ok());
    return parsed->release;
}

std::string error_of(const std::string &html) {
    auto parsed = parse_html_page(html);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error().code == ErrorCode::InvalidInput);
    return parsed.error().message;
}

std::string date_of(const pressroom::Release &r) { return r.date ? r.date->iso() : "none"; }

const std::string kBody = "<p>The council met today.</p>";

} // namespace

TEST_CASE("html_reader: the article's h1 is the title and not a section header", "[html_reader]") {
    // justice.gov: the section's "Justice News" h1 comes first, the release's h1#node-title later.
    auto r = read(page("<title>Ignored | OPA | Department of Justice</title>",
                       "<div role=\"main\"><h1>Justice News</h1><article><div class=\"pr-info\">x</div>"
                       "<h1 id=\"node-title\">Man  Sentenced\n for Fraud</h1>" +
                           kBody + "</article></div>"));
    CHECK(r.title == "Man Sentenced for Fraud");
    CHECK(r.paragraphs == Paragraphs{"The council met today."});

    // Without the id: the last h1 before the body's first paragraph.
    r = read(page("", "<main><h1>Justice News</h1><article><h1>Council Meets</h1>" + kBody + "</article></main>"));
    CHECK(r.title == "Council Meets");

    // A site name in an h1 of the page's banner is not the title.
    r = read(page("<meta property=\"og:title\" content=\"From Open Graph\">",
                  "<header><h1>City of Example</h1></header><article>" + kBody + "</article>"));
    CHECK(r.title == "From Open Graph");
}

TEST_CASE("html_reader: title falls back to og:title then to <title> without the site name", "[html_reader]") {
    CHECK(read(page("<meta property=\"og:title\" content=\"Open &amp; Shut\"><title>T | Site</title>", kBody)).title ==
          "Open & Shut");
    CHECK(read(page("<title>Council Meets | OPA | Department of Justice</title>", kBody)).title == "Council Meets");
    CHECK(read(page("<title>Council Meets - City of Example</title>", kBody)).title == "Council Meets");
    CHECK(read(page("<title>Council Meets</title>", kBody)).title == "Council Meets");

    auto parsed = parse_html_page(page("", kBody));
    REQUIRE(parsed.ok());
    CHECK(parsed->release.title.empty());
    REQUIRE(parsed->warnings.size() == 1);
    CHECK(parsed->warnings[0].find("no title") != std::string::npos);
}

TEST_CASE("html_reader: dates from metadata, time elements, displayed dates and Posted lines", "[html_reader]") {
    // justice.gov's RDFa: a midnight time means a day.
    CHECK(date_of(read(page("", "<h1>T</h1><span class=\"date-display-single\" property=\"dc:date\" "
                                "content=\"2018-04-13T00:00:00-04:00\">Friday, April 13, 2018</span>" +
                                    kBody))) == "2018-04-13");
    CHECK(date_of(read(page("<meta name=\"dc.date\" content=\"2016-02-29\">", kBody))) == "2016-02-29");
    CHECK(date_of(read(page("<meta property=\"article:published_time\" content=\"2017-05-31T16:30:00Z\">", kBody))) ==
          "2017-05-31T16:30");
    CHECK(date_of(read(page("", "<article><time datetime=\"2015-03-30\">March 30</time>" + kBody + "</article>"))) ==
          "2015-03-30");
    CHECK(date_of(read(page("", "<span class=\"date-display-single\">Friday, April 13, 2018</span>" + kBody))) ==
          "2018-04-13");
    CHECK(date_of(read(page("", "<div class=\"entry-date\">13 Sept. 2012</div>" + kBody))) == "2012-09-13");

    // A stated line, the date in an element of its own; the line is not a body paragraph.
    auto r = read(page("", "<article><h1>T</h1><p>Posted on <b>April 3, 2016</b> at 4:30 p.m.</p>" + kBody +
                               "<p>Updated: April 5, 2016</p></article>"));
    CHECK(date_of(r) == "2016-04-03T16:30");
    REQUIRE(r.updated);
    CHECK(r.updated->iso() == "2016-04-05");
    CHECK(r.paragraphs == Paragraphs{"The council met today."});

    // A time that cannot be read leaves the day alone.
    CHECK(date_of(read(page("", "<p>Posted April 3, 2016 at 25:00</p>" + kBody))) == "2016-04-03");

    // An impossible date is no date; a page stating none is undated.
    CHECK(date_of(read(page("", "<span class=\"date\">February 30, 2015</span>" + kBody))) == "none");
    CHECK(date_of(read(page("", kBody))) == "none");
}

TEST_CASE("html_reader: canonical URL, category, subtitle, reference and publisher", "[html_reader]") {
    auto r = read(page("<link rel=\"canonical\" href=\"https://example.gov/pr/a\">"
                       "<meta property=\"og:url\" content=\"https://example.gov/og\">"
                       "<meta property=\"og:site_name\" content=\"City of Example\">",
                       kBody));
    CHECK(r.url == "https://example.gov/pr/a");
    CHECK(r.source == "City of Example");
    CHECK(read(page("<meta property=\"og:url\" content=\"https://example.gov/og\">", kBody)).url ==
          "https://example.gov/og");
    CHECK(read(page("", kBody)).url.empty());

    // justice.gov's layout.
    r = read(page("", "<div class=\"pr-header\"><div class=\"department\">Department of Justice</div>"
                      "<div class=\"agency\">Office of Public Affairs</div></div>"
                      "<h1 id=\"node-title\">T</h1><h2 id=\"node-subtitle\"><div>Lab Used Solvents</div></h2>"
                      "<div class=\"field--name-field-pr-body\"><p>Body.</p></div><div class=\"pr-fields\">"
                      "<div class=\"field\"><div class=\"field__label\">Topic(s):&nbsp;</div>"
                      "<div class=\"field__items\"><div class=\"field__item\">Tax</div></div></div>"
                      "<div class=\"field\"><div class=\"field__label\">Component(s):&nbsp;</div>"
                      "<div class=\"field__items\"><div class=\"field__item\"><a href=\"/tax\">Tax Division</a></div>"
                      "<div class=\"field__item\"><a href=\"/usao\">USAO - Florida, Southern</a></div></div></div>"
                      "<div class=\"field\"><div class=\"field__label\">Press Release Number:&nbsp;</div>"
                      "<div class=\"field__items\"><div class=\"field__item\">18-484</div></div></div></div>"));
    CHECK(r.category == "Tax Division; USAO - Florida, Southern");
    CHECK(r.subtitle == "Lab Used Solvents");
    CHECK(r.reference == "18-484");
    CHECK(r.source == "Department of Justice, Office of Public Affairs");
    CHECK(r.paragraphs == Paragraphs{"Body."});

    // Elsewhere: the article:section metas.
    CHECK(read(page("<meta property=\"article:section\" content=\"Parks\">"
                    "<meta property=\"article:section\" content=\"Events\">",
                    kBody))
              .category == "Parks; Events");
}

TEST_CASE("html_reader: the site's chrome never enters the paragraphs", "[html_reader]") {
    auto r = read(page("<style>p { color: red }</style><script>var menu = 'Home';</script>",
                       "<a href=\"#main\" class=\"element-invisible element-focusable\">Skip to main content</a>"
                       "<header role=\"banner\"><div class=\"logo\">City of Example</div></header>"
                       "<nav><ul><li>Home</li><li>News</li></ul></nav>"
                       "<div class=\"breadcrumb\">Home &raquo; News</div>"
                       "<div class=\"l-content\" role=\"main\"><h1>News</h1>"
                       "<article><h1>Council Meets</h1>"
                       "<div class=\"share-buttons\"><ul><li>Facebook</li><li>Twitter</li></ul></div>"
                       "<div class=\"body\"><p>First paragraph of the release, long enough to be the body.</p>"
                       "<script>document.write('tracking')</script><p style=\"display: none\">Hidden text</p>"
                       "<p>Second paragraph with <span hidden>no </span>hidden words.</p>"
                       "<ul><li>A listed item.</li><li>Another <b>item</b>.</li></ul></div>"
                       "<div class=\"pr-fields\"><div class=\"field__label\">Topic(s):</div><div>Tax</div>"
                       "<div class=\"field__label\">Press Release Number:</div><div>18-484</div></div>"
                       "<div class=\"node__updated\">Updated April 13, 2018</div></article></div>"
                       "<aside><p>Related: another release with plenty of words in its paragraph.</p></aside>"
                       "<footer><p>Legal Policies &amp; Disclaimers</p></footer>"));
    CHECK(r.title == "Council Meets");
    CHECK(r.paragraphs == Paragraphs{"First paragraph of the release, long enough to be the body.",
                                     "Second paragraph with hidden words.", "A listed item.", "Another item."});
    REQUIRE(r.updated);
    CHECK(r.updated->iso() == "2018-04-13");
}

TEST_CASE("html_reader: the body is the element holding the most paragraph text", "[html_reader]") {
    // No <article> or <main>: the teaser list loses to the release's text.
    auto r = read(page("", "<div class=\"teasers\"><p>Short teaser.</p><p>Another teaser.</p></div>"
                           "<div class=\"content\"><h1>Title</h1><p>A much longer first paragraph of the release "
                           "itself.</p><p>And a second paragraph that is also longer than the teasers.</p></div>"));
    CHECK(r.title == "Title");
    CHECK(r.paragraphs == Paragraphs{"A much longer first paragraph of the release itself.",
                                     "And a second paragraph that is also longer than the teasers."});

    // Within <main>, only: the longer text outside it is not the release's.
    r = read(page("", "<div><p>An enormous block of text outside the main element that is not the release at "
                      "all, repeated, repeated, repeated, repeated, repeated, repeated.</p></div>"
                      "<main><h1>T</h1><p>Inside main.</p></main>"));
    CHECK(r.paragraphs == Paragraphs{"Inside main."});

    // A first paragraph repeating the title adds nothing.
    CHECK(read(page("", "<h1>Council Meets</h1><div><p>Council meets</p><p>Text.</p></div>")).paragraphs ==
          Paragraphs{"Text."});
}

TEST_CASE("html_reader: paragraphs are the p and li elements of the body, else its blocks", "[html_reader]") {
    // Text beside the paragraphs (a date, a label in a <div>) is not a paragraph...
    auto r = read(page("", "<article><h1>T</h1><div class=\"pr-info\">FOR IMMEDIATE RELEASE</div><p>One.</p>"
                           "<div>By the press office</div><ul><li>Two.</li></ul><h3>Related Materials:</h3>"
                           "<p><a href=\"/file.pdf\">Consent Decree</a></p></article>"));
    CHECK(r.paragraphs == Paragraphs{"One.", "Two.", "Consent Decree"});
    // ... but a body laid out without them is read by its blocks and line breaks.
    r = read(page("", "<article><h1>T</h1><div>One<br><br>Two</div><div>Three</div></article>"));
    CHECK(r.paragraphs == Paragraphs{"One", "Two", "Three"});
}

TEST_CASE("html_reader: br br splits a paragraph and whitespace collapses", "[html_reader]") {
    auto r = read(page("", "<article><p>  <br />One<br /><br />Two,\n   still two<br>on a new line.<br /> "
                           "<br />Three <span> <br /><br /></span>Four.</p><p>   </p><p>&nbsp;</p>"
                           "<p>Caf&eacute; &amp; caf\xC3\xA9 &#8220;quoted&#8221;</p></article>"));
    CHECK(r.paragraphs == Paragraphs{"One", "Two, still two on a new line.", "Three", "Four.",
                                     "Caf\xC3\xA9 & caf\xC3\xA9 \u201Cquoted\u201D"});
}

TEST_CASE("html_reader: pages in other charsets are converted to UTF-8", "[html_reader]") {
    // windows-1252: curly quotes and an apostrophe in the 0x80-0x9F range, as Word writes them.
    auto parsed = parse_html_page("<html><head><meta charset=\"windows-1252\"><title>Caf\xE9</title></head><body>"
                                  "<p>\x93Hello\x94 from the Department\x92s caf\xE9.</p></body></html>");
    REQUIRE(parsed.ok());
    CHECK(parsed->charset == "windows-1252");
    CHECK(parsed->release.title == "Caf\xC3\xA9");
    CHECK(parsed->release.paragraphs == Paragraphs{"\u201CHello\u201D from the Department\u2019s caf\xC3\xA9."});

    // ISO-8859-1 is read as windows-1252, as browsers do; the http-equiv form is understood.
    parsed = parse_html_page("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
                             "charset=ISO-8859-1\"></head><body><p>It\x92s</p></body></html>");
    REQUIRE(parsed.ok());
    CHECK(parsed->charset == "windows-1252");
    CHECK(parsed->release.paragraphs == Paragraphs{"It\u2019s"});

    // EUC-KR: "서울시" (Seoul City).
    parsed = parse_html_page("<html><head><meta charset=\"euc-kr\"></head><body><h1>\xBC\xAD\xBF\xEF</h1>"
                             "<p>\xBC\xAD\xBF\xEF\xBD\xC3 \xBC\xAD\xBF\xEF\xBD\xC3</p></body></html>");
    REQUIRE(parsed.ok());
    CHECK(parsed->charset == "windows-949");
    CHECK(parsed->release.title == "서울");
    CHECK(parsed->release.paragraphs == Paragraphs{"서울시 서울시"});
    CHECK(parsed->release.lang == "ko");

    // A byte order mark wins over the declaration.
    parsed = parse_html_page("\xEF\xBB\xBF<meta charset=\"windows-1252\"><p>caf\xC3\xA9</p>");
    REQUIRE(parsed.ok());
    CHECK(parsed->charset == "utf-8");
    CHECK(parsed->release.paragraphs == Paragraphs{"caf\xC3\xA9"});
}

TEST_CASE("html_reader: unknown charsets and undecodable bytes are skipped with a reason", "[html_reader]") {
    std::string e = error_of("<meta charset=\"x-klingon\"><p>Text.</p>");
    CHECK(e.find("`x-klingon`") != std::string::npos);
    CHECK(e.find("not known") != std::string::npos);

    // 0xB0 starts a two-byte EUC-KR character, which a space cannot end.
    e = error_of("<meta charset=\"euc-kr\"><p>Text \xB0 .</p>");
    CHECK(e.find("`euc-kr`") != std::string::npos);
    CHECK(e.find("byte 31 (0xB0)") != std::string::npos);

    // Invalid UTF-8, declared or not: the page is not indexed with replacement characters.
    e = error_of("<meta charset=\"utf-8\"><p>Department\x92s</p>");
    CHECK(e.find("not valid UTF-8") != std::string::npos);
    CHECK(e.find("byte 35 (0x92)") != std::string::npos);
    e = error_of("<p>Department\x92s</p>");
    CHECK(e.find("declares no charset") != std::string::npos);
}

TEST_CASE("html_reader: a page without body paragraphs is skipped with a reason", "[html_reader]") {
    std::string e = error_of(page("<title>Empty Release</title>",
                                  "<nav><p>Home</p></nav><h1>Empty Release</h1><footer><p>Contact us</p></footer>"));
    CHECK(e.find("no body paragraphs") != std::string::npos);
    CHECK(e.find("`Empty Release`") != std::string::npos);

    CHECK(error_of("").find("empty") != std::string::npos);
    CHECK(error_of(" \n\t").find("empty") != std::string::npos);
    CHECK(error_of("<html><body><script>var x = 1;</script></body></html>").find("no body paragraphs") !=
          std::string::npos);
}

namespace {

// Runs parse_html_page on a thread with a small stack: a recursive walk of a deep page would
// overflow it.
struct SmallStackRun {
    std::string html;
    bool ok = false;
    std::vector<std::string> paragraphs;
};

void *parse_on_thread(void *arg) {
    auto *run = static_cast<SmallStackRun *>(arg);
    auto parsed = parse_html_page(run->html);
    run->ok = parsed.ok();
    if (parsed.ok())
        run->paragraphs = parsed->release.paragraphs;
    return nullptr;
}

} // namespace

TEST_CASE("html_reader: a page nesting 10000 elements deep is read without recursion", "[html_reader]") {
    constexpr int kDepth = 10000;
    SmallStackRun run;
    for (int i = 0; i < kDepth; ++i)
        run.html += i % 2 ? "<div>" : "<section>";
    run.html += "<p>Deep down.</p><span>";
    for (int i = 0; i < kDepth; ++i)
        run.html += "<b>";
    run.html += "bold</span><p>";
    for (int i = 0; i < kDepth; ++i)
        run.html += "<span>";
    run.html += "Deeper still.";

    pthread_attr_t attr;
    REQUIRE(pthread_attr_init(&attr) == 0);
    // 10,000 frames of a recursive walk need more: gumbo_destroy_output, gumbo's own recursive
    // destructor, overflows it.
    REQUIRE(pthread_attr_setstacksize(&attr, 256 * 1024) == 0);
    pthread_t thread;
    auto start = std::chrono::steady_clock::now();
    REQUIRE(pthread_create(&thread, &attr, parse_on_thread, &run) == 0);
    pthread_join(thread, nullptr);
    pthread_attr_destroy(&attr);
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    CHECK(run.ok);
    CHECK(run.paragraphs == Paragraphs{"Deep down.", "Deeper still."});
    CHECK(seconds < 10); // gumbo records parse errors with the whole element stack unless told not to
}

TEST_CASE("html_reader: .html and .htm files are read as HTML pages, their path as id", "[html_reader]") {
    using pressroom::indexer::InputKind;
    InputKind kind = InputKind::Page;
    for (const char *name : {"a.html", "b.htm", "C.HTML", "dir/d.Htm"}) {
        INFO(name);
        CHECK(pressroom::indexer::input_kind_of(name, kind));
        CHECK(kind == InputKind::Html);
    }
    CHECK_FALSE(pressroom::indexer::input_kind_of("a.html.bak", kind));

    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / ("pressroom-html-" + std::to_string(std::random_device{}()));
    fs::create_directories(dir / "2018");
    std::ofstream(dir / "2018" / "release.html") << page("<title>A Release | Site</title>", kBody);
    std::ofstream(dir / "2018" / "empty.htm") << page("<title>Nothing</title>", "<nav><p>Home</p></nav>");
    std::vector<std::string> ids, skipped;
    pressroom::indexer::ReadEvents events;
    events.release = [&](pressroom::Release &r, const std::string &) { ids.push_back(r.id + " " + r.title); };
    events.skip = [&](const std::string &where, const std::string &reason) {
        skipped.push_back(where + ": " + reason);
    };
    events.warning = [](const std::string &, const std::string &) {};
    for (const auto &file : pressroom::indexer::list_source(dir)) {
        CHECK(file.kind == InputKind::Html);
        CHECK(pressroom::indexer::read_releases(file, events));
    }
    fs::remove_all(dir);
    CHECK(ids == std::vector<std::string>{"2018/release.html A Release"});
    REQUIRE(skipped.size() == 1);
    CHECK(skipped[0].find("empty.htm: the page `Nothing` has no body paragraphs") != std::string::npos);
}
