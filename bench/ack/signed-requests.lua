-- wrk script for the ack benchmark (bench/README.md): sends pre-signed Slack requests, each once.
--
--   wrk -t2 -c32 -d10s --latency -s bench/ack/signed-requests.lua http://127.0.0.1:PORT/slack/commands -- requests.tsv 2 application/x-www-form-urlencoded
--
-- (the thread count repeats -t: a thread's Lua state cannot see how many threads there are; the content type is
-- the one every body of the file has: form fields for slash commands and clicks, JSON for events).
--
-- wrk's Lua has no HMAC, so the bench program writes the requests to a file right before the run (Slack's
-- and Bolt's signatures go stale after 5 minutes), one a line: timestamp <TAB> signature <TAB> body.
-- Every body is new work (its own trigger_id or event_id); our server stores a request once per id, so a
-- request sent twice would measure the de-duplication shortcut instead of a durable store. Thread i of n
-- therefore sends lines i, i+n, i+2n, ... and never repeats one: past its share it sends an unsigned request,
-- whose 401 shows up as a non-2xx response and fails the run (the bench program then asks for more requests).

local threads = {}
local next_id = 0

function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

function init(args)
  local file = args[1] or error("pass the request file, the thread count and the content type after --")
  local total = tonumber(args[2]) or error("pass the thread count after the request file")
  local content_type = args[3] or error("pass the content type after the thread count")
  local requests, line_no = {}, 0
  for line in io.lines(file) do
    if line_no % total == id then
      local timestamp, signature, body = line:match("^([^\t]*)\t([^\t]*)\t(.*)$")
      requests[#requests + 1] = wrk.format("POST", wrk.path, {
        ["Content-Type"] = content_type,
        ["X-Slack-Request-Timestamp"] = timestamp,
        ["X-Slack-Signature"] = signature,
      }, body)
    end
    line_no = line_no + 1
  end
  prepared = requests
  cursor = 0
  sent = 0
  exhausted = 0
  exhausted_request = wrk.format("POST", wrk.path, { ["Content-Type"] = content_type }, "exhausted=1")
end

function request()
  cursor = cursor + 1
  local r = prepared[cursor]
  if r then
    sent = cursor
    return r
  end
  exhausted = exhausted + 1
  return exhausted_request
end

function done(summary, latency, requests)
  local total_sent, total_over = 0, 0
  for _, thread in ipairs(threads) do
    total_sent = total_sent + thread:get("sent")
    total_over = total_over + thread:get("exhausted")
  end
  io.write(string.format("bench: signed requests sent %d, past the file %d\n", total_sent, total_over))
end
