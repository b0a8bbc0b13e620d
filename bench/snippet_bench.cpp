// Snippet cost per page of ten results: the flags and text cap searchd uses, against
// MSet::snippet's defaults on the whole text. Prints medians and tails per page.
//   snippet_bench DB QUERIES_FILE
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include <xapian.h>

#include "index_store.h"
#include "query_builder.h"
#include "release.h"
#include "schema.h"
#include "snippet.h"
#include "stored_data.h"

using namespace pressroom;
using Clock = std::chrono::steady_clock;

namespace {

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1))];
}

struct Page {
    Xapian::MSet mset;
    std::vector<Release> releases;
    std::vector<std::string> hints;
};

} // namespace

int main(int argc, char **argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: snippet_bench DB QUERIES_FILE\n");
        return 2;
    }
    Xapian::Database db = store::open_index(argv[1]);
    std::ifstream in(argv[2]);
    stored::Codec codec = stored::codec_of(db);
    std::vector<Page> pages;
    for (std::string q; std::getline(in, q);) {
        searchd::BuiltQuery built = searchd::build_query(q, db);
        Xapian::Enquire enquire(db);
        enquire.set_query(built.query);
        Page page{enquire.get_mset(0, 10), {}, searchd::snippet_hints(built.query)};
        for (auto it = page.mset.begin(); it != page.mset.end(); ++it)
            page.releases.push_back(stored::release_of(codec, it.get_document()));
        pages.push_back(std::move(page));
    }
    auto ours = [](const Page &p) {
        std::size_t n = 0;
        for (const auto &r : p.releases) {
            n += searchd::title_html(p.mset, r.title).size();
            n += searchd::snippet_html(p.mset, searchd::snippet_source(r.paragraphs, p.hints)).size();
        }
        return n;
    };
    auto defaults = [](const Page &p) {
        std::size_t n = 0;
        for (const auto &r : p.releases)
            n += p.mset.snippet(r.body(), searchd::kSnippetLength, schema::make_stemmer()).size();
        return n;
    };
    std::printf("%-46s %10s %10s %10s\n", "snippets for a page of ten (µs)", "p50", "p90", "max");
    for (auto [name, fn] : {std::pair{"searchd: flags 0, 1 KB window, + title", +ours},
                            std::pair{"MSet::snippet defaults, whole body", +defaults}}) {
        std::vector<double> times;
        for (int round = 0; round < 5; ++round)
            for (const auto &p : pages) {
                auto start = Clock::now();
                volatile std::size_t sink = fn(p);
                (void)sink;
                times.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
            }
        std::printf("%-46s %10.0f %10.0f %10.0f\n", name, percentile(times, 0.5), percentile(times, 0.9),
                    percentile(times, 1.0));
    }
    return 0;
}
