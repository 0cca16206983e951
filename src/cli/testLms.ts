/**
 * A test LMS, for the end-to-end tests (tests/e2e/lms.spec.ts) and the bench
 * (benchBrowser.ts): a page that installs scorm-again (the MIT SCORM runtime,
 * a dev dependency) as the SCORM API on its window and loads the package (the
 * app's build, `index.html?lms=1`, with the lms.json given) in an iframe, as
 * an LMS does. `launch(standard, cmi, width, height)` starts the activity
 * with the CMI data the LMS kept; commits are counted, and refused while
 * `failCommits` > 0; `cmi()` gives what the LMS holds; `closeFrame()` closes
 * the activity as a learner closing the window.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import type { LmsConfig } from '../lms/config';

const SCORM_AGAIN = resolve(import.meta.dirname, '../../node_modules/scorm-again/dist/scorm-again.js');

export const TEST_LMS_PAGE = `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>LMS de test</title></head><body style="margin:0">
<script src="/test-lms/scorm-again.js"></script>
<script>
let api = null, frame = null;
window.commits = 0; window.failCommits = 0;
window.launch = (standard, cmi, width, height) => {
  api = standard === '1.2' ? new Scorm12API({ logLevel: 5 }) : new Scorm2004API({ logLevel: 5 });
  api.loadFromJSON(cmi);
  const name = standard === '1.2' ? 'LMSCommit' : 'Commit';
  const commit = api[name].bind(api);
  api[name] = (a) => { window.commits++; if (window.failCommits > 0) { window.failCommits--; return 'false'; } return commit(a); };
  window.API = standard === '1.2' ? api : undefined;
  window.API_1484_11 = standard === '2004' ? api : undefined;
  frame = document.createElement('iframe');
  frame.title = 'activité';
  frame.src = '/index.html?lms=1';
  frame.style.cssText = 'border:0;display:block;width:' + width + 'px;height:' + height + 'px';
  document.body.append(frame);
};
window.cmi = () => api.renderCMIToJSONObject().cmi;
window.closeFrame = () => { frame.remove(); frame = null; };
</script></body></html>`;

/** Opens the test LMS on the page's origin (the app's server), with this package configuration. */
export async function openTestLms(page: Page, lms: LmsConfig) {
  const script = readFileSync(SCORM_AGAIN, 'utf8');
  await page.route('**/test-lms.html', (r) => r.fulfill({ contentType: 'text/html', body: TEST_LMS_PAGE }));
  await page.route('**/test-lms/scorm-again.js', (r) => r.fulfill({ contentType: 'text/javascript', body: script }));
  await page.route('**/lms.json', (r) => r.fulfill({ json: lms }));
}
