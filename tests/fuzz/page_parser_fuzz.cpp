// page_parser: any bytes as a scraped text page. A page either fails with InvalidInput or
// gives a storable release.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_checks.h"
#include "page_parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    std::string_view text(reinterpret_cast<const char *>(data), size);
    auto parsed = pressroom::indexer::parse_page(text);
    if (!parsed) {
        FUZZ_CHECK(parsed.error().code == pressroom::ErrorCode::InvalidInput);
        return 0;
    }
    pressroom::fuzz::check_release(parsed->release);
    return 0;
}
