// Money in integer fen (分) and ownership shares in integer hundredths of a percent, from the
// floating-point yuan and percent that earlier versions stored. Every such value was written
// from a decimal with at most two decimals; a double keeps 15 significant digits, so for any
// amount below 10^13 yuan, round(value * 100) (half up) is exactly that decimal's fen, and no
// fen is lost. Only FLOAT properties are touched, so the migration also runs on a store that
// is partly converted or already exact. Each statement commits in batches, for the national
// store (the importing WITH form of CALL is what Neo4j-Migrations recognises as needing
// implicit transactions).
MATCH (a:Asset) WHERE a.originalValue IS :: FLOAT
CALL { WITH a SET a.originalValue = toInteger(round(a.originalValue * 100)) } IN TRANSACTIONS OF 10000 ROWS;

MATCH (k:OperationContract) WHERE k.annualRent IS :: FLOAT
CALL { WITH k SET k.annualRent = toInteger(round(k.annualRent * 100)) } IN TRANSACTIONS OF 10000 ROWS;

MATCH (i:Income) WHERE i.amount IS :: FLOAT
CALL { WITH i SET i.amount = toInteger(round(i.amount * 100)) } IN TRANSACTIONS OF 10000 ROWS;

MATCH (u:IncomeUse) WHERE u.amount IS :: FLOAT
CALL { WITH u SET u.amount = toInteger(round(u.amount * 100)) } IN TRANSACTIONS OF 10000 ROWS;

MATCH (d:Disposal) WHERE d.proceeds IS :: FLOAT
CALL { WITH d SET d.proceeds = toInteger(round(d.proceeds * 100)) } IN TRANSACTIONS OF 10000 ROWS;

MATCH (p:Pairing) WHERE p.investment IS :: FLOAT
CALL { WITH p SET p.investment = toInteger(round(p.investment * 100)) } IN TRANSACTIONS OF 10000 ROWS;

MATCH (:Asset)-[o:OWNED_BY]->() WHERE o.share IS :: FLOAT
CALL { WITH o SET o.share = toInteger(round(o.share * 100)) } IN TRANSACTIONS OF 10000 ROWS;

MATCH (:FundSource)-[r:FUNDED]->() WHERE r.amount IS :: FLOAT
CALL { WITH r SET r.amount = toInteger(round(r.amount * 100)) } IN TRANSACTIONS OF 10000 ROWS;

MATCH (:IncomeUse)-[b:BENEFITS]->() WHERE b.amount IS :: FLOAT
CALL { WITH b SET b.amount = toInteger(round(b.amount * 100)) } IN TRANSACTIONS OF 10000 ROWS;

// Dashboard rollups held sums of doubles, which may be a fen off: their values become fen
// and they are marked as computed for a day long past, so the first dashboard read rebuilds
// them all exactly (until then it shows these numbers with that date as asOf).
MATCH (r:DashboardRollup)
WHERE any(v IN coalesce(r.values, []) + coalesce(r.pairingValues, []) WHERE v IS :: FLOAT)
CALL {
  WITH r
  SET r.values = [v IN r.values | toInteger(round(v * 100))],
      r.pairingValues = [v IN r.pairingValues | toInteger(round(v * 100))],
      r.computedFor = date('1970-01-01')
} IN TRANSACTIONS OF 10000 ROWS;
