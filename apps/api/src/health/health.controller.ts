import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Response } from 'express';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { REDIS, RUNTIME, Runtime } from '@kinerja/platform';
import { Public } from '../http/public.decorator';

interface Probe {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}

async function probe(check: () => Promise<unknown>): Promise<Probe> {
  const started = process.hrtime.bigint();
  const latency = () => Number((process.hrtime.bigint() - started) / 1000n) / 1000;
  try {
    await Promise.race([check(), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
    return { status: 'up', latencyMs: latency() };
  } catch (error) {
    return { status: 'down', latencyMs: latency(), error: (error as Error).message };
  }
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(RUNTIME) private readonly runtime: Pick<Runtime, 'embeddedDatabase'>,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'Liveness and readiness: the database and Redis' })
  async health(@Res({ passthrough: true }) res: Response) {
    const [database, redis] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.redis.ping()),
    ]);
    const up = database.status === 'up' && redis.status === 'up';
    res.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE);
    return {
      status: up ? 'ok' : 'degraded',
      database: { ...database, embedded: this.runtime.embeddedDatabase },
      redis,
    };
  }
}
