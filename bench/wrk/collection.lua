-- GET on a fixed collection URL: the first page, a filtered sorted page, a search, a deep cursor.
-- Usage: wrk ... -s collection.lua URL -- <path with query> [accept]
dofile(debug.getinfo(1, "S").source:sub(2):match("^(.*/)") .. "common.lua")

local prepared

function init(args)
  local accept = args[2] or "application/vnd.api+json"
  prepared = wrk.format("GET", args[1], { ["Accept"] = accept })
end

function request()
  return prepared
end

-- The request rate is low enough here that counting every status costs wrk nothing that matters.
function response(status)
  count_status(status)
end
