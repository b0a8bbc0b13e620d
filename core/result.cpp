#include "result.h"

namespace pressroom {

const char *error_code_name(ErrorCode code) {
    switch (code) {
    case ErrorCode::InvalidParameter:
        return "invalid_parameter";
    case ErrorCode::InvalidRequest:
        return "invalid_request";
    case ErrorCode::NotFound:
        return "not_found";
    case ErrorCode::InvalidInput:
        return "invalid_input";
    case ErrorCode::Unavailable:
        return "unavailable";
    case ErrorCode::TooManyRequests:
        return "too_many_requests";
    case ErrorCode::Internal:
        return "internal";
    }
    return "error";
}

} // namespace pressroom
