// Saved HTML web pages (a browser's "Save page as", a crawler's download): decodes the bytes by
// the charset the page declares, parses them with gumbo (an HTML5 parser) and reads the release
// as a reader sees the page: title, subtitle, dates, canonical URL, category, publisher, the
// release number and the article's paragraphs, leaving the site's chrome (menus, breadcrumbs,
// share buttons, sidebars, footers, hidden text, page metadata) out. Pure: no I/O, no logging.
//
// The rules, in the order they are tried:
// - charset: a byte order mark, else the first <meta charset> or <meta http-equiv=Content-Type>,
//   else UTF-8. Labels are read as browsers read them (ISO-8859-1 and ASCII are windows-1252,
//   EUC-KR is windows-949); other charsets than UTF-8 are converted with ICU. An unknown charset,
//   a byte that does not decode in the charset (invalid UTF-8 included) or invalid UTF-8 in a
//   page declaring none fails the page, with the byte's offset: a browser would show
//   replacement characters, the index should not hold them.
// - body: the element named by a known class (justice.gov's `field--name-field-pr-body`, Drupal's
//   `field--name-body`) or itemprop=articleBody; else, within the <article>, <main> or role=main
//   elements (the whole page when it has none), the element whose own paragraphs (its <p>
//   children and the items of its lists) hold the most text; else (no <p> anywhere) the outermost
//   content element, else <body>. Each <p> and <li> in it is a paragraph, split at `<br><br>`;
//   text beside them and headings are not (a body without any <p> or <li> is read by its blocks).
//   Chrome inside it (nav, aside, footer, forms, share buttons, hidden text) is left out, and so
//   is a paragraph that only states a date ("Updated April 13, 2018") or repeats the title.
// - title: h1#node-title; else the last h1 before the body's first paragraph (within the content
//   elements when the page has them); else og:title; else <title> without the site name after
//   " | " or " - ".
// - date: dc:date, article:published_time or itemprop=datePublished; else the first
//   <time datetime>; else a displayed date (an element with a date class, such as
//   `span.date-display-single`); else a "Posted ..." line. A machine-readable time of exactly
//   midnight is a date without time. updated: article:modified_time, else an "Updated ..." line.
// - url: <link rel=canonical>, else og:url. category: justice.gov's "Component(s):" list, else the
//   article:section metas, joined with "; ". subtitle: h2#node-subtitle. reference: justice.gov's
//   "Press Release Number:". source: og:site_name, else justice.gov's department and office.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "release.h"
#include "result.h"

namespace pressroom::indexer {

struct ParsedHtml {
    Release release;                   // id is left empty: the caller knows the file's path
    std::string charset;               // what the bytes were decoded as: "utf-8", "windows-1252", ...
    std::vector<std::string> warnings; // e.g. the page states no title
};

// Fails (ErrorCode::InvalidInput) on an empty page, an unknown or undecodable charset, and a
// page with no body paragraphs. The DOM is walked without recursion and gumbo's tree is freed
// without its recursive destructor, so deeply nested pages cannot exhaust the stack.
Result<ParsedHtml> parse_html_page(std::string_view bytes);

} // namespace pressroom::indexer
