import type { Command } from '../shared/decider';
import type { PkStructure } from './pk-structure.types';

/**
 * `subbagianCodes` is the office's list of subbagian at the time of the command, given by the
 * handler: every indicator's PIC must be one of them.
 */
export type DraftPk = Command<'DraftPk', { satker: string; year: number; structure: PkStructure; subbagianCodes: string[] }>;
export type ChangePkIndicators = Command<'ChangePkIndicators', { structure: PkStructure; subbagianCodes: string[] }>;
/**
 * `subbagianCodes`, when given, is the office's list of active subbagian now: a version whose PIC was
 * deactivated since it was drafted is neither submitted nor approved.
 */
export type SubmitPk = Command<'SubmitPk', { subbagianCodes?: string[] }>;
export type ApprovePk = Command<'ApprovePk', { subbagianCodes?: string[] }>;
export type ReturnPk = Command<'ReturnPk', { reason: string }>;
/**
 * `yearEnded`, when the handler says so: the year is over in the office's calendar. A PK Perubahan
 * changes what is measured from the month it is approved in; after the year there is no such month.
 */
export type OpenPkRevision = Command<'OpenPkRevision', { reason: string; yearEnded?: boolean }>;

/**
 * Drops a PK Perubahan opened by mistake while it is a draft (also after a return), not while
 * submitted; the version in force stays. `reason` is optional; given, it follows the workflow rule.
 */
export type WithdrawPkRevision = Command<'WithdrawPkRevision', { reason?: string | null }>;

export type PkCommand = DraftPk | ChangePkIndicators | SubmitPk | ApprovePk | ReturnPk | OpenPkRevision | WithdrawPkRevision;
export type PkCommandType = PkCommand['type'];
