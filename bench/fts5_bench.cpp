// SQLite FTS5 as a peer: the releases indexed the way a simple site search would (porter
// stemming, unicode61, title and body, date and category stored beside them), indexing timed,
// then the benchmark queries with bm25 order (title weighted, as tests/relevance does) or date
// order, and snippet(), top 10. Date and category filters become WHERE clauses.
//   fts5_bench --db FILE --queries FILE [--passes 5] [--json OUT] SOURCE...
#include <cstdio>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <sqlite3.h>

#include "bench_support.h"
#include "fts5_index.h"
#include "release_reader.h"
#include "sources.h"

using namespace pressroom;

namespace {

class Sqlite {
  public:
    explicit Sqlite(const std::filesystem::path &file) {
        if (sqlite3_open(file.c_str(), &m_db) != SQLITE_OK)
            throw std::runtime_error("sqlite: cannot open " + file.string());
    }
    ~Sqlite() { sqlite3_close(m_db); }
    Sqlite(const Sqlite &) = delete;
    Sqlite &operator=(const Sqlite &) = delete;

    void exec(const std::string &sql) {
        char *error = nullptr;
        if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
            std::string message = error ? error : "unknown error";
            sqlite3_free(error);
            throw std::runtime_error("sqlite: " + message + " in: " + sql);
        }
    }
    sqlite3_stmt *prepare(const std::string &sql) {
        sqlite3_stmt *stmt = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK)
            throw std::runtime_error(std::string("sqlite: ") + sqlite3_errmsg(m_db) + " in: " + sql);
        return stmt;
    }

  private:
    sqlite3 *m_db = nullptr;
};

struct Indexed {
    std::uint64_t records = 0, text_bytes = 0;
    double seconds = 0, optimize_seconds = 0;
};

Indexed build(Sqlite &db, const std::vector<std::string> &sources) {
    db.exec("PRAGMA journal_mode=OFF");
    db.exec("PRAGMA synchronous=OFF");
    db.exec("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, date UNINDEXED, category UNINDEXED, "
            "tokenize='porter unicode61')");
    sqlite3_stmt *insert = db.prepare("INSERT INTO docs(id, title, body, date, category) VALUES (?1, ?2, ?3, ?4, ?5)");
    Indexed out;
    auto start = bench::Clock::now();
    db.exec("BEGIN");
    indexer::ReadEvents events;
    events.release = [&](Release &r, const std::string &) {
        std::string body = r.subtitle.empty() ? r.body() : r.subtitle + "\n\n" + r.body();
        std::string date = r.date ? r.date->iso() : std::string();
        sqlite3_bind_text(insert, 1, r.id.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 2, r.title.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 3, body.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 4, date.c_str(), -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(insert, 5, r.category.c_str(), -1, SQLITE_TRANSIENT);
        if (sqlite3_step(insert) != SQLITE_DONE)
            throw std::runtime_error("sqlite: insert failed for " + r.id);
        sqlite3_reset(insert);
        ++out.records;
        out.text_bytes += r.title.size() + body.size();
    };
    events.skip = [](const std::string &, const std::string &) {};
    events.warning = [](const std::string &, const std::string &) {};
    for (const auto &source : sources)
        for (const auto &file : indexer::list_source(source))
            indexer::read_releases(file, events);
    db.exec("COMMIT");
    sqlite3_finalize(insert);
    out.seconds = std::chrono::duration<double>(bench::Clock::now() - start).count();
    auto optimize = bench::Clock::now();
    db.exec("INSERT INTO docs(docs) VALUES('optimize')");
    out.optimize_seconds = std::chrono::duration<double>(bench::Clock::now() - optimize).count();
    return out;
}

// The SQL and its bound values for one benchmark query: the words through to_fts5_query (as
// the relevance evaluation passes them), from/to/year as date bounds, category as a substring,
// sort=newest|oldest as date order.
struct Prepared {
    std::string sql;
    std::vector<std::string> binds;
};

Prepared prepare(const bench::BenchQuery &query) {
    searchd::Params params = bench::params_of(query);
    std::string match = relevance::to_fts5_query(query.q);
    std::vector<std::string> where, binds;
    if (!match.empty()) {
        where.push_back("docs MATCH ?");
        binds.push_back(match);
    }
    auto value = [&](const char *name) -> std::optional<std::string> {
        auto it = params.find(name);
        return it == params.end() ? std::nullopt : std::optional(it->second);
    };
    if (auto from = value("from")) {
        where.push_back("date >= ?");
        binds.push_back(*from);
    }
    if (auto to = value("to")) {
        where.push_back("date < ?");
        binds.push_back(*to + "\x7f"); // a prefix bound: "2014" keeps "2014-12-31"
    }
    if (auto year = value("year")) {
        where.push_back("substr(date, 1, 4) = ?");
        binds.push_back(*year);
    }
    if (auto category = value("category")) {
        where.push_back("category LIKE ?");
        binds.push_back("%" + *category + "%");
    }
    if (auto category = value("not_category")) {
        where.push_back("category NOT LIKE ?");
        binds.push_back("%" + *category + "%");
    }
    std::string sort = value("sort").value_or("relevance");
    std::string snippet = match.empty() ? "substr(body, 1, 300)" : "snippet(docs, 2, '<mark>', '</mark>', '...', 40)";
    std::string order = sort == "newest"   ? "date DESC"
                        : sort == "oldest" ? "date ASC"
                        : match.empty()    ? "date DESC"
                                           : "bm25(docs, 0.0, 10.0, 1.0)";
    std::string sql = "SELECT id, title, " + snippet + " FROM docs";
    for (std::size_t i = 0; i < where.size(); ++i)
        sql += (i == 0 ? " WHERE " : " AND ") + where[i];
    sql += " ORDER BY " + order + " LIMIT 10";
    return {sql, binds};
}

std::size_t run(Sqlite &db, const Prepared &p) {
    sqlite3_stmt *stmt = db.prepare(p.sql);
    for (std::size_t i = 0; i < p.binds.size(); ++i)
        sqlite3_bind_text(stmt, static_cast<int>(i + 1), p.binds[i].c_str(), -1, SQLITE_TRANSIENT);
    std::size_t out = 0;
    while (sqlite3_step(stmt) == SQLITE_ROW)
        for (int col = 0; col < 3; ++col)
            out += static_cast<std::size_t>(sqlite3_column_bytes(stmt, col));
    sqlite3_finalize(stmt);
    return out;
}

} // namespace

int main(int argc, char **argv) {
    CLI::App app{"SQLite FTS5 over the same releases and queries: indexing time, size, latency"};
    std::string db_file, queries_file, json_file;
    std::vector<std::string> sources;
    int passes = 5;
    app.add_option("--db", db_file, "the SQLite file to build (replaced)")->required();
    app.add_option("--queries", queries_file, "bench/queries.tsv")->required();
    app.add_option("--passes", passes, "measured passes over the set after one warm-up pass");
    app.add_option("--json", json_file, "write the figures here");
    app.add_option("sources", sources, "corpus files or folders, as for pressroom-indexer")->required();
    CLI11_PARSE(app, argc, argv);

    try {
        auto queries = bench::read_queries(queries_file);
        std::filesystem::remove(db_file);
        Sqlite db(db_file);
        Indexed indexed = build(db, sources);
        auto size = std::filesystem::file_size(db_file);
        std::printf("fts5 indexing: %llu records in %.1f s (%.0f records/s), optimize %.1f s, %.1f MB\n",
                    static_cast<unsigned long long>(indexed.records), indexed.seconds,
                    static_cast<double>(indexed.records) / indexed.seconds, indexed.optimize_seconds,
                    static_cast<double>(size) / 1e6);
        std::vector<Prepared> prepared;
        for (const auto &q : queries)
            prepared.push_back(prepare(q));
        std::vector<double> times;
        std::size_t sink = 0;
        for (int pass = 0; pass <= passes; ++pass)
            for (const auto &p : prepared) {
                auto start = bench::Clock::now();
                sink += run(db, p);
                if (pass > 0)
                    times.push_back(bench::ms_since(start));
            }
        bench::Stats s = bench::stats_of(times);
        bench::print_header();
        bench::print_row("fts5: bm25 top 10, snippet()", s);
        bench::write_json(json_file, {{"records", indexed.records},
                                      {"text_bytes", indexed.text_bytes},
                                      {"index_seconds", indexed.seconds},
                                      {"optimize_seconds", indexed.optimize_seconds},
                                      {"index_bytes", size},
                                      {"bytes", sink},
                                      {"latency", bench::to_json(s)}});
    } catch (const std::exception &e) {
        std::fprintf(stderr, "fts5_bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
