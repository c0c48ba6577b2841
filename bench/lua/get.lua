-- A plain GET of one path (the HTTP ceiling: a trivial endpoint through nginx and the instances).
-- args: <path>
package.path = debug.getinfo(1, "S").source:match("^@?(.*/)") .. "?.lua;" .. package.path
local lib = require "lib"

local req
setup = lib.setup
done = lib.done

function init(args)
  req = wrk.format("GET", args[1])
end

function request()
  return req
end

function response(status, hdrs, body)
  lib.count(status, body)
end
