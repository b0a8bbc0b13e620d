#include "bench_support.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <numeric>
#include <stdexcept>

#include "release.h"
#include "render.h"
#include "schema.h"

namespace pressroom::bench {

std::vector<BenchQuery> read_queries(const std::filesystem::path &path) {
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot read the query file " + path.string());
    std::vector<BenchQuery> queries;
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r')
            line.pop_back();
        if (line.empty() || line[0] == '#')
            continue;
        auto tab = line.find('\t');
        if (tab == std::string::npos)
            queries.push_back({line, ""});
        else
            queries.push_back({line.substr(0, tab), line.substr(tab + 1)});
    }
    return queries;
}

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void add_params(searchd::Params &params, std::string_view list) {
    while (!list.empty()) {
        auto amp = list.find('&');
        std::string_view pair = list.substr(0, amp);
        list = amp == std::string_view::npos ? std::string_view() : list.substr(amp + 1);
        if (pair.empty())
            continue;
        auto eq = pair.find('=');
        std::string name = url_decode(pair.substr(0, eq));
        std::string value = eq == std::string_view::npos ? "" : url_decode(pair.substr(eq + 1));
        if (name == "facets" || name == "per_page" || name == "page" || name == "sort")
            params.erase(name); // later settings replace earlier ones
        params.emplace(std::move(name), std::move(value));
    }
}

} // namespace

std::string url_decode(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out += ' ';
        } else if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

searchd::Params params_of(const BenchQuery &query, std::string_view more) {
    searchd::Params params;
    params.emplace("q", query.q);
    add_params(params, query.params);
    add_params(params, more);
    return params;
}

Stats stats_of(std::vector<double> ms) {
    Stats s;
    s.n = ms.size();
    if (ms.empty())
        return s;
    std::sort(ms.begin(), ms.end());
    auto at = [&](double p) { return ms[static_cast<std::size_t>(p * static_cast<double>(ms.size() - 1) + 0.5)]; };
    s.p50 = at(0.50);
    s.p90 = at(0.90);
    s.p99 = at(0.99);
    s.max = ms.back();
    s.mean = std::accumulate(ms.begin(), ms.end(), 0.0) / static_cast<double>(ms.size());
    return s;
}

nlohmann::json to_json(const Stats &s) {
    return {{"p50_ms", s.p50},   {"p90_ms", s.p90}, {"p99_ms", s.p99},
            {"mean_ms", s.mean}, {"max_ms", s.max}, {"n", s.n}};
}

void print_header() { std::printf("%-40s %7s %9s %9s %9s %9s\n", "(ms per query)", "n", "p50", "p90", "p99", "max"); }

void print_row(const std::string &name, const Stats &s) {
    std::printf("%-40s %7zu %9.3f %9.3f %9.3f %9.3f\n", name.c_str(), s.n, s.p50, s.p90, s.p99, s.max);
    std::fflush(stdout);
}

void write_json(const std::filesystem::path &path, const nlohmann::json &j) {
    if (path.empty())
        return;
    std::ofstream out(path);
    out << j.dump(2) << '\n';
    if (!out)
        throw std::runtime_error("cannot write " + path.string());
}

// Bytes of body text the plain-Xapian snippet is made from, as searchd's window.
constexpr std::size_t kFloorWindow = 1024;

PlainXapian::PlainXapian(Xapian::Database db)
    : m_db(std::move(db)), m_codec(stored::codec_of(m_db)), m_stemmer(schema::make_stemmer()) {
    m_parser.set_database(m_db);
    m_parser.set_stemmer(m_stemmer);
    m_parser.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
    m_parser.set_default_op(Xapian::Query::OP_AND);
    m_parser.add_prefix("title", std::string(schema::prefix::kTitle));
}

std::size_t PlainXapian::run(const std::string &q) {
    Xapian::Query query = m_parser.parse_query(q, Xapian::QueryParser::FLAG_DEFAULT |
                                                      Xapian::QueryParser::FLAG_WILDCARD | schema::kQueryParserFlags);
    Xapian::Enquire enquire(m_db);
    enquire.set_query(query);
    Xapian::MSet mset = enquire.get_mset(0, 10);
    std::size_t out = 0;
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Release r = stored::release_of(m_codec, it.get_document());
        std::string body = r.body();
        if (body.size() > kFloorWindow)
            body.resize(kFloorWindow);
        out += r.title.size() + mset.snippet(body, 300, m_stemmer, schema::kSnippetFlags).size();
    }
    return out;
}

std::size_t Timed::pass(const std::vector<BenchQuery> &queries, bool measured) {
    by_query.resize(queries.size());
    std::size_t bytes = 0;
    for (std::size_t i = 0; i < queries.size(); ++i) {
        auto start = Clock::now();
        bytes += run(queries[i]);
        double ms = ms_since(start);
        if (measured) {
            times.push_back(ms);
            by_query[i].push_back(ms);
        }
    }
    return bytes;
}

std::size_t run_searcher(searchd::Searcher &searcher, const BenchQuery &query, bool facets) {
    auto request = searchd::parse_search_request(
        params_of(query, facets ? "per_page=10&facets=true" : "per_page=10&facets=false"));
    if (!request)
        return 0;
    return searchd::render_search(searcher.search(*request), 0).size();
}

} // namespace pressroom::bench
