import { foldEvents } from '../shared/decider';
import type { Actor } from '../shared/actor';
import { DomainError } from '../shared/domain-error';
import type { CatatanReviuCommand, WriteCatatanReviu } from './catatan-reviu.commands';
import { catatanReviuDecider } from './catatan-reviu.decider';
import type { CatatanReviuEvent } from './catatan-reviu.events';

const inspektorat: Actor = { userId: 'u-insp', role: 'INSPEKTORAT', subbagian: null };
const sekretaris: Actor = { userId: 'u-sek', role: 'SEKRETARIS', subbagian: null };
const kasubbag: Actor = { userId: 'u-kas', role: 'KASUBBAG', subbagian: 'KUL' };
const now = '2025-02-10T03:00:00.000Z';

function given(events: CatatanReviuEvent[]) {
  const state = foldEvents(catatanReviuDecider, events);
  return {
    when: (command: CatatanReviuCommand) => ({
      then: (expected: CatatanReviuEvent[]) => expect(catatanReviuDecider.decide(command, state)).toEqual(expected),
      thenRefused: (code: string, kind: DomainError['kind']) => {
        let error: unknown;
        try {
          catatanReviuDecider.decide(command, state);
        } catch (e) {
          error = e;
        }
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).code).toBe(code);
        expect((error as DomainError).kind).toBe(kind);
      },
    }),
  };
}

function writeCommand(overrides: Partial<WriteCatatanReviu['data']> = {}, actor = inspektorat): WriteCatatanReviu {
  return {
    type: 'WriteCatatanReviu',
    data: {
      noteId: 'n-1', satker: 'kpu-jember', category: 'TEMUAN', title: '  Bukti dukung kurang  ',
      description: 'Bukti dukung Maret tidak memuat daftar hadir.', recommendation: 'Lengkapi daftar hadir.',
      target: { kind: 'INDICATOR', year: 2024, indicatorCode: 'K1.1', month: 3 },
      ...overrides,
    },
    metadata: { actor, now },
  };
}

const written: CatatanReviuEvent = {
  type: 'CatatanReviuWritten',
  data: {
    noteId: 'n-1', satker: 'kpu-jember', category: 'TEMUAN', title: 'Bukti dukung kurang',
    description: 'Bukti dukung Maret tidak memuat daftar hadir.', recommendation: 'Lengkapi daftar hadir.',
    target: { kind: 'INDICATOR', year: 2024, indicatorCode: 'K1.1', month: 3 }, writtenBy: 'u-insp', writtenAt: now,
  },
};
const answered: CatatanReviuEvent = {
  type: 'TindakLanjutSubmitted',
  data: { noteId: 'n-1', number: 1, response: 'Daftar hadir sudah diunggah.', submittedBy: 'u-sek', submittedAt: now },
};
const closed: CatatanReviuEvent = { type: 'CatatanReviuClosed', data: { noteId: 'n-1', conclusion: 'Selesai.', closedBy: 'u-insp', closedAt: now } };

const answer = (actor: Actor, response = 'Daftar hadir sudah diunggah.'): CatatanReviuCommand =>
  ({ type: 'SubmitTindakLanjut', data: { response }, metadata: { actor, now } });
const close = (actor: Actor, conclusion = 'Selesai.'): CatatanReviuCommand =>
  ({ type: 'CloseCatatanReviu', data: { conclusion }, metadata: { actor, now } });
const reopen = (actor: Actor, reason = 'Daftar hadir tidak ditandatangani.'): CatatanReviuCommand =>
  ({ type: 'ReopenCatatanReviu', data: { reason }, metadata: { actor, now } });

describe('catatan reviu: writing', () => {
  it('the Inspektorat writes a finding on an indicator and month; text is trimmed', () => {
    given([]).when(writeCommand()).then([written]);
  });

  it('nobody but the Inspektorat writes one', () => {
    given([]).when(writeCommand({}, sekretaris)).thenRefused('CATATAN_REVIU.FORBIDDEN', 'forbidden');
    given([]).when(writeCommand({}, kasubbag)).thenRefused('CATATAN_REVIU.FORBIDDEN', 'forbidden');
  });

  it('a finding needs a recommendation; a plain note may have none', () => {
    given([]).when(writeCommand({ recommendation: ' ' })).thenRefused('CATATAN_REVIU.INVALID_TEXT', 'validation');
    given([]).when(writeCommand({ recommendation: '\u2800\u2800\u2800\u0301' })).thenRefused('CATATAN_REVIU.INVALID_TEXT', 'validation');
    const note = catatanReviuDecider.decide(writeCommand({ category: 'CATATAN', recommendation: '' }), { status: 'EMPTY' });
    expect(note[0].type).toBe('CatatanReviuWritten');
  });

  it('refuses a month outside 1–12, a report without subbagian, an unknown category', () => {
    given([]).when(writeCommand({ target: { kind: 'MONTH', year: 2024, month: 13 } })).thenRefused('CATATAN_REVIU.INVALID_TARGET', 'validation');
    given([]).when(writeCommand({ target: { kind: 'REPORT', year: 2024, month: 2, subbagian: '' } })).thenRefused('CATATAN_REVIU.INVALID_TARGET', 'validation');
    given([]).when(writeCommand({ category: 'LAIN' as never })).thenRefused('CATATAN_REVIU.INVALID_CATEGORY', 'validation');
  });

  it('the same note is not written twice', () => {
    given([written]).when(writeCommand()).thenRefused('CATATAN_REVIU.ALREADY_EXISTS', 'conflict');
  });
});

describe('catatan reviu: tindak lanjut', () => {
  it('the Sekretaris answers; answers are numbered', () => {
    given([written]).when(answer(sekretaris)).then([answered]);
    given([written, answered]).when(answer(sekretaris, 'Tambahan: notulen.')).then([{
      type: 'TindakLanjutSubmitted', data: { noteId: 'n-1', number: 2, response: 'Tambahan: notulen.', submittedBy: 'u-sek', submittedAt: now },
    }]);
  });

  it('the Inspektorat and the Kasubbag do not answer', () => {
    given([written]).when(answer(inspektorat)).thenRefused('CATATAN_REVIU.FORBIDDEN', 'forbidden');
    given([written]).when(answer(kasubbag)).thenRefused('CATATAN_REVIU.FORBIDDEN', 'forbidden');
  });

  it('an unknown note cannot be answered, a closed one neither', () => {
    given([]).when(answer(sekretaris)).thenRefused('CATATAN_REVIU.NOT_FOUND', 'not_found');
    given([written, answered, closed]).when(answer(sekretaris)).thenRefused('CATATAN_REVIU.CLOSED', 'conflict');
  });
});

describe('catatan reviu: closing and reopening', () => {
  it('a finding closes only after a tindak lanjut', () => {
    given([written]).when(close(inspektorat)).thenRefused('CATATAN_REVIU.AWAITING_TINDAK_LANJUT', 'conflict');
    given([written, answered]).when(close(inspektorat)).then([closed]);
  });

  it('a plain note may be closed without an answer', () => {
    const note = { ...written, data: { ...written.data, category: 'CATATAN' as const } } as CatatanReviuEvent;
    given([note]).when(close(inspektorat)).then([closed]);
  });

  it('only the Inspektorat closes or reopens', () => {
    given([written, answered]).when(close(sekretaris)).thenRefused('CATATAN_REVIU.FORBIDDEN', 'forbidden');
    given([written, answered, closed]).when(reopen(sekretaris)).thenRefused('CATATAN_REVIU.FORBIDDEN', 'forbidden');
  });

  it('reopening needs a reason and a closed note; the note then awaits a new answer', () => {
    given([written, answered]).when(reopen(inspektorat)).thenRefused('CATATAN_REVIU.NOT_CLOSED', 'conflict');
    given([written, answered, closed]).when(reopen(inspektorat, '')).thenRefused('CATATAN_REVIU.INVALID_TEXT', 'validation');
    given([written, answered, closed]).when(reopen(inspektorat, '\u3164\u3164\u3164')).thenRefused('CATATAN_REVIU.INVALID_TEXT', 'validation');
    const reopened: CatatanReviuEvent = {
      type: 'CatatanReviuReopened', data: { noteId: 'n-1', reason: 'Daftar hadir tidak ditandatangani.', reopenedBy: 'u-insp', reopenedAt: now },
    };
    given([written, answered, closed]).when(reopen(inspektorat)).then([reopened]);
    given([written, answered, closed, reopened]).when(close(inspektorat)).thenRefused('CATATAN_REVIU.AWAITING_TINDAK_LANJUT', 'conflict');
    given([written, answered, closed, reopened]).when(answer(sekretaris)).then([{
      type: 'TindakLanjutSubmitted', data: { noteId: 'n-1', number: 2, response: 'Daftar hadir sudah diunggah.', submittedBy: 'u-sek', submittedAt: now },
    }]);
  });

  it('a closed note is not closed twice', () => {
    given([written, answered, closed]).when(close(inspektorat)).thenRefused('CATATAN_REVIU.ALREADY_CLOSED', 'conflict');
  });
});
