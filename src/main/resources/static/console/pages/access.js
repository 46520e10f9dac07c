// What to say when the API refuses a field: sign in, or a role that may see it.
import { h, notice } from '../dom.js';
import { ApiError, token } from '../api.js';
import { describe } from '../labels.js';

export function describeRefusal(errors, what) {
  const codes = errors.map((e) => (e.extensions || {}).code);
  if (codes.includes('UNAUTHENTICATED') || (!token() && codes.includes('FORBIDDEN'))) {
    return notice('warn', `${what}需要登录后查看：请点击右上角“登录”选择角色，或粘贴令牌。`,
      h('br'), `Sign in to see this (${what}): anonymous visitors read dashboards, places and pairings only.`);
  }
  if (codes.includes('FORBIDDEN')) {
    return notice('warn', `当前身份无权查看${what}：`, errors.map((e) => e.message).join(' '));
  }
  if (codes.includes('NOT_FOUND') || errors.length === 0) {
    return notice('info', `没有找到${what}。`);
  }
  return notice('error', describe(new ApiError(errors)));
}
