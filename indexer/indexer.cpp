#include "indexer.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <deque>
#include <exception>
#include <fstream>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
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

constexpr const char *kFlushThreshold = "500";

// A fresh index is written by `jobs` threads, each building documents and quotations into a
// shard of its own under PARTS/shard-N; merge() then joins the shards into the generation with
// Xapian's compaction, which also packs it. Releases are read and checked on the calling thread
// and handed over in batches, round robin, so the same input and number of jobs always give the
// same index. The dictionary that compresses every document's data (core/stored_data.h) is
// trained on the first releases by a thread of its own while the workers go on: documents
// written before it is ready get their data once it is.
class Shards {
  public:
    Shards(const fs::path &parts, unsigned jobs, const quotes::SpeakerKeys &speakers) {
        for (unsigned i = 0; i < jobs; ++i)
            m_workers.push_back(
                std::make_unique<Worker>(parts / ("shard-" + std::to_string(i)), speakers, m_published));
        try {
            for (auto &worker : m_workers)
                worker->thread = std::thread([w = worker.get()] { w->run(); });
        } catch (...) {
            abandon();
            throw;
        }
    }
    ~Shards() { abandon(); }
    Shards(const Shards &) = delete;
    Shards &operator=(const Shards &) = delete;

    void add(Release &&release, const std::string &origin) {
        if (m_origins.empty() || m_origins.back() != origin)
            m_origins.push_back(origin);
        if (!m_trainer.joinable()) {
            m_samples.push_back(document_data(release));
            m_sample_bytes += m_samples.back().size();
            if (m_samples.size() >= kSampleReleases || m_sample_bytes >= kSampleBytes)
                m_trainer = std::thread([this] { train(); });
        }
        m_batch.push_back(Item{std::move(release), &m_origins.back()});
        hand_over(/*all=*/false);
    }

    // Waits for every shard to be written and committed; rethrows a worker's failure. Returns
    // the number of quotations written.
    std::uint64_t finish() {
        if (m_trainer.joinable())
            m_trainer.join();
        else
            train(); // fewer releases than a full sample
        if (m_training_error)
            std::rethrow_exception(m_training_error);
        hand_over(/*all=*/true);
        std::uint64_t quotations = 0;
        for (auto &worker : m_workers) {
            worker->close(/*abandon=*/false);
            worker->rethrow();
            quotations += worker->quotations;
        }
        return quotations;
    }

    // Compacts the shards into the releases database at `out` and its quotations database.
    void merge(const fs::path &out) const {
        Xapian::Database releases, quotations;
        for (const auto &worker : m_workers) {
            releases.add_database(Xapian::Database(worker->path.string()));
            quotations.add_database(Xapian::Database((worker->path / schema::kQuotesFolder).string()));
        }
        releases.compact(out.string(), 0, kBlockSize);
        quotations.compact((out / schema::kQuotesFolder).string(), 0, kBlockSize);
    }

    // The dictionary the documents were compressed with; empty for none. After finish().
    const std::string &dictionary() const { return m_dictionary; }

  private:
    // Blocks of 32 KB instead of Xapian's 8 KB: a long posting list takes fewer reads. Each
    // read copies a whole block, and a search reads some blocks several times (one cursor per
    // posting list), so larger blocks cost more: against 64 KB, the Searcher's p50 went from
    // 3.94 / 5.47 to 3.12 / 3.27 ms at 1M releases and from 0.98 / 0.93 to 0.87 / 0.83 ms at
    // DOJ (the same index compacted both ways, alternating); 8 KB and 16 KB were slower at 1M.
    // Each commit of a later update writes its changed blocks whole.
    static constexpr int kBlockSize = 32768;
    static constexpr std::size_t kBatch = 32; // releases per hand-over
    static constexpr std::size_t kQueued = 8; // batches waiting per worker
    // The dictionary is trained on the first releases' data, up to this many releases or this
    // many bytes: on DOJ the bytes stop it at 3,752 releases, trained in about 1 s of one core;
    // 2,000 releases give a 0.2 MB larger index.
    static constexpr std::size_t kSampleReleases = 4000;
    static constexpr std::size_t kSampleBytes = 16 << 20;
    struct Item {
        Release release;
        const std::string *origin;
    };

    // The codec every worker stores document data with, once the dictionary is trained.
    class Published {
      public:
        void set(stored::Codec codec) {
            std::lock_guard lock(m_mutex);
            m_codec = std::move(codec);
        }
        std::optional<stored::Codec> get() const {
            std::lock_guard lock(m_mutex);
            return m_codec;
        }

      private:
        mutable std::mutex m_mutex;
        std::optional<stored::Codec> m_codec;
    };

    struct Worker {
        Worker(fs::path dir, const quotes::SpeakerKeys &keys, const Published &published)
            : path(std::move(dir)), db(path.string(), Xapian::DB_CREATE_OR_OVERWRITE),
              quotes_db((path / schema::kQuotesFolder).string(), Xapian::DB_CREATE_OR_OVERWRITE), speakers(keys),
              codec(published) {}

        fs::path path;
        Xapian::WritableDatabase db;
        Xapian::WritableDatabase quotes_db;
        const quotes::SpeakerKeys &speakers;
        const Published &codec;
        DocumentBuilder builder;
        bool have_codec = false;
        // Documents written before the codec was published, with their uncompressed data.
        struct Deferred {
            Xapian::WritableDatabase *db;
            Xapian::docid did;
            std::string data;
        };
        std::vector<Deferred> deferred;
        std::uint64_t quotations = 0;
        std::thread thread;

        std::mutex mutex;
        std::condition_variable changed;
        std::deque<std::vector<Item>> queue;
        bool closed = false;
        bool abandoned = false;
        std::exception_ptr error;

        void push(std::vector<Item> batch) {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return queue.size() < kQueued || error; });
            if (error)
                std::rethrow_exception(error);
            queue.push_back(std::move(batch));
            changed.notify_all();
        }

        void close(bool abandon) {
            {
                std::lock_guard lock(mutex);
                closed = true;
                abandoned = abandoned || abandon;
            }
            changed.notify_all();
            if (thread.joinable())
                thread.join();
        }

        void rethrow() const {
            if (error)
                std::rethrow_exception(error);
        }

        void run() {
            try {
                std::vector<Item> batch;
                while (next(batch))
                    for (auto &item : batch)
                        write(item);
                adopt_codec();
                if (!have_codec && !was_abandoned())
                    throw std::logic_error("the shards were closed before the compression dictionary was published");
                quotes_db.commit();
                db.commit();
            } catch (...) {
                std::lock_guard lock(mutex);
                error = std::current_exception();
                changed.notify_all();
            }
        }

        bool was_abandoned() {
            std::lock_guard lock(mutex);
            return abandoned;
        }

        // The next batch, or false when the queue is closed and empty (or abandoned).
        bool next(std::vector<Item> &batch) {
            std::unique_lock lock(mutex);
            changed.wait(lock, [&] { return !queue.empty() || closed; });
            if (abandoned || queue.empty())
                return false;
            batch = std::move(queue.front());
            queue.pop_front();
            changed.notify_all();
            return true;
        }

        void write(const Item &item) {
            adopt_codec();
            std::string data;
            std::string *defer = have_codec ? nullptr : &data;
            auto doc = builder.build(item.release, *item.origin, defer);
            if (!doc) // check_release() passed on the reading thread, so this is a bug
                throw std::logic_error("a checked release failed to build: " + doc.error().message);
            add(db, *doc, defer);
            for (const auto &record : quotes::quote_records(item.release)) {
                add(quotes_db, builder.build_quote(record, speakers, defer), defer);
                ++quotations;
            }
        }

        void add(Xapian::WritableDatabase &to, const Xapian::Document &doc, std::string *deferred_data) {
            Xapian::docid did = to.add_document(doc);
            if (deferred_data)
                deferred.push_back(Deferred{&to, did, std::move(*deferred_data)});
        }

        // Takes the codec once it is published and stores the data of the documents written
        // before. Replacing only a document's data leaves its terms alone.
        void adopt_codec() {
            if (have_codec)
                return;
            auto published = codec.get();
            if (!published)
                return;
            builder.set_codec(*published);
            have_codec = true;
            for (auto &d : deferred) {
                Xapian::Document doc = d.db->get_document(d.did);
                doc.set_data(published->encode(d.data));
                d.db->replace_document(d.did, doc);
            }
            deferred = {};
        }
    };

    // Stops the trainer and the workers without waiting for the workers' queues (a failed run).
    void abandon() {
        if (m_trainer.joinable())
            m_trainer.join();
        for (auto &worker : m_workers)
            worker->close(/*abandon=*/true);
    }

    // Trains the dictionary on the samples and publishes its codec to the workers; on the
    // trainer thread, or on the calling one when the input was smaller than a sample.
    void train() {
        try {
            m_dictionary = stored::train_dictionary(m_samples);
            m_samples = {};
            m_published.set(stored::Codec(m_dictionary));
        } catch (...) {
            m_training_error = std::current_exception();
        }
    }

    // Hands the held releases to the workers in batches of kBatch, round robin; the remainder
    // too when `all`.
    void hand_over(bool all) {
        std::size_t done = 0;
        while (m_batch.size() - done >= kBatch || (all && done < m_batch.size())) {
            std::size_t n = std::min(kBatch, m_batch.size() - done);
            auto first = m_batch.begin() + static_cast<std::ptrdiff_t>(done);
            std::vector<Item> batch(std::make_move_iterator(first),
                                    std::make_move_iterator(first + static_cast<std::ptrdiff_t>(n)));
            m_workers[m_next]->push(std::move(batch));
            m_next = (m_next + 1) % m_workers.size();
            done += n;
        }
        m_batch.erase(m_batch.begin(), m_batch.begin() + static_cast<std::ptrdiff_t>(done));
    }

    Published m_published; // before m_workers, which refer to it
    std::vector<std::unique_ptr<Worker>> m_workers;
    std::deque<std::string> m_origins; // the origin terms items point to; a deque never moves them
    std::vector<Item> m_batch;
    std::size_t m_next = 0;
    // The first releases' data, until the trainer has it; then the trainer's alone.
    std::vector<std::string> m_samples;
    std::size_t m_sample_bytes = 0;
    std::thread m_trainer;
    std::string m_dictionary;
    std::exception_ptr m_training_error;
};

class Run {
  public:
    // An update of the live generation's databases.
    Run(const IndexerOptions &options, spdlog::logger &log, Xapian::WritableDatabase &db,
        Xapian::WritableDatabase &quotes, const quotes::SpeakerKeys &speakers)
        : m_options(options), m_log(log), m_mode(Mode::Update), m_db(&db), m_quotes(&quotes), m_speakers(speakers) {
        // New and changed documents are compressed with the dictionary the generation was created with.
        m_builder.set_codec(stored::codec_of(db));
    }
    // A fresh index, written through `shards`.
    Run(const IndexerOptions &options, spdlog::logger &log, Shards &shards, const quotes::SpeakerKeys &speakers)
        : m_options(options), m_log(log), m_mode(Mode::Fresh), m_shards(&shards), m_speakers(speakers) {}

    void index_sources(const std::vector<std::vector<InputFile>> &listings);
    RunSummary &summary() { return m_summary; }

  private:
    bool index_file(const InputFile &file, const std::string &origin);
    void upsert(Release &release, const std::string &origin, const std::string &where);
    void skip(const std::string &where, const std::string &reason);
    void delete_vanished(const std::string &origin);
    void report_progress(std::uint64_t bytes_done);
    // Writes the quotations of a release, replacing those it had (Update).
    void write_quotes(const Release &release);

    const IndexerOptions &m_options;
    spdlog::logger &m_log;
    Mode m_mode;
    Xapian::WritableDatabase *m_db = nullptr;     // Update
    Xapian::WritableDatabase *m_quotes = nullptr; // Update
    Shards *m_shards = nullptr;                   // Fresh
    const quotes::SpeakerKeys &m_speakers;
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

void Run::upsert(Release &release, const std::string &origin, const std::string &where) {
    auto [seen, inserted] = m_seen.emplace(release.id, where);
    if (!inserted)
        return skip(where, "duplicate id; `" + release.id + "` was first read at " + seen->second);
    if (m_mode == Mode::Fresh) {
        if (auto error = check_release(release, origin)) {
            m_seen.erase(release.id);
            return skip(where, error->message);
        }
        m_shards->add(std::move(release), origin);
        ++m_summary.added;
        return;
    }
    auto doc = m_builder.build(release, origin);
    if (!doc) {
        m_seen.erase(release.id);
        return skip(where, doc.error().message);
    }
    std::string term = id_term(release.id);
    Xapian::PostingIterator existing = m_db->postlist_begin(term);
    if (existing != m_db->postlist_end(term)) {
        Xapian::Document old = m_db->get_document(*existing);
        if (old.get_data() == doc->get_data() && has_term(old, origin)) {
            ++m_summary.unchanged;
            return;
        }
        m_db->replace_document(term, *doc);
        ++m_summary.replaced;
    } else {
        m_db->add_document(*doc);
        ++m_summary.added;
    }
    write_quotes(release);
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
    for (auto it = m_db->postlist_begin(origin); it != m_db->postlist_end(origin); ++it) {
        Xapian::Document doc = m_db->get_document(*it);
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
        m_quotes->delete_document(quote_release_term(id));
        m_db->delete_document(docid);
    }
    m_summary.deleted += doomed.size();
}

void Run::write_quotes(const Release &release) {
    m_quotes->delete_document(quote_release_term(release.id));
    for (const auto &record : quotes::quote_records(release)) {
        m_quotes->add_document(m_builder.build_quote(record, m_speakers));
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

// Opens the live generation for an update. It must exist: a missing one is reported, never
// created empty under the live name.
Xapian::WritableDatabase open_live_generation(const fs::path &path, const fs::path &dir) {
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

// What every run records in the releases database: the synonym groups it was given and when it
// ran (and, for a fresh index, the schema version).
void write_metadata(Xapian::WritableDatabase &db, const std::optional<SynonymGroups> &synonyms) {
    if (synonyms)
        db.set_metadata(schema::kSynonymsKey, synonyms_to_metadata(*synonyms));
    db.set_metadata(schema::kLastRunKey, std::to_string(std::chrono::duration_cast<std::chrono::seconds>(
                                                            std::chrono::system_clock::now().time_since_epoch())
                                                            .count()));
}

// A new generation at `gen_path`, written by options.jobs threads into shards beside it, then
// merged. On failure nothing of it is left.
RunSummary build_generation(const IndexerOptions &options, spdlog::logger &log,
                            const std::vector<std::vector<InputFile>> &listings,
                            const std::optional<SynonymGroups> &synonyms, const fs::path &gen_path) {
    fs::path parts = gen_path.string() + ".parts";
    // Xapian holds this many new documents of a database in memory before writing them out
    // (10,000 by default). Fewer are cheaper to invert: on the DOJ corpus with two jobs, 500
    // indexed in 18 s with 89 MB against 30 s with 705 MB (bench/README.md). A value in the
    // environment wins.
    ::setenv("XAPIAN_FLUSH_THRESHOLD", kFlushThreshold, /*overwrite=*/0);
    std::error_code ec;
    RunSummary summary;
    try {
        quotes::SpeakerKeys speakers(synonyms.value_or(SynonymGroups{}));
        fs::create_directories(parts);
        std::string dictionary;
        {
            Shards shards(parts, std::max(1u, options.jobs), speakers);
            Run run(options, log, shards, speakers);
            run.index_sources(listings);
            summary = run.summary();
            summary.quotes = shards.finish();
            shards.merge(gen_path);
            dictionary = shards.dictionary();
        }
        fs::remove_all(parts, ec);
        Xapian::WritableDatabase db(gen_path.string(), Xapian::DB_OPEN);
        db.set_metadata(schema::kVersionKey, std::to_string(schema::kVersion));
        if (!dictionary.empty())
            db.set_metadata(schema::kDataDictionaryKey, dictionary);
        write_metadata(db, synonyms);
        db.commit();
        summary.documents = db.get_doccount();
        summary.quotations = Xapian::Database((gen_path / schema::kQuotesFolder).string()).get_doccount();
    } catch (...) {
        fs::remove_all(parts, ec);
        fs::remove_all(gen_path, ec);
        throw;
    }
    return summary;
}

// The live generation at `gen_path` updated in place, in one transaction per database.
RunSummary update_generation(const IndexerOptions &options, spdlog::logger &log,
                             const std::vector<std::vector<InputFile>> &listings,
                             const std::optional<SynonymGroups> &synonyms, const fs::path &gen_path) {
    Xapian::WritableDatabase db = open_live_generation(gen_path, options.db);
    check_schema(db, options.db);
    // The quotations live in a database of their own inside the generation's folder, so
    // they never count in the statistics that rank releases.
    Xapian::WritableDatabase quotes_db = open_live_generation(gen_path / schema::kQuotesFolder, options.db);
    db.begin_transaction();
    quotes_db.begin_transaction();
    write_metadata(db, synonyms);
    quotes::SpeakerKeys speakers(synonyms ? *synonyms : synonyms_from_metadata(db.get_metadata(schema::kSynonymsKey)));
    Run run(options, log, db, quotes_db, speakers);
    run.index_sources(listings);
    RunSummary summary = run.summary();
    // Quotations first: if the run stops between the two commits, the next run finds the
    // releases changed and writes their quotations again.
    quotes_db.commit_transaction();
    db.commit_transaction();
    summary.documents = db.get_doccount();
    summary.quotations = quotes_db.get_doccount();
    return summary;
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
    if (mode == Mode::Update) {
        summary = update_generation(options, log, listings, synonyms, gen_path);
    } else {
        summary = build_generation(options, log, listings, synonyms, gen_path);
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
