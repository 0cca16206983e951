/**
 * What can go wrong with storage, as codes the app can act on and plain
 * sentences in French and English the user may read; the only error the
 * store ever rejects with is a StoreError carrying such a sentence.
 */
import type { Localized } from '../engine/types';

/** Reported through onProblem(code, detail). */
export type ProblemCode =
  /** No IndexedDB (private mode, blocked by the browser, newer data): the store works in memory only. */
  | 'unavailable'
  /** The device is full: what was saved stays, new events wait in memory. */
  | 'quota'
  /** Another tab keeps an older version of the database open: opening waits for it to close. */
  | 'blocked'
  /** Another tab is upgrading or deleting the database: this tab let go of it. */
  | 'versionchange'
  /** The browser closed the database on its own (storage cleared, disk error). */
  | 'closed'
  /** Some records could not be read and were left out. */
  | 'unreadable'
  /** A write failed for another reason: nothing was changed. */
  | 'write-failed'
  /** Events arrived for an attempt that no longer exists or is finished: they were dropped. */
  | 'discarded';

export interface ProblemDetail {
  message: Localized;
  /** Record ids concerned (unreadable records, attempts with unsaved events…). */
  ids?: string[];
  /** How many events are still only in memory. */
  pending?: number;
}

export type OnProblem = (code: ProblemCode, detail: ProblemDetail) => void;

export type StoreErrorCode = 'not-found' | 'invalid' | 'quota' | 'versionchange' | 'closed' | 'failed';

/** The store's only rejection: a code and a sentence for the user. */
export class StoreError extends Error {
  override readonly name = 'StoreError';
  constructor(
    readonly code: StoreErrorCode,
    readonly text: Localized,
    options?: { cause?: unknown },
  ) {
    super(text.en, options);
  }
}

export const say = (en: string, fr: string): Localized => ({ en, fr });

export function problemMessage(code: ProblemCode, pending = 0): Localized {
  const unsaved = pending
    ? say(` ${pending} recent action(s) are kept in this page only: export a backup before closing it.`, ` ${pending} action(s) récente(s) ne sont gardées que dans cette page : exportez une sauvegarde avant de la fermer.`)
    : say('', '');
  switch (code) {
    case 'unavailable':
      return say(
        'This browser does not let the app save on this device (private browsing?). You can train, but nothing will be kept after closing the page unless you export a backup.',
        "Ce navigateur ne permet pas à l'application d'enregistrer sur cet appareil (navigation privée ?). Vous pouvez vous entraîner, mais rien ne sera gardé après la fermeture de la page sauf si vous exportez une sauvegarde.",
      );
    case 'quota':
      return say(
        `The device is full: your earlier work is safe, but the latest actions could not be saved.${unsaved.en}`,
        `L'appareil est plein : votre travail précédent est en sécurité, mais les dernières actions n'ont pas pu être enregistrées.${unsaved.fr}`,
      );
    case 'blocked':
      return say(
        'The app is open in another tab with an older version. Close that tab to continue.',
        "L'application est ouverte dans un autre onglet avec une version plus ancienne. Fermez cet onglet pour continuer.",
      );
    case 'versionchange':
      return say(
        `A newer version of the app was opened in another tab. Reload this page to keep working.${unsaved.en}`,
        `Une version plus récente de l'application a été ouverte dans un autre onglet. Rechargez cette page pour continuer.${unsaved.fr}`,
      );
    case 'closed':
      return say(
        `The browser closed the app's storage. Reload this page to keep working.${unsaved.en}`,
        `Le navigateur a fermé le stockage de l'application. Rechargez cette page pour continuer.${unsaved.fr}`,
      );
    case 'unreadable':
      return say(
        'Some saved records are damaged and were left out; the others are shown.',
        'Certains enregistrements sont abîmés et ont été laissés de côté ; les autres sont affichés.',
      );
    case 'write-failed':
      return say(
        `The device refused to save; nothing was changed.${unsaved.en}`,
        `L'appareil a refusé d'enregistrer ; rien n'a été modifié.${unsaved.fr}`,
      );
    case 'discarded':
      return say(
        'Some actions belonged to an attempt that is finished or deleted; they were not saved.',
        "Des actions appartenaient à une tentative terminée ou supprimée ; elles n'ont pas été enregistrées.",
      );
  }
}

export function isQuotaError(e: unknown): boolean {
  if (!e || typeof e !== 'object') return false;
  const { name, code } = e as { name?: unknown; code?: unknown };
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22;
}

export const notFound = (what: 'profile' | 'attempt' | 'assignment', id: string) =>
  new StoreError(
    'not-found',
    what === 'profile'
      ? say(`This profile no longer exists on this device.`, `Ce profil n'existe plus sur cet appareil.`)
      : what === 'attempt'
        ? say('This attempt no longer exists on this device.', "Cette tentative n'existe plus sur cet appareil.")
        : say('This assignment no longer exists on this device.', "Ce devoir n'existe plus sur cet appareil."),
    { cause: id },
  );
