-- Shared by every benchmark script: WrkRunner puts this file first, then the scenario's script(s), into one file
-- for wrk -s. It numbers the threads, keeps a status histogram for scripts that look at responses, and prints the
-- result as one JSON line (prefixed BENCH_RESULT) that the Java side parses.

local threads = {}

-- Called in wrk's main Lua state once per thread, before that thread's init(): gives each thread its number
-- (the global `id` in the thread's own state), e.g. to make unique keys per thread.
function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

-- Per thread: status -> count. Only scripts that define response() fill it (count_status): asking wrk for every
-- response costs the load generator CPU that the system under test would otherwise get, so read-only scripts
-- don't, and rely on wrk's own count of statuses >= 400.
statuses = {}

function count_status(status)
  statuses[status] = (statuses[status] or 0) + 1
end

-- "name=value" arguments (after "--" on wrk's command line) as a table.
function parse_args(args)
  local t = {}
  for _, a in ipairs(args) do
    local k, v = a:match("^([^=]+)=(.*)$")
    if k then t[k] = v end
  end
  return t
end

-- n in base 36, upper case, left-padded with zeros to width characters.
function base36(n, width)
  local digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
  local s = ""
  repeat
    local d = n % 36
    s = digits:sub(d + 1, d + 1) .. s
    n = math.floor(n / 36)
  until n == 0
  return string.rep("0", width - #s) .. s
end

function done(summary, latency, requests)
  local merged = {}
  for _, t in ipairs(threads) do
    for status, count in pairs(t:get("statuses") or {}) do
      merged[status] = (merged[status] or 0) + count
    end
  end
  local histogram = {}
  local non_success = 0
  for status, count in pairs(merged) do
    table.insert(histogram, string.format('"%d":%d', status, count))
    if status < 200 or status >= 400 then non_success = non_success + count end
  end
  local e = summary.errors
  -- with a histogram: every status outside 2xx/3xx; without one: wrk's own count (statuses >= 400)
  local status_errors = #histogram > 0 and non_success or e.status
  io.write(string.format(
    'BENCH_RESULT {"requests":%d,"durationUs":%d,"p50Us":%.1f,"p99Us":%.1f,"socketErrors":%d,"statusErrors":%d,"statuses":{%s}}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.timeout, status_errors, table.concat(histogram, ",")))
end
