#include "searcher.h"

#include <nlohmann/json.hpp>

#include "document_set.h"
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

struct Page {
    Xapian::MSet mset;
    Xapian::doccount total = 0;
    bool total_exact = true;
};

// Finds candidates with the cheap preferred query, then, when the page lies within the first
// kRerankDepth, ranks those candidates again with the full ranked query (whose proximity
// evidence reads positions) and takes the page from that order. Pages beyond the depth keep
// the candidate order.
Page run_ranked(Xapian::Enquire &enquire, const Xapian::Query &main, const BuiltQuery &built, Xapian::doccount first,
                Xapian::doccount count) {
    Xapian::Query candidates = preferred_query(main, built);
    enquire.set_query(candidates);
    if (built.bonus.empty() || first + count > kRerankDepth) {
        Xapian::MSet mset = enquire.get_mset(first, count, kExactCountUpTo);
        return {mset, mset.get_matches_estimated(), mset.get_matches_lower_bound() == mset.get_matches_upper_bound()};
    }
    Xapian::MSet top = enquire.get_mset(0, kRerankDepth, kExactCountUpTo);
    std::vector<Xapian::docid> ids;
    for (auto it = top.begin(); it != top.end(); ++it)
        ids.push_back(*it);
    Xapian::Query only_these((new DocumentSet(std::move(ids)))->release());
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, ranked_query(main, built), only_these));
    return {enquire.get_mset(first, count), top.get_matches_estimated(),
            top.get_matches_lower_bound() == top.get_matches_upper_bound()};
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
        auto count = static_cast<Xapian::doccount>(request.per_page);
        Page page = run_ranked(enquire, built.query, built, first, count);
        SearchResult result;
        result.notice = built.notice;
        Xapian::doccount strict = page.total;
        bool few = strict < kFewMatches;
        if ((few || built.long_query) && !built.partial.empty()) {
            // Releases with every word still count most; the closest partial matches follow.
            page =
                run_ranked(enquire,
                           Xapian::Query(Xapian::Query::OP_OR,
                                         Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, built.query, kStrictMatchWeight),
                                         built.partial),
                           built, first, count);
        }
        const Xapian::MSet &mset = page.mset;
        if (few && !built.partial.empty()) {
            result.notice = strict == 0
                                ? "No release has all of these words; the closest matches are shown."
                                : "Only " + std::to_string(strict) + (strict == 1 ? " release has" : " releases have") +
                                      " all of these words; the closest matches follow.";
        }
        result.query = request.q;
        result.page = request.page;
        result.per_page = request.per_page;
        result.total = page.total;
        result.total_exact = page.total_exact;
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
