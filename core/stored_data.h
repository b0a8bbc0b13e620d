// How a document's data is kept on disk: one zstd frame per document, compressed with a
// dictionary trained on the index's own releases (core/schema.h, kDataDictionaryKey).
//
// Stored releases are a few kilobytes each and share most of their words and all of their
// JSON keys with one another; compressing each alone (Xapian's zlib) cannot use that. On the
// DOJ corpus the releases' data takes 13.5 MB this way against 23.3 MB with zlib (bench/README.md).
#pragma once

#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "release.h"

namespace pressroom::stored {

// Data that is not a frame this codec can read: the index is damaged or was written by
// something else. The message says what is wrong; whoever catches it names the index and the
// fix (a rebuild).
class DataError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

// A dictionary trained on `samples` (records as they will be stored), or an empty string when
// they are too few or too alike to train one; the codec then compresses without one.
std::string train_dictionary(const std::vector<std::string> &samples);

// Compresses and decompresses document data. Copies share the dictionary; each thread keeps
// its own zstd contexts, so one codec may be used from several threads at once.
class Codec {
  public:
    Codec() = default; // no dictionary
    // `dictionary` as train_dictionary returned it; empty for none. Throws DataError when it is
    // not a zstd dictionary.
    explicit Codec(const std::string &dictionary);

    std::string encode(std::string_view record) const;
    // Throws DataError when `data` is not a zstd frame, or needs a dictionary other than this one.
    // `padding`: bytes of spare capacity left after the end, for a parser that reads past it.
    std::string decode(std::string_view data, std::size_t padding = 0) const;

    const std::string &dictionary() const;

    struct Dictionary;

  private:
    std::shared_ptr<const Dictionary> m_dict;
};

// The codec of a generation, from the dictionary in its releases database's metadata.
Codec codec_of(const Xapian::Database &releases);

// The release a document of the releases database stores. Throws DataError when its data is
// not a zstd frame of this codec, or not a release's JSON.
Release release_of(const Codec &codec, const Xapian::Document &doc);

} // namespace pressroom::stored
