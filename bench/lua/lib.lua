-- Shared helpers for the wrk scripts: per-thread status counters (read back in done() with
-- thread:get), a wall clock in microseconds (LuaJIT ffi; wrk's Lua has no sub-second clock), and
-- one machine-readable summary ("BENCH key value" lines) that bench/run.sh parses.
local M = {}

local threads = {}

-- Runs in the main Lua state, once per thread, before the thread's init().
function M.setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

local ok, ffi = pcall(require, "ffi")
if ok then
  pcall(ffi.cdef, [[
    typedef struct { long tv_sec; long tv_usec; } bench_timeval;
    int gettimeofday(bench_timeval *tv, void *tz);
  ]])
end
function M.now_us()
  if not ok then return 0 end
  local tv = ffi.new("bench_timeval")
  ffi.C.gettimeofday(tv, nil)
  return tonumber(tv.tv_sec) * 1000000 + tonumber(tv.tv_usec)
end

-- Globals (not locals): thread:get() can only read a thread's globals.
statuses = {}
first_us = 0   -- this thread's first request
last201_us = 0 -- this thread's last successful claim

-- Classifies an answer; 409s are split by the problem type in the body.
function M.count(status, body)
  local key = tostring(status)
  if status == 409 and body then
    if body:find("sold%-out") then key = "409_sold_out"
    elseif body:find("already%-claimed") then key = "409_already_claimed"
    elseif body:find("not%-active") then key = "409_not_active" end
  elseif status == 503 and body then
    if body:find("lock%-busy") then key = "503_lock_busy" else key = "503_unavailable" end
  end
  statuses[key] = (statuses[key] or 0) + 1
  if status == 201 then last201_us = M.now_us() end
end

function M.mark_start()
  if first_us == 0 then first_us = M.now_us() end
end

-- Runs in the main state after all threads stopped.
function M.done(summary, latency, requests)
  local agg, start, last201, sent, answered, last_answer, reused = {}, nil, 0, 0, 0, 0, 0
  for _, t in ipairs(threads) do
    reused = reused + (t:get("reused") or 0)
    sent = sent + (t:get("claims_sent") or 0)
    answered = answered + (t:get("claims_answered") or 0)
    last_answer = math.max(last_answer, t:get("last_answer_us") or 0)
    for k, v in pairs(t:get("statuses") or {}) do agg[k] = (agg[k] or 0) + v end
    local f = t:get("first_us") or 0
    if f > 0 and (start == nil or f < start) then start = f end
    local l = t:get("last201_us") or 0
    if l > last201 then last201 = l end
  end
  local e = summary.errors
  io.write(string.format("BENCH requests %d\n", summary.requests))
  io.write(string.format("BENCH duration_s %.3f\n", summary.duration / 1e6))
  io.write(string.format("BENCH p50_ms %.2f\n", latency:percentile(50) / 1000))
  io.write(string.format("BENCH p99_ms %.2f\n", latency:percentile(99) / 1000))
  io.write(string.format("BENCH max_ms %.2f\n", latency.max / 1000))
  io.write(string.format("BENCH socket_errors %d\n", e.connect + e.read + e.write + e.timeout))
  for k, v in pairs(agg) do io.write(string.format("BENCH status_%s %d\n", k, v)) end
  if sent > 0 then io.write(string.format("BENCH claims_sent %d\n", sent)) end
  io.write(string.format("BENCH tokens_reused %d\n", reused))
  if answered > 0 then io.write(string.format("BENCH claims_answered %d\n", answered)) end
  if start and last_answer > 0 then
    io.write(string.format("BENCH last_answer_after_s %.3f\n", (last_answer - start) / 1e6))
  end
  if start and last201 > 0 then
    io.write(string.format("BENCH last201_after_s %.3f\n", (last201 - start) / 1e6))
  end
end

-- This thread's share of a token file (one pre-minted shopper JWT per line): lines tid, tid+n, ...
function M.tokens(path, nthreads)
  local mine, i = {}, 0
  for line in io.lines(path) do
    if #line > 0 then
      if i % nthreads == tid - 1 then table.insert(mine, line) end
      i = i + 1
    end
  end
  return mine
end

return M
