-- GET <path><id>, the ids read from a file (one a line), round-robin; each thread starts at its own offset so the
-- threads don't ask for the same row at the same moment.
-- Arguments: path=/api/v1/products/ ids=<file>

local path
local ids = {}
local i

function init(args)
  local a = parse_args(args)
  path = a.path
  for line in io.lines(a.ids) do
    if #line > 0 then table.insert(ids, line) end
  end
  i = id * math.floor(#ids / 2)
end

function request()
  i = i + 1
  return wrk.format("GET", path .. ids[i % #ids + 1])
end
