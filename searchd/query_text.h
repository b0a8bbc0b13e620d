// Rewrites of the typed query text before Xapian's QueryParser reads it. Pure: each takes the
// folded, whitespace-collapsed query (words separated by single spaces) and returns text.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace pressroom::searchd::query_text {

// Words so common that requiring them would only lose results; ignored outside phrases.
std::span<const char *const> stop_words();
bool is_stop_word(std::string_view word);
// AND, OR, NOT, XOR, NEAR, ADJ (and NEAR/n, ADJ/n), upper case only.
bool is_operator(std::string_view word);

// Query syntax characters become spaces, leaving only words (hyphens inside words stay).
std::string words_only(std::string_view q);

// Lower-cases every word but the boolean operators. QueryParser leaves capitalised words
// unstemmed, so "Won Soon" would miss "Won Soon’s" (indexed as soon's, stem soon); lower
// case lets names match their possessive and plural forms too. Phrases are unaffected: their
// words are never stemmed.
std::string lower_case_words(std::string_view q);

// "-a -b" (nothing but exclusions, stop words aside) -> "NOT a NOT b": Xapian refuses a query
// that only excludes, and would silently search for the excluded words instead.
std::string exclusions_as_not(std::string_view q);

// Moves the years (1900-2099) typed as words outside phrases from q into `years`.
std::string take_years(std::string_view q, std::vector<std::string> &years);

// The words the user wants, for ranking evidence: without operators, excluded words (after -
// or NOT), field searches and syntax characters.
std::string plain_words(std::string_view q);
// The same words in groups: a quoted phrase is one group, any other word (hyphenated ones
// included) one of its own. Wherever the phrase or word matches, its words are next to each other.
std::vector<std::string> plain_word_groups(std::string_view q);

// "a "b c" d" -> "a +"b c" d": with OR as the default operator a phrase stays a requirement.
// Phrases inside parentheses are left alone: they are alternatives.
std::string required_phrases(std::string_view q);

// NEAR and ADJ (and NEAR/n, ADJ/n) as Xapian's QueryParser can read them. It takes them only
// between single plain words with nothing but operators beside the run: "a NEAR b c" or
// "-a NEAR b-c" fail its grammar, and it then searches every word instead (Xapian 1.4.22 also
// leaks a term on some of these failures, e.g. "-a NEAR b c"). A run of plain words is put in
// parentheses, a leading + or - staying outside ("-a NEAR b c" -> "-(a NEAR b) c"); a run with
// any other operand (a phrase, a field, a wildcard, a hyphenated or CJK word) keeps its words
// and the operator becomes a word, as Xapian would read it ("a NEAR b-c" -> "a near b-c").
std::string group_positional(std::string_view q);

// A lower-case word outside phrases that the index does not know (termfreq 0) but that is two
// known words run together ("wonsoon", "sehoon") becomes the two joined by a hyphen, which
// QueryParser reads as a phrase: it then finds "Won Soon" and "Won-soon" alike. Of several
// splits, the one whose rarer half is most common wins.
std::string split_run_together(std::string_view q, const std::function<unsigned(const std::string &)> &termfreq);

// Two neighbouring lower-case words outside phrases that the index also knows written as one
// ("health care", indexed "healthcare" too) may match either way: "a b" becomes
// "(a b OR ab)". Stop words are never joined.
std::string join_split_words(std::string_view q, const std::function<unsigned(const std::string &)> &termfreq);

// A run of words outside phrases that is a member of a synonym group (folded as
// fold_synonym does: hyphens count as spaces) becomes the group, every member as a phrase:
// "smg" -> "(smg OR "seoul metropolitan government")". The longest member wins; the groups
// used are appended to `used`.
std::string expand_synonyms(std::string_view q, const std::vector<std::vector<std::string>> &groups,
                            std::vector<std::vector<std::string>> &used);

// How the query's words are read, in plain words, for the user to check: "all of: air,
// quality; phrase: "seoul beijing"; without: smog; ignored: the; preferring: 2013".
// `q` is the lower-cased query (as lower_case_words returns it); `synonyms` are the groups
// expand_synonyms used. Empty when there are no words.
std::string read_query(std::string_view q, const std::vector<std::vector<std::string>> &synonyms);

// What to tell the user about broken syntax; empty when there is nothing to say.
std::string syntax_notice(std::string_view q, bool reparsed);

} // namespace pressroom::searchd::query_text
