// Per-query HTTP latency, one request at a time on one keep-alive connection (what a single
// visitor sees, without queueing), for searchd or any peer that answers GET requests.
// Each --mode is NAME=TEMPLATE, a request path in which {q} is replaced by the URL-encoded
// words, {params} by the query's extra searchd parameters ('&'-joined, possibly empty) and
// {omega} by the same parameters as Omega's (dates, date order, whole categories).
// The set is run once per mode to warm, then --passes times with the modes interleaved.
// --floor-db DIR adds, before the modes of every pass, two runs in this process on that index:
// the floor (bench::PlainXapian), written as "floor", and searchd's Searcher with facets off
// and its JSON, written as "searcher". The HTTP figures and the figures they are divided by are
// then measured in the same minutes, which a shared machine's slow stretches would otherwise
// split.
// --paths FILE writes the first mode's paths, one a line, for wrk's script.
//   http_bench --port 8080 --queries FILE --mode 'plain=/api/search?q={q}&{params}' [--json OUT]
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <fstream>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <httplib.h>

#include "bench_support.h"
#include "index_store.h"
#include "markup.h"

using namespace pressroom;

namespace {

std::string replace_all(std::string s, const std::string &what, const std::string &with) {
    for (auto at = s.find(what); at != std::string::npos; at = s.find(what, at + with.size()))
        s.replace(at, what.size(), with);
    return s;
}

// YYYYMMDD for a searchd date bound (YYYY, YYYY-MM or YYYY-MM-DD), at its start or end.
std::string omega_date(std::string d, bool end) {
    d.erase(std::remove(d.begin(), d.end(), '-'), d.end());
    if (d.size() == 4)
        d += end ? "1231" : "0101";
    else if (d.size() == 6)
        d += end ? "31" : "01";
    return d;
}

// searchd's parameters as Omega's: from/to/year as a date range on value 0 (YYYYMMDD), sort
// as SORT on it, category and not_category as the whole-category boolean terms B and N
// (scriptindex writes "XC:" before a value that starts with a capital). Source and language
// filters have no equivalent in the Omega index and are left out.
std::string omega_params(const bench::BenchQuery &q) {
    searchd::Params params = bench::params_of(q);
    std::string out;
    auto add = [&](const std::string &name, const std::string &value) {
        out += "&" + name + "=" + searchd::url_encode(value);
    };
    std::string start, end;
    for (const auto &[name, value] : params) {
        if (name == "from")
            start = omega_date(value, false);
        else if (name == "to")
            end = omega_date(value, true);
        else if (name == "year")
            start = omega_date(value, false), end = omega_date(value, true);
        else if (name == "sort" && value != "relevance")
            add("SORT", value == "newest" ? "-0" : "+0");
        else if (name == "category" || name == "not_category")
            add(name == "category" ? "B" : "N",
                "XC" + std::string(std::isupper(static_cast<unsigned char>(value[0])) ? ":" : "") + value);
    }
    if (!start.empty() || !end.empty())
        add("DATEVALUE", "0");
    if (!start.empty())
        add("START", start);
    if (!end.empty())
        add("END", end);
    return out;
}

std::string path_of(const std::string &tmpl, const bench::BenchQuery &q) {
    std::string path = replace_all(replace_all(tmpl, "{q}", searchd::url_encode(q.q)), "{params}", q.params);
    path = replace_all(path, "{omega}", omega_params(q));
    path = replace_all(path, "&&", "&");
    if (!path.empty() && path.back() == '&')
        path.pop_back();
    return path;
}

struct Mode {
    std::string name;
    std::vector<std::string> paths;
    std::vector<double> times;
    std::size_t errors = 0, bytes = 0;
};

} // namespace

int main(int argc, char **argv) {
    CLI::App app{"Sequential HTTP latency of the benchmark queries"};
    std::string host = "127.0.0.1", queries_file, json_file, paths_file, floor_db;
    int port = 8080, passes = 5;
    std::vector<std::string> mode_specs;
    app.add_option("--host", host);
    app.add_option("--port", port);
    app.add_option("--queries", queries_file, "bench/queries.tsv")->required();
    app.add_option("--mode", mode_specs, "NAME=PATH_TEMPLATE ({q}, {params})")->required();
    app.add_option("--passes", passes, "measured passes over the set after one warm-up pass");
    app.add_option("--json", json_file, "write the figures here");
    app.add_option("--paths", paths_file, "write the first mode's request paths here (for wrk)");
    app.add_option(
        "--floor-db", floor_db,
        "also run the floor and the Searcher in process on this index, a pass of each before each pass of the modes");
    CLI11_PARSE(app, argc, argv);

    try {
        auto queries = bench::read_queries(queries_file);
        std::vector<Mode> modes;
        for (const auto &spec : mode_specs) {
            auto eq = spec.find('=');
            if (eq == std::string::npos)
                throw std::runtime_error("--mode takes NAME=TEMPLATE, got " + spec);
            Mode mode{spec.substr(0, eq), {}, {}, 0, 0};
            for (const auto &q : queries)
                mode.paths.push_back(path_of(spec.substr(eq + 1), q));
            modes.push_back(std::move(mode));
        }
        if (!paths_file.empty()) {
            std::ofstream out(paths_file);
            for (const auto &p : modes.front().paths)
                out << p << '\n';
        }
        // The runs in this process, beside the HTTP ones: the floor, then the Searcher.
        std::vector<bench::Timed> locals;
        std::optional<bench::PlainXapian> floor;
        std::optional<searchd::Searcher> searcher;
        std::size_t sink = 0;
        if (!floor_db.empty()) {
            floor.emplace(store::open_live(floor_db).releases);
            searcher.emplace(floor_db);
            locals.push_back({"floor", "floor (in process, beside these)",
                              [&](const bench::BenchQuery &q) { return floor->run(q.q); }});
            locals.push_back({"searcher", "Searcher (in process, beside these)",
                              [&](const bench::BenchQuery &q) { return bench::run_searcher(*searcher, q, false); }});
        }
        httplib::Client client(host, port);
        client.set_keep_alive(true);
        client.set_tcp_nodelay(true);
        client.set_read_timeout(60, 0);
        for (int pass = 0; pass <= passes; ++pass) {
            for (auto &local : locals)
                sink += local.pass(queries, pass > 0);
            for (auto &mode : modes)
                for (const auto &path : mode.paths) {
                    auto start = bench::Clock::now();
                    auto res = client.Get(path);
                    double ms = bench::ms_since(start);
                    if (!res || res->status != 200) {
                        if (pass == 0)
                            std::fprintf(stderr, "http_bench: %s: %s\n", path.c_str(),
                                         res ? std::to_string(res->status).c_str()
                                             : httplib::to_string(res.error()).c_str());
                        ++mode.errors;
                    } else {
                        mode.bytes += res->body.size();
                    }
                    if (pass > 0)
                        mode.times.push_back(ms);
                }
        }
        nlohmann::json out = {{"queries", queries.size()}, {"passes", passes}};
        bench::print_header();
        for (const auto &local : locals) {
            bench::Stats s = bench::stats_of(local.times);
            bench::print_row(local.label, s);
            out[local.key] = bench::to_json(s);
        }
        if (!locals.empty())
            out["local_bytes"] = sink;
        for (const auto &mode : modes) {
            bench::Stats s = bench::stats_of(mode.times);
            bench::print_row(mode.name, s);
            out[mode.name] = bench::to_json(s);
            out[mode.name]["errors"] = mode.errors;
            out[mode.name]["mean_bytes"] = mode.times.empty() ? 0 : mode.bytes / (mode.times.size() + queries.size());
        }
        bench::write_json(json_file, out);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "http_bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
