// The floor for searchd's HTTP figures: the benchmark queries run in this process, with no
// HTTP, top 10 with snippets. Two ways:
//   xapian:   plain Xapian: QueryParser (AND, stemming, phrases, title:), Enquire top 10, the
//             stored release parsed, MSet::snippet with flags 0 on the first 1 KB of the body
//             (extra parameters are ignored: plain Xapian has no filters here);
//   searcher: searchd's own Searcher::search (filters, sorts, re-ranking, snippets), with
//             facets off and on, and the JSON rendering searchd sends.
// The set is run once to warm the caches, then --passes times, the modes interleaved.
//   inprocess_bench --db DIR --queries FILE [--passes 5] [--json OUT] [--only MODE]
// --only runs one mode alone (xapian, searcher_nofacets or searcher_facets), for a profiler.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "bench_support.h"
#include "index_store.h"
#include "searcher.h"

using namespace pressroom;

namespace {

// The `n` queries with the longest median time, slowest first: the queries that are slow in
// themselves, rather than when the machine was busy.
nlohmann::json slowest(const bench::Timed &mode, const std::vector<bench::BenchQuery> &queries, std::size_t n) {
    std::vector<double> median;
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < queries.size(); ++i) {
        median.push_back(bench::stats_of(mode.by_query[i]).p50);
        order.push_back(i);
    }
    std::sort(order.begin(), order.end(), [&](auto a, auto b) { return median[a] > median[b]; });
    nlohmann::json out = nlohmann::json::array();
    for (std::size_t i = 0; i < std::min(n, order.size()); ++i)
        out.push_back(
            {{"q", queries[order[i]].q}, {"params", queries[order[i]].params}, {"median_ms", median[order[i]]}});
    return out;
}

} // namespace

int main(int argc, char **argv) {
    CLI::App app{"In-process latency of the benchmark queries: plain Xapian and searchd's Searcher"};
    std::string db_dir, queries_file, json_file, only;
    int passes = 5;
    app.add_option("--db", db_dir, "index folder (as pressroom-indexer --db)")->required();
    app.add_option("--queries", queries_file, "bench/queries.tsv")->required();
    app.add_option("--passes", passes, "measured passes over the set after one warm-up pass");
    app.add_option("--json", json_file, "write the figures here");
    const std::vector<std::string> keys = {"xapian", "searcher_nofacets", "searcher_facets"};
    app.add_option("--only", only, "run this mode alone (to profile it)")->check(CLI::IsMember(keys));
    CLI11_PARSE(app, argc, argv);

    try {
        auto queries = bench::read_queries(queries_file);
        store::LiveIndex live = store::open_live(db_dir);
        bench::PlainXapian plain(live.releases);
        searchd::Searcher searcher(db_dir);
        auto searchd_mode = [&](bool facets) {
            return [&searcher, facets](const bench::BenchQuery &q) { return bench::run_searcher(searcher, q, facets); };
        };
        std::vector<bench::Timed> modes;
        modes.push_back(
            {keys[0], "xapian: top 10, 1 KB snippet", [&](const bench::BenchQuery &q) { return plain.run(q.q); }});
        modes.push_back({keys[1], "searcher: top 10, snippets, no facets", searchd_mode(false)});
        modes.push_back({keys[2], "searcher: top 10, snippets, facets", searchd_mode(true)});
        if (!only.empty())
            std::erase_if(modes, [&](const bench::Timed &m) { return m.key != only; });

        std::size_t sink = 0;
        for (int pass = 0; pass <= passes; ++pass) // pass 0 warms the caches
            for (auto &mode : modes)
                sink += mode.pass(queries, pass > 0);

        nlohmann::json out = {{"queries", queries.size()}, {"passes", passes}, {"bytes", sink}};
        bench::print_header();
        for (const auto &mode : modes) {
            bench::Stats s = bench::stats_of(mode.times);
            bench::print_row(mode.label, s);
            out[mode.key] = bench::to_json(s);
            out[mode.key]["slowest"] = slowest(mode, queries, 8);
        }
        bench::write_json(json_file, out);
    } catch (const std::exception &e) {
        std::fprintf(stderr, "inprocess_bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
