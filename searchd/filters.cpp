#include "filters.h"

#include <algorithm>
#include <cstdio>

#include <fmt/format.h>

#include "date.h"
#include "document_set.h"
#include "schema.h"
#include "text.h"

namespace pressroom::searchd {

namespace {

constexpr std::size_t kMaxFilterValueBytes = 200;

Error invalid(std::string message) { return Error{ErrorCode::InvalidParameter, std::move(message)}; }

std::string ymd(int year, int month, int day) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    return buf;
}

Result<Date> parse_bound(std::string_view value, std::string_view what) {
    auto date = parse_iso_date(text::trim(value));
    if (!date)
        return invalid(std::string(what) + " must be a date written YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2013 or " +
                       "2013-05-21), got " +
                       (text::is_valid_utf8(value) ? "`" + std::string(text::utf8_prefix(value, 40)) + "`"
                                                   : std::string("text that is not UTF-8")));
    return *date;
}

bool is_digits(std::string_view s, std::size_t n) {
    return s.size() == n && s.find_first_not_of("0123456789") == std::string_view::npos;
}

bool is_lang_code(std::string_view s) {
    return s.size() >= 2 && s.size() <= 12 &&
           s.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-") == std::string_view::npos;
}

// The byte length of a double quote (straight or curly) at s[i], or 0.
std::size_t quote_at(std::string_view s, std::size_t i) {
    if (s[i] == '"')
        return 1;
    if (s.substr(i, 3) == "\u201c" || s.substr(i, 3) == "\u201d" || s.substr(i, 3) == "\u201e")
        return 3;
    return 0;
}

std::string date_key(const std::string &iso) {
    std::string key = iso;
    key.erase(std::remove(key.begin(), key.end(), '-'), key.end());
    return key;
}

// The words of `text` as the index's unstemmed terms would be, sorted.
std::vector<std::string> words_of(std::string_view text) {
    Xapian::TermGenerator generator;
    generator.set_flags(schema::kTermGeneratorFlags);
    Xapian::Document doc;
    generator.set_document(doc);
    generator.index_text_without_positions(text::fold_for_terms(text));
    std::vector<std::string> words;
    for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t)
        words.push_back(*t);
    return words;
}

enum class Match { Whole, WholeOrWords };

// The whole value when the index knows it; else (WholeOrWords) every value the index knows that
// holds all of its words: category:tax finds "Tax Division" and "Tax Division; USAO - Ohio".
// The values are few (a boolean term each), so their words are read here rather than indexed.
Xapian::Query value_query(std::string_view prefix, Match match, const std::string &value, const Xapian::Database &db) {
    std::string term = schema::boolean_term(prefix, value);
    if (match == Match::Whole || db.get_termfreq(term) > 0)
        return Xapian::Query(term);
    std::vector<std::string> wanted = words_of(value);
    if (wanted.empty())
        return Xapian::Query(term);
    std::vector<Xapian::Query> holders;
    for (auto t = db.allterms_begin(std::string(prefix)); t != db.allterms_end(std::string(prefix)); ++t) {
        std::vector<std::string> words = words_of(std::string_view(*t).substr(prefix.size()));
        if (std::includes(words.begin(), words.end(), wanted.begin(), wanted.end()))
            holders.emplace_back(*t);
    }
    if (holders.empty())
        return Xapian::Query(term); // matches nothing
    return Xapian::Query(Xapian::Query::OP_OR, holders.begin(), holders.end());
}

Xapian::Query any_of(const std::vector<std::string> &values, std::string_view prefix, Match match,
                     const Xapian::Database &db) {
    std::vector<Xapian::Query> queries;
    for (const auto &value : values)
        queries.push_back(value_query(prefix, match, value, db));
    return Xapian::Query(Xapian::Query::OP_OR, queries.begin(), queries.end());
}

std::string joined(const std::vector<std::string> &values, std::string_view separator) {
    std::string out;
    for (const auto &value : values)
        out += (out.empty() ? "" : std::string(separator)) + value;
    return out;
}

} // namespace

Result<std::string> date_bound_from(std::string_view value, std::string_view what) {
    auto date = parse_bound(value, what);
    if (!date)
        return date.error();
    return ymd(date->year, date->month ? date->month : 1, date->day ? date->day : 1);
}

Result<std::string> date_bound_to(std::string_view value, std::string_view what) {
    auto date = parse_bound(value, what);
    if (!date)
        return date.error();
    int month = date->month ? date->month : 12;
    int day = date->day;
    if (!day)
        for (day = 31; !is_valid_day(date->year, month, day); --day) {
        }
    return ymd(date->year, month, day);
}

Result<bool> add_filter_value(Filters &filters, std::string_view name, std::string_view raw, std::string_view what) {
    std::string value = text::collapse_whitespace(raw);
    if (value.empty())
        return true; // an empty parameter, as an empty form field sends: no filter
    std::string subject = what.empty() ? "parameter `" + std::string(name) + "`" : std::string(what);
    std::string shown = "`" + std::string(text::utf8_prefix(value, 40)) + "`";
    if (!text::is_valid_utf8(value))
        return invalid(subject + " is not valid UTF-8");
    if (value.size() > kMaxFilterValueBytes)
        return invalid(subject + " is too long (at most " + std::to_string(kMaxFilterValueBytes) + " bytes)");
    std::string_view field = name.starts_with("not_") ? name.substr(4) : name;
    if (field == "year" && !is_digits(value, 4))
        return invalid(subject + " must be a year written YYYY, got " + shown);
    if (field == "lang" && !is_lang_code(value))
        return invalid(subject + " must be a language code such as en or ko, got " + shown);
    // Each filter parameter and the list it fills.
    static constexpr std::pair<std::string_view, std::vector<std::string> Filters::*> kLists[] = {
        {"category", &Filters::category}, {"not_category", &Filters::not_category},
        {"source", &Filters::source},     {"not_source", &Filters::not_source},
        {"lang", &Filters::lang},         {"not_lang", &Filters::not_lang},
        {"year", &Filters::year},         {"not_year", &Filters::not_year},
        {"speaker", &Filters::speaker},   {"not_speaker", &Filters::not_speaker},
    };
    auto list = std::find_if(std::begin(kLists), std::end(kLists), [&](const auto &l) { return l.first == name; });
    if (list == std::end(kLists))
        return invalid("unknown filter `" + std::string(name) + "`");
    std::vector<std::string> *target = &(filters.*(list->second));
    if (std::find(target->begin(), target->end(), value) == target->end())
        target->push_back(std::move(value));
    return true;
}

Result<bool> narrow_dates(Filters &filters, const std::optional<std::string> &from,
                          const std::optional<std::string> &to, std::string_view what) {
    if (from && (!filters.from || *from > *filters.from))
        filters.from = from;
    if (to && (!filters.to || *to < *filters.to))
        filters.to = to;
    if (filters.from && filters.to && *filters.from > *filters.to)
        return invalid("the dates do not overlap (" + std::string(what) + "): from " + *filters.from + " is after to " +
                       *filters.to + "; widen the range");
    return true;
}

Result<std::string> take_query_filters(std::string_view q, Filters &filters) {
    static constexpr std::string_view kFields[] = {"category", "source", "lang", "year", "date", "speaker"};
    std::string rest;
    std::size_t i = 0;
    while (i < q.size()) {
        bool at_word_start = i == 0 || q[i - 1] == ' ' || q[i - 1] == '\t' || q[i - 1] == '(';
        std::size_t start = i;
        bool exclude = at_word_start && q[i] == '-';
        std::size_t name_at = exclude ? i + 1 : i;
        std::string_view field;
        if (at_word_start)
            for (std::string_view f : kFields)
                if (q.size() > name_at + f.size() && text::starts_with_ci(q.substr(name_at), f) &&
                    q[name_at + f.size()] == ':')
                    field = f;
        if (field.empty()) {
            rest += q[i++];
            continue;
        }
        // The value: quoted, or up to the next space.
        std::size_t v = name_at + field.size() + 1;
        std::string value;
        std::size_t end;
        if (std::size_t open = v < q.size() ? quote_at(q, v) : 0) {
            std::size_t close = v + open;
            while (close < q.size() && !quote_at(q, close))
                ++close;
            value = q.substr(v + open, close - v - open);
            end = close < q.size() ? close + quote_at(q, close) : close;
        } else {
            end = v;
            while (end < q.size() && q[end] != ' ' && q[end] != '\t' && q[end] != ')')
                ++end;
            value = q.substr(v, end - v);
        }
        std::string word(q.substr(start, end - start));
        if (text::trim(value).empty())
            return invalid("`" + word + "` names no value; write e.g. " + std::string(field) +
                           (field == "date"   ? ":2013..2016"
                            : field == "year" ? ":2015"
                                              : ":\"...\""));
        if (field == "date") {
            if (exclude)
                return invalid("`" + word + "`: a date range cannot be excluded; ask for the dates you want, " +
                               "e.g. date:..2012 or date:2017..");
            if (text::fold_case(value) == "none") {
                filters.undated_only = true;
            } else {
                std::size_t dots = value.find("..");
                std::string_view low =
                    dots == std::string::npos ? std::string_view(value) : std::string_view(value).substr(0, dots);
                std::string_view high =
                    dots == std::string::npos ? std::string_view(value) : std::string_view(value).substr(dots + 2);
                std::optional<std::string> from, to;
                std::string what = "`" + word + "`";
                if (!text::trim(low).empty()) {
                    auto bound = date_bound_from(low, what);
                    if (!bound)
                        return bound.error();
                    from = *bound;
                }
                if (!text::trim(high).empty()) {
                    auto bound = date_bound_to(high, what);
                    if (!bound)
                        return bound.error();
                    to = *bound;
                }
                if (!from && !to)
                    return invalid("`" + word + "` names no date; write e.g. date:2013..2016");
                if (auto ok = narrow_dates(filters, from, to, what); !ok)
                    return ok.error();
            }
        } else {
            std::string name = (exclude ? "not_" : "") + std::string(field);
            if (auto ok = add_filter_value(filters, name, value, "`" + word + "`"); !ok)
                return ok.error();
        }
        rest += ' ';
        i = end;
    }
    return text::collapse_whitespace(rest);
}

namespace {

// About how many documents of `db` are dated from `low` to `high` (YYYYMMDD), in the years
// `first` to `last`: by their year terms, a year the range cuts through counted by the share of
// its days it covers.
Xapian::doccount dated_within(const Xapian::Database &db, const std::string &low, const std::string &high, int first,
                              int last) {
    auto day = [](const std::string &yyyymmdd) {
        return (std::stoi(yyyymmdd.substr(4, 2)) - 1) * 31 + std::stoi(yyyymmdd.substr(6, 2));
    };
    double count = 0;
    for (int year = first; year <= last; ++year) {
        std::string yyyy = fmt::format("{:04d}", year);
        std::string start = std::max(low, yyyy + "0101"), end = std::min(high, yyyy + "1231");
        count += db.get_termfreq(std::string(schema::prefix::kYear) + yyyy) * (day(end) - day(start) + 1) / 372.0;
    }
    return static_cast<Xapian::doccount>(count + 0.5);
}

} // namespace

Xapian::Query date_range(const Xapian::Query &query, const Filters &f, Xapian::valueno slot, const Xapian::Database &db,
                         bool every_match) {
    if (!f.from && !f.to)
        return {};
    std::string low = f.from ? date_key(*f.from) : "0", high = f.to ? date_key(*f.to) : "99999999";
    std::string lowest = db.get_value_lower_bound(slot), highest = db.get_value_upper_bound(slot);
    if (lowest.size() < 4 || highest.size() < 4 || low > high || low > highest || high < lowest)
        return Xapian::Query::MatchNothing;
    // A range holding few of the dated documents is read through its year terms, and only in a
    // year it cuts through are the dates checked (ValueRange, led there by the year term). At
    // 1M releases the best ten of "attorney general" from 2009 to 2010 took 4.6 ms so, against
    // 18.8 ms checking every match's date. A wide range keeps almost every match, so a check of
    // each match is cheaper than an OR of many long year lists ("takeover bid" from 1987-03:
    // 7.2 ms against 9.7 ms).
    int first = std::stoi(std::max(low, lowest).substr(0, 4)), last = std::stoi(std::min(high, highest).substr(0, 4));
    Xapian::doccount held = 0, wide = db.get_value_freq(slot) / 4;
    std::vector<Xapian::Query> years;
    for (int year = first; year <= last && held <= wide; ++year) {
        std::string yyyy = fmt::format("{:04d}", year), term = std::string(schema::prefix::kYear) + yyyy;
        held += db.get_termfreq(term);
        if (low <= yyyy + "0101" && yyyy + "1231" <= high)
            years.emplace_back(term);
        else
            years.emplace_back(Xapian::Query::OP_FILTER, Xapian::Query(term),
                               Xapian::Query((new ValueRange(slot, low, high))->release()));
    }
    if (held <= wide)
        return Xapian::Query(Xapian::Query::OP_OR, years.begin(), years.end());
    if (query.get_type() != Xapian::Query::LEAF_MATCH_ALL)
        return Xapian::Query((new ValueRange(slot, low, high))->release());
    // Alone, the range is what the match runs through, and its estimate is the count shown when
    // facets are off and what tells date order to walk the years rather than sort every match.
    // OP_VALUE_RANGE estimates from the bytes of the bounds: 20 of the 1M releases from 2006
    // on, where 593,000 match, so that page sorted them all (65 ms; walked, 1.5 ms). When every
    // match is visited anyway, OP_VALUE_RANGE reads them quicker (from 1987-06 oldest first with
    // facets: 82 ms against 106 ms).
    if (every_match)
        return Xapian::Query(Xapian::Query::OP_VALUE_RANGE, slot, low, high);
    return Xapian::Query((new ValueRange(slot, low, high, dated_within(db, low, high, first, last)))->release());
}

Xapian::Query apply_filters(const Xapian::Query &query, const Filters &f, const Xapian::Database &db,
                            Xapian::valueno date_slot, bool every_match) {
    namespace p = schema::prefix;
    std::vector<Xapian::Query> must;
    if (!f.category.empty())
        must.push_back(any_of(f.category, p::kCategory, Match::WholeOrWords, db));
    if (!f.source.empty())
        must.push_back(any_of(f.source, p::kSource, Match::WholeOrWords, db));
    if (!f.lang.empty())
        must.push_back(any_of(f.lang, p::kLang, Match::Whole, db));
    if (!f.year.empty())
        must.push_back(any_of(f.year, p::kYear, Match::Whole, db));
    if (f.from || f.to)
        must.push_back(date_range(query, f, date_slot, db, every_match));
    if (f.undated_only)
        must.emplace_back(std::string(p::kUndated));
    std::vector<Xapian::Query> must_not;
    if (!f.not_category.empty())
        must_not.push_back(any_of(f.not_category, p::kCategory, Match::WholeOrWords, db));
    if (!f.not_source.empty())
        must_not.push_back(any_of(f.not_source, p::kSource, Match::WholeOrWords, db));
    if (!f.not_lang.empty())
        must_not.push_back(any_of(f.not_lang, p::kLang, Match::Whole, db));
    if (!f.not_year.empty())
        must_not.push_back(any_of(f.not_year, p::kYear, Match::Whole, db));
    Xapian::Query out = query;
    if (!must.empty())
        out = Xapian::Query(Xapian::Query::OP_FILTER, out,
                            Xapian::Query(Xapian::Query::OP_AND, must.begin(), must.end()));
    if (!must_not.empty())
        out = Xapian::Query(Xapian::Query::OP_AND_NOT, out,
                            Xapian::Query(Xapian::Query::OP_OR, must_not.begin(), must_not.end()));
    return out;
}

std::string describe_filters(const Filters &f) {
    std::vector<std::string> parts;
    auto add = [&](const char *label, const std::vector<std::string> &values) {
        if (!values.empty())
            parts.push_back(std::string(label) + ": " + joined(values, " or "));
    };
    add("category", f.category);
    add("not category", f.not_category);
    add("source", f.source);
    add("not source", f.not_source);
    add("language", f.lang);
    add("not language", f.not_lang);
    add("year", f.year);
    add("not year", f.not_year);
    add("said by", f.speaker);
    add("not said by", f.not_speaker);
    if (f.from && f.to)
        parts.push_back("dated " + *f.from + " to " + *f.to);
    else if (f.from)
        parts.push_back("dated from " + *f.from);
    else if (f.to)
        parts.push_back("dated up to " + *f.to);
    if (f.undated_only)
        parts.push_back("undated only");
    return joined(parts, "; ");
}

} // namespace pressroom::searchd
