// quotes: the input (valid UTF-8, as every reader delivers) split into paragraphs at blank
// lines, through extract_quotes, quote_records and their stored JSON, and speaker_key.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "fuzz_checks.h"
#include "quotes.h"

namespace quotes = pressroom::quotes;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char *>(data), size);
    if (!pressroom::text::is_valid_utf8(text))
        return 0;
    std::vector<std::string> paragraphs;
    for (std::size_t start = 0;;) {
        std::size_t end = text.find("\n\n", start);
        paragraphs.emplace_back(text.substr(start, end == std::string_view::npos ? end : end - start));
        if (end == std::string_view::npos)
            break;
        start = end + 2;
    }
    const int count = static_cast<int>(paragraphs.size());

    static const quotes::SpeakerKeys keys({{"Park Won-soon", "박원순", "朴元淳"}, {"Eric Holder", "Eric H. Holder"}});
    for (const quotes::Quote &q : quotes::extract_quotes(paragraphs)) {
        FUZZ_CHECK(q.paragraph >= 1 && q.paragraph <= q.paragraph_end && q.paragraph_end <= count);
        FUZZ_CHECK(!q.text.empty());
        for (const std::string *s : {&q.text, &q.speaker, &q.attributed_as, &q.role})
            FUZZ_CHECK(pressroom::text::is_valid_utf8(*s));
        std::string key = quotes::speaker_key(q.speaker);
        FUZZ_CHECK(pressroom::text::is_valid_utf8(key));
        FUZZ_CHECK(pressroom::text::is_valid_utf8(keys(q.speaker)));
    }

    // As the indexer stores them: records and their JSON, read back.
    pressroom::Release release;
    release.id = "fuzz";
    release.title = paragraphs.front();
    release.paragraphs = paragraphs;
    for (const quotes::QuoteRecord &record : quotes::quote_records(release)) {
        std::string stored = quotes::to_json(record).dump();
        quotes::QuoteRecord back = quotes::quote_record_from_json(nlohmann::json::parse(stored));
        FUZZ_CHECK(back.id == record.id && back.quote.text == record.quote.text &&
                   back.quote.speaker == record.quote.speaker && back.quote.paragraph == record.quote.paragraph);
    }

    // Any text as a name, as the speaker filter and the timeline read it.
    FUZZ_CHECK(pressroom::text::is_valid_utf8(quotes::speaker_key(text)));
    FUZZ_CHECK(pressroom::text::is_valid_utf8(keys(text)));
    return 0;
}
