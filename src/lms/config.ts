/**
 * What a SCORM package tells the app it carries: the contract between the
 * packager (src/cli/packageScorm.ts, the instructor area's "Exporter en
 * SCORM") and the runtime that plays inside an LMS (src/lms/).
 *
 * A package is the app's own build (index.html, assets/) plus, at its root,
 * `lms.json` (this type), `imsmanifest.xml` and the schema files. The
 * manifest launches `index.html?lms=1` (and `&scenario=<id>` when the
 * package holds several procedures, one SCO each): `?lms=1` is what puts
 * the app in LMS mode, before anything touches storage or the service worker.
 */
import type { Mode, Scenario } from '../engine/types';

export type ScormStandard = '1.2' | '2004';

export interface LmsConfig {
  /** Which SCORM runtime the package speaks: SCORM 1.2 (`API`) or SCORM 2004 4th edition (`API_1484_11`). */
  standard: ScormStandard;
  /** The procedures the package holds, by id (built-in ids, or the ids of `scenarios` below). One SCO each. */
  scenarioIds: string[];
  /** Training reports completion only; assessment reports score and pass/fail against the pass mark. */
  mode: Mode;
  /** Pass mark in points out of 100; absent: each scenario's own `passMark`. */
  passMark?: number;
  /** A fault forced on every attempt (a fault id of the scenario); absent: drawn by the seeded generator. */
  forcedFault?: string;
  /** Scenarios that are not built into the app (imported in the instructor area), carried whole. */
  scenarios?: Scenario[];
  /** The package's title, as the manifest gives it (French). */
  title: string;
  /** When and by which app version the package was made (shown in the LMS mode's footer, for support). */
  madeAt: string;
  appVersion: string;
}

/** The query parameter that puts the app in LMS mode. */
export const LMS_PARAM = 'lms';
/** The file at the package's root that holds the LmsConfig. */
export const LMS_CONFIG_FILE = 'lms.json';
