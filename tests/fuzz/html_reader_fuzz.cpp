// html_reader: any bytes as a saved HTML page (charsets, gumbo's tree, the body rules). A page
// either fails with InvalidInput or gives a storable release.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_checks.h"
#include "html_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char *>(data), size);
    auto parsed = pressroom::indexer::parse_html_page(bytes);
    if (!parsed) {
        FUZZ_CHECK(parsed.error().code == pressroom::ErrorCode::InvalidInput);
        return 0;
    }
    FUZZ_CHECK(!parsed->charset.empty());
    pressroom::fuzz::check_release(parsed->release);
    return 0;
}
