#include "server.h"

#include <chrono>

#include <httplib.h>
#include <spdlog/spdlog.h>

#include "render.h"
#include "search_request.h"
#include "searcher.h"

namespace pressroom::searchd {

namespace {

constexpr const char *kJson = "application/json; charset=utf-8";

int status_of(ErrorCode code) {
    switch (code) {
    case ErrorCode::InvalidParameter:
    case ErrorCode::InvalidRequest:
    case ErrorCode::InvalidInput:
        return 400;
    case ErrorCode::NotFound:
        return 404;
    case ErrorCode::Unavailable:
        return 503;
    case ErrorCode::Internal:
        return 500;
    }
    return 500;
}

void send_error(httplib::Response &res, const Error &error) {
    res.status = status_of(error.code);
    res.set_content(render_error(error), kJson);
}

Params params_of(const httplib::Request &req) { return Params(req.params.begin(), req.params.end()); }

void get_search(SearcherPool &pool, const httplib::Request &req, httplib::Response &res) {
    auto request = parse_search_request(params_of(req));
    if (!request)
        return send_error(res, request.error());
    auto start = std::chrono::steady_clock::now();
    SearchResult result = pool.with([&](Searcher &s) { return s.search(*request); });
    double took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    res.set_content(render_search(result, took_ms), kJson);
}

void get_document(SearcherPool &pool, const httplib::Request &req, httplib::Response &res) {
    std::string id = req.matches[1]; // httplib has decoded the path already
    auto release = pool.with([&](Searcher &s) { return s.document(id); });
    if (!release)
        return send_error(res, {ErrorCode::NotFound, "no release with id `" + id + "`; ids come from /api/search"});
    res.set_content(render_document(*release), kJson);
}

void get_health(SearcherPool &pool, const httplib::Request &, httplib::Response &res) {
    res.set_content(render_health(pool.with([](Searcher &s) { return s.health(); })), kJson);
}

constexpr const char *kNotFoundPage =
    "<!doctype html><html lang=\"en\"><meta charset=\"utf-8\"><title>Not found - Pressroom</title>"
    "<h1>Nothing here</h1><p>This address does not exist. <a href=\"/\">Search the press releases</a>.</p></html>\n";

bool is_api_path(const std::string &path) { return path.rfind("/api/", 0) == 0 || path == "/healthz"; }

// Messages for requests refused before any route saw them.
std::string protocol_error_message(int status) {
    switch (status) {
    case 413:
        return "the request body is too large (at most 64 KB)";
    case 414:
        return "the URL is too long; shorten the query (`q` takes at most 1000 bytes)";
    case 405:
        return "this method is not allowed here; the API answers GET requests";
    default:
        return "the request is malformed (HTTP " + std::to_string(status) +
               "); send GET requests such as /api/search?q=mayor";
    }
}

void register_routes(httplib::Server &server, SearcherPool &pool) {
    server.Get("/api/search", [&pool](const auto &req, auto &res) { get_search(pool, req, res); });
    server.Get(R"(/api/doc/(.+))", [&pool](const auto &req, auto &res) { get_document(pool, req, res); });
    server.Get("/healthz", [&pool](const auto &req, auto &res) { get_health(pool, req, res); });
    // Nothing in the API changes anything: every other method is refused, with the reason.
    auto refuse = [](const httplib::Request &, httplib::Response &res) {
        send_error(res, {ErrorCode::InvalidRequest, protocol_error_message(405)});
        res.status = 405;
        res.set_header("Allow", "GET, HEAD");
    };
    server.Post(".*", refuse);
    server.Put(".*", refuse);
    server.Delete(".*", refuse);
    server.Patch(".*", refuse);
}

void register_handlers(httplib::Server &server) {
    auto log = spdlog::get("http");
    server.set_logger([log](const httplib::Request &req, const httplib::Response &res) {
        if (log)
            log->info("{} {} {} {} {}B", req.remote_addr, req.method, req.target, res.status, res.body.size());
    });
    server.set_exception_handler([log](const httplib::Request &req, httplib::Response &res, std::exception_ptr ep) {
        Error error{ErrorCode::Internal, "the request failed unexpectedly; the server log has details"};
        std::string detail = "unknown exception";
        try {
            std::rethrow_exception(ep);
        } catch (const store::IndexError &e) {
            error = {ErrorCode::Unavailable, e.what()};
            detail = e.what();
        } catch (const Xapian::DatabaseError &e) {
            error = {ErrorCode::Unavailable, "the index cannot be read right now; try again shortly"};
            detail = e.get_description();
        } catch (const Xapian::Error &e) {
            detail = e.get_description();
        } catch (const std::exception &e) {
            detail = e.what();
        } catch (...) {
        }
        if (log)
            log->error("{} {} failed: {}", req.method, req.target, detail);
        send_error(res, error);
    });
    server.set_error_handler(
        httplib::Server::HandlerWithResponse([](const httplib::Request &req, httplib::Response &res) {
            if (!res.body.empty())
                return httplib::Server::HandlerResponse::Unhandled;
            int status = res.status;
            if (status == 404 && !is_api_path(req.path)) {
                res.set_content(kNotFoundPage, "text/html; charset=utf-8");
                return httplib::Server::HandlerResponse::Handled;
            }
            if (status == 404)
                send_error(res, {ErrorCode::NotFound,
                                 "nothing at `" + req.path + "`; the API is under /api/search and /api/doc/{id}"});
            else
                send_error(res, {ErrorCode::InvalidRequest, protocol_error_message(status)});
            res.status = status;
            return httplib::Server::HandlerResponse::Handled;
        }));
}

} // namespace

std::unique_ptr<httplib::Server> make_server(const ServerOptions &options, SearcherPool &pool) {
    auto server = std::make_unique<httplib::Server>();
    int threads = options.threads;
    server->new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
    // Without TCP_NODELAY every keep-alive response waits ~40 ms for Nagle and delayed ACKs.
    server->set_tcp_nodelay(true);
    server->set_keep_alive_max_count(1000);
    server->set_keep_alive_timeout(5);
    server->set_read_timeout(5, 0);
    server->set_write_timeout(5, 0);
    server->set_payload_max_length(64 * 1024);
    register_routes(*server, pool);
    register_handlers(*server);
    if (!options.web.empty() && !server->set_mount_point("/", options.web.string()))
        throw std::runtime_error("the web folder `" + options.web.string() +
                                 "` does not exist; pass --web with the "
                                 "path to Pressroom's web/ folder");
    return server;
}

} // namespace pressroom::searchd
