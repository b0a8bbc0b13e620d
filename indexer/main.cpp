// pressroom-indexer: indexes press releases into a Pressroom index. See README.md.
#include <algorithm>
#include <thread>

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>
#include <xapian.h>

#include "index_store.h"
#include "indexer.h"

int main(int argc, char **argv) {
    pressroom::indexer::IndexerOptions options;
    CLI::App app{"Index press releases (scraped .txt pages, saved .html pages, JSON Lines records, plain or .gz) "
                 "into a Pressroom index.\n"
                 "--db, --synonyms and --jobs can also be set by the environment (PRESSROOM_DB, PRESSROOM_SYNONYMS, "
                 "PRESSROOM_JOBS)."};
    app.set_version_flag("--version", "pressroom-indexer " PRESS_VERSION);
    app.add_option("--db", options.db, "index folder (created if missing)")->required()->envname("PRESSROOM_DB");
    app.add_flag("--rebuild", options.rebuild,
                 "build a fresh index beside the live one and switch to it when complete");
    app.add_option("--synonyms", options.synonyms,
                   "synonym groups, one per line, members separated by commas (see corpus/synonyms.txt)")
        ->check(CLI::ExistingFile)
        ->envname("PRESSROOM_SYNONYMS");
    options.jobs = std::clamp(std::thread::hardware_concurrency(), 1u, 8u);
    app.add_option("--jobs", options.jobs,
                   "threads that write a fresh index (a first run or --rebuild); default: the number of cores, at "
                   "most 8")
        ->check(CLI::Range(1u, 64u))
        ->envname("PRESSROOM_JOBS");
    app.add_option("SOURCE", options.sources, "files and folders to index")->required();
    CLI11_PARSE(app, argc, argv);

    auto log = spdlog::stderr_color_mt("indexer");
    log->set_pattern("%^%l%$ %v");
    try {
        auto summary = pressroom::indexer::run_indexer(options, *log);
        log->info("{}", pressroom::indexer::format_summary(summary));
        return 0;
    } catch (const Xapian::Error &e) {
        log->error("indexing failed, the live index is unchanged: {}", e.get_description());
    } catch (const std::exception &e) {
        log->error("indexing failed, the live index is unchanged: {}", e.what());
    }
    return 1;
}
