/**
 * The instructor area's "Exporter en SCORM": the same package as
 * `npm run package:scorm`, made in the browser from the app's own files.
 * The build's list (`build-files.json`) says which; each is fetched
 * relative to the page, so the service worker's cache answers offline once
 * the app is installed, and the network otherwise.
 */
import { BUILD_FILES, packageFiles, packageName, packageZip, type BuildFiles, type PackageChoice } from './package';

export type PackageFailure = { kind: 'no-build' } | { kind: 'missing'; file: string };

/** Why a package could not be made in this browser (the area says it in French or English). */
export class PackageError extends Error {
  constructor(readonly failure: PackageFailure) {
    super(failure.kind === 'missing' ? `Missing file of the app: ${failure.file}` : 'This app was not built (no build-files.json).');
  }
}

async function fetchOk(url: URL, failure: PackageFailure): Promise<Response> {
  const r = await fetch(url).catch(() => null);
  if (!r || !r.ok) throw new PackageError(failure);
  return r;
}

/** The local day, "2026-12-02", for the file's name. */
const localDay = (d: Date) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** Makes the package: its file name (procedure, standard, mode, day) and its bytes. */
export async function makePackage(choice: Omit<PackageChoice, 'madeAt' | 'appVersion'>, base: string = document.baseURI, now = new Date()): Promise<{ name: string; bytes: Uint8Array }> {
  const listResponse = await fetchOk(new URL(BUILD_FILES, base), { kind: 'no-build' });
  const list = (await listResponse.json().catch(() => null)) as BuildFiles | null;
  if (!list || !Array.isArray(list.files)) throw new PackageError({ kind: 'no-build' });
  const full: PackageChoice = { ...choice, madeAt: now.toISOString(), appVersion: String(list.version) };
  const files = packageFiles(full, list.files);
  const bytes = await packageZip(files, async (path) => new Uint8Array(await (await fetchOk(new URL(path, base), { kind: 'missing', file: path })).arrayBuffer()), now);
  return { name: `${packageName(full, localDay(now))}.zip`, bytes };
}
