// A file in the system temp folder (TMPDIR) that a fuzz target rewrites for every input and
// removes when the process exits normally. bench/fuzz points TMPDIR at its scratch folder, so
// what a crashed run leaves behind goes with it.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <string>
#include <string_view>

namespace pressroom::fuzz {

class ScratchPath {
  public:
    explicit ScratchPath(std::string_view name)
        : m_path(std::filesystem::temp_directory_path() /
                 ("pressroom-fuzz-" + std::to_string(::getpid()) + "-" + std::string(name))) {}
    ~ScratchPath() {
        std::error_code ec;
        std::filesystem::remove_all(m_path, ec);
    }
    ScratchPath(const ScratchPath &) = delete;
    ScratchPath &operator=(const ScratchPath &) = delete;
    const std::filesystem::path &path() const { return m_path; }

  private:
    std::filesystem::path m_path;
};

} // namespace pressroom::fuzz
