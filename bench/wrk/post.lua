-- POST /contacts with a JSON:API document; every contact gets its own last name. The company
-- name is the run's marker, by which the run deletes what it created.
-- Usage: wrk ... -s post.lua URL -- <marker>
dofile(debug.getinfo(1, "S").source:sub(2):match("^(.*/)") .. "common.lua")

local marker
local sent = 0

function init(args)
  marker = args[1]
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/vnd.api+json"
  wrk.headers["Accept"] = "application/vnd.api+json"
end

function request()
  sent = sent + 1
  local body = string.format(
    '{"data":{"type":"contacts","attributes":{"firstName":"Bench","lastName":"Post-%d-%d",'
      .. '"companyName":"%s","address":"1 Load Street","city":"Benchton","county":"Load",'
      .. '"state":"CA","zip":"94000","phone1":"(555) 010-0000","phone2":"(555) 010-0001",'
      .. '"email":"post%d.%d@bench.example","website":"http://www.bench.example"}}}',
    thread_index, sent, marker, thread_index, sent)
  return wrk.format(nil, "/contacts", nil, body)
end
