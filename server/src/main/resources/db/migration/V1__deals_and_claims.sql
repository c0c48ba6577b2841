-- Deals and claims. The invariants live here as well as in code: even a claim that ran after its
-- Redis lease expired cannot oversell (CHECK + conditional UPDATE) or double-issue (UNIQUE).

CREATE TABLE deals (
    id                  uuid PRIMARY KEY,
    merchant_id         uuid             NOT NULL,
    title               varchar(120)     NOT NULL CHECK (length(btrim(title)) > 0),
    description         varchar(2000)    NOT NULL DEFAULT '',
    latitude            double precision NOT NULL CHECK (latitude BETWEEN -90 AND 90),
    longitude           double precision NOT NULL CHECK (longitude BETWEEN -180 AND 180),
    total_inventory     integer          NOT NULL CHECK (total_inventory > 0),
    remaining_inventory integer          NOT NULL,
    valid_from          timestamptz      NOT NULL,
    valid_until         timestamptz      NOT NULL,
    created_at          timestamptz      NOT NULL DEFAULT now(),
    updated_at          timestamptz      NOT NULL DEFAULT now(),
    -- (x, y) = (longitude, latitude) in degrees, for the discovery prefilter's GiST index.
    location            point GENERATED ALWAYS AS (point(longitude, latitude)) STORED,
    CONSTRAINT deals_remaining_within_total CHECK (remaining_inventory BETWEEN 0 AND total_inventory),
    CONSTRAINT deals_window_ordered CHECK (valid_until > valid_from)
);

CREATE INDEX deals_location_gist ON deals USING gist (location);
CREATE INDEX deals_merchant_id ON deals (merchant_id);
CREATE INDEX deals_valid_until ON deals (valid_until);

CREATE TABLE claims (
    id         uuid        PRIMARY KEY,
    deal_id    uuid        NOT NULL REFERENCES deals (id),
    user_id    varchar(64) NOT NULL,
    claimed_at timestamptz NOT NULL,
    CONSTRAINT claims_one_per_user UNIQUE (deal_id, user_id)
);
