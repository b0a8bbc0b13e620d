// Known-item search across languages: each query names the one release a reader is looking
// for; prints success@10 (the release among the first ten) and MRR per query file.
//
//   known_items [--queries FILE[:MIN] ...] SOURCE...
//
// All sources go into one fresh index (a mixed corpus when they differ in language), which
// the daemon's Searcher then answers. With FILE:MIN it exits 1 when that file's success@10
// falls below MIN, and 77 (skipped) when a source is absent (the shared corpora are not part
// of the repository).
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "indexer.h"
#include "metrics.h"
#include "search_request.h"
#include "searcher.h"

namespace fs = std::filesystem;
using namespace pressroom;

namespace {

struct KnownItem {
    std::string query, id;
};

std::vector<KnownItem> load(const std::string &path) {
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot read `" + path + "`");
    std::vector<KnownItem> out;
    for (std::string line; std::getline(in, line);) {
        if (line.empty())
            continue;
        auto j = nlohmann::json::parse(line);
        // Known-item files name one "id"; relevance judgments list "relevant" releases.
        out.push_back({j.at("query"),
                       j.contains("id") ? j.at("id").get<std::string>() : j.at("relevant").at(0).get<std::string>()});
    }
    return out;
}

} // namespace

int main(int argc, char **argv) {
    std::vector<std::string> query_specs;
    std::vector<fs::path> sources;
    bool show = false;
    CLI::App app{"Known-item queries against one index of all sources"};
    app.add_option("--queries", query_specs, "known-item queries (JSON Lines), optionally :MIN success@10")
        ->required()
        ->allow_extra_args(false); // one file per --queries; the rest are sources
    app.add_flag("--show-misses", show, "list the queries whose release is not first");
    app.add_option("SOURCE", sources)->required();
    CLI11_PARSE(app, argc, argv);

    for (const auto &source : sources)
        if (!fs::exists(source)) {
            std::printf("known items: skipped, %s is not here (the corpora are not part of the repository)\n",
                        source.c_str());
            return 77;
        }
    auto tmp = fs::temp_directory_path() / ("pressroom-known-items-" + std::to_string(::getpid()));
    auto log = spdlog::stderr_color_mt("indexer");
    log->set_level(spdlog::level::warn);
    indexer::IndexerOptions options;
    options.db = tmp / "db";
    options.sources = sources;
    auto summary = indexer::run_indexer(options, *log);
    searchd::Searcher searcher(options.db);

    int failures = 0;
    for (const auto &spec : query_specs) {
        std::string path = spec;
        double min = 0;
        if (auto colon = spec.rfind(':'); colon != std::string::npos && colon + 1 < spec.size() &&
                                          spec.find_first_not_of("0123456789.", colon + 1) == std::string::npos) {
            path = spec.substr(0, colon);
            min = std::stod(spec.substr(colon + 1));
        }
        double success = 0, rr = 0;
        auto items = load(path);
        for (const auto &item : items) {
            auto request = searchd::parse_search_request({{"q", item.query}});
            if (!request) {
                std::printf("query `%s` is refused: %s\n", item.query.c_str(), request.error().message.c_str());
                return 2;
            }
            std::vector<std::string> ranked;
            for (const auto &hit : searcher.search(*request).hits)
                ranked.push_back(hit.release.id);
            double r = relevance::reciprocal_rank(ranked, {item.id});
            rr += r;
            success += r > 0 ? 1 : 0;
            if (show && r < 1)
                std::printf("  miss %s: want %s, got %s (rank %s)\n", item.query.c_str(), item.id.c_str(),
                            ranked.empty() ? "nothing" : ranked[0].c_str(),
                            r > 0 ? std::to_string(static_cast<int>(1 / r + 0.5)).c_str() : "beyond 10");
        }
        double n = static_cast<double>(items.size());
        std::printf("%-28s %3zu queries  success@10 %.3f  MRR %.3f%s\n", fs::path(path).filename().c_str(),
                    items.size(), success / n, rr / n, min > 0 ? fmt::format("  (required {:.2f})", min).c_str() : "");
        if (success / n < min)
            ++failures;
    }
    std::printf("index: %zu releases from %zu sources\n", static_cast<std::size_t>(summary.documents), sources.size());
    fs::remove_all(tmp);
    return failures ? 1 : 0;
}
