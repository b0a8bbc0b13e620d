#include "test_support.h"

#include <fstream>
#include <random>
#include <stdexcept>

#include <spdlog/sinks/ostream_sink.h>

namespace fs = std::filesystem;

namespace pressroom::test {

TempDir::TempDir() {
    std::random_device rd;
    for (int attempt = 0; attempt < 100; ++attempt) {
        fs::path candidate = fs::temp_directory_path() / ("pressroom-test-" + std::to_string(rd()));
        if (fs::create_directory(candidate)) {
            m_path = candidate;
            return;
        }
    }
    throw std::runtime_error("cannot create a temporary folder");
}

TempDir::~TempDir() {
    std::error_code ec;
    fs::remove_all(m_path, ec);
}

CapturedLog::CapturedLog() : stream(std::make_shared<std::ostringstream>()) {
    auto sink = std::make_shared<spdlog::sinks::ostream_sink_mt>(*stream);
    logger = std::make_shared<spdlog::logger>("test", sink);
    logger->set_pattern("%l %v");
}

fs::path copy_seeds(const fs::path &dir) {
    fs::path seeds = dir / "seeds";
    fs::create_directories(seeds);
    fs::copy(kSourceDir / "corpus" / "seeds", seeds, fs::copy_options::recursive);
    return seeds;
}

void write_file(const fs::path &path, const std::string &content) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out << content;
}

indexer::RunSummary index(const fs::path &db, const std::vector<fs::path> &sources, CapturedLog &log, bool rebuild) {
    indexer::IndexerOptions options;
    options.db = db;
    options.sources = sources;
    options.rebuild = rebuild;
    return indexer::run_indexer(options, *log.logger);
}

} // namespace pressroom::test
