#include "indexer.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <fstream>
#include <iterator>
#include <unordered_map>

#include <spdlog/spdlog.h>
#include <xapian.h>

#include "document_builder.h"
#include "index_store.h"
#include "release_reader.h"
#include "schema.h"
#include "sources.h"
#include "synonyms.h"
#include "text.h"

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace pressroom::indexer {

namespace {

// Holds DIR/indexer.lock for the lifetime of the run, so two indexers never write at once.
class RunLock {
  public:
    explicit RunLock(const fs::path &dir) {
        fs::path path = dir / schema::kLockFile;
        m_fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (m_fd < 0)
            throw IndexerError("cannot create `" + path.string() + "`: " + std::strerror(errno));
        if (::flock(m_fd, LOCK_EX | LOCK_NB) != 0) {
            ::close(m_fd);
            throw IndexerError("another pressroom-indexer is writing to `" + dir.string() +
                               "`; wait for it to finish, then run again");
        }
    }
    ~RunLock() { ::close(m_fd); }
    RunLock(const RunLock &) = delete;
    RunLock &operator=(const RunLock &) = delete;

  private:
    int m_fd = -1;
};

bool has_term(const Xapian::Document &doc, const std::string &term) {
    Xapian::TermIterator it = doc.termlist_begin();
    it.skip_to(term);
    return it != doc.termlist_end() && *it == term;
}

// The short form of a skip reason used in the summary: the message up to its first ';', ':'
// or '(', which is where messages start quoting values, so equal reasons count together.
std::string reason_key(const std::string &message) {
    return std::string(text::trim(std::string_view(message).substr(0, message.find_first_of(";:("))));
}

enum class Mode { Fresh, Update };

class Run {
  public:
    Run(const IndexerOptions &options, spdlog::logger &log, Mode mode, Xapian::WritableDatabase &db,
        Xapian::WritableDatabase &quotes, const SynonymGroups &synonyms)
        : m_options(options), m_log(log), m_mode(mode), m_db(db), m_quotes(quotes), m_speakers(synonyms) {}

    void index_sources(const std::vector<std::vector<InputFile>> &listings);
    RunSummary &summary() { return m_summary; }

  private:
    bool index_file(const InputFile &file, const std::string &origin);
    void upsert(const Release &release, const std::string &origin, const std::string &where);
    void skip(const std::string &where, const std::string &reason);
    void delete_vanished(const std::string &origin);
    void report_progress(std::uint64_t bytes_done);
    // Writes the quotations of a release, replacing those it had.
    void write_quotes(const Release &release);

    const IndexerOptions &m_options;
    spdlog::logger &m_log;
    Mode m_mode;
    Xapian::WritableDatabase &m_db;
    Xapian::WritableDatabase &m_quotes;
    quotes::SpeakerKeys m_speakers;
    DocumentBuilder m_builder;
    RunSummary m_summary;
    std::unordered_map<std::string, std::string> m_seen; // id -> where it was read
    std::uint64_t m_total_bytes = 0;
    std::uint64_t m_done_bytes = 0;
    Clock::time_point m_start = Clock::now();
    Clock::time_point m_last_report = Clock::now();
};

void Run::skip(const std::string &where, const std::string &reason) {
    ++m_summary.skipped;
    ++m_summary.skip_reasons[reason_key(reason)];
    m_log.warn("skipped {}: {}", where, reason);
}

void Run::upsert(const Release &release, const std::string &origin, const std::string &where) {
    auto [seen, inserted] = m_seen.emplace(release.id, where);
    if (!inserted)
        return skip(where, "duplicate id; `" + release.id + "` was first read at " + seen->second);
    auto doc = m_builder.build(release, origin);
    if (!doc) {
        m_seen.erase(release.id);
        return skip(where, doc.error().message);
    }
    std::string term = id_term(release.id);
    if (m_mode == Mode::Update) {
        Xapian::PostingIterator existing = m_db.postlist_begin(term);
        if (existing != m_db.postlist_end(term)) {
            Xapian::Document old = m_db.get_document(*existing);
            if (old.get_data() == doc->get_data() && has_term(old, origin)) {
                ++m_summary.unchanged;
                return;
            }
            m_db.replace_document(term, *doc);
            write_quotes(release);
            ++m_summary.replaced;
            return;
        }
    }
    m_db.add_document(*doc);
    write_quotes(release);
    ++m_summary.added;
}

bool Run::index_file(const InputFile &file, const std::string &origin) {
    std::uint64_t base = m_done_bytes;
    ReadEvents events;
    events.release = [&](Release &release, const std::string &where) { upsert(release, origin, where); };
    events.skip = [&](const std::string &where, const std::string &reason) { skip(where, reason); };
    events.warning = [&](const std::string &where, const std::string &warning) {
        m_log.warn("{}: {}", where, warning);
    };
    events.progress = [&](std::uint64_t bytes) { report_progress(base + bytes); };
    bool complete = read_releases(file, events);
    m_done_bytes += file.size;
    report_progress(m_done_bytes);
    return complete;
}

void Run::delete_vanished(const std::string &origin) {
    std::vector<std::pair<Xapian::docid, std::string>> doomed; // and the release id
    for (auto it = m_db.postlist_begin(origin); it != m_db.postlist_end(origin); ++it) {
        Xapian::Document doc = m_db.get_document(*it);
        Xapian::TermIterator t = doc.termlist_begin();
        t.skip_to(std::string(schema::prefix::kId));
        if (t == doc.termlist_end())
            continue;
        std::string term = *t;
        if (term.rfind(schema::prefix::kId, 0) != 0)
            continue;
        std::string id = term.substr(schema::prefix::kId.size());
        if (!m_seen.count(id))
            doomed.emplace_back(*it, std::move(id));
    }
    for (const auto &[docid, id] : doomed) {
        m_quotes.delete_document(quote_release_term(id));
        m_db.delete_document(docid);
    }
    m_summary.deleted += doomed.size();
}

void Run::write_quotes(const Release &release) {
    if (m_mode == Mode::Update)
        m_quotes.delete_document(quote_release_term(release.id));
    for (const auto &record : quotes::quote_records(release)) {
        m_quotes.add_document(m_builder.build_quote(record, m_speakers));
        ++m_summary.quotes;
    }
}

void Run::report_progress(std::uint64_t bytes_done) {
    auto now = Clock::now();
    if (std::chrono::duration<double>(now - m_last_report).count() < m_options.progress_interval_s)
        return;
    m_last_report = now;
    double elapsed = std::chrono::duration<double>(now - m_start).count();
    std::uint64_t records = m_summary.added + m_summary.replaced + m_summary.unchanged + m_summary.skipped;
    double percent = m_total_bytes ? 100.0 * static_cast<double>(bytes_done) / static_cast<double>(m_total_bytes) : 0;
    m_log.info("progress: {} records, {:.0f} records/s, {:.0f}%", records,
               static_cast<double>(records) / std::max(elapsed, 1e-3), std::min(percent, 100.0));
}

void Run::index_sources(const std::vector<std::vector<InputFile>> &listings) {
    for (const auto &files : listings)
        for (const auto &file : files)
            m_total_bytes += file.size;
    for (std::size_t i = 0; i < listings.size(); ++i) {
        std::string origin = origin_term(m_options.sources[i]);
        bool complete = true;
        for (const auto &file : listings[i])
            complete = index_file(file, origin) && complete;
        if (m_mode == Mode::Update && complete)
            delete_vanished(origin);
    }
}

std::vector<std::vector<InputFile>> list_sources(const std::vector<fs::path> &sources) {
    std::vector<std::vector<InputFile>> listings;
    for (const auto &source : sources) {
        try {
            listings.push_back(list_source(source));
        } catch (const std::exception &e) {
            throw IndexerError(std::string(e.what()) + "; check the path (nothing was indexed)");
        }
    }
    return listings;
}

SynonymGroups read_synonyms(const fs::path &path) {
    std::ifstream in(path, std::ios::binary);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof())
        throw IndexerError("cannot read the synonym file `" + path.string() +
                           "`; check the path (nothing was indexed)");
    auto groups = parse_synonyms(content, path.string());
    if (!groups)
        throw IndexerError(groups.error().message + " (nothing was indexed)");
    return *groups;
}

// Opens the generation a run writes to. An update writes into the live generation, which must
// exist: a missing one is reported, never created empty under the live name.
Xapian::WritableDatabase open_generation(const fs::path &path, Mode mode, const fs::path &dir) {
    if (mode == Mode::Fresh)
        return Xapian::WritableDatabase(path.string(), Xapian::DB_CREATE_OR_OPEN);
    try {
        return Xapian::WritableDatabase(path.string(), Xapian::DB_OPEN);
    } catch (const Xapian::DatabaseNotFoundError &e) {
        throw IndexerError("the live index `" + path.string() + "` named by `" + store::stub_path(dir).string() +
                           "` is missing (" + e.get_msg() + "); run again with --rebuild");
    }
}

void check_schema(const Xapian::Database &db, const fs::path &dir) {
    std::string version = db.get_metadata(schema::kVersionKey);
    if (version != std::to_string(schema::kVersion))
        throw IndexerError("the index at `" + dir.string() + "` has schema version `" + version +
                           "`, this indexer writes version " + std::to_string(schema::kVersion) +
                           "; run again with --rebuild");
}

} // namespace

RunSummary run_indexer(const IndexerOptions &options, spdlog::logger &log) {
    auto start = Clock::now();
    if (options.sources.empty())
        throw IndexerError("no source given; name the files or folders to index");
    auto listings = list_sources(options.sources);
    std::optional<SynonymGroups> synonyms;
    if (!options.synonyms.empty())
        synonyms = read_synonyms(options.synonyms);
    std::error_code ec;
    fs::create_directories(options.db, ec);
    if (ec)
        throw IndexerError("cannot create the index folder `" + options.db.string() + "`: " + ec.message());
    RunLock lock(options.db);

    std::optional<std::string> live = store::live_generation(options.db);
    Mode mode = (!live || options.rebuild) ? Mode::Fresh : Mode::Update;
    std::string generation = mode == Mode::Fresh ? store::next_generation(options.db) : *live;
    fs::path gen_path = options.db / generation;

    RunSummary summary;
    try {
        Xapian::WritableDatabase db = open_generation(gen_path, mode, options.db);
        if (mode == Mode::Update)
            check_schema(db, options.db);
        // The quotations live in a database of their own inside the generation's folder, so
        // they never count in the statistics that rank releases.
        Xapian::WritableDatabase quotes_db = open_generation(gen_path / schema::kQuotesFolder, mode, options.db);
        if (mode == Mode::Update) {
            db.begin_transaction();
            quotes_db.begin_transaction();
        } else {
            db.set_metadata(schema::kVersionKey, std::to_string(schema::kVersion));
        }
        if (synonyms)
            db.set_metadata(schema::kSynonymsKey, synonyms_to_metadata(*synonyms));
        db.set_metadata(schema::kLastRunKey, std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                                                std::chrono::system_clock::now().time_since_epoch())
                                                                .count()));
        SynonymGroups groups = synonyms ? *synonyms : synonyms_from_metadata(db.get_metadata(schema::kSynonymsKey));
        Run run(options, log, mode, db, quotes_db, groups);
        run.index_sources(listings);
        summary = run.summary();
        // Quotations first: if the run stops between the two commits, the next run finds the
        // releases changed and writes their quotations again.
        if (mode == Mode::Update) {
            quotes_db.commit_transaction();
            db.commit_transaction();
        } else {
            quotes_db.commit();
            db.commit();
        }
        summary.documents = db.get_doccount();
        summary.quotations = quotes_db.get_doccount();
        quotes_db.close();
        db.close();
    } catch (...) {
        if (mode == Mode::Fresh)
            fs::remove_all(gen_path, ec);
        throw;
    }
    if (mode == Mode::Fresh) {
        store::publish_generation(options.db, generation);
        store::remove_generations_except(options.db, generation, live.value_or(""));
    }
    summary.generation = generation;
    summary.rebuilt = mode == Mode::Fresh && live.has_value();
    summary.seconds = std::chrono::duration<double>(Clock::now() - start).count();
    return summary;
}

std::string format_summary(const RunSummary &s) {
    std::string reasons;
    for (const auto &[reason, count] : s.skip_reasons)
        reasons += (reasons.empty() ? " (" : ", ") + std::to_string(count) + " " + reason;
    if (!reasons.empty())
        reasons += ")";
    std::uint64_t records = s.added + s.replaced + s.unchanged + s.skipped;
    return fmt::format("{}: {} added, {} replaced, {} unchanged, {} deleted, {} skipped{}; {} documents "
                       "and {} quotations live in {}; {:.1f} s, {:.0f} records/s",
                       s.rebuilt ? "rebuilt" : "indexed", s.added, s.replaced, s.unchanged, s.deleted, s.skipped,
                       reasons, s.documents, s.quotations, s.generation, s.seconds,
                       static_cast<double>(records) / std::max(s.seconds, 1e-3));
}

} // namespace pressroom::indexer
