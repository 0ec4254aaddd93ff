-- Shared by the workload scripts: a thread index for each thread, reading the ids file, and one
-- machine-readable RESULT line at the end, which bench/Benchmark.java reads.

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

-- Latencies are in microseconds; wrk does not record requests that timed out.
function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    errors.status, errors.connect + errors.read + errors.write + errors.timeout))
end
