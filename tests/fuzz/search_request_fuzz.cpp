// search_request: the input as the parameters of a request, one `key=value` per line (a line
// without `=` is a key with an empty value; keys may repeat), as the daemon reads them:
// parse_search_request, then, for a valid request, the search and the quotations search
// against a small real index (the seed pages, a dated fixture, the bundled synonym groups),
// with their JSON; the query text also goes to build_query, the suggestions, the speakers
// list, a speaker's timeline and the highlighted document view, as their endpoints pass it.
// The index is built once per process in the temp folder and removed at exit.
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>
#include <spdlog/logger.h>
#include <spdlog/sinks/null_sink.h>

#include "filters.h"
#include "fuzz_checks.h"
#include "fuzz_temp.h"
#include "index_store.h"
#include "indexer.h"
#include "query_builder.h"
#include "render.h"
#include "schema.h"
#include "search_request.h"
#include "searcher.h"
#include "synonyms.h"

namespace fs = std::filesystem;
using namespace pressroom;
using namespace pressroom::searchd;

namespace {

// Dated, categorised releases in two languages, with quotations, so that every filter and
// sort has something to act on.
const char *const kFixture =
    R"({"id":"air-2013","date":"2013-05-02","category":"Mayor's News","source":"Seoul Metropolitan Government","lang":"en","title":"Mayor announces a smog plan with Beijing","body":"\"We will clear the air together,\" said Mayor Park Won-soon.\n\nThe Seoul Metropolitan Government will work with Beijing on smog."}
{"id":"tax-2014","date":"2014-03-03T10:30","category":"Tax Division; Criminal Division","source":"US Department of Justice","lang":"en","title":"Beijing tax fraud case charged","body":"A tax fraud scheme run from Beijing was charged in federal court.\n\n\"No one is above the law,\" said Attorney General Eric Holder."}
{"id":"fraud-2012","date":"2012-01-01","category":"Civil Division","source":"US Department of Justice","title":"Healthcare fraud settlement","body":"A hospital agreed to pay to settle health care fraud allegations."}
{"id":"air-undated","category":"Environment","source":"Seoul Metropolitan Government","title":"Smog notes","body":"Notes on smog measurements taken with Beijing's environment bureau."}
{"id":"ko-2015","date":"2015-02-02","category":"Mayor's News","source":"Seoul Metropolitan Government","lang":"ko","title":"서울 대기질 협력","body":"박원순 시장은 \"베이징과 함께 하겠다\"고 말했다.\n\n대기질 협력을 약속했다."}
)";

struct Index {
    fuzz::ScratchPath dir{"index"};
    std::unique_ptr<Searcher> searcher;
    Xapian::Database db; // the live generation, for build_query
    SynonymGroups synonyms;

    Index() {
        fs::create_directories(dir.path());
        std::ofstream(dir.path() / "fixture.jsonl") << kFixture;
        indexer::IndexerOptions options;
        options.db = dir.path() / "db";
        options.sources = {fs::path(PRESS_SOURCE_DIR) / "corpus" / "seeds", dir.path() / "fixture.jsonl"};
        options.synonyms = fs::path(PRESS_SOURCE_DIR) / "corpus" / "synonyms.txt";
        auto log = std::make_shared<spdlog::logger>("fuzz", std::make_shared<spdlog::sinks::null_sink_mt>());
        indexer::RunSummary summary = indexer::run_indexer(options, *log);
        FUZZ_CHECK(summary.documents >= 5 && summary.quotations >= 2);
        searcher = std::make_unique<Searcher>(options.db);
        db = store::open_index(options.db);
        synonyms = synonyms_from_metadata(db.get_metadata(schema::kSynonymsKey));
    }
};

Index &index() {
    static Index instance;
    return instance;
}

Params params_of(std::string_view input) {
    Params params;
    while (!input.empty()) {
        std::size_t end = input.find('\n');
        std::string_view line = input.substr(0, end);
        input = end == std::string_view::npos ? std::string_view() : input.substr(end + 1);
        std::size_t eq = line.find('=');
        if (eq == std::string_view::npos)
            params.emplace(std::string(line), std::string());
        else
            params.emplace(std::string(line.substr(0, eq)), std::string(line.substr(eq + 1)));
    }
    return params;
}

// What the daemon sends is JSON: it must parse.
void check_json(const std::string &body) { FUZZ_CHECK(!nlohmann::json::parse(body).is_discarded()); }

} // namespace

extern "C" int LLVMFuzzerInitialize(int *, char ***) {
    index();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    Index &ix = index();
    Params params = params_of(std::string_view(reinterpret_cast<const char *>(data), size));

    auto request = parse_search_request(params);
    if (!request) {
        FUZZ_CHECK(request.error().code == ErrorCode::InvalidParameter);
        check_json(render_error(request.error()));
        return 0;
    }
    FUZZ_CHECK(request->page >= 1 && request->page <= kMaxPage);
    FUZZ_CHECK(request->per_page >= 1 && request->per_page <= kMaxPerPage);
    FUZZ_CHECK(text::is_valid_utf8(request->words));
    FUZZ_CHECK(text::is_valid_utf8(describe_filters(request->filters)));

    BuiltQuery built = build_query(request->words, ix.db, ix.synonyms);
    FUZZ_CHECK(text::is_valid_utf8(built.notice) && text::is_valid_utf8(built.reading));
    (void)built.query.get_description();

    SearchResult result = ix.searcher->search(*request);
    FUZZ_CHECK(result.hits.size() <= static_cast<std::size_t>(request->per_page));
    check_json(render_search(result, 1.0));
    check_json(render_quotes(ix.searcher->quotes(*request), 1.0));

    const std::string &q = request->q;
    if (q.size() <= 200)
        check_json(render_suggestions(q, ix.searcher->suggest(q)));
    check_json(render_speakers(ix.searcher->speakers(q)));
    for (const std::string &name : request->filters.speaker)
        if (name.size() <= 200)
            if (auto timeline = ix.searcher->timeline(name, q))
                check_json(render_timeline(*timeline));
    auto view = ix.searcher->document_view("air-2013", q);
    FUZZ_CHECK(view.has_value());
    return 0;
}
