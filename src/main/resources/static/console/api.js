// A plain client of the public GraphQL API at /graphql: the same rules apply as for any caller.

const TOKEN = 'fupin.token';

export function token() {
  return window.sessionStorage.getItem(TOKEN);
}

export function setToken(value) {
  if (value) {
    window.sessionStorage.setItem(TOKEN, value);
  } else {
    window.sessionStorage.removeItem(TOKEN);
  }
}

/** The claims of the token held, for display only (the server checks the signature). */
export function claims() {
  const t = token();
  if (!t) {
    return null;
  }
  try {
    const part = t.split('.')[1].replace(/-/g, '+').replace(/_/g, '/');
    const json = new TextDecoder().decode(Uint8Array.from(atob(part), (c) => c.charCodeAt(0)));
    return JSON.parse(json);
  } catch (e) {
    return { sub: '?' };
  }
}

export class ApiError extends Error {
  constructor(errors) {
    super(errors.map((e) => e.message).join(' '));
    this.errors = errors;
  }

  get codes() {
    return this.errors.map((e) => (e.extensions || {}).code);
  }

  has(code) {
    return this.codes.includes(code);
  }
}

/**
 * Runs an operation; answers { data, errors } (errors may be empty), or throws an ApiError when
 * there is no data at all.
 */
export async function gql(query, variables) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
  const t = token();
  if (t) {
    headers.Authorization = 'Bearer ' + t;
  }
  let response;
  try {
    response = await fetch('/graphql', { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  } catch (e) {
    throw new ApiError([{ message: '无法连接服务器。The server cannot be reached.', extensions: { code: 'UNAVAILABLE' } }]);
  }
  let body;
  try {
    body = await response.json();
  } catch (e) {
    throw new ApiError([{ message: 'HTTP ' + response.status, extensions: { code: 'INTERNAL_ERROR' } }]);
  }
  if (response.status === 401) {
    setToken(null);
    window.dispatchEvent(new Event('fupin:signed-out'));
  }
  const errors = body.errors || [];
  if (body.data == null) {
    throw new ApiError(errors.length ? errors : [{ message: 'HTTP ' + response.status }]);
  }
  return { data: body.data, errors };
}

/** The errors of one field path (e.g. ['asset']) among an answer's errors. */
export function errorsAt(errors, ...path) {
  return errors.filter((e) => Array.isArray(e.path) && path.every((p, i) => e.path[i] === p));
}
