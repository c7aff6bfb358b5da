-- wrk script: POST /messages with unique ids. BATCH=1 sends one JSON object per request, BATCH>1 NDJSON batches.
local batch = tonumber(os.getenv("BATCH") or "1")
local counter = 0
-- ids must differ between runs and threads: TAG (set by run.py per run) and the thread's number
local tag = os.getenv("TAG") or tostring(os.time())
local threads = 0

function setup(thread)
  threads = threads + 1
  thread:set("tid", tostring(threads))
end

function init(args)
  tag = tag .. "t" .. (tid or "0")
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

