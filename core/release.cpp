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

std::string get_string(const nlohmann::json &j, const char *key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<Date> get_date(const nlohmann::json &j, const char *key) {
    auto parsed = parse_iso_date(get_string(j, key));
    if (!parsed)
        return std::nullopt;
    return parsed.value();
}

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

Release release_from_json(const nlohmann::json &j) {
    Release r;
    r.id = get_string(j, "id");
    r.title = get_string(j, "title");
    r.subtitle = get_string(j, "subtitle");
    r.category = get_string(j, "category");
    r.source = get_string(j, "source");
    r.url = get_string(j, "url");
    r.date = get_date(j, "date");
    r.updated = get_date(j, "updated");
    r.lang = get_string(j, "lang");
    r.byline = get_string(j, "byline");
    r.reference = get_string(j, "reference");
    if (auto it = j.find("paragraphs"); it != j.end() && it->is_array())
        for (const auto &p : *it)
            if (p.is_string())
                r.paragraphs.push_back(p.get<std::string>());
    return r;
}

} // namespace pressroom
