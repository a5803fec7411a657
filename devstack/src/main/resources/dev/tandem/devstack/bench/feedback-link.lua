-- Per iteration two requests: POST /api/v1/feedback (a new item: unique externalReference, customers round-robin),
-- then POST /api/v1/feedback/{id}/links to the feature. The id comes from the create's Location header; the link is
-- the thread's next request (wrk asks for it right after the response, usually on the same connection).
-- Arguments: reference=<unique prefix> product=<id> feature=<id> customers=<id,id,...>

local reference
local product
local feature
local customers = {}
local n = 0
local to_link = {}

function init(args)
  local a = parse_args(args)
  reference = a.reference .. "-" .. id .. "-"
  product = a.product
  feature = a.feature
  for c in a.customers:gmatch("[^,]+") do table.insert(customers, c) end
end

function request()
  local feedback = table.remove(to_link)
  if feedback then
    return wrk.format("POST", "/api/v1/feedback/" .. feedback .. "/links", nil,
      '{"featureId":"' .. feature .. '","importance":"IMPORTANT"}')
  end
  n = n + 1
  return wrk.format("POST", "/api/v1/feedback", nil,
    '{"source":"SUPPORT","externalReference":"' .. reference .. n .. '","customerId":"' ..
    customers[n % #customers + 1] .. '","productId":"' .. product .. '","title":"Exports are slow",' ..
    '"text":"Exporting the monthly report takes minutes and times out for large accounts."}')
end

function response(status, headers, body)
  count_status(status)
  local location = headers["Location"] or headers["location"]
  local feedback = status == 201 and location and location:match("/api/v1/feedback/([%x%-]+)$")
  if feedback then table.insert(to_link, feedback) end
end
