-- wrk script for bench/faults: cycles through the request paths of a file (one per line, `#`
-- comments), each connection's thread starting at a different line, and counts the answers by
-- status. Usage: wrk ... -s mixed.lua URL -- queries.txt
-- done() prints one line, "faults: requests=N ok=N s429=N s503=N other=N s404=N s5xx=N
-- connect=N read=N write=N timeout=N status=N rps=N p50_ms=N p99_ms=N max_ms=N", which the
-- scripts read ("other": neither 2xx, 429 nor 503; s404 and s5xx say what they were).

local threads = {}
local next_id = 0

function setup(thread)
   next_id = next_id + 1
   thread:set("id", next_id)
   table.insert(threads, thread)
end

local paths = {}
local i = 0

function init(args)
   local f = assert(io.open(args[1], "r"), "cannot open the query file " .. tostring(args[1]))
   for line in f:lines() do
      if line ~= "" and line:sub(1, 1) ~= "#" then
         table.insert(paths, line)
      end
   end
   f:close()
   assert(#paths > 0, "no request in " .. args[1])
   i = (id * 37) % #paths
   ok, s429, s503, other, s404, s5xx = 0, 0, 0, 0, 0, 0
end

function request()
   i = i % #paths + 1
   return wrk.format("GET", paths[i])
end

function response(status, headers, body)
   if status >= 200 and status < 300 then
      ok = ok + 1
   elseif status == 429 then
      s429 = s429 + 1
   elseif status == 503 then
      s503 = s503 + 1
   else
      other = other + 1
      if status == 404 then s404 = s404 + 1 elseif status >= 500 then s5xx = s5xx + 1 end
   end
end

function done(summary, latency, requests)
   local t = {ok = 0, s429 = 0, s503 = 0, other = 0, s404 = 0, s5xx = 0}
   for _, thread in ipairs(threads) do
      for k, _ in pairs(t) do
         t[k] = t[k] + (thread:get(k) or 0)
      end
   end
   local e = summary.errors
   io.write(string.format(
      "faults: requests=%d ok=%d s429=%d s503=%d other=%d s404=%d s5xx=%d connect=%d read=%d write=%d timeout=%d " ..
      "status=%d rps=%.0f p50_ms=%.1f p99_ms=%.1f max_ms=%.1f\n",
      summary.requests, t.ok, t.s429, t.s503, t.other, t.s404, t.s5xx, e.connect, e.read, e.write, e.timeout, e.status,
      summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
      latency:percentile(99) / 1000, latency.max / 1000))
end
