/**
 * The profile picker shown at start on a shared tablet: choose who is
 * practising, or create a profile (a pseudonym is enough) in one of the
 * instructor's groups (chosen, never typed, so one class is one group). A
 * name the group already has asks first (identity.ts compares names).
 * Deleting a profile is the instructor's (PIN-protected class screen), never
 * a trainee's.
 */
import { sameGroup, sameName } from '../engine/identity';
import { t } from '../i18n';
import { h } from './dom';

export interface ProfileItem {
  id: string;
  name: string;
  group?: string;
}

export interface ProfileScreenOptions {
  profiles: ProfileItem[];
  /** The instructor's groups (class screen), to choose from. */
  groups: string[];
  choose(id: string): void;
  create(name: string, group: string): Promise<string | null>;
}

export function profileScreen(o: ProfileScreenOptions): HTMLElement {
  const error = h('p', { class: 'form-error', role: 'alert' });
  const name = h('input', { id: 'profile-name', type: 'text', maxlength: 60, autocomplete: 'off', required: true });
  const group = h(
    'select',
    { id: 'profile-group' },
    h('option', { value: '' }, t('profile.noGroup')),
    o.groups.map((g) => h('option', { value: g }, g)),
  );
  return h(
    'div',
    { class: 'profiles' },
    h('h2', {}, t('profile.heading')),
    h('p', {}, t('profile.intro')),
    o.profiles.length
      ? h(
          'ul',
          { class: 'profile-list', role: 'list' },
          o.profiles.map((p) =>
            h(
              'li',
              { class: 'profile-card' },
              h('button', { type: 'button', class: 'primary', 'data-profile': p.id, onclick: () => o.choose(p.id) }, t('profile.choose', { name: p.name })),
              p.group ? h('span', { class: 'muted' }, t('profile.groupOf', { group: p.group })) : null,
            ),
          ),
        )
      : h('p', { class: 'muted' }, t('profile.none')),
    h(
      'form',
      {
        class: 'profile-form',
        onsubmit: async (ev: Event) => {
          ev.preventDefault();
          // the same person twice in a group would split their results: ask first
          const twin = o.profiles.find((p) => sameName(p.name, name.value) && sameGroup(p.group, group.value));
          if (twin && !confirm(t('profile.duplicateConfirm', { name: twin.name, group: twin.group || t('profile.noGroup') }))) {
            error.textContent = t('profile.notCreated');
            return;
          }
          const problem = await o.create(name.value, group.value);
          error.textContent = problem ?? '';
        },
      },
      h('h3', {}, t('profile.new')),
      h('label', { for: 'profile-name' }, t('profile.name')),
      name,
      h('label', { for: 'profile-group' }, t('profile.group')),
      group,
      h('button', { type: 'submit', class: 'primary' }, t('profile.create')),
      error,
    ),
  );
}
