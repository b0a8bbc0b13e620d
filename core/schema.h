// The contract between pressroom-indexer and pressroom-searchd: term prefixes, value slots,
// weights, the stemmer and the on-disk layout of an index. Anything both programs must agree
// on is defined here and nowhere else. Changing a prefix, slot or the document-data layout
// requires bumping kVersion; searchd refuses an index built with another version.
#pragma once

#include <string>
#include <string_view>

#include <xapian.h>

namespace pressroom::schema {

// 2: apostrophes inside words dropped (text::fold_for_terms)
// 3: category, source and language value slots for facets; synonym groups in the metadata;
//    curly apostrophes folded in boolean terms
// 4: quotations in a database of their own beside each generation's releases
// 5: Chinese, Japanese and Korean text as n-grams (single characters and pairs)
// 6: speaker keys read short given names as the full ones ("Chuck" as "Charles")
// 7: document data as zstd frames with a dictionary trained on the index (core/stored_data.h);
//    no value slots but the date (facets from boolean terms), no month or day terms, and
//    category and source words matched against the whole values (no XCW, XSW terms)
inline constexpr int kVersion = 7;

// Chinese, Japanese and Korean are written without spaces between words (or, in Korean, with
// particles attached: "박원순은"), so their text is indexed as single characters and pairs of
// characters. The indexer, the query parser and the snippets must all use these flags, or
// a query finds nothing or highlights nothing.
inline constexpr unsigned kTermGeneratorFlags = Xapian::TermGenerator::FLAG_CJK_NGRAM;
inline constexpr unsigned kQueryParserFlags = Xapian::QueryParser::FLAG_CJK_NGRAM;
inline constexpr unsigned kSnippetFlags = Xapian::MSet::SNIPPET_CJK_NGRAM;
// Database metadata key holding kVersion as decimal text.
inline constexpr const char *kVersionKey = "pressroom.schema";
// Database metadata key holding the synonym groups (core/synonyms.h) the index was built with.
inline constexpr const char *kSynonymsKey = "pressroom.synonyms";
// Releases database metadata key holding the zstd dictionary the document data of both of a
// generation's databases is compressed with (core/stored_data.h); absent when the index was too
// small to train one, and then the frames need none. Written only when a generation is created.
inline constexpr const char *kDataDictionaryKey = "pressroom.data_dictionary";
// Database metadata key holding when the indexer last committed, as seconds since 1970 in
// decimal text (optional: older indexes lack it).
inline constexpr const char *kLastRunKey = "pressroom.last_run";

// One stemmer for indexing, query parsing and snippets: MSet::snippet only highlights
// stemmed matches when given the stemmer the query was built with.
inline constexpr const char *kStemLanguage = "english";
Xapian::Stem make_stemmer();

// Term prefixes. Omega's conventions where one exists (Q, S, Y, L), X... for ours. Omega's
// month and day terms (M, D) are not written: date ranges are value ranges on slot::kDate.
// Boolean terms hold whole normalised values (lower case, single spaces); probabilistic
// prefixes hold words produced by Xapian::TermGenerator.
namespace prefix {
inline constexpr std::string_view kId = "Q";             // boolean: the document's stable id
inline constexpr std::string_view kTitle = "S";          // words of the title (title:)
inline constexpr std::string_view kCategory = "XCAT";    // boolean: one whole category
inline constexpr std::string_view kSource = "XSRC";      // boolean: the whole publisher name
inline constexpr std::string_view kLang = "L";           // boolean: language code, e.g. "en"
inline constexpr std::string_view kYear = "Y";           // boolean: YYYY
inline constexpr std::string_view kUndated = "XUNDATED"; // boolean, whole term: no stated date
// boolean: hash of the indexer source (folder or file) a document came from; lets a run
// delete the documents of a source that are no longer in it.
inline constexpr std::string_view kOrigin = "XORIGIN";
} // namespace prefix

// The quotations database (core/quotes.h): one document per quotation, its data the JSON of
// a QuoteRecord. Its words are indexed like a release body (same stemmer, no prefix); dates use
// the release prefixes above (Y, XUNDATED) and slot::kDate.
namespace quote_prefix {
inline constexpr std::string_view kId = "Q";                 // boolean: "<release id>#q<n>"
inline constexpr std::string_view kRelease = "XREL";         // boolean: the release id it comes from
inline constexpr std::string_view kSpeaker = "XSPK";         // boolean: quotes::speaker_key of the speaker
inline constexpr std::string_view kSpeakerWord = "XSPW";     // words of the speaker's name (speaker:)
inline constexpr std::string_view kNoSpeaker = "XNOSPEAKER"; // boolean, whole term: speaker not stated
} // namespace quote_prefix
namespace quote_slot {
inline constexpr Xapian::valueno kDate = 0;    // as slot::kDate
inline constexpr Xapian::valueno kSpeaker = 1; // the speaker's name as written
inline constexpr Xapian::valueno kRole = 2;    // the speaker's role as stated
} // namespace quote_slot

// Fields a user can name in a query, e.g. title:council, and the prefix each maps to.
struct QueryField {
    const char *name;
    std::string_view prefix;
};
// category: and source: are filters (searchd/filters.h), matched against the whole values.
inline constexpr QueryField kQueryFields[] = {
    {"title", prefix::kTitle},
};

// Value slots.
namespace slot {
// Publication date as YYYYMMDD (unknown month or day written as 01, so sorting and ranges
// work); empty for undated documents, which therefore sort last when newest come first.
inline constexpr Xapian::valueno kDate = 0;
// Facets are counted from the boolean terms (prefix::kCategory, kSource, kLang, and kDate for
// years); the value as stated is read from the first release that has it.
} // namespace slot

// Within-document frequency added per occurrence, relative to 1 for body text: a title word
// counts as much as kTitleWeight body mentions, which is how title matches weigh more.
inline constexpr Xapian::termcount kTitleWeight = 5;
inline constexpr Xapian::termcount kSubtitleWeight = 2;
// Term positions skipped between paragraphs so that phrases, and NEAR with its default window
// of 10 words, never match across them. A wider gap costs index size: 100 made the positions
// 1.0 MB (1.5%) larger on DOJ.
inline constexpr Xapian::termpos kParagraphGap = 12;

// Xapian refuses terms longer than this many bytes.
inline constexpr std::size_t kMaxTermBytes = 245;

// Document data is the JSON form of a Release (core/release.h), and in the quotations database
// that of a QuoteRecord (core/quotes.h), each stored as one zstd frame (core/stored_data.h).

// The on-disk layout of an index directory given as --db DIR:
//   DIR/XAPIANDB        a Xapian stub file naming the live generation ("glass gen-000001")
//   DIR/gen-NNNNNN/     glass databases; the stub names exactly one of them
//   DIR/gen-NNNNNN/quotes/  that generation's quotations (kQuotesFolder), a glass database
//   DIR/indexer.lock    held by a running indexer
// Xapian::Database(DIR) opens whatever the stub names, so a rebuilt generation goes live
// with one atomic rename of the stub.
inline constexpr const char *kStubFile = "XAPIANDB";
inline constexpr const char *kGenerationPrefix = "gen-";
inline constexpr const char *kLockFile = "indexer.lock";
inline constexpr const char *kQuotesFolder = "quotes";

// Builds a boolean term: prefix + value, with the value lower-cased, curly apostrophes made
// straight and whitespace collapsed.
std::string boolean_term(std::string_view prefix, std::string_view value);

} // namespace pressroom::schema
