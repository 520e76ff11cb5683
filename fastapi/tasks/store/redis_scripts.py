"""The Redis store's Lua scripts: each state change of a task is one script, atomic on the
server, timed by the server's clock (``TIME``). ``ARGV[1]`` is the key prefix in every script.
"""

from __future__ import annotations

import json

from fastapi.tasks.records import MAX_ATTEMPT_ERRORS
from fastapi.tasks.store.history import WORKER_LOST

NOW = "local t = redis.call('TIME'); local now = tonumber(t[1]) + tonumber(t[2]) / 1000000\n"

# Helpers shared by the scripts that move a task (prefix is ARGV[1] in every script).
HELPERS = """
local function move(prefix, from, to)
    if from then redis.call('HINCRBY', prefix .. 'counts', from, -1) end
    if to then redis.call('HINCRBY', prefix .. 'counts', to, 1) end
end
-- A task of a group has ended (it was the group's head): the next one becomes due.
local function close(prefix, id, key, state, now)
    redis.call('HSET', key, 'state', state, 'finished_at', now)
    redis.call('ZADD', prefix .. 'finished', now, id)
    local group = prefix .. 'group:' .. redis.call('HGET', key, 'group_id')
    redis.call('LREM', group, 1, id)
    local next_id = redis.call('LINDEX', group, 0)
    if next_id then
        redis.call('ZADD', prefix .. 'due', redis.call('HGET', prefix .. 'task:' .. next_id, 'not_before'), next_id)
    end
end
-- One more entry in a task's bounded list of attempt errors.
local function remember(key, attempt, error, worker, at)
    local errors = cjson.decode(redis.call('HGET', key, 'errors') or '[]')
    table.insert(errors, {attempt = tonumber(attempt), error = error, worker = worker, at = at})
    while #errors > MAX_ERRORS do table.remove(errors, 1) end
    redis.call('HSET', key, 'errors', cjson.encode(errors))
end
-- Tasks whose lease expired (their worker vanished): pending again in their first place in the
-- queue, the worker named; one whose cancellation was asked for is closed as cancelled.
local function reclaim(prefix, now)
    local expired = redis.call('ZRANGEBYSCORE', prefix .. 'leases', '-inf', '(' .. now, 'LIMIT', 0, 100)
    for _, id in ipairs(expired) do
        local key = prefix .. 'task:' .. id
        local f = redis.call('HMGET', key, 'lease_owner', 'lease_expires', 'attempts', 'cancel_requested', 'not_before')
        redis.call('ZREM', prefix .. 'leases', id)
        redis.call('HDEL', key, 'lease_owner', 'lease_expires', 'progress')
        remember(key, f[3], WORKER_LOST, f[1], tonumber(f[2]))
        if f[4] == '1' then
            close(prefix, id, key, 'cancelled', now)
            move(prefix, 'running', 'cancelled')
        else
            local due = math.min(tonumber(f[5]), tonumber(f[2]))  -- its first place in the queue
            redis.call('HSET', key, 'state', 'pending', 'not_before', due, 'lost_worker', f[1], 'lost_at', f[2])
            redis.call('HINCRBY', key, 'takeovers', 1)
            redis.call('ZADD', prefix .. 'due', due, id)
            move(prefix, 'running', 'pending')
        end
    end
    return #expired
end
""".replace("MAX_ERRORS", str(MAX_ATTEMPT_ERRORS)).replace("WORKER_LOST", json.dumps(WORKER_LOST))

# ARGV[1]: prefix; ARGV[2]: JSON list of tasks (with "delay": seconds until due). Answers the
# ids of deduplicated tasks that were stored already (and are skipped).
ADD = (
    NOW
    + HELPERS
    + """
local prefix = ARGV[1]
local skipped = {}
for _, task in ipairs(cjson.decode(ARGV[2])) do
    local key = prefix .. 'task:' .. task.id
    if task.dedupe and redis.call('EXISTS', key) == 1 then
        table.insert(skipped, task.id)
    else
        local due = now + task.delay
        redis.call('HSET', key, 'group_id', task.group_id, 'seq', task.seq, 'name', task.name,
            'payload', task.payload, 'options', task.options, 'state', 'pending', 'attempts', 0,
            'max_attempts', task.max_attempts, 'not_before', due, 'created_at', now)
        if task.scheduled then redis.call('HSET', key, 'scheduled_for', due) end
        move(prefix, nil, 'pending')
        redis.call('ZADD', prefix .. 'created', now, task.id)
        if redis.call('RPUSH', prefix .. 'group:' .. task.group_id, task.id) == 1 then
            redis.call('ZADD', prefix .. 'due', due, task.id)
        end
    end
end
return skipped
"""
)

# ARGV: prefix, owner, lease seconds, task id ('' for the next due task). Tasks on expired
# leases are reclaimed first (pending again, with the worker that vanished).
CLAIM = (
    NOW
    + HELPERS
    + """
local prefix, owner, lease, wanted = ARGV[1], ARGV[2], tonumber(ARGV[3]), ARGV[4]
local due_key, leases_key = prefix .. 'due', prefix .. 'leases'
reclaim(prefix, now)
local id
if wanted ~= '' then
    local key = prefix .. 'task:' .. wanted
    if redis.call('HGET', key, 'state') ~= 'pending' then return false end
    local score = redis.call('ZSCORE', due_key, wanted)
    if not score then return false end
    local attempts = tonumber(redis.call('HGET', key, 'attempts'))
    if tonumber(score) > now and attempts > 0 then return false end
    id = wanted
else
    local ready = redis.call('ZRANGEBYSCORE', due_key, '-inf', now, 'LIMIT', 0, 1)
    if #ready == 0 then return false end
    id = ready[1]
end
local key = prefix .. 'task:' .. id
move(prefix, 'pending', 'running')
redis.call('ZREM', due_key, id)
redis.call('ZADD', leases_key, now + lease, id)
local attempts = redis.call('HINCRBY', key, 'attempts', 1)
redis.call('HSET', key, 'state', 'running', 'lease_owner', owner, 'worker', owner,
    'lease_expires', now + lease, 'started_at', now)
local fields = redis.call('HMGET', key, 'group_id', 'seq', 'name', 'payload', 'options',
    'max_attempts', 'takeovers', 'lost_worker')
return {id, fields[1], fields[2], fields[3], fields[4], fields[5], attempts, fields[6],
    fields[7] or 0, fields[8] or ''}
"""
)

# ARGV: prefix. Answers how many tasks were reclaimed.
RECLAIM = NOW + HELPERS + "return reclaim(ARGV[1], now)\n"

# ARGV: prefix, id, owner, outcome ('succeeded' | 'failed' | 'retry' | 'release'), error, wait,
# result ('' for none). A task whose cancellation was asked for ends cancelled, whatever the outcome.
FINISH = (
    NOW
    + HELPERS
    + """
local prefix, id, owner, outcome, error, wait = ARGV[1], ARGV[2], ARGV[3], ARGV[4], ARGV[5], tonumber(ARGV[6])
local key = prefix .. 'task:' .. id
if redis.call('HGET', key, 'state') ~= 'running' or redis.call('HGET', key, 'lease_owner') ~= owner then
    return 0
end
redis.call('ZREM', prefix .. 'leases', id)
redis.call('HDEL', key, 'lease_owner', 'lease_expires', 'lost_worker', 'lost_at')
if outcome == 'release' then redis.call('HINCRBY', key, 'attempts', -1) end
if error ~= '' then
    redis.call('HSET', key, 'error', error)
    remember(key, redis.call('HGET', key, 'attempts'), error, owner, now)
elseif outcome ~= 'release' then
    redis.call('HDEL', key, 'error')
end
if redis.call('HGET', key, 'cancel_requested') == '1' then
    close(prefix, id, key, 'cancelled', now)
    move(prefix, 'running', 'cancelled')
    return 1
end
if outcome == 'retry' or outcome == 'release' then
    local due = now + wait
    redis.call('HSET', key, 'state', 'pending', 'not_before', due)
    redis.call('ZADD', prefix .. 'due', due, id)
    move(prefix, 'running', 'pending')
    return 1
end
if ARGV[7] ~= '' then redis.call('HSET', key, 'result', ARGV[7]) end
close(prefix, id, key, outcome, now)
move(prefix, 'running', outcome)
return 1
"""
)

# ARGV: prefix, id. A pending task is closed; a running one gets cancel_requested.
CANCEL = (
    NOW
    + HELPERS
    + """
local prefix, id = ARGV[1], ARGV[2]
local key = prefix .. 'task:' .. id
local state = redis.call('HGET', key, 'state')
if state == 'running' then
    redis.call('HSET', key, 'cancel_requested', 1)
    return 1
end
if state ~= 'pending' then return 0 end
local group = prefix .. 'group:' .. redis.call('HGET', key, 'group_id')
if redis.call('LINDEX', group, 0) == id then
    redis.call('ZREM', prefix .. 'due', id)
    close(prefix, id, key, 'cancelled', now)
else  -- waiting behind an earlier task of its group: leave the group's head alone
    redis.call('LREM', group, 1, id)
    redis.call('HSET', key, 'state', 'cancelled', 'finished_at', now)
    redis.call('ZADD', prefix .. 'finished', now, id)
end
move(prefix, 'pending', 'cancelled')
return 1
"""
)

# ARGV: prefix, id. A failed or cancelled task runs again, in a group of its own.
RETRY = (
    NOW
    + HELPERS
    + """
local prefix, id = ARGV[1], ARGV[2]
local key = prefix .. 'task:' .. id
local state = redis.call('HGET', key, 'state')
if state ~= 'failed' and state ~= 'cancelled' then return 0 end
redis.call('HDEL', key, 'error', 'result', 'progress', 'started_at', 'finished_at',
    'cancel_requested', 'scheduled_for', 'errors', 'lost_worker', 'lost_at')
redis.call('HSET', key, 'state', 'pending', 'attempts', 0, 'takeovers', 0, 'not_before', now,
    'group_id', id, 'seq', 0)
redis.call('ZREM', prefix .. 'finished', id)
redis.call('DEL', prefix .. 'group:' .. id)
redis.call('RPUSH', prefix .. 'group:' .. id, id)
redis.call('ZADD', prefix .. 'due', now, id)
move(prefix, state, 'pending')
return 1
"""
)

# ARGV: prefix, id, owner, lease seconds.
EXTEND = (
    NOW
    + """
local key = ARGV[1] .. 'task:' .. ARGV[2]
if redis.call('HGET', key, 'state') ~= 'running' or redis.call('HGET', key, 'lease_owner') ~= ARGV[3] then
    return 0
end
redis.call('HSET', key, 'lease_expires', now + tonumber(ARGV[4]))
redis.call('ZADD', ARGV[1] .. 'leases', now + tonumber(ARGV[4]), ARGV[2])
return 1
"""
)

# ARGV: prefix, seconds of retention.
PRUNE = (
    NOW
    + HELPERS
    + """
local prefix = ARGV[1]
local old = redis.call('ZRANGEBYSCORE', prefix .. 'finished', '-inf', '(' .. (now - tonumber(ARGV[2])))
for _, id in ipairs(old) do
    local state = redis.call('HGET', prefix .. 'task:' .. id, 'state')
    if state then move(prefix, state, nil) end
    redis.call('DEL', prefix .. 'task:' .. id)
    redis.call('ZREM', prefix .. 'finished', id)
    redis.call('ZREM', prefix .. 'created', id)
end
return #old
"""
)
