#include "document_builder.h"

#include <nlohmann/json.hpp>

#include "schema.h"
#include "stem_cache.h"
#include "text.h"

namespace pressroom::indexer {

namespace {

Error too_long(const char *what, std::string_view value) {
    return Error{ErrorCode::InvalidInput, std::string(what) + " is too long to index (" + std::to_string(value.size()) +
                                              " bytes; Xapian terms hold at most " +
                                              std::to_string(schema::kMaxTermBytes) + "): shorten it in the source"};
}

void add_date_terms(Xapian::Document &doc, const std::optional<Date> &date) {
    namespace p = schema::prefix;
    if (!date) {
        doc.add_boolean_term(std::string(p::kUndated));
        return;
    }
    const Date &d = *date;
    std::string key = d.sort_key();
    doc.add_boolean_term(std::string(p::kYear) + key.substr(0, 4));
    doc.add_value(schema::slot::kDate, key);
}

} // namespace

std::string id_term(std::string_view id) {
    std::string term(schema::prefix::kId);
    term += id;
    return term;
}

std::string quote_release_term(std::string_view id) {
    // Cut to Xapian's limit: a longer id only risks sharing the term with another long id.
    std::string term = std::string(schema::quote_prefix::kRelease) + std::string(id);
    return std::string(text::utf8_prefix(term, schema::kMaxTermBytes));
}

std::string document_data(const Release &release) { return to_json(release).dump(); }

DocumentBuilder::DocumentBuilder() {
    // The term generator stems every word of every release: remembered stems save most of
    // that work (4 MB per builder, one builder per worker).
    m_generator.set_stemmer(remembering_stemmer(schema::make_stemmer(), 65536));
    m_generator.set_stemming_strategy(Xapian::TermGenerator::STEM_SOME);
    m_generator.set_flags(schema::kTermGeneratorFlags);
}

namespace {

std::vector<std::string> boolean_terms_of(const Release &r, const std::string &origin_term) {
    namespace p = schema::prefix;
    std::vector<std::string> terms{id_term(r.id), origin_term,
                                   schema::boolean_term(p::kLang, r.lang.empty() ? "en" : r.lang)};
    for (const auto &category : r.categories())
        terms.push_back(schema::boolean_term(p::kCategory, category));
    if (!r.source.empty())
        terms.push_back(schema::boolean_term(p::kSource, r.source));
    return terms;
}

// `terms` are boolean_terms_of(r, ...): the id's term first.
std::optional<Error> check_terms(const Release &r, const std::vector<std::string> &terms) {
    if (terms.front().size() > schema::kMaxTermBytes)
        return too_long("the id", r.id);
    for (const auto &term : terms)
        if (term.size() > schema::kMaxTermBytes)
            return too_long("a category or source", term);
    return std::nullopt;
}

} // namespace

std::optional<Error> check_release(const Release &r, const std::string &origin_term) {
    return check_terms(r, boolean_terms_of(r, origin_term));
}

void DocumentBuilder::set_data(Xapian::Document &doc, std::string record, std::string *deferred_data) const {
    if (deferred_data)
        *deferred_data = std::move(record);
    else
        doc.set_data(m_codec.encode(record));
}

Result<Xapian::Document> DocumentBuilder::build(const Release &r, const std::string &origin_term,
                                                std::string *deferred_data) {
    namespace p = schema::prefix;
    std::vector<std::string> boolean_terms = boolean_terms_of(r, origin_term);
    if (auto error = check_terms(r, boolean_terms))
        return *error;

    Xapian::Document doc;
    m_generator.set_document(doc);
    std::string title = text::fold_for_terms(r.title);
    m_generator.index_text(title, 1, std::string(p::kTitle));
    m_generator.increase_termpos(schema::kParagraphGap);
    m_generator.index_text(title, schema::kTitleWeight);
    m_generator.increase_termpos(schema::kParagraphGap);
    m_generator.index_text(text::fold_for_terms(r.subtitle), schema::kSubtitleWeight);
    for (const auto &paragraph : r.paragraphs) {
        m_generator.increase_termpos(schema::kParagraphGap);
        m_generator.index_text(text::fold_for_terms(paragraph));
    }
    m_generator.increase_termpos(schema::kParagraphGap);
    m_generator.index_text(text::fold_for_terms(r.byline));
    for (const auto &term : boolean_terms)
        doc.add_boolean_term(term);
    add_date_terms(doc, r.date);
    set_data(doc, document_data(r), deferred_data);
    return doc;
}

Xapian::Document DocumentBuilder::build_quote(const quotes::QuoteRecord &record, const quotes::SpeakerKeys &speakers,
                                              std::string *deferred_data) {
    namespace qp = schema::quote_prefix;
    Xapian::Document doc;
    m_generator.set_document(doc);
    m_generator.index_text(text::fold_for_terms(record.quote.text));
    const std::string &speaker = record.quote.speaker;
    if (speaker.empty()) {
        doc.add_boolean_term(std::string(qp::kNoSpeaker));
    } else {
        std::string key = speakers(speaker);
        doc.add_boolean_term(std::string(text::utf8_prefix(std::string(qp::kSpeaker) + key, schema::kMaxTermBytes)));
        m_generator.index_text_without_positions(text::fold_for_terms(speaker), 1, std::string(qp::kSpeakerWord));
        doc.add_value(schema::quote_slot::kSpeaker, speaker);
        if (!record.quote.role.empty())
            doc.add_value(schema::quote_slot::kRole, record.quote.role);
    }
    doc.add_boolean_term(std::string(text::utf8_prefix(std::string(qp::kId) + record.id, schema::kMaxTermBytes)));
    doc.add_boolean_term(quote_release_term(record.release_id));
    std::optional<Date> date;
    if (auto parsed = parse_iso_date(record.date); !record.date.empty() && parsed)
        date = *parsed;
    add_date_terms(doc, date);
    set_data(doc, quotes::to_json(record).dump(), deferred_data);
    return doc;
}

} // namespace pressroom::indexer
