/**
 * The profile picker shown at start on a shared tablet: choose who is
 * practising, or create a profile (a pseudonym is enough). Deleting a
 * profile is the instructor's (PIN-protected class screen), never a trainee's.
 */
import { t } from '../i18n';
import { h } from './dom';

export interface ProfileItem {
  id: string;
  name: string;
  group?: string;
}

export interface ProfileScreenOptions {
  profiles: ProfileItem[];
  choose(id: string): void;
  create(name: string, group: string): Promise<string | null>;
}

export function profileScreen(o: ProfileScreenOptions): HTMLElement {
  const error = h('p', { class: 'form-error', role: 'alert' });
  const name = h('input', { id: 'profile-name', type: 'text', maxlength: 60, autocomplete: 'off', required: true });
  const group = h('input', { id: 'profile-group', type: 'text', maxlength: 40, autocomplete: 'off' });
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
