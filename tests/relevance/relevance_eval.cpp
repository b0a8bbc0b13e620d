// Relevance evaluation: runs the judged queries of judgments.jsonl against Pressroom (the
// daemon's Searcher over a fresh index of the sources) and against SQLite FTS5 over the same
// releases, and prints MRR, nDCG@10 and recall@10 per query type and overall.
//
//   relevance_eval --judgments FILE [--baseline FILE [--check | --write-baseline]]
//                  [--show-misses] SOURCE...
//
// With --check it exits 1 when a Pressroom figure falls below the baseline by more than the
// baseline's margin, or when a ranking target (see check_targets) is missed.
#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "fts5_index.h"
#include "indexer.h"
#include "metrics.h"
#include "release_reader.h"
#include "searcher.h"

using namespace pressroom;
using nlohmann::json;

namespace {

struct Judgment {
    std::string query, type;
    std::vector<std::string> relevant;
};

struct Scores {
    double mrr = 0, ndcg = 0, recall = 0;
    int n = 0;
    void add(const std::vector<std::string> &ranked, const std::vector<std::string> &relevant) {
        mrr += relevance::reciprocal_rank(ranked, relevant);
        ndcg += relevance::ndcg(ranked, relevant);
        recall += relevance::recall(ranked, relevant);
        ++n;
    }
    Scores mean() const { return n ? Scores{mrr / n, ndcg / n, recall / n, n} : *this; }
};

std::vector<Judgment> load_judgments(const std::string &path) {
    std::ifstream in(path);
    if (!in)
        throw std::runtime_error("cannot read `" + path + "`");
    std::vector<Judgment> out;
    for (std::string line; std::getline(in, line);) {
        if (line.empty())
            continue;
        json j = json::parse(line);
        out.push_back({j.at("query"), j.at("type"), j.at("relevant").get<std::vector<std::string>>()});
    }
    return out;
}

void fill_fts5(relevance::Fts5Index &fts, const std::vector<std::filesystem::path> &sources) {
    indexer::ReadEvents events;
    events.release = [&](Release &r, const std::string &) { fts.add(r); };
    events.skip = [](const std::string &, const std::string &) {};
    events.warning = [](const std::string &, const std::string &) {};
    for (const auto &source : sources)
        for (const auto &file : indexer::list_source(source))
            indexer::read_releases(file, events);
}

std::vector<std::string> pressroom_ids(searchd::Searcher &searcher, const std::string &q,
                                       const std::string &per_page = "10", const std::string &page = "1") {
    std::vector<std::string> ids;
    auto request = searchd::parse_search_request({{"q", q}, {"per_page", per_page}, {"page", page}});
    if (!request)
        throw std::runtime_error("query `" + q + "` is refused: " + request.error().message);
    for (const auto &hit : searcher.search(*request).hits)
        ids.push_back(hit.release.id);
    return ids;
}

// Whether pages of 3 and 10 hits, turned until they hold twenty, show the releases of one
// page of fifty in its order: a visitor turning pages sees each release once, where a longer
// page would show it.
bool pages_agree(searchd::Searcher &searcher, const std::string &q) {
    auto longer = pressroom_ids(searcher, q, "50");
    longer.resize(std::min<std::size_t>(longer.size(), 20));
    for (int per_page : {3, 10}) {
        std::vector<std::string> paged;
        for (int page = 1; static_cast<int>(paged.size()) < 20; ++page) {
            auto more = pressroom_ids(searcher, q, std::to_string(per_page), std::to_string(page));
            if (more.empty())
                break;
            paged.insert(paged.end(), more.begin(), more.end());
        }
        paged.resize(std::min(paged.size(), longer.size()));
        if (paged != longer)
            return false;
    }
    return true;
}

json scores_json(const Scores &s) { return {{"mrr", s.mrr}, {"ndcg", s.ndcg}, {"recall", s.recall}}; }

void print_row(const std::string &type, const Scores &p, const Scores &f) {
    auto ratio = [](double a, double b) { return b > 0 ? a / b : 0.0; };
    std::printf("%-16s %3d | %6.3f %6.3f | %6.3f %6.3f %5.2fx | %6.3f %6.3f\n", type.c_str(), p.n, p.mrr, f.mrr, p.ndcg,
                f.ndcg, ratio(p.ndcg, f.ndcg), p.recall, f.recall);
}

// Compares each figure with the baseline; prints and counts the ones that fell too far.
int check_baseline(const std::map<std::string, Scores> &ours, const json &baseline) {
    double margin = baseline.at("margin");
    int failures = 0;
    for (const auto &[type, expected] : baseline.at("pressroom").items()) {
        auto it = ours.find(type);
        if (it == ours.end())
            continue;
        json got = scores_json(it->second);
        for (const char *metric : {"mrr", "ndcg", "recall"}) {
            double want = expected.at(metric), have = got.at(metric);
            if (have + margin < want) {
                std::printf("REGRESSION %s %s: %.3f, baseline %.3f (margin %.3f)\n", type.c_str(), metric, have, want,
                            margin);
                ++failures;
            }
        }
    }
    return failures;
}

// The goals Pressroom's ranking is held to, against FTS5 in the same run.
int check_targets(const std::map<std::string, Scores> &ours, const std::map<std::string, Scores> &theirs,
                  const std::vector<std::string> &pages_differ) {
    int failures = 0;
    auto report = [&](bool met, const std::string &what) {
        std::printf("target %s: %s\n", met ? "met" : "MISSED", what.c_str());
        failures += met ? 0 : 1;
    };
    double ratio = ours.at("overall").ndcg / std::max(theirs.at("overall").ndcg, 1e-9);
    report(ratio >= 1.15, fmt::format("overall nDCG@10 is {:.2f}x FTS5's (at least 1.15x)", ratio));
    for (const auto &[type, scores] : ours)
        if (type != "overall")
            report(scores.ndcg >= theirs.at(type).ndcg,
                   fmt::format("{} nDCG@10 {:.3f} not below FTS5's {:.3f}", type, scores.ndcg, theirs.at(type).ndcg));
    if (ours.count("quote"))
        report(ours.at("quote").mrr >= 0.8, fmt::format("quote MRR {:.3f} (at least 0.80)", ours.at("quote").mrr));
    report(pages_differ.empty(),
           fmt::format("every query ranks alike in pages of 3, of 10 and of 50 ({} differ{}{})", pages_differ.size(),
                       pages_differ.empty() ? "" : ": ", fmt::join(pages_differ, ", ")));
    return failures;
}

} // namespace

int main(int argc, char **argv) {
    std::string judgments_path, baseline_path;
    std::vector<std::filesystem::path> sources;
    bool check = false, write_baseline = false, show_misses = false;
    CLI::App app{"Relevance of Pressroom against SQLite FTS5 on judged queries"};
    app.add_option("--judgments", judgments_path)->required();
    app.add_option("--baseline", baseline_path);
    app.add_flag("--check", check, "exit 1 on a regression against the baseline");
    app.add_flag("--write-baseline", write_baseline, "store this run's figures as the baseline");
    app.add_flag("--show-misses", show_misses, "list the queries whose best release is not first");
    app.add_option("SOURCE", sources)->required();
    CLI11_PARSE(app, argc, argv);

    auto judgments = load_judgments(judgments_path);
    auto tmp = std::filesystem::temp_directory_path() / ("pressroom-relevance-" + std::to_string(::getpid()));
    auto log = spdlog::stderr_color_mt("indexer");
    log->set_level(spdlog::level::warn);
    indexer::IndexerOptions options;
    options.db = tmp / "db";
    options.sources = sources;
    indexer::run_indexer(options, *log);
    searchd::Searcher searcher(options.db);
    relevance::Fts5Index fts;
    fill_fts5(fts, sources);

    std::map<std::string, Scores> ours, theirs;
    std::vector<std::string> pages_differ;
    for (const auto &j : judgments) {
        auto mine = pressroom_ids(searcher, j.query);
        if (!pages_agree(searcher, j.query))
            pages_differ.push_back(j.query);
        auto other = fts.search(j.query, 10);
        for (const std::string &key : {j.type, std::string("overall")}) {
            ours[key].add(mine, j.relevant);
            theirs[key].add(other, j.relevant);
        }
        if (show_misses && (mine.empty() || mine[0] != j.relevant[0]))
            std::printf("miss [%s] %s: want %s, got %s (rr %.2f; fts5 rr %.2f)\n", j.type.c_str(), j.query.c_str(),
                        j.relevant[0].c_str(), mine.empty() ? "nothing" : mine[0].c_str(),
                        relevance::reciprocal_rank(mine, j.relevant), relevance::reciprocal_rank(other, j.relevant));
    }
    std::filesystem::remove_all(tmp);

    std::printf("%-16s %3s | %6s %6s | %6s %6s %6s | %6s %6s\n", "query type", "n", "MRR", "fts5", "nDCG10", "fts5",
                "ratio", "R@10", "fts5");
    std::map<std::string, Scores> means, their_means;
    for (const auto &[type, scores] : ours) {
        means[type] = scores.mean();
        their_means[type] = theirs[type].mean();
        if (type != "overall")
            print_row(type, means[type], their_means[type]);
    }
    print_row("overall", means["overall"], their_means["overall"]);
    int missed = check_targets(means, their_means, pages_differ);

    if (write_baseline && !baseline_path.empty()) {
        json b{{"margin", 0.02}, {"pressroom", json::object()}};
        for (const auto &[type, s] : means)
            b["pressroom"][type] = scores_json(s);
        std::ofstream(baseline_path) << b.dump(2) << "\n";
        std::printf("baseline written to %s\n", baseline_path.c_str());
    }
    if (check && !baseline_path.empty()) {
        std::ifstream in(baseline_path);
        int failures = check_baseline(means, json::parse(in));
        std::printf("relevance: %s; %d target(s) missed\n",
                    failures ? "below the baseline" : "at or above the baseline", missed);
        return failures || missed ? 1 : 0;
    }
    return 0;
}
