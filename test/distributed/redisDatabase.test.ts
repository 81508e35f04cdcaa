import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRedis, type TestRedis } from './redisServer.ts';
import { checkRedis } from '../../sim/engine/distributed/checkRedis.ts';
import { parseQueueAddress } from '../../sim/engine/distributed/queueAddress.ts';
import { InputError } from '../../sim/engine/inputError.ts';

let redis: TestRedis;
beforeAll(async () => {
  redis = await startRedis();
});
afterAll(async () => redis?.stop());

describe('a queue address whose database the server does not have', () => {
  it('is refused as bad input instead of falling back to database 0', async () => {
    const err = await checkRedis(parseQueueAddress(`redis://127.0.0.1:${redis.port}/99`)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).problems[0]).toMatch(/has no database 99 \(DB index is out of range\)/);
    await expect(checkRedis(parseQueueAddress(`redis://127.0.0.1:${redis.port}/3`))).resolves.toBeUndefined();
  });
});
