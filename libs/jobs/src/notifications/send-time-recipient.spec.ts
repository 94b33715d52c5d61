import { officeHead } from '../reminders/messages/office-head';
import { Candidate, NoticeFacts, Person, recipientNow, replacementOf, reroutedBody, STAND_IN_WITHIN_MS } from './send-time-recipient';

const dueAt = new Date('2025-05-10T01:00:00Z');
const notice = (over: Partial<NoticeFacts> = {}): NoticeFacts => ({
  kind: 'CATATAN_REVIU_WRITTEN', satker: 'kpu-jember', audience: { role: 'SEKRETARIS' }, deliveredAs: 'SEKRETARIS', dueAt, ...over,
});
const person = (over: Partial<Person> = {}): Person => ({
  userId: 'u-1', fullName: 'Siti', email: 'siti@kpu.test', role: 'SEKRETARIS', subbagian: null, satker: 'kpu-jember', active: true, ...over,
});
const candidate = (over: Partial<Candidate>): Candidate => ({ ...person(over), received: false, ...over });
const soon = new Date(dueAt.getTime() + 60_000);

describe('who an e-mail goes to at the moment it is sent', () => {
  it('given its recipient still active in the role, then it goes to their address as it is now', () => {
    expect(recipientNow(person({ email: 'siti.baru@kpu.test' }), 'kpu-jember', notice())).toEqual({ kind: 'send', to: 'siti.baru@kpu.test' });
  });

  it('given a recipient whose address was removed, then it is skipped with that reason', () => {
    expect(recipientNow(person({ email: null }), 'kpu-jember', notice())).toEqual({ kind: 'skip', reason: 'Tidak dikirim: Siti tidak lagi memiliki alamat e-mail.' });
  });

  it('given a deactivated recipient, or one now in another role or subbagian, then someone must replace them', () => {
    expect(recipientNow(person({ active: false }), 'kpu-jember', notice())).toEqual({ kind: 'replace', why: 'akun Siti sudah dinonaktifkan' });
    expect(recipientNow(person({ role: 'KETUA' }), 'kpu-jember', notice())).toEqual({ kind: 'replace', why: 'Siti bukan lagi Sekretaris' });
    const kul = notice({ kind: 'BEFORE_DEADLINE', audience: { role: 'KASUBBAG', subbagian: 'KUL' }, deliveredAs: 'KASUBBAG' });
    expect(recipientNow(person({ role: 'KASUBBAG', subbagian: 'TPH' }), 'kpu-jember', kul)).toEqual({ kind: 'replace', why: 'Siti bukan lagi Kasubbag KUL' });
  });

  it('given a notice for a group that is not a role, then an active recipient keeps it', () => {
    expect(recipientNow(person(), 'kpu-jember', notice({ audience: { role: 'PK_REVIEWERS' }, deliveredAs: 'PK_REVIEWERS' }))).toEqual({ kind: 'send', to: 'siti@kpu.test' });
  });

  it('given a member of a group now in another role or office, then someone must replace them', () => {
    const lkj = notice({ kind: 'LKJ_PRODUCED', audience: { role: 'PIMPINAN' }, deliveredAs: 'PIMPINAN' });
    expect(recipientNow(person({ role: 'KASUBBAG', subbagian: 'KUL' }), 'kpu-jember', lkj)).toEqual({ kind: 'replace', why: 'Siti bukan lagi Ketua atau Sekretaris' });
    expect(recipientNow(person({ satker: 'kpu-banyuwangi' }), 'kpu-jember', lkj)).toEqual({ kind: 'replace', why: 'Siti sudah dipindahkan ke satker lain' });
    expect(recipientNow(person({ role: 'KETUA' }), 'kpu-jember', lkj)).toEqual({ kind: 'send', to: 'siti@kpu.test' });
    const alert = notice({ kind: 'INTEGRITY_ALERT', audience: { role: 'INTEGRITY_WATCHERS', satker: 'kpu-jember', above: ['kpu-jatim'] }, deliveredAs: 'INTEGRITY_WATCHERS' });
    expect(recipientNow(person({ role: 'ADMIN' }), 'kpu-jember', alert)).toEqual({ kind: 'send', to: 'siti@kpu.test' });
    expect(recipientNow(person({ role: 'SEKRETARIS' }), 'kpu-jember', alert)).toEqual({ kind: 'replace', why: 'Siti bukan lagi Inspektorat atau Administrator' });
    // The province's ADMIN is no watcher of a kabupaten's alert: only its Inspektorat.
    expect(recipientNow(person({ role: 'ADMIN', satker: 'kpu-jatim' }), 'kpu-jatim', alert)).toEqual({ kind: 'replace', why: 'Siti bukan lagi Inspektorat' });
  });
});

describe('who replaces a recipient who no longer receives the notice', () => {
  const why = 'akun Siti sudah dinonaktifkan';

  it('given the Sekretaris who submitted a PK deactivated before its approval was sent, then the other Sekretaris receives it, and without one the Ketua', () => {
    const approved = notice({ kind: 'PK_APPROVED', audience: { role: 'PK_SUBMITTER' }, deliveredAs: 'PK_SUBMITTER' });
    const other = candidate({ userId: 's2', fullName: 'Rina', role: 'SEKRETARIS', email: 'rina@kpu.test' });
    const ketua = candidate({ userId: 'k', fullName: 'Ali', role: 'KETUA', email: 'ali@kpu.test' });
    expect(replacementOf(approved, why, [ketua, other], soon)).toMatchObject({ kind: 'reroute', role: 'SEKRETARIS', to: [other] });
    expect(replacementOf(approved, why, [ketua], soon)).toMatchObject({ kind: 'reroute', role: 'KETUA', to: [ketua] });
  });


  it('given a Sekretaris\'s approval digest whose recipient left, then a Sekretaris given no copy of it (all its reports are theirs, or appointed since) never takes it: the Ketua does', () => {
    const digest = notice({ kind: 'APPROVAL_DIGEST', audience: { role: 'SEKRETARIS' }, deliveredAs: 'SEKRETARIS' });
    const eko = candidate({ userId: 'e', fullName: 'Eko', role: 'SEKRETARIS', email: 'eko@kpu.test' });
    const ketua = candidate({ userId: 'k', fullName: 'Ali', role: 'KETUA', email: 'ali@kpu.test' });
    expect(replacementOf(digest, why, [eko, ketua], soon)).toMatchObject({ kind: 'reroute', role: 'KETUA', to: [ketua] });
    expect(replacementOf(digest, why, [eko], soon)).toMatchObject({ kind: 'skip' });
    // One who has a copy of their own already is not sent it twice; nor is the Ketua then.
    expect(replacementOf(digest, why, [{ ...eko, received: true }, ketua], soon))
      .toEqual({ kind: 'skip', reason: 'Tidak dikirim: akun Siti sudah dinonaktifkan; pemberitahuan ini sudah diterima Eko (Sekretaris).' });
  });

  it('given the Ketua\'s own copy of a Sekretaris\'s digest, then the Ketua who received it as Ketua keeps it', () => {
    const ketuaCopy = notice({ kind: 'APPROVAL_DIGEST', audience: { role: 'SEKRETARIS' }, deliveredAs: 'KETUA' });
    expect(recipientNow(person({ role: 'KETUA', email: 'ali@kpu.test' }), 'kpu-jember', ketuaCopy)).toEqual({ kind: 'send', to: 'ali@kpu.test' });
  });

  it('given no other Sekretaris, then the Ketua receives the Sekretaris notice', () => {
    const ketua = candidate({ userId: 'k', fullName: 'Ali', role: 'KETUA', email: 'ali@kpu.test' });
    expect(replacementOf(notice(), why, [ketua], soon)).toEqual({
      kind: 'reroute', role: 'KETUA', to: [ketua], reason: 'Dialihkan: akun Siti sudah dinonaktifkan; dikirim kepada Ali (Ketua) sebagai pengganti.',
    });
  });

  it('given another Sekretaris who received it, then it is not sent again', () => {
    const plh = candidate({ userId: 'p', fullName: 'Plh', received: true });
    const ketua = candidate({ userId: 'k', fullName: 'Ali', role: 'KETUA' });
    expect(replacementOf(notice(), why, [plh, ketua], soon)).toEqual({
      kind: 'skip', reason: 'Tidak dikirim: akun Siti sudah dinonaktifkan; pemberitahuan ini sudah diterima Plh (Sekretaris).',
    });
  });

  it('given a Sekretaris appointed since, then the new one receives it', () => {
    const baru = candidate({ userId: 'b', fullName: 'Baru', email: 'baru@kpu.test' });
    expect(replacementOf(notice(), why, [baru], soon)).toMatchObject({ kind: 'reroute', role: 'SEKRETARIS', to: [baru] });
  });

  it('given a notice older than a day, then it goes to nobody', () => {
    const ketua = candidate({ userId: 'k', fullName: 'Ali', role: 'KETUA' });
    expect(replacementOf(notice(), why, [ketua], new Date(dueAt.getTime() + STAND_IN_WITHIN_MS + 1))).toEqual({
      kind: 'skip', reason: 'Tidak dikirim: akun Siti sudah dinonaktifkan, dan pemberitahuan ini sudah lebih dari 24 jam sehingga tidak dialihkan kepada pengganti.',
    });
  });

  it('given a Kasubbag dispensasi announcement, then no Sekretaris stands in, and the reason says their own announcement lists it', () => {
    const kul = notice({ kind: 'DEADLINE_EXTENDED', audience: { role: 'KASUBBAG', subbagian: 'KUL' }, deliveredAs: 'KASUBBAG' });
    const sekretaris = candidate({ userId: 's', fullName: 'Rina', role: 'SEKRETARIS', email: 'rina@kpu.test' });
    const ketua = candidate({ userId: 'k', fullName: 'Ali', role: 'KETUA', email: 'ali@kpu.test' });
    const skipped = {
      kind: 'skip',
      reason: 'Tidak dikirim: akun Siti sudah dinonaktifkan, dan tidak ada Kasubbag KUL aktif lain; pengumuman dispensasi kepada Kasubbag tidak dialihkan '
        + 'karena Sekretaris sudah menerima pengumuman dispensasi ini sendiri.',
    };
    expect(replacementOf(kul, why, [sekretaris, ketua], soon)).toEqual(skipped);
    expect(replacementOf(kul, why, [], soon)).toEqual(skipped);
  });

  it('given a Kasubbag dispensasi announcement and a Kasubbag of the subbagian appointed since, then the new one receives it', () => {
    const kul = notice({ kind: 'DEADLINE_EXTENDED', audience: { role: 'KASUBBAG', subbagian: 'KUL' }, deliveredAs: 'KASUBBAG' });
    const baru = candidate({ userId: 'kb', fullName: 'Budi', role: 'KASUBBAG', subbagian: 'KUL', email: 'budi@kpu.test' });
    expect(replacementOf(kul, why, [baru], soon)).toMatchObject({ kind: 'reroute', role: 'KASUBBAG', to: [baru] });
  });

  it('given a PK reviewer who left and a Sekretaris appointed since, then the new one receives it, never its submitter', () => {
    const submitted = notice({ kind: 'PK_SUBMITTED', audience: { role: 'PK_REVIEWERS', submittedBy: 'u-sub' }, deliveredAs: 'PK_REVIEWERS' });
    const submitter = candidate({ userId: 'u-sub', fullName: 'Sub', email: 'sub@kpu.test' });
    const ketua = candidate({ userId: 'k', fullName: 'Ali', role: 'KETUA', received: true });
    const baru = candidate({ userId: 'b', fullName: 'Baru', email: 'baru@kpu.test' });
    expect(replacementOf(submitted, why, [submitter, ketua, baru], soon, 'kpu-jember')).toEqual({
      kind: 'reroute', role: 'SEKRETARIS', to: [baru], reason: 'Dialihkan: akun Siti sudah dinonaktifkan; dikirim kepada Baru (Sekretaris) sebagai pengganti.',
    });
    expect(replacementOf(submitted, why, [submitter, ketua], soon, 'kpu-jember')).toEqual({
      kind: 'skip', reason: 'Tidak dikirim: akun Siti sudah dinonaktifkan; tidak ada Sekretaris aktif lain, dan pemberitahuan ini sudah diterima Ali (Ketua).',
    });
  });

  it('given a PK reviewer who left and another Sekretaris who has it, then nobody is sent it again', () => {
    const submitted = notice({ kind: 'PK_SUBMITTED', audience: { role: 'PK_REVIEWERS', submittedBy: 'u-sub' }, deliveredAs: 'PK_REVIEWERS' });
    const plh = candidate({ userId: 'p', fullName: 'Plh', received: true });
    const baru = candidate({ userId: 'b', fullName: 'Baru', email: 'baru@kpu.test' });
    const ketua = candidate({ userId: 'k', fullName: 'Ali', role: 'KETUA', received: true });
    expect(replacementOf(submitted, why, [plh, baru, ketua], soon, 'kpu-jember')).toEqual({
      kind: 'skip', reason: 'Tidak dikirim: akun Siti sudah dinonaktifkan; pemberitahuan ini sudah diterima Ali (Ketua) dan Plh (Sekretaris).',
    });
  });

  it('given a PK submission recorded before its submitter was kept, then only a Ketua takes a reviewer\'s place', () => {
    const legacy = notice({ kind: 'PK_SUBMITTED', audience: { role: 'PK_REVIEWERS' }, deliveredAs: 'PK_REVIEWERS' });
    const sekretaris = candidate({ userId: 's', fullName: 'Rina', email: 'rina@kpu.test' });
    const ketua = candidate({ userId: 'k', fullName: 'Ali', role: 'KETUA', email: 'ali@kpu.test' });
    expect(replacementOf(legacy, why, [sekretaris, ketua], soon, 'kpu-jember')).toMatchObject({ kind: 'reroute', role: 'KETUA', to: [ketua] });
    expect(replacementOf(legacy, why, [sekretaris], soon, 'kpu-jember')).toEqual({
      kind: 'skip', reason: 'Tidak dikirim: akun Siti sudah dinonaktifkan, dan tidak ada Ketua aktif yang dapat menggantikannya.',
    });
  });

  it('given the office\'s pimpinan all gone since an LKj was told, then whoever holds each role now receives it, each once', () => {
    const lkj = notice({ kind: 'LKJ_PRODUCED', audience: { role: 'PIMPINAN' }, deliveredAs: 'PIMPINAN' });
    const ketua = candidate({ userId: 'k', fullName: 'Budi', role: 'KETUA', email: 'budi@kpu.test' });
    const baru = candidate({ userId: 'b', fullName: 'Baru', email: 'baru@kpu.test' });
    expect(replacementOf(lkj, why, [ketua, baru], soon, 'kpu-jember')).toEqual({
      kind: 'reroute', role: 'KETUA', to: [ketua, baru], reason: 'Dialihkan: akun Siti sudah dinonaktifkan; dikirim kepada Budi (Ketua) dan Baru (Sekretaris) sebagai pengganti.',
    });
    expect(replacementOf(lkj, why, [], soon, 'kpu-jember')).toEqual({
      kind: 'skip', reason: 'Tidak dikirim: akun Siti sudah dinonaktifkan, dan tidak ada Ketua maupun Sekretaris aktif yang dapat menggantikannya.',
    });
  });

  it('given an Inspektorat of the office above an alert\'s who left, then another Inspektorat of that office receives it, never an ADMIN there', () => {
    const alert = notice({ kind: 'INTEGRITY_ALERT', audience: { role: 'INTEGRITY_WATCHERS', satker: 'kpu-jember', above: ['kpu-jatim'] }, deliveredAs: 'INTEGRITY_WATCHERS' });
    const admin = candidate({ userId: 'a', fullName: 'Admin Jatim', role: 'ADMIN', satker: 'kpu-jatim', email: 'admin@kpu.test' });
    const other = candidate({ userId: 'i', fullName: 'Irma', role: 'INSPEKTORAT', satker: 'kpu-jatim', email: 'irma@kpu.test' });
    expect(replacementOf(alert, why, [admin, other], soon, 'kpu-jatim')).toMatchObject({ kind: 'reroute', role: 'INSPEKTORAT', to: [other] });
    expect(replacementOf(alert, why, [admin], soon, 'kpu-jatim')).toEqual({
      kind: 'skip', reason: 'Tidak dikirim: akun Siti sudah dinonaktifkan, dan tidak ada Inspektorat aktif yang dapat menggantikannya.',
    });
    const adminJember = candidate({ userId: 'aj', fullName: 'Admin Jember', role: 'ADMIN', email: 'aj@kpu.test' });
    expect(replacementOf(alert, why, [adminJember], soon, 'kpu-jember')).toMatchObject({ kind: 'reroute', role: 'ADMIN', to: [adminJember] });
  });

  it('given nobody of the chain active, then every role is named', () => {
    expect(replacementOf(notice(), why, [], soon)).toEqual({
      kind: 'skip', reason: 'Tidak dikirim: akun Siti sudah dinonaktifkan, dan tidak ada Sekretaris maupun Ketua aktif yang dapat menggantikannya.',
    });
  });
});

/** At an office that is not KPU the head, standing in at send time, is named by its own title (`officeHead`), never "Ketua". */
describe('a notice re-routed at send time at an office that is not KPU', () => {
  const why = 'akun Yohanes sudah dinonaktifkan';
  const dinkes = (head: string) => notice({ satker: 'dinkes-kab-kupang', head });
  const kepala = candidate({ userId: 'm', fullName: 'dr. Maria Goreti Tefa, M.Kes', role: 'KETUA', satker: 'dinkes-kab-kupang', email: 'maria@dinkes.test' });

  it('given no other Sekretaris, then the head receives it, told in the e-mail by its title; without a title, as "Pimpinan"', () => {
    const titled = dinkes(officeHead({ institutionKind: 'LAINNYA', headTitle: 'Kepala Dinas Kesehatan Kabupaten Kupang' }));
    expect(replacementOf(titled, why, [kepala], soon)).toEqual({
      kind: 'reroute', role: 'KETUA', to: [kepala],
      reason: 'Dialihkan: akun Yohanes sudah dinonaktifkan; dikirim kepada dr. Maria Goreti Tefa, M.Kes (Kepala Dinas Kesehatan Kabupaten Kupang) sebagai pengganti.',
    });
    expect(reroutedBody('Yth. Sekretaris,', 'Yohanes Bria', why, 'KETUA', titled)).toBe(
      'Pemberitahuan ini semula ditujukan kepada Yohanes Bria, tetapi akun Yohanes sudah dinonaktifkan; karena itu dikirimkan kepada Anda sebagai '
        + 'Kepala Dinas Kesehatan Kabupaten Kupang.\n\nYth. Sekretaris,',
    );
    const untitled = dinkes(officeHead({ institutionKind: 'LAINNYA', headTitle: null }));
    expect(reroutedBody('…', 'Yohanes Bria', why, 'KETUA', untitled)).toContain('dikirimkan kepada Anda sebagai Pimpinan.');
    expect(recipientNow(person({ role: 'KASUBBAG', satker: 'dinkes-kab-kupang' }), 'dinkes-kab-kupang', { ...untitled, kind: 'LKJ_PRODUCED', audience: { role: 'PIMPINAN' }, deliveredAs: 'PIMPINAN' }))
      .toEqual({ kind: 'replace', why: 'Siti bukan lagi Pimpinan atau Sekretaris' });
    // A KPU office's head stays the Ketua.
    expect(reroutedBody('…', 'Siti', 'akun Siti sudah dinonaktifkan', 'KETUA', notice({ head: officeHead(null) }))).toContain('dikirimkan kepada Anda sebagai Ketua.');
  });
});
