// The HTTP server: every route, the static web folder, logging and limits. The only part of
// searchd that knows about HTTP.
#pragma once

#include <filesystem>
#include <memory>
#include <string>

namespace httplib {
class Server;
}

namespace pressroom::searchd {

class SearcherPool;

struct ServerOptions {
    std::filesystem::path db;
    std::string host = "127.0.0.1";
    int port = 8080;
    std::filesystem::path web; // static files; empty: none
    int threads = 32;          // each open keep-alive connection holds one
};

// Builds a ready-to-listen server over `pool`. The pool must outlive the server.
std::unique_ptr<httplib::Server> make_server(const ServerOptions &options, SearcherPool &pool);

} // namespace pressroom::searchd
