/**
 * Room preview (/?roomPreview=<room id>[&lang=en][&end=passed|failed]):
 * draws one room with sample objects of the kinds its procedures use, in
 * telling states (open/closed, filling, alarm, torn, done…), without any
 * scenario. For authors and artists checking the look of a room, and for the
 * end-to-end tests (each room, drag, reduced motion) while scenarios for
 * every room are still being written. Taps and drags are logged on the page.
 */
import type { Lang, Localized } from '../engine/types';
import { SHOWS_ALL, type AttemptView, type ObjectView } from '../engine/view';
import { mountCleanroom } from '../game';
import { initI18n, t } from '../i18n';
import { h, render } from '../ui/dom';

type Sample = [id: string, kind: string, at: [number, number], state: string, fr: string, en: string, extra?: Partial<ObjectView> & { drag?: string }];

const SAMPLES: Record<string, Sample[]> = {
  'changing-room': [
    ['personal-items', 'personal-items', [8, 40], 'worn', 'Effets personnels', 'Personal items'],
    ['locker', 'locker', [8, 68], 'street-clothes', 'Casier', 'Locker'],
    ['sink', 'sink', [22, 35], 'used', 'Lavabo', 'Sink'],
    ['facility-suit', 'facility-suit', [22, 66], 'worn', 'Tenue de zone', 'Facility suit'],
    ['bench', 'bench', [38, 76], 'idle', 'Banc de passage', 'Step-over bench'],
    ['hand-rub', 'dispenser', [50, 30], 'idle', 'Solution hydroalcoolique', 'Hand rub'],
    ['garment-pack', 'garment-pack', [60, 55], 'damaged', 'Sachet de tenue stérile', 'Sterile garment pack'],
    ['gloves', 'gloves', [70, 38], 'packed', 'Gants stériles', 'Sterile gloves'],
    ['hood', 'hood', [77, 20], 'worn', 'Cagoule', 'Hood'],
    ['mask', 'mask', [85, 32], 'packed', 'Masque', 'Mask'],
    ['coverall', 'coverall', [76, 58], 'contaminated', 'Combinaison', 'Coverall'],
    ['overboots', 'overboots', [86, 76], 'packed', 'Surbottes', 'Overboots'],
    ['goggles', 'goggles', [92, 20], 'packed', 'Lunettes', 'Goggles'],
    ['mirror', 'mirror', [96, 46], 'idle', 'Miroir', 'Mirror'],
    ['door', 'door', [99, 82], 'closed', 'Porte du sas', 'Airlock door'],
    ['logbook', 'logbook', [60, 84], 'noted', 'Registre', 'Logbook'],
  ],
  'prep-room': [
    ['sop', 'document', [6, 30], 'idle', 'Mode opératoire', 'SOP'],
    ['pipette', 'pipette', [10, 74], 'idle', 'Pipette', 'Pipette'],
    ['bottle', 'bottle', [22, 52], 'full', 'Flacon de milieu', 'Media bottle'],
    ['label', 'label', [28, 82], 'expired', 'Étiquette', 'Label'],
    ['vessel', 'vessel', [38, 46], 'filling', 'Cuve de préparation', 'Mixing vessel'],
    ['ph-meter', 'ph-meter', [52, 34], 'measuring', 'pH-mètre', 'pH meter', { value: 7.21, unit: 'pH', decimals: 2 }],
    ['filter', 'filter', [50, 72], 'idle', 'Filtre 0,2 µm', '0.2 µm filter'],
    ['balance', 'balance', [66, 36], 'on', 'Balance', 'Balance', { value: 12.5, unit: 'g', decimals: 2 }],
    ['tester', 'integrity-tester', [66, 74], 'passed', "Testeur d'intégrité", 'Integrity tester'],
    ['connector', 'connector', [80, 84], 'not-connected', 'Connecteur stérile', 'Sterile connector', { drag: 'connect' }],
    ['osmometer', 'osmometer', [82, 34], 'on', 'Osmomètre', 'Osmometer', { value: 295, unit: 'mOsm/kg', decimals: 0 }],
    ['wfi', 'wfi-tap', [90, 60], 'open', 'Point EPPI', 'WFI point'],
    ['waste', 'waste', [97, 84], 'idle', 'Déchets', 'Waste'],
  ],
  'grade-b-lab': [
    ['incubator', 'incubator', [10, 44], 'running', 'Incubateur', 'Incubator', { value: 37, unit: '°C', decimals: 1 }],
    ['waste', 'waste', [4, 84], 'idle', 'Déchets', 'Waste'],
    ['water-bath', 'water-bath', [24, 72], 'on', 'Bain-marie', 'Water bath', { value: 37, unit: '°C', decimals: 0 }],
    ['label', 'label', [30, 38], 'done', 'Étiquette', 'Label'],
    ['vial', 'vial', [40, 62], 'closed', 'Flacon de cellules', 'Cell vial'],
    ['bottle', 'bottle', [44, 84], 'half', 'Flacon de milieu', 'Media bottle'],
    ['cabinet', 'cabinet', [50, 30], 'running', 'Poste de sécurité (A)', 'Safety cabinet (A)'],
    ['pipette', 'pipette', [58, 62], 'idle', 'Pipette', 'Pipette'],
    ['logbook', 'logbook', [64, 84], 'idle', 'Registre', 'Logbook'],
    ['alarm', 'alarm', [72, 12], 'ringing', 'Alarme', 'Alarm'],
    ['counter', 'cell-counter', [80, 40], 'on', 'Compteur de cellules', 'Cell counter', { value: 1.8, unit: 'M/mL', decimals: 1 }],
    ['particles', 'particle-counter', [86, 68], 'alarm', 'Compteur de particules', 'Particle counter', { alert: true, value: 3520, unit: '/m³' }],
    ['phone', 'phone', [95, 30], 'idle', 'Téléphone', 'Phone'],
  ],
  'upstream-suite': [
    ['media-bag', 'bag', [10, 44], 'filling', 'Poche de milieu', 'Media bag'],
    ['manifold', 'manifold', [12, 82], 'connected', 'Manifold', 'Manifold'],
    ['clamp', 'clamp', [28, 40], 'on', 'Clamp', 'Clamp'],
    ['pump', 'pump', [30, 72], 'running', 'Pompe péristaltique', 'Peristaltic pump'],
    ['bioreactor', 'bioreactor', [46, 50], 'running', 'Bioréacteur', 'Bioreactor', { value: 36.8, unit: '°C', decimals: 1 }],
    ['sample-port', 'sample-port', [60, 76], 'disinfected', "Port d'échantillonnage", 'Sample port'],
    ['control-panel', 'control-panel', [63, 28], 'running', 'Écran de contrôle', 'Control screen', { value: 7.05, unit: 'pH', decimals: 2 }],
    ['gauge', 'pressure-gauge', [76, 40], 'idle', 'Manomètre', 'Pressure gauge', { value: 0.35, unit: 'bar', decimals: 2 }],
    ['welder', 'tube-welder', [78, 74], 'closed', 'Soudeuse de tubes', 'Tube welder'],
    ['connector', 'connector', [90, 52], 'not-connected', 'Connecteur stérile', 'Sterile connector', { drag: 'connect' }],
    ['computer', 'computer', [93, 24], 'on', 'Ordinateur', 'Computer'],
  ],
  'downstream-suite': [
    ['pool-bag', 'bag', [10, 46], 'full', 'Poche de récolte', 'Harvest bag'],
    ['tester', 'integrity-tester', [12, 80], 'failed', "Testeur d'intégrité", 'Integrity tester'],
    ['valve-in', 'valve', [26, 66], 'open', "Vanne d'entrée", 'Inlet valve'],
    ['valve-out', 'valve', [36, 84], 'closed', 'Vanne de sortie', 'Outlet valve'],
    ['skid', 'chromatography-skid', [44, 52], 'running', 'Système de chromatographie', 'Chromatography skid'],
    ['clamp', 'clamp', [52, 82], 'off', 'Clamp', 'Clamp'],
    ['column', 'column', [62, 46], 'packed', 'Colonne', 'Column'],
    ['status', 'status-board', [72, 78], 'idle', 'Tableau de statut', 'Status board'],
    ['uv', 'uv-monitor', [78, 32], 'on', 'Moniteur UV', 'UV monitor', { value: 0.82, unit: 'AU', decimals: 2 }],
    ['gauge', 'pressure-gauge', [88, 62], 'alarm', 'Manomètre', 'Pressure gauge', { alert: true, value: 3.1, unit: 'bar', decimals: 1 }],
    ['freezer', 'freezer', [96, 40], 'on', 'Congélateur', 'Freezer', { value: -80, unit: '°C', decimals: 0 }],
    ['filter', 'filter', [92, 84], 'idle', 'Filtre', 'Filter'],
  ],
  'filling-line': [
    ['tunnel', 'tunnel', [12, 30], 'running', 'Sortie du tunnel', 'Tunnel outlet'],
    ['protocol', 'document', [8, 64], 'closed', "Protocole d'APS", 'APS protocol'],
    ['phone', 'phone', [29, 76], 'idle', 'Téléphone', 'Phone'],
    ['filler', 'filling-machine', [43, 30], 'running', 'Remplisseuse', 'Filling machine', { value: 120, unit: 'flacons/min', decimals: 0 }],
    ['glove', 'glove-port', [62, 28], 'torn', 'Port de gant', 'Glove port', { alert: true }],
    ['particles', 'particle-counter', [40, 64], 'on', 'Compteur de particules', 'Particle counter', { value: 210, unit: '/m³', decimals: 0 }],
    ['plates', 'petri-plate', [51, 82], 'open', 'Boîtes de sédimentation', 'Settle plates'],
    ['sampler', 'air-sampler', [61, 64], 'on', "Préleveur d'air", 'Air sampler', { value: 1000, unit: 'L', decimals: 0 }],
    ['bowl', 'stopper-bowl', [75, 30], 'jammed', 'Bol à bouchons', 'Stopper bowl'],
    ['tray', 'vial-tray', [71, 64], 'filled', 'Unités remplies', 'Filled units'],
    ['incubator', 'incubator', [83, 64], 'on', 'Incubateur', 'Incubator', { value: 22.5, unit: '°C', decimals: 1 }],
    ['booth', 'inspection-booth', [93, 80], 'on', 'Poste de mirage', 'Inspection booth', { value: 0, unit: 'u', decimals: 0 }],
  ],
  'grade-c-room': [
    ['ceiling', 'surface', [12, 17], 'soiled', 'Plafond', 'Ceiling'],
    ['walls', 'surface', [22, 36], 'cleaned', 'Murs', 'Walls'],
    ['bench', 'worktable', [58, 36], 'cleared', 'Paillasse', 'Bench'],
    ['logbook', 'logbook', [88, 22], 'open', 'Cahier de la salle', 'Room logbook'],
    ['detergent', 'bottle', [6, 65], 'checked', 'Détergent', 'Detergent'],
    ['clean-bucket', 'bucket', [8, 84], 'sporicide', 'Seau bleu', 'Blue bucket'],
    ['rinse-bucket', 'rinse-bucket', [23, 84], 'water', 'Seau rouge', 'Red bucket'],
    ['mop', 'mop', [38, 84], 'ready', 'Balai', 'Mop'],
    ['wipes', 'wipes', [42, 65], 'checked', 'Lingettes', 'Wipes'],
    ['floor', 'surface', [62, 76], 'disinfected', 'Sol', 'Floor'],
    ['timer', 'timer', [74, 60], 'running', 'Minuteur', 'Timer', { value: 7, unit: 'min', decimals: 0 }],
    ['spill', 'spill', [88, 62], 'spilled', 'Sol sous la paillasse', 'Floor under the bench', { alert: true }],
  ],
  'transfer-airlock': [
    ['spray', 'spray', [8, 30], 'checked', 'Sporicide', 'Sporicide'],
    ['outer-door', 'door', [22, 30], 'open', 'Porte côté C', 'Grade C door'],
    ['hatch', 'pass-through', [50, 30], 'loaded', 'Passe-plat', 'Pass-through hatch', { value: 3, unit: 'min', decimals: 0 }],
    ['inner-door', 'door', [78, 30], 'closed', 'Porte côté B', 'Grade B door'],
    ['shipper', 'shipper', [8, 66], 'closed', 'Carton', 'Shipper'],
    ['tubing-set', 'package', [22, 66], 'sprayed', 'Kit de tubulures', 'Tubing set'],
    ['plates', 'petri-plate', [36, 66], 'boxed', 'Boîtes de Petri', 'Petri plates'],
    ['transfer-list', 'document', [60, 66], 'read', 'Liste de transfert', 'Transfer list'],
    ['phone', 'phone', [90, 66], 'idle', 'Téléphone', 'Phone'],
  ],
};

const loc = (fr: string, en: string): Localized => ({ fr, en });

function sampleObjects(room: string): ObjectView[] {
  return (SAMPLES[room] ?? SAMPLES['prep-room']!).map(([id, kind, at, state, fr, en, extra = {}]) => {
    const { drag, ...rest } = extra;
    return {
      id,
      kind,
      at,
      state,
      name: loc(fr, en),
      stateLabel: loc(state, state),
      actions: drag ? [{ verb: drag, label: loc('Connecter', 'Connect') }] : [{ verb: 'check', label: loc('Vérifier', 'Check') }, { verb: 'note', label: loc('Noter', 'Note') }],
      alert: false,
      readings: [],
      ...rest,
    };
  });
}

/** Just what the room reads of a view; the rest is inert. */
function previewView(objects: ObjectView[], end: AttemptView['end']): AttemptView {
  return {
    end,
    mode: 'training',
    phase: { id: 'preview', title: loc('Aperçu', 'Preview') },
    phaseIndex: 0,
    phaseCount: 1,
    clock: 0,
    timeOfDay: '08:00',
    objects,
    steps: [],
    faults: [],
    record: [],
    links: [],
    outcomes: [],
    score: { total: end === 'passed' ? 92 : end === 'failed' ? 45 : 0, byCategory: {}, earned: 0, possible: 0, penalties: 0, passed: end === 'passed', critical: false, passMark: 80 },
    shows: SHOWS_ALL,
    breakdown: { earned: 0, possible: 0, base: 100, penalties: [], penaltyTotal: 0, total: 0, clamped: false, critical: null, passMark: 80, passed: end === 'passed' },
    recordGaps: { blank: [], wrong: [], late: [] },
    decision: null,
  };
}

export async function startRoomPreview(main: HTMLElement) {
  const q = new URLSearchParams(location.search);
  const room = q.get('roomPreview') || 'prep-room';
  const lang: Lang = q.get('lang') === 'en' ? 'en' : 'fr';
  const end = q.get('end');
  await initI18n(lang);
  document.documentElement.lang = lang;
  const roomName = SAMPLES[room] ? t(`roomPreview.rooms.${room}`) : room;
  const objects = sampleObjects(room);
  const host = h('div', { class: 'room-canvas', 'aria-hidden': 'true' });
  const log = h('ol', { class: 'room-log', id: 'room-log', 'aria-live': 'polite' });
  const note = (text: string) => log.append(h('li', {}, text));
  const cleanroom = mountCleanroom({
    parent: host,
    room,
    objects,
    lang,
    reducedMotion: matchMedia('(prefers-reduced-motion: reduce)').matches,
    onSelect: (id) => {
      note(`select:${id}`);
      cleanroom.highlight(id);
    },
    onAct: (e) => note(`act:${e.verb}:${e.target}`),
  });
  const twin = objects.map((o) =>
    h(
      'li',
      {},
      h('button', { type: 'button', class: 'twin-object', 'data-object': o.id, onfocus: () => cleanroom.highlight(o.id), onblur: () => cleanroom.highlight(null) }, h('span', { class: 'twin-name' }, o.name[lang]), h('span', { class: 'twin-state' }, o.state)),
    ),
  );
  render(
    main,
    h('h1', {}, t('roomPreview.heading', { room: roomName })),
    h('div', { class: 'play-grid' }, h('div', { class: 'room-column' }, h('section', { class: 'room', 'aria-label': roomName }, host), h('ul', { class: 'twin' }, twin)), h('div', { class: 'side-column' }, h('h2', {}, t('roomPreview.log')), log)),
  );
  void cleanroom.ready.then(() => {
    host.dataset.preview = 'ready';
    if (end === 'passed' || end === 'failed') cleanroom.update(previewView(objects, end), lang);
  }, () => undefined);
}
