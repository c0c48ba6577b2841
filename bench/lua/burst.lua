-- Burst: exactly <users> distinct users each claim once, split over the threads, as fast as the
-- connections allow; each thread stops itself when its share is answered.
-- args: <token file, one pre-minted shopper JWT per user> <deal id> <users> <threads> <marker dir>
-- wrk's main thread always sleeps for the whole -d, so each thread that is done drops a marker file
-- in <marker dir>; bench/run.sh sends wrk SIGINT once all are there (wrk then prints its summary).
-- Once a thread's share is sent, idle connections send a harmless GET of the deal (answered 200,
-- which the counters ignore) until the thread stops, so no extra user ever claims. wrk's latency
-- figures include those GETs. wrk calls request() once on the first thread before any
-- connection, only to check the request parses (script_verify_request); that call must not use
-- up a user, or one of them is never sent (nginx's access log showed 19,999 claim POSTs).
package.path = debug.getinfo(1, "S").source:match("^@?(.*/)") .. "?.lua;" .. package.path
local lib = require "lib"

local tokens, deal, quota, sent, all_sent_us = {}, nil, 0, 0, 0
local marker, stopped, checked = nil, false, false
claims_sent = 0 -- globals: read in done() with thread:get
claims_answered = 0
last_answer_us = 0

setup = lib.setup
done = lib.done

function init(args)
  deal = args[2]
  local nthreads = tonumber(args[4])
  tokens = lib.tokens(args[1], nthreads)
  quota = math.min(#tokens, tonumber(args[3]))
  marker = args[5] .. "/done-" .. tid
end

function request()
  if tid == 1 and not checked then -- wrk's parse check: the same first user is generated again
    checked = true
    return wrk.format("POST", "/api/v1/deals/" .. deal .. "/claims", { ["Authorization"] = "Bearer check" })
  end
  lib.mark_start()
  if sent >= quota then
    return wrk.format("GET", "/api/v1/deals/" .. deal)
  end
  sent = sent + 1
  claims_sent = sent
  if sent == quota then all_sent_us = lib.now_us() end
  return wrk.format("POST", "/api/v1/deals/" .. deal .. "/claims", { ["Authorization"] = "Bearer " .. tokens[sent] })
end

function response(status, hdrs, body)
  if status ~= 200 then
    lib.count(status, body)
    claims_answered = claims_answered + 1
    last_answer_us = lib.now_us()
  end
  -- Stop when the share is answered or, should a claim be lost, 11 s (wrk's --timeout is 10 s)
  -- after the last one was sent.
  if not stopped and (claims_answered >= quota or (all_sent_us > 0 and lib.now_us() - all_sent_us > 11000000)) then
    stopped = true
    wrk.thread:stop()
    io.open(marker, "w"):close()
  end
end
