-- POST /api/v1/products, a new product per request. Keys must be unique (regardless of case) and 2-10 letters or
-- digits starting with a letter: <prefix, 3 characters from Java><thread, 1><counter in base 36, 6>.
-- Arguments: path=/api/v1/products prefix=<3 characters>

local path
local prefix
local n = 0

function init(args)
  local a = parse_args(args)
  path = a.path
  prefix = a.prefix .. base36(id, 1)
end

function request()
  n = n + 1
  local key = prefix .. base36(n, 6)
  return wrk.format("POST", path, nil,
    '{"key":"' .. key .. '","name":"Benchmark product ' .. key .. '","targetSegments":["SMB"]}')
end

function response(status, headers, body)
  count_status(status)
end
