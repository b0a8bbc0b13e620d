#include "render.h"

#include <cmath>
#include <string_view>

#include <nlohmann/json.hpp>

#include "markup.h"

namespace pressroom::searchd {

namespace {

// took_ms as every answer states it: milliseconds to the microsecond.
double rounded_ms(double took_ms) { return std::round(took_ms * 1000) / 1000; }

constexpr std::string_view kTookKey = "\"took_ms\":";

nlohmann::json or_null(const std::string &s) { return s.empty() ? nlohmann::json() : nlohmann::json(s); }

nlohmann::json hit_json(const SearchHit &hit) {
    const Release &r = hit.release;
    return {
        {"id", r.id},
        {"title", r.title},
        {"title_html", hit.title_html},
        {"url", or_null(r.url)},
        {"date", r.date ? nlohmann::json(r.date->iso()) : nlohmann::json()},
        {"category", or_null(r.category)},
        {"source", or_null(r.source)},
        {"snippet_html", hit.snippet_html},
        {"lang", r.lang.empty() ? "en" : r.lang},
        {"paragraph", hit.paragraph > 0 ? nlohmann::json(hit.paragraph) : nlohmann::json()},
        {"score", std::round(hit.score * 1000) / 1000},
    };
}

nlohmann::json facet_json(const std::vector<FacetValue> &values) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto &v : values)
        out.push_back({{"value", v.value}, {"count", v.count}});
    return out;
}

nlohmann::json facets_json(const std::optional<Facets> &facets) {
    if (!facets)
        return nullptr;
    return {{"category", facet_json(facets->category)},
            {"source", facet_json(facets->source)},
            {"lang", facet_json(facets->lang)},
            {"year", facet_json(facets->year)},
            {"undated", facets->undated}};
}

nlohmann::json hits_json(const std::vector<SearchHit> &hits) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto &hit : hits)
        out.push_back(hit_json(hit));
    return out;
}

std::string dump(const nlohmann::json &j) {
    // Replace rather than throw on invalid UTF-8: stored text is validated at index time,
    // so this only guards against surprises.
    return j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

// What /api/search and /api/quotes answer alike: the query, the count, the page, the time
// taken, the notice, the sort and the reading.
template <typename Result> nlohmann::json envelope(const Result &result, double took_ms) {
    return {
        {"query", result.query},
        {"total", result.total},
        {"total_exact", result.total_exact},
        {"page", result.page},
        {"per_page", result.per_page},
        {"took_ms", rounded_ms(took_ms)},
        {"notice", or_null(result.notice)},
        {"partial", result.partial},
        {"sort", sort_name(result.sort)},
        {"query_reading", result.reading},
    };
}

} // namespace

std::string TimedBody::with(double took_ms) const {
    if (after.empty())
        return before;
    std::string out;
    std::string took = nlohmann::json(rounded_ms(took_ms)).dump();
    out.reserve(before.size() + took.size() + after.size());
    out += before;
    out += took;
    out += after;
    return out;
}

TimedBody cut_took_ms(std::string body) {
    // Inside a JSON string a quote is escaped, so `"took_ms":` is only ever the key itself,
    // and only the envelope has it.
    std::size_t at = body.find(kTookKey);
    if (at == std::string::npos)
        return TimedBody{std::move(body), {}};
    std::size_t value = at + kTookKey.size();
    std::size_t end = body.find_first_of(",}", value);
    if (end == std::string::npos)
        return TimedBody{std::move(body), {}};
    return TimedBody{body.substr(0, value), body.substr(end)};
}

std::string render_search(const SearchResult &result, double took_ms) {
    nlohmann::json j = envelope(result, took_ms);
    j["filters"] = filters_json(result.filters);
    j["facets"] = facets_json(result.facets);
    j["suggestion"] = or_null(result.suggestion);
    j["hits"] = hits_json(result.hits);
    return dump(j);
}

std::string render_similar(const SimilarResult &result) {
    return dump({
        {"similar_to", {{"id", result.of.id}, {"title", result.of.title}}},
        {"total", result.hits.size()},
        {"hits", hits_json(result.hits)},
    });
}

std::string render_suggestions(const std::string &q, const std::vector<Suggestion> &suggestions) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto &s : suggestions) {
        nlohmann::json item = {{"text", s.text}, {"kind", s.kind}};
        if (s.kind == "title")
            item["id"] = s.id;
        if (s.kind == "term")
            item["count"] = s.count;
        list.push_back(std::move(item));
    }
    return dump({{"query", q}, {"suggestions", std::move(list)}});
}

std::string render_suggestions_opensearch(const std::string &q, const std::vector<Suggestion> &suggestions) {
    nlohmann::json texts = nlohmann::json::array();
    for (const auto &s : suggestions)
        if (s.kind != "title")
            texts.push_back(s.text);
    return dump(nlohmann::json::array({q, std::move(texts)}));
}

nlohmann::json filters_json(const Filters &f) {
    auto opt = [](const std::optional<std::string> &v) { return v ? nlohmann::json(*v) : nlohmann::json(); };
    return {{"category", f.category},   {"not_category", f.not_category},
            {"source", f.source},       {"not_source", f.not_source},
            {"lang", f.lang},           {"not_lang", f.not_lang},
            {"year", f.year},           {"not_year", f.not_year},
            {"from", opt(f.from)},      {"to", opt(f.to)},
            {"undated", f.undated_only}};
}

namespace {

nlohmann::json quote_json(const QuoteHit &hit, const std::string &q) {
    const quotes::QuoteRecord &r = hit.record;
    std::string href = "/doc/" + url_encode(r.release_id) + (q.empty() ? "" : "?q=" + url_encode(q)) +
                       (r.quote.paragraph > 0 ? "#p" + std::to_string(r.quote.paragraph) : "");
    nlohmann::json j = quotes::to_json(r);
    j["text_html"] = hit.text_html;
    j["href"] = href;
    return j;
}

nlohmann::json quotes_json(const std::vector<QuoteHit> &hits, const std::string &q) {
    nlohmann::json out = nlohmann::json::array();
    for (const auto &hit : hits)
        out.push_back(quote_json(hit, q));
    return out;
}

} // namespace

std::string render_quotes(const QuoteResult &result, double took_ms) {
    auto opt = [](const std::optional<std::string> &v) { return v ? nlohmann::json(*v) : nlohmann::json(); };
    nlohmann::json j = envelope(result, took_ms);
    j["speaker"] = or_null(result.speaker);
    j["from"] = opt(result.filters.from);
    j["to"] = opt(result.filters.to);
    j["hits"] = quotes_json(result.hits, result.query);
    return dump(j);
}

std::string render_speakers(const std::vector<SpeakerSummary> &speakers) {
    nlohmann::json list = nlohmann::json::array();
    for (const auto &s : speakers)
        list.push_back({{"name", s.name},
                        {"quotes", s.quotes},
                        {"first", or_null(s.first)},
                        {"last", or_null(s.last)},
                        {"roles", s.roles}});
    return dump({{"total", speakers.size()}, {"speakers", std::move(list)}});
}

std::string render_timeline(const Timeline &t) {
    nlohmann::json years = nlohmann::json::array();
    for (const auto &y : t.years)
        years.push_back({{"year", y.year}, {"count", y.count}});
    return dump({{"speaker", t.speaker},
                 {"query", t.query},
                 {"total", t.total},
                 {"years", std::move(years)},
                 {"undated", t.undated},
                 {"hits", quotes_json(t.hits, t.query)}});
}

std::string render_verify(const VerifyResult &result) {
    nlohmann::json diff = nlohmann::json::array();
    for (const auto &op : result.diff.ops) {
        nlohmann::json item = {{"op", diff_kind_name(op.kind)}};
        switch (op.kind) {
        case DiffOp::Same:
            item["words"] = op.original;
            break;
        case DiffOp::Changed:
            item["printed"] = op.printed;
            item["original"] = op.original;
            break;
        case DiffOp::Added:
            item["words"] = op.printed;
            break;
        case DiffOp::Missing:
            item["words"] = op.original;
            break;
        }
        diff.push_back(std::move(item));
    }
    return dump({{"verdict", result.verdict},
                 {"message", result.message},
                 {"similarity", std::round(result.similarity * 1000) / 1000},
                 {"match", result.match ? quote_json(*result.match, "") : nlohmann::json()},
                 {"diff", std::move(diff)}});
}

std::string render_document(const Release &release) { return dump(to_json(release)); }

std::string render_health(const Health &health) {
    return dump({{"status", "ok"},
                 {"documents", health.documents},
                 {"revision", health.revision},
                 {"generation", health.generation},
                 {"last_run", health.last_run == 0 ? nlohmann::json() : nlohmann::json(health.last_run)}});
}

std::string render_error(const Error &error) {
    return dump({{"error", {{"code", error_code_name(error.code)}, {"message", error.message}}}});
}

} // namespace pressroom::searchd
