// What /metrics reports: routes as labels, the latency histogram, the Prometheus text format.
#include <catch2/catch.hpp>

#include "server_metrics.h"

using namespace pressroom::searchd;

TEST_CASE("request paths count under their route and never under an id", "[metrics]") {
    CHECK(route_of("/api/search") == "/api/search");
    CHECK(route_of("/api/doc/doj-release_00134") == "/api/doc/{id}");
    CHECK(route_of("/api/similar/a%2Fb") == "/api/similar/{id}");
    CHECK(route_of("/api/speakers/Park%20Won%20Soon/timeline") == "/api/speakers/{name}/timeline");
    CHECK(route_of("/api/speakers") == "/api/speakers");
    CHECK(route_of("/doc/001.txt") == "/doc/{id}");
    CHECK(route_of("/app.js") == "static");
    CHECK(route_of("/") == "static");
    CHECK(route_of("/api/nothing-here") == "other");
    CHECK(route_of("/metrics") == "/metrics");
}

TEST_CASE("the latency histogram is cumulative and counts every request", "[metrics]") {
    Metrics metrics;
    metrics.record("/api/search", 200, 0.0004);
    metrics.record("/api/search", 200, 0.003);
    metrics.record("/api/search", 400, 3.0);
    metrics.search_without_results();
    std::string out = metrics.render({12699, 7, 1700000000}, {4, 3, 17}, {5, 2, 1, 2048, 4096}, "1.2.3");
    CHECK(out.find("pressroom_http_requests_total{route=\"/api/search\",status=\"200\"} 2\n") != std::string::npos);
    CHECK(out.find("pressroom_http_requests_total{route=\"/api/search\",status=\"400\"} 1\n") != std::string::npos);
    CHECK(out.find("_bucket{route=\"/api/search\",le=\"0.001\"} 1\n") != std::string::npos);
    CHECK(out.find("_bucket{route=\"/api/search\",le=\"0.005\"} 2\n") != std::string::npos);
    CHECK(out.find("_bucket{route=\"/api/search\",le=\"2.5\"} 2\n") != std::string::npos);
    CHECK(out.find("_bucket{route=\"/api/search\",le=\"+Inf\"} 3\n") != std::string::npos);
    CHECK(out.find("pressroom_http_request_duration_seconds_count{route=\"/api/search\"} 3\n") != std::string::npos);
    CHECK(out.find("pressroom_searches_without_results_total 1\n") != std::string::npos);
    CHECK(out.find("pressroom_index_documents 12699\n") != std::string::npos);
    CHECK(out.find("pressroom_searches_running 3\n") != std::string::npos);
    CHECK(out.find("pressroom_searches_waiting 17\n") != std::string::npos);
    CHECK(out.find("pressroom_searches_limit 4\n") != std::string::npos);
    CHECK(out.find("pressroom_index_revision 7\n") != std::string::npos);
    CHECK(out.find("pressroom_search_cache_hits_total 5\n") != std::string::npos);
    CHECK(out.find("pressroom_search_cache_misses_total 2\n") != std::string::npos);
    CHECK(out.find("pressroom_search_cache_entries 1\n") != std::string::npos);
    CHECK(out.find("pressroom_search_cache_bytes 2048\n") != std::string::npos);
    CHECK(out.find("pressroom_indexer_last_run_timestamp_seconds 1700000000\n") != std::string::npos);
    CHECK(out.find("pressroom_build_info{version=\"1.2.3\"} 1\n") != std::string::npos);
    // Every sample belongs to a family announced with HELP and TYPE.
    CHECK(out.find("# TYPE pressroom_http_requests_total counter\n") != std::string::npos);
    CHECK(out.find("# TYPE pressroom_index_documents gauge\n") != std::string::npos);
}
