// The on-disk layout of an index directory (see schema.h): a Xapian stub file naming the live
// generation, so that a rebuilt database goes live with one atomic rename.
#pragma once

#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>

#include <xapian.h>

#include "stored_data.h"

namespace pressroom::store {

// An index directory that cannot be used; the message says what to do.
class IndexError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

std::filesystem::path stub_path(const std::filesystem::path &dir);

// The live generation's folder name ("gen-000003"), or none when DIR has no index yet.
std::optional<std::string> live_generation(const std::filesystem::path &dir);

// A generation name greater than every one present in DIR and than the one its stub names.
std::string next_generation(const std::filesystem::path &dir);

// Makes `generation` the live one: writes the stub beside the old one, syncs it, renames it
// over the old one and syncs the directory. Readers see either the old or the new index.
void publish_generation(const std::filesystem::path &dir, const std::string &generation);

// Removes generation folders other than `keep_a` and `keep_b` (the live one and the one
// readers may still hold).
void remove_generations_except(const std::filesystem::path &dir, const std::string &keep_a, const std::string &keep_b);

// Opens the live index for reading and checks its schema version. Throws IndexError with a
// message naming the directory and the command that fixes it.
Xapian::Database open_index(const std::filesystem::path &dir);

// The live generation opened for reading: its releases and its quotations, from one reading
// of the stub so the two always belong together.
struct LiveIndex {
    Xapian::Database releases;
    Xapian::Database quotes;
    std::string generation;
    stored::Codec codec; // reads the document data of both
};
// Throws IndexError as open_index does.
LiveIndex open_live(const std::filesystem::path &dir);

// Identifies the stub file's current version: changes whenever a generation is published.
struct StubIdentity {
    unsigned long long inode = 0;
    long long mtime_ns = 0;
    friend bool operator==(const StubIdentity &, const StubIdentity &) = default;
};
std::optional<StubIdentity> stub_identity(const std::filesystem::path &dir);

// Names the database and revision a handle has open: equal keys, equal contents. For what is
// read from an index once per revision (facet values, synonym groups).
std::string revision_key(const Xapian::Database &db);

} // namespace pressroom::store
