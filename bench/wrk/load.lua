-- wrk script for bench/http-load.sh.
--   wrk ... -s load.lua URL -- get
--   wrk ... -s load.lua URL -- post BODIES.jsonl [DELAY_MS]
--   wrk ... -s load.lua URL -- post-new BODIES.jsonl [DELAY_MS]
-- "post" sends the JSON bodies of BODIES.jsonl (one per line) round robin, each thread from its own
-- offset. "post-new" sends the same bodies with a ProvisionedProductName never sent before in each
-- request ("<name>-<thread>-<n>"), so that every request is a new question to the server (none can be
-- answered again from the answers it keeps); its requests are built per request, which costs wrk more.
-- DELAY_MS > 0 paces every connection (a think time before each request, see delay()).
-- DELAY_MS may instead be rate:R, R requests a second for each wrk thread (bench/http-load.sh divides
-- its target by the threads): every request gets the next slot of a fixed schedule and waits for it, so
-- the rate holds whatever the server's speed, as long as the connections can keep up. A request late for
-- its slot goes at once (after a stall the schedule catches up, as wrk2 does).
-- Requests are built in init(), never at the top level (Jetty answers 400 to requests built there).
-- done() prints one JSON line: rate, latency percentiles in ms, errors.

local thread_id = 0

function setup(thread)
  thread:set("id", thread_id)
  thread_id = thread_id + 1
end

local requests = {}
local next_request = 1
local pause = 0
local interval = 0 -- rate:R, the milliseconds between this thread's slots
local slot = nil -- the last slot given, in milliseconds of the monotonic clock
local fresh = false -- post-new: requests[i] = {before, name, after}, the body around its name
local sent = 0
local headers = { ["Content-Type"] = "application/json" }

function init(args)
  local mode = args[1] or "get"
  if mode == "get" then
    requests[1] = wrk.format("GET", wrk.path)
    return
  end
  local pace = args[3] or "0"
  if pace:sub(1, 5) == "rate:" then
    local rate = tonumber(pace:sub(6))
    if not rate or rate <= 0 then error("rate:R needs R > 0 requests a second, got " .. pace) end
    interval = 1000 / rate
  else
    pause = tonumber(pace) or 0
  end
  fresh = mode == "post-new"
  local n = 0
  for line in io.lines(args[2]) do
    if line ~= "" then
      n = n + 1
      if fresh then
        local before, name, after = line:match('^(.-"ProvisionedProductName":")([^"]*)(".*)$')
        if not before then error("post-new: a body without ProvisionedProductName: " .. line) end
        requests[n] = { before, name .. "-" .. (id or 0) .. "-", after }
      else
        requests[n] = wrk.format("POST", wrk.path, headers, line)
      end
    end
  end
  next_request = ((id or 0) * 7919) % n + 1
end

local ffi = require("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } loadlua_timespec;
  int clock_gettime(int clock, loadlua_timespec *ts);
]]
local ts = ffi.new("loadlua_timespec")

local function now_ms()
  ffi.C.clock_gettime(1, ts) -- CLOCK_MONOTONIC
  return tonumber(ts.tv_sec) * 1000 + tonumber(ts.tv_nsec) / 1e6
end

-- rate:R: the wait until this request's slot. Otherwise a pause of whole milliseconds, on average
-- DELAY_MS (which may be fractional: 0.3 pauses 1 ms before three requests in ten).
function delay()
  if interval > 0 then
    local now = now_ms()
    slot = (slot or now) + interval
    local wait = slot - now
    if wait < 1 then return 0 end
    return math.floor(wait)
  end
  local whole = math.floor(pause)
  if math.random() < pause - whole then return whole + 1 end
  return whole
end

function request()
  local r = requests[next_request]
  next_request = next_request % #requests + 1
  if fresh then
    sent = sent + 1
    return wrk.format("POST", wrk.path, headers, r[1] .. r[2] .. sent .. r[3])
  end
  return r
end

function done(summary, latency, requests)
  local s = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.1f,"rps":%.1f,"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"p999_ms":%.3f,"max_ms":%.3f,' ..
    '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d}}\n',
    summary.requests, s, summary.requests / s, latency:percentile(50) / 1e3, latency:percentile(90) / 1e3,
    latency:percentile(99) / 1e3, latency:percentile(99.9) / 1e3, latency.max / 1e3,
    e.connect, e.read, e.write, e.status, e.timeout))
end
