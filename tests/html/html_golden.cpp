// Checks the HTML reader against hand-read expectations for saved justice.gov pages.
//
//   html_golden --golden doj-golden.jsonl --pages DIR [--show] [--dump]
//
// Each golden line names a file of DIR and what a reader sees on that page: title, date, url,
// category, the first and last body paragraphs, how many body paragraphs there are, sentences
// the body contains and site chrome (menus, footers, breadcrumbs) that must appear in neither
// the title nor the body. Every page is parsed with parse_html_page; the program prints how many
// pages pass each check and the differences of the pages that fail one (--show also lists the pages
// that pass; --dump prints every release read, as stored). Exits 0
// when every page passes every check, 1 otherwise, and 77 (skipped) when DIR is absent (the
// pages live in the shared corpora, not in the repository).
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <nlohmann/json.hpp>

#include "html_reader.h"

namespace fs = std::filesystem;
using pressroom::Release;

namespace {

std::string read_file(const fs::path &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read `" + path.string() + "`");
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string str(const nlohmann::json &j) { return j.is_string() ? j.get<std::string>() : std::string(); }

struct Check {
    std::string name;
    int passed = 0;
};

} // namespace

int main(int argc, char **argv) {
    std::string golden_path, pages;
    bool show = false, dump = false;
    CLI::App app{"Check the HTML reader against golden expectations for saved pages."};
    app.add_option("--golden", golden_path, "golden JSON Lines file")->required()->check(CLI::ExistingFile);
    app.add_option("--pages", pages, "folder of the saved pages")->required();
    app.add_flag("--show", show, "also list the pages that pass");
    app.add_flag("--dump", dump, "print every release read, as stored (JSON)");
    CLI11_PARSE(app, argc, argv);

    if (!fs::is_directory(pages)) {
        std::cout << "skipped: the pages folder `" << pages << "` is absent (it is part of the shared corpora)\n";
        return 77;
    }

    std::vector<Check> checks = {{"title"},          {"date"},       {"url"},      {"category"}, {"first_paragraph"},
                                 {"last_paragraph"}, {"paragraphs"}, {"contains"}, {"chrome"}};
    int pages_read = 0, pages_passed = 0;
    std::ifstream golden(golden_path);
    std::string line;
    while (std::getline(golden, line)) {
        if (line.find_first_not_of(" \t\r") == std::string::npos)
            continue;
        auto g = nlohmann::json::parse(line);
        const std::string file = g.at("file").get<std::string>();
        ++pages_read;
        std::vector<std::string> failures;
        auto parsed = pressroom::indexer::parse_html_page(read_file(fs::path(pages) / file));
        if (!parsed) {
            std::cout << fmt::format("FAIL {}: not read: {}\n", file, parsed.error().message);
            continue;
        }
        const Release &r = parsed->release;
        if (dump)
            std::cout << pressroom::to_json(r).dump(2) << "\n";
        const std::string body = r.body();
        auto expect = [&](std::size_t check, const std::string &expected, const std::string &got) {
            if (expected == got)
                ++checks[check].passed;
            else
                failures.push_back(
                    fmt::format("{}:\n    expected `{}`\n    got      `{}`", checks[check].name, expected, got));
        };
        expect(0, str(g["title"]), r.title);
        expect(1, str(g["date"]), r.date ? r.date->iso() : std::string());
        expect(2, str(g["url"]), r.url);
        expect(3, str(g["category"]), r.category);
        expect(4, str(g["first_paragraph"]), r.paragraphs.empty() ? std::string() : r.paragraphs.front());
        expect(5, str(g["last_paragraph"]), r.paragraphs.empty() ? std::string() : r.paragraphs.back());
        expect(6, std::to_string(g["paragraphs"].get<int>()), std::to_string(r.paragraphs.size()));
        std::vector<std::string> missing, leaked;
        for (const auto &s : g["contains"])
            if (body.find(s.get<std::string>()) == std::string::npos)
                missing.push_back(s.get<std::string>());
        for (const auto &s : g["chrome"])
            if (body.find(s.get<std::string>()) != std::string::npos ||
                r.title.find(s.get<std::string>()) != std::string::npos)
                leaked.push_back(s.get<std::string>());
        if (missing.empty())
            ++checks[7].passed;
        else
            failures.push_back(fmt::format("contains: missing `{}`", fmt::join(missing, "`, `")));
        if (leaked.empty())
            ++checks[8].passed;
        else
            failures.push_back(fmt::format("chrome: in the title or body `{}`", fmt::join(leaked, "`, `")));
        if (failures.empty()) {
            ++pages_passed;
            if (show)
                std::cout << "ok   " << file << "\n";
        } else {
            std::cout << "FAIL " << file << "\n";
            for (const auto &f : failures)
                std::cout << "  " << f << "\n";
        }
    }
    std::cout << fmt::format("\n{} pages, {} pass every check\n", pages_read, pages_passed);
    for (const auto &c : checks)
        std::cout << fmt::format("  {:<16} {}/{}\n", c.name, c.passed, pages_read);
    return pages_read > 0 && pages_passed == pages_read ? 0 : 1;
}
