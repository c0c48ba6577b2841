-- Claims with a fresh user per request.
-- args: <user prefix> <deal id | @file with one deal id per line>
-- Several deal ids (scenario c, city): each request picks one at random.
package.path = debug.getinfo(1, "S").source:match("^@?(.*/)") .. "?.lua;" .. package.path
local lib = require "lib"

local prefix, deals, counter = "u", {}, 0
local headers = { ["Content-Type"] = "application/json" }

setup = lib.setup
done = lib.done

function init(args)
  prefix = args[1] .. "-" .. tid
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
  local deal = deals[#deals == 1 and 1 or math.random(#deals)]
  -- user id: run prefix + thread + counter, distinct across threads and runs
  return wrk.format("POST", "/api/v1/deals/" .. deal .. "/claims", headers,
    '{"userId":"' .. prefix .. "-" .. counter .. '"}')
end

function response(status, hdrs, body)
  lib.count(status, body)
end
