-- POST /contacts with a bare attribute object, as the original service's clients send it (both
-- services accept it); every contact gets its own last name. A bearer token when one is given.
-- Usage: wrk ... -s post.lua URL -- [token]
dofile(debug.getinfo(1, "S").source:sub(2):match("^(.*/)") .. "common.lua")

local sent = 0

function init(args)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = "application/json"
  if args[1] then
    wrk.headers["Authorization"] = "Bearer " .. args[1]
  end
end

function request()
  sent = sent + 1
  local body = string.format(
    '{"firstName":"Bench","lastName":"Post-%d-%d","companyName":"Bench Load Company",'
      .. '"address":"1 Load Street","city":"Benchton","county":"Load","state":"CA","zip":"94000",'
      .. '"phone1":"555-010-0000","phone2":"555-010-0001","email":"post%d.%d@bench.example",'
      .. '"website":"http://www.bench.example"}',
    thread_index, sent, thread_index, sent)
  return wrk.format(nil, "/contacts", nil, body)
end
