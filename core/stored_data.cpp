#include "stored_data.h"

#include <mutex>

#include <simdjson.h>
// For ZDICT_trainFromBuffer_fastCover (zstd's static-only API, exported by Debian 12's
// libzstd 1.5.4, which the build pins).
#define ZDICT_STATIC_LINKING_ONLY
#include <zdict.h>
#include <zstd.h>

#include "date.h"
#include "schema.h"

namespace pressroom::stored {

namespace {

// Level 9 of zstd's 22, with the dictionary: on DOJ 13.5 MB in 2.0 s of one core; level 6 gives
// 13.8 MB in 0.8 s, level 12 13.3 MB in 2.9 s. Decompressing costs about 6 us a release at
// every level.
constexpr int kLevel = 9;
// 256 KiB: on DOJ 1.3 MB smaller than 128 KiB; stored once per generation.
constexpr std::size_t kDictionaryBytes = 256 * 1024;

struct CCtxFree {
    void operator()(ZSTD_CCtx *c) const { ZSTD_freeCCtx(c); }
};
struct DCtxFree {
    void operator()(ZSTD_DCtx *c) const { ZSTD_freeDCtx(c); }
};

ZSTD_CCtx *thread_cctx() {
    thread_local std::unique_ptr<ZSTD_CCtx, CCtxFree> ctx(ZSTD_createCCtx());
    if (!ctx)
        throw std::bad_alloc();
    return ctx.get();
}

ZSTD_DCtx *thread_dctx() {
    thread_local std::unique_ptr<ZSTD_DCtx, DCtxFree> ctx(ZSTD_createDCtx());
    if (!ctx)
        throw std::bad_alloc();
    return ctx.get();
}

const std::string kNoDictionary;

[[noreturn]] void damaged(const std::string &what) { throw DataError("a stored document cannot be read: " + what); }

} // namespace

// The compression side is made on first use: searchd only decompresses, and a level-6
// compression dictionary takes several times the memory of the dictionary itself.
struct Codec::Dictionary {
    std::string bytes;
    unsigned id = 0;
    ZSTD_DDict *ddict = nullptr;
    explicit Dictionary(std::string b) : bytes(std::move(b)) {
        id = ZSTD_getDictID_fromDict(bytes.data(), bytes.size());
        if (id == 0)
            throw DataError("the compression dictionary in the index's metadata is not a zstd dictionary");
        ddict = ZSTD_createDDict(bytes.data(), bytes.size());
        if (!ddict)
            throw std::bad_alloc();
    }
    ~Dictionary() {
        ZSTD_freeCDict(m_cdict);
        ZSTD_freeDDict(ddict);
    }
    Dictionary(const Dictionary &) = delete;
    Dictionary &operator=(const Dictionary &) = delete;

    const ZSTD_CDict *cdict() const {
        std::call_once(m_made, [&] { m_cdict = ZSTD_createCDict(bytes.data(), bytes.size(), kLevel); });
        if (!m_cdict)
            throw std::bad_alloc();
        return m_cdict;
    }

  private:
    mutable std::once_flag m_made;
    mutable ZSTD_CDict *m_cdict = nullptr;
};

namespace {

// One Dictionary per distinct dictionary in the process: every searchd worker opens the same
// generation, and each would otherwise hold its own copy.
std::shared_ptr<const Codec::Dictionary> shared_dictionary(const std::string &bytes) {
    static std::mutex mutex;
    static std::vector<std::weak_ptr<const Codec::Dictionary>> known;
    std::lock_guard lock(mutex);
    std::erase_if(known, [](const auto &w) { return w.expired(); });
    for (const auto &w : known)
        if (auto d = w.lock(); d && d->bytes == bytes)
            return d;
    auto d = std::make_shared<const Codec::Dictionary>(bytes);
    known.push_back(d);
    return d;
}

} // namespace

std::string train_dictionary(const std::vector<std::string> &samples) {
    std::string joined;
    std::vector<std::size_t> sizes;
    sizes.reserve(samples.size());
    for (const auto &s : samples) {
        joined += s;
        sizes.push_back(s.size());
    }
    // zstd refuses fewer than a handful of samples, and a dictionary larger than its samples
    // buys nothing.
    std::size_t capacity = std::min(kDictionaryBytes, joined.size() / 4);
    if (samples.size() < 16 || capacity < 1024)
        return {};
    // ZDICT_trainFromBuffer would try four segment sizes and keep the best; on DOJ it keeps
    // k=1024 every time. Training with it alone takes 0.16 s instead of 0.70 s of the
    // indexer's cores, and compresses DOJ's releases to 13.683 MB instead of 13.687 MB.
    ZDICT_fastCover_params_t params{};
    params.k = 1024;
    params.d = 8;
    params.f = 20;
    params.accel = 1;
    params.splitPoint = 1.0; // train on every sample; nothing held back to compare candidates
    params.zParams.compressionLevel = ZSTD_CLEVEL_DEFAULT;
    std::string dictionary(capacity, '\0');
    std::size_t n = ZDICT_trainFromBuffer_fastCover(dictionary.data(), dictionary.size(), joined.data(), sizes.data(),
                                                    static_cast<unsigned>(sizes.size()), params);
    if (ZDICT_isError(n))
        return {};
    dictionary.resize(n);
    return dictionary;
}

Codec::Codec(const std::string &dictionary) {
    if (!dictionary.empty())
        m_dict = shared_dictionary(dictionary);
}

const std::string &Codec::dictionary() const { return m_dict ? m_dict->bytes : kNoDictionary; }

std::string Codec::encode(std::string_view record) const {
    std::string out(ZSTD_compressBound(record.size()), '\0');
    std::size_t n =
        m_dict ? ZSTD_compress_usingCDict(thread_cctx(), out.data(), out.size(), record.data(), record.size(),
                                          m_dict->cdict())
               : ZSTD_compressCCtx(thread_cctx(), out.data(), out.size(), record.data(), record.size(), kLevel);
    if (ZSTD_isError(n))
        throw std::runtime_error(std::string("zstd compression failed: ") + ZSTD_getErrorName(n));
    out.resize(n);
    return out;
}

std::string Codec::decode(std::string_view data, std::size_t padding) const {
    unsigned long long size = ZSTD_getFrameContentSize(data.data(), data.size());
    if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN)
        damaged("not a zstd frame with its size");
    if (size > (1ULL << 30))
        damaged("a frame claims " + std::to_string(size) + " bytes");
    unsigned id = ZSTD_getDictID_fromFrame(data.data(), data.size());
    if (id != 0 && (!m_dict || id != m_dict->id))
        damaged("it needs compression dictionary " + std::to_string(id) + ", which the index does not hold");
    std::string out;
    out.reserve(size + padding);
    out.resize(size);
    std::size_t n = id != 0 ? ZSTD_decompress_usingDDict(thread_dctx(), out.data(), out.size(), data.data(),
                                                         data.size(), m_dict->ddict)
                            : ZSTD_decompressDCtx(thread_dctx(), out.data(), out.size(), data.data(), data.size());
    if (ZSTD_isError(n) || n != size)
        damaged(ZSTD_isError(n) ? ZSTD_getErrorName(n) : "shorter than its frame says");
    return out;
}

namespace {

// Stored releases are parsed with simdjson's On Demand API, straight into the Release: on the
// DOJ index a release takes 6.5 us to inflate and parse, against 29 us with nlohmann::json's
// tree (bench/README.md), and each page of ten hits reads ten. Every field is read as to_json
// wrote it; a field absent or of another type (null) is left empty.
constexpr std::size_t kThreadParserBytes = 64 * 1024;

[[noreturn]] void not_a_release(simdjson::error_code e) {
    damaged(std::string("its data is not a release's JSON (") + simdjson::error_message(e) + ")");
}

template <typename T> T checked(simdjson::simdjson_result<T> r) {
    T value;
    if (auto e = std::move(r).get(value))
        not_a_release(e);
    return value;
}

Release parse_release(simdjson::ondemand::parser &parser, std::string &text) {
    Release r;
    r.lang.clear(); // as every field: empty unless the data gives it
    simdjson::ondemand::document doc =
        checked(parser.iterate(simdjson::padded_string_view(text.data(), text.size(), text.capacity())));
    simdjson::ondemand::object object = checked(doc.get_object());
    for (auto field_result : object) {
        simdjson::ondemand::field field = checked(std::move(field_result));
        std::string_view key = checked(field.unescaped_key());
        simdjson::ondemand::value value = field.value();
        if (key == "paragraphs") {
            r.paragraphs.clear();
            simdjson::ondemand::array paragraphs;
            if (value.get_array().get(paragraphs))
                continue;
            for (auto element : paragraphs) {
                std::string_view p;
                if (!checked(std::move(element)).get_string().get(p))
                    r.paragraphs.emplace_back(p);
            }
            continue;
        }
        std::string *target = key == "id"          ? &r.id
                              : key == "title"     ? &r.title
                              : key == "subtitle"  ? &r.subtitle
                              : key == "category"  ? &r.category
                              : key == "source"    ? &r.source
                              : key == "url"       ? &r.url
                              : key == "lang"      ? &r.lang
                              : key == "byline"    ? &r.byline
                              : key == "reference" ? &r.reference
                                                   : nullptr;
        std::optional<Date> *date = key == "date" ? &r.date : key == "updated" ? &r.updated : nullptr;
        std::string_view text_value;
        bool is_text = (target || date) && !value.get_string().get(text_value);
        if (target)
            target->assign(is_text ? text_value : std::string_view());
        else if (date) {
            *date = std::nullopt;
            if (auto parsed = parse_iso_date(is_text ? text_value : std::string_view()))
                *date = parsed.value();
        }
    }
    if (doc.current_location().error() != simdjson::OUT_OF_BOUNDS) // something after the object
        not_a_release(simdjson::TRAILING_CONTENT);
    return r;
}

} // namespace

Codec codec_of(const Xapian::Database &releases) { return Codec(releases.get_metadata(schema::kDataDictionaryKey)); }

Release release_of(const Codec &codec, const Xapian::Document &doc) {
    std::string text = codec.decode(doc.get_data(), simdjson::SIMDJSON_PADDING);
    // A parser keeps buffers of about five times the largest document it has read: each thread
    // keeps one for the usual release, and the rare long one gets a parser of its own.
    if (text.size() > kThreadParserBytes) {
        simdjson::ondemand::parser parser;
        return parse_release(parser, text);
    }
    thread_local simdjson::ondemand::parser parser(kThreadParserBytes);
    return parse_release(parser, text);
}

} // namespace pressroom::stored
