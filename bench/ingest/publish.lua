-- wrk script: POST /messages with unique ids. BATCH=1 sends one JSON object per request, BATCH>1 NDJSON batches.
local batch = tonumber(os.getenv("BATCH") or "1")
local counter = 0
local tag = ""

function setup(thread)
  thread:set("tid", tostring(math.random(1, 2^30)))
end

function init(args)
  tag = tid or tostring(math.random(1, 2^30))
end

local function message(n)
  return string.format('{"id":"b%s-%d","user_id":%d,"channel_id":%d,"content":"benchmark message %d"}',
    tag, n, n % 10000, n % 100, n)
end

request = function()
  if batch == 1 then
    counter = counter + 1
    return wrk.format("POST", "/messages", {["Content-Type"] = "application/json"}, message(counter))
  end
  local lines = {}
  for i = 1, batch do
    counter = counter + 1
    lines[i] = message(counter)
  end
  return wrk.format("POST", "/messages", {["Content-Type"] = "application/x-ndjson"}, table.concat(lines, "\n"))
end

local non202 = 0
response = function(status, headers, body)
  if status ~= 202 then non202 = non202 + 1 end
end

done = function(summary, latency, requests)
  io.write(string.format("NON202 %d\n", summary.errors.status))
end
