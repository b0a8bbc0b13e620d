#include "index_store.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>

#include "schema.h"

namespace fs = std::filesystem;

namespace pressroom::store {

namespace {

void sync_path(const fs::path &p, int flags) {
    int fd = ::open(p.c_str(), flags);
    if (fd < 0)
        return;
    ::fsync(fd);
    ::close(fd);
}

std::string indexer_hint(const fs::path &dir) {
    return "build one with `pressroom-indexer --db " + dir.string() + " SOURCE...`";
}

} // namespace

fs::path stub_path(const fs::path &dir) { return dir / schema::kStubFile; }

std::optional<std::string> live_generation(const fs::path &dir) {
    std::ifstream in(stub_path(dir));
    if (!in)
        return std::nullopt;
    std::string backend, name;
    in >> backend >> name;
    if (backend != "glass" || name.rfind(schema::kGenerationPrefix, 0) != 0)
        throw IndexError("`" + stub_path(dir).string() + "` is not a Pressroom index stub; remove the folder and " +
                         indexer_hint(dir));
    return name;
}

std::string next_generation(const fs::path &dir) {
    long highest = 0;
    auto count = [&](const std::string &name) {
        if (name.rfind(schema::kGenerationPrefix, 0) == 0)
            highest =
                std::max(highest, std::strtol(name.c_str() + std::strlen(schema::kGenerationPrefix), nullptr, 10));
    };
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(dir, ec))
        count(entry.path().filename().string());
    // The live name counts even when its folder is gone: a generation being built must never be
    // the one the stub names, or readers would open it half-written.
    if (auto live = live_generation(dir))
        count(*live);
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%06ld", schema::kGenerationPrefix, highest + 1);
    return buf;
}

void publish_generation(const fs::path &dir, const std::string &generation) {
    fs::path tmp = dir / (std::string(schema::kStubFile) + ".tmp");
    {
        std::ofstream out(tmp, std::ios::trunc);
        out << "glass " << generation << "\n";
        out.flush();
        if (!out)
            throw IndexError("cannot write `" + tmp.string() + "`: " + std::strerror(errno));
    }
    sync_path(tmp, O_RDONLY);
    fs::rename(tmp, stub_path(dir));
    sync_path(dir, O_RDONLY | O_DIRECTORY);
}

void remove_generations_except(const fs::path &dir, const std::string &keep_a, const std::string &keep_b) {
    std::error_code ec;
    for (const auto &entry : fs::directory_iterator(dir, ec)) {
        std::string name = entry.path().filename().string();
        if (name.rfind(schema::kGenerationPrefix, 0) != 0 || name == keep_a || name == keep_b)
            continue;
        fs::remove_all(entry.path(), ec);
    }
}

namespace {

std::string rebuild_hint(const fs::path &dir) {
    return "rebuild it with `pressroom-indexer --db " + dir.string() + " --rebuild SOURCE...`";
}

void check_version(const Xapian::Database &db, const fs::path &dir) {
    std::string version = db.get_metadata(schema::kVersionKey);
    if (version != std::to_string(schema::kVersion))
        throw IndexError("the index at `" + dir.string() + "` has schema version `" + version +
                         "` but this program reads version " + std::to_string(schema::kVersion) + "; " +
                         rebuild_hint(dir));
}

} // namespace

Xapian::Database open_index(const fs::path &dir) {
    if (!fs::exists(stub_path(dir)))
        throw IndexError("no index at `" + dir.string() + "`: " + indexer_hint(dir));
    Xapian::Database db;
    try {
        db = Xapian::Database(dir.string());
    } catch (const Xapian::Error &e) {
        throw IndexError("cannot open the index at `" + dir.string() + "` (" + e.get_description() + "); " +
                         rebuild_hint(dir));
    }
    check_version(db, dir);
    return db;
}

LiveIndex open_live(const fs::path &dir) {
    for (int attempt = 0;; ++attempt) {
        auto generation = live_generation(dir);
        if (!generation)
            throw IndexError("no index at `" + dir.string() + "`: " + indexer_hint(dir));
        LiveIndex live;
        live.generation = *generation;
        try {
            live.releases = Xapian::Database((dir / *generation).string());
            check_version(live.releases, dir);
            live.quotes = Xapian::Database((dir / *generation / schema::kQuotesFolder).string());
            live.codec = stored::codec_of(live.releases);
            return live;
        } catch (const Xapian::DatabaseOpeningError &e) {
            // A rebuild may have replaced and removed the generation just read: read the stub again.
            if (attempt == 0 && live_generation(dir) != generation)
                continue;
            throw IndexError("cannot open the index at `" + dir.string() + "` (" + e.get_description() + "); " +
                             rebuild_hint(dir));
        } catch (const Xapian::Error &e) {
            throw IndexError("cannot open the index at `" + dir.string() + "` (" + e.get_description() + "); " +
                             rebuild_hint(dir));
        } catch (const stored::DataError &e) {
            throw IndexError("cannot open the index at `" + dir.string() + "` (" + e.what() + "); " +
                             rebuild_hint(dir));
        }
    }
}

std::optional<StubIdentity> stub_identity(const fs::path &dir) {
    struct stat st {};
    if (::stat(stub_path(dir).c_str(), &st) != 0)
        return std::nullopt;
    return StubIdentity{static_cast<unsigned long long>(st.st_ino),
                        static_cast<long long>(st.st_mtim.tv_sec) * 1000000000LL + st.st_mtim.tv_nsec};
}

std::string revision_key(const Xapian::Database &db) { return db.get_uuid() + ":" + std::to_string(db.get_revision()); }

} // namespace pressroom::store
