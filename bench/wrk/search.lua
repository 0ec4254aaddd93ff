-- GET /contacts?filter[q]=<prefix> over a list of prefixes taken from the seeded contacts.
-- Usage: wrk ... -s search.lua URL -- <prefixes file>
dofile(debug.getinfo(1, "S").source:sub(2):match("^(.*/)") .. "common.lua")

local paths = {}

function init(args)
  for _, record in ipairs(read_records(args[1])) do
    table.insert(paths, "/contacts?filter%5Bq%5D=" .. record[1])
  end
  math.randomseed(os.time() + thread_index * 7919)
  wrk.headers["Accept"] = "application/vnd.api+json"
end

function request()
  return wrk.format("GET", paths[math.random(#paths)])
end

-- The request rate is low enough here that counting every status costs wrk nothing that matters.
function response(status)
  count_status(status)
end
