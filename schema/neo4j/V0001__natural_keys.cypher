// One uniqueness constraint per natural key. Each also gives the range index that
// lookups and prefix seeks (code STARTS WITH $parent) use.
CREATE CONSTRAINT place_code IF NOT EXISTS FOR (n:Place) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT province_code IF NOT EXISTS FOR (n:Province) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT prefecture_code IF NOT EXISTS FOR (n:Prefecture) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT county_code IF NOT EXISTS FOR (n:County) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT township_code IF NOT EXISTS FOR (n:Township) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT village_code IF NOT EXISTS FOR (n:Village) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT organisation_credit_code IF NOT EXISTS FOR (n:Organisation) REQUIRE n.creditCode IS UNIQUE;
CREATE CONSTRAINT household_no IF NOT EXISTS FOR (n:Household) REQUIRE n.householdNo IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.personId IS UNIQUE;
CREATE CONSTRAINT asset_register_no IF NOT EXISTS FOR (n:Asset) REQUIRE n.registerNo IS UNIQUE;
CREATE CONSTRAINT project_code IF NOT EXISTS FOR (n:Project) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT fund_source_code IF NOT EXISTS FOR (n:FundSource) REQUIRE n.code IS UNIQUE;
CREATE CONSTRAINT custody_id IF NOT EXISTS FOR (n:Custody) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT operation_contract_no IF NOT EXISTS FOR (n:OperationContract) REQUIRE n.contractNo IS UNIQUE;
CREATE CONSTRAINT income_id IF NOT EXISTS FOR (n:Income) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT income_use_id IF NOT EXISTS FOR (n:IncomeUse) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT disposal_id IF NOT EXISTS FOR (n:Disposal) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT pairing_id IF NOT EXISTS FOR (n:Pairing) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT change_event_id IF NOT EXISTS FOR (n:ChangeEvent) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT seed_run_version IF NOT EXISTS FOR (n:SeedRun) REQUIRE n.version IS UNIQUE;
