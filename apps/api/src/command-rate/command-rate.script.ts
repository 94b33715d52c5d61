import { createHash } from 'node:crypto';

/**
 * One command of one account against its limit, atomically: the generic cell rate algorithm
 * (GCRA, as redis-cell and most API gateways use it). The key holds the account's theoretical
 * arrival time (TAT, ms): every admitted command moves it one interval on; a command is admitted
 * while the TAT stays within `burst` intervals of now. A refused command changes nothing. Time is
 * Redis's own (TIME), the same for every API replica whatever their clocks. The key lives only as
 * long as it still limits anything (at most `burst` intervals).
 * KEYS: the account's key. ARGV: interval (ms, may be fractional), burst.
 * Answers 0 when admitted, else the milliseconds (at least 1) until the next command would be.
 */
export const TAKE_COMMAND = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + tonumber(time[2]) / 1000
local interval = tonumber(ARGV[1])
local tat = tonumber(redis.call('GET', KEYS[1]) or '0')
if tat < now then tat = now end
local nextTat = tat + interval
local wait = nextTat - interval * tonumber(ARGV[2]) - now
if wait > 0 then return math.ceil(wait) end
redis.call('SET', KEYS[1], string.format('%.3f', nextTat), 'PX', math.max(1, math.ceil(nextTat - now)))
return 0
`;

/** What EVALSHA names the script by; Redis loads it by EVAL the first time it does not know it. */
export const TAKE_COMMAND_SHA = createHash('sha1').update(TAKE_COMMAND).digest('hex');
