import { createRootLogger } from '@kinerja/platform';
import { createMailer, LogOnlyMailer, SmtpMailer } from './mailer';
import { InProcessSmtp, startInProcessSmtp } from './in-process-smtp.testing';

describe('e-mail over SMTP', () => {
  let smtp: InProcessSmtp;
  beforeAll(async () => {
    smtp = await startInProcessSmtp();
  });
  afterAll(() => smtp.close());

  it('delivers the message with its Message-ID, subject and text in Bahasa Indonesia', async () => {
    const mailer = createMailer({ SMTP_URL: smtp.url, MAIL_FROM: 'Kinerja <no-reply@kinerja.test>' }, createRootLogger({ level: 'silent', format: 'json' }));
    expect(mailer).toBeInstanceOf(SmtpMailer);
    await mailer.send({
      to: 'Kasubbag.KUL@kpu.test',
      subject: 'Pengingat: laporan realisasi Januari 2025 belum dikirim — KPU Kabupaten Jember',
      text: 'Indikator yang masih kosong:\n  - K1.1 Layanan Perkantoran',
      messageId: '<abc123@reminder.kinerja>',
    });
    await mailer.close();
    expect(smtp.received).toEqual([{
      to: ['kasubbag.kul@kpu.test'],
      messageId: '<abc123@reminder.kinerja>',
      subject: 'Pengingat: laporan realisasi Januari 2025 belum dikirim — KPU Kabupaten Jember',
      text: 'Indikator yang masih kosong:\n  - K1.1 Layanan Perkantoran',
      autoSubmitted: 'auto-generated',
    }]);
  });

  it('rejects when no server answers, so the outbox keeps the message', async () => {
    const mailer = new SmtpMailer('smtp://127.0.0.1:1', 'x@kinerja.test');
    await expect(mailer.send({ to: 'a@b.test', subject: 's', text: 't', messageId: '<m@k>' })).rejects.toThrow();
    await mailer.close();
  });

  it('without SMTP_URL only logs', () => {
    expect(createMailer({ MAIL_FROM: 'x@kinerja.test' }, createRootLogger({ level: 'silent', format: 'json' }))).toBeInstanceOf(LogOnlyMailer);
  });
});
