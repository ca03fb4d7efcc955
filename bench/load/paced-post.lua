-- wrk script: POST one JSON body at a fixed total rate, and print the figures bench/load.sh reports.
-- wrk itself is closed-loop (each connection sends when the last answer arrives); delay() holds each request
-- until its slot on a fixed schedule, so the service sees RATE requests/s as long as it keeps up.
local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } timespec;
  int clock_gettime(int clock_id, timespec *tp);
]]
local ts = ffi.new("timespec")
local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

local rate = tonumber(os.getenv("RATE") or "200")
local threads = tonumber(os.getenv("THREADS") or "2")
local interval_ms = 1000 * threads / rate -- each wrk thread sends its share of the rate
local next_slot = nil
local non200 = 0

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local file = assert(io.open(os.getenv("BODY_FILE"), "rb"))
wrk.body = file:read("*a")
file:close()

function delay()
  local now = now_ms()
  if next_slot == nil then next_slot = now end
  local wait = next_slot - now
  next_slot = math.max(next_slot, now - interval_ms) + interval_ms -- a late service does not get a burst to catch up
  return math.max(0, math.floor(wait))
end

function response(status, headers, body)
  if status ~= 200 then non200 = non200 + 1 end
end

function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format("requests:     %d in %.1f s = %.1f requests/s (target %d)\n", summary.requests, seconds, summary.requests / seconds, rate))
  io.write(string.format("latency:      p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
  io.write(string.format("errors:       %d (connect %d, read %d, write %d, timeout %d, non-2xx/3xx %d)\n",
    e.connect + e.read + e.write + e.timeout + e.status, e.connect, e.read, e.write, e.timeout, e.status))
end
