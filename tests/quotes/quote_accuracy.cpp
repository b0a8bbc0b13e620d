// Measures quotation extraction and speaker attribution against hand-checked quotations.
//
//   quote_accuracy --gold seeds.jsonl --gold senate.jsonl [--min 0.9] [--show] SOURCE...
//
// Each gold line names a release id, every quotation in it (text, speaker, role) and the
// quoted words that are not quotations. A found quotation matches a gold one when most of
// their words agree (see kMatch). Prints precision and recall of extraction and of speaker
// attribution; with --min, exits 1 when any falls below it, and 77 (skipped) when a source
// is missing (the Senate corpus is not part of the repository).
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "quotes.h"
#include "release_reader.h"
#include "sources.h"
#include "text.h"

namespace fs = std::filesystem;
using namespace pressroom;

namespace {

// Share of words two quotations have in common, relative to the longer one.
constexpr double kMatch = 0.75;

struct Gold {
    std::string text, speaker, role;
};

std::vector<std::string> words(const std::string &s) {
    std::vector<std::string> out;
    std::string current;
    for (char c : text::fold_case(text::fold_for_terms(s))) {
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80) {
            current += c;
        } else if (!current.empty()) {
            out.push_back(current);
            current.clear();
        }
    }
    if (!current.empty())
        out.push_back(current);
    return out;
}

double similarity(const std::string &a, const std::string &b) {
    auto wa = words(a), wb = words(b);
    if (wa.empty() || wb.empty())
        return 0;
    std::multiset<std::string> sa(wa.begin(), wa.end());
    std::size_t common = 0;
    for (const auto &w : wb) {
        auto it = sa.find(w);
        if (it != sa.end()) {
            ++common;
            sa.erase(it);
        }
    }
    return static_cast<double>(common) / static_cast<double>(std::max(wa.size(), wb.size()));
}

std::string clip(const std::string &s) { return s.size() > 70 ? s.substr(0, 70) + "..." : s; }

struct Counts {
    std::size_t found = 0, gold = 0, matched = 0;
    std::size_t found_speaker = 0, gold_speaker = 0, right_speaker = 0;
    std::size_t right_role = 0, gold_role = 0;
};

double ratio(std::size_t a, std::size_t b) { return b ? static_cast<double>(a) / static_cast<double>(b) : 1.0; }

} // namespace

int main(int argc, char **argv) {
    CLI::App app{"Quotation extraction and attribution against hand-checked quotations"};
    std::vector<fs::path> gold_files, sources;
    double min = 0;
    bool show = false;
    app.add_option("--gold", gold_files, "hand-checked quotations (JSON Lines)")->required();
    app.add_option("--min", min, "fail when a figure is below this");
    app.add_flag("--show", show, "print every miss");
    app.add_option("sources", sources, "where the releases are (folders or JSON Lines files)")->required();
    CLI11_PARSE(app, argc, argv);

    std::map<std::string, std::vector<Gold>> gold;
    for (const auto &path : gold_files) {
        std::ifstream in(path);
        if (!in) {
            std::cerr << "cannot read " << path << "\n";
            return 2;
        }
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty())
                continue;
            auto j = nlohmann::json::parse(line);
            auto &list = gold[j.at("id").get<std::string>()];
            for (const auto &q : j.at("quotes"))
                list.push_back({q.at("text").get<std::string>(),
                                q.value("speaker", nlohmann::json()).is_string() ? q["speaker"].get<std::string>() : "",
                                q.value("role", nlohmann::json()).is_string() ? q["role"].get<std::string>() : ""});
        }
    }
    for (const auto &source : sources)
        if (!fs::exists(source)) {
            std::cout << "quote accuracy: skipped, " << source.string()
                      << " is not here (the corpora are not part of the repository)\n";
            return min > 0 ? 77 : 0;
        }

    std::map<std::string, Release> releases;
    for (const auto &source : sources)
        for (const auto &file : indexer::list_source(source)) {
            indexer::ReadEvents events;
            events.release = [&](Release &r, const std::string &) {
                if (gold.count(r.id))
                    releases[r.id] = r;
            };
            events.skip = [](const std::string &, const std::string &) {};
            events.warning = [](const std::string &, const std::string &) {};
            indexer::read_releases(file, events);
        }

    Counts total;
    for (const auto &[id, expected] : gold) {
        auto it = releases.find(id);
        if (it == releases.end()) {
            std::cout << "quote accuracy: release " << id << " of the gold set is not in the sources\n";
            return 2;
        }
        auto found = quotes::extract_quotes(it->second.paragraphs);
        total.found += found.size();
        total.gold += expected.size();
        for (const auto &f : found)
            total.found_speaker += f.speaker.empty() ? 0 : 1;
        for (const auto &g : expected) {
            total.gold_speaker += g.speaker.empty() ? 0 : 1;
            total.gold_role += g.role.empty() ? 0 : 1;
        }
        // Best pairs first.
        std::vector<std::tuple<double, std::size_t, std::size_t>> pairs;
        for (std::size_t i = 0; i < found.size(); ++i)
            for (std::size_t k = 0; k < expected.size(); ++k)
                if (double s = similarity(found[i].text, expected[k].text); s >= kMatch)
                    pairs.emplace_back(s, i, k);
        std::sort(pairs.rbegin(), pairs.rend());
        std::vector<bool> used_found(found.size()), used_gold(expected.size());
        for (const auto &[s, i, k] : pairs) {
            if (used_found[i] || used_gold[k])
                continue;
            used_found[i] = used_gold[k] = true;
            ++total.matched;
            const auto &f = found[i];
            const auto &g = expected[k];
            bool right = !g.speaker.empty() && quotes::speaker_key(f.speaker) == quotes::speaker_key(g.speaker);
            total.right_speaker += right ? 1 : 0;
            if (!g.role.empty() && text::fold_case(f.role) == text::fold_case(g.role))
                ++total.right_role;
            if (show && !right && !(g.speaker.empty() && f.speaker.empty()))
                std::cout << fmt::format("  {}: speaker `{}` (as `{}`), expected `{}`: {}\n", id, f.speaker,
                                         f.attributed_as, g.speaker, clip(g.text));
        }
        if (show) {
            for (std::size_t i = 0; i < found.size(); ++i)
                if (!used_found[i])
                    std::cout << fmt::format("  {}: extra p{} `{}` ({}): {}\n", id, found[i].paragraph,
                                             found[i].speaker, found[i].attributed_as, clip(found[i].text));
            for (std::size_t k = 0; k < expected.size(); ++k)
                if (!used_gold[k])
                    std::cout << fmt::format("  {}: missed `{}`: {}\n", id, expected[k].speaker,
                                             clip(expected[k].text));
        }
    }
    // Speaker precision: of the quotations given a speaker, how many have the right one.
    std::size_t right_of_found = total.right_speaker;
    double figures[] = {ratio(total.matched, total.found), ratio(total.matched, total.gold),
                        ratio(right_of_found, total.found_speaker), ratio(total.right_speaker, total.gold_speaker)};
    std::cout << fmt::format("quotations: {} hand-checked in {} releases, {} found, {} matched\n", total.gold,
                             gold.size(), total.found, total.matched);
    std::cout << fmt::format("extraction:          precision {:.3f}  recall {:.3f}\n", figures[0], figures[1]);
    std::cout << fmt::format(
        "speaker attribution: precision {:.3f}  recall {:.3f}  ({} of {} with the right speaker)\n", figures[2],
        figures[3], total.right_speaker, total.gold_speaker);
    std::cout << fmt::format("role as stated:      {} of {}\n", total.right_role, total.gold_role);
    if (min > 0)
        for (double f : figures)
            if (f < min) {
                std::cout << fmt::format("below the required {:.2f}\n", min);
                return 1;
            }
    return 0;
}
