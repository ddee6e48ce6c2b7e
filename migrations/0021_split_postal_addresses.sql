-- Postal addresses in the parts the post needs: the street lines (a line each), city, state or region, postal code,
-- and the country when it is not the authority's. The one field kept so far (`postal_address`) stays, written from
-- the parts, for the pages and the search. The existing addresses are split by this migration's data step in Swift
-- (AddressColumns.splitStoredAddresses); one that cannot be split without guessing keeps NULL parts and
-- `address_to_check`, and the print room lists it for a clerk.
ALTER TABLE appeals ADD COLUMN address_lines TEXT;
ALTER TABLE appeals ADD COLUMN address_city TEXT;
ALTER TABLE appeals ADD COLUMN address_region TEXT;
ALTER TABLE appeals ADD COLUMN address_postal_code TEXT;
ALTER TABLE appeals ADD COLUMN address_country TEXT;
ALTER TABLE appeals ADD COLUMN address_to_check BOOLEAN NOT NULL DEFAULT FALSE;
CREATE INDEX appeals_address_to_check ON appeals (case_reference) WHERE address_to_check;
