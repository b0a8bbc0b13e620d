// Filters: which releases may match, by category, publisher, language and date. Reads them
// from request parameters and from field:value words in the query, and turns them into the
// Xapian query that restricts a search. Pure apart from asking the database which values it
// knows.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

#include "result.h"
#include "schema.h"
#include "search_request.h"

namespace pressroom::searchd {

// A date as a filter bound: YYYY, YYYY-MM or YYYY-MM-DD, widened to the first (from) or the
// last (to) day of the period it names. Returns YYYY-MM-DD. `what` names the parameter or
// query word in the error message.
Result<std::string> date_bound_from(std::string_view value, std::string_view what);
Result<std::string> date_bound_to(std::string_view value, std::string_view what);

// Adds one value of a filter parameter (category, not_category, ..., year, not_year) to
// `filters`. `name` must be one of kFilterParams; `what` names the value in error messages
// (default: the parameter).
Result<bool> add_filter_value(Filters &filters, std::string_view name, std::string_view value,
                              std::string_view what = {});
inline constexpr const char *kFilterParams[] = {"category", "not_category", "source",   "not_source", "lang",
                                                "not_lang", "year",         "not_year", "speaker",    "not_speaker"};

// Moves the filter words of a query into `filters` and returns the rest of the query:
//   category:"Mayor's News"  source:doj  lang:en  year:2015
//   date:2013..2016  date:2013-05..2014  date:2015..  date:..2016  date:2015  date:none
// A leading - excludes (-category:"Tax Division"). Values may be quoted with straight or
// curly double quotes. Dates given both here and as parameters narrow each other.
Result<std::string> take_query_filters(std::string_view q, Filters &filters);

// Narrows a date range to its intersection with [from, to]; an error when they do not overlap.
Result<bool> narrow_dates(Filters &filters, const std::optional<std::string> &from,
                          const std::optional<std::string> &to, std::string_view what);

// `query` restricted by `filters` (all but the speaker filters, which need the quotations
// database: Searcher applies them). A category or source value matches the whole value when
// some release has it (case-insensitively), else its words ("tax" finds "Tax Division").
// Several values of one filter are any of them. Quotations are filtered here too, with their
// date slot: they have the releases' year and undated terms, and no category, source or
// language terms (searchd refuses those filters for quotations). `every_match`: the match
// will visit every document it matches (to count facets); see date_range.
Xapian::Query apply_filters(const Xapian::Query &query, const Filters &filters, const Xapian::Database &db,
                            Xapian::valueno date_slot = schema::slot::kDate, bool every_match = false);

// The leaf that keeps the documents of `db` dated from filters.from to filters.to (either may
// be open), for a filter on `query`: by their year terms when the range holds few documents,
// else by their date in value `slot`, checked on the query's matches or, when the query matches
// everything, read through the value stream. Read so, the range comes with an estimate of its
// count from the year terms, unless `every_match` says the match visits every document anyway
// (then Xapian's own range, quicker to read but whose estimate is far out). Null without dates;
// MatchNothing when no document's date can be in the range.
Xapian::Query date_range(const Xapian::Query &query, const Filters &filters, Xapian::valueno slot,
                         const Xapian::Database &db, bool every_match = false);

// The filters in plain words: "category: Mayor's News; not source: donga.com; dated
// 2013-01-01 to 2016-12-31"; empty when there are none.
std::string describe_filters(const Filters &filters);

} // namespace pressroom::searchd
