-- Discovery: GET /api/v1/deals/nearby at random points, mostly (HOT_SHARE) within HOT_RADIUS_KM
-- of one of the hot spots, otherwise anywhere in the country box. The hot spots and box come from
-- the environment (BENCH_HOTSPOTS="lat:lng,...", BENCH_BOX="minLat:maxLat:minLng:maxLng"), the
-- same values bench/run.sh used to seed the deals.
-- args: <radiusKm>
package.path = debug.getinfo(1, "S").source:match("^@?(.*/)") .. "?.lua;" .. package.path
local lib = require "lib"

local radius, spots, box = "5", {}, {}
local HOT_SHARE, HOT_RADIUS_KM = 0.8, 6.0

setup = lib.setup
done = lib.done

function init(args)
  radius = args[1]
  for lat, lng in os.getenv("BENCH_HOTSPOTS"):gmatch("([%-%d%.]+):([%-%d%.]+)") do
    table.insert(spots, { tonumber(lat), tonumber(lng) })
  end
  local b = {}
  for v in os.getenv("BENCH_BOX"):gmatch("[%-%d%.]+") do table.insert(b, tonumber(v)) end
  box = b
  math.randomseed(os.time() * 100 + tid)
end

local function point()
  if math.random() < HOT_SHARE then
    local s = spots[math.random(#spots)]
    local r, theta = HOT_RADIUS_KM * math.sqrt(math.random()), 2 * math.pi * math.random()
    local lat = s[1] + r * math.cos(theta) / 111.195
    return lat, s[2] + r * math.sin(theta) / (111.195 * math.cos(math.rad(lat)))
  end
  return box[1] + (box[2] - box[1]) * math.random(), box[3] + (box[4] - box[3]) * math.random()
end

function request()
  local lat, lng = point()
  return wrk.format("GET", string.format("/api/v1/deals/nearby?lat=%.6f&lng=%.6f&radiusKm=%s&limit=20",
    lat, lng, radius))
end

function response(status, hdrs, body)
  lib.count(status, body)
end
