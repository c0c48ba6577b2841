-- A voucher redeemed (scanned) after its exp: still recorded, since the goods were handed over and a
-- second redemption must still be caught, but flagged so the merchant sees it was not a valid voucher.
ALTER TABLE redemptions ADD COLUMN expired boolean NOT NULL DEFAULT false;
