// A pairing's yearly figures: one PairingResult per pairing, year and indicator, merged on
// its id (<pairing id>/<year>/<indicator>) by the mutations and the seed.
CREATE CONSTRAINT pairing_result_id IF NOT EXISTS FOR (n:PairingResult) REQUIRE n.id IS UNIQUE;
// Totals of a year start from that year's figures and funds, not from every pairing.
CREATE INDEX pairing_result_year IF NOT EXISTS FOR (n:PairingResult) ON (n.year);
CREATE INDEX fund_source_year IF NOT EXISTS FOR (n:FundSource) ON (n.year);
