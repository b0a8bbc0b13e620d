#include "searcher.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <thread>
#include <unordered_map>
#include <utility>

#include "document_set.h"
#include "facets.h"
#include "filters.h"
#include "markup.h"
#include "per_revision.h"
#include "query_builder.h"
#include "query_text.h"
#include "schema.h"
#include "snippet.h"
#include "spelling.h"
#include "text.h"

namespace pressroom::searchd {

struct SharedTables {
    PerRevision<FacetTable> facets;
    PerRevision<Vocabulary> vocabulary;
};

Searcher::Searcher(std::filesystem::path dir, std::shared_ptr<SharedTables> tables, double time_limit)
    : m_dir(std::move(dir)), m_time_limit(time_limit),
      m_tables(tables ? std::move(tables) : std::make_shared<SharedTables>()) {
    m_stub = store::stub_identity(m_dir);
    open_live();
}

void Searcher::open_live() {
    store::LiveIndex live = store::open_live(m_dir);
    m_db = std::move(live.releases);
    m_quotes = std::move(live.quotes);
    m_generation = std::move(live.generation);
    m_codec = std::move(live.codec);
}

void Searcher::refresh() {
    auto stub = store::stub_identity(m_dir);
    if (stub != m_stub) {
        open_live();
        m_stub = stub;
        return;
    }
    try {
        m_db.reopen();
        m_quotes.reopen();
    } catch (const Xapian::DatabaseOpeningError &) {
        // The generation's files are gone (replaced by a rebuild, or removed): opening the live
        // one again either finds the new index or says which index is missing and how to fix it.
        open_live();
    }
}

template <typename F> auto Searcher::with_retry(F &&f) -> decltype(f()) {
    refresh();
    try {
        return f();
    } catch (const Xapian::DatabaseModifiedError &) {
        m_db.reopen();
        m_quotes.reopen();
    } catch (const Xapian::DatabaseOpeningError &) {
        m_stub = store::stub_identity(m_dir);
        open_live(); // the generation was replaced and removed
    }
    auto revisions = [&] { return std::pair(m_db.get_revision(), m_quotes.get_revision()); };
    auto before = revisions();
    try {
        return f();
    } catch (const Xapian::DatabaseModifiedError &e) {
        // Read again at the newest revision, a block still says it was written later. If no
        // update has been committed since, none explains it: the tables are damaged.
        m_db.reopen();
        m_quotes.reopen();
        if (revisions() == before)
            throw Xapian::DatabaseCorruptError("a block claims a later revision than the index's own, " + e.get_msg());
        throw;
    }
}

namespace {

using stored::release_of;

struct Page {
    // The matches the page is drawn from. Snippets highlight the words of the query that found
    // them, so their Enquire must keep that query until the page is rendered.
    Xapian::MSet mset;
    std::vector<std::pair<Xapian::MSetIterator, double>> hits; // the page, in order, with each one's weight
    Xapian::doccount total = 0;
    bool total_exact = true;

    // The page is all of `m`, in its order.
    void show(const Xapian::MSet &m) {
        mset = m;
        hits.clear();
        for (auto it = m.begin(); it != m.end(); ++it)
            hits.emplace_back(it, it.get_weight());
    }
};

// An Enquire that only counts the matches of `query`: unweighted, since a count needs no
// weights. On DOJ, a search for "USX", whose "did you mean" check counts "us", took 0.87 ms
// with that count weighted and 0.08 ms without.
Xapian::Enquire counting_enquire(const Xapian::Database &db, const Xapian::Query &query) {
    Xapian::Enquire counting(db);
    counting.set_weighting_scheme(Xapian::BoolWeight());
    counting.set_query(query);
    return counting;
}

// A page counted by its own match.
Page counted_by(const Xapian::MSet &mset) {
    Page page;
    page.show(mset);
    page.total = mset.get_matches_estimated();
    page.total_exact = mset.get_matches_lower_bound() == mset.get_matches_upper_bound();
    return page;
}

struct RunOptions {
    Xapian::doccount first = 0, count = 10;
    bool rerank = true;              // relevance order: rank the best candidates again
    Xapian::MatchSpy *spy = nullptr; // sees every match when check_at_least covers them all
    Xapian::doccount check_at_least = kExactCountUpTo;
    // The caller replaces the page when fewer match than this (with partial matches): the
    // candidates are then not ranked again.
    Xapian::doccount replaced_below = 0;
};

// Hits first..first+count of the candidates `top` (relevance order, ties newest first) once
// each candidate's weight has the bonus's added. The bonus is matched against the candidates
// alone, in an Enquire of its own with the same weighting (BM25): the candidate query's
// postings are not opened a second time, and the sum is what ranked_query() would give.
// Xapian 1.4.22, matching both at once, sometimes gave more: with partial matches, a release
// with "highway" and no "bill" got the phrase bonus of `highway bill` (22.78 against 16.12).
std::vector<std::pair<Xapian::MSetIterator, double>> with_bonus(const Xapian::Database &db, const Xapian::MSet &top,
                                                                const Xapian::Query &bonus, Xapian::doccount first,
                                                                Xapian::doccount count) {
    std::vector<Xapian::docid> ids;
    for (auto it = top.begin(); it != top.end(); ++it)
        ids.push_back(*it);
    Xapian::Enquire extra(db);
    extra.set_query(
        Xapian::Query(Xapian::Query::OP_FILTER, bonus, Xapian::Query((new DocumentSet(std::move(ids)))->release())));
    Xapian::MSet found = extra.get_mset(0, top.size());
    std::unordered_map<Xapian::docid, double> added;
    for (auto it = found.begin(); it != found.end(); ++it)
        added.emplace(*it, it.get_weight());
    struct Candidate {
        Xapian::MSetIterator at;
        double weight;
        std::string date; // the sort key: the date slot's value
    };
    std::vector<Candidate> ranked;
    for (auto it = top.begin(); it != top.end(); ++it) {
        auto bonus_weight = added.find(*it);
        ranked.push_back(
            {it, it.get_weight() + (bonus_weight == added.end() ? 0.0 : bonus_weight->second), it.get_sort_key()});
    }
    // Xapian's own order: weight, then the newest, then the lowest document id.
    std::sort(ranked.begin(), ranked.end(), [](const Candidate &a, const Candidate &b) {
        if (a.weight != b.weight)
            return a.weight > b.weight;
        if (a.date != b.date)
            return a.date > b.date;
        return *a.at < *b.at;
    });
    std::vector<std::pair<Xapian::MSetIterator, double>> page;
    for (auto i = first; i < first + count && i < ranked.size(); ++i)
        page.emplace_back(ranked[i].at, ranked[i].weight);
    return page;
}

// When the bonus reads positions, finds candidates with the cheap preferred query, then, when
// the page lies within the first kRerankDepth, ranks those candidates again with the bonus
// added (with_bonus) and takes the page from that order; pages beyond the depth keep the
// candidate order. A bonus of title words only is cheap over every match: one pass ranks them
// all.
Page run_ranked(Xapian::Enquire &enquire, const Xapian::Database &db, const Xapian::Query &main,
                const BuiltQuery &built, const RunOptions &run) {
    bool two_passes = run.rerank && built.positional_bonus;
    enquire.set_query(run.rerank && !two_passes ? ranked_query(main, built) : preferred_query(main, built));
    enquire.clear_matchspies();
    if (run.spy)
        enquire.add_matchspy(run.spy);
    if (!two_passes || run.first + run.count > kRerankDepth) {
        Xapian::MSet mset = enquire.get_mset(run.first, run.count, run.check_at_least);
        enquire.clear_matchspies();
        return counted_by(mset);
    }
    Xapian::MSet top = enquire.get_mset(0, kRerankDepth, run.check_at_least);
    enquire.clear_matchspies();
    Page page = counted_by(top); // the candidates' count is the query's
    if (top.get_matches_estimated() >= run.replaced_below)
        page.hits = with_bonus(db, top, built.bonus, run.first, run.count);
    return page;
}

// Relevance (ties newest first), newest first or oldest first; undated releases last in
// both date orders.
void set_order(Xapian::Enquire &enquire, Sort sort, bool match_all, Xapian::MultiValueKeyMaker &oldest_first) {
    switch (sort) {
    case Sort::Relevance:
        if (match_all)
            enquire.set_sort_by_value(schema::slot::kDate, /*reverse=*/true);
        else
            enquire.set_sort_by_relevance_then_value(schema::slot::kDate, /*reverse=*/true);
        break;
    case Sort::Newest: // an empty value (undated) sorts lowest, so last
        enquire.set_sort_by_value_then_relevance(schema::slot::kDate, /*reverse=*/true);
        break;
    case Sort::Oldest:
        oldest_first.add_value(schema::slot::kDate, /*reverse=*/false, /*defvalue=*/"99999999");
        enquire.set_sort_by_key_then_relevance(&oldest_first, /*reverse=*/false);
        break;
    }
}

// Up to this many matches, sorting them all by date is quicker than date_ordered_page's two
// passes (year=2012 at 1M releases, with facets: 1.7 to 2.8 ms in one, 3.3 to 5.7 ms in two).
constexpr Xapian::doccount kSortAllUpTo = 20000;

// The page of a query in date order, newest or oldest first. Sorted whole, every match's date
// is read: at 1M releases the newest ten of all took 67 to 100 ms. Every release of a later
// year comes before every release of an earlier one, and undated ones come last, so the page
// is taken from the matches of the fewest years, from the newest (the oldest for Sort::Oldest),
// that should hold it, and the count, and the facets' spy, come from a pass that reads no
// dates. `enquire` holds the order (set_order), `query` the request's words and filters.
// `words`: the query has words to match, not filters alone. `total`, when given, is the count,
// already known, and the spy has been told.
Page date_ordered_page(Xapian::Enquire &enquire, const Xapian::Database &db, Xapian::valueno slot,
                       const Xapian::Query &query, const SearchRequest &request, bool words, const RunOptions &run,
                       std::optional<Xapian::doccount> total = std::nullopt) {
    Page page;
    if (total) {
        page.total = *total;
    } else {
        Xapian::Enquire counting = counting_enquire(db, query);
        if (counting.get_mset(0, 0).get_matches_estimated() <= kSortAllUpTo) {
            enquire.set_query(query);
            if (run.spy)
                enquire.add_matchspy(run.spy);
            Xapian::MSet mset = enquire.get_mset(run.first, run.count, run.check_at_least);
            enquire.clear_matchspies();
            return counted_by(mset);
        }
        if (run.spy)
            counting.add_matchspy(run.spy);
        page = counted_by(counting.get_mset(0, 0, run.check_at_least));
    }
    std::string lowest = db.get_value_lower_bound(slot), highest = db.get_value_upper_bound(slot);
    Xapian::doccount want = run.first + run.count;
    // Undated releases alone have no year to walk.
    if (2 * want < page.total && lowest.size() >= 4 && highest.size() >= 4 && !request.filters.undated_only) {
        int from = std::stoi(lowest.substr(0, 4)), to = std::stoi(highest.substr(0, 4));
        // Only the years the filters can keep.
        if (request.filters.from)
            from = std::max(from, std::stoi(request.filters.from->substr(0, 4)));
        if (request.filters.to)
            to = std::min(to, std::stoi(request.filters.to->substr(0, 4)));
        if (!request.filters.year.empty()) {
            auto [first, last] = std::minmax_element(request.filters.year.begin(), request.filters.year.end());
            from = std::max(from, std::stoi(*first));
            to = std::min(to, std::stoi(*last));
        }
        bool oldest = request.sort == Sort::Oldest;
        int step = oldest ? 1 : -1, year = oldest ? from : to;
        // Years are taken until they should hold the page twice over, at the share of the
        // releases the filters keep; when they did not hold it, until they hold four times what
        // they held.
        Xapian::doccount dated = std::max(db.get_value_freq(slot), 1u), in_years = 0;
        double share = std::min(1.0, static_cast<double>(page.total) / dated);
        // With words, the years are checked on every match the words find, and years holding
        // an eighth of the releases cost about what the dates they spare would: at 1M, `trade
        // deficit` oldest first, whose oldest year holds a fifth of the releases, took 12.0 ms
        // sorted whole and 17.4 ms from that year.
        Xapian::doccount most = words ? dated / 8 : dated;
        std::vector<Xapian::Query> years;
        double held = 0, need = 2.0 * want;
        for (int taken = 1; taken <= to - from + 1; ++taken, year += step) {
            std::string term = std::string(schema::prefix::kYear) + fmt::format("{:04d}", year);
            Xapian::doccount docs = db.get_termfreq(term);
            if ((in_years += docs) > most)
                break;
            held += docs * share;
            years.emplace_back(term);
            if (held < need && taken <= to - from)
                continue;
            enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, query,
                                            Xapian::Query(Xapian::Query::OP_OR, years.begin(), years.end())));
            page.show(enquire.get_mset(run.first, run.count));
            if (page.mset.size() == run.count)
                return page;
            need = 4 * held;
        }
    }
    enquire.set_query(query); // the page reaches the oldest year, or the undated releases
    page.show(enquire.get_mset(run.first, run.count));
    return page;
}

// Keeps the words worth finding similar releases by: plain words of three or more letters
// that are not common.
class SimilarWords : public Xapian::ExpandDecider {
  public:
    bool operator()(const std::string &term) const override {
        if (term.size() < 3 || !(term[0] >= 'a' && term[0] <= 'z'))
            return false;
        if (term.find_first_not_of("0123456789") == std::string::npos)
            return false;
        return !query_text::is_stop_word(term);
    }
};

// How many words of a release pick its similar releases.
constexpr Xapian::termcount kSimilarTerms = 25;

} // namespace

void Searcher::load_synonyms() {
    std::string key = store::revision_key(m_db);
    if (key != m_synonyms_revision) {
        m_synonyms = synonyms_from_metadata(m_db.get_metadata(schema::kSynonymsKey));
        m_speaker_keys = quotes::SpeakerKeys(m_synonyms);
        m_synonyms_revision = std::move(key);
    }
}

std::optional<Xapian::docid> Searcher::docid_of(const std::string &id) {
    std::string term = std::string(schema::prefix::kId) + id;
    Xapian::PostingIterator it = m_db.postlist_begin(term);
    if (it == m_db.postlist_end(term))
        return std::nullopt;
    return *it;
}

Xapian::Query Searcher::within_time(const Xapian::Query &query, std::chrono::steady_clock::time_point started) const {
    if (m_time_limit <= 0)
        return query;
    auto at = started + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                            std::chrono::duration<double>(m_time_limit));
    return Xapian::Query(Xapian::Query::OP_FILTER, query, Xapian::Query((new Deadline(at))->release()));
}

bool Searcher::out_of_time(std::chrono::steady_clock::time_point started) const {
    return m_time_limit > 0 &&
           std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() >= m_time_limit;
}

namespace {
std::string time_limit_notice(double seconds) {
    return fmt::format("The search reached its time limit ({:g} s): these are the best matches found by then, and "
                       "the count may be short. A narrower query answers in full.",
                       seconds);
}

// Filters of dates alone: years, not years, a date range or undated only.
bool dates_only(const Filters &f) {
    return f.category.empty() && f.not_category.empty() && f.source.empty() && f.not_source.empty() && f.lang.empty() &&
           f.not_lang.empty() && f.speaker.empty() && f.not_speaker.empty();
}

// The years of `table` that date filters keep whole, those a date range cuts through (and how
// many releases each holds), and whether they keep the undated releases.
struct KeptYears {
    std::vector<std::string> whole, cut;
    Xapian::doccount in_whole = 0, in_cut = 0;
    bool undated = false;
};

KeptYears kept_years(const Filters &f, const FacetTable &table) {
    KeptYears kept;
    kept.undated = !f.from && !f.to && f.year.empty();
    if (f.undated_only)
        return kept;
    auto named = [](const std::vector<std::string> &years, const std::string &year) {
        return std::find(years.begin(), years.end(), year) != years.end();
    };
    for (std::size_t id = 0; id < table.values().size(); ++id) {
        const auto &value = table.values()[id];
        const std::string &year = value.text;
        if (value.kind != FacetKind::Year || (!f.year.empty() && !named(f.year, year)) || named(f.not_year, year))
            continue;
        std::string first = year + "-01-01", last = year + "-12-31";
        if ((f.from && *f.from > last) || (f.to && *f.to < first))
            continue;
        bool cut = (f.from && *f.from > first) || (f.to && *f.to < last);
        (cut ? kept.cut : kept.whole).push_back(year);
        (cut ? kept.in_cut : kept.in_whole) += table.whole_index_counts()[id];
    }
    return kept;
}

} // namespace

SearchResult Searcher::search(const SearchRequest &request) {
    return with_retry([&] {
        auto started = std::chrono::steady_clock::now();
        load_synonyms();
        BuiltQuery built = build_query(request.words, m_db, m_synonyms);
        Xapian::Enquire enquire(m_db);
        Xapian::MultiValueKeyMaker oldest_first;
        set_order(enquire, request.sort, built.match_all, oldest_first);
        Xapian::Query quoting =
            request.filters.speaker.empty() ? Xapian::Query() : releases_quoting(request.filters.speaker);
        Xapian::Query not_quoting =
            request.filters.not_speaker.empty() ? Xapian::Query() : releases_quoting(request.filters.not_speaker);
        auto filtered = [&](const Xapian::Query &q, bool every_match) {
            Xapian::Query out = apply_filters(q, request.filters, m_db, schema::slot::kDate, every_match);
            if (!request.filters.speaker.empty())
                out = Xapian::Query(Xapian::Query::OP_FILTER, out, quoting);
            if (!not_quoting.empty())
                out = Xapian::Query(Xapian::Query::OP_AND_NOT, out, not_quoting);
            return within_time(out, started);
        };

        bool relevance = request.sort == Sort::Relevance;
        RunOptions run;
        run.first = static_cast<Xapian::doccount>((request.page - 1) * request.per_page);
        run.count = static_cast<Xapian::doccount>(request.per_page);
        run.rerank = relevance;
        if (request.facets)
            run.check_at_least = std::max(kExactCountUpTo, m_db.get_doccount());
        // One spy per run: the facets count the matches of the run whose results are shown.
        std::optional<FacetSpy> strict_spy, partial_spy;
        std::shared_ptr<const FacetTable> table;
        if (request.facets) {
            table = m_tables->facets.get(m_db, m_db, m_codec);
            strict_spy.emplace(table);
            partial_spy.emplace(table);
        }
        run.spy = strict_spy ? &*strict_spy : nullptr;
        // With facets and filters of dates alone, the facets of the years kept whole come from
        // the table, unless the years a range cuts through (which must be matched) hold more
        // releases than those: at 1M, 2005-03-10 to 2007-08 with facets (two large cut years)
        // took 62 ms in one pass and 78 ms so.
        std::optional<KeptYears> kept;
        if (built.match_all && table && !request.filters.empty() && dates_only(request.filters)) {
            kept = kept_years(request.filters, *table);
            if (kept->in_cut > kept->in_whole)
                kept.reset();
        }
        Page page;
        if (relevance && !built.match_all && !built.partial.empty() && built.long_query) {
            // Partial matches follow whatever the count: all that counts is whether few
            // releases have every word.
            page =
                counted_by(counting_enquire(m_db, filtered(built.query, request.facets)).get_mset(0, 0, kFewMatches));
        } else if (relevance && !built.match_all) {
            RunOptions strict_run = run;
            if (!built.partial.empty())
                strict_run.replaced_below = kFewMatches;
            page = run_ranked(enquire, m_db, filtered(built.query, request.facets), built, strict_run);
        } else if (built.match_all && request.filters.empty()) {
            // Every release matches: the count is the index's, and so are the facets.
            if (strict_spy)
                strict_spy->count_whole_index();
            page = date_ordered_page(enquire, m_db, schema::slot::kDate, filtered(built.query, false), request, false,
                                     run, m_db.get_doccount());
        } else if (kept) {
            // Dates alone keep whole years, and parts of the years a range cuts through: the
            // whole years are counted from the table, and only the cut years are matched.
            Xapian::doccount total = strict_spy->count_years(kept->whole, kept->undated);
            Xapian::Query query = filtered(built.query, false);
            if (!kept->cut.empty()) {
                std::vector<Xapian::Query> cut;
                for (const auto &year : kept->cut)
                    cut.emplace_back(std::string(schema::prefix::kYear) + year);
                Xapian::Enquire counting =
                    counting_enquire(m_db, Xapian::Query(Xapian::Query::OP_FILTER, query,
                                                         Xapian::Query(Xapian::Query::OP_OR, cut.begin(), cut.end())));
                counting.add_matchspy(&*strict_spy);
                total += counting.get_mset(0, 0, m_db.get_doccount()).get_matches_estimated();
            }
            page = date_ordered_page(enquire, m_db, schema::slot::kDate, query, request, false, run, total);
        } else {
            // In date order; words only break ties between releases of one date.
            Xapian::Query query = filtered(built.query, request.facets);
            page = date_ordered_page(enquire, m_db, schema::slot::kDate,
                                     built.match_all ? query : preferred_query(query, built), request, !built.match_all,
                                     run);
        }
        const FacetSpy *spy = strict_spy ? &*strict_spy : nullptr;

        SearchResult result;
        result.notice = built.notice;
        Xapian::doccount strict = page.total;
        bool few = strict < kFewMatches;
        // In date order a partial match would stand among the full ones: partial matches are
        // offered only in relevance order.
        bool use_partial = relevance && !built.partial.empty() && (few || built.long_query);
        if (use_partial) {
            // Releases with every word still count most; the closest partial matches follow.
            run.spy = partial_spy ? &*partial_spy : nullptr;
            spy = run.spy ? &*partial_spy : nullptr;
            page = run_ranked(
                enquire, m_db,
                filtered(Xapian::Query(Xapian::Query::OP_OR,
                                       Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, built.query, kStrictMatchWeight),
                                       built.partial),
                         request.facets),
                built, run);
        }
        if (few && !built.partial.empty() && !relevance && strict == 0)
            result.notice = "No release has all of these words. Sort by relevance to see the closest matches.";
        if (few && use_partial) {
            result.notice = strict == 0
                                ? "No release has all of these words; the closest matches are shown."
                                : "Only " + std::to_string(strict) + (strict == 1 ? " release has" : " releases have") +
                                      " all of these words; the closest matches follow.";
        }
        if (few && !built.match_all) {
            // "Did you mean": only when the correction finds more than the query as typed.
            std::string corrected = corrected_query(request.q, m_db, *m_tables->vocabulary.get(m_db));
            Filters unused;
            auto words = corrected.empty() ? Result<std::string>(std::string()) : take_query_filters(corrected, unused);
            if (words && !words->empty()) {
                Xapian::Enquire check =
                    counting_enquire(m_db, filtered(build_query(*words, m_db, m_synonyms).query, false));
                if (check.get_mset(0, 0, kFewMatches + 1).get_matches_estimated() > strict)
                    result.suggestion = corrected;
            }
        }
        if (spy)
            result.facets = spy->facets();
        if (out_of_time(started)) {
            result.partial = true;
            result.notice = time_limit_notice(m_time_limit);
        }
        const Xapian::MSet &mset = page.mset;
        result.query = request.q;
        result.page = request.page;
        result.per_page = request.per_page;
        result.sort = request.sort;
        result.filters = request.filters;
        result.total = page.total;
        result.total_exact = page.total_exact;
        std::string filters_read = describe_filters(request.filters);
        result.reading = built.reading.empty()
                             ? (filters_read.empty() ? "every release" : filters_read)
                             : (filters_read.empty() ? built.reading : built.reading + "; " + filters_read);
        std::vector<std::string> hints = snippet_hints(built.query);
        Xapian::Stem stem = page_stemmer(every_word(built));
        for (const auto &[it, weight] : page.hits) {
            SearchHit hit;
            hit.release = release_of(m_codec, it.get_document());
            hit.title_html = title_html(mset, hit.release.title, &stem);
            std::vector<std::string> parts = snippet_paragraphs(hit.release);
            std::size_t first = best_paragraph(parts, hints).value_or(0);
            std::string source = snippet_window(parts, first);
            hit.snippet_html = hints.empty() ? opening_html(source) : snippet_html(mset, source, kSnippetLength, &stem);
            if (!hints.empty()) {
                // The paragraph the snippet's text starts in, for a link to it.
                std::size_t body_start = hit.release.subtitle.empty() ? 0 : 1;
                std::optional<std::size_t> at = snippet_paragraph(parts, first, plain_text(hit.snippet_html));
                if (at && *at >= body_start)
                    hit.paragraph = static_cast<int>(*at - body_start + 1);
            }
            hit.score = weight;
            result.hits.push_back(std::move(hit));
        }
        return result;
    });
}

std::string Searcher::revision() {
    return with_retry([&] { return store::revision_key(m_db) + "+" + store::revision_key(m_quotes); });
}

std::optional<Release> Searcher::document(const std::string &id) {
    return with_retry([&]() -> std::optional<Release> {
        auto docid = docid_of(id);
        if (!docid)
            return std::nullopt;
        return release_of(m_codec, m_db.get_document(*docid));
    });
}

std::optional<DocumentView> Searcher::document_view(const std::string &id, const std::string &q) {
    return with_retry([&]() -> std::optional<DocumentView> {
        load_synonyms();
        auto docid = docid_of(id);
        if (!docid)
            return std::nullopt;
        DocumentView view;
        view.release = release_of(m_codec, m_db.get_document(*docid));
        Filters unused;
        auto words = take_query_filters(q, unused);
        BuiltQuery built = build_query(words ? *words : q, m_db, m_synonyms);
        if (built.match_all) {
            view.title_html = opening_html(view.release.title, view.release.title.size());
            view.subtitle_html = opening_html(view.release.subtitle, view.release.subtitle.size());
            for (const auto &p : view.release.paragraphs)
                view.paragraphs_html.push_back(opening_html(p, p.size()));
            return view;
        }
        // Highlighting needs an MSet of the query: this release, matched or not.
        Xapian::Enquire enquire(m_db);
        enquire.set_query(
            Xapian::Query(Xapian::Query::OP_OR, built.query, Xapian::Query(std::string(schema::prefix::kId) + id)));
        Xapian::MSet mset = enquire.get_mset(0, 1);
        view.title_html = title_html(mset, view.release.title);
        view.subtitle_html = title_html(mset, view.release.subtitle);
        for (const auto &p : view.release.paragraphs)
            view.paragraphs_html.push_back(title_html(mset, p));
        return view;
    });
}

std::optional<SimilarResult> Searcher::similar(const std::string &id, int count) {
    return with_retry([&]() -> std::optional<SimilarResult> {
        auto docid = docid_of(id);
        if (!docid)
            return std::nullopt;
        SimilarResult result;
        result.of = release_of(m_codec, m_db.get_document(*docid));
        Xapian::Enquire enquire(m_db);
        Xapian::RSet rset;
        rset.add_document(*docid);
        SimilarWords decider;
        Xapian::ESet eset = enquire.get_eset(kSimilarTerms, rset, &decider);
        // Each word counts as much as it is distinctive of this release.
        std::vector<Xapian::Query> weighted;
        for (auto it = eset.begin(); it != eset.end(); ++it)
            weighted.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(*it), it.get_weight());
        Xapian::Query words(Xapian::Query::OP_OR, weighted.begin(), weighted.end());
        enquire.set_query(
            Xapian::Query(Xapian::Query::OP_AND_NOT, words, Xapian::Query(std::string(schema::prefix::kId) + id)));
        enquire.set_sort_by_relevance_then_value(schema::slot::kDate, /*reverse=*/true);
        Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(count));
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            SearchHit hit;
            hit.release = release_of(m_codec, it.get_document());
            hit.title_html = opening_html(hit.release.title, hit.release.title.size());
            hit.snippet_html = opening_html(snippet_source(snippet_paragraphs(hit.release), {}));
            hit.score = it.get_weight();
            result.hits.push_back(std::move(hit));
        }
        return result;
    });
}

std::vector<Suggestion> Searcher::suggest(const std::string &q) {
    return with_retry([&] {
        load_synonyms();
        std::vector<Suggestion> out;
        std::string typed = text::collapse_whitespace(q);
        std::size_t space = typed.rfind(' ');
        std::string head = space == std::string::npos ? "" : typed.substr(0, space + 1);
        std::string last = text::fold_case(text::fold_for_terms(typed.substr(head.size())));
        // Names: synonym group members that start with what was typed ("park w"), or the other
        // members of a group when a member was typed in full ("smg").
        std::string folded = fold_synonym(typed);
        constexpr std::size_t kMaxNames = 2;
        if (folded.size() >= 2)
            for (const auto &group : m_synonyms) {
                bool whole = std::find(group.begin(), group.end(), folded) != group.end();
                for (const auto &member : group)
                    if (out.size() < kMaxNames && member != folded && (whole || member.starts_with(folded)))
                        out.push_back({member, "name", "", 0});
            }
        if (last.size() < 2 || std::any_of(last.begin(), last.end(), [](char c) { return c == '"' || c == ':'; }))
            return out;
        // Titles: releases whose title has a word starting with the last word (and the earlier words).
        std::vector<Xapian::Query> parts;
        parts.emplace_back(Xapian::Query::OP_WILDCARD, std::string(schema::prefix::kTitle) + last, 50,
                           Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
        Xapian::TermGenerator words;
        words.set_flags(schema::kTermGeneratorFlags);
        Xapian::Document head_terms;
        words.set_document(head_terms);
        words.index_text_without_positions(text::fold_for_terms(head), 1, std::string(schema::prefix::kTitle));
        for (auto t = head_terms.termlist_begin(); t != head_terms.termlist_end(); ++t)
            if (!query_text::is_stop_word(std::string(*t).substr(schema::prefix::kTitle.size())))
                parts.emplace_back(*t);
        Xapian::Enquire enquire(m_db);
        enquire.set_query(Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end()));
        Xapian::MSet titles = enquire.get_mset(0, 3);
        std::vector<Suggestion> title_suggestions;
        for (auto it = titles.begin(); it != titles.end(); ++it) {
            Release r = release_of(m_codec, it.get_document());
            title_suggestions.push_back({r.title, "title", r.id, 0});
        }
        // Words: the most frequent words of the index starting with the last word.
        constexpr std::size_t kScanLimit = 20000;
        std::vector<std::pair<Xapian::doccount, std::string>> terms;
        std::size_t scanned = 0;
        for (auto it = m_db.allterms_begin(last); it != m_db.allterms_end(last) && scanned < kScanLimit;
             ++it, ++scanned) {
            std::string term = *it;
            if (term.find_first_of(" \"") == std::string::npos && !query_text::is_stop_word(term))
                terms.emplace_back(it.get_termfreq(), term);
        }
        std::size_t room = kMaxSuggestions - out.size() - title_suggestions.size();
        std::partial_sort(terms.begin(), terms.begin() + static_cast<std::ptrdiff_t>(std::min(room, terms.size())),
                          terms.end(), [](const auto &a, const auto &b) { return a.first > b.first; });
        for (std::size_t i = 0; i < std::min(room, terms.size()); ++i)
            out.push_back({head + terms[i].second, "term", "", terms[i].first});
        out.insert(out.end(), title_suggestions.begin(), title_suggestions.end());
        return out;
    });
}

Xapian::Query Searcher::speaker_query(const std::vector<std::string> &names, std::string *found) {
    namespace qp = schema::quote_prefix;
    std::vector<Xapian::Query> any;
    for (const auto &name : names) {
        // The whole name in any spelling; else every word of it ("speaker:Snowe").
        std::string key = std::string(qp::kSpeaker) + m_speaker_keys(name);
        if (m_quotes.term_exists(key)) {
            any.emplace_back(key);
        } else {
            std::vector<Xapian::Query> words;
            std::string folded = text::fold_case(text::fold_for_terms(name));
            for (char &c : folded)
                if (c == '-' || c == '.' || c == ',')
                    c = ' ';
            std::size_t i = 0;
            while (i < folded.size()) {
                std::size_t space = std::min(folded.find(' ', i), folded.size());
                if (space > i)
                    words.emplace_back(std::string(qp::kSpeakerWord) + folded.substr(i, space - i));
                i = space + 1;
            }
            if (words.empty())
                continue;
            any.emplace_back(Xapian::Query::OP_AND, words.begin(), words.end());
        }
        if (found && found->empty()) {
            Xapian::Enquire enquire(m_quotes);
            enquire.set_query(any.back());
            enquire.set_weighting_scheme(Xapian::BoolWeight());
            Xapian::MSet one = enquire.get_mset(0, 1);
            if (!one.empty())
                *found = one.begin().get_document().get_value(schema::quote_slot::kSpeaker);
        }
    }
    if (any.empty())
        return Xapian::Query::MatchNothing;
    return Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
}

Xapian::Query Searcher::releases_quoting(const std::vector<std::string> &names) {
    load_synonyms();
    Xapian::Enquire enquire(m_quotes);
    enquire.set_query(speaker_query(names));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::MSet mset = enquire.get_mset(0, m_quotes.get_doccount());
    std::vector<std::string> ids;
    const std::string release_prefix(schema::quote_prefix::kRelease);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        Xapian::TermIterator t = m_quotes.termlist_begin(*it);
        t.skip_to(release_prefix);
        if (t != m_quotes.termlist_end(*it) && (*t).rfind(release_prefix, 0) == 0)
            ids.push_back(std::string(schema::prefix::kId) + (*t).substr(release_prefix.size()));
    }
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    if (ids.empty())
        return Xapian::Query::MatchNothing;
    return Xapian::Query(Xapian::Query::OP_OR, ids.begin(), ids.end());
}

QuoteHit Searcher::quote_hit(const Xapian::MSet &mset, const Xapian::Document &doc) {
    QuoteHit hit;
    hit.record = quotes::quote_record_from_json(nlohmann::json::parse(m_codec.decode(doc.get_data())));
    hit.text_html = title_html(mset, hit.record.quote.text);
    return hit;
}

QuoteResult Searcher::quotes(const SearchRequest &request) {
    return with_retry([&] {
        load_synonyms();
        QuoteResult result;
        result.query = request.q;
        result.page = request.page;
        result.per_page = request.per_page;
        result.sort = request.sort;
        result.filters = request.filters;
        // Read like a release search (folding, stemming, phrases, synonyms, years), so the
        // same words match and are highlighted the same way.
        BuiltQuery built = build_query(request.words, m_quotes, m_synonyms);
        Xapian::Query query = preferred_query(built.query, built);
        if (!request.filters.speaker.empty())
            query =
                Xapian::Query(Xapian::Query::OP_FILTER, query, speaker_query(request.filters.speaker, &result.speaker));
        if (!request.filters.not_speaker.empty())
            query = Xapian::Query(Xapian::Query::OP_AND_NOT, query, speaker_query(request.filters.not_speaker));
        query = apply_filters(query, request.filters, m_quotes, schema::quote_slot::kDate);
        auto started = std::chrono::steady_clock::now();
        Xapian::Enquire enquire(m_quotes);
        Xapian::MultiValueKeyMaker oldest_first;
        set_order(enquire, request.sort, built.match_all, oldest_first);
        RunOptions run;
        run.first = static_cast<Xapian::doccount>((request.page - 1) * request.per_page);
        run.count = static_cast<Xapian::doccount>(request.per_page);
        Page page;
        if (request.sort == Sort::Relevance && !built.match_all) {
            enquire.set_query(within_time(query, started));
            page = counted_by(enquire.get_mset(run.first, run.count, run.check_at_least));
        } else {
            std::optional<Xapian::doccount> all;
            if (built.match_all && request.filters.empty())
                all = m_quotes.get_doccount();
            page = date_ordered_page(enquire, m_quotes, schema::quote_slot::kDate, within_time(query, started), request,
                                     !built.match_all, run, all);
        }
        const Xapian::MSet &mset = page.mset;
        result.partial = out_of_time(started);
        result.total = page.total;
        result.total_exact = page.total_exact;
        for (const auto &[it, weight] : page.hits) {
            QuoteHit hit = quote_hit(mset, it.get_document());
            hit.score = weight;
            result.hits.push_back(std::move(hit));
        }
        std::string filters = describe_filters(request.filters);
        result.reading = built.reading.empty() ? filters
                         : filters.empty()     ? built.reading
                                               : built.reading + "; " + filters;
        result.notice = built.notice;
        if (!request.filters.speaker.empty() && result.speaker.empty())
            result.notice = "nobody named `" + request.filters.speaker.front() +
                            "` is quoted; see /api/speakers for the names quoted";
        if (result.partial)
            result.notice = time_limit_notice(m_time_limit);
        return result;
    });
}

const std::vector<Searcher::SpeakerEntry> &Searcher::speaker_table() {
    std::string key = store::revision_key(m_quotes) + "/" + m_synonyms_revision;
    if (key == m_speaker_table_revision)
        return m_speaker_table;
    struct Entry {
        std::map<std::string, Xapian::doccount> spellings;
        std::set<std::string> roles;
        Xapian::doccount quotes = 0;
        std::string first, last;
    };
    std::map<std::string, Entry> by_key;
    Xapian::ValueIterator date = m_quotes.valuestream_begin(schema::quote_slot::kDate);
    Xapian::ValueIterator role = m_quotes.valuestream_begin(schema::quote_slot::kRole);
    const Xapian::ValueIterator end = m_quotes.valuestream_end(0);
    auto value_of = [&](Xapian::ValueIterator &it, Xapian::docid id) {
        if (it != end && it.get_docid() < id)
            it.skip_to(id);
        return it != end && it.get_docid() == id ? *it : std::string();
    };
    for (Xapian::ValueIterator name = m_quotes.valuestream_begin(schema::quote_slot::kSpeaker); name != end; ++name) {
        Entry &e = by_key[m_speaker_keys(*name)];
        ++e.spellings[*name];
        ++e.quotes;
        if (std::string r = value_of(role, name.get_docid()); !r.empty())
            e.roles.insert(r);
        if (std::string d = value_of(date, name.get_docid()); !d.empty()) {
            std::string iso = d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2);
            if (e.first.empty() || iso < e.first)
                e.first = iso;
            if (e.last.empty() || iso > e.last)
                e.last = iso;
        }
    }
    m_speaker_table.clear();
    for (auto &[k, e] : by_key) {
        SpeakerEntry entry;
        auto most = std::max_element(e.spellings.begin(), e.spellings.end(),
                                     [](const auto &a, const auto &b) { return a.second < b.second; });
        entry.summary = {most->first, e.quotes, e.first, e.last, {e.roles.begin(), e.roles.end()}};
        for (const auto &[spelling, count] : e.spellings)
            entry.folded_spellings.push_back(text::fold_case(text::fold_for_terms(spelling)));
        m_speaker_table.push_back(std::move(entry));
    }
    std::sort(m_speaker_table.begin(), m_speaker_table.end(), [](const SpeakerEntry &a, const SpeakerEntry &b) {
        return a.summary.quotes != b.summary.quotes ? a.summary.quotes > b.summary.quotes
                                                    : a.summary.name < b.summary.name;
    });
    m_speaker_table_revision = std::move(key);
    return m_speaker_table;
}

std::vector<SpeakerSummary> Searcher::speakers(const std::string &q) {
    return with_retry([&] {
        load_synonyms();
        std::string wanted = text::fold_case(text::fold_for_terms(q));
        std::vector<SpeakerSummary> out;
        for (const auto &entry : speaker_table())
            if (std::any_of(entry.folded_spellings.begin(), entry.folded_spellings.end(),
                            [&](const std::string &s) { return s.find(wanted) != std::string::npos; }))
                out.push_back(entry.summary);
        return out;
    });
}

std::optional<Timeline> Searcher::timeline(const std::string &name, const std::string &q) {
    return with_retry([&]() -> std::optional<Timeline> {
        load_synonyms();
        Timeline t;
        t.query = q;
        Xapian::Query who = speaker_query({name}, &t.speaker);
        if (t.speaker.empty())
            return std::nullopt;
        Xapian::Query query(Xapian::Query::OP_FILTER, build_query(q, m_quotes, m_synonyms).query, who);
        Xapian::Enquire enquire(m_quotes);
        Xapian::MultiValueKeyMaker oldest_first;
        set_order(enquire, Sort::Oldest, true, oldest_first);
        enquire.set_query(query);
        Xapian::ValueCountMatchSpy days(schema::quote_slot::kDate);
        enquire.add_matchspy(&days);
        Xapian::MSet mset = enquire.get_mset(0, kTimelineQuotes, m_quotes.get_doccount());
        t.total = mset.get_matches_estimated();
        std::map<int, Xapian::doccount> years;
        Xapian::doccount dated = 0;
        for (auto it = days.values_begin(); it != days.values_end(); ++it) {
            years[std::stoi((*it).substr(0, 4))] += it.get_termfreq();
            dated += it.get_termfreq();
        }
        for (const auto &[year, count] : years)
            t.years.push_back({year, count});
        t.undated = static_cast<Xapian::doccount>(t.total) - dated;
        for (auto it = mset.begin(); it != mset.end(); ++it)
            t.hits.push_back(quote_hit(mset, it.get_document()));
        return t;
    });
}

VerifyResult Searcher::verify(const std::string &printed) {
    return with_retry([&] {
        load_synonyms();
        VerifyResult result;
        // Candidates: quotations sharing the most words with the printed text.
        Xapian::Enquire enquire(m_quotes);
        BuiltQuery built = build_query(query_text::words_only(printed), m_quotes);
        enquire.set_query(built.partial.empty() ? built.query : built.partial);
        Xapian::MSet mset = enquire.get_mset(0, 20);
        double best = 0;
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            auto record =
                quotes::quote_record_from_json(nlohmann::json::parse(m_codec.decode(it.get_document().get_data())));
            WordDiff diff = word_diff(printed, record.quote.text);
            if (diff.similarity > best || (diff.similarity == best && diff.verbatim && !result.diff.verbatim)) {
                best = diff.similarity;
                result.diff = std::move(diff);
                // The diff shows what matched: the text itself is not highlighted.
                result.match = QuoteHit{std::move(record), "", 0};
            }
        }
        if (result.match)
            result.match->text_html = html_escape(result.match->record.quote.text);
        result.similarity = best;
        if (result.match && result.diff.verbatim) {
            result.verdict = "verbatim";
            result.message = "Verbatim: every word stands in the release as printed.";
        } else if (result.match && best >= kCloseQuote) {
            result.verdict = "close";
            result.message = "Close, not verbatim: the release words it differently; the differences are marked.";
        } else {
            result.verdict = "none";
            result.message = "Nothing close: no quotation in the index shares most of these words in this order.";
            result.match.reset();
            result.diff = WordDiff{};
        }
        return result;
    });
}

Health Searcher::health() {
    return with_retry([&] {
        // Read the tables, not only the counts and blocks this handle keeps in memory: a damaged
        // index must not look healthy. A fresh handle reads each table's root from the file;
        // one document's postings and data cost little.
        store::LiveIndex fresh = store::open_live(m_dir);
        Xapian::Enquire probe(fresh.releases);
        probe.set_query(Xapian::Query(std::string())); // never a copy of the shared MatchAll
        Xapian::MSet first = probe.get_mset(0, 1);
        if (!first.empty())
            fresh.codec.decode(first.begin().get_document().get_data());
        std::int64_t last_run = 0;
        std::string stamp = m_db.get_metadata(schema::kLastRunKey);
        std::from_chars(stamp.data(), stamp.data() + stamp.size(), last_run);
        return Health{m_db.get_doccount(), m_db.get_revision(), m_generation, last_run};
    });
}

SearcherPool::SearcherPool(std::filesystem::path dir, double time_limit, std::size_t active)
    : m_dir(std::move(dir)), m_tables(std::make_shared<SharedTables>()), m_time_limit(time_limit),
      m_gate(active ? active : 2 * std::max(1u, std::thread::hardware_concurrency())) {
    m_idle.push_back(std::make_unique<Searcher>(m_dir, m_tables, m_time_limit));
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
    return std::make_unique<Searcher>(m_dir, m_tables, m_time_limit);
}

void SearcherPool::give_back(std::unique_ptr<Searcher> searcher) {
    if (!searcher)
        return;
    std::lock_guard lock(m_mutex);
    m_idle.push_back(std::move(searcher));
}

} // namespace pressroom::searchd
