// The functions a search spends its time in, one at a time, with Google Benchmark: steadier
// figures than a whole query's, for A/B comparisons of a change to one of them. Each works on
// the releases and queries of a real index, as searchd would.
//   hot_bench --db DIR [--benchmark_filter=REGEX] [--benchmark_repetitions=N ...]
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include <benchmark/benchmark.h>
#include <xapian.h>

#include "index_store.h"
#include "query_builder.h"
#include "release.h"
#include "render.h"
#include "schema.h"
#include "search_request.h"
#include "searcher.h"
#include "snippet.h"
#include "spelling.h"
#include "stored_data.h"
#include "synonyms.h"

using namespace pressroom;
using namespace pressroom::searchd;

namespace {

std::string g_db; // --db

// What the benchmarks share, opened once: the live index, and a page of ten hits of one
// two-word query with their releases read.
struct Fixture {
    store::LiveIndex live = store::open_live(g_db);
    SynonymGroups synonyms = synonyms_from_metadata(live.releases.get_metadata(schema::kSynonymsKey));
    BuiltQuery built = build_query("health care fraud", live.releases, synonyms);
    Xapian::MSet page;
    std::vector<Release> releases;
    std::vector<std::vector<std::string>> paragraphs; // per hit: snippet_paragraphs
    std::vector<std::string> hints = snippet_hints(built.query);

    Fixture() {
        Xapian::Enquire enquire(live.releases);
        enquire.set_query(ranked_query(built.query, built));
        page = enquire.get_mset(0, 10);
        for (auto it = page.begin(); it != page.end(); ++it) {
            releases.push_back(stored::release_of(live.codec, it.get_document()));
            paragraphs.push_back(snippet_paragraphs(releases.back()));
        }
    }
};

Fixture &fixture() {
    static Fixture f;
    return f;
}

// A page's stored releases: read, decompressed and parsed.
void release_of(benchmark::State &state) {
    Fixture &f = fixture();
    std::vector<Xapian::Document> docs;
    for (auto it = f.page.begin(); it != f.page.end(); ++it)
        docs.push_back(it.get_document());
    for (auto _ : state)
        for (const auto &doc : docs)
            benchmark::DoNotOptimize(stored::release_of(f.live.codec, doc));
    state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(docs.size()));
}
BENCHMARK(release_of)->Unit(benchmark::kMicrosecond);

// A page's snippets: the best paragraph, its window, MSet::snippet.
void page_snippets(benchmark::State &state) {
    Fixture &f = fixture();
    for (auto _ : state)
        for (const auto &parts : f.paragraphs) {
            std::string source = snippet_window(parts, best_paragraph(parts, f.hints).value_or(0));
            benchmark::DoNotOptimize(snippet_html(f.page, source));
        }
}
BENCHMARK(page_snippets)->Unit(benchmark::kMicrosecond);

// A page's highlighted titles.
void page_titles(benchmark::State &state) {
    Fixture &f = fixture();
    for (auto _ : state)
        for (const auto &release : f.releases)
            benchmark::DoNotOptimize(title_html(f.page, release.title));
}
BENCHMARK(page_titles)->Unit(benchmark::kMicrosecond);

// The typed words to Xapian queries: strict, partial and the ranking evidence.
void build_query(benchmark::State &state) {
    Fixture &f = fixture();
    for (auto _ : state)
        benchmark::DoNotOptimize(searchd::build_query("Holder voting rights 2013", f.live.releases, f.synonyms));
}
BENCHMARK(build_query)->Unit(benchmark::kMicrosecond);

// "Did you mean" for a two-word query with one misspelt word, its letter already read.
void corrected_query(benchmark::State &state) {
    Fixture &f = fixture();
    Vocabulary vocabulary;
    for (auto _ : state)
        benchmark::DoNotOptimize(searchd::corrected_query("healthcare fruad", f.live.releases, vocabulary));
}
BENCHMARK(corrected_query)->Unit(benchmark::kMicrosecond);

// A page of ten as the JSON searchd sends.
void render_search(benchmark::State &state) {
    Searcher searcher(g_db);
    SearchRequest request = *parse_search_request({{"q", "health care fraud"}, {"facets", "false"}});
    SearchResult result = searcher.search(request);
    for (auto _ : state)
        benchmark::DoNotOptimize(searchd::render_search(result, 0));
}
BENCHMARK(render_search)->Unit(benchmark::kMicrosecond);

// The whole of Searcher::search, for scale: one word (one pass), two words (a candidate pass
// and a re-ranking), and a misspelt name (strict, partial and "did you mean").
void search(benchmark::State &state, const char *q) {
    Searcher searcher(g_db);
    SearchRequest request = *parse_search_request({{"q", q}, {"facets", "false"}});
    for (auto _ : state)
        benchmark::DoNotOptimize(searcher.search(request));
}
BENCHMARK_CAPTURE(search, one_word, "fraud")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(search, two_words, "health care")->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(search, few_matches, "Senator Snowe")->Unit(benchmark::kMicrosecond);

} // namespace

int main(int argc, char **argv) {
    benchmark::Initialize(&argc, argv); // takes its own --benchmark_* flags out of argv
    for (int i = 1; i + 1 < argc; ++i)
        if (std::strcmp(argv[i], "--db") == 0)
            g_db = argv[i + 1];
    if (g_db.empty() || argc != 3) {
        std::fprintf(stderr, "usage: hot_bench --db DIR [--benchmark_filter=REGEX ...]\n"
                             "DIR: an index written by pressroom-indexer\n");
        return 2;
    }
    try {
        fixture(); // a missing or unreadable index fails here, with its message
    } catch (const std::exception &e) {
        std::fprintf(stderr, "hot_bench: %s\n", e.what());
        return 1;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
