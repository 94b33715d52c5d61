/**
 * One failure, atomically: the failure that reaches the limit drops the count and sets the lock,
 * as an account's count goes back to zero when it locks, and notes the address in the name's list
 * of locked addresses (a sorted set by lock end, so that an ADMIN's view and unlock find the name's
 * pair locks without a scan of Redis). The count lives for the lock window since its last failure,
 * the lock and the list until the lock's end: nothing is left in Redis for longer than that.
 * KEYS: count, lock, locked addresses. ARGV: max failures, the lock's value, lock window (ms),
 * address, lock end (ms), now (ms). Answers 1 when it locked.
 */
export const RECORD_FAILURE = `
local failures = redis.call('INCR', KEYS[1])
if failures >= tonumber(ARGV[1]) then
  redis.call('DEL', KEYS[1])
  redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
  redis.call('ZADD', KEYS[3], ARGV[5], ARGV[4])
  redis.call('ZREMRANGEBYSCORE', KEYS[3], '-inf', ARGV[6])
  redis.call('PEXPIRE', KEYS[3], ARGV[3])
  return 1
end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 0
`;

/**
 * One failure of a name that matches no account, remembered as an account's is (lockout.policy):
 * the count goes on over lock windows and is forgotten when the memory has passed since the last
 * failure (by the API's clock, as the users row is; the key's TTL only bounds what Redis keeps).
 * KEYS: count (a hash). ARGV: now (ms), memory (ms). Answers the consecutive failures.
 */
export const RECORD_REMEMBERED_FAILURE = `
local n = tonumber(redis.call('HGET', KEYS[1], 'n') or '0')
local at = tonumber(redis.call('HGET', KEYS[1], 'at') or '0')
if tonumber(ARGV[1]) - at >= tonumber(ARGV[2]) then n = 0 end
n = n + 1
redis.call('HSET', KEYS[1], 'n', n, 'at', ARGV[1])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return n
`;
