// Turns a Release into a Xapian document following core/schema.h.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <xapian.h>

#include "quotes.h"
#include "release.h"
#include "result.h"
#include "stored_data.h"

namespace pressroom::indexer {

// Holds a TermGenerator so its set-up is paid once; one builder per thread.
class DocumentBuilder {
  public:
    DocumentBuilder();

    // How document data is compressed: the generation's codec (stored::codec_of), or the
    // dictionary a fresh index is about to be written with. Without one, frames need no dictionary.
    void set_codec(stored::Codec codec) { m_codec = std::move(codec); }

    // Fails (InvalidInput) when a boolean term would exceed Xapian's term length limit.
    // `origin_term` is the schema::prefix::kOrigin term of the source being indexed. With
    // `deferred_data`, the document's data is left empty and its uncompressed record put there,
    // to be stored with encode() once the codec is known.
    Result<Xapian::Document> build(const Release &release, const std::string &origin_term,
                                   std::string *deferred_data = nullptr);

    // A quotation for the quotations database (schema::quote_prefix); `speakers` make the
    // spellings of one name one speaker. `deferred_data` as for build().
    Xapian::Document build_quote(const quotes::QuoteRecord &record, const quotes::SpeakerKeys &speakers,
                                 std::string *deferred_data = nullptr);

  private:
    void set_data(Xapian::Document &doc, std::string record, std::string *deferred_data) const;

    Xapian::TermGenerator m_generator;
    stored::Codec m_codec;
};

// Why `release` cannot be indexed (a boolean term over Xapian's length limit), or nothing:
// build() fails exactly when this names an error. Cheap; for checking before handing a release
// to another thread.
std::optional<Error> check_release(const Release &release, const std::string &origin_term);

// The JSON form of a release, as its document data holds it before compression.
std::string document_data(const Release &release);

// The unique-id term of a release id.
std::string id_term(std::string_view id);

// The term every quotation of release `id` carries.
std::string quote_release_term(std::string_view id);

} // namespace pressroom::indexer
