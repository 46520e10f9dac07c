// Chinese labels of enum values, read from the schema's descriptions ("经营性资产. Operating ..."),
// so the console says what the API says: its error codes among them.
import { ApiError, gql } from './api.js';

const ENUMS = ['AssetCategory', 'AssetType', 'AssetStatus', 'AssetOrder', 'AuditRule', 'Severity', 'PairingProgram',
  'PairingKind', 'PairingStatus', 'CoverageGapRule', 'IncomeUseKind', 'OperationMode', 'NetworkNodeType',
  'PlaceLevel', 'DisposalMode', 'FundKind', 'ChangeOperation', 'ErrorCode'];

let loaded;
const labels = {};

export function loadLabels() {
  if (!loaded) {
    // One __schema read: graphql-java refuses a request that repeats __type (good-faith introspection).
    const query = '{ __schema { types { name kind enumValues { name description } } } }';
    loaded = gql(query).then(({ data }) => {
      for (const t of data.__schema.types) {
        if (t.kind === 'ENUM' && ENUMS.includes(t.name)) {
          labels[t.name] = t.enumValues.map((v) => ({ key: v.name, label: (v.description || v.name).split('. ')[0] }));
        }
      }
    });
  }
  return loaded;
}

/** Values of an enum with their labels, in schema order. */
export function values(type) {
  return labels[type] || [];
}

/** "经营性资产" for ('AssetCategory', 'OPERATING'); the key itself when unknown. */
export function label(type, key) {
  if (key == null) {
    return '—';
  }
  const found = values(type).find((v) => v.key === key);
  return found ? found.label : String(key);
}

/**
 * What went wrong, for a person: each API error's code named in Chinese (from the schema's
 * ErrorCode), then the server's message and the code itself.
 */
export function describe(e) {
  if (e instanceof ApiError) {
    return e.errors.map((x) => {
      const code = (x.extensions || {}).code;
      return code ? `${label('ErrorCode', code)}：${x.message}（${code}）` : x.message;
    }).join(' ');
  }
  return '出错了：' + e.message;
}
