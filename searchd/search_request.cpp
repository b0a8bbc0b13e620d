#include "search_request.h"

#include <charconv>

#include "filters.h"
#include "text.h"

namespace pressroom::searchd {

namespace {

Error invalid(const std::string &message) { return Error{ErrorCode::InvalidParameter, message}; }

// The value shown back in an error: cut short, so a huge or binary value stays readable.
std::string shown(const std::string &value) {
    if (!text::is_valid_utf8(value))
        return "(not UTF-8)";
    return value.size() > 40 ? std::string(text::utf8_prefix(value, 40)) + "…" : value;
}

Result<int> int_param(const Params &params, const char *name, int fallback, int min, int max) {
    auto it = params.find(name);
    if (it == params.end() || it->second.empty())
        return fallback;
    const std::string &v = it->second;
    int value = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
    if (ec == std::errc() && end == v.data() + v.size() && value >= min && value <= max)
        return value;
    return invalid("parameter `" + std::string(name) + "` must be a whole number from " + std::to_string(min) + " to " +
                   std::to_string(max) + ", got `" + shown(v) + "`");
}

} // namespace

std::string_view sort_name(Sort sort) {
    switch (sort) {
    case Sort::Newest:
        return "newest";
    case Sort::Oldest:
        return "oldest";
    case Sort::Relevance:
        break;
    }
    return "relevance";
}

bool Filters::empty() const {
    return category.empty() && not_category.empty() && source.empty() && not_source.empty() && lang.empty() &&
           not_lang.empty() && year.empty() && not_year.empty() && speaker.empty() && not_speaker.empty() && !from &&
           !to && !undated_only;
}

Result<SearchRequest> parse_search_request(const Params &params) {
    SearchRequest request;
    if (auto it = params.find("q"); it != params.end()) {
        if (!text::is_valid_utf8(it->second))
            return invalid("parameter `q` is not valid UTF-8; send the query as UTF-8 text");
        if (it->second.size() > kMaxQueryBytes)
            return invalid("parameter `q` is " + std::to_string(it->second.size()) + " bytes long; at most " +
                           std::to_string(kMaxQueryBytes) + " are allowed: shorten the query");
        request.q = it->second;
    }
    auto page = int_param(params, "page", 1, 1, kMaxPage);
    if (!page)
        return page.error();
    auto per_page = int_param(params, "per_page", kDefaultPerPage, 1, kMaxPerPage);
    if (!per_page)
        return per_page.error();
    request.page = *page;
    request.per_page = *per_page;
    for (const char *name : kFilterParams) {
        auto [first, last] = params.equal_range(name);
        for (auto it = first; it != last; ++it)
            if (auto ok = add_filter_value(request.filters, name, it->second); !ok)
                return ok.error();
    }
    std::optional<std::string> from, to;
    if (auto it = params.find("from"); it != params.end() && !text::trim(it->second).empty()) {
        auto bound = date_bound_from(it->second, "parameter `from`");
        if (!bound)
            return bound.error();
        from = *bound;
    }
    if (auto it = params.find("to"); it != params.end() && !text::trim(it->second).empty()) {
        auto bound = date_bound_to(it->second, "parameter `to`");
        if (!bound)
            return bound.error();
        to = *bound;
    }
    if (auto ok = narrow_dates(request.filters, from, to, "parameters `from` and `to`"); !ok)
        return ok.error();
    if (auto it = params.find("undated"); it != params.end() && !it->second.empty()) {
        if (it->second != "only")
            return invalid("parameter `undated` takes only the value `only` (releases that state no date), got `" +
                           shown(it->second) + "`");
        request.filters.undated_only = true;
    }
    auto words = take_query_filters(request.q, request.filters);
    if (!words)
        return words.error();
    request.words = std::move(*words);
    if (auto it = params.find("sort"); it != params.end() && !it->second.empty()) {
        if (it->second == "newest")
            request.sort = Sort::Newest;
        else if (it->second == "oldest")
            request.sort = Sort::Oldest;
        else if (it->second != "relevance")
            return invalid("parameter `sort` must be relevance, newest or oldest, got `" + shown(it->second) + "`");
    }
    if (auto it = params.find("facets"); it != params.end() && !it->second.empty()) {
        if (it->second == "false" || it->second == "0")
            request.facets = false;
        else if (it->second != "true" && it->second != "1")
            return invalid("parameter `facets` must be true or false, got `" + shown(it->second) + "`");
    }
    return request;
}

} // namespace pressroom::searchd
