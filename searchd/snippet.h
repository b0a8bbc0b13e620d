// Highlighted snippets and titles. Output comes only from Xapian::MSet::snippet, which
// HTML-escapes the text and wraps matches in <mark>...</mark>.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "release.h"

namespace pressroom::searchd {

// Bytes of body text handed to MSet::snippet: its cost grows with the text (about 37 µs per
// KB here), so the text is cut to a window starting at the first paragraph that mentions a
// query word; 1 KB leaves ample room for a snippet of kSnippetLength.
inline constexpr std::size_t kSnippetSourceBytes = 1024;
// Length of a snippet, in bytes of text.
inline constexpr std::size_t kSnippetLength = 300;

// Where a release's snippet may come from: the subtitle (a match may be only there), then the
// body's paragraphs.
std::vector<std::string> snippet_paragraphs(const Release &release);

// Which of `paragraphs` mentions the most different `hints` (ASCII case-insensitive; the
// earliest of equals), reading at most 16 KB of text; nothing when none mentions any.
std::optional<std::size_t> best_paragraph(const std::vector<std::string> &paragraphs,
                                          const std::vector<std::string> &hints);

// Which of `paragraphs` the snippet `snippet_text` (plain text, as made from the
// snippet_source starting at paragraph `first`) starts in; nothing when it cannot be found.
std::optional<std::size_t> snippet_paragraph(const std::vector<std::string> &paragraphs, std::size_t first,
                                             std::string_view snippet_text);

// The text to build a snippet from: paragraphs joined by spaces, starting with the paragraph
// that contains the most different `hints` (ASCII case-insensitive; the earliest of equals),
// at most `cap` bytes, cut at a space (or, failing one, a UTF-8 character boundary). Starts
// at the top when no paragraph has a hint.
std::string snippet_source(const std::vector<std::string> &paragraphs, const std::vector<std::string> &hints,
                           std::size_t cap = kSnippetSourceBytes);

// snippet_source's text from paragraph `first` on, for a caller that already knows the best
// paragraph.
std::string snippet_window(const std::vector<std::string> &paragraphs, std::size_t first,
                           std::size_t cap = kSnippetSourceBytes);

// The stemmer to highlight a page of `query`'s matches with (snippet_html, title_html).
// MSet::snippet stems every word of its text; a word whose first letter (a to z) begins none of
// the query's stemmed terms cannot match one, so it is not stemmed, and the others are, by the
// thread's remembering stemmer. That holds because English stems (schema::make_stemmer) keep a
// word's first letter: all 64,116 words of DOJ's index that begin with a to z do.
Xapian::Stem page_stemmer(const Xapian::Query &query);

// A snippet of `text` around the MSet's query matches, HTML-escaped, with <mark> tags and
// "…" where text was left out. `stem`: page_stemmer() of a query holding every word of the
// MSet's; by default every word is stemmed.
std::string snippet_html(const Xapian::MSet &mset, std::string_view text, std::size_t length = kSnippetLength,
                         const Xapian::Stem *stem = nullptr);

// The opening of `text` (up to about `length` bytes, cut at a space), HTML-escaped, with "…"
// when text was left out: the snippet for a query with no words, such as the empty query.
std::string opening_html(std::string_view text, std::size_t length = kSnippetLength);

// The whole of a title or paragraph, HTML-escaped, with query matches in <mark> tags. `stem`
// as for snippet_html.
std::string title_html(const Xapian::MSet &mset, std::string_view title, const Xapian::Stem *stem = nullptr);

} // namespace pressroom::searchd
