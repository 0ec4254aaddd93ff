-- PATCH /contacts/{id} with If-Match. Run with as many threads as connections: each thread then
-- has one connection, so a response belongs to the request before it, and the thread can keep
-- the ETag each PATCH returns. Threads own disjoint ids, so no two requests race on a contact
-- and every 412 would be a real error. Every response status is counted.
-- Usage: wrk -tN -cN ... -s patch.lua URL -- <"id etag" file> <N>
dofile(debug.getinfo(1, "S").source:sub(2):match("^(.*/)") .. "common.lua")

local ids, etags = {}, {}
local next_index, current = 0, nil
local sent = 0

function init(args)
  local threads = tonumber(args[2])
  local records = read_records(args[1])
  for i, record in ipairs(records) do
    if (i - 1) % threads == thread_index then
      table.insert(ids, record[1])
      etags[record[1]] = record[2]
    end
  end
  assert(#ids > 0, "no ids for thread " .. thread_index)
  wrk.method = "PATCH"
  wrk.headers["Content-Type"] = "application/vnd.api+json"
  wrk.headers["Accept"] = "application/vnd.api+json"
end

function request()
  current = ids[next_index % #ids + 1]
  next_index = next_index + 1
  sent = sent + 1
  local body = string.format(
    '{"data":{"type":"contacts","id":"%s","attributes":{"city":"Patched %d-%d"}}}',
    current, thread_index, sent)
  return wrk.format(nil, "/contacts/" .. current, { ["If-Match"] = etags[current] }, body)
end

function response(status, headers, body)
  count_status(status)
  local tag = headers["ETag"] or headers["Etag"] or headers["etag"]
  if status == 200 and tag and current then
    etags[current] = tag
  end
end
