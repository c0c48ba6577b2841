-- Claims as real shoppers: each request carries the next pre-minted token (a new user per request
-- while the thread's share lasts; then it starts over, and repeat users answer 409).
-- args: <token file> <deal id | @file with one deal id per line> <threads>
-- Several deal ids (scenario c, city): each request picks one at random.
package.path = debug.getinfo(1, "S").source:match("^@?(.*/)") .. "?.lua;" .. package.path
local lib = require "lib"

local deals, tokens, counter = {}, {}, 0
reused = 0 -- global: read in done() with thread:get

setup = lib.setup
done = lib.done

function init(args)
  tokens = lib.tokens(args[1], tonumber(args[3]))
  local target = args[2]
  if target:sub(1, 1) == "@" then
    for line in io.lines(target:sub(2)) do
      if #line > 0 then table.insert(deals, line) end
    end
  else
    deals = { target }
  end
  math.randomseed(os.time() * 100 + tid)
end

function request()
  lib.mark_start()
  counter = counter + 1
  if counter > #tokens then reused = reused + 1 end
  local deal = deals[#deals == 1 and 1 or math.random(#deals)]
  return wrk.format("POST", "/api/v1/deals/" .. deal .. "/claims",
    { ["Authorization"] = "Bearer " .. tokens[(counter - 1) % #tokens + 1] })
end

function response(status, hdrs, body)
  lib.count(status, body)
end
