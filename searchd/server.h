// The HTTP server: every route, the static web folder, logging and limits. The only part of
// searchd that knows about HTTP.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <vector>

namespace httplib {
class Server;
}

namespace pressroom::searchd {

class SearcherPool;

enum class AccessLog { Text, Json, Off };

struct ServerOptions {
    std::filesystem::path db;
    std::string host = "127.0.0.1";
    int port = 8080;
    std::filesystem::path web; // static files; empty: none
    int threads = 32;          // each open keep-alive connection holds one
    AccessLog access_log = AccessLog::Text;
    std::vector<std::string> cors_origins; // origins allowed to read the API from other sites; none by default
    double rate_limit = 0;                 // requests per second one client may make on average; 0: no limit
    double rate_burst = 0;                 // requests one client may make at once; 0: twice the rate
    std::string client_header; // header naming the client behind a reverse proxy (X-Real-IP); empty: the peer
    int max_waiting = 64;      // connections that may wait for a worker; more are answered 503
    int io_timeout = 5;        // seconds a client may stay silent (reading, writing or between requests)
    std::size_t cache_mb = 64; // megabytes of search answers kept for repeated requests; 0: none
};

// Builds a ready-to-listen server over `pool`. The pool must outlive the server.
std::unique_ptr<httplib::Server> make_server(const ServerOptions &options, SearcherPool &pool);

// Connections the kernel holds for the server before it accepts them.
inline constexpr int kListenBacklog = 1024;

// Binds `server` to host:port (port 0: any free port) with a listen backlog of kListenBacklog;
// returns the port, or -1 when it cannot bind. Then call server.listen_after_bind().
int bind_server(httplib::Server &server, const std::string &host, int port);

} // namespace pressroom::searchd
