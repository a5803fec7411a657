-- Appended after another script: sends at a steady total rate instead of as fast as possible. wrk calls delay()
-- before each request; each thread hands out send slots `interval` ms apart on a monotonic clock (LuaJIT's FFI:
-- plain Lua has no millisecond clock), so the rate does not depend on the response time.
-- Arguments (besides the other script's): rate=<requests per second, all threads> threads=<wrk threads>

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
  int clock_gettime(int clock_id, bench_timespec *tp);
]]
local CLOCK_MONOTONIC = 1
local now_ts = ffi.new("bench_timespec")

local function now_ms()
  ffi.C.clock_gettime(CLOCK_MONOTONIC, now_ts)
  return tonumber(now_ts.tv_sec) * 1000 + tonumber(now_ts.tv_nsec) / 1e6
end

local interval
local next_slot
local paced_init = init

function init(args)
  paced_init(args)
  local a = parse_args(args)
  interval = 1000 * tonumber(a.threads) / tonumber(a.rate)
end

function delay()
  local now = now_ms()
  -- first call, or more than a second behind (the system could not keep up): start again from now rather than
  -- bursting to catch up
  if next_slot == nil or next_slot < now - 1000 then next_slot = now end
  local wait = next_slot - now
  next_slot = next_slot + interval
  return math.max(0, math.floor(wait))
end
