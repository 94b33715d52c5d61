import { Candidate, NoticeFacts, Person, recipientNow, replacementOf, STAND_IN_WITHIN_MS } from './send-time-recipient';

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

  it('given a PK submission whose reviewer left, then nobody stands in: the others who may approve it have it', () => {
    const submitted = notice({ kind: 'PK_SUBMITTED', audience: { role: 'PK_REVIEWERS' }, deliveredAs: 'PK_REVIEWERS' });
    expect(replacementOf(submitted, why, [], soon)).toEqual({ kind: 'skip', reason: 'Tidak dikirim: akun Siti sudah dinonaktifkan; pemberitahuan ini tidak memiliki aturan pengganti.' });
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

  it('given nobody of the chain active, then every role is named', () => {
    expect(replacementOf(notice(), why, [], soon)).toEqual({
      kind: 'skip', reason: 'Tidak dikirim: akun Siti sudah dinonaktifkan, dan tidak ada Sekretaris maupun Ketua aktif yang dapat menggantikannya.',
    });
  });
});
