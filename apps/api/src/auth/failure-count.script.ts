/**
 * One failure, atomically: the failure that reaches the limit drops the count and sets the lock,
 * as an account's count goes back to zero when it locks. The count lives for the lock window since
 * its last failure, the lock until its end: nothing is left in Redis for longer than that.
 * KEYS: count, lock. ARGV: max failures, the lock's value, lock window (ms). Answers 1 when it locked.
 */
export const RECORD_FAILURE = `
local failures = redis.call('INCR', KEYS[1])
if failures >= tonumber(ARGV[1]) then
  redis.call('DEL', KEYS[1])
  redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
  return 1
end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
return 0
`;
