#include "test_support.h"

#include <fstream>
#include <random>
#include <stdexcept>

#include <nlohmann/json.hpp>
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

indexer::RunSummary index(const fs::path &db, const std::vector<fs::path> &sources, CapturedLog &log, bool rebuild,
                          const fs::path &synonyms, unsigned jobs) {
    indexer::IndexerOptions options;
    options.jobs = jobs;
    options.db = db;
    options.sources = sources;
    options.rebuild = rebuild;
    options.synonyms = synonyms;
    return indexer::run_indexer(options, *log.logger);
}

fs::path write_press_fixture(const fs::path &dir) {
    // id, date (empty: undated), category, source, lang, title, body
    struct Row {
        const char *id, *date, *category, *source, *lang, *title, *body;
    };
    const Row rows[] = {
        {"air-2013", "2013-05-02", "Mayor's News", "Seoul Metropolitan Government", "en",
         "Mayor announces a smog plan with Beijing",
         "The Seoul Metropolitan Government will work with Beijing on smog, the mayor said."},
        {"air-2015", "2015-07-10", "Mayor's News", "Seoul Metropolitan Government", "en", "Smog agreement renewed",
         "Seoul and Beijing renewed their smog agreement: fine dust monitoring data will be shared for five years."},
        {"air-2016", "2016-11-30", "Environment", "Seoul Metropolitan Government", "en", "Smog report",
         "Fine dust fell again; smog in Seoul and Beijing thinned, the monitoring report says."},
        {"air-2017", "2017-01-15", "Environment", "Seoul Metropolitan Government", "en", "Smog outlook for 2017",
         "Smog and fine dust forecasts for Seoul and Beijing are now shared every hour from monitoring stations."},
        {"air-undated", "", "Environment", "Seoul Metropolitan Government", "en", "Smog notes",
         "Notes on smog measurements taken with Beijing's environment bureau."},
        {"tax-2014", "2014-03-03", "Tax Division; Criminal Division", "US Department of Justice", "en",
         "Beijing tax fraud case charged", "A tax fraud scheme run from Beijing was charged in federal court."},
        {"fraud-2012", "2012-01-01", "Civil Division", "US Department of Justice", "en", "Healthcare fraud settlement",
         "A hospital agreed to pay to settle healthcare fraud allegations."},
        {"ko-2015", "2015-02-02", "Mayor's News", "Seoul Metropolitan Government", "ko", "서울 대기질 협력",
         "박원순 시장은 베이징과 대기질 협력을 약속했다."},
    };
    fs::path path = dir / "press-fixture.jsonl";
    std::string out;
    for (const Row &r : rows) {
        nlohmann::json j = {{"id", r.id},         {"title", r.title}, {"category", r.category},
                            {"source", r.source}, {"lang", r.lang},   {"body", r.body}};
        if (*r.date)
            j["date"] = r.date;
        out += j.dump() + "\n";
    }
    write_file(path, out);
    return path;
}

} // namespace pressroom::test
