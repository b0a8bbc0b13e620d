#include "release_reader.h"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "html_reader.h"
#include "page_parser.h"
#include "record_reader.h"

namespace pressroom::indexer {

namespace {

std::string read_file(const std::filesystem::path &path) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw std::runtime_error("cannot read `" + path.string() + "`: " + std::strerror(errno));
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// One file, one release: a scraped page (parse_page) or a saved web page (parse_html_page).
template <typename Parse> void read_one(const InputFile &file, const ReadEvents &events, Parse parse) {
    std::string where = file.path.string();
    // A page holds one release: one far larger than any release is not read into memory.
    std::error_code ec;
    auto size = std::filesystem::file_size(file.path, ec);
    if (!ec && size > kMaxRecordBytes)
        return events.skip(where,
                           fmt::format("the page is {:.1f} MB, more than the {} MB a release may have; "
                                       "leave it out or split it",
                                       static_cast<double>(size) / (1024 * 1024), kMaxRecordBytes / (1024 * 1024)));
    auto page = parse(read_file(file.path));
    if (!page)
        return events.skip(where, page.error().message);
    for (const auto &warning : page->warnings)
        events.warning(where, warning);
    page->release.id = file.relative;
    events.release(page->release, where);
}

void read_records(const InputFile &file, const ReadEvents &events) {
    LineReader reader(file.path);
    std::string line;
    while (reader.next(line)) {
        std::string where = file.path.string() + ":" + std::to_string(reader.line_number());
        if (reader.too_long()) {
            events.skip(where, fmt::format("the record is {:.1f} MB, more than the {} MB a record may have; split "
                                           "its body or leave it out",
                                           static_cast<double>(reader.skipped_bytes()) / (1024 * 1024),
                                           kMaxRecordBytes / (1024 * 1024)));
            continue;
        }
        if (line.find_first_not_of(" \t") == std::string::npos)
            continue;
        auto record = parse_record(line);
        if (!record)
            events.skip(where, record.error().message);
        else
            events.release(*record, where);
        if (events.progress)
            events.progress(reader.bytes_read());
    }
}

} // namespace

bool read_releases(const InputFile &file, const ReadEvents &events) {
    try {
        switch (file.kind) {
        case InputKind::Page:
            read_one(file, events, parse_page);
            break;
        case InputKind::Html:
            read_one(file, events, parse_html_page);
            break;
        case InputKind::JsonLines:
            read_records(file, events);
            break;
        }
    } catch (const std::runtime_error &e) {
        events.skip(file.path.string(), std::string(e.what()) + "; releases that vanished from it are kept");
        return false;
    }
    return true;
}

} // namespace pressroom::indexer
