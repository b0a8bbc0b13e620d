#include "sources.h"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <stdexcept>

#include "schema.h"

namespace fs = std::filesystem;

namespace pressroom::indexer {

namespace {

bool ends_with(const std::string &s, const std::string &suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

} // namespace

bool input_kind_of(const fs::path &path, InputKind &kind) {
    std::string name = path.filename().string();
    for (const char *ext : {".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"})
        if (ends_with(name, ext)) {
            kind = InputKind::JsonLines;
            return true;
        }
    if (ends_with(name, ".txt")) {
        kind = InputKind::Page;
        return true;
    }
    // Saved pages keep whatever case the site or the browser gave them: "PRESS.HTM".
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    if (ends_with(lower, ".html") || ends_with(lower, ".htm")) {
        kind = InputKind::Html;
        return true;
    }
    return false;
}

std::vector<InputFile> list_source(const fs::path &source) {
    std::error_code ec;
    auto status = fs::status(source, ec);
    if (ec || !fs::exists(status))
        throw std::runtime_error("source `" + source.string() + "` does not exist");
    std::vector<InputFile> files;
    if (!fs::is_directory(status)) {
        InputKind kind = InputKind::Page;
        input_kind_of(source, kind);
        files.push_back({source, source.filename().string(), kind, fs::file_size(source, ec)});
        return files;
    }
    auto options = fs::directory_options::skip_permission_denied;
    for (auto it = fs::recursive_directory_iterator(source, options); it != fs::recursive_directory_iterator(); ++it) {
        std::string name = it->path().filename().string();
        if (!name.empty() && name[0] == '.') {
            if (it->is_directory())
                it.disable_recursion_pending();
            continue;
        }
        InputKind kind;
        if (!it->is_regular_file() || !input_kind_of(it->path(), kind))
            continue;
        files.push_back({it->path(), it->path().lexically_relative(source).generic_string(), kind, it->file_size(ec)});
    }
    std::sort(files.begin(), files.end(), [](const auto &a, const auto &b) { return a.relative < b.relative; });
    return files;
}

std::string origin_term(const fs::path &source) {
    std::error_code ec;
    fs::path canonical = fs::weakly_canonical(fs::absolute(source), ec);
    std::string key = (ec ? source : canonical).generic_string();
    // FNV-1a: stable across builds and platforms, unlike std::hash.
    std::uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : key) {
        h ^= c;
        h *= 1099511628211ULL;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return std::string(schema::prefix::kOrigin) + buf;
}

} // namespace pressroom::indexer
