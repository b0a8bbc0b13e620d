// pressroom-searchd: serves a Pressroom index over HTTP. See README.md.
#include <csignal>
#include <thread>

#include <CLI/CLI.hpp>
#include <httplib.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "searcher.h"
#include "server.h"

namespace {

// SIGINT and SIGTERM are taken by a thread of their own that stops the server cleanly.
std::thread stop_on_signal(httplib::Server &server, spdlog::logger &log) {
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr); // inherited by every thread started later
    return std::thread([signals, &server, &log] {
        int sig = 0;
        sigwait(&signals, &sig);
        log.info("received {}, stopping", sig == SIGINT ? "SIGINT" : "SIGTERM");
        server.stop();
    });
}

} // namespace

int main(int argc, char **argv) {
    pressroom::searchd::ServerOptions options;
    CLI::App app{"Serve a Pressroom index: JSON search API and the web page.\n"
                 "Every option can also be set by the environment variable named after it (PRESSROOM_PORT=8080)."};
    app.set_version_flag("--version", "pressroom-searchd " PRESS_VERSION);
    app.add_option("--db", options.db, "index folder written by pressroom-indexer")
        ->required()
        ->envname("PRESSROOM_DB");
    app.add_option("--host", options.host, "address to listen on (loopback unless told otherwise)")
        ->capture_default_str()
        ->envname("PRESSROOM_HOST");
    app.add_option("--port", options.port, "port to listen on")
        ->capture_default_str()
        ->check(CLI::Range(1, 65535))
        ->envname("PRESSROOM_PORT");
    app.add_option("--web", options.web, "folder of the web page's static files")->envname("PRESSROOM_WEB");
    app.add_option("--threads", options.threads, "worker threads (one per open connection)")
        ->capture_default_str()
        ->check(CLI::Range(1, 1024))
        ->envname("PRESSROOM_THREADS");
    app.add_option("--rate-limit", options.rate_limit,
                   "requests a second one client may make on average; more are answered 429 (0: no limit)")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 1e6))
        ->envname("PRESSROOM_RATE_LIMIT");
    app.add_option("--rate-burst", options.rate_burst, "requests one client may make at once (default: twice the rate)")
        ->check(CLI::Range(0.0, 1e6))
        ->envname("PRESSROOM_RATE_BURST");
    app.add_option("--client-header", options.client_header,
                   "behind a reverse proxy, the header that names the client for the rate limit (X-Real-IP)")
        ->envname("PRESSROOM_CLIENT_HEADER");
    app.add_option("--max-waiting", options.max_waiting,
                   "connections that may wait for a worker; more are answered 503 with Retry-After")
        ->capture_default_str()
        ->check(CLI::Range(0, 100000))
        ->envname("PRESSROOM_MAX_WAITING");
    app.add_option("--io-timeout", options.io_timeout,
                   "seconds a client may take to send a request or read an answer, or stay idle between requests")
        ->capture_default_str()
        ->check(CLI::Range(1, 600))
        ->envname("PRESSROOM_IO_TIMEOUT");
    app.add_option("--cache-mb", options.cache_mb,
                   "megabytes of search answers kept for repeated searches, dropped when the index changes (0: none)")
        ->capture_default_str()
        ->check(CLI::Range(0, 65536))
        ->envname("PRESSROOM_CACHE_MB");
    std::size_t max_active = 0;
    app.add_option("--max-active", max_active,
                   "searches that run at once; the others wait their turn in arrival order (default: twice the cores)")
        ->check(CLI::Range(1, 10000))
        ->envname("PRESSROOM_MAX_ACTIVE");
    double time_limit = pressroom::searchd::kDefaultTimeLimit;
    app.add_option("--time-limit", time_limit,
                   "seconds one search may spend matching; past it the best matches found are answered, marked "
                   "partial (0: no limit)")
        ->capture_default_str()
        ->check(CLI::Range(0.0, 3600.0))
        ->envname("PRESSROOM_TIME_LIMIT");
    std::string access_log = "text";
    app.add_option("--access-log", access_log, "access log on standard error: text, json or off")
        ->capture_default_str()
        ->check(CLI::IsMember({"text", "json", "off"}))
        ->envname("PRESSROOM_ACCESS_LOG");
    app.add_option("--cors-origin", options.cors_origins,
                   "an origin (https://city.example) whose pages may call the API; repeat for more; none by default")
        ->envname("PRESSROOM_CORS_ORIGINS")
        ->delimiter(',');
    CLI11_PARSE(app, argc, argv);
    options.access_log = access_log == "json"  ? pressroom::searchd::AccessLog::Json
                         : access_log == "off" ? pressroom::searchd::AccessLog::Off
                                               : pressroom::searchd::AccessLog::Text;

    auto log = spdlog::stderr_color_mt("searchd");
    auto http_log = spdlog::stderr_color_mt("http");
    if (options.access_log == pressroom::searchd::AccessLog::Json)
        http_log->set_pattern("%v"); // one JSON object per line, its time inside
    try {
        pressroom::searchd::SearcherPool pool(options.db, time_limit, max_active);
        auto server = pressroom::searchd::make_server(options, pool);
        std::thread signal_thread = stop_on_signal(*server, *log);
        if (pressroom::searchd::bind_server(*server, options.host, options.port) < 0) {
            log->error("cannot listen on {}:{} (in use, or not an address of this machine); choose another --port",
                       options.host, options.port);
            std::exit(1); // the signal thread is still waiting; nothing to clean up
        }
        log->info("serving {} at http://{}:{}/", options.db.string(), options.host, options.port);
        server->listen_after_bind();
        signal_thread.join();
        log->info("stopped");
        return 0;
    } catch (const std::exception &e) {
        log->error("{}", e.what());
        return 1;
    }
}
