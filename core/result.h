// Result<T>: a value or an Error for expected failures (bad input, bad parameters).
// Environmental failures (disk, database) are exceptions and are caught in main() or
// in the HTTP layer's exception handler.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace pressroom {

// Stable codes; the HTTP layer maps them to statuses, tests pin them.
enum class ErrorCode {
    InvalidParameter, // a request parameter is malformed or out of range
    InvalidRequest,   // the HTTP request itself is malformed, too large or not allowed
    NotFound,         // unknown document id or route
    InvalidInput,     // a corpus record or page that cannot be indexed
    Unavailable,      // the index cannot be opened right now, or the server is overloaded
    TooManyRequests,  // one client asked more often than the rate limit allows
    Internal,         // a bug or an unexpected failure; details are in the log
};

// Machine-readable name of an error code, as sent in JSON error bodies.
const char *error_code_name(ErrorCode code);

struct Error {
    ErrorCode code;
    std::string message; // says what was wrong and what to do; shown to the user as is
};

template <typename T> class [[nodiscard]] Result {
  public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }

    T &value() & { return std::get<T>(m_state); }
    const T &value() const & { return std::get<T>(m_state); }
    T &&value() && { return std::get<T>(std::move(m_state)); }
    const Error &error() const { return std::get<Error>(m_state); }

    T *operator->() { return &value(); }
    const T *operator->() const { return &value(); }
    T &operator*() & { return value(); }
    const T &operator*() const & { return value(); }

  private:
    std::variant<T, Error> m_state;
};

} // namespace pressroom
