// Name search (nameContains) uses text indexes; list filters use range indexes.
CREATE TEXT INDEX province_name_text IF NOT EXISTS FOR (n:Province) ON (n.name);
CREATE TEXT INDEX prefecture_name_text IF NOT EXISTS FOR (n:Prefecture) ON (n.name);
CREATE TEXT INDEX county_name_text IF NOT EXISTS FOR (n:County) ON (n.name);
CREATE TEXT INDEX township_name_text IF NOT EXISTS FOR (n:Township) ON (n.name);
CREATE TEXT INDEX village_name_text IF NOT EXISTS FOR (n:Village) ON (n.name);
CREATE TEXT INDEX organisation_name_text IF NOT EXISTS FOR (n:Organisation) ON (n.name);
CREATE INDEX province_region IF NOT EXISTS FOR (n:Province) ON (n.region);
CREATE INDEX county_national_key IF NOT EXISTS FOR (n:County) ON (n.nationalKeyCounty);
CREATE INDEX village_key IF NOT EXISTS FOR (n:Village) ON (n.keyVillage);
// Assets are found by place prefix, then narrowed by category, type and status.
CREATE INDEX asset_place_code IF NOT EXISTS FOR (n:Asset) ON (n.placeCode);
CREATE INDEX asset_category_place IF NOT EXISTS FOR (n:Asset) ON (n.category, n.placeCode);
CREATE INDEX asset_status IF NOT EXISTS FOR (n:Asset) ON (n.status);
CREATE INDEX pairing_program IF NOT EXISTS FOR (n:Pairing) ON (n.program);
CREATE INDEX pairing_status IF NOT EXISTS FOR (n:Pairing) ON (n.status);
CREATE INDEX change_event_at IF NOT EXISTS FOR (n:ChangeEvent) ON (n.at);
// "Current" ownership periods have no validTo; finding periods by date uses these.
CREATE INDEX owned_by_valid_from IF NOT EXISTS FOR ()-[r:OWNED_BY]-() ON (r.validFrom);
