import { Module } from '@nestjs/common';
import { LkjModule, QueueRuntimeModule } from '@kinerja/jobs';
import { CapaianTahunLaluController } from '../capaian-tahun-lalu/capaian-tahun-lalu.controller';
import { CsvUploadInterceptor } from '../capaian-tahun-lalu/csv-upload.interceptor';
import { LkjController } from './lkj.controller';

/** The LKj and last year's capaian over HTTP (jobs are enqueued; the worker produces). */
@Module({
  imports: [QueueRuntimeModule.forRoot({ workers: false }), LkjModule.forApi()],
  controllers: [LkjController, CapaianTahunLaluController],
  providers: [CsvUploadInterceptor],
})
export class LkjHttpModule {}
