#include "search_request.h"

#include <charconv>

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
    return request;
}

} // namespace pressroom::searchd
