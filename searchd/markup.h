// Escaping and small markup helpers shared by the server-rendered pages, the Atom feed, the
// OpenSearch description and the exports. Pure; all take and return UTF-8.
#pragma once

#include <string>
#include <string_view>

#include "date.h"

namespace pressroom::searchd {

// Text for HTML element content or a double- or single-quoted attribute: & < > " ' escaped.
std::string html_escape(std::string_view s);

// Text for XML 1.0 content or attributes: & < > " ' escaped, characters XML 1.0 does not allow
// (control characters other than tab, LF and CR; U+FFFE, U+FFFF) dropped, and bytes that are
// not valid UTF-8 replaced with U+FFFD, so the document stays well-formed whatever the input.
std::string xml_escape(std::string_view s);

// Percent-encodes every byte except the unreserved A-Z a-z 0-9 - . _ ~ (RFC 3986), for a
// path segment or a query value.
std::string url_encode(std::string_view s);

// The text of an HTML fragment such as a snippet_html: tags (<mark>) removed; &amp; &lt; &gt;
// &quot; &apos; &#39; and other numeric references decoded. Unknown named references are kept
// as written; numeric references to no character become U+FFFD.
std::string plain_text(std::string_view html);

// The document page's path: "/doc/" + url_encode(id), with "#pN" when paragraph > 0.
std::string doc_path(std::string_view id, int paragraph = 0);

// Whether s is an absolute http:// or https:// address (ASCII case-insensitive scheme). Only
// such addresses become link targets: a stored "javascript:" URL must never be clickable.
bool is_http_url(std::string_view s);

// A date as people write it: "2 March 2015", "2 March 2015, 16:30", "March 2015", "2015".
std::string human_date(const Date &date);

// The date part of Date::iso(), without the time: "2015-03-02", "2015-03" or "2015".
std::string iso_day(const Date &date);

} // namespace pressroom::searchd
