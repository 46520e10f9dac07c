// Signing in: a demo token for a role (when the server issues demo tokens), or a bearer token
// pasted from the organisation's single sign-on. The token lives in this tab's sessionStorage.
import { claims, setToken, token } from './api.js';
import { h, fill } from './dom.js';
import { values } from './labels.js';

const ROLES = [
  ['ADMIN', '管理员 ADMIN'],
  ['AUDITOR', '审计 AUDITOR'],
  ['OFFICER', '地方工作人员 OFFICER（需所在地）'],
  ['COORDINATOR', '帮扶协调 COORDINATOR']
];

export function renderAuth(el, onChange) {
  const c = claims();
  if (!c) {
    fill(el, h('span', { class: 'who', dataset: { signedIn: 'false' } }, '匿名访问'),
      h('button', { type: 'button', onclick: () => openDialog(onChange) }, '登录 Sign in'));
    return;
  }
  const roles = Array.isArray(c.roles) ? c.roles.join(', ') : '';
  const scope = [c.place ? '地区 ' + c.place : null, c.program ? '项目 ' + c.program : null].filter(Boolean).join(' · ');
  fill(el, h('span', { class: 'who', dataset: { signedIn: 'true' } }, `已登录 ${c.sub || ''}（${roles}${scope ? ' · ' + scope : ''}）`),
    h('button', { type: 'button', onclick: () => { setToken(null); onChange(); } }, '退出 Sign out'));
}

function openDialog(onChange) {
  const message = h('p', { class: 'dialog-message' });
  const role = h('select', { name: 'role' }, ROLES.map(([v, l]) => h('option', { value: v }, l)));
  const place = h('input', { name: 'place', placeholder: '所在地代码，如 450102', size: 14 });
  const program = h('select', { name: 'program' }, h('option', { value: '' }, '（不限）'),
    values('PairingProgram').map((p) => h('option', { value: p.key }, p.label)));
  const personal = h('input', { type: 'checkbox', name: 'personalData' });
  const pasted = h('textarea', { name: 'token', rows: 3, placeholder: 'eyJ...' });
  const dialog = h('dialog', { id: 'sign-in' });
  const demo = h('form', {
    method: 'dialog',
    onsubmit: async (event) => {
      event.preventDefault();
      const params = new URLSearchParams({ role: role.value });
      if (place.value.trim()) {
        params.set('place', place.value.trim());
      }
      if (program.value) {
        params.set('program', program.value);
      }
      if (personal.checked) {
        params.set('personal-data', 'true');
      }
      try {
        const response = await fetch('/demo/token?' + params, { method: 'POST' });
        if (response.status === 404) {
          fill(message, '本服务器未开启演示令牌；请粘贴单点登录签发的令牌。Demo tokens are off here: paste a token.');
          return;
        }
        const body = await response.json();
        if (!response.ok) {
          fill(message, body.error_description || ('HTTP ' + response.status));
          return;
        }
        setToken(body.access_token);
        dialog.close();
        dialog.remove();
        onChange();
      } catch (e) {
        fill(message, '无法获取令牌：' + e.message);
      }
    }
  },
  h('fieldset', {}, h('legend', {}, '演示角色 Demo role'),
    h('label', {}, '角色 ', role), h('label', {}, '所在地 ', place), h('label', {}, '帮扶项目 ', program),
    h('label', {}, personal, ' 可查看个人信息 personal-data'),
    h('button', { type: 'submit', class: 'primary', id: 'demo-sign-in' }, '以此角色登录')));
  const paste = h('form', {
    onsubmit: (event) => {
      event.preventDefault();
      const value = pasted.value.trim().replace(/^Bearer\s+/i, '');
      if (!/^[\w-]+\.[\w-]+\.[\w-]*$/.test(value)) {
        fill(message, '这不像一个 JWT 令牌（三段，以点分隔）。');
        return;
      }
      setToken(value);
      dialog.close();
      dialog.remove();
      onChange();
    }
  },
  h('fieldset', {}, h('legend', {}, '粘贴令牌 Bearer token'), pasted,
    h('button', { type: 'submit' }, '使用此令牌')));
  fill(dialog, h('h2', {}, '登录 Sign in'), demo, paste, message,
    h('button', { type: 'button', onclick: () => { dialog.close(); dialog.remove(); } }, '取消'));
  document.body.appendChild(dialog);
  dialog.showModal();
}

export { token };
