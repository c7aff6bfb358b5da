-- bench/isolation/run.sh: wrk's API clients, each request the next of the paths given after "--"
-- (the runs list and the run being measured). The Authorization header comes from wrk -H.
local paths, n = {}, 0

function init(args)
    for i = 1, #args do paths[i] = args[i] end
end

function request()
    n = n + 1
    return wrk.format(nil, paths[(n % #paths) + 1])
end
