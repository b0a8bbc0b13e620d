#include "searcher.h"

#include <nlohmann/json.hpp>

#include "query_builder.h"
#include "schema.h"
#include "snippet.h"

namespace pressroom::searchd {

Searcher::Searcher(std::filesystem::path dir) : m_dir(std::move(dir)) {
    m_stub = store::stub_identity(m_dir);
    m_db = store::open_index(m_dir);
}

void Searcher::refresh() {
    auto stub = store::stub_identity(m_dir);
    if (stub != m_stub) {
        m_db = store::open_index(m_dir);
        m_stub = stub;
        return;
    }
    m_db.reopen();
}

template <typename F> auto Searcher::with_retry(F &&f) -> decltype(f()) {
    refresh();
    try {
        return f();
    } catch (const Xapian::DatabaseModifiedError &) {
        m_db.reopen();
    } catch (const Xapian::DatabaseOpeningError &) {
        m_db = store::open_index(m_dir); // the generation was replaced and removed
        m_stub = store::stub_identity(m_dir);
    }
    return f();
}

namespace {

// Where a snippet may come from: the subtitle (a match may be only there), then the body.
std::vector<std::string> snippet_paragraphs(const Release &release) {
    std::vector<std::string> parts;
    parts.reserve(release.paragraphs.size() + 1);
    if (!release.subtitle.empty())
        parts.push_back(release.subtitle);
    parts.insert(parts.end(), release.paragraphs.begin(), release.paragraphs.end());
    return parts;
}

} // namespace

SearchResult Searcher::search(const SearchRequest &request) {
    return with_retry([&] {
        BuiltQuery built = build_query(request.q, m_db);
        Xapian::Enquire enquire(m_db);
        if (built.match_all)
            enquire.set_sort_by_value(schema::slot::kDate, /*reverse=*/true);
        else
            enquire.set_sort_by_relevance_then_value(schema::slot::kDate, /*reverse=*/true);
        auto first = static_cast<Xapian::doccount>((request.page - 1) * request.per_page);
        auto run = [&](const Xapian::Query &main) {
            enquire.set_query(ranked_query(main, built));
            return enquire.get_mset(first, static_cast<Xapian::doccount>(request.per_page), kExactCountUpTo);
        };
        Xapian::MSet mset = run(built.query);
        SearchResult result;
        result.notice = built.notice;
        Xapian::doccount strict = mset.get_matches_estimated();
        bool few = strict < kFewMatches;
        if ((few || built.long_query) && !built.partial.empty()) {
            // Releases with every word still count most; the closest partial matches follow.
            mset = run(Xapian::Query(Xapian::Query::OP_OR,
                                     Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, built.query, kStrictMatchWeight),
                                     built.partial));
        }
        if (few && !built.partial.empty()) {
            result.notice = strict == 0
                                ? "No release has all of these words; the closest matches are shown."
                                : "Only " + std::to_string(strict) + (strict == 1 ? " release has" : " releases have") +
                                      " all of these words; the closest matches follow.";
        }
        result.query = request.q;
        result.page = request.page;
        result.per_page = request.per_page;
        result.total = mset.get_matches_estimated();
        result.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
        std::vector<std::string> hints = snippet_hints(built.query);
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            SearchHit hit;
            hit.release = release_from_json(nlohmann::json::parse(it.get_document().get_data()));
            hit.title_html = title_html(mset, hit.release.title);
            std::string source = snippet_source(snippet_paragraphs(hit.release), hints);
            hit.snippet_html = hints.empty() ? opening_html(source) : snippet_html(mset, source);
            hit.score = it.get_weight();
            result.hits.push_back(std::move(hit));
        }
        return result;
    });
}

std::optional<Release> Searcher::document(const std::string &id) {
    return with_retry([&]() -> std::optional<Release> {
        std::string term = std::string(schema::prefix::kId) + id;
        Xapian::PostingIterator it = m_db.postlist_begin(term);
        if (it == m_db.postlist_end(term))
            return std::nullopt;
        return release_from_json(nlohmann::json::parse(m_db.get_document(*it).get_data()));
    });
}

Health Searcher::health() {
    return with_retry([&] {
        return Health{m_db.get_doccount(), m_db.get_revision(), store::live_generation(m_dir).value_or("")};
    });
}

SearcherPool::SearcherPool(std::filesystem::path dir) : m_dir(std::move(dir)) {
    m_idle.push_back(std::make_unique<Searcher>(m_dir));
}

std::unique_ptr<Searcher> SearcherPool::take() {
    {
        std::lock_guard lock(m_mutex);
        if (!m_idle.empty()) {
            auto searcher = std::move(m_idle.back());
            m_idle.pop_back();
            return searcher;
        }
    }
    return std::make_unique<Searcher>(m_dir);
}

void SearcherPool::give_back(std::unique_ptr<Searcher> searcher) {
    if (!searcher)
        return;
    std::lock_guard lock(m_mutex);
    m_idle.push_back(std::move(searcher));
}

} // namespace pressroom::searchd
