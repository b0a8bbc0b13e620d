#include "fts5_index.h"

#include <sqlite3.h>

#include <algorithm>
#include <stdexcept>

namespace pressroom::relevance {

namespace {

// Title matches weigh ten times body matches; the id column is not searched.
constexpr const char *kSearchSql =
    "SELECT id FROM docs WHERE docs MATCH ?1 ORDER BY bm25(docs, 0.0, 10.0, 1.0) LIMIT ?2";

void exec(sqlite3 *db, const char *sql) {
    char *error = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &error) != SQLITE_OK) {
        std::string message = error ? error : "unknown error";
        sqlite3_free(error);
        throw std::runtime_error(std::string("sqlite: ") + message);
    }
}

bool is_word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           static_cast<unsigned char>(c) >= 0x80;
}

// Each run of word characters in `text`, as a quoted FTS5 string.
std::vector<std::string> quoted_words(std::string_view text) {
    std::vector<std::string> words;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && !is_word_char(text[i]))
            ++i;
        std::size_t start = i;
        while (i < text.size() && is_word_char(text[i]))
            ++i;
        if (i > start)
            words.push_back('"' + std::string(text.substr(start, i - start)) + '"');
    }
    return words;
}

std::string join(const std::vector<std::string> &parts, const char *separator) {
    std::string out;
    for (const auto &part : parts)
        out += (out.empty() ? "" : separator) + part;
    return out;
}

bool is_operator(std::string_view token) { return token == "OR" || token == "AND" || token == "NOT"; }

} // namespace

std::string to_fts5_query(std::string_view q) {
    std::vector<std::string> parts;
    std::size_t i = 0;
    while (i < q.size()) {
        if (q[i] == '"') { // a phrase: FTS5 joins its words with '+'
            std::size_t end = std::min(q.find('"', i + 1), q.size());
            auto words = quoted_words(q.substr(i + 1, end - i - 1));
            if (!words.empty())
                parts.push_back(join(words, " + "));
            i = end + 1;
            continue;
        }
        std::size_t end = std::min(q.find_first_of(" \"", i), q.size());
        std::string_view token = q.substr(i, end - i);
        if (is_operator(token)) {
            if (!parts.empty() && !is_operator(parts.back()))
                parts.emplace_back(token);
        } else {
            for (auto &word : quoted_words(token))
                parts.push_back(std::move(word));
        }
        i = end < q.size() && q[end] == '"' ? end : end + 1;
    }
    while (!parts.empty() && is_operator(parts.back()))
        parts.pop_back(); // a trailing operator has nothing to combine with
    return join(parts, " ");
}

Fts5Index::Fts5Index() {
    if (sqlite3_open(":memory:", &m_db) != SQLITE_OK)
        throw std::runtime_error("sqlite: cannot open an in-memory database");
    exec(m_db, "CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, tokenize='porter unicode61')");
    exec(m_db, "BEGIN");
}

Fts5Index::~Fts5Index() { sqlite3_close(m_db); }

void Fts5Index::add(const Release &r) {
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(m_db, "INSERT INTO docs(id, title, body) VALUES (?1, ?2, ?3)", -1, &stmt, nullptr);
    std::string body = r.subtitle + "\n\n" + r.body();
    sqlite3_bind_text(stmt, 1, r.id.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt, 2, r.title.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(stmt, 3, body.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_step(stmt);
    sqlite3_finalize(stmt);
}

std::vector<std::string> Fts5Index::search(std::string_view q, int k) {
    if (sqlite3_get_autocommit(m_db) == 0)
        exec(m_db, "COMMIT");
    std::vector<std::string> ids;
    std::string match = to_fts5_query(q);
    if (match.empty())
        return ids;
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(m_db, kSearchSql, -1, &stmt, nullptr);
    sqlite3_bind_text(stmt, 1, match.c_str(), -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(stmt, 2, k);
    while (sqlite3_step(stmt) == SQLITE_ROW)
        ids.emplace_back(reinterpret_cast<const char *>(sqlite3_column_text(stmt, 0)));
    sqlite3_finalize(stmt);
    return ids;
}

} // namespace pressroom::relevance
