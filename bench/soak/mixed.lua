-- wrk script for the soak: a mix of what a live catalog serves.
--   60% dry-run ProvisionProduct decisions (spread over spokes and principals)
--   15% GET /v1/launch-paths
--   10% changing calls, steady state: CreatePortfolio and DeletePortfolio of the same few ids by turns
--       (journaled and applied; the catalog does not grow, so neither should the heap)
--   10% dry-run AcceptPortfolioShare / CreatePortfolioShare denials
--    5% GET /health
-- Requests are built inside init()/request(), never at the top level (see shared/notes/stack.md).

local threads = {}
local counter = 0
local changes = 0
local tid = 0

function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

local principals = {
  {"222222222222", "arn:aws:iam::222222222222:role/Developer"},
  {"222222222222", "arn:aws:iam::222222222222:user/alice"},
  {"333333333333", "arn:aws:iam::333333333333:role/Developer"},
  {"444444444444", "arn:aws:iam::444444444444:role/Developer"},
  {"111111111111", "arn:aws:iam::111111111111:role/Admin"},
}
local products = {{"prod-ec2", "pa-ec2-v1"}, {"prod-vpc", "pa-vpc-v1"}, {"prod-vpc", "pa-vpc-v0"}, {"prod-lint", "pa-lint-v1"}}

function init(args)
  tid = tonumber(wrk.thread:get("tid")) or 0
  math.randomseed(os.time() + tid)
end

local function post(body)
  return wrk.format("POST", "/v1/calls", {["Content-Type"] = "application/json"}, body)
end

function request()
  counter = counter + 1
  local r = math.random(100)
  local p = principals[math.random(#principals)]
  local prod = products[math.random(#products)]
  if r <= 60 then
    return post('{"call":"ProvisionProduct","dryRun":true,"caller":{"account":"' .. p[1] ..
      '","region":"us-east-1","principal":"' .. p[2] .. '"},"input":{"ProductId":"' .. prod[1] ..
      '","ProvisioningArtifactId":"' .. prod[2] .. '","ProvisionedProductName":"soak-' .. tid .. '-' .. counter ..
      '","ProvisioningParameters":[{"Key":"InstanceType","Value":"t3.micro"},{"Key":"Environment","Value":"dev"}]}}')
  elseif r <= 75 then
    return wrk.format("GET", "/v1/launch-paths?account=" .. p[1] .. "&region=us-east-1&principal=" .. p[2] .. "&product=" .. prod[1])
  elseif r <= 85 then
    changes = changes + 1
    local id = "port-soak-" .. tid .. "-" .. (math.floor((changes - 1) / 2) % 8)
    local caller = '"caller":{"account":"555555555555","region":"us-east-1"}'
    if changes % 2 == 1 then
      return post('{"call":"CreatePortfolio",' .. caller .. ',"input":{"Id":"' .. id .. '","DisplayName":"soak"}}')
    end
    return post('{"call":"DeletePortfolio",' .. caller .. ',"input":{"Id":"' .. id .. '"}}')
  elseif r <= 95 then
    return post('{"call":"CreatePortfolioShare","dryRun":true,"caller":{"account":"' .. p[1] ..
      '","region":"us-east-1"},"input":{"PortfolioId":"port-hub","AccountId":"999999999999"}}')
  else
    return wrk.format("GET", "/health")
  end
end

local non2xx = 0
function response(status, headers, body)
  if status ~= 200 then non2xx = non2xx + 1 end
end
