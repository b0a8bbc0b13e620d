#include "release.h"

#include <nlohmann/json.hpp>

#include "text.h"

namespace pressroom {

std::vector<std::string> Release::categories() const {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= category.size()) {
        std::size_t sep = category.find(';', start);
        std::string part = text::collapse_whitespace(
            std::string_view(category).substr(start, sep == std::string::npos ? std::string::npos : sep - start));
        if (!part.empty())
            out.push_back(std::move(part));
        if (sep == std::string::npos)
            break;
        start = sep + 1;
    }
    return out;
}

std::string Release::body() const {
    std::string out;
    for (const auto &p : paragraphs) {
        if (!out.empty())
            out += "\n\n";
        out += p;
    }
    return out;
}

namespace {

nlohmann::json or_null(const std::string &s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); }

nlohmann::json date_or_null(const std::optional<Date> &d) { return d ? nlohmann::json(d->iso()) : nlohmann::json(); }

} // namespace

nlohmann::json to_json(const Release &r) {
    return nlohmann::json{
        {"id", r.id},
        {"title", r.title},
        {"subtitle", or_null(r.subtitle)},
        {"category", or_null(r.category)},
        {"source", or_null(r.source)},
        {"url", or_null(r.url)},
        {"date", date_or_null(r.date)},
        {"updated", date_or_null(r.updated)},
        {"lang", r.lang},
        {"byline", or_null(r.byline)},
        {"reference", or_null(r.reference)},
        {"paragraphs", r.paragraphs},
    };
}

} // namespace pressroom
