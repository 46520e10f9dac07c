// The place codes a pairing carries for range seeks (see org.fupin.pairing.PairingPlaces):
// the helper's and the recipient's own code when it is a place, else the code of the place
// it is located in. A place's pairings and their total are then one index seek instead of a
// walk over every place and organisation below it. Set here on the pairings a store already
// holds, in batches for the national store.
CREATE INDEX pairing_helper_place IF NOT EXISTS FOR (n:Pairing) ON (n.helperPlace);

CREATE INDEX pairing_recipient_place IF NOT EXISTS FOR (n:Pairing) ON (n.recipientPlace);

MATCH (p:Pairing)
CALL { WITH p SET p.helperPlace = head([(p)-[:HELPER]->(x) | coalesce(x.code, head([(x)-[:LOCATED_IN]->(l:Place) | l.code]))]), p.recipientPlace = head([(p)-[:RECIPIENT]->(x) | coalesce(x.code, head([(x)-[:LOCATED_IN]->(l:Place) | l.code]))]) } IN TRANSACTIONS OF 10000 ROWS;
