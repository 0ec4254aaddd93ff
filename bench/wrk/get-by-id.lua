-- GET /contacts/{id} over random existing ids, with a bearer token when one is given.
-- Usage: wrk ... -s get-by-id.lua URL -- <ids file> [token]
dofile(debug.getinfo(1, "S").source:sub(2):match("^(.*/)") .. "common.lua")

local paths = {}

function init(args)
  for _, record in ipairs(read_records(args[1])) do
    table.insert(paths, "/contacts/" .. record[1])
  end
  math.randomseed(os.time() + thread_index * 7919)
  wrk.headers["Accept"] = "application/vnd.api+json"
  if args[2] then
    wrk.headers["Authorization"] = "Bearer " .. args[2]
  end
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end
