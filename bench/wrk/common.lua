-- Shared by the workload scripts: per-thread status counts and one machine-readable RESULT line.
-- Each script loads this file, then defines request() (and response() where it needs one).

local threads = {}

-- Runs in wrk's main Lua state, once per thread, before that thread's init().
function setup(thread)
  thread:set("thread_index", #threads)
  table.insert(threads, thread)
end

-- Reads a file of whitespace-separated fields, one record a line.
function read_records(path)
  local records = {}
  local file = assert(io.open(path, "r"), "cannot read " .. path)
  for line in file:lines() do
    local fields = {}
    for field in line:gmatch("%S+") do
      table.insert(fields, field)
    end
    if #fields > 0 then
      table.insert(records, fields)
    end
  end
  file:close()
  return records
end

statuses = {}

function count_status(status)
  statuses[status] = (statuses[status] or 0) + 1
end

-- Latencies are in microseconds; wrk does not record requests that timed out.
function done(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local errors = summary.errors
  local by_status = {}
  local counted = false
  for _, thread in ipairs(threads) do
    local counts = thread:get("statuses")
    if counts then
      for status, n in pairs(counts) do
        by_status[status] = (by_status[status] or 0) + n
        counted = true
      end
    end
  end
  local status_text = "-"
  if counted then
    local parts = {}
    for status, n in pairs(by_status) do
      table.insert(parts, status .. ":" .. n)
    end
    table.sort(parts)
    status_text = table.concat(parts, ",")
  end
  io.write(string.format(
    "RESULT requests=%d seconds=%.2f rps=%.1f p50_ms=%.2f p99_ms=%.2f p999_ms=%.2f max_ms=%.2f"
      .. " non2xx=%d socket_errors=%d connect=%d read=%d write=%d timeout=%d status412=%d statuses=%s\n",
    summary.requests, seconds, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency:percentile(99.9) / 1000,
    latency.max / 1000,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout,
    errors.connect, errors.read, errors.write, errors.timeout,
    by_status[412] or 0, status_text))
end
