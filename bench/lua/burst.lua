-- Burst: exactly <users> distinct users each claim once, split over the threads, as fast as the
-- connections allow; each thread stops itself when its share is answered.
-- args: <user prefix> <deal id> <users> <threads> <marker dir>
-- wrk's main thread always sleeps for the whole -d, so each thread that is done drops a marker file
-- in <marker dir>; bench/run.sh sends wrk SIGINT once all are there (wrk then prints its summary).
-- Once a thread's share is sent, idle connections send a harmless GET of the deal (answered 200,
-- which the counters ignore) until the thread stops, so no extra user ever claims. wrk's latency
-- figures include those GETs. One generated claim never reaches the server (nginx's access log
-- showed 19,999 claim POSTs for 20,000 users, every one answered), so a thread also stops once
-- all is sent and no claim was answered for 3 s; the figures use the last answer's time.
package.path = debug.getinfo(1, "S").source:match("^@?(.*/)") .. "?.lua;" .. package.path
local lib = require "lib"

local prefix, deal, quota, sent, answered, all_sent_us = "u", nil, 0, 0, 0, 0
local marker, stopped = nil, false
claims_sent = 0 -- globals: summed in done()
claims_answered = 0
last_answer_us = 0
local headers = { ["Content-Type"] = "application/json" }

setup = lib.setup
done = lib.done

function init(args)
  prefix = args[1] .. "-" .. tid
  deal = args[2]
  local users, nthreads = tonumber(args[3]), tonumber(args[4])
  quota = math.floor(users / nthreads) + ((tid <= users % nthreads) and 1 or 0)
  marker = args[5] .. "/done-" .. tid
end

function request()
  lib.mark_start()
  if sent >= quota then
    return wrk.format("GET", "/api/v1/deals/" .. deal)
  end
  sent = sent + 1
  claims_sent = sent
  if sent == quota then all_sent_us = lib.now_us() end
  return wrk.format("POST", "/api/v1/deals/" .. deal .. "/claims", headers,
    '{"userId":"' .. prefix .. "-" .. sent .. '"}')
end

function response(status, hdrs, body)
  if status ~= 200 then
    lib.count(status, body)
    answered = answered + 1
    claims_answered = answered
    last_answer_us = lib.now_us()
  end
  -- Stop when the share is answered, once 3 s passed with all sent and no answer, or at the latest
  -- 11 s (wrk's --timeout is 10 s) after the last claim was sent.
  local now = lib.now_us()
  local quiet = all_sent_us > 0 and now - math.max(all_sent_us, last_answer_us) > 3000000
  if not stopped and (answered >= quota or quiet or (all_sent_us > 0 and now - all_sent_us > 11000000)) then
    stopped = true
    wrk.thread:stop()
    io.open(marker, "w"):close()
  end
end
